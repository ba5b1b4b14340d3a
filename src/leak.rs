//! The leak guard: the last step of every build. It collects every internal-only text and
//! number of each account and searches the account's shared files for them; any hit fails
//! the build before anything is written.
//!
//! Which fields are internal is decided by exhaustive destructuring of the model: adding a
//! field to an account type does not compile until this file says who may see it.

use crate::format;
use crate::format::markdown;
use crate::model::{
    Account, AccountFile, Behaviours, Commitment, Committee, Criterion, Dispute, Event, Goal,
    Milestone, Person, Review, Statement, Turnaround, Value, Visibility,
};
mod text;

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
            Shared => c.shared.push(format::amount(*amount)),
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

/// The internal texts and amounts of one account as search patterns. Every needle is a
/// range of one buffer: a long block normalises to single-spaced words, so each window of
/// `WINDOW_WORDS` words is a slice of it and needs no string of its own.
#[derive(Debug, Default)]
struct Needles<'a> {
    fields: Vec<&'a str>,
    text: String,
    list: Vec<Needle>,
}

#[derive(Debug, Clone, Copy)]
struct Needle {
    field: usize,
    start: usize,
    end: usize,
}

impl<'a> Needles<'a> {
    fn collect(classified: &'a Classified) -> Self {
        let mut needles = Needles::default();
        let mut spaces = Vec::new();
        for (field, text) in &classified.internal {
            needles.fields.push(field);
            let field = needles.fields.len() - 1;
            for_each_block(text, |block| needles.add_block(field, block, &mut spaces));
        }
        for (field, amount) in &classified.internal_amounts {
            needles.fields.push(field);
            let field = needles.fields.len() - 1;
            for form in amount_needles(*amount) {
                let start = needles.text.len();
                needles.text.push_str(&form);
                needles.push(field, start, needles.text.len());
            }
        }
        // Patterns are ordered by field name, then text: which field a hit reports when two
        // hold the same phrase depends on it. Fields are ranked once, so that sorting the
        // needles compares numbers before texts; fields of one name share a rank.
        let mut by_name: Vec<usize> = (0..needles.fields.len()).collect();
        by_name.sort_by_key(|&field| needles.fields[field]);
        let mut rank = vec![0; needles.fields.len()];
        for (i, pair) in by_name.windows(2).enumerate() {
            let same = needles.fields[pair[0]] == needles.fields[pair[1]];
            rank[pair[1]] = if same { rank[pair[0]] } else { i + 1 };
        }
        let mut list = std::mem::take(&mut needles.list);
        let key = |n: &Needle| (rank[n.field], needles.text(n));
        list.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        list.dedup_by(|a, b| key(a) == key(b));
        needles.list = list;
        needles
    }

    /// The needles of one block of an internal text: a short block whole, a long one as
    /// every run of `WINDOW_WORDS` words, so a partial copy is caught too.
    fn add_block(&mut self, field: usize, block: &str, spaces: &mut Vec<usize>) {
        let start = self.text.len();
        text::push_normalised(&mut self.text, block, false);
        let end = self.text.len();
        let Some(normalised) = self.text.get(start..) else {
            return;
        };
        if normalised.is_empty() {
            return;
        }
        spaces.clear();
        spaces.extend(
            normalised
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| start + i),
        );
        let words = spaces.len() + 1;
        if words <= WINDOW_WORDS {
            if normalised.chars().count() >= MIN_CHARS && words >= 2 {
                self.push(field, start, end);
            }
            return;
        }
        // Word `k` starts after space `k - 1` and ends at space `k` (or the block's end).
        for first in 0..=words - WINDOW_WORDS {
            let from = if first == 0 {
                start
            } else {
                spaces[first - 1] + 1
            };
            let last = first + WINDOW_WORDS - 1;
            let to = spaces.get(last).copied().unwrap_or(end);
            self.push(field, from, to);
        }
    }

    fn push(&mut self, field: usize, start: usize, end: usize) {
        self.list.push(Needle { field, start, end });
    }

    fn text(&self, needle: &Needle) -> &str {
        self.text.get(needle.start..needle.end).unwrap_or_default()
    }
}

/// The forms in which an amount could appear on a page.
fn amount_needles(amount: f64) -> Vec<String> {
    if amount.abs() < MIN_AMOUNT {
        return Vec::new();
    }
    let mut forms = vec![format::amount(amount)];
    if amount.fract() == 0.0 {
        forms.push(format!("{}", amount as i64));
    } else {
        forms.push(format!("{amount}"));
    }
    forms.dedup();
    forms
}

/// Calls `each` with the plain text of every block of a Markdown note (paragraphs, list
/// items, table cells, headings), so that no phrase runs across two blocks.
fn for_each_block(text: &str, mut each: impl FnMut(&str)) {
    if is_one_plain_paragraph(text) {
        each(text);
    } else {
        for block in markdown::to_plain_blocks(text) {
            each(&block);
        }
    }
}

/// Bytes that mean something to Markdown inside a line (with the extensions the notes are
/// rendered with), or start a block after spaces.
const MARKDOWN_SYNTAX: &[u8] = b"\\`*_[]!<>&~|#";

/// Whether Markdown reads `text` as one paragraph of exactly its own text: one line that
/// starts with a letter (no block can start so) and holds no byte that means anything
/// inside a line. Most notes are such a line, and this spares them the parser.
fn is_one_plain_paragraph(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && text.bytes().all(|b| {
            b >= 0x80 || (b == b' ' || b.is_ascii_graphic()) && !MARKDOWN_SYNTAX.contains(&b)
        })
}

/// The shareable texts as one string, block by block, pieces kept apart by a character no
/// needle contains: a needle found in it was also written where it may be shared.
fn allowed_text(shared: &[String]) -> String {
    let mut out = String::new();
    for (i, text) in shared.iter().enumerate() {
        if i > 0 {
            out.push_str(" \u{1} ");
        }
        let mut first = true;
        for_each_block(text, |block| {
            let mark = out.len();
            if !first {
                out.push_str(" \u{1} ");
            }
            let start = out.len();
            text::push_normalised(&mut out, block, false);
            if out.len() == start {
                out.truncate(mark);
            } else {
                first = false;
            }
        });
    }
    out
}

/// The text a reader of a shared file sees, and what its source shows to anyone who opens
/// it: for HTML, the visible text (tags stripped, entities decoded) followed by every
/// attribute value and comment (a tooltip or an `<!-- -->` travels with the file just the
/// same); Markdown reduced to its text; anything else as it is. Whitespace is collapsed,
/// and separate pieces are kept apart by a character no needle contains.
pub fn visible_text(path: &str, content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    text::push_visible_text(&mut out, &mut text::Scratch::default(), path, content);
    out
}

/// One occurrence of a needle in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    end: usize,
    /// Longer first among hits that end together.
    longer: std::cmp::Reverse<usize>,
    needle: usize,
    start: usize,
}

/// Needles that may share one prefix before the prefix filter stops paying: every position
/// that starts with it is compared with each of them, so a page of near-identical phrases
/// would take quadratic time. Such an account is searched with an Aho-Corasick automaton,
/// linear whatever the input, instead.
const MAX_SHARED_PREFIX: usize = 64;

/// How one account's needles are searched for (see [`Finder`]).
enum Search {
    Prefixes(Box<Finder>),
    Automaton(aho_corasick::AhoCorasick),
}

impl Search {
    fn new(needles: &Needles) -> Self {
        let finder = Finder::new(needles);
        if finder.widest_prefix() <= MAX_SHARED_PREFIX {
            return Search::Prefixes(Box::new(finder));
        }
        // Overlapping search needs the standard match kind, the builder's default.
        match aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(needles.list.iter().map(|n| needles.text(n)))
        {
            Ok(automaton) => Search::Automaton(automaton),
            // Too large for an automaton: the filter is slower here but still exact.
            Err(_) => Search::Prefixes(Box::new(finder)),
        }
    }

    /// Replaces `hits` with every occurrence in `text`, sorted as [`Finder::find_all`]
    /// sorts them.
    fn find_all(&self, needles: &Needles, text: &str, hits: &mut Vec<Hit>) {
        match self {
            Search::Prefixes(finder) => finder.find_all(needles, text, hits),
            Search::Automaton(automaton) => {
                hits.clear();
                hits.extend(
                    automaton
                        .find_overlapping_iter(text)
                        .map(|m| Hit::new(m.start(), m.len(), m.pattern().as_usize())),
                );
                hits.sort_unstable();
            }
        }
    }
}

/// Finds every occurrence of every needle of an account, overlapping ones included. The
/// first bytes of the needles rule out most positions with one look: four for every needle,
/// then eight for long ones (every phrase) and four for shorter (amounts); anything
/// shorter still is compared everywhere. An Aho-Corasick automaton cost more to build than
/// to run on an account's few dozen pages; this costs a sort.
struct Finder {
    first: Filter,
    long: Prefixes,
    short: Prefixes,
    tiny: Vec<usize>,
}

impl Finder {
    fn new(needles: &Needles) -> Self {
        let mut finder = Finder {
            first: Filter::default(),
            long: Prefixes::default(),
            short: Prefixes::default(),
            tiny: Vec::new(),
        };
        for (id, needle) in needles.list.iter().enumerate() {
            let bytes = needles.text(needle).as_bytes();
            if let Some(key) = key4(bytes) {
                finder.first.insert(key);
            }
            if let Some(key) = key8(bytes) {
                finder.long.insert(key, id);
            } else if let Some(key) = key4(bytes) {
                finder.short.insert(key, id);
            } else {
                finder.tiny.push(id);
            }
        }
        finder.long.keys.sort_unstable();
        finder.short.keys.sort_unstable();
        finder
    }

    /// The most needles compared at one position: the longest run of one prefix, or every
    /// needle too short to have one.
    fn widest_prefix(&self) -> usize {
        let widest = |keys: &[(u64, usize)]| {
            keys.chunk_by(|a, b| a.0 == b.0)
                .map(<[_]>::len)
                .max()
                .unwrap_or(0)
        };
        widest(&self.long.keys)
            .max(widest(&self.short.keys))
            .max(self.tiny.len())
    }

    /// Replaces `hits` with the occurrences in `text`, in the order a left to right search
    /// meets their ends.
    fn find_all(&self, needles: &Needles, text: &str, hits: &mut Vec<Hit>) {
        hits.clear();
        let bytes = text.as_bytes();
        let mut check = |prefixes: &Prefixes, key: u64, start: usize| {
            if !prefixes.filter.may_hold(key) {
                return;
            }
            for id in prefixes.with_key(key) {
                let needle = needles.text(&needles.list[id]).as_bytes();
                if bytes[start..].starts_with(needle) {
                    hits.push(Hit::new(start, needle.len(), id));
                }
            }
        };
        for (start, window) in bytes.windows(8).enumerate() {
            let Some(key) = key8(window) else {
                continue;
            };
            let short = key & 0xffff_ffff;
            if self.first.may_hold(short) {
                check(&self.long, key, start);
                check(&self.short, short, start);
            }
        }
        // The last seven positions have no eight bytes to look at.
        let tail = bytes.len().saturating_sub(7);
        for (start, window) in bytes[tail..].windows(4).enumerate() {
            if let Some(key) = key4(window) {
                check(&self.short, key, tail + start);
            }
        }
        for &id in &self.tiny {
            let needle = needles.text(&needles.list[id]).as_bytes();
            if needle.is_empty() {
                continue;
            }
            for (start, window) in bytes.windows(needle.len()).enumerate() {
                if window == needle {
                    hits.push(Hit::new(start, needle.len(), id));
                }
            }
        }
        hits.sort_unstable();
    }
}

impl Hit {
    fn new(start: usize, len: usize, needle: usize) -> Self {
        Hit {
            end: start + len,
            longer: std::cmp::Reverse(len),
            needle,
            start,
        }
    }
}

/// The first eight bytes of `bytes` as a number, if it has them.
fn key8(bytes: &[u8]) -> Option<u64> {
    bytes
        .first_chunk::<8>()
        .map(|chunk| u64::from_le_bytes(*chunk))
}

/// The first four bytes of `bytes` as a number, if it has them: the low half of `key8`.
fn key4(bytes: &[u8]) -> Option<u64> {
    bytes
        .first_chunk::<4>()
        .map(|chunk| u64::from(u32::from_le_bytes(*chunk)))
}

/// A bit per hashed prefix: a clear bit rules a position out. 2^14 bits, 2 KiB, small
/// enough to stay in the fastest cache while a page is read.
struct Filter([u64; 256]);

impl Default for Filter {
    fn default() -> Self {
        Filter([0; 256])
    }
}

impl Filter {
    fn slot(key: u64) -> (usize, u64) {
        let slot = key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50;
        ((slot >> 6) as usize & 0xff, 1 << (slot & 63))
    }

    fn insert(&mut self, key: u64) {
        let (word, bit) = Self::slot(key);
        self.0[word] |= bit;
    }

    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let (word, bit) = Self::slot(key);
        self.0[word] & bit != 0
    }
}

/// Needle prefixes of one length: the filter, then the sorted (prefix, needle) pairs.
#[derive(Default)]
struct Prefixes {
    filter: Filter,
    keys: Vec<(u64, usize)>,
}

impl Prefixes {
    fn insert(&mut self, key: u64, id: usize) {
        self.filter.insert(key);
        self.keys.push((key, id));
    }

    /// The needles with this prefix, in id order.
    fn with_key(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let from = self.keys.partition_point(|&(k, _)| k < key);
        self.keys[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, id)| id)
    }
}

/// Searches the shared files of one account for its internal texts and amounts.
pub fn scan_account(file: &AccountFile, shared_files: &[(&str, &[u8])]) -> Vec<Leak> {
    let classified = classify(&file.account);
    let needles = Needles::collect(&classified);
    if needles.list.is_empty() {
        return Vec::new();
    }
    let finder = Search::new(&needles);
    let mut hits = Vec::new();
    // A phrase the user also wrote in a shareable field is not a leak. Hits are rare, so
    // this is asked of a needle only when it is found, and the shareable text is only
    // assembled when first needed.
    let mut allowed: Option<String> = None;
    let mut verdicts: Vec<Option<bool>> = vec![None; needles.list.len()];
    let mut leaks = Vec::new();
    let mut text = String::new();
    let mut scratch = text::Scratch::default();
    for (path, bytes) in shared_files {
        let content = match std::str::from_utf8(bytes) {
            Ok(content) => std::borrow::Cow::Borrowed(content),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        text.clear();
        text::push_visible_text(&mut text, &mut scratch, path, &content);
        // Every occurrence is found, allowed needles' too; this loop keeps the ones a left
        // to right search for the leaking needles alone would report: the earliest-ending
        // (then longest, then first) leaking hit that starts after the previous one.
        finder.find_all(&needles, &text, &mut hits);
        let mut resume = 0;
        for hit in &hits {
            if hit.start < resume {
                continue;
            }
            let id = hit.needle;
            let Some(needle) = needles.list.get(id) else {
                continue;
            };
            let needle_text = needles.text(needle);
            let leaking = *verdicts[id].get_or_insert_with(|| {
                !allowed
                    .get_or_insert_with(|| allowed_text(&classified.shared))
                    .contains(needle_text)
            });
            if !leaking {
                continue;
            }
            resume = hit.end;
            if is_amount(needle_text) && !number_boundaries(&text, hit.start, hit.end) {
                continue;
            }
            let field = needles.fields[needle.field];
            if !leaks
                .iter()
                .any(|l: &Leak| l.field == field && l.file == *path)
            {
                leaks.push(Leak {
                    account: file.id.clone(),
                    field: field.to_string(),
                    file: path.to_string(),
                    text: needle_text.to_string(),
                });
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
    use aho_corasick::AhoCorasick;

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
            visible_text("a.html", "&#xZZ; &#99999999; &unknown; &"),
            "&#xzz; &#99999999; &unknown; &"
        );
    }

    #[test]
    fn shared_text_and_short_words_are_not_leaks() {
        let file = account(ACCOUNT);
        assert!(scan_account(&file, &[("a.html", b"<p>Acme and Raj Patel met.</p>")]).is_empty());
    }

    #[test]
    fn a_needle_at_the_very_end_of_a_file_is_found() {
        let file = account(ACCOUNT);
        for (path, bytes) in [
            (
                "a.html",
                &b"<p>x</p>qualifying their competitor Blue Forge as a fallback"[..],
            ),
            (
                "a.md",
                b"We are quietly qualifying their competitor Blue Forge as a FALLBACK",
            ),
            (
                "a.css",
                b"/* raj hates long meetings and will not read decks",
            ),
            (
                "a.html",
                b"<p title=\"raj hates long meetings and will not read decks\">",
            ),
        ] {
            let leaks = scan_account(&file, &[(path, bytes)]);
            assert_eq!(leaks.len(), 1, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn amounts_at_the_ends_of_a_file_and_next_to_punctuation() {
        let file = account(ACCOUNT);
        for (bytes, found) in [
            (&b"1,200,000"[..], true),
            (b"1200000", true),
            (b"(1,200,000).", true),
            (b"1,200,000.", true),
            (b"1,200,000, then", true),
            (b"1,200,000.5", false),
            (b"1,200,0000", false),
            (b"11,200,000", false),
            (b".1200000", false),
            (b"1,200,000,5", false),
        ] {
            let leaks = scan_account(&file, &[("a.md", bytes)]);
            assert_eq!(
                !leaks.is_empty(),
                found,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn a_shared_phrase_does_not_hide_the_leak_that_overlaps_it() {
        // The first window of the note is also a shared event title; the window after it
        // is not, and the page holds both.
        let yaml = format!(
            "{ACCOUNT}events:\n  - date: 2026-01-12\n    title: Raj hates long meetings and will not read\n    visibility: shared\n"
        );
        let file = account(&yaml);
        let leaks = scan_account(
            &file,
            &[("a.md", b"raj hates long meetings and will not read decks")],
        );
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!(leaks[0].text, "hates long meetings and will not read decks");
        assert!(scan_account(
            &file,
            &[("a.md", b"raj hates long meetings and will not read")]
        )
        .is_empty());
    }

    #[test]
    fn needles_sharing_one_prefix_are_searched_in_linear_time_with_the_same_result() {
        // 100 internal event notes that all begin "we told them ": the prefix filter would
        // compare each of them at every position of a page full of such phrases.
        let mut yaml = format!("{ACCOUNT}events:\n");
        for i in 0..100 {
            yaml.push_str(&format!(
                "  - date: 2026-01-12\n    title: Call {i}\n    note: We told them story {i} of many\n"
            ));
        }
        let file = account(&yaml);
        let classified = classify(&file.account);
        let needles = Needles::collect(&classified);
        assert!(matches!(Search::new(&needles), Search::Automaton(_)));
        let page: String = (0..100)
            .map(|i| format!("<p>we told them story {i} of many</p>"))
            .collect();
        let files = [("shared/acme/statement.html", page.as_bytes())];
        let leaks = scan_account(&file, &files);
        assert_eq!(leaks.len(), 100, "{leaks:?}");
        assert_eq!(leaks, reference_scan(&file, &files));
    }

    #[test]
    fn most_notes_are_one_plain_paragraph() {
        for text in [
            "Omar is hesitant about the volume.",
            "Mood is irritated since the certification (and Q3), 40% off: why?",
            "Raj's boss - and mentor - retires in March; lead-time 3/4 = \"late\"",
            "A ’quoted’ Éa text\u{a0}with non-ASCII",
        ] {
            assert!(is_one_plain_paragraph(text), "{text}");
        }
        for text in [
            "",
            " indented",
            "1. a list",
            "- a list",
            "two\nlines",
            "a *b*",
            "a `b`",
            "a &amp; b",
            "see [x](y)",
            "tab\there",
            "nul\0",
        ] {
            assert!(!is_one_plain_paragraph(text), "{text}");
        }
    }

    /// Pieces of notes, plain and otherwise: the one-line shortcut must agree with the
    /// Markdown parser whenever it is taken (and a change of Markdown options that would
    /// make it wrong fails here).
    const NOTE_PIECES: &[&str] = &[
        "word",
        "Word",
        "a",
        " ",
        "  ",
        ".",
        ",",
        ":",
        ";",
        "?",
        "'",
        "\"",
        "(",
        ")",
        "/",
        "%",
        "+",
        "-",
        "--",
        "---",
        "=",
        "...",
        "$x$",
        "^2",
        "{#id}",
        "@",
        "www.example.com",
        "http://x.y/z",
        "a@b.c",
        "1.",
        "2)",
        "\u{a0}",
        "é",
        "’",
        "\u{2003}",
        "*",
        "_",
        "`",
        "[",
        "]",
        "!",
        "<",
        ">",
        "&",
        "~",
        "|",
        "#",
        "\\",
        "\n",
        "\t",
        "\r",
    ];

    proptest::proptest! {
        #[test]
        fn a_plain_line_is_read_as_markdown_reads_it(
            first in proptest::sample::select(&["A", "z", "1", " ", "-", "#"][..]),
            pieces in proptest::collection::vec(proptest::sample::select(NOTE_PIECES), 0..16),
        ) {
            let text = format!("{first}{}", pieces.concat());
            let read = |block: &str| {
                let mut out = String::new();
                text::push_normalised(&mut out, block, false);
                out
            };
            let mut blocks = Vec::new();
            for_each_block(&text, |block| blocks.push(read(block)));
            blocks.retain(|b| !b.is_empty());
            let mut parsed: Vec<String> =
                markdown::to_plain_blocks(&text).iter().map(|b| read(b)).collect();
            parsed.retain(|b| !b.is_empty());
            proptest::prop_assert_eq!(blocks, parsed, "{:?}", text);
        }
    }

    /// The guard as it was written first: every needle its own string, the shareable
    /// phrases removed before the search. The yardstick for the one-pass guard.
    fn reference_scan(file: &AccountFile, shared_files: &[(&str, &[u8])]) -> Vec<Leak> {
        use text::reference::{normalise, visible_text};
        fn phrases(markdown_text: &str) -> Vec<String> {
            markdown::to_plain_blocks(markdown_text)
                .iter()
                .map(|b| normalise(b))
                .filter(|b| !b.is_empty())
                .collect()
        }
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
        patterns.retain(|(_, needle)| !allowed.contains(needle.as_str()));
        patterns.sort();
        patterns.dedup();
        if patterns.is_empty() {
            return Vec::new();
        }
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|(_, n)| n))
            .unwrap();
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

    /// Few words, so that texts overlap each other and the pages made of them: shared and
    /// internal phrases collide, windows overlap, the same phrase sits in two fields.
    const WORDS: &[&str] = &[
        "we",
        "are",
        "Quietly",
        "qualifying",
        "their",
        "ΣΟΦΟΣ",
        "blue",
        "forge",
        "as",
        "a",
        "fallback",
        "1,200,000",
        "1200000",
        "plant’s",
        "*second*",
        "shift",
        "\\n\\n",
        "- ",
    ];
    const MARKUP: &[&str] = &[
        " ",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<!-- ",
        " -->",
        "<img alt=\"",
        "\">",
        "&nbsp;",
        "&amp;",
        "\n",
        "*",
        "1",
        ".",
        ",",
    ];

    fn words() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(prop::sample::select(WORDS), 1..20).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn scans_as_the_reference_does(
            texts in proptest::collection::vec(words(), 6),
            amounts in proptest::collection::vec(proptest::sample::select(&[1200000.0, 318500.5, 999.0, 12000.0][..]), 2),
            pieces in proptest::collection::vec((0..6usize, 0..20usize, 1..12usize, 0..MARKUP.len()), 0..30),
            files in proptest::collection::vec(proptest::sample::select(&["s/a.html", "s/b.md", "s/c.css"][..]), 1..4),
        ) {
            let yaml = format!(
                "name: Acme\nkind: customer\nvalue:\n  annual_amount: {}\n  alternatives: \"{}\"\n\
                 people:\n  - id: raj\n    name: Raj Patel\n    side: them\n    role: \"{}\"\n    notes: \"{}\"\n\
                 events:\n  - date: 2026-01-10\n    title: \"{}\"\n    visibility: internal\n\
                 \x20 - date: 2026-01-12\n    title: \"{}\"\n    visibility: shared\n\
                 \x20   note: \"{}\"\n\
                 disputes:\n  - id: rebate\n    opened: 2025-01-01\n    amount: {}\n",
                amounts[0], texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], amounts[1],
            );
            let file = account(&yaml);
            // Pages made of runs of words from the texts, with markup between them.
            let sources: Vec<Vec<&str>> = texts.iter().map(|t| t.split(' ').collect()).collect();
            let pages: Vec<(String, Vec<u8>)> = files
                .iter()
                .enumerate()
                .map(|(f, path)| {
                    let mut page = String::new();
                    for (i, &(text, start, len, markup)) in pieces.iter().enumerate() {
                        if i % files.len() != f {
                            continue;
                        }
                        let words = &sources[text];
                        let start = start % words.len();
                        let end = (start + len).min(words.len());
                        page.push_str(&words[start..end].join(" ").replace("\\n", "\n"));
                        page.push_str(MARKUP[markup]);
                    }
                    (path.to_string(), page.into_bytes())
                })
                .collect();
            let shared: Vec<(&str, &[u8])> =
                pages.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
            proptest::prop_assert_eq!(scan_account(&file, &shared), reference_scan(&file, &shared));
        }
    }
}
