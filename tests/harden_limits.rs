//! Inputs whose cost or output could grow out of proportion to what was written: amounts
//! beyond the printable range, deeply nested Markdown, very large accounts. Each is either
//! handled in time proportional to its size or refused with a diagnostic that names the
//! limit (docs/format.md, "Limits"). Nothing here measures time: the assertions are about
//! what comes out, so they hold on a slow machine too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;
use support::VALID;

use support::Workspace;

#[test]
fn amounts_beyond_ten_to_the_fifteen_are_refused_with_a_code() {
    for (value, path) in [
        ("  annual_amount: 1e308\n", "value.annual_amount"),
        (
            "  annual_amount: -1000000000000001\n",
            "value.annual_amount",
        ),
    ] {
        let ws = Workspace::new().account("northwind.yaml", format!("{VALID}value:\n{value}"));
        let (run, json) = ws.check_json();
        run.invalid();
        let d = &json["diagnostics"][0];
        assert_eq!(d["code"], "amount-out-of-range", "{json}");
        assert_eq!(d["path"], path);
    }
    let dispute =
        format!("{VALID}disputes:\n  - id: price\n    opened: 2026-01-05\n    amount: 2e15\n");
    let (run, json) = Workspace::new()
        .account("northwind.yaml", dispute)
        .check_json();
    run.invalid();
    assert_eq!(json["diagnostics"][0]["code"], "amount-out-of-range");
    assert_eq!(json["diagnostics"][0]["path"], "disputes[0].amount");
    // The edge of the range is accepted and printed digit for digit.
    let ws = Workspace::new().account(
        "northwind.yaml",
        format!("{VALID}value:\n  annual_amount: 1000000000000000\n  currency: EUR\n"),
    );
    assert_eq!(ws.check_json().0.code, 0);
    let run = support::rapport(
        ws.root().parent().unwrap(),
        &["build", "ws", "--out", "site", "--no-history"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(
        ws.root()
            .parent()
            .unwrap()
            .join("site/internal/accounts/northwind/index.html"),
    )
    .unwrap();
    assert!(
        page.contains("1,000,000,000,000,000"),
        "exact figure on the page"
    );
}

/// `VALID` with `extra` appended to its `people:` list and `rest` after it.
fn account_with(extra_people: &str, rest: &str) -> String {
    format!("{VALID}{extra_people}{rest}")
}

#[test]
fn a_note_of_forty_thousand_nested_lists_is_shown_as_plain_text() {
    // 40,000 lists inside one another on one line, a link at the bottom, and lines after
    // it that each continue every open list.
    let nested = format!(
        "{}[a link](https://example.com/deep)\n{}",
        "- ".repeat(40_000),
        "\n".repeat(2_000)
    );
    let quoted = format!("{}quoted\n", "> ".repeat(40_000));
    let indented: String = (0..1_500)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    for note in [nested, quoted, indented] {
        let yaml = serde_json::to_string(&note).unwrap();
        let ws = Workspace::new().account(
            "northwind.yaml",
            account_with(
                "",
                &format!("events:\n  - date: 2026-01-05\n    title: Meeting\n    note: {yaml}\n"),
            ),
        );
        let dir = ws.root().parent().unwrap().to_path_buf();
        let run = support::rapport(&dir, &["build", "ws", "--out", "site", "--no-history"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let page = std::fs::read_to_string(dir.join("site/internal/accounts/northwind/index.html"))
            .unwrap();
        // Read as plain text: no list or quote element per level, and the page stays
        // about the size of the note.
        assert!(page.matches("<ul>").count() < 100, "lists were built");
        assert!(
            page.matches("<blockquote>").count() < 100,
            "quotes were built"
        );
        assert!(
            page.len() < note.len() * 3 + 100_000,
            "page of {} bytes",
            page.len()
        );
        let md =
            std::fs::read_to_string(dir.join("site/internal/accounts/northwind/index.md")).unwrap();
        assert!(
            md.len() < note.len() * 3 + 100_000,
            "md of {} bytes",
            md.len()
        );
    }
}

#[test]
fn nesting_up_to_the_limit_is_still_markdown() {
    let note: String = (0..10)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    let yaml = serde_json::to_string(&note).unwrap();
    let ws = Workspace::new().account(
        "northwind.yaml",
        account_with(
            "",
            &format!("events:\n  - date: 2026-01-05\n    title: Meeting\n    note: {yaml}\n"),
        ),
    );
    let dir = ws.root().parent().unwrap().to_path_buf();
    let run = support::rapport(&dir, &["build", "ws", "--out", "site", "--no-history"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page =
        std::fs::read_to_string(dir.join("site/internal/accounts/northwind/index.html")).unwrap();
    assert!(page.matches("<ul>").count() >= 10);
}

#[test]
fn an_account_with_twenty_thousand_people_is_refused_naming_the_limit() {
    let mut people = String::new();
    for i in 0..10_000 {
        people.push_str(&format!(
            "  - {{ id: u{i}, name: U{i}, side: us, covers: [t{i}] }}\n  - {{ id: t{i}, name: T{i}, side: them, level: manager }}\n"
        ));
    }
    let (run, json) = Workspace::new()
        .account("northwind.yaml", account_with(&people, ""))
        .check_json();
    run.invalid();
    let codes: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["account-too-large"], "{json}");
    let d = &json["diagnostics"][0];
    assert_eq!(d["path"], "people");
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("more than the limit of 1000"));
    // At the limit the account builds.
    let mut people = String::new();
    for i in 0..499 {
        people.push_str(&format!(
            "  - {{ id: u{i}, name: U{i}, side: us, covers: [t{i}] }}\n  - {{ id: t{i}, name: T{i}, side: them }}\n"
        ));
    }
    let (run, _) = Workspace::new()
        .account("northwind.yaml", account_with(&people, ""))
        .check_json();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn accounts_with_twenty_five_thousand_reviews_are_refused_naming_the_limit() {
    let reviews: String = (0..25_000)
        .map(|i| {
            format!(
                "  - {{ quarter: {}-Q{}, scores: {{ rel: {} }} }}\n",
                1000 + i / 4,
                i % 4 + 1,
                i % 5 + 1
            )
        })
        .collect();
    let text = account_with(
        "",
        &format!("criteria:\n  - {{ id: rel, name: Reliability, weight: 3 }}\nreviews:\n{reviews}"),
    );
    let ws = Workspace::new()
        .account("northwind.yaml", &text)
        .account("southwind.yaml", &text);
    let (run, json) = ws.check_json();
    run.invalid();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 2, "{json}");
    for d in diagnostics {
        assert_eq!(d["code"], "account-too-large");
        assert_eq!(d["path"], "reviews");
        assert!(d["message"]
            .as_str()
            .unwrap()
            .contains("more than the limit of 400"));
    }
}
