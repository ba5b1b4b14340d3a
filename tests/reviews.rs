//! Reviews as account teams run them: criteria scored by each level of their company,
//! actions agreed at one review and checked at the next, dated outcomes of commitments,
//! and versioned, signed statements; each as the internal and the shared pages show it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_ok, section, stderr, Workspace};

const PEOPLE: &str = "\
name: Northwind Supply
kind: supplier
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them, level: executive }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
  - { id: professionalism, name: Professionalism, weight: 2 }
";

/// A workspace with one account: `PEOPLE` followed by `rest`, built as of `as_of`.
fn built(rest: &str, as_of: &str) -> Workspace {
    let ws = Workspace::with_account("northwind", &format!("{PEOPLE}{rest}"));
    assert_ok(&ws.run(&["build", "ws", "--out", "site", "--as-of", as_of]));
    ws
}

/// The codes and severities of the account's alerts, from portfolio.json.
fn alerts(ws: &Workspace) -> Vec<(String, String, String)> {
    let json: serde_json::Value =
        serde_json::from_str(&ws.page("internal/portfolio.json")).unwrap();
    json["accounts"][0]["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["severity"].as_str().unwrap().to_string(),
                a["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn codes(ws: &Workspace, code: &str) -> Vec<(String, String)> {
    alerts(ws)
        .into_iter()
        .filter(|(c, _, _)| c == code)
        .map(|(_, severity, subject)| (severity, subject))
        .collect()
}

#[test]
fn a_criterion_scored_by_level_is_the_mean_of_its_levels() {
    let ws = built(
        "reviews:
  - quarter: 2026-Q2
    scores:
      reliability: { executive: 4, operational: 2 }
      professionalism: 3
  - quarter: 2026-Q3
    scores:
      reliability: { executive: 5, manager: 3, operational: 2 }
      professionalism: 4
",
        "2026-11-26",
    );
    let pack = ws.page("internal/accounts/northwind/2026-Q3.md");
    let scores = section(&pack, "## Scores").unwrap();
    // 3 then (5 + 3 + 2) / 3 = 3.3: the mean, one decimal, and its change.
    assert!(
        scores.contains("| Reliability | 3 | 3 | **3.3** | +0.3 |"),
        "{scores}"
    );
    assert!(
        scores.contains("| Professionalism | 2 | 3 | **4** | +1 |"),
        "{scores}"
    );
    // The grid: each level, with its change where both reviews scored it.
    assert!(
        scores.contains("| Reliability | 5 (+1) | – | 3 | 2 (±0) |"),
        "{scores}"
    );
    assert!(!scores.contains("| Professionalism | –"), "{scores}");
    // Health uses the mean: the same as a file scoring reliability 10/3 would give.
    let account = ws.page("internal/accounts/northwind/index.md");
    assert!(
        account.contains("3.3 (executive 5, manager 3, operational 2)"),
        "{account}"
    );
    let html = ws.page("internal/accounts/northwind/index.html");
    assert!(
        html.contains(
            "<title>Reliability 2026-Q3: 3.3 (executive 5, manager 3, operational 2)</title>"
        ),
        "the chart shows the levels on hover"
    );
}

#[test]
fn levels_disagree_at_two_points_apart_in_the_latest_review_only() {
    let review = |q: &str, scores: &str| {
        format!("  - quarter: {q}\n    scores:\n      reliability: {scores}\n")
    };
    let at_two = built(
        &format!(
            "reviews:\n{}",
            review("2026-Q3", "{ executive: 4, operational: 2 }")
        ),
        "2026-11-26",
    );
    assert_eq!(
        codes(&at_two, "levels-disagree"),
        [("medium".to_string(), "Reliability".to_string())]
    );
    let at_one = built(
        &format!(
            "reviews:\n{}",
            review("2026-Q3", "{ executive: 4, manager: 3 }")
        ),
        "2026-11-26",
    );
    assert!(codes(&at_one, "levels-disagree").is_empty());
    // An older review that disagreed does not count once a later one agrees.
    let healed = built(
        &format!(
            "reviews:\n{}{}",
            review("2026-Q2", "{ executive: 5, operational: 1 }"),
            review("2026-Q3", "{ executive: 4, operational: 4 }")
        ),
        "2026-11-26",
    );
    assert!(codes(&healed, "levels-disagree").is_empty());
}

/// A fiscal year from October: 2026-Q4 is July–September 2027 and 2027-Q1 starts in
/// October 2027, so the previous review of 2027-Q1 lies in another fiscal year.
#[test]
fn actions_are_carried_to_the_next_review_across_a_fiscal_year() {
    let ws = Workspace::with_account(
        "northwind",
        &format!(
            "{PEOPLE}reviews:
  - quarter: 2026-Q4
    date: 2027-09-20
    actions:
      - {{ what: Send the revised surcharge policy, owner: dana, due: 2027-10-15, done: 2027-10-10 }}
      - {{ what: Share the forecast template, owner: raj, due: 2027-10-15, done: 2027-11-02 }}
      - {{ what: Book the plant visit, due: 2028-02-01 }}
      - {{ what: Name a quality contact, owner: raj, due: 2027-11-01 }}
  - quarter: 2027-Q1
    date: 2027-12-10
"
        ),
    );
    ws.write(
        "rapport.yaml",
        "organisation: Acme Components\nfiscal_year_start: 10\n",
    );
    assert_ok(&ws.run(&["build", "ws", "--out", "site", "--as-of", "2027-12-20"]));
    let pack = ws.page("internal/accounts/northwind/2027-Q1.md");
    let carried = section(&pack, "## Actions from the previous review").unwrap();
    assert!(carried.contains("Agreed at the 2026-Q4 review, checked at this one (2027-12-10)."));
    for row in [
        "| Send the revised surcharge policy | Dana Whitfield (Acme Components) | 2027-10-15 | 2027-10-10 | done |",
        "| Share the forecast template | Raj Patel (Northwind Supply) | 2027-10-15 | 2027-11-02 | done late |",
        "| Book the plant visit | – | 2028-02-01 | – | open |",
        "| Name a quality contact | Raj Patel (Northwind Supply) | 2027-11-01 | – | **late** |",
    ] {
        assert!(carried.contains(row), "`{row}` not in\n{carried}");
    }
    // The pack of the review that agreed them lists them as agreed there.
    let earlier = ws.page("internal/accounts/northwind/2026-Q4.md");
    assert!(section(&earlier, "## Actions agreed at this review").is_some());
    assert!(section(&earlier, "## Actions from the previous review").is_none());
    // The portfolio counts open actions and late ones.
    let portfolio = ws.page("internal/index.md");
    assert!(portfolio.contains("| Open actions (late) |"), "{portfolio}");
    assert!(portfolio.contains("| 2 (1 late) |"), "{portfolio}");
    let json: serde_json::Value =
        serde_json::from_str(&ws.page("internal/portfolio.json")).unwrap();
    assert_eq!(
        json["accounts"][0]["actions"],
        serde_json::json!({"open": 2, "late": 1})
    );
}

#[test]
fn action_overdue_is_medium_then_high_after_thirty_days() {
    let file = "reviews:
  - quarter: 2026-Q2
    actions:
      - { what: Send the revised surcharge policy, due: 2026-08-15 }
";
    let severity = |as_of: &str| codes(&built(file, as_of), "action-overdue");
    assert!(
        severity("2026-08-15").is_empty(),
        "due today is not overdue"
    );
    let subject = "Send the revised surcharge policy".to_string();
    assert_eq!(
        severity("2026-08-16"),
        [("medium".to_string(), subject.clone())]
    );
    assert_eq!(
        severity("2026-09-14"),
        [("medium".to_string(), subject.clone())]
    );
    assert_eq!(severity("2026-09-15"), [("high".to_string(), subject)]);
    let done = "reviews:
  - quarter: 2026-Q2
    actions:
      - { what: Send the revised surcharge policy, due: 2026-08-15, done: 2026-09-01 }
";
    assert!(codes(&built(done, "2026-11-26"), "action-overdue").is_empty());
}

#[test]
fn a_closed_date_decides_the_quarter_an_outcome_counts_in() {
    // Due in Q3 but kept in Q2: the closed date places it in the Q2 pack.
    let ws = built(
        "commitments:
  - { by: them, what: Give 60 days notice of price changes, made: 2026-01-20, due: 2026-09-30, status: kept, closed: 2026-05-15 }
  - { by: us, what: Pay undisputed lines within terms, made: 2026-01-20, due: 2026-05-31, status: broken }
reviews:
  - quarter: 2026-Q2
  - quarter: 2026-Q3
",
        "2026-11-26",
    );
    let q2 = ws.page("internal/accounts/northwind/2026-Q2.md");
    let q3 = ws.page("internal/accounts/northwind/2026-Q3.md");
    let kept = section(&q2, "### Commitments kept").unwrap();
    assert!(
        kept.contains("Give 60 days notice of price changes — kept 2026-05-15"),
        "{kept}"
    );
    assert!(section(&q3, "### Commitments kept").is_none(), "{q3}");
    // Without a closed date, the due date still decides.
    let broken = section(&q2, "### Commitments broken").unwrap();
    assert!(
        broken.contains("Pay undisputed lines within terms — due 2026-05-31"),
        "{broken}"
    );
    let shared = ws.page("shared/northwind/2026-Q2.md");
    assert!(
        shared.contains("Give 60 days notice of price changes"),
        "{shared}"
    );
}

#[test]
fn a_second_statement_version_shows_who_has_signed_it() {
    let file = "statement:
  title: A new course
  version: 2
  date: 2026-06-01
  signatories: [dana, raj]
  signed:
    - { person: raj, date: 2026-06-05 }
";
    let ws = built(file, "2026-07-01");
    for page in [
        "shared/northwind/statement.md",
        "shared/northwind/statement.html",
    ] {
        let text = ws.page(page);
        assert!(
            text.contains("version 2, agreed 1 June 2026"),
            "{page}:\n{text}"
        );
        assert!(text.contains("signed 5 June 2026"), "{page}");
        assert!(text.contains("awaiting signature"), "{page}");
    }
    let md = ws.page("shared/northwind/statement.md");
    assert!(
        md.contains("| Raj Patel |  | Northwind Supply | signed 5 June 2026 |"),
        "{md}"
    );
    assert!(
        md.contains("| Dana Whitfield |  | Acme Components | awaiting signature |"),
        "{md}"
    );
    // Thirty days after the version's date is still in time; thirty-one is not.
    assert!(codes(&ws, "statement-unsigned").is_empty());
    assert!(codes(&built(file, "2026-07-01"), "statement-unsigned").is_empty());
    let late = built(file, "2026-07-02");
    assert_eq!(
        codes(&late, "statement-unsigned"),
        [("medium".to_string(), "Dana Whitfield".to_string())]
    );
    // The alert is internal: the shared folder never mentions it.
    let shared = late.page("shared/northwind/statement.md");
    assert!(!shared.contains("statement-unsigned"));
    // A statement that does not track signatures (written before `signed` existed) is
    // shown and judged as before.
    let old = built(
        "statement:\n  date: 2026-01-01\n  signatories: [dana, raj]\n",
        "2026-11-26",
    );
    assert!(codes(&old, "statement-unsigned").is_empty());
    assert!(!old
        .page("shared/northwind/statement.md")
        .contains("awaiting"));
}

#[test]
fn only_shared_actions_reach_the_shared_progress_page() {
    let ws = built(
        "reviews:
  - quarter: 2026-Q2
    actions:
      - { what: m-internal-action-7c1f, visibility: internal, due: 2026-08-01 }
      - { what: Send the revised surcharge policy, owner: dana, due: 2026-08-15 }
  - quarter: 2026-Q3
",
        "2026-11-26",
    );
    let site = build_support::tree(&ws.site());
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        if path.starts_with("shared/") {
            assert!(
                !text.contains("m-internal-action-7c1f"),
                "{path} leaks an internal action"
            );
        }
    }
    let progress = ws.page("shared/northwind/2026-Q2.md");
    assert!(
        section(&progress, "## Actions agreed at this review")
            .unwrap()
            .contains("Send the revised surcharge policy"),
        "{progress}"
    );
    let next = ws.page("shared/northwind/2026-Q3.md");
    let carried = section(&next, "## Actions from the previous review").unwrap();
    assert!(
        carried.contains("Send the revised surcharge policy"),
        "{carried}"
    );
    assert!(!carried.contains("internal"), "{carried}");
    // Our own pack shows both, the internal one marked.
    let pack = ws.page("internal/accounts/northwind/2026-Q2.md");
    assert!(pack.contains("m-internal-action-7c1f (internal)"), "{pack}");
}

#[test]
fn check_reports_each_new_mistake_at_its_line_with_a_hint() {
    let ws = Workspace::with_account(
        "northwind",
        &format!(
            "{PEOPLE}commitments:
  - {{ by: us, what: A, made: 2026-01-20, status: open, closed: 2026-02-01 }}
  - {{ by: us, what: B, made: 2026-01-20, status: kept, closed: 2026-01-10 }}
reviews:
  - quarter: 2026-Q2
    scores:
      reliability: {{ executive: 4, operational: 7 }}
statement:
  version: 0
  signatories: [dana, raj]
  signed:
    - {{ person: mia, date: 2026-02-05 }}
"
        ),
    );
    let output = ws.run(&["check", "ws"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    for (text, at) in [
        (
            "`closed: 2026-02-01` on a commitment whose status is open",
            "northwind.yaml:10:",
        ),
        (
            "the commitment is closed (2026-01-10) before it was made (2026-01-20)",
            "northwind.yaml:11:",
        ),
        (
            "score for `reliability` by the operational level must be from 1 to 5, not 7",
            "northwind.yaml:15:",
        ),
        (
            "the statement's `version` counts from 1, not 0",
            "northwind.yaml:17:",
        ),
        (
            "`mia` signed the statement but is not among its signatories",
            "northwind.yaml:20:",
        ),
    ] {
        let found = message
            .split("\n\n")
            .find(|d| d.contains(text))
            .unwrap_or_else(|| panic!("`{text}` not in\n{message}"));
        assert!(found.contains(at), "`{text}` not at {at}:\n{found}");
        assert!(found.contains("= help:"), "no hint for `{text}`");
    }
    // A level that is not a level, on its own (the YAML reader stops at it).
    let ws = Workspace::with_account(
        "northwind",
        &format!("{PEOPLE}reviews:\n  - quarter: 2026-Q2\n    scores:\n      reliability: {{ executive: 4, vp: 2 }}\n"),
    );
    let message = stderr(&ws.run(&["check", "ws"]));
    assert!(message.contains("unknown value `vp`"), "{message}");
    assert!(message.contains("northwind.yaml:12:"), "{message}");
    assert!(
        message.contains("executive, senior, manager, operational"),
        "{message}"
    );
}

/// `html` without the lines and tags this round added for printing and the
/// Content-Security-Policy.
fn without_print_lines(html: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(html).unwrap();
    let kept: String = text
        .split_inclusive('\n')
        .filter(|line| {
            let policy = line.starts_with("<meta http-equiv=\"Content-Security-Policy\"");
            let page_css =
                line.starts_with("<link rel=\"stylesheet\"") && line.contains("page.css");
            !policy && !page_css
        })
        .collect();
    kept.into_bytes()
}

/// `text` with every English long date ("1 April 2026") as an ISO date ("2026-04-01").
fn iso_dates(text: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = text.to_string();
    for (m, month) in MONTHS.iter().enumerate() {
        let needle = format!(" {month} ");
        let mut from = 0;
        while let Some(found) = out[from..].find(&needle) {
            let at = from + found;
            let before = &out[..at];
            let day_len = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = &out[at + needle.len()..];
            let year_len = after.chars().take_while(|c| c.is_ascii_digit()).count();
            if (1..=2).contains(&day_len) && year_len == 4 {
                let day: u32 = before[at - day_len..].parse().unwrap();
                let year = &after[..4];
                let iso = format!("{year}-{:02}-{day:02}", m + 1);
                out.replace_range(at - day_len..at + needle.len() + 4, &iso);
                from = at - day_len + iso.len();
            } else {
                from = at + needle.len();
            }
        }
    }
    out
}

/// The sample workspace as it was before these fields existed (a copy in
/// `tests/fixtures/sample-round-1/`) builds byte for byte as that version of rapport built it:
/// `sample-round-1.sha256` holds the SHA-256 of every file it wrote (with `--no-history`, as
/// of 2026-11-26). Compared: `portfolio.json` and every shared file, which is what the new
/// fields could change. The only differences are this round's, taken out here:
/// `portfolio.json`'s `actions` counts and `totals`, the statement fingerprint, and the
/// printed page (`page.css` and its link, the Content-Security-Policy line, `style.css`).
/// The internal pages were redesigned in 0.2.0 (the portfolio's totals and owners, alerts
/// in words): their snapshots (tests/snapshots) hold what they say now. The calendars
/// and their links are new too (docs/calendars.md).
#[test]
fn files_without_the_new_fields_build_exactly_as_before() {
    use sha2::{Digest, Sha256};
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let workspace = fixtures.join("sample-round-1");
    let output = build_support::run_in(
        out.path(),
        &[
            "build",
            workspace.to_str().unwrap(),
            "--out",
            site.to_str().unwrap(),
            "--as-of",
            "2026-11-26",
            "--no-history",
        ],
        &[],
    );
    assert_ok(&output);
    let expected: String = std::fs::read_to_string(fixtures.join("sample-round-1.sha256"))
        .unwrap()
        .lines()
        .filter(|line| !line.ends_with("/style.css"))
        .filter(|line| !line.contains("  internal/") || line.ends_with("  internal/portfolio.json"))
        .map(|line| format!("{line}\n"))
        .collect();
    let mut got = String::new();
    for (path, bytes) in build_support::tree(&site) {
        let internal_page = path.starts_with("internal/") && path != "internal/portfolio.json";
        if path == ".rapport-site"
            || internal_page
            || path.ends_with(".ics")
            || path.ends_with("/page.css")
            || path.ends_with("/style.css")
        {
            continue;
        }
        // Dates in headings and sentences of shared pages are written out since issue 20
        // ("1 April 2026"); read back as ISO dates, the pages are as they were.
        let bytes = if path.starts_with("shared/") && !path.ends_with(".ics") {
            iso_dates(&String::from_utf8(bytes).unwrap()).into_bytes()
        } else {
            bytes
        };
        let bytes = if path.ends_with("/index.html") || path.ends_with("/index.md") {
            let text = String::from_utf8(bytes).unwrap();
            let mut kept = text.replace(
                " Dates to come, for a calendar program: <a href=\"calendar.ics\">calendar.ics</a>.",
                "",
            );
            kept = kept.replace(
                " Dates to come, for a calendar program: `calendar.ics`.",
                "",
            );
            kept = kept.replace(
                "<li><a href=\"calendar.ics\">Calendar of dates to come</a> (.ics)</li>\n",
                "",
            );
            kept = kept.replace("- [Calendar of dates to come](calendar.ics) (.ics)\n", "");
            without_print_lines(kept.as_bytes())
        } else if path == "internal/portfolio.json" {
            let mut json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            for account in json["accounts"].as_array_mut().unwrap() {
                assert_eq!(
                    account["actions"],
                    serde_json::json!({"open": 0, "late": 0})
                );
                account.as_object_mut().unwrap().remove("actions");
            }
            json.as_object_mut().unwrap().remove("totals");
            let mut text = serde_json::to_string_pretty(&json).unwrap();
            text.push('\n');
            text.into_bytes()
        } else if path == "internal/index.html" {
            let text = String::from_utf8(without_print_lines(&bytes)).unwrap();
            // The last-contact dates are marked up as `<time>` (they must not break on paper).
            let mut unmarked = String::new();
            for line in text.split_inclusive('\n') {
                match line.strip_prefix("<td><time>") {
                    Some(rest) => {
                        unmarked.push_str(&format!("<td>{}", rest.replacen("</time>", "", 1)))
                    }
                    None => unmarked.push_str(line),
                }
            }
            unmarked.into_bytes()
        } else if path.ends_with(".html") && !path.ends_with("/statement.html") {
            without_print_lines(&bytes)
        } else if path.ends_with("/statement.html") || path.ends_with("/statement.md") {
            // The fingerprint line is new on every statement (round 2); the rest is not.
            let text = String::from_utf8(bytes).unwrap();
            let kept: Vec<&str> = text
                .split_inclusive('\n')
                .filter(|line| {
                    !line.starts_with("<p class=\"fingerprint\">")
                        && !line.starts_with("Fingerprint `")
                })
                .collect();
            assert_eq!(kept.len() + 1, text.split_inclusive('\n').count(), "{path}");
            let mut kept =
                String::from_utf8(without_print_lines(kept.concat().as_bytes())).unwrap();
            if path.ends_with(".md") {
                // The Markdown line came with a blank line after it.
                kept = kept.replacen("\n\n\n[Shared folder]", "\n\n[Shared folder]", 1);
            }
            kept.into_bytes()
        } else {
            bytes
        };
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        got.push_str(&format!("{digest}  {path}\n"));
    }
    let differing: Vec<&str> = got
        .lines()
        .filter(|line| !expected.lines().any(|e| e == *line))
        .chain(
            expected
                .lines()
                .filter(|e| !got.lines().any(|line| line == *e)),
        )
        .collect();
    assert!(
        differing.is_empty(),
        "files that differ:\n{}",
        differing.join("\n")
    );
}

#[test]
fn a_signature_of_an_earlier_version_does_not_count_for_the_new_one() {
    let file = "statement:
  version: 2
  date: 2026-06-01
  signatories: [dana, raj]
  signed:
    - { person: raj, date: 2026-02-05 }
    - { person: dana, date: 2026-06-03 }
    - { person: dana, date: 2026-06-04 }
";
    let ws = built(file, "2026-08-01");
    assert_eq!(
        codes(&ws, "statement-unsigned"),
        [("medium".to_string(), "Raj Patel".to_string())]
    );
    let md = ws.page("shared/northwind/statement.md");
    assert!(
        md.contains("| Raj Patel |  | Northwind Supply | awaiting signature |"),
        "{md}"
    );
    let message = stderr(&ws.run(&["check", "ws"]));
    assert!(
        message.contains("`raj` signed on 2026-02-05, before this version was agreed (2026-06-01)"),
        "{message}"
    );
    assert!(
        message.contains("`dana` is listed in `signed` twice"),
        "{message}"
    );
}
