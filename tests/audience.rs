//! Audiences: nothing internal ever reaches a shared folder, everything reaches the
//! internal site, every shared item reaches its account's shared folder, no shared page
//! links out of its folder, and the leak guard stops a build that would leak.
//!
//! The fields are derived from the model (the JSON Schema of `rapport schema`), so a field
//! added to the format is covered, or fails `every_string_field_is_classified`, without
//! anyone remembering to extend these tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod format_walk;
mod site_audit;

use format_walk::{Audience, Class, Field, Generator};
use site_audit::{build, build_ok, copy_tree, sample_data};
use std::collections::BTreeMap;
use std::path::Path;

const CONFIG: &str = "organisation: Acme Components\n";

/// The two generated accounts: each field's marker names its account, so a text that
/// crosses from one account's folder to the other's is caught too.
const ACCOUNTS: &[(&str, &str)] = &[("m-alpha", "alpha"), ("m-beta", "beta")];

/// Fields the internal site does not show yet, although DESIGN.md says it "shows
/// everything": the joint statement's own texts appear only on the shared statement.
/// Listed so the gap is visible; the test fails once it is closed, to keep the list true.
const NOT_ON_INTERNAL_PAGES: &[&str] = &[];

struct Marked {
    account: String,
    field: Field,
    marker: String,
}

struct MarkedAmount {
    account: String,
    path: String,
    forms: Vec<String>,
    audience: Audience,
}

/// Writes the marker workspace into `root`: both accounts, every text field a marker.
fn marker_workspace(root: &Path) -> (Vec<Marked>, Vec<MarkedAmount>) {
    let schema = format_walk::account_schema();
    std::fs::create_dir_all(root.join("accounts")).unwrap();
    std::fs::write(root.join("rapport.yaml"), CONFIG).unwrap();
    let mut marked = Vec::new();
    let mut amounts = Vec::new();
    for (id, short) in ACCOUNTS {
        let mut generator =
            Generator::new(&schema, |f: &Field| format_walk::marker(short, &f.path));
        let account = generator.account();
        let text = serde_json::to_string_pretty(&account).unwrap();
        std::fs::write(root.join("accounts").join(format!("{id}.yaml")), text).unwrap();
        marked.extend(generator.fields.iter().map(|field| Marked {
            account: id.to_string(),
            field: field.clone(),
            marker: format_walk::marker(short, &field.path),
        }));
        amounts.extend(generator.amounts.iter().map(|a| MarkedAmount {
            account: id.to_string(),
            path: a.path.clone(),
            forms: vec![
                rapport::format::amount(a.value),
                format!("{}", a.value as i64),
            ],
            audience: a.audience,
        }));
    }
    (marked, amounts)
}

/// The files holding `needle`, by path.
fn holders<'a>(files: &'a BTreeMap<String, String>, needle: &str) -> Vec<&'a str> {
    files
        .iter()
        .filter(|(_, text)| text.contains(needle))
        .map(|(path, _)| path.as_str())
        .collect()
}

#[test]
fn every_string_field_is_classified() {
    let paths = format_walk::string_paths(&format_walk::account_schema());
    // The walker must see the whole format, or this test proves nothing.
    for known in [
        "people[].notes",
        "people[].assets[]",
        "turnaround.evidence.insight",
        "statement.behaviours.us[]",
        "goals[].milestones[].title",
        "reviews[].shared_summary",
        "value.alternatives",
    ] {
        assert!(
            paths.contains(known),
            "the walker missed `{known}`: {paths:?}"
        );
    }
    let unclassified: Vec<&String> = paths
        .iter()
        .filter(|p| format_walk::classify(p).is_none())
        .collect();
    assert!(
        unclassified.is_empty(),
        "string fields of the format that tests/format_walk/mod.rs FIELDS does not classify \
         (decide who may read each, as DESIGN.md says, and add a row): {unclassified:?}"
    );
    let stale: Vec<&str> = format_walk::FIELDS
        .iter()
        .map(|(pattern, _)| *pattern)
        .filter(|pattern| {
            !paths
                .iter()
                .any(|p| format_walk::classify(p).map(|(r, _)| r) == Some(pattern))
        })
        .collect();
    assert!(
        stale.is_empty(),
        "rows that match no field of the format: {stale:?}"
    );
    // INTERNAL ONLY fields of DESIGN.md can never be classified as anything else.
    for internal in [
        "value.alternatives",
        "value.impact_of_loss",
        "value.currency",
        "people[].assets[]",
        "people[].liabilities[]",
        "people[].notes",
        "reviews[].summary",
    ] {
        assert_eq!(
            format_walk::classify(internal).map(|(_, c)| c),
            Some(Class::Internal),
            "{internal}"
        );
    }
}

/// The product's own leak guard agrees with the test's table: every text the table calls
/// internal (with visibility resolved) is one the guard protects, except those too short
/// or common for it by design (none of the markers is: each is one long word, and the
/// guard needs two words, so this compares the classification, not the needles).
#[test]
fn the_leak_guard_protects_what_the_table_calls_internal() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    let (marked, _) = marker_workspace(&ws);
    let (workspace, diagnostics) = rapport::check(&ws);
    let workspace = workspace.unwrap_or_else(|| panic!("{diagnostics:?}"));
    for file in &workspace.accounts {
        let classified = rapport::leak::classify(&file.account);
        let guarded: BTreeMap<&str, &str> = classified
            .internal
            .iter()
            .map(|(field, text)| (text.as_str(), field.as_str()))
            .collect();
        for m in marked.iter().filter(|m| m.account == file.id) {
            let guarded_as = guarded.get(m.marker.as_str());
            match m.field.audience {
                Audience::Internal
                    if m.field.pattern.ends_with("currency")
                        || m.field.pattern == "criteria[].name" =>
                {
                    // Currency codes and criterion names are common words: not guarded,
                    // kept out of shared pages by the view layer alone.
                }
                Audience::Internal => assert_eq!(
                    guarded_as.copied(),
                    Some(m.field.path.as_str()),
                    "{}: internal in the table, not guarded by leak::classify",
                    m.field.path
                ),
                Audience::Shared => assert!(
                    guarded_as.is_none(),
                    "{}: shared in the table, but leak::classify guards it",
                    m.field.path
                ),
            }
        }
    }
}

#[test]
fn internal_markers_stay_internal_and_shared_items_reach_their_folder() {
    markers_reach_only_their_audience(None);
}

/// The same in a German, then a French workspace with German, then French accounts (issue
/// 20): every page's labels change, never what reaches which folder, and every field still
/// reaches the internal site.
#[test]
fn internal_markers_stay_internal_in_a_german_shared_folder() {
    markers_reach_only_their_audience(Some("de"));
}

#[test]
fn internal_markers_stay_internal_in_a_french_shared_folder() {
    markers_reach_only_their_audience(Some("fr"));
}

/// Sets `language:` in every account file of the marker workspace at `ws`.
fn set_account_language(ws: &Path, language: &str) {
    for (id, _) in ACCOUNTS {
        let path = ws.join("accounts").join(format!("{id}.yaml"));
        let mut account: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        account["language"] = serde_json::Value::String(language.to_string());
        std::fs::write(&path, serde_json::to_string_pretty(&account).unwrap()).unwrap();
    }
}

/// An amount as German ("1.234,50") and French ("1 234,50", narrow no-break spaces) write it.
fn localised_forms(english: &str) -> Vec<String> {
    [".", "\u{202F}"]
        .iter()
        .map(|group| {
            english
                .chars()
                .map(|c| match c {
                    ',' => group.to_string(),
                    '.' => ",".to_string(),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect()
}

fn markers_reach_only_their_audience(language: Option<&str>) {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    let (marked, mut amounts) = marker_workspace(&ws);
    if let Some(language) = language {
        std::fs::write(
            ws.join("rapport.yaml"),
            format!("{CONFIG}language: {language}\n"),
        )
        .unwrap();
        set_account_language(&ws, language);
        for a in &mut amounts {
            let extra = localised_forms(&a.forms[0]);
            a.forms.extend(extra);
        }
    }
    // Sanity: the generator covered both audiences and every item list both ways.
    for list in ["events", "disputes", "goals", "commitments", "governance"] {
        for audience in [Audience::Internal, Audience::Shared] {
            assert!(
                marked
                    .iter()
                    .any(|m| m.field.pattern.starts_with(list) && m.field.audience == audience),
                "no {audience:?} item in {list}"
            );
        }
    }
    let files = build_ok(&ws, &tmp.path().join("site"));
    let shared: BTreeMap<String, String> = files
        .iter()
        .filter(|(p, _)| p.starts_with("shared/"))
        .map(|(p, t)| (p.clone(), t.clone()))
        .collect();
    let internal: BTreeMap<String, String> = files
        .iter()
        .filter(|(p, _)| p.starts_with("internal/"))
        .map(|(p, t)| (p.clone(), t.clone()))
        .collect();
    assert!(
        shared.keys().any(|p| p.ends_with("statement.html")),
        "{:?}",
        files.keys()
    );
    if let Some(language) = language {
        for page in [
            &shared["shared/m-alpha/statement.html"],
            &internal["internal/accounts/m-alpha/index.html"],
        ] {
            assert!(
                page.contains(&format!("<html lang=\"{language}\">")),
                "{page}"
            );
        }
    }

    let mut problems = Vec::new();
    for m in &marked {
        let what = format!("{} `{}` ({:?})", m.account, m.field.path, m.field.audience);
        let known_gap = NOT_ON_INTERNAL_PAGES
            .iter()
            .any(|prefix| m.field.pattern.starts_with(prefix));
        match (holders(&internal, &m.marker).is_empty(), known_gap) {
            (true, false) => problems.push(format!("{what}: not shown anywhere in internal/")),
            (false, true) => problems.push(format!(
                "{what}: now shown in internal/: remove it from NOT_ON_INTERNAL_PAGES"
            )),
            _ => {}
        }
        let in_shared = holders(&shared, &m.marker);
        let own_folder = format!("shared/{}/", m.account);
        match m.field.audience {
            Audience::Internal => {
                if !in_shared.is_empty() {
                    problems.push(format!("{what}: LEAKED into {in_shared:?}"));
                }
            }
            Audience::Shared => {
                let elsewhere: Vec<&&str> = in_shared
                    .iter()
                    .filter(|p| !p.starts_with(&own_folder))
                    .collect();
                if !elsewhere.is_empty() {
                    problems.push(format!("{what}: in another account's folder {elsewhere:?}"));
                }
                let expected =
                    !format_walk::NOT_ON_SHARED_PAGES.contains(&m.field.pattern.as_str());
                // Each shared page exists as .html and .md: a shareable text must reach both.
                for ext in [".html", ".md"] {
                    if expected
                        && !in_shared
                            .iter()
                            .any(|p| p.starts_with(&own_folder) && p.ends_with(ext))
                    {
                        problems.push(format!(
                            "{what}: shareable but on no {ext} page of {own_folder}"
                        ));
                    }
                }
            }
        }
    }
    for a in amounts.iter().filter(|a| a.audience == Audience::Internal) {
        for form in &a.forms {
            let found = holders(&shared, form);
            if !found.is_empty() {
                problems.push(format!(
                    "{} amount `{}` ({form}): LEAKED into {found:?}",
                    a.account, a.path
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn shared_pages_link_only_inside_their_own_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    marker_workspace(&ws);
    for (name, files) in [
        ("marker", build_ok(&ws, &tmp.path().join("marker-site"))),
        (
            "sample",
            build_ok(&sample_data(), &tmp.path().join("sample-site")),
        ),
    ] {
        let links: usize = files
            .iter()
            .filter(|(p, _)| p.starts_with("shared/"))
            .map(|(p, t)| site_audit::links(p, t).len())
            .sum();
        assert!(
            links > 10,
            "{name}: only {links} links found: is the scanner blind?"
        );
        let bad = site_audit::links_leaving_shared_folders(&files);
        assert!(bad.is_empty(), "{name} build:\n{}", bad.join("\n"));
    }
}

/// Notes may link out to the web, but never back into our internal tree or into another
/// account's folder, in the HTML and in the Markdown of a shared page.
#[test]
fn links_written_in_notes_cannot_leave_the_shared_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    std::fs::create_dir_all(ws.join("accounts")).unwrap();
    std::fs::write(ws.join("rapport.yaml"), CONFIG).unwrap();
    let note = "See [pack](../../internal/accounts/a/index.html), [other](../b/statement.md), \
                [root](/internal/index.html), [enc](%2e%2e/b/index.html), ![img](../../internal/x.png), \
                <../../internal/index.html>, [ref][r], [js](javascript:alert(1)) and [web](https://example.com/).\n\n\
                [r]: ../../internal/index.md\n";
    let account = serde_json::json!({
        "name": "A", "kind": "customer",
        "goals": [{ "id": "g", "title": "Goal", "note": note }],
        "statement": { "vision": note, "behaviours": { "us": [note], "them": [note] } },
    });
    for id in ["a", "b"] {
        std::fs::write(ws.join(format!("accounts/{id}.yaml")), account.to_string()).unwrap();
    }
    let files = build_ok(&ws, &tmp.path().join("site"));
    let bad = site_audit::links_leaving_shared_folders(&files);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The outside link survives, in both formats.
    for page in ["shared/a/statement.html", "shared/a/statement.md"] {
        assert!(
            files[page].contains("https://example.com/"),
            "{page}:\n{}",
            files[page]
        );
    }
}

// ---------------------------------------------------------------------------------------
// The leak guard, end to end: a template override that prints internal data.

/// The longest note of a person in a sample account, with the person's index.
fn sample_note(account: &str) -> (usize, String) {
    let source =
        std::fs::read_to_string(sample_data().join(format!("accounts/{account}.yaml"))).unwrap();
    let parsed: rapport::model::Account = rapport::yaml::parse(&source).unwrap();
    parsed
        .people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.notes.clone().map(|n| (i, n)))
        .max_by_key(|(_, n)| n.len())
        .expect("the sample account has person notes")
}

/// A copy of the sample workspace with a previous site built into `site/`, and that
/// site's bytes.
fn sample_with_site(
    tmp: &Path,
) -> (
    std::path::PathBuf,
    std::path::PathBuf,
    BTreeMap<String, Vec<u8>>,
) {
    let ws = tmp.join("ws");
    copy_tree(&sample_data(), &ws);
    let out = tmp.join("site");
    build_ok(&ws, &out);
    let before = site_audit::read_tree_bytes(&out);
    (ws, out, before)
}

/// Asserts a failed build named the leak and left the previous site byte for byte.
fn assert_stopped(
    run: (i32, String, String),
    out: &Path,
    before: &BTreeMap<String, Vec<u8>>,
    expected: &[&str],
) {
    let (code, _, stderr) = run;
    assert_eq!(code, 1, "the leaking build did not fail:\n{stderr}");
    for text in expected {
        assert!(stderr.contains(text), "`{text}` not in:\n{stderr}");
    }
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let after = site_audit::read_tree_bytes(out);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the file list of the previous site changed"
    );
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{path} changed");
    }
}

#[test]
fn a_template_printing_a_person_note_stops_the_build_and_keeps_the_old_site() {
    let tmp = tempfile::tempdir().unwrap();
    let (ws, out, before) = sample_with_site(tmp.path());
    let account = "northwind-supply";
    let (person, note) = sample_note(account);
    // What a template that printed `person.notes` as rich text would put in the page.
    let printed = rapport::format::markdown::to_html(&note);
    assert!(
        !printed.contains("{{") && !printed.contains("{%"),
        "{printed}"
    );
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/statement.html"),
    )
    .unwrap();
    let leaking = built_in.replacen(
        "{% block content %}",
        &format!("{{% block content %}}\n{{% if id == \"{account}\" %}}<aside>{printed}</aside>{{% endif %}}"),
        1,
    );
    assert_ne!(leaking, built_in);
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(ws.join("templates/statement.html"), leaking).unwrap();
    assert_stopped(
        build(&ws, &out),
        &out,
        &before,
        &[
            &format!("account `{account}`"),
            &format!("`people[{person}].notes`"),
            &format!("shared/{account}/statement.html"),
        ],
    );
}

#[test]
fn a_workspace_stylesheet_holding_internal_text_stops_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (ws, out, before) = sample_with_site(tmp.path());
    let account = "northwind-supply";
    let (person, note) = sample_note(account);
    let plain = rapport::format::markdown::to_plain_text(&note);
    // The built-in stylesheet holds no account's text and is not searched; one written
    // by the workspace may hold anything, and is searched in every shared folder.
    let built_in =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/style.css"))
            .unwrap();
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(
        ws.join("templates/style.css"),
        format!("{built_in}\n/* {plain} */\n"),
    )
    .unwrap();
    assert_stopped(
        build(&ws, &out),
        &out,
        &before,
        &[
            &format!("account `{account}`"),
            &format!("`people[{person}].notes`"),
            &format!("shared/{account}/style.css"),
        ],
    );
}

#[test]
fn a_template_printing_the_account_value_stops_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (ws, out, before) = sample_with_site(tmp.path());
    let account = "northwind-supply";
    let source =
        std::fs::read_to_string(sample_data().join(format!("accounts/{account}.yaml"))).unwrap();
    let parsed: rapport::model::Account = rapport::yaml::parse(&source).unwrap();
    let amount = parsed
        .value
        .and_then(|v| v.annual_amount)
        .expect("sample has a value");
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/shared-index.md"),
    )
    .unwrap();
    // The Markdown twin of the page, with the worth of the account in a table cell.
    let leaking = format!(
        "{built_in}\n{{% if id == \"{account}\" %}}| worth | {} |\n|---|---|\n{{% endif %}}",
        rapport::format::amount(amount)
    );
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(ws.join("templates/shared-index.md"), leaking).unwrap();
    assert_stopped(
        build(&ws, &out),
        &out,
        &before,
        &[
            &format!("account `{account}`"),
            "`value.annual_amount`",
            &format!("shared/{account}/index.md"),
        ],
    );
}

/// A leak hidden where a reader does not look at first (a tooltip, an HTML comment) is
/// still a leak: the other company receives the file, not the rendering.
#[test]
fn internal_text_in_an_attribute_or_a_comment_stops_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (ws, out, before) = sample_with_site(tmp.path());
    let account = "northwind-supply";
    let (person, note) = sample_note(account);
    let plain = rapport::format::markdown::to_plain_text(&note);
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/progress.html"),
    )
    .unwrap();
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    for injected in [
        format!("<span title=\"{}\">i</span>", plain.replace('"', "&quot;")),
        format!("<!-- {} -->", plain.replace("--", "")),
    ] {
        let leaking = built_in.replacen(
            "{% block content %}",
            &format!("{{% block content %}}{{% if id == \"{account}\" %}}{injected}{{% endif %}}"),
            1,
        );
        std::fs::write(ws.join("templates/progress.html"), leaking).unwrap();
        assert_stopped(
            build(&ws, &out),
            &out,
            &before,
            &[
                &format!("`people[{person}].notes`"),
                &format!("shared/{account}/"),
            ],
        );
    }
}

#[test]
fn the_sample_workspace_builds_without_false_alarms() {
    let tmp = tempfile::tempdir().unwrap();
    let files = build_ok(&sample_data(), &tmp.path().join("site"));
    let shared = files.keys().filter(|p| p.starts_with("shared/")).count();
    assert!(shared >= 6 * 5, "only {shared} shared files");
}

// ---------------------------------------------------------------------------------------
// The leak guard on crafted files: rapport::leak::scan_account.

fn account_file(yaml: &str) -> rapport::model::AccountFile {
    rapport::model::AccountFile {
        id: "acme".into(),
        path: "accounts/acme.yaml".into(),
        source: yaml.into(),
        account: rapport::yaml::parse(yaml).unwrap(),
    }
}

const GUARDED: &str = r#"
name: Acme
kind: customer
value:
  annual_amount: 2450000
  impact_of_loss: "Losing them would *cost us* the Rotterdam plant's second shift"
people:
  - id: raj
    name: Raj Patel
    side: them
    role: Head of Procurement
    assets: ["Trusted by their CFO since the 2019 audit"]
    notes: "Raj's boss & mentor retires in March, and he wants the job badly"
events:
  - date: 2026-01-10
    title: Quietly met their competitor Blue Forge in Essen
    visibility: internal
  - date: 2026-01-12
    title: Joint kickoff workshop in Rotterdam
    visibility: shared
disputes:
  - id: rebate
    opened: 2025-01-01
    amount: 318500
reviews:
  - quarter: 2026-Q1
    summary: "We were late on four of nine deliveries and nobody told them"
    shared_summary: "Deliveries improved over the quarter"
turnaround:
  step: needs
  evidence: { insight: "They feel we treat them as a number, not a partner" }
criteria:
  - id: rel
    name: Reliability
    illustrations: ["the night shift foreman who always calls back"]
"#;

fn leaks(files: &[(&str, &[u8])]) -> Vec<rapport::leak::Leak> {
    rapport::leak::scan_account(&account_file(GUARDED), files)
}

fn fields(found: &[rapport::leak::Leak]) -> Vec<&str> {
    found.iter().map(|l| l.field.as_str()).collect()
}

#[test]
fn the_guard_finds_internal_text_as_autoescaped_html_prints_it() {
    // tera escapes `'`, `&` and `/`; the guard reads the page as its reader does.
    let html = b"<p>Raj&#x27;s boss &amp; mentor retires in March, and he wants the job badly</p>";
    let found = leaks(&[("shared/acme/statement.html", html)]);
    assert_eq!(fields(&found), ["people[0].notes"]);
    assert_eq!(found[0].account, "acme");
    assert_eq!(found[0].file, "shared/acme/statement.html");
}

#[test]
fn the_guard_finds_every_kind_of_internal_text() {
    let cases: &[(&str, &[u8])] = &[
        (
            "value.impact_of_loss",
            b"<li>losing them would <em>cost us</em> the rotterdam plant&#39;s second shift</li>",
        ),
        (
            "people[0].assets[0]",
            b"Trusted   by their\nCFO since the 2019 audit",
        ),
        (
            "events[0].title",
            b"<h3>Quietly met their competitor Blue Forge in Essen</h3>",
        ),
        (
            "reviews[0].summary",
            b"we were late on four of nine deliveries",
        ),
        (
            "turnaround.evidence.insight",
            b"| They feel we treat them as a number, not a partner |",
        ),
        (
            "criteria[0].illustrations[0]",
            b"the night shift foreman who always calls back",
        ),
        ("value.annual_amount", b"<td>USD 2,450,000</td>"),
        ("disputes[0].amount", b"a rebate of 318500 is open"),
    ];
    for (field, bytes) in cases {
        let ext = if bytes.starts_with(b"<") {
            "html"
        } else {
            "md"
        };
        let file = format!("shared/acme/index.{ext}");
        let found = leaks(&[(file.as_str(), bytes)]);
        assert_eq!(
            fields(&found),
            [*field],
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn the_guard_finds_text_split_by_inline_markup_hidden_in_attributes_or_encoded() {
    let cases: &[&[u8]] = &[
        // Inline markup inside a word does not break the word for a reader.
        b"<p>Quietly met their <b>comp</b>etitor Blue Forge in Essen</p>",
        b"<img alt=\"Quietly met their competitor Blue Forge in Essen\" src=\"x.png\">",
        b"<!-- Quietly met their competitor Blue Forge in Essen -->",
        b"<p>Quietly met their competitor Blue Forge in &#69;ssen</p>",
        b"<p>Quietly met their competitor Blue&nbsp;Forge in Essen</p>",
    ];
    for html in cases {
        let found = leaks(&[("shared/acme/index.html", html)]);
        assert_eq!(
            fields(&found),
            ["events[0].title"],
            "{}",
            String::from_utf8_lossy(html)
        );
    }
}

#[test]
fn the_guard_ignores_shared_short_and_unrelated_text() {
    let pages: &[(&str, &[u8])] = &[
        (
            "shared/acme/index.html",
            b"<p>Acme and Raj Patel, Head of Procurement: Joint kickoff workshop in Rotterdam</p>",
        ),
        (
            "shared/acme/2026-Q1.md",
            b"Deliveries improved over the quarter. Reliability matters.",
        ),
        // Numbers that merely contain an internal amount are other numbers.
        (
            "shared/acme/statement.md",
            b"ref 92450000, order 3185001, 2,450,0001",
        ),
        ("shared/acme/style.css", b"body { margin: 0 }"),
    ];
    assert_eq!(fields(&leaks(pages)), Vec::<&str>::new());
}

#[test]
fn the_guard_names_each_field_and_file_once() {
    let html: &[u8] = b"<p>Quietly met their competitor Blue Forge in Essen</p><p>Quietly met their competitor Blue Forge in Essen</p>";
    let found = leaks(&[("shared/acme/a.html", html), ("shared/acme/b.html", html)]);
    let named: Vec<(&str, &str)> = found
        .iter()
        .map(|l| (l.field.as_str(), l.file.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("events[0].title", "shared/acme/a.html"),
            ("events[0].title", "shared/acme/b.html")
        ]
    );
    let message = found[0].to_string();
    assert!(
        message.contains("`events[0].title`")
            && message.contains("`acme`")
            && message.contains("shared/acme/a.html"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------
// Path safety: account ids become folder names, so a bad one never reaches a path.

#[test]
fn file_names_that_are_not_ids_are_refused_before_anything_is_written() {
    for stem in [
        "..",
        ".",
        "...x",
        "a..b",
        ".hidden",
        "Upper",
        "with space",
        "back\\slash",
        "dot.ted",
        "ünï",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let ws = tmp.path().join("ws");
        std::fs::create_dir_all(ws.join("accounts")).unwrap();
        std::fs::write(ws.join("rapport.yaml"), CONFIG).unwrap();
        std::fs::write(
            ws.join(format!("accounts/{stem}.yaml")),
            "name: A\nkind: customer\n",
        )
        .unwrap();
        let out = tmp.path().join("site");
        let (code, _, stderr) = build(&ws, &out);
        assert_eq!(code, 1, "{stem}: {stderr}");
        assert!(
            stderr.contains("is not a valid account id"),
            "{stem}: {stderr}"
        );
        assert!(!out.exists(), "{stem}: the build wrote {out:?}");
    }
}

#[test]
fn ids_inside_a_file_with_slashes_or_dots_are_refused() {
    for (section, entry) in [
        ("people", "{ id: \"../x\", name: X, side: us }"),
        ("people", "{ id: \"a/b\", name: X, side: us }"),
        ("goals", "{ id: \"../../etc\" }"),
        ("disputes", "{ id: \"..\", opened: 2026-01-01 }"),
        ("criteria", "{ id: \"x/..\", name: X }"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let ws = tmp.path().join("ws");
        std::fs::create_dir_all(ws.join("accounts")).unwrap();
        std::fs::write(ws.join("rapport.yaml"), CONFIG).unwrap();
        std::fs::write(
            ws.join("accounts/a.yaml"),
            format!("name: A\nkind: customer\n{section}:\n  - {entry}\n"),
        )
        .unwrap();
        let (code, _, stderr) = site_audit::rapport(tmp.path(), &["check", "ws"]);
        assert_eq!(code, 1, "{section} {entry}: {stderr}");
        assert!(
            stderr.contains(&format!("{section}[0].id")),
            "{section} {entry}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Calendars: the shared .ics of each account.

/// The text a calendar program shows of an .ics file: folded lines joined, text escapes
/// decoded (a marker split by a fold or written `\,` would escape a plain search).
fn ics_text(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::new();
    let mut chars = unfolded.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Every internal-only text of the marker workspace stays out of the shared calendars (of
/// its own account and the other), while the shared items' wording reaches them, and every
/// account's items reach the internal calendar.
#[test]
fn shared_calendars_hold_shared_items_and_no_internal_text() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    let (marked, _) = marker_workspace(&ws);
    // Calendars hold what is still to be done: the generator's milestones and actions are
    // all done, so they are reopened here.
    for (id, _) in ACCOUNTS {
        let file = ws.join(format!("accounts/{id}.yaml"));
        let mut account: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for (list, items) in [("goals", "milestones"), ("reviews", "actions")] {
            for parent in account[list].as_array_mut().unwrap() {
                for item in parent[items].as_array_mut().unwrap() {
                    item.as_object_mut().unwrap().remove("done");
                }
            }
        }
        std::fs::write(&file, account.to_string()).unwrap();
    }
    let files = build_ok(&ws, &tmp.path().join("site"));
    let internal = ics_text(&files["internal/calendar.ics"]);
    let mut problems = Vec::new();
    for (id, _) in ACCOUNTS {
        let path = format!("shared/{id}/calendar.ics");
        let shown = ics_text(files.get(&path).unwrap_or_else(|| panic!("no {path}")));
        for m in &marked {
            let leaked = m.field.audience == Audience::Internal || m.account != *id;
            if leaked && shown.contains(&m.marker) {
                problems.push(format!(
                    "{} `{}` ({:?}): LEAKED into {path}",
                    m.account, m.field.path, m.field.audience
                ));
            }
        }
        for pattern in [
            "goals[].milestones[].title",
            "commitments[].what",
            "reviews[].actions[].what",
            "governance[].name",
        ] {
            let of = |audience: Audience| {
                marked.iter().filter(move |m| {
                    m.account == *id && m.field.pattern == pattern && m.field.audience == audience
                })
            };
            if !of(Audience::Shared).any(|m| shown.contains(&m.marker)) {
                problems.push(format!("{path}: no shared `{pattern}`"));
            }
            if !of(Audience::Internal).any(|m| internal.contains(&m.marker)) {
                problems.push(format!(
                    "internal/calendar.ics: no internal `{pattern}` of {id}"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
