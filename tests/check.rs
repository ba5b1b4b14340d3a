//! `rapport check` on workspaces with one class of error each: exit code 1 and the message a
//! user sees (file, line:col, YAML path, hint). A few messages are compared whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::{rapport, Workspace};

/// A valid account; tests replace a line or append to it. Line numbers matter below.
const ACCOUNT: &str = "\
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
criteria:
  - id: reliability
    name: Reliability
    weight: 3
reviews:
  - quarter: 2026-Q1
    attendees: [dana, raj]
    scores: { reliability: 2 }
";

const FILE: &str = "ws/accounts/northwind.yaml";

/// The account with `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(ACCOUNT.contains(from), "`{from}` is not in the account");
    ACCOUNT.replacen(from, to, 1)
}

fn with_account(text: &str) -> Workspace {
    Workspace::new().account("northwind.yaml", text)
}

#[test]
fn a_valid_workspace_says_so_in_one_line() {
    let run = with_account(ACCOUNT).check();
    assert_eq!(
        (run.code, run.stderr.as_str(), run.stdout.as_str()),
        (0, "ok: 1 account, 0 warnings\n", "")
    );
    let ws = with_account(ACCOUNT);
    let quiet = rapport(ws.root().parent().unwrap(), &["check", "ws", "--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
}

#[test]
fn check_finds_the_workspace_from_a_folder_inside_it() {
    let ws = with_account(&edit("name: Northwind Supply Co.", "name: \"\""));
    let run = rapport(&ws.root().join("accounts"), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("--> ../accounts/northwind.yaml:1:"),
        "{}",
        run.stderr
    );
    let fine = with_account(ACCOUNT);
    let run = rapport(&fine.root().join("accounts"), &["check"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "ok: 1 account, 0 warnings\n")
    );
    // A folder given by name is taken as given.
    let run = rapport(&fine.root().join("accounts"), &["check", "../accounts"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("missing rapport.yaml"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_sample_data_is_valid() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = rapport(root.as_ref(), &["check", "sample-data"]);
    assert_eq!(run.code, 0, "sample-data has problems:\n{}", run.stderr);
}

#[test]
fn unknown_field_suggests_the_nearest_name() {
    let run = with_account(&format!("{ACCOUNT}comitments: []\n")).check();
    run.invalid();
    assert_eq!(
        run.stderr,
        "\
error: unknown field `comitments`
  --> ws/accounts/northwind.yaml:20:1
   = at: comitments
   |
20 | comitments: []
   | ^^^^^^^^^^
   = help: did you mean `commitments`?
   = code: unknown-field

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn invalid_quarter() {
    let run = with_account(&edit("quarter: 2026-Q1", "quarter: 2026-Q5")).check();
    run.invalid();
    assert_eq!(
        run.stderr,
        "\
error: `2026-Q5` is not a quarter
  --> ws/accounts/northwind.yaml:17:14
   = at: reviews[0].quarter
   |
17 |   - quarter: 2026-Q5
   |              ^^^^^^^
   = help: write YYYY-Qn with n from 1 to 4, e.g. 2026-Q2
   = code: invalid-quarter

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn unresolved_reference_names_both_ends() {
    let run = with_account(&edit("covers: [raj]", "covers: [rajj]")).check();
    run.invalid();
    assert_eq!(
        run.stderr,
        "\
error: unknown person `rajj` in `covers`
  --> ws/accounts/northwind.yaml:8:14
   = at: people[0].covers[0]
  |
8 |     covers: [rajj]
  |              ^^^^
   = help: did you mean `raj`?
   = code: dangling-reference

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn missing_rapport_yaml_says_how_to_create_one() {
    let run = with_account(ACCOUNT).without_config().check();
    run.invalid();
    assert_eq!(
        run.stderr,
        "\
error: missing rapport.yaml: this folder is not a rapport workspace
  --> ws/rapport.yaml
   = help: create rapport.yaml with at least `organisation: Your Company`, or run `rapport init DIR` for a new workspace
   = code: not-a-workspace

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn missing_workspace_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let run = rapport(tmp.path(), &["check", "nowhere"]);
    run.invalid();
    assert_eq!(
        run.stderr,
        "\
error: workspace folder not found
  --> nowhere
   = help: give the path of a folder that holds rapport.yaml and accounts/, or create one with `rapport init DIR`
   = code: not-a-workspace

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn wrong_type() {
    with_account(&edit("weight: 3", "weight: high"))
        .check()
        .invalid()
        .error(
            "expected a whole number, found `high`",
            &format!("{FILE}:15:13"),
            "criteria[0].weight",
            "write digits only, e.g. `3`",
        );
    with_account(&edit("covers: [raj]", "covers: raj"))
        .check()
        .invalid()
        .error(
            "expected a list, found `raj`",
            &format!("{FILE}:8:13"),
            "people[0].covers",
            "write one `- item` per line, or `[a, b]`",
        );
}

#[test]
fn invalid_date() {
    with_account(&format!("{ACCOUNT}since: 2026-02-30\n"))
        .check()
        .invalid()
        .error(
            "`2026-02-30` is not a valid date",
            &format!("{FILE}:20:8"),
            "since",
            "write dates as YYYY-MM-DD, with a day that exists in the calendar",
        );
}

#[test]
fn unknown_enum_value_lists_the_allowed_ones() {
    with_account(&edit("kind: supplier", "kind: suplier"))
        .check()
        .invalid()
        .error(
            "unknown value `suplier` for `kind`",
            &format!("{FILE}:2:7"),
            "kind",
            "did you mean `supplier`? allowed values: customer, supplier, partner",
        );
}

#[test]
fn yes_is_not_a_boolean() {
    with_account(&edit("    side: us\n", "    side: us\n    sponsor: yes\n")).check().invalid().error(
        "expected `true` or `false`, found `yes`",
        &format!("{FILE}:8:14"),
        "people[0].sponsor",
        "YAML 1.2 booleans are `true` and `false` only; `yes`, `no`, `on` and `off` are not booleans",
    );
}

#[test]
fn missing_and_blank_required_fields() {
    with_account(&edit("kind: supplier\n", ""))
        .check()
        .invalid()
        .error(
            "missing required field `kind`",
            &format!("{FILE}:1:1"),
            "",
            "add `kind:` with a value here",
        );
    with_account(&edit("    name: Raj Patel", "    name:"))
        .check()
        .invalid()
        .error(
            "`name` is empty, but it needs a value",
            &format!("{FILE}:10:9"),
            "people[1].name",
            "write a value after `name:`",
        );
    with_account(&edit("name: Northwind Supply Co.", "name: ' '"))
        .check()
        .invalid()
        .error(
            "`name` is blank, but it needs a value",
            &format!("{FILE}:1:7"),
            "name",
            "give the account the other company's name, e.g. `name: Northwind Supply Co.`",
        );
}

#[test]
fn score_out_of_range() {
    with_account(&edit("{ reliability: 2 }", "{ reliability: 7 }"))
        .check()
        .invalid()
        .error(
            "score for `reliability` must be from 1 to 5, not 7",
            &format!("{FILE}:19:28"),
            "reviews[0].scores.reliability",
            "scores run from 1 (poor) to 5 (excellent)",
        );
}

#[test]
fn weight_out_of_range() {
    with_account(&edit("weight: 3", "weight: 0"))
        .check()
        .invalid()
        .error(
            "weight of criterion `reliability` must be from 1 to 5, not 0",
            &format!("{FILE}:15:13"),
            "criteria[0].weight",
            "a weight ranks a criterion's importance from 1 (least) to 5 (most)",
        );
}

#[test]
fn bad_id() {
    let text = format!("{ACCOUNT}disputes:\n  - id: Pricing 2019\n    opened: 2019-02-01\n");
    with_account(&text).check().invalid().error(
        "dispute id `Pricing 2019` is not a valid id",
        &format!("{FILE}:21:9"),
        "disputes[0].id",
        "ids use lowercase letters, digits and dashes only: try `pricing-2019`",
    );
}

#[test]
fn bad_file_stem() {
    Workspace::new().account("Northwind Supply.yaml", ACCOUNT).check().invalid().error(
        "file name `Northwind Supply` is not a valid account id",
        "ws/accounts/Northwind Supply.yaml",
        "",
        "rename the file to `northwind-supply.yaml`: an account id uses lowercase letters, digits and dashes",
    );
}

#[test]
fn duplicate_id_points_at_the_second_and_names_the_first() {
    let text = edit(
        "criteria:\n",
        "  - id: dana\n    name: Dana Two\n    side: us\ncriteria:\n",
    );
    with_account(&text).check().invalid().error(
        "duplicate person id `dana`",
        &format!("{FILE}:12:9"),
        "people[2].id",
        "`dana` is already the id of people[0] at line 5; ids must be unique within `people`",
    );
}

#[test]
fn duplicate_key() {
    with_account(&edit(
        "    side: them\n",
        "    side: them\n    name: Raj P.\n",
    ))
    .check()
    .invalid()
    .error(
        "duplicate key `name`",
        &format!("{FILE}:12:5"),
        "people[1].name",
        "a key may appear only once in a mapping: keep one `name:` and remove or merge the other",
    );
}

#[test]
fn duplicate_review_quarter() {
    with_account(&format!("{ACCOUNT}  - quarter: 2026-Q1\n")).check().invalid().error(
        "a second review for 2026-Q1",
        &format!("{FILE}:20:14"),
        "reviews[1].quarter",
        "reviews[0] at line 17 is already for 2026-Q1: each quarter has one review pack, so merge the two",
    );
}

#[test]
fn turnaround_cycle_counts_from_one() {
    with_account(&format!(
        "{ACCOUNT}turnaround:\n  step: insight\n  cycle: 0\n"
    ))
    .check()
    .invalid()
    .error(
        "turnaround `cycle` counts from 1, not 0",
        &format!("{FILE}:22:10"),
        "turnaround.cycle",
        "cycle 1 is the first run through the seven steps; a new cycle starts after recognition",
    );
}

#[test]
fn every_kind_of_unresolved_reference() {
    let text = format!(
        "{}{}",
        edit("owner: dana", "owner: dan")
            .replace("attendees: [dana, raj]", "attendees: [dana, ra]")
            .replace("{ reliability: 2 }", "{ reliabilty: 2 }"),
        "\
events:
  - date: 2026-01-10
    title: Dinner
    people: [dana, raaj]
disputes:
  - id: pricing
    opened: 2019-02-01
    owner: lee
goals:
  - id: forecast
    owners: [dana, mia]
governance:
  - name: Steering committee
    members: [dana, zoe]
statement:
  signatories: [dana, rja]
"
    );
    let run = with_account(&text).check();
    run.invalid()
        .error(
            "unknown person `dan` in `owner`",
            &format!("{FILE}:3:8"),
            "owner",
            "did you mean `dana`?",
        )
        .error(
            "unknown person `ra` in `attendees`",
            &format!("{FILE}:18:23"),
            "reviews[0].attendees[1]",
            "did you mean `raj`?",
        )
        .error(
            "unknown criterion `reliabilty` in `scores`",
            &format!("{FILE}:19:27"),
            "reviews[0].scores.reliabilty",
            "did you mean `reliability`?",
        )
        .error(
            "unknown person `raaj` in `people`",
            &format!("{FILE}:23:20"),
            "events[0].people[1]",
            "did you mean `raj`?",
        )
        .error(
            "unknown person `lee` in `owner`",
            &format!("{FILE}:27:12"),
            "disputes[0].owner",
            "people in this file: dana, raj",
        )
        .error(
            "unknown person `mia` in `owners`",
            &format!("{FILE}:30:20"),
            "goals[0].owners[1]",
            "people in this file: dana, raj",
        )
        .error(
            "unknown person `zoe` in `members`",
            &format!("{FILE}:33:21"),
            "governance[0].members[1]",
            "people in this file: dana, raj",
        )
        .error(
            "unknown person `rja` in `signatories`",
            &format!("{FILE}:35:23"),
            "statement.signatories[1]",
            "did you mean `raj`?",
        );
    assert!(
        run.stderr.ends_with("error: 8 error(s), 0 warning(s)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_owner_must_be_on_our_side() {
    with_account(&edit("owner: dana", "owner: raj"))
        .check()
        .invalid()
        .error(
            "owner `raj` is on their side, not ours",
            &format!("{FILE}:3:8"),
            "owner",
            "the owner is our relationship owner, a person with `side: us`: dana",
        );
}

#[test]
fn config_rules() {
    let run = with_account(ACCOUNT)
        .config("organisation: Acme\nfiscal_year_start: 13\nescalate_after_days: 0\nhealth:\n  weights: { coverage: -1 }\n")
        .check();
    run.invalid()
        .error(
            "`fiscal_year_start` must be a month from 1 to 12, not 13",
            "ws/rapport.yaml:2:20",
            "fiscal_year_start",
            "1 is January (the default); 4 starts the fiscal year, and 2026-Q1, in April",
        )
        .error(
            "`escalate_after_days` must be at least 1, not 0",
            "ws/rapport.yaml:3:22",
            "escalate_after_days",
            "the number of days before an open dispute must be escalated (default 90)",
        )
        .error(
            "health weight `coverage` cannot be negative, not -1",
            "ws/rapport.yaml:5:24",
            "health.weights.coverage",
            "weights are relative to each other; 0 leaves a component out of health",
        );
    with_account(ACCOUNT)
        .config("organisatoin: Acme\n")
        .check()
        .invalid()
        .error(
            "unknown field `organisatoin`",
            "ws/rapport.yaml:1:1",
            "organisatoin",
            "did you mean `organisation`?",
        );
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let run = with_account(&edit("covers: [raj]", "covers: [dana]")).check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.warning(
        "`dana` covers `dana`, who is on our side",
        &format!("{FILE}:8:14"),
        "people[0].covers[0]",
        "`covers` lists the people of the other company (`side: them`) this person holds the relationship with",
    );
    assert!(
        run.stderr.ends_with("ok: 1 account, 1 warning\n"),
        "{}",
        run.stderr
    );
    // --deny-warnings makes the same workspace fail.
    let ws = with_account(&edit("covers: [raj]", "covers: [dana]"));
    let denied = rapport(
        ws.root().parent().unwrap(),
        &["check", "ws", "--deny-warnings"],
    );
    assert_eq!(denied.code, 1, "{}", denied.stderr);
    assert!(
        denied
            .stderr
            .ends_with("error: 1 warning and --deny-warnings\n"),
        "{}",
        denied.stderr
    );
}

#[test]
fn several_errors_in_several_files_are_all_reported_in_one_run() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let run = rapport(fixtures.as_ref(), &["check", "check-several-files"]);
    run.invalid();
    let expected =
        std::fs::read_to_string(format!("{fixtures}/check-several-files.stderr")).unwrap();
    assert_eq!(run.stderr, expected);
}

#[test]
fn json_output_has_every_field() {
    let text = edit("covers: [raj]", "covers: [rajj]").replace("weight: 3", "weight: 6");
    let (run, json) = with_account(&text)
        .account("other.yaml", "name: Other\nkind: partner\nstage: friend\n")
        .check_json();
    run.invalid();
    assert_eq!(run.stderr, "");
    assert_eq!(json["errors"], 3);
    assert_eq!(json["warnings"], 0);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let summary: Vec<(&str, u64, u64, &str)> = diagnostics
        .iter()
        .map(|d| {
            for key in [
                "severity", "file", "line", "column", "path", "message", "help",
            ] {
                assert!(d.get(key).is_some(), "no `{key}` in {d}");
            }
            (
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("ws/accounts/northwind.yaml", 8, 14, "people[0].covers[0]"),
            ("ws/accounts/northwind.yaml", 15, 13, "criteria[0].weight"),
            ("ws/accounts/other.yaml", 3, 8, "stage"),
        ]
    );
    assert_eq!(
        diagnostics[0]["message"],
        "unknown person `rajj` in `covers`"
    );
    assert_eq!(diagnostics[0]["help"], "did you mean `raj`?");
    assert_eq!(diagnostics[0]["severity"], "error");
}

#[test]
fn json_output_for_a_valid_workspace() {
    let (run, json) = with_account(ACCOUNT).check_json();
    assert_eq!(run.code, 0);
    assert_eq!(
        json,
        serde_json::json!({ "errors": 0, "warnings": 0, "diagnostics": [] })
    );
}
