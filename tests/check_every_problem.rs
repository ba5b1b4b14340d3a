//! `rapport check` reports every problem of a workspace in one run: several structural
//! mistakes of every class in one file, each at its own line; several broken files at once,
//! with the semantic errors of the files that parse; a broken rapport.yaml beside broken
//! accounts; mistakes inside flow collections; a syntax error after all of them. The same
//! diagnostics, at the same places, in the human, JSON, GitHub and SARIF formats.
//!
//! Each diagnostic is compared as `file code line:col-end_line:end_col path`; in human
//! output the end is read from the carets under the source line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::Value;
use support::{rapport, Run, Workspace};

const FILE: &str = "ws/accounts/northwind.yaml";

/// Eight structural mistakes of eight classes, spread over the file. Line numbers matter.
const EIGHT_MISTAKES: &str = "\
name: Northwind Supply Co.
kind: custmer
owner: dana
since: 2026-1-5
people:
  - id: dana
    name: Dana Whitfield
    side: us
    covers: raj
  - id: raj
    name: Raj Patel
    side: them
    rol: Key Account Manager
criteria:
  - id: reliability
    name: Reliability
    weight: 3
goals:
  - id: forecast
    milestones:
      - title: First forecast
        due: 2026-03-31
      - title: Second forecast
reviews:
  - date: 2026-04-02
    quarter: 2026-Q5
    attendees: [dana, raj]
    scores: { reliability: high }
events:
  - date: 2026-01-10
    title: Dinner
    title: Lunch
";

/// What `EIGHT_MISTAKES` holds, in file order.
const EIGHT_FOUND: [&str; 8] = [
    "unknown-value 2:7-2:14 kind",
    "invalid-date 4:8-4:16 since",
    "wrong-type 9:13-9:16 people[0].covers",
    "unknown-field 13:5-13:8 people[1].rol",
    "missing-field 23:9-23:14 goals[0].milestones[1].due",
    "invalid-quarter 26:14-26:21 reviews[0].quarter",
    "invalid-score 28:28-28:32 reviews[0].scores.reliability",
    "duplicate-key 32:5-32:10 events[0].title",
];

/// `rapport check ws --format FORMAT` with more arguments.
fn check_as(ws: &Workspace, format: &str, more: &[&str]) -> Run {
    let mut args = vec!["check", "ws", "--format", format];
    args.extend_from_slice(more);
    rapport(ws.root().parent().unwrap(), &args)
}

fn parse_json(what: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{what} is not JSON ({e}):\n{text}"))
}

/// `entries` prefixed with `file `.
fn in_file(file: &str, entries: &[&str]) -> Vec<String> {
    entries.iter().map(|e| format!("{file} {e}")).collect()
}

/// The diagnostics of human output (stderr).
fn human_found(stderr: &str) -> Vec<String> {
    stderr
        .split("\n\n")
        .filter(|block| block.contains("\n  --> "))
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            let field = |prefix: &str| lines.iter().find_map(|l| l.strip_prefix(prefix));
            let location = field("  --> ").unwrap();
            let code = field("   = code: ").unwrap_or_else(|| panic!("no code in\n{block}"));
            let path = field("   = at: ").unwrap_or("");
            let mut parts = location.rsplitn(3, ':');
            let (column, line, file) = (parts.next(), parts.next(), parts.next());
            let (Some(column), Some(line), Some(file)) = (column, line, file) else {
                return format!("{location} {code} - {path}");
            };
            let column: usize = column.parse().unwrap();
            let carets = lines
                .iter()
                .find(|l| l.trim_start().starts_with('|') && l.contains('^'))
                .map_or(0, |l| l.matches('^').count());
            format!(
                "{file} {code} {line}:{column}-{line}:{} {path}",
                column + carets
            )
        })
        .collect()
}

/// The diagnostics of the JSON document.
fn json_found(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or("").to_string();
            match d.get("line") {
                Some(line) => format!(
                    "{} {} {line}:{}-{}:{} {}",
                    text("file"),
                    text("code"),
                    d["column"],
                    d["end_line"],
                    d["end_column"],
                    text("path")
                ),
                None => format!("{} {} - {}", text("file"), text("code"), text("path")),
            }
        })
        .collect()
}

/// The diagnostics of GitHub workflow commands (files and paths here hold nothing to escape).
fn github_found(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|line| {
            let rest = line
                .strip_prefix("::error ")
                .or_else(|| line.strip_prefix("::warning "))
                .unwrap_or_else(|| panic!("not a workflow command: {line}"));
            let (properties, data) = rest.split_once("::").unwrap();
            let property = |key: &str| {
                properties
                    .split(',')
                    .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
                    .unwrap_or_else(|| panic!("no `{key}` in {line}"))
            };
            let code = property("title").strip_prefix("rapport ").unwrap();
            let path = data
                .split("%0A")
                .find_map(|l| l.strip_prefix("at: "))
                .unwrap_or("");
            format!(
                "{} {code} {}:{}-{}:{} {path}",
                property("file"),
                property("line"),
                property("col"),
                property("endLine"),
                property("endColumn")
            )
        })
        .collect()
}

/// The results of a SARIF log.
fn sarif_found(sarif: &Value) -> Vec<String> {
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0];
            let physical = &location["physicalLocation"];
            let region = &physical["region"];
            format!(
                "{} {} {}:{}-{}:{} {}",
                physical["artifactLocation"]["uri"].as_str().unwrap(),
                r["ruleId"].as_str().unwrap(),
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
                location["logicalLocations"][0]["fullyQualifiedName"]
                    .as_str()
                    .unwrap_or("")
            )
        })
        .collect()
}

/// Checks that every format reports exactly `expected` (errors only), with exit code 1.
fn found_in_every_format(ws: &Workspace, expected: &[String]) {
    let human = check_as(ws, "human", &[]);
    human.invalid();
    assert_eq!(
        human_found(&human.stderr),
        expected,
        "human:\n{}",
        human.stderr
    );
    assert!(
        human.stderr.ends_with(&format!(
            "error: {} error(s), 0 warning(s)\n",
            expected.len()
        )),
        "{}",
        human.stderr
    );

    let json = check_as(ws, "json", &[]);
    json.invalid();
    let document = parse_json("--format json", &json.stdout);
    assert_eq!(json_found(&document), expected, "json:\n{}", json.stdout);
    assert_eq!(document["errors"], expected.len(), "{}", json.stdout);

    let github = check_as(ws, "github", &[]);
    github.invalid();
    assert_eq!(
        github_found(&github.stdout),
        expected,
        "github:\n{}",
        github.stdout
    );
    assert!(
        github.stdout.lines().all(|l| l.starts_with("::error ")),
        "{}",
        github.stdout
    );

    let sarif = check_as(ws, "sarif", &[]);
    sarif.invalid();
    let log = parse_json("--format sarif", &sarif.stdout);
    assert_eq!(sarif_found(&log), expected, "sarif:\n{}", sarif.stdout);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().all(|r| r["level"] == "error"),
        "{}",
        sarif.stdout
    );
}

/// The codes of a JSON document's diagnostics.
fn codes(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn with_account(text: &str) -> Workspace {
    Workspace::new().account("northwind.yaml", text)
}

#[test]
fn eight_mistakes_over_a_file_are_eight_diagnostics_in_every_format() {
    let ws = with_account(EIGHT_MISTAKES);
    found_in_every_format(&ws, &in_file(FILE, &EIGHT_FOUND));
    // Each one keeps its own message and hint.
    let (_, json) = ws.check_json();
    let said: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["message"].as_str().unwrap(), d["help"].as_str().unwrap()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "unknown value `custmer` for `kind`",
                "did you mean `customer`? allowed values: customer, supplier, partner"
            ),
            (
                "`2026-1-5` is not a valid date",
                "write YYYY-MM-DD with two-digit months and days, e.g. 2026-01-05"
            ),
            (
                "expected a list, found `raj`",
                "write one `- item` per line, or `[a, b]`"
            ),
            ("unknown field `rol`", "did you mean `role`?"),
            (
                "missing required field `due`",
                "add `due:` with a value here"
            ),
            (
                "`2026-Q5` is not a quarter",
                "write YYYY-Qn with n from 1 to 4, e.g. 2026-Q2"
            ),
            ("`high` is not a score", rapport::model::SCORE_HELP),
            (
                "duplicate key `title`",
                "a key may appear only once in a mapping: keep one `title:` and remove or merge the other"
            ),
        ]
    );
}

#[test]
fn every_structural_class_several_times_in_one_file() {
    let text = "\
name: Northwind Supply Co.
kind: supplier
stage: vendr
since: 2026-02-30
people:
  - id: dana
    name: [Dana, Whitfield]
    side: us
    sponsor: yes
  - id: raj
    name: Raj Patel
    side: them
    level: boss
    name: Raj P.
  - id: lee
    name:
    side: them
criteria:
  - id: reliability
    name: Reliability
    weight: high
  - id: quality
    name: Quality
    illustrations: on-time delivery
comitments:
  - by: us
goals:
  - id: forecast
    milestones:
      - due: 2026-03-31
      - title: Second forecast
        done: 2026-13-01
reviews:
  - date: 2026-04-02
    quarter: 2026-Q0
    scores: { reliability: 2.5, quality: [4] }
  - date: 2026-07-01
    quarter: Q3-2026
    scores: { reliability: \"3\" }
events:
  - date: 2026-01-10
    title:
    sentiment: happy
    visibility: public
kind: customer
";
    let expected = in_file(
        FILE,
        &[
            "unknown-value 3:8-3:13 stage",
            "invalid-date 4:8-4:18 since",
            "wrong-type 7:11-7:28 people[0].name",
            "wrong-type 9:14-9:17 people[0].sponsor",
            "unknown-value 13:12-13:16 people[1].level",
            "duplicate-key 14:5-14:9 people[1].name",
            "empty-value 16:9-16:10 people[2].name",
            "wrong-type 21:13-21:17 criteria[0].weight",
            "wrong-type 24:20-24:36 criteria[1].illustrations",
            "unknown-field 25:1-25:11 comitments",
            "missing-field 30:9-30:12 goals[0].milestones[0].title",
            "missing-field 31:9-31:14 goals[0].milestones[1].due",
            "invalid-date 32:15-32:25 goals[0].milestones[1].done",
            "invalid-quarter 35:14-35:21 reviews[0].quarter",
            "invalid-score 36:28-36:31 reviews[0].scores.reliability",
            "invalid-score 36:42-36:45 reviews[0].scores.quality",
            "invalid-quarter 38:14-38:21 reviews[1].quarter",
            "invalid-score 39:28-39:31 reviews[1].scores.reliability",
            "empty-value 42:10-42:11 events[0].title",
            "unknown-value 43:16-43:21 events[0].sentiment",
            "unknown-value 44:17-44:23 events[0].visibility",
            "duplicate-key 45:1-45:5 kind",
        ],
    );
    found_in_every_format(&with_account(text), &expected);
}

#[test]
fn several_broken_files_and_a_semantic_error_are_reported_in_one_run() {
    let ws = Workspace::new()
        .account(
            "alpha-trading.yaml",
            "\
name: Alpha Trading
kind: custmer
people:
  - id: ana
    name: Ana Lima
    side: us
    rol: Buyer
since: 2026-1-5
",
        )
        .account(
            "beta-metals.yaml",
            "\
name: Beta Metals
kind: supplier
goals:
  - id: launch
    milestones: [{title: Pilot}]
reviews:
  - date: 2026-04-02
    quarter: 2026-Q5
    date: 2026-04-03
",
        )
        .account(
            "gamma-labs.yaml",
            "\
name: Gamma Labs
kind: partner
owner: dana
people:
  - id: dan
    name: Dan Moss
    side: us
",
        )
        .account(
            "delta-works.yaml",
            "name: Delta Works\nkind: customer\nstage: vendor\n",
        );
    let expected = [
        in_file(
            "ws/accounts/alpha-trading.yaml",
            &[
                "unknown-value 2:7-2:14 kind",
                "unknown-field 7:5-7:8 people[0].rol",
                "invalid-date 8:8-8:16 since",
            ],
        ),
        in_file(
            "ws/accounts/beta-metals.yaml",
            &[
                "missing-field 5:18-5:32 goals[0].milestones[0].due",
                "invalid-quarter 8:14-8:21 reviews[0].quarter",
                "duplicate-key 9:5-9:9 reviews[0].date",
            ],
        ),
        in_file(
            "ws/accounts/gamma-labs.yaml",
            &["dangling-reference 3:8-3:12 owner"],
        ),
    ]
    .concat();
    found_in_every_format(&ws, &expected);
    let (_, json) = ws.check_json();
    let dangling = &json["diagnostics"][6];
    assert_eq!(dangling["message"], "unknown person `dana` in `owner`");
    assert_eq!(dangling["help"], "did you mean `dan`?");
}

#[test]
fn a_broken_rapport_yaml_does_not_hide_the_problems_of_the_accounts() {
    let ws = Workspace::new()
        .config("organisation: Acme Components\nfiscal_year_start: april\ntitel: Account reviews\n")
        .account(
            "alpha-trading.yaml",
            "name: Alpha Trading\nkind: partner\nstage: vendr\n",
        )
        .account(
            "beta-metals.yaml",
            "\
name: Beta Metals
kind: supplier
owner: dna
people:
  - id: dana
    name: Dana Whitfield
    side: us
criteria:
  - id: quality
    name: Quality
    weight: 9
",
        );
    let (run, json) = ws.check_json();
    run.invalid();
    assert_eq!(
        json_found(&json),
        [
            "ws/accounts/alpha-trading.yaml unknown-value 3:8-3:13 stage",
            "ws/accounts/beta-metals.yaml dangling-reference 3:8-3:11 owner",
            "ws/accounts/beta-metals.yaml out-of-range 11:13-11:14 criteria[0].weight",
            "ws/rapport.yaml wrong-type 2:20-2:25 fiscal_year_start",
            "ws/rapport.yaml unknown-field 3:1-3:6 titel",
        ],
        "{}",
        run.stdout
    );
    assert_eq!(json["diagnostics"][4]["help"], "did you mean `title`?");
    // The same in the human format, which also shows each line.
    let human = ws.check();
    human.invalid().error(
        "unknown person `dna` in `owner`",
        "ws/accounts/beta-metals.yaml:3:8",
        "owner",
        "did you mean `dana`?",
    );
    assert!(
        human.stderr.ends_with("error: 5 error(s), 0 warning(s)\n"),
        "{}",
        human.stderr
    );
}

#[test]
fn a_mistake_in_a_flow_mapping_does_not_stop_the_rest_of_the_file() {
    let text = "\
name: Beta Metals
kind: partner
stage: vendr
criteria:
  - id: quality
    name: Quality
goals:
  - id: launch
    milestones: [{title: A, due: 2026-01-01, colour: red}, {title: B}]
  - id: ramp
    milestones: [{title: C, title: D, due: 2026-02-30}, {title: E, due: 2026-1-5}]
reviews:
  - quarter: 2026-Q1
    scores: {quality: 9, qualty: x}
since: 2026-1-5
statement:
  signatories: dana
";
    let expected = in_file(
        FILE,
        &[
            "unknown-value 3:8-3:13 stage",
            "unknown-field 9:46-9:52 goals[0].milestones[0].colour",
            "missing-field 9:60-9:70 goals[0].milestones[1].due",
            "duplicate-key 11:29-11:34 goals[1].milestones[0].title",
            "invalid-date 11:44-11:54 goals[1].milestones[0].due",
            "invalid-date 11:73-11:81 goals[1].milestones[1].due",
            "invalid-score 14:34-14:35 reviews[0].scores.qualty",
            "invalid-date 15:8-15:16 since",
            "wrong-type 17:16-17:20 statement.signatories",
        ],
    );
    found_in_every_format(&with_account(text), &expected);
}

#[test]
fn a_late_syntax_error_is_reported_with_the_mistakes_before_it() {
    let text = "\
name: Northwind Supply Co.
kind: custmer
since: 2026-02-30
people:
  - id: dana
    name: Dana Whitfield
    side: us
    covers: raj
    rol: Buyer
reviews:
  - date: 2026-04-02
    quarter: 2026-Q5
commitments: [{by: us, what: Call back, made: 2026-01-05}
";
    let ws = with_account(text);
    let expected = in_file(
        FILE,
        &[
            "unknown-value 2:7-2:14 kind",
            "invalid-date 3:8-3:18 since",
            "wrong-type 8:13-8:16 people[0].covers",
            "unknown-field 9:5-9:8 people[0].rol",
            "invalid-quarter 12:14-12:21 reviews[0].quarter",
            "yaml-syntax 13:14-13:58 commitments",
        ],
    );
    found_in_every_format(&ws, &expected);
    ws.check().invalid().error(
        "invalid YAML: unclosed bracket '['",
        &format!("{FILE}:13:14"),
        "commitments",
        "check the indentation and quoting on this line and the one before; quote values that contain `: ` or ` #`",
    );
}

#[test]
fn recovery_never_invents_a_syntax_error() {
    // Brackets, commas and colons inside quotes and comments, flow collections over several
    // lines: blanking the entries in error must leave YAML that still reads.
    let text = "\
name: \"Northwind [Supply], Co.\"   # a comment with [ and {
kind: customer
people:
  - {id: dana, name: \"Dana, the [buyer]\", side: us, colour: \"red, ]}\"}
  - id: raj
    name: Raj
    side: them
    covers: [
      dana,
      raj
    ]
    role: 'it''s [complicated'
    level: {boss: yes}
goals:
  - id: g
    milestones: [
      {title: \"A, b\", due: 2026-02-28},
      {title: B, due: 2026-03-01, note: \"x: y\"}
    ]
stage: \"vendr # not a comment\"
reviews:
  - date: 2026-01-01
    quarter: 2026-Q1
    scores: {
      a: \"five\",
    }
";
    let expected = in_file(
        FILE,
        &[
            "unknown-field 4:53-4:59 people[0].colour",
            "unknown-value 13:13-13:17 people[1].level",
            "unknown-field 18:35-18:39 goals[0].milestones[1].note",
            "unknown-value 20:8-20:31 stage",
            "invalid-score 25:10-25:16 reviews[0].scores.a",
        ],
    );
    found_in_every_format(&with_account(text), &expected);
    // Neither in the eight-mistake file nor in several broken files at once.
    for ws in [
        with_account(EIGHT_MISTAKES),
        with_account(EIGHT_MISTAKES)
            .account("other.yaml", "name: O\nkind: partner\nstage: friend\n"),
    ] {
        let (run, json) = ws.check_json();
        run.invalid();
        assert!(
            !codes(&json).iter().any(|c| c == "yaml-syntax"),
            "{}",
            run.stdout
        );
    }
}

const WARNINGS_ONLY: &str = "\
name: Northwind Supply Co.
kind: supplier
disputes:
  - id: pricing
    opened: 2026-03-01
    resolved: 2026-02-01
";

#[test]
fn deny_warnings_fails_a_workspace_that_has_only_warnings() {
    let ws = with_account(WARNINGS_ONLY);
    let run = ws.check();
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.warning(
        "dispute `pricing` is resolved (2026-02-01) before it was opened (2026-03-01)",
        &format!("{FILE}:6:15"),
        "disputes[0].resolved",
        "check the two dates: `resolved` should be on or after `opened`",
    );
    assert!(
        run.stderr.ends_with("ok: 1 account, 1 warning\n"),
        "{}",
        run.stderr
    );
    for format in ["human", "json", "github", "sarif"] {
        let denied = check_as(&ws, format, &["--deny-warnings"]);
        assert_eq!(denied.code, 1, "{format}: {}", denied.stderr);
        assert!(
            denied
                .stderr
                .ends_with("error: 1 warning and --deny-warnings\n"),
            "{format}: {}",
            denied.stderr
        );
    }
    let (_, json) = ws.check_json();
    assert_eq!(
        json_found(&json),
        ["ws/accounts/northwind.yaml dates-out-of-order 6:15-6:25 disputes[0].resolved"]
    );
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    // Without warnings, --deny-warnings changes nothing.
    let clean = with_account(&WARNINGS_ONLY.replace("2026-02-01", "2026-04-01"));
    let run = check_as(&clean, "human", &["--deny-warnings"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "ok: 1 account, 0 warnings\n")
    );
}

// Bugs found while writing this suite: each test states what should happen and fails
// today.

#[test]
fn a_bad_first_key_of_a_list_item_does_not_end_the_search() {
    let mut missed = Vec::new();
    // The eight-mistake file with the quarter as the first key of its review.
    let first_key = EIGHT_MISTAKES.replace(
        "  - date: 2026-04-02\n    quarter: 2026-Q5\n",
        "  - quarter: 2026-Q5\n    date: 2026-04-02\n",
    );
    let cases = [
        (
            first_key,
            in_file(
                FILE,
                &[
                    &EIGHT_FOUND[..5],
                    &["invalid-quarter 25:14-25:21 reviews[0].quarter"],
                    &EIGHT_FOUND[6..],
                ]
                .concat(),
            ),
        ),
        (
            "name: N\nkind: customer\npeople:\n  - side: uss\n    id: a\n    name: A\nstage: vendr\n"
                .to_string(),
            in_file(
                FILE,
                &[
                    "unknown-value 4:11-4:14 people[0].side",
                    "unknown-value 7:8-7:13 stage",
                ],
            ),
        ),
        // The same for an item of a flow list written over several lines.
        (
            "name: N\nkind: customer\ngoals:\n  - id: g\n    milestones: [\n      {title: A, due: 2026-02-30}\n    ]\nstage: vendr\n"
                .to_string(),
            in_file(
                FILE,
                &[
                    "invalid-date 6:23-6:33 goals[0].milestones[0].due",
                    "unknown-value 8:8-8:13 stage",
                ],
            ),
        ),
    ];
    for (text, expected) in cases {
        let (_, json) = with_account(&text).check_json();
        let found = json_found(&json);
        if found != expected {
            missed.push(format!("{text}\nexpected {expected:#?}\nfound {found:#?}"));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n\n"));
}

#[test]
fn a_syntax_error_after_a_duplicate_key_is_reported() {
    let text = "\
name: Northwind Supply Co.
kind: customer
people:
  - id: raj
    name: Raj Patel
    side: them
    side: us
commitments: [
";
    let (run, json) = with_account(text).check_json();
    run.invalid();
    assert_eq!(
        json_found(&json),
        in_file(
            FILE,
            &[
                "duplicate-key 7:5-7:9 people[0].side",
                "yaml-syntax 8:14-8:15 commitments",
            ]
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_syntax_error_invents_no_missing_field() {
    let text = "\
name: Northwind Supply Co.
kind: customer
goals:
  - id: launch
    milestones:
      - title: Pilot
commitments: [
";
    let (run, json) = with_account(text).check_json();
    run.invalid();
    assert_eq!(
        json_found(&json),
        in_file(
            FILE,
            &[
                "missing-field 6:9-6:14 goals[0].milestones[0].due",
                "yaml-syntax 7:14-7:15 commitments",
            ]
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unclosed_bracket_in_a_text_field_is_a_syntax_error() {
    let text = "kind: customer\nname: [Northwind\n";
    let (run, json) = with_account(text).check_json();
    run.invalid();
    let found = codes(&json);
    assert!(
        found.contains(&"yaml-syntax".to_string()),
        "no yaml-syntax:\n{}",
        run.stdout
    );
    assert!(
        !found.contains(&"missing-field".to_string()),
        "`kind` is not missing:\n{}",
        run.stdout
    );
}

#[test]
fn a_misspelt_organisation_is_missing_whatever_else_the_file_holds() {
    for config in [
        "organisatoin: Acme\ntitle: Reviews\n",
        "organisatoin: Acme\n",
    ] {
        let (run, json) = with_account(WARNINGS_ONLY).config(config).check_json();
        run.invalid();
        assert_eq!(
            json_found(&json)
                .into_iter()
                .filter(|d| d.starts_with("ws/rapport.yaml"))
                .collect::<Vec<_>>(),
            [
                "ws/rapport.yaml missing-field 1:1-1:13 organisation",
                "ws/rapport.yaml unknown-field 1:1-1:13 organisatoin",
            ],
            "{config}"
        );
    }
}
