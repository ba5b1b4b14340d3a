//! A workspace's own messages (`templates/locales/<lang>.ftl`): they replace rapport's
//! messages of their language key by key, on internal and shared pages and in what the
//! code says (a statement's default title, the printed marks), keys they leave out keep
//! rapport's text, and a template override can name messages of the workspace's own.
//! `check` and `build` report every problem with them at its file, line and column, and the
//! leak guard searches their text as it searches a template override's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, assert_ok, assert_same_tree, stderr, tree, Workspace};

/// An English account with a shared goal, and a German one, both with internal text the
/// guard knows.
const NORTHWIND: &str = "\
name: Northwind Supply
kind: supplier
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them, notes: Raj quietly shortlists Blue Forge as our replacement }
goals:
  - id: forecasts
    title: Share demand forecasts
    visibility: shared
    milestones:
      - { title: First forecast, due: 2026-03-31 }
";

const ORBIS: &str = "\
name: Orbis
kind: partner
language: de
people:
  - { id: kai, name: Kai Brenner, side: us, covers: [stefan] }
  - { id: stefan, name: Stefan Richter, side: them }
goals:
  - id: shop
    title: Joint web shop
    visibility: shared
";

fn workspace() -> Workspace {
    Workspace::with_account("northwind", NORTHWIND).file("accounts/orbis.yaml", ORBIS)
}

fn check_json(ws: &Workspace) -> (std::process::Output, serde_json::Value) {
    let output = ws.run(&["check", "ws", "--format", "json"]);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (output, json)
}

/// The diagnostics of `json` with `code`, as (severity, file name, line, column).
fn found(json: &serde_json::Value, code: &str) -> Vec<(String, String, u64, u64)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            let file = d["file"].as_str().unwrap().replace('\\', "/");
            let name = file.rsplit("ws/").next().unwrap().to_string();
            (
                d["severity"].as_str().unwrap().to_string(),
                name,
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn overridden_messages_reach_internal_and_shared_pages_and_the_rest_stay() {
    let ws = workspace()
        .file(
            "templates/locales/en.ftl",
            "# Our words.\n\
             joint-goals = Goals we share\n\
             portfolio = Overview\n\
             statement-default-title = Our pact: { $us } with { $them }\n\
             page-mark-page = Sheet\n\
             alert-no-sponsor-title = Nobody sponsors this\n\
             our-motto = Partners for the long run\n",
        )
        .file(
            "templates/locales/de.ftl",
            "joint-goals = Was wir gemeinsam erreichen wollen\n",
        )
        .file(
            "templates/search.md",
            "# {{ t(key=\"our-motto\") }}\n\n{{ t(key=\"search\") }}\n",
        );
    let (output, json) = check_json(&ws);
    assert_ok(&output);
    assert_eq!(json["warnings"], 0, "{json}");
    ws.build();
    // A shared page, and a title the code makes, in the English folder.
    let statement = ws.page("shared/northwind/statement.html");
    assert!(statement.contains("Goals we share"), "{statement}");
    assert!(statement.contains("Our pact: Acme Components with Northwind Supply"));
    assert!(!statement.contains("Joint goals"), "{statement}");
    assert!(
        statement.contains("Fingerprint"),
        "a key left out keeps rapport's text"
    );
    let css = ws.page("shared/northwind/page.css");
    assert!(css.contains("\"Sheet \" counter(page)"), "{css}");
    // The German folder takes the German override, and rapport's German elsewhere.
    let german = ws.page("shared/orbis/statement.html");
    assert!(
        german.contains("Was wir gemeinsam erreichen wollen"),
        "{german}"
    );
    assert!(german.contains("Gemeinsame Absichtserklärung"), "{german}");
    assert!(!german.contains("Goals we share"), "{german}");
    // Internal pages, their alerts included.
    let portfolio = ws.page("internal/index.html");
    assert!(portfolio.contains(">Overview</a>"), "{portfolio}");
    assert!(portfolio.contains("Nobody sponsors this"), "{portfolio}");
    assert!(portfolio.contains("Accounts by kind"), "{portfolio}");
    // A template override names a message of the workspace's own.
    let search = ws.page("internal/search.md");
    assert!(
        search.starts_with("# Partners for the long run\n\nSearch"),
        "{search}"
    );
}

#[test]
fn a_syntax_error_fails_check_and_build_at_its_line() {
    let ws = workspace();
    ws.build();
    ws.write(
        "templates/locales/en.ftl",
        "joint-goals = Goals we share\nportfolio = { $unclosed\n",
    );
    let check = assert_fails(&ws.run(&["check", "ws"]));
    assert!(
        check.contains("error: this message catalogue does not parse"),
        "{check}"
    );
    assert!(check.contains("ws/templates/locales/en.ftl:2:"), "{check}");
    assert!(check.contains("2 | portfolio = { $unclosed"), "{check}");
    assert!(check.contains("= code: catalogue-syntax"), "{check}");
    let (output, json) = check_json(&ws);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        found(&json, "catalogue-syntax"),
        vec![(
            "error".to_string(),
            "templates/locales/en.ftl".to_string(),
            2,
            24
        )]
    );
    let before = tree(&ws.site());
    let build = assert_fails(&ws.try_build());
    assert!(build.contains("catalogue-syntax"), "{build}");
    assert_same_tree(
        &before,
        &tree(&ws.site()),
        "a failed build changed the site",
    );
}

#[test]
fn an_unknown_key_is_a_warning_with_the_nearest_key() {
    let ws = workspace().file(
        "templates/locales/de.ftl",
        "and = sowie\n\njoint-goal = Unsere Ziele\n",
    );
    let check = ws.run(&["check", "ws"]);
    assert_ok(&check);
    let text = stderr(&check);
    assert!(
        text.contains("warning: no page uses the message `joint-goal`; it is ignored"),
        "{text}"
    );
    assert!(text.contains("ws/templates/locales/de.ftl:3:1"), "{text}");
    assert!(text.contains("did you mean `joint-goals`?"), "{text}");
    let (output, json) = check_json(&ws);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json["errors"], 0);
    assert_eq!(
        found(&json, "unknown-message"),
        vec![(
            "warning".to_string(),
            "templates/locales/de.ftl".to_string(),
            3,
            1
        )]
    );
    // A build goes on, and says so.
    let build = ws.build();
    assert!(stderr(&build).contains("joint-goal"), "{}", stderr(&build));
}

#[test]
fn a_catalogue_for_a_language_rapport_does_not_ship_is_a_warning_naming_the_shipped_ones() {
    let ws = workspace()
        .file(
            "templates/locales/es.ftl",
            "joint-goals = Objetivos comunes\n",
        )
        .file("templates/locales/deu.ftl", "joint-goals = Ziele\n");
    let check = ws.run(&["check", "ws"]);
    assert_ok(&check);
    let text = stderr(&check);
    assert!(
        text.contains("warning: rapport does not write pages in `es`; this catalogue is ignored"),
        "{text}"
    );
    assert!(text.contains("en.ftl, de.ftl, fr.ftl"), "{text}");
    assert!(text.contains("did you mean `de.ftl`?"), "{text}");
    let (_, json) = check_json(&ws);
    let mut files: Vec<String> = found(&json, "unknown-catalogue")
        .into_iter()
        .map(|(severity, file, _, _)| format!("{severity} {file}"))
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "warning templates/locales/deu.ftl",
            "warning templates/locales/es.ftl"
        ]
    );
    ws.build();
    assert!(ws
        .page("shared/northwind/statement.html")
        .contains("Joint goals"));
}

#[test]
fn a_template_override_naming_a_key_no_catalogue_has_is_an_error_at_the_key() {
    let ws = workspace();
    ws.build();
    ws.write(
        "templates/search.md",
        "# Search\n\n{{ t(key=\"serch-scope\", count=accounts) }}\n",
    );
    let check = assert_fails(&ws.run(&["check", "ws"]));
    assert!(
        check.contains("error: no catalogue has the message `serch-scope`"),
        "{check}"
    );
    assert!(check.contains("ws/templates/search.md:3:10"), "{check}");
    assert!(check.contains("did you mean `search-scope`?"), "{check}");
    let (output, json) = check_json(&ws);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        found(&json, "missing-message"),
        vec![(
            "error".to_string(),
            "templates/search.md".to_string(),
            3,
            10
        )]
    );
    let before = tree(&ws.site());
    assert_fails(&ws.try_build());
    assert_same_tree(
        &before,
        &tree(&ws.site()),
        "a failed build changed the site",
    );
    // Defining it in a catalogue of the workspace's settles it.
    ws.write(
        "templates/locales/en.ftl",
        "serch-scope = { $count } accounts to search\n",
    );
    assert_ok(&ws.run(&["check", "ws"]));
}

#[test]
fn internal_text_typed_into_a_catalogue_stops_the_build() {
    let ws = workspace();
    ws.build();
    // A shared page's heading carries an internal note of Northwind's, in the German
    // catalogue that only Orbis's folder reads: every account's text is searched in every
    // catalogue, whichever pages use it.
    ws.write(
        "templates/locales/de.ftl",
        "joint-goals = Ziele (Raj quietly shortlists Blue Forge as our replacement)\n",
    );
    let before = tree(&ws.site());
    let build = assert_fails(&ws.try_build());
    assert!(
        build.contains(
            "internal field `people[1].notes` of account `northwind` is typed into message catalogue"
        ),
        "{build}"
    );
    assert!(build.contains("templates/locales/de.ftl"), "{build}");
    assert_same_tree(&before, &tree(&ws.site()), "a leak changed the site");
}
