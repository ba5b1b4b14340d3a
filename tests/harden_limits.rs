//! Inputs whose cost or output could grow out of proportion to what was written: amounts
//! beyond the printable range, deeply nested Markdown, very large accounts. Each is either
//! handled in time proportional to its size or refused with a diagnostic that names the
//! limit (docs/format.md, "Limits"). Nothing here measures time: the assertions are about
//! what comes out, so they hold on a slow machine too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Workspace;

const VALID: &str = "\
name: Northwind Supply Co.
kind: supplier
owner: dana
people:
  - id: dana
    name: Dana Whitfield
    side: us
    covers: [raj]
  - id: raj
    name: Raj Patel
    side: them
";

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
