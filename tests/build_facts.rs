//! Facts a user relies on, asserted on the pages of small hand-made workspaces: what lands
//! in which review pack, score deltas, links between packs, template overrides, dispute
//! exposure per currency, and the documented keys of `portfolio.json`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, cell, section, Workspace};

/// One supplier reviewed in three quarters of 2026 (calendar fiscal year). Each goal,
/// milestone and commitment sits in one quarter so tests can check where it lands.
const ACCOUNT: &str = "\
name: Northwind Supply
kind: supplier
owner: dana
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
  - { id: pricing, name: Pricing accuracy, weight: 2 }
goals:
  - id: forecast
    title: Share forecasts
    milestones:
      - { title: Price file cleaned, due: 2026-03-31, done: 2026-03-10 }
      - { title: First joint forecast, due: 2026-05-15 }
commitments:
  - { by: them, what: Announce surcharges early, made: 2026-01-10, due: 2026-02-28, status: broken }
  - { by: us, what: Pay undisputed lines on time, made: 2026-01-10, due: 2026-05-31, status: kept }
reviews:
  - { quarter: 2026-Q1, scores: { reliability: 2, pricing: 4 } }
  - { quarter: 2026-Q2, scores: { reliability: 4, pricing: 3 } }
  - { quarter: 2026-Q3, scores: { reliability: 4 } }
";

fn built() -> Workspace {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    ws.build();
    ws
}

fn pack(ws: &Workspace, quarter: &str) -> String {
    ws.page(&format!("internal/accounts/northwind/{quarter}.md"))
}

/// Whether `text` is listed under `heading` in `page`.
fn listed(page: &str, heading: &str, text: &str) -> bool {
    section(page, heading).is_some_and(|body| body.contains(text))
}

#[test]
fn a_milestone_not_done_shows_as_missed_in_the_quarter_it_was_due() {
    let ws = built();
    let missed = "### Milestones missed";
    assert!(
        listed(&pack(&ws, "2026-Q2"), missed, "First joint forecast"),
        "{}",
        pack(&ws, "2026-Q2")
    );
    for quarter in ["2026-Q1", "2026-Q3"] {
        assert!(
            !listed(&pack(&ws, quarter), missed, "First joint forecast"),
            "{quarter}:\n{}",
            pack(&ws, quarter)
        );
    }
}

#[test]
fn a_milestone_done_shows_as_met_in_the_quarter_it_was_done() {
    let ws = built();
    let met = "### Milestones met";
    assert!(
        listed(&pack(&ws, "2026-Q1"), met, "Price file cleaned"),
        "{}",
        pack(&ws, "2026-Q1")
    );
    assert!(!listed(&pack(&ws, "2026-Q2"), met, "Price file cleaned"));
    assert!(!listed(
        &pack(&ws, "2026-Q1"),
        "### Milestones missed",
        "Price file cleaned"
    ));
}

#[test]
fn score_changes_are_against_the_previous_review() {
    let ws = built();
    let change = |quarter: &str, criterion: &str| cell(&pack(&ws, quarter), criterion, "Change");
    assert_eq!(change("2026-Q1", "Reliability"), "new");
    assert_eq!(change("2026-Q1", "Pricing accuracy"), "new");
    assert_eq!(change("2026-Q2", "Reliability"), "+2");
    assert_eq!(change("2026-Q2", "Pricing accuracy"), "-1");
    assert_eq!(change("2026-Q3", "Reliability"), "±0");
    assert_eq!(cell(&pack(&ws, "2026-Q2"), "Reliability", "Previous"), "2");
    assert_eq!(cell(&pack(&ws, "2026-Q2"), "Reliability", "Score"), "**4**");
}

#[test]
fn review_packs_link_to_the_previous_and_next_pack() {
    let ws = built();
    let links = |quarter: &str| {
        let md = pack(&ws, quarter);
        let html = ws.page(&format!("internal/accounts/northwind/{quarter}.html"));
        let targets = ["2026-Q1", "2026-Q2", "2026-Q3"].map(|q| {
            let md_link = md.contains(&format!("]({q}.md)"));
            let html_link = html.contains(&format!("href=\"{q}.html\""));
            assert_eq!(
                md_link, html_link,
                "{quarter} links to {q} in one format only"
            );
            md_link
        });
        targets
    };
    assert_eq!(links("2026-Q1"), [false, true, false]);
    assert_eq!(links("2026-Q2"), [true, false, true]);
    assert_eq!(links("2026-Q3"), [false, true, false]);
}

#[test]
fn kept_and_broken_commitments_land_in_the_quarter_of_their_due_date() {
    let ws = built();
    let (q1, q2) = (pack(&ws, "2026-Q1"), pack(&ws, "2026-Q2"));
    assert!(
        listed(&q1, "### Commitments broken", "Announce surcharges early"),
        "{q1}"
    );
    assert!(
        listed(&q2, "### Commitments kept", "Pay undisputed lines on time"),
        "{q2}"
    );
    assert!(!listed(
        &q2,
        "### Commitments broken",
        "Announce surcharges early"
    ));
    assert!(!listed(
        &q1,
        "### Commitments kept",
        "Pay undisputed lines on time"
    ));
}

#[test]
fn a_workspace_template_overrides_only_the_built_in_one_of_its_name() {
    let plain = built();
    let ws = Workspace::with_account("northwind", ACCOUNT).file(
        "templates/statement.md",
        "OVERRIDE-MARKER statement of {{ parties.them }}\n",
    );
    ws.build();
    let md = ws.page("shared/northwind/statement.md");
    assert_eq!(md, "OVERRIDE-MARKER statement of Northwind Supply\n");
    assert_eq!(
        ws.page("shared/northwind/statement.html"),
        plain.page("shared/northwind/statement.html"),
        "the .html statement still comes from the built-in template"
    );
    assert!(!ws.page("internal/index.md").contains("OVERRIDE-MARKER"));
}

#[test]
fn a_template_override_with_a_syntax_error_fails_naming_the_template() {
    let ws = Workspace::with_account("northwind", ACCOUNT)
        .file("templates/review.md", "# {{ name }}\n\n{% if %}\n");
    let message = assert_fails(&ws.try_build());
    assert!(message.contains("review.md"), "{message}");
    assert!(
        message.contains("--> 3:") || message.contains("review.md:3"),
        "the message names line 3: {message}"
    );
    assert!(!ws.site().exists(), "nothing written");
}

#[test]
fn open_dispute_exposure_is_summed_per_currency_on_the_portfolio() {
    let account = format!(
        "{ACCOUNT}disputes:
  - {{ id: rebates, opened: 2026-01-10, amount: 1000, currency: USD }}
  - {{ id: freight, opened: 2026-02-10, amount: 2000.5, currency: EUR }}
  - {{ id: tooling, opened: 2026-03-10, amount: 500, currency: USD }}
  - {{ id: old, opened: 2025-02-10, resolved: 2025-05-10, amount: 7000, currency: USD }}
"
    );
    let ws = Workspace::with_account("northwind", &account);
    ws.build();
    let portfolio = ws.page("internal/index.md");
    let exposure = cell(
        &portfolio,
        "[Northwind Supply](accounts/northwind/index.md)",
        "Open disputes",
    );
    assert_eq!(exposure, "EUR 2,000.50; USD 1,500");
    let json: serde_json::Value =
        serde_json::from_str(&ws.page("internal/portfolio.json")).expect("portfolio.json");
    assert_eq!(
        json["accounts"][0]["disputes"]["exposure"],
        serde_json::json!({ "EUR": 2000.5, "USD": 1500.0 })
    );
}

/// The keys documented for scripts that read `portfolio.json`.
#[test]
fn portfolio_json_has_the_documented_keys() {
    let ws = built();
    let json: serde_json::Value =
        serde_json::from_str(&ws.page("internal/portfolio.json")).expect("portfolio.json");
    assert_eq!(json["as_of"], "2026-11-26");
    let account = &json["accounts"][0];
    assert_eq!(json["accounts"].as_array().map(Vec::len), Some(1));
    assert_eq!(account["id"], "northwind");
    assert_eq!(account["name"], "Northwind Supply");
    assert_eq!(account["kind"], "supplier");
    assert_eq!(account["owner"], "dana");
    for key in ["stage", "alerts", "milestones", "disputes", "last_contact"] {
        assert!(
            account.get(key).is_some(),
            "accounts[].{key} missing: {account:#}"
        );
    }
    assert!(account["alerts"].is_array());
    let health = &account["health"];
    assert!(health["score"].is_number(), "{health:#}");
    assert!(health["trend"].is_array(), "{health:#}");
    let components = health["components"].as_array().expect("components");
    assert!(!components.is_empty());
    for component in components {
        for key in ["name", "weight", "value", "contribution"] {
            assert!(component.get(key).is_some(), "component.{key}: {component}");
        }
    }
    let commitments = &account["commitments"];
    assert_eq!(commitments["kept"], 1);
    assert_eq!(commitments["broken"], 1);
    assert_eq!(commitments["open"], 0);
    assert_eq!(commitments["withdrawn"], 0);
    assert_eq!(commitments["keep_rate"], 0.5);
}
