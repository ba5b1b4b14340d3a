//! Partners in other languages (issue 20): the message catalogues are complete and all
//! used, an account's shared folder reads in its own language (Orbis, in the sample, in
//! German; a French one in a test workspace) while internal pages keep the workspace's, a
//! workspace in German or French gets every page in its language with no English word of
//! rapport's left, and an unknown language is refused.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, assert_ok, copy_dir, run_in, tree, Workspace, AS_OF};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The keys the templates name in `t(key="…")`.
fn template_keys() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for piece in text.split("t(key=\"").skip(1) {
            let key = piece.split('"').next().unwrap();
            assert!(
                !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "a message key is a literal in lower case: `{key}`"
            );
            keys.insert(key.to_string());
        }
    }
    keys
}

#[test]
fn every_catalogue_has_exactly_the_keys_in_use() {
    let mut used = template_keys();
    used.extend(rapport::i18n::CODE_KEYS.iter().map(|k| k.to_string()));
    assert!(used.contains("statement-eyebrow"), "{used:?}");
    for (language, text) in rapport::i18n::CATALOGUES {
        assert!(rapport::i18n::parses(text), "{language}.ftl does not parse");
        let keys = rapport::i18n::keys(text);
        let unique: BTreeSet<String> = keys.iter().cloned().collect();
        assert_eq!(keys.len(), unique.len(), "{language}.ftl repeats a key");
        let missing: Vec<&String> = used.difference(&unique).collect();
        let unused: Vec<&String> = unique.difference(&used).collect();
        assert!(missing.is_empty(), "{language}.ftl lacks {missing:?}");
        assert!(
            unused.is_empty(),
            "{language}.ftl has keys nobody uses: {unused:?}"
        );
    }
}

/// Labels of the shared pages in English: none may remain on a translated page.
const ENGLISH_LABELS: &[&str] = &[
    "Joint commitment statement",
    ">Joint statement<",
    "What we commit to",
    "commits to",
    "Together we commit to",
    "Our shared vision",
    "How we will behave",
    "Joint goals",
    "milestones done",
    "Owners:",
    "Governance",
    "Members:",
    "Escalation path",
    "Signatories",
    "awaiting signature",
    "Fingerprint",
    "read it aloud",
    "Shared folder",
    "Joint progress report",
    "Actions from the previous review",
    "Milestones this quarter",
    "Kept this quarter",
    "None this quarter",
    "Commitments",
    "Actions agreed at this review",
    "Status as of",
    "What happened",
    "Shared documents",
    "Progress report",
    "Calendar of dates to come",
    "Shared history",
    "Issues we are resolving together",
    "opened ",
    "resolved ",
    "— ongoing",
    "(kept)",
    "(broken)",
    "(Quarterly)",
    ">Quarterly<",
    "(Monthly)",
    ">Monthly<",
    "Acme Components and",
    "<th>Owner</th>",
    "<th>Status</th>",
    "lang=\"en\"",
    "\" of \" counter(pages)",
];

/// The files of one account's shared folder, Markdown, HTML and page.css.
fn shared_folder(site: &Path, id: &str) -> Vec<(String, String)> {
    let files: Vec<(String, String)> = tree(&site.join("shared").join(id))
        .into_iter()
        .filter(|(name, _)| {
            name.ends_with(".html") || name.ends_with(".md") || name.ends_with("page.css")
        })
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect();
    assert!(files.len() > 4, "{id}: {files:?}");
    files
}

fn assert_reads_in(site: &Path, id: &str, lang: &str, labels: &[&str]) {
    let files = shared_folder(site, id);
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    let mut left = Vec::new();
    for (name, text) in &files {
        if name.ends_with(".html") {
            assert!(
                text.contains(&format!("<html lang=\"{lang}\">")),
                "{id}/{name}"
            );
        }
        left.extend(
            ENGLISH_LABELS
                .iter()
                .filter(|english| text.contains(*english))
                .map(|english| format!("{name}: `{english}`")),
        );
    }
    assert!(left.is_empty(), "{id} still says:\n{}", left.join("\n"));
    for label in labels {
        assert!(
            all.contains(label),
            "{id}: no `{label}` in its shared folder"
        );
    }
}

fn build(workspace: &Path, site: &Path) {
    assert_ok(&run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "build",
            workspace.to_str().unwrap(),
            "--out",
            site.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--no-history",
        ],
        &[],
    ));
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join(page)).unwrap()
}

const GERMAN: &[&str] = &[
    "Gemeinsame Absichtserklärung",
    "Acme Components sagt zu",
    "Gemeinsam sagen wir zu",
    "Gemeinsame Ziele",
    "Meilensteinen erreicht",
    "Gremien",
    "(vierteljährlich)",
    "Unterzeichner",
    "Prüfsumme",
    "Gemeinsamer Fortschrittsbericht",
    "Zusammenfassung",
    "Meilensteine in diesem Quartal",
    "Dokumente",
    "Fortschrittsbericht 2026-Q3",
    "Offene Punkte, die wir gemeinsam klären",
    "5. Juni 2025",
    "1. Juli 2026 bis 30. September 2026",
    "eröffnet am 3. Juni 2024, geklärt am 30. September 2025, 185.000\u{A0}EUR",
    "Acme Components und Orbis Distribution GmbH",
    "\"Seite \" counter(page) \" von \"",
];

/// The sample's Orbis Distribution GmbH says `language: de`: its shared folder is German,
/// its internal pages and every other account's folder are not.
#[test]
fn the_samples_german_partner_reads_its_shared_folder_in_german() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build(&build_support::sample_data(), &site);
    assert_reads_in(&site, "orbis-distribution", "de", GERMAN);
    let internal = read(&site, "internal/accounts/orbis-distribution/index.html");
    assert!(internal.contains("<html lang=\"en\">"), "{internal}");
    let calendar = read(&site, "shared/orbis-distribution/calendar.ics");
    for german in [
        "Meilenstein: ",
        "(nächste Sitzung)",
        "Tagt vierteljährlich",
        "Acme Components und Orbis",
    ] {
        assert!(calendar.contains(german), "no `{german}` in\n{calendar}");
    }
    for english in ["Milestone: ", "next meeting", "Meets ", "Goal: ", " and "] {
        assert!(!calendar.contains(english), "`{english}` in\n{calendar}");
    }
    let other = read(&site, "shared/harbour-marine/statement.html");
    assert!(other.contains("<html lang=\"en\">"));
    assert!(other.contains("Joint commitment statement"));
}

const FRENCH: &[&str] = &[
    "Déclaration d'engagements commune",
    "Nos engagements",
    "Objectifs communs",
    "Gouvernance",
    "Signataires",
    "Empreinte",
    "Rapport d'avancement commun",
    "Jalons du trimestre",
    "Documents partagés",
    "Rapport d'avancement 2026-Q2",
    "Points que nous réglons ensemble",
    "ouvert le 11 mai 2026, réglé le 28 août 2026, 230\u{202F}000\u{A0}USD",
    "du 1er avril 2026 au 30 juin 2026",
    "Acme Components et Helix Wafer Systems",
    "\"Page \" counter(page) \" sur \"",
];

/// A workspace whose own language is French: every shared folder without a language of
/// its own and every internal page say `fr`, the folders in French; Orbis keeps German.
#[test]
fn a_french_workspace_writes_its_shared_folders_in_french() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    sample_in(&ws, "fr");
    let site = tmp.path().join("site");
    build(&ws, &site);
    assert_reads_in(&site, "helix-wafer", "fr", FRENCH);
    assert_reads_in(&site, "orbis-distribution", "de", GERMAN);
    for page in [
        "internal/index.html",
        "internal/accounts/helix-wafer/index.html",
    ] {
        assert!(read(&site, page).contains("<html lang=\"fr\">"), "{page}");
    }
    // French counts agree with their noun ("1 jalon atteint", never "1 jalons atteints"),
    // and a statement writes its milestones' dates out as it does its commitments'.
    let statements: String = ["helix-wafer", "northwind-supply", "kestrel-robotics"]
        .iter()
        .map(|id| read(&site, &format!("shared/{id}/statement.html")))
        .collect();
    assert!(statements.contains("1 jalon atteint sur"), "{statements}");
    for wrong in ["0 jalons", "1 jalons"] {
        assert!(!statements.contains(wrong), "{wrong}");
    }
    let due: Vec<&str> = statements
        .split("prévu le <time>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default())
        .collect();
    assert!(!due.is_empty());
    for date in due {
        assert!(
            date.contains(' ') && !date.contains('-'),
            "{date} is not written out"
        );
    }
}

/// The sample workspace copied to `ws` with `language: <lang>` in its rapport.yaml.
fn sample_in(ws: &Path, lang: &str) {
    copy_dir(&build_support::sample_data(), ws);
    let config = std::fs::read_to_string(ws.join("rapport.yaml")).unwrap();
    std::fs::write(
        ws.join("rapport.yaml"),
        format!("{config}language: {lang}\n"),
    )
    .unwrap();
}

/// `rapport check` refuses a language rapport does not ship, in rapport.yaml and in an
/// account file, and names the ones it does.
#[test]
fn an_unknown_language_is_refused_with_the_shipped_ones_named() {
    let ws = Workspace::new()
        .file(
            "rapport.yaml",
            "organisation: Acme Components\nlanguage: es\n",
        )
        .file(
            "accounts/orbis.yaml",
            "name: Orbis\nkind: partner\nlanguage: it\n",
        );
    let text = assert_fails(&ws.run(&["check", "ws"]));
    assert!(text.contains("unknown value `es` for `language`"), "{text}");
    assert!(text.contains("unknown value `it` for `language`"), "{text}");
    assert!(text.contains("allowed values: en, de, fr"), "{text}");
}

/// The pieces of text of a catalogue's messages: what a message says around its
/// arguments, each variant on its own ("day", "days later"), trimmed of punctuation.
fn catalogue_pieces(text: &str) -> BTreeSet<String> {
    let mut pieces = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        // The text of a `key = …` line, or of a `[variant] …` line.
        let value = if let Some((key, value)) = line.split_once(" = ") {
            if key.contains(' ') {
                line
            } else {
                value
            }
        } else if let Some(rest) = line.strip_prefix('[').or_else(|| line.strip_prefix("*[")) {
            rest.split_once(']').map_or("", |(_, v)| v)
        } else {
            line
        };
        // Placeables (and the braces of selectors that span lines) separate pieces.
        let mut piece = String::new();
        let mut depth = 0usize;
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    pieces.insert(std::mem::take(&mut piece));
                }
                '}' => depth = depth.saturating_sub(1),
                c if depth == 0 => piece.push(c),
                _ => {}
            }
        }
        pieces.insert(piece);
    }
    pieces
        .into_iter()
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .collect()
}

/// Whether `needle` occurs in `text` as whole words.
fn has_words(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a reader of a built file sees: an HTML page's text and the attribute values a
/// browser shows or reads out (placeholders, labels, tooltips, the search's words), a
/// Markdown page as it is, a calendar's summaries and descriptions.
fn readable(name: &str, text: &str) -> String {
    if name.ends_with(".ics") {
        return text
            .replace("\r\n ", "")
            .lines()
            .filter(|l| {
                l.starts_with("SUMMARY")
                    || l.starts_with("DESCRIPTION")
                    || l.starts_with("X-WR-CALNAME")
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    if !name.ends_with(".html") {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attribute in [
            "aria-label",
            "placeholder",
            "title",
            "data-prompt",
            "data-one",
            "data-many",
            "data-first",
            "data-filter-label",
        ] {
            if let Some(start) = tag.find(&format!(" {attribute}=\"")) {
                let value = &tag[start + attribute.len() + 3..];
                out.push('\n');
                out.push_str(value.split('"').next().unwrap_or_default());
                out.push('\n');
            }
        }
        // Scripts and styles are code, not text: skip to their end.
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(*t))
            .and_then(|t| rest[open..].find(&format!("</{}>", &t[1..])));
        rest = match skip_to {
            Some(end) => &rest[open + end..],
            None => &rest[open + close + 1..],
        };
        out.push(' ');
    }
    out.push_str(rest);
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// A workspace file without the words of the format (`visibility: internal`, `by: us`):
/// those are rapport's words, which a page must translate, not text of the workspace's.
fn without_format_words(text: &str) -> String {
    const FIELDS: &[&str] = &[
        "kind",
        "stage",
        "level",
        "side",
        "by",
        "status",
        "visibility",
        "sentiment",
        "cadence",
        "need",
        "want",
        "counterpart_wants",
        "step",
        "escalated_to",
        "language",
        "paper",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(colon) = rest.find(": ") {
        let key_start = rest[..colon]
            .rfind(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .map_or(0, |i| i + 1);
        let key = &rest[key_start..colon];
        let value = &rest[colon + 2..];
        let word_len = value
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(value.len());
        if FIELDS.contains(&key) && word_len > 0 {
            out.push_str(&rest[..key_start]);
            rest = &value[word_len..];
        } else {
            out.push_str(&rest[..colon + 2]);
            rest = value;
        }
    }
    out.push_str(rest);
    out
}

/// Every English piece of rapport's catalogue left in the pages of `site` built from the
/// workspace `ws` in `lang`: pieces that the language's own catalogue also uses (a word
/// both languages share, such as "Portfolio") and pieces of the workspace's own text are
/// not rapport's English.
fn english_left(ws: &Path, site: &Path, lang: &str) -> Vec<String> {
    let catalogue = |code: &str| {
        rapport::i18n::CATALOGUES
            .iter()
            .find(|(l, _)| l.as_str() == code)
            .map(|(_, text)| *text)
            .unwrap()
    };
    let own = catalogue(lang);
    let mut input = String::new();
    for (_, bytes) in tree(ws) {
        input.push_str(&without_format_words(&String::from_utf8_lossy(&bytes)));
    }
    let pieces: Vec<String> = catalogue_pieces(catalogue("en"))
        .into_iter()
        .filter(|p| !has_words(own, p) && !has_words(&input, p))
        .collect();
    assert!(pieces.len() > 300, "{}", pieces.len());
    let mut left = Vec::new();
    for (name, bytes) in tree(site) {
        if !(name.ends_with(".html") || name.ends_with(".md") || name.ends_with(".ics")) {
            continue;
        }
        let text = readable(&name, &String::from_utf8_lossy(&bytes));
        left.extend(
            pieces
                .iter()
                .filter(|p| has_words(&text, p))
                .map(|p| format!("{name}: `{p}`")),
        );
    }
    left
}

/// Every HTML page of the site says it is in `lang`, but the German partner's folder.
fn assert_lang(site: &Path, lang: &str) {
    let mut seen = BTreeMap::new();
    for (name, bytes) in tree(site) {
        if name.ends_with(".html") {
            let text = String::from_utf8_lossy(&bytes);
            let want = if name.starts_with("shared/orbis-distribution/") {
                "de"
            } else {
                lang
            };
            assert!(text.contains(&format!("<html lang=\"{want}\">")), "{name}");
            *seen.entry(want).or_insert(0) += 1;
        }
    }
    assert!(seen.get(lang).is_some_and(|n| *n > 50), "{seen:?}");
}

/// The sample in a German workspace: every page says `lang="de"` and no English word of
/// rapport's remains, on the internal site (labels, alerts and their advice, health
/// explanations, the turnaround's steps, the calendars) as in the shared folders.
#[test]
fn a_german_workspace_has_no_english_label_left() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    sample_in(&ws, "de");
    let site = tmp.path().join("site");
    build(&ws, &site);
    assert_lang(&site, "de");
    let left = english_left(&ws, &site, "de");
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
    let account = read(&site, "internal/accounts/orbis-distribution/index.md");
    for german in [
        "## Auf einen Blick",
        "| 83% (1 offen) |",
        "Ein gemeinsamer Meilenstein ist überfällig: Meilenstein „Business case agreed by both MDs“",
        "26 Tage überfällig. Vereinbaren Sie mit der anderen Seite einen neuen Termin",
        "ihr nach Bedeutung gewichteter Mittelwert ist 4,07 von 5",
        "**Anerkennung & Erneuerung** ← aktuell",
        "| Stefan Richter, Managing Director (Sponsor) (entscheidet) | Geschäftsleitung |",
        "### Unsere Zusagen",
    ] {
        assert!(account.contains(german), "no `{german}` in\n{account}");
    }
    let page = read(&site, "internal/accounts/orbis-distribution/index.html");
    assert!(
        page.contains("<dt>Einhaltungsquote der Zusagen</dt>"),
        "{page}"
    );
    let portfolio = read(&site, "internal/index.html");
    assert!(
        portfolio.contains("aria-label=\"Zustandsverlauf\""),
        "{portfolio}"
    );
    assert!(portfolio.contains("data-filter-label=\"Accounts filtern…\""));
    let calendar = read(&site, "internal/calendar.ics");
    assert!(
        calendar.contains("Quartalsbesprechung 2026-Q4 fällig"),
        "{calendar}"
    );
    let css = read(&site, "internal/page.css");
    assert!(css.contains("\"Intern – nicht weitergeben\""), "{css}");
    assert!(css.contains("\"Seite \" counter(page) \" von \""), "{css}");
}

/// The sample in a French workspace: the same, in French, Orbis's folder in German.
#[test]
fn a_french_workspace_has_no_english_label_left() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    sample_in(&ws, "fr");
    let site = tmp.path().join("site");
    build(&ws, &site);
    assert_lang(&site, "fr");
    let left = english_left(&ws, &site, "fr");
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
    let portfolio = read(&site, "internal/index.md");
    for french in [
        "## Alertes par compte",
        "Comment la santé est calculée",
        "4 clients, 1 fournisseur, 1 partenaire",
    ] {
        assert!(portfolio.contains(french), "no `{french}` in\n{portfolio}");
    }
    let review = read(&site, "internal/accounts/northwind-supply/2026-Q3.md");
    assert!(
        review.contains("Dossier de revue trimestrielle"),
        "{review}"
    );
}

/// The check of the test itself: an English workspace keeps rapport's English, so the
/// search finds it where it is.
#[test]
fn the_english_left_search_finds_english() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    sample_in(&ws, "en");
    let site = tmp.path().join("site");
    build(&ws, &site);
    let left = english_left(&ws, &site, "de");
    for expected in [
        "internal/index.html: `How health is computed`",
        "internal/calendar.ics: `Quarterly review`",
        "internal/accounts/orbis-distribution/index.md: `A joint milestone is late`",
    ] {
        assert!(
            left.iter().any(|l| l == expected),
            "{expected} not in {left:#?}"
        );
    }
}
