//! One test per rule, on small accounts parsed from YAML text.

use super::*;
use crate::diagnostic::{Position, Severity};
use crate::model::Account;
use std::path::PathBuf;

/// A valid account that uses every kind of reference; tests append to it or edit it.
const VALID: &str = "\
name: Northwind Supply Co.
kind: supplier
owner: dana
turnaround:
  step: vision
  cycle: 1
people:
  - id: dana
    name: Dana Whitfield
    side: us
    covers: [raj]
  - id: raj
    name: Raj Patel
    side: them
events:
  - date: 2026-01-10
    title: Dinner with Raj
    people: [dana, raj]
disputes:
  - id: pricing-2019
    opened: 2019-02-01
    resolved: 2026-04-30
    owner: dana
goals:
  - id: forecast-sharing
    owners: [dana, raj]
    milestones:
      - title: First joint forecast
        due: 2026-03-31
commitments:
  - by: us
    what: Raise pricing discrepancies within 10 days
    made: 2026-01-20
    due: 2026-06-30
governance:
  - name: Joint steering committee
    members: [dana, raj]
criteria:
  - id: reliability
    name: Reliability
    weight: 3
reviews:
  - quarter: 2026-Q1
    attendees: [dana, raj]
    scores: { reliability: 2 }
statement:
  signatories: [dana, raj]
";

fn file(id: &str, text: &str) -> AccountFile {
    let account: Account = match crate::yaml::parse(text) {
        Ok(account) => account,
        Err(e) => panic!("test account does not parse: {e:?}\n{text}"),
    };
    AccountFile {
        id: id.to_string(),
        path: PathBuf::from(format!("accounts/{id}.yaml")),
        source: text.to_string(),
        account,
    }
}

fn check(text: &str) -> Vec<Diagnostic> {
    account::validate(&file("northwind", text))
}

/// `VALID` with one line replaced.
fn edit(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from} is not in VALID");
    VALID.replacen(from, to, 1)
}

/// The only diagnostic of `text`.
fn only(text: &str) -> Diagnostic {
    let found = check(text);
    assert_eq!(found.len(), 1, "expected one diagnostic, got {found:#?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

#[test]
fn a_valid_account_has_no_problems() {
    assert_eq!(check(VALID), vec![]);
}

#[test]
fn the_file_stem_must_be_an_id() {
    let found = account::validate(&file("Northwind Supply", VALID));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "file name `Northwind Supply` is not a valid account id"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("rename the file to `northwind-supply.yaml`: an account id uses lowercase letters, digits and dashes")
    );
    assert_eq!(found[0].position, None);
}

#[test]
fn required_text_must_not_be_blank() {
    let d = only(&edit("name: Northwind Supply Co.", "name: \"  \""));
    assert_eq!(
        (d.message.as_str(), d.path.as_str(), d.position),
        ("`name` is blank, but it needs a value", "name", at(1, 7))
    );
    for (from, to, path, position) in [
        ("name: Raj Patel", "name: ''", "people[1].name", at(13, 11)),
        (
            "title: Dinner with Raj",
            "title: ''",
            "events[0].title",
            at(17, 12),
        ),
        (
            "title: First joint forecast",
            "title: ' '",
            "goals[0].milestones[0].title",
            at(28, 16),
        ),
        (
            "what: Raise pricing discrepancies within 10 days",
            "what: ''",
            "commitments[0].what",
            at(32, 11),
        ),
        (
            "name: Joint steering committee",
            "name: ''",
            "governance[0].name",
            at(36, 11),
        ),
        (
            "name: Reliability",
            "name: ''",
            "criteria[0].name",
            at(40, 11),
        ),
    ] {
        let d = only(&edit(from, to));
        assert_eq!((d.path.as_str(), d.position), (path, position), "{d:#?}");
        assert!(d.message.ends_with("is blank, but it needs a value"));
    }
}

#[test]
fn ids_must_match_the_id_pattern() {
    let d = only(&edit(
        "people:\n",
        "people:\n  - id: Lee Wong\n    name: Lee Wong\n    side: us\n",
    ));
    assert_eq!(d.message, "person id `Lee Wong` is not a valid id");
    assert_eq!(
        d.help.as_deref(),
        Some("ids use lowercase letters, digits and dashes only: try `lee-wong`")
    );
    assert_eq!((d.path.as_str(), d.position), ("people[0].id", at(8, 9)));
    let d = only(&edit("id: pricing-2019", "id: ''"));
    assert_eq!(d.message, "dispute id is empty");
    let d = only(&edit("id: forecast-sharing", "id: Forecast_Sharing"));
    assert_eq!(d.message, "goal id `Forecast_Sharing` is not a valid id");
    let d =
        only(&edit("id: reliability", "id: \"réliabilité\"").replace("{ reliability: 2 }", "{}"));
    assert_eq!(d.message, "criterion id `réliabilité` is not a valid id");
}

#[test]
fn ids_must_be_unique_within_their_list() {
    let d = only(&edit(
        "criteria:\n",
        "criteria:\n  - id: reliability\n    name: Again\n",
    ));
    assert_eq!(d.message, "duplicate criterion id `reliability`");
    assert_eq!((d.path.as_str(), d.position), ("criteria[1].id", at(41, 9)));
    assert_eq!(
        d.help.as_deref(),
        Some("`reliability` is already the id of criteria[0] at line 39; ids must be unique within `criteria`")
    );
    let text = edit(
        "people:\n",
        "people:\n  - id: raj\n    name: Someone\n    side: them\n",
    );
    assert_eq!(only(&text).message, "duplicate person id `raj`");
    let text = edit(
        "disputes:\n",
        "disputes:\n  - id: pricing-2019\n    opened: 2019-01-01\n",
    );
    assert_eq!(only(&text).path, "disputes[1].id");
    let text = edit("goals:\n", "goals:\n  - id: forecast-sharing\n");
    assert_eq!(only(&text).path, "goals[1].id");
}

#[test]
fn every_kind_of_person_reference_must_resolve() {
    let cases = [
        ("owner: dana", "owner: dan", "owner", "owner"),
        (
            "covers: [raj]",
            "covers: [rajj]",
            "people[0].covers[0]",
            "covers",
        ),
        (
            "people: [dana, raj]",
            "people: [dana, rob]",
            "events[0].people[1]",
            "people",
        ),
        (
            "    owner: dana\n",
            "    owner: zed\n",
            "disputes[0].owner",
            "owner",
        ),
        (
            "owners: [dana, raj]",
            "owners: [dana, ra]",
            "goals[0].owners[1]",
            "owners",
        ),
        (
            "members: [dana, raj]",
            "members: [dana, x]",
            "governance[0].members[1]",
            "members",
        ),
        (
            "attendees: [dana, raj]",
            "attendees: [dan, raj]",
            "reviews[0].attendees[0]",
            "attendees",
        ),
        (
            "signatories: [dana, raj]",
            "signatories: [dana, lee]",
            "statement.signatories[1]",
            "signatories",
        ),
    ];
    for (from, to, path, field) in cases {
        let d = only(&edit(from, to));
        let id = d.message.split('`').nth(1).unwrap_or_default().to_string();
        assert_eq!(d.message, format!("unknown person `{id}` in `{field}`"));
        assert_eq!(d.path, path);
        assert!(d.position.is_some(), "{d:#?}");
        assert_eq!(d.severity, Severity::Error);
    }
}

#[test]
fn unknown_people_get_a_suggestion_or_the_list_of_people() {
    let d = only(&edit("covers: [raj]", "covers: [rajj]"));
    assert_eq!(d.help.as_deref(), Some("did you mean `raj`?"));
    assert_eq!(d.position, at(11, 14));
    let d = only(&edit("members: [dana, raj]", "members: [dana, zoe]"));
    assert_eq!(d.help.as_deref(), Some("people in this file: dana, raj"));
    let d = only("name: A\nkind: customer\nowner: dana\n");
    assert_eq!(
        d.help.as_deref(),
        Some("this file lists no people: add them under `people:`")
    );
}

#[test]
fn the_owner_must_be_one_of_ours() {
    let d = only(&edit("owner: dana", "owner: raj"));
    assert_eq!(d.message, "owner `raj` is on their side, not ours");
    assert_eq!(
        d.help.as_deref(),
        Some("the owner is our relationship owner, a person with `side: us`: dana")
    );
    assert_eq!(d.position, at(3, 8));
}

#[test]
fn score_keys_must_be_criteria() {
    let d = only(&edit("{ reliability: 2 }", "{ reliabilty: 2 }"));
    assert_eq!(d.message, "unknown criterion `reliabilty` in `scores`");
    assert_eq!(d.help.as_deref(), Some("did you mean `reliability`?"));
    assert_eq!(
        (d.path.as_str(), d.position),
        ("reviews[0].scores.reliabilty", at(45, 27))
    );
    let d = only(&edit("{ reliability: 2 }", "{ price: 2 }"));
    assert_eq!(
        d.help.as_deref(),
        Some("criteria in this file: reliability")
    );
    let d =
        only("name: A\nkind: customer\nreviews:\n  - quarter: 2026-Q1\n    scores: { price: 2 }\n");
    assert_eq!(
        d.help.as_deref(),
        Some("this file defines no criteria: add them under `criteria:` to score them")
    );
}

#[test]
fn scores_weights_and_cycles_are_range_checked() {
    let d = only(&edit("{ reliability: 2 }", "{ reliability: 6 }"));
    assert_eq!(
        d.message,
        "score for `reliability` must be from 1 to 5, not 6"
    );
    assert_eq!(
        (d.path.as_str(), d.position),
        ("reviews[0].scores.reliability", at(45, 28))
    );
    assert_eq!(
        only(&edit("{ reliability: 2 }", "{ reliability: 0 }")).message,
        "score for `reliability` must be from 1 to 5, not 0"
    );
    let d = only(&edit("weight: 3", "weight: 9"));
    assert_eq!(
        d.message,
        "weight of criterion `reliability` must be from 1 to 5, not 9"
    );
    assert_eq!(
        (d.path.as_str(), d.position),
        ("criteria[0].weight", at(41, 13))
    );
    assert_eq!(
        only(&edit("weight: 3", "weight: -1")).message,
        "weight of criterion `reliability` must be from 1 to 5, not -1"
    );
    let d = only(&edit("cycle: 1", "cycle: 0"));
    assert_eq!(d.message, "turnaround `cycle` counts from 1, not 0");
    assert_eq!(d.position, at(6, 10));
}

#[test]
fn each_quarter_has_one_review() {
    let d = only(&edit("statement:\n", "  - quarter: 2026-Q1\nstatement:\n"));
    assert_eq!(d.message, "a second review for 2026-Q1");
    assert_eq!(
        (d.path.as_str(), d.position),
        ("reviews[1].quarter", at(46, 14))
    );
    assert_eq!(
        d.help.as_deref(),
        Some("reviews[0] at line 43 is already for 2026-Q1: each quarter has one review pack, so merge the two")
    );
}

#[test]
fn amounts_must_be_finite() {
    let d = only(&edit(
        "    owner: dana\n",
        "    owner: dana\n    amount: .nan\n",
    ));
    assert_eq!(d.message, "`amount` must be a finite number, not NaN");
    assert_eq!(
        (d.path.as_str(), d.position),
        ("disputes[0].amount", at(24, 13))
    );
    let d = only(&format!("{VALID}value:\n  annual_amount: .inf\n"));
    assert_eq!(d.path, "value.annual_amount");
}

#[test]
fn covers_between_the_wrong_sides_is_a_warning() {
    let d = only(&edit("covers: [raj]", "covers: [dana]"));
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "`dana` covers `dana`, who is on our side");
    let d = only(&edit(
        "    side: them\n",
        "    side: them\n    covers: [dana]\n",
    ));
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "`raj` is on their side, but has `covers`");
    assert_eq!(
        (d.path.as_str(), d.position),
        ("people[1].covers", at(15, 14))
    );
}

#[test]
fn dates_in_the_wrong_order_are_warnings() {
    let d = only(&edit("resolved: 2026-04-30", "resolved: 2018-04-30"));
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "dispute `pricing-2019` is resolved (2018-04-30) before it was opened (2019-02-01)"
    );
    assert_eq!(
        (d.path.as_str(), d.position),
        ("disputes[0].resolved", at(22, 15))
    );
    let d = only(&edit("due: 2026-06-30", "due: 2025-06-30"));
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "commitment is due (2025-06-30) before it was made (2026-01-20)"
    );
    assert_eq!(d.position, at(34, 10));
}

#[test]
fn all_problems_are_collected() {
    let text = edit("owner: dana", "owner: nobody")
        .replace("covers: [raj]", "covers: [rajj]")
        .replace("weight: 3", "weight: 7")
        .replace("{ reliability: 2 }", "{ reliability: 9, speed: 1 }");
    let paths: Vec<String> = check(&text).into_iter().map(|d| d.path).collect();
    assert_eq!(
        paths,
        [
            "owner",
            "people[0].covers[0]",
            "criteria[0].weight",
            "reviews[0].scores.reliability",
            "reviews[0].scores.speed"
        ]
    );
}

fn config_problems(text: &str) -> Vec<Diagnostic> {
    let parsed: Config = match crate::yaml::parse(text) {
        Ok(config) => config,
        Err(e) => panic!("{e:?}"),
    };
    config(Path::new("rapport.yaml"), text, &parsed)
}

#[test]
fn config_defaults_are_valid() {
    assert_eq!(config_problems("organisation: Acme Components\n"), vec![]);
}

#[test]
fn config_values_are_range_checked() {
    let found = config_problems(
        "organisation: ' '\nfiscal_year_start: 13\nstale_after_days: 0\nescalate_after_days: -3\nhealth:\n  weights: { scores: -1 }\n",
    );
    let messages: Vec<(&str, &str, Option<Position>)> = found
        .iter()
        .map(|d| (d.path.as_str(), d.message.as_str(), d.position))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "organisation",
                "`organisation` is blank, but it needs a value",
                at(1, 15)
            ),
            (
                "fiscal_year_start",
                "`fiscal_year_start` must be a month from 1 to 12, not 13",
                at(2, 20)
            ),
            (
                "stale_after_days",
                "`stale_after_days` must be at least 1, not 0",
                at(3, 19)
            ),
            (
                "escalate_after_days",
                "`escalate_after_days` must be at least 1, not -3",
                at(4, 22)
            ),
            (
                "health.weights.scores",
                "health weight `scores` cannot be negative, not -1",
                at(6, 22)
            ),
        ]
    );
    assert_eq!(
        config_problems("organisation: A\nfiscal_year_start: 0\n")[0].path,
        "fiscal_year_start"
    );
}

#[test]
fn health_weights_cannot_all_be_zero() {
    let text = "organisation: A\nhealth:\n  weights:\n    scores: 0\n    commitments: 0\n    milestones: 0\n    disputes: 0\n    coverage: 0\n";
    let found = config_problems(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "every health weight is 0, so health cannot be computed"
    );
    assert_eq!(
        (found[0].path.as_str(), found[0].position),
        ("health.weights", at(4, 5))
    );
    assert_eq!(
        config_problems("organisation: A\nhealth:\n  weights: { scores: 0 }\n"),
        vec![]
    );
}

#[test]
fn two_files_for_one_account_are_an_error() {
    let mut other = file("northwind", VALID);
    other.path = PathBuf::from("accounts/northwind.yml");
    let found = duplicate_accounts(&[file("northwind", VALID), other]);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "account `northwind` is defined by two files"
    );
    assert_eq!(found[0].file, PathBuf::from("accounts/northwind.yml"));
}

#[test]
fn ids_and_slugs() {
    assert!(
        is_id("dana-w2") && !is_id("") && !is_id("Dana") && !is_id("dana_w") && !is_id("dana w")
    );
    assert_eq!(slug("  Dana  Whitfield! "), Some("dana-whitfield".into()));
    assert_eq!(slug("R&D"), Some("r-d".into()));
    assert_eq!(slug("!!"), None);
}
