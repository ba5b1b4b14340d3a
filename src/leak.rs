//! The leak guard: the last step of every build. It collects every internal-only text and
//! number of each account and searches the account's shared files for them; any hit fails
//! the build before anything is written.
//!
//! Which fields are internal is decided by exhaustive destructuring of the model: adding a
//! field to an account type does not compile until this file says who may see it.

use crate::model::{
    Account, AccountFile, Behaviours, Commitment, Committee, Criterion, Dispute, Event, Goal,
    Milestone, Person, Review, Statement, Turnaround, Value, Visibility,
};
use crate::render::markdown;
use crate::view::common;
use aho_corasick::AhoCorasick;

/// Words in a row that make a phrase distinctive enough to be a leak if it appears in a
/// shared file. Shorter texts are compared whole.
const WINDOW_WORDS: usize = 8;
/// Texts shorter than this (after normalising) are too common to prove a leak.
const MIN_CHARS: usize = 16;
/// Amounts below this are too common to prove a leak.
const MIN_AMOUNT: f64 = 1000.0;

/// Internal text found in a shared file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    pub account: String,
    pub field: String,
    pub file: String,
    pub text: String,
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "internal field `{}` of account `{}` appears in shared file {}: \"{}\"",
            self.field, self.account, self.file, self.text
        )
    }
}

/// The texts of one account sorted by who may see them.
#[derive(Debug, Default)]
pub struct Classified {
    /// (field path, text) pairs that must never appear in shared output.
    pub internal: Vec<(String, String)>,
    /// (field path, amount) pairs that must never appear in shared output.
    pub internal_amounts: Vec<(String, f64)>,
    /// Texts that may be shared: an internal phrase that also appears here is not a leak.
    pub shared: Vec<String>,
}

impl Classified {
    fn by_visibility(&mut self, visibility: Visibility, field: String, text: &str) {
        match visibility {
            Visibility::Internal => self.internal.push((field, text.to_string())),
            Visibility::Shared => self.shared.push(text.to_string()),
        }
    }
    fn opt(&mut self, visibility: Visibility, field: String, text: &Option<String>) {
        if let Some(text) = text {
            self.by_visibility(visibility, field, text);
        }
    }
    fn list(&mut self, visibility: Visibility, field: &str, texts: &[String]) {
        for (i, text) in texts.iter().enumerate() {
            self.by_visibility(visibility, format!("{field}[{i}]"), text);
        }
    }
}

use Visibility::{Internal, Shared};

/// Sorts every text of an account into internal and shareable.
pub fn classify(account: &Account) -> Classified {
    let Account {
        name,
        kind: _,
        owner: _,
        since: _,
        stage: _,
        turnaround,
        value,
        people,
        events,
        disputes,
        goals,
        commitments,
        governance,
        criteria,
        reviews,
        statement,
    } = account;
    let mut c = Classified::default();
    c.shared.push(name.clone());
    if let Some(t) = turnaround {
        turnaround_texts(&mut c, t);
    }
    if let Some(v) = value {
        value_texts(&mut c, v);
    }
    for (i, p) in people.iter().enumerate() {
        person_texts(&mut c, i, p);
    }
    for (i, e) in events.iter().enumerate() {
        event_texts(&mut c, i, e);
    }
    for (i, d) in disputes.iter().enumerate() {
        dispute_texts(&mut c, i, d);
    }
    for (i, g) in goals.iter().enumerate() {
        goal_texts(&mut c, i, g);
    }
    for (i, x) in commitments.iter().enumerate() {
        commitment_texts(&mut c, i, x);
    }
    for (i, x) in governance.iter().enumerate() {
        committee_texts(&mut c, i, x);
    }
    for (i, x) in criteria.iter().enumerate() {
        criterion_texts(&mut c, i, x);
    }
    for (i, r) in reviews.iter().enumerate() {
        review_texts(&mut c, i, r);
    }
    if let Some(s) = statement {
        statement_texts(&mut c, s);
    }
    c
}

/// The turnaround is our own assessment of where the relationship stands.
fn turnaround_texts(c: &mut Classified, t: &Turnaround) {
    let Turnaround {
        step: _,
        started: _,
        cycle: _,
        evidence,
    } = t;
    for (step, text) in evidence {
        c.internal
            .push((format!("turnaround.evidence.{step}"), text.clone()));
    }
}

fn value_texts(c: &mut Classified, v: &Value) {
    let Value {
        annual_amount,
        currency: _,
        need: _,
        want: _,
        counterpart_wants: _,
        alternatives,
        impact_of_loss,
    } = v;
    if let Some(amount) = annual_amount {
        c.internal_amounts
            .push(("value.annual_amount".into(), *amount));
    }
    c.opt(Internal, "value.alternatives".into(), alternatives);
    c.opt(Internal, "value.impact_of_loss".into(), impact_of_loss);
}

fn person_texts(c: &mut Classified, i: usize, p: &Person) {
    let Person {
        id: _,
        name,
        side: _,
        role,
        level: _,
        sponsor: _,
        decision_maker: _,
        covers: _,
        assets,
        liabilities,
        notes,
    } = p;
    c.shared.push(name.clone());
    c.shared.extend(role.iter().cloned());
    c.list(Internal, &format!("people[{i}].assets"), assets);
    c.list(Internal, &format!("people[{i}].liabilities"), liabilities);
    c.opt(Internal, format!("people[{i}].notes"), notes);
}

fn event_texts(c: &mut Classified, i: usize, e: &Event) {
    let Event {
        date: _,
        kind: _,
        title,
        sentiment: _,
        people: _,
        note,
        visibility,
    } = e;
    c.by_visibility(*visibility, format!("events[{i}].title"), title);
    c.opt(*visibility, format!("events[{i}].note"), note);
}

fn dispute_texts(c: &mut Classified, i: usize, d: &Dispute) {
    let Dispute {
        id: _,
        title,
        opened: _,
        resolved: _,
        amount,
        currency: _,
        escalated_to: _,
        owner: _,
        note,
        visibility,
    } = d;
    c.opt(*visibility, format!("disputes[{i}].title"), title);
    c.opt(*visibility, format!("disputes[{i}].note"), note);
    if let Some(amount) = amount {
        match visibility {
            Internal => c
                .internal_amounts
                .push((format!("disputes[{i}].amount"), *amount)),
            Shared => c.shared.push(common::amount(*amount)),
        }
    }
}

fn goal_texts(c: &mut Classified, i: usize, g: &Goal) {
    let Goal {
        id: _,
        title,
        owners: _,
        note,
        visibility,
        milestones,
    } = g;
    c.opt(*visibility, format!("goals[{i}].title"), title);
    c.opt(*visibility, format!("goals[{i}].note"), note);
    for (j, m) in milestones.iter().enumerate() {
        let Milestone {
            title,
            due: _,
            done: _,
        } = m;
        c.by_visibility(
            *visibility,
            format!("goals[{i}].milestones[{j}].title"),
            title,
        );
    }
}

fn commitment_texts(c: &mut Classified, i: usize, x: &Commitment) {
    let Commitment {
        by: _,
        what,
        made: _,
        due: _,
        status: _,
        evidence,
        visibility,
    } = x;
    c.by_visibility(*visibility, format!("commitments[{i}].what"), what);
    c.opt(*visibility, format!("commitments[{i}].evidence"), evidence);
}

fn committee_texts(c: &mut Classified, i: usize, x: &Committee) {
    let Committee {
        name,
        cadence: _,
        members: _,
        purpose,
        visibility,
    } = x;
    c.by_visibility(*visibility, format!("governance[{i}].name"), name);
    c.opt(*visibility, format!("governance[{i}].purpose"), purpose);
}

/// Criteria and scores are how we judge ourselves: internal, but their names are common
/// words ("Reliability"), so only the illustrations are guarded.
fn criterion_texts(c: &mut Classified, i: usize, x: &Criterion) {
    let Criterion {
        id: _,
        name: _,
        weight: _,
        illustrations,
    } = x;
    c.list(
        Internal,
        &format!("criteria[{i}].illustrations"),
        illustrations,
    );
}

fn review_texts(c: &mut Classified, i: usize, r: &Review) {
    let Review {
        quarter: _,
        date: _,
        attendees: _,
        scores: _,
        successes,
        failures,
        recognition,
        next_steps,
        summary,
        shared_summary,
    } = r;
    c.list(Internal, &format!("reviews[{i}].successes"), successes);
    c.list(Internal, &format!("reviews[{i}].failures"), failures);
    c.list(Internal, &format!("reviews[{i}].recognition"), recognition);
    c.list(Internal, &format!("reviews[{i}].next_steps"), next_steps);
    c.opt(Internal, format!("reviews[{i}].summary"), summary);
    c.opt(
        Shared,
        format!("reviews[{i}].shared_summary"),
        shared_summary,
    );
}

fn statement_texts(c: &mut Classified, s: &Statement) {
    let Statement {
        title,
        date: _,
        vision,
        behaviours,
        signatories: _,
    } = s;
    let Behaviours { us, them } = behaviours;
    c.shared.extend(title.iter().cloned());
    c.shared.extend(vision.iter().cloned());
    c.shared.extend(us.iter().cloned());
    c.shared.extend(them.iter().cloned());
}

/// Text as a reader sees it: whitespace collapsed, lower case.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The visible text of a Markdown note, block by block.
fn phrases(markdown_text: &str) -> Vec<String> {
    markdown::to_plain_blocks(markdown_text)
        .iter()
        .map(|b| normalise(b))
        .filter(|b| !b.is_empty())
        .collect()
}

/// The needles of one internal text: short blocks whole, long blocks as every run of
/// `WINDOW_WORDS` words, so a partial copy is caught too.
fn needles(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in phrases(text) {
        let words: Vec<&str> = block.split(' ').collect();
        if words.len() <= WINDOW_WORDS {
            if block.chars().count() >= MIN_CHARS && words.len() >= 2 {
                out.push(block);
            }
        } else {
            out.extend(words.windows(WINDOW_WORDS).map(|w| w.join(" ")));
        }
    }
    out
}

/// The forms in which an amount could appear on a page.
fn amount_needles(amount: f64) -> Vec<String> {
    if amount.abs() < MIN_AMOUNT {
        return Vec::new();
    }
    let mut forms = vec![common::amount(amount)];
    if amount.fract() == 0.0 {
        forms.push(format!("{}", amount as i64));
    } else {
        forms.push(format!("{amount}"));
    }
    forms.dedup();
    forms
}

/// The text a reader of a shared file sees, and what its source shows to anyone who opens
/// it: for HTML, the visible text (tags stripped, entities decoded) followed by every
/// attribute value and comment (a tooltip or an `<!-- -->` travels with the file just the
/// same); Markdown reduced to its text; anything else as it is. Whitespace is collapsed,
/// and separate pieces are kept apart by a character no needle contains.
pub fn visible_text(path: &str, content: &str) -> String {
    if path.ends_with(".html") {
        let (visible, hidden) = read_html(content);
        let mut text = normalise(&decode_entities(&visible));
        for piece in hidden {
            text.push_str(" \u{1} ");
            text.push_str(&normalise(&decode_entities(&piece)));
        }
        text
    } else if path.ends_with(".md") {
        normalise(&decode_entities(&markdown::to_plain_text(content)))
    } else {
        normalise(content)
    }
}

/// Elements that flow within a line: a reader sees `h<b>at</b>es` as one word, so they
/// are removed without a gap. Every other tag separates words.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];

/// Splits HTML into its visible text and its hidden pieces (attribute values, comments).
fn read_html(html: &str) -> (String, Vec<String>) {
    let mut visible = String::with_capacity(html.len());
    let mut hidden = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        visible.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").unwrap_or(comment.len());
            hidden.push(comment[..end].to_string());
            rest = comment.get(end + 3..).unwrap_or_default();
            visible.push(' ');
            continue;
        }
        let (tag, after) = split_tag(rest);
        rest = after;
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE_ELEMENTS.contains(&name.as_str()) {
            visible.push(' ');
        }
        hidden.extend(attribute_values(tag));
    }
    visible.push_str(rest);
    (visible, hidden)
}

/// The tag at the start of `html` (up to its `>`, quotes respected) and what follows it.
fn split_tag(html: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (&html[..i + 1], &html[i + 1..]),
            _ => {}
        }
    }
    (html, "")
}

/// The values of the attributes of one tag, quoted or not.
fn attribute_values(tag: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &after[1..];
                let end = inner.find(q).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if !value.trim().is_empty() {
            values.push(value.to_string());
        }
        rest = tail;
    }
    values
}

/// Decodes character references: the named ones templates and Markdown produce, and every
/// numeric one (`&#39;`, `&#x2F;`), so an encoded character cannot hide a phrase.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .get(1..rest.find(';').filter(|&end| end <= 10).unwrap_or(0))
            .and_then(|entity| entity_char(entity).map(|c| (c, entity.len() + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(entity: &str) -> Option<char> {
    let code = if let Some(hex) = entity
        .strip_prefix("#x")
        .or_else(|| entity.strip_prefix("#X"))
    {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = entity.strip_prefix('#') {
        decimal.parse().ok()?
    } else {
        return match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "amp" => Some('&'),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            _ => None,
        };
    };
    char::from_u32(code)
}

/// Searches the shared files of one account for its internal texts and amounts.
pub fn scan_account(file: &AccountFile, shared_files: &[(&str, &[u8])]) -> Vec<Leak> {
    let classified = classify(&file.account);
    let allowed = classified
        .shared
        .iter()
        .map(|t| phrases(t).join(" \u{1} "))
        .collect::<Vec<_>>()
        .join(" \u{1} ");
    let mut patterns: Vec<(String, String)> = Vec::new();
    for (field, text) in &classified.internal {
        patterns.extend(needles(text).into_iter().map(|n| (field.clone(), n)));
    }
    for (field, amount) in &classified.internal_amounts {
        patterns.extend(
            amount_needles(*amount)
                .into_iter()
                .map(|n| (field.clone(), n)),
        );
    }
    // A phrase the user also wrote in a shareable field is not a leak.
    patterns.retain(|(_, needle)| !allowed.contains(needle.as_str()));
    patterns.sort();
    patterns.dedup();
    if patterns.is_empty() {
        return Vec::new();
    }
    // One automaton per account, used on a few dozen files: building a DFA costs more than
    // it saves here, so the contiguous NFA is used.
    let Ok(automaton) = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(patterns.iter().map(|(_, n)| n))
    else {
        return Vec::new();
    };
    let mut leaks = Vec::new();
    for (path, bytes) in shared_files {
        let text = visible_text(path, &String::from_utf8_lossy(bytes));
        for hit in automaton.find_iter(&text) {
            let (field, needle) = &patterns[hit.pattern().as_usize()];
            if is_amount(needle) && !number_boundaries(&text, hit.start(), hit.end()) {
                continue;
            }
            let leak = Leak {
                account: file.id.clone(),
                field: field.clone(),
                file: path.to_string(),
                text: needle.clone(),
            };
            if !leaks
                .iter()
                .any(|l: &Leak| l.field == leak.field && l.file == leak.file)
            {
                leaks.push(leak);
            }
        }
    }
    leaks
}

fn is_amount(needle: &str) -> bool {
    needle
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// An amount found inside a longer number is not that amount.
fn number_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !after.is_some_and(|c| {
            c.is_ascii_digit()
                || (c == ',' || c == '.')
                    && text[end + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(yaml: &str) -> AccountFile {
        AccountFile {
            id: "acme".into(),
            path: "accounts/acme.yaml".into(),
            source: yaml.into(),
            account: crate::yaml::parse(yaml).unwrap(),
        }
    }

    const ACCOUNT: &str = "name: Acme\nkind: customer\nvalue:\n  annual_amount: 1200000\n  alternatives: \"We are **quietly qualifying** their competitor Blue Forge as a fallback\"\npeople:\n  - id: raj\n    name: Raj Patel\n    side: them\n    notes: Raj hates long meetings and will not read decks\n";

    #[test]
    fn finds_internal_text_in_shared_html_and_markdown() {
        let file = account(ACCOUNT);
        let html = b"<p>We are <strong>quietly qualifying</strong> their competitor Blue Forge as a fallback</p>";
        let leaks = scan_account(&file, &[("shared/acme/statement.html", html)]);
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!(leaks[0].field, "value.alternatives");
        let md = b"Raj hates *long meetings* and will not read decks";
        let leaks = scan_account(&file, &[("shared/acme/statement.md", md)]);
        assert_eq!(leaks[0].field, "people[0].notes");
    }

    #[test]
    fn finds_amounts_only_as_whole_numbers() {
        let file = account(ACCOUNT);
        assert_eq!(
            scan_account(&file, &[("a.html", b"<td>USD 1,200,000</td>")]).len(),
            1
        );
        assert_eq!(
            scan_account(&file, &[("a.md", b"worth 1200000 a year")]).len(),
            1
        );
        assert!(scan_account(&file, &[("a.md", b"ref 91200000")]).is_empty());
    }

    #[test]
    fn html_is_read_as_its_reader_and_its_source_show_it() {
        let text = visible_text(
            "a.html",
            "<p title='a &amp; b'>h<b>at</b>es</p><td>x</td><td>y</td><!-- c&#x2F;d -->&#82;aj",
        );
        assert_eq!(text, "hates x y raj \u{1} a & b \u{1} c/d");
        // Broken markup ends the text instead of failing.
        assert_eq!(visible_text("a.html", "x <p title=\"y"), "x \u{1} y");
        assert_eq!(
            decode_entities("&#xZZ; &#99999999; &unknown; &"),
            "&#xZZ; &#99999999; &unknown; &"
        );
    }

    #[test]
    fn shared_text_and_short_words_are_not_leaks() {
        let file = account(ACCOUNT);
        assert!(scan_account(&file, &[("a.html", b"<p>Acme and Raj Patel met.</p>")]).is_empty());
    }
}
