//! Partners in other languages (issue 20): the message catalogues are complete and all
//! used, an account's shared folder reads in its own language (Orbis, in the sample, in
//! German; a French one in a test workspace) while internal pages keep the workspace's,
//! and an unknown language is refused.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, assert_ok, run_in, tree, Workspace, AS_OF};
use std::collections::BTreeSet;
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
    copy_dir(&build_support::sample_data(), &ws);
    let config = std::fs::read_to_string(ws.join("rapport.yaml")).unwrap();
    std::fs::write(ws.join("rapport.yaml"), format!("{config}language: fr\n")).unwrap();
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
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
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
