//! "What changed in our notes since the previous review", end to end: a throw-away git
//! repository with a scripted history (commits with set dates and authors), built with
//! `rapport build`, and compared with `rapport diff`. Each kind of change must appear in
//! the right review pack with its commit and author; the shared progress page shows only
//! changes to shared items. Tests skip, saying so, where `git` is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{
    assert_ok, assert_same_tree, run_in, sample_data, section, stderr, tree, Workspace, AS_OF,
};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const HEADING: &str = "## What changed in our notes since the previous review";
const SHARED_HEADING: &str = "## Changes to the joint plan since the previous review";

/// The account at the first commit. Reviews: Q1 (2026-04-10), Q2 (2026-07-10), Q3
/// (2026-10-10) and Q4 (2026-11-20, the current quarter at 2026-11-26).
const ACCOUNT: &str = "\
name: Beta Metals
kind: supplier
owner: dana
stage: vendor
people:
  - { id: dana, name: Dana Whitfield, side: us, level: manager, covers: [raj] }
  - id: marcus
    name: Marcus Oyelaran
    side: us
    level: senior
    sponsor: true
    covers: [raj]
  - { id: raj, name: Raj Mehta, side: them, level: senior }
goals:
  - id: forecasts
    title: Share demand forecasts
    owners: [dana, raj]
    milestones:
      - { title: First joint forecast, due: 2026-03-31 }
      - { title: Forecast loaded into their planning system, due: 2026-06-30 }
commitments:
  - { by: both, what: Raise any pricing discrepancy within 10 working days, made: 2026-01-20 }
  - { by: us, what: Pay undisputed invoice lines within terms, made: 2026-01-20 }
  - by: us
    what: Qualify Castellan Foundry quietly as a second source for housings
    made: 2026-01-20
    visibility: internal
governance:
  - { name: Quarterly business review, cadence: quarterly, members: [dana, raj] }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
  - { id: pricing, name: Pricing accuracy, weight: 4 }
reviews:
  - { quarter: 2026-Q1, date: 2026-04-10, scores: { reliability: 3 } }
  - { quarter: 2026-Q2, date: 2026-07-10, scores: { reliability: 3 } }
  - { quarter: 2026-Q3, date: 2026-10-10, scores: { reliability: 4 } }
  - { quarter: 2026-Q4, date: 2026-11-20, scores: { reliability: 4 } }
";

const FILE: &str = "accounts/beta-metals.yaml";

fn git_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: git is not installed, so history cannot be tested here");
    }
    found
}

/// A workspace in a git repository of its own, and the commits made so far by name.
struct Repo {
    ws: Workspace,
    commits: BTreeMap<&'static str, String>,
}

impl Repo {
    fn new() -> Repo {
        let ws = Workspace::with_account("beta-metals", ACCOUNT);
        let repo = Repo {
            ws,
            commits: BTreeMap::new(),
        };
        repo.git(&["init", "-q"], "2026-01-01", "Nobody");
        repo
    }

    /// git in `ws/`, isolated from the user's configuration, with set author and dates.
    fn git(&self, args: &[&str], date: &str, author: &str) -> String {
        let email = format!("{}@acme.example", author.to_lowercase().replace(' ', "."));
        let stamp = format!("{date}T10:00:00+00:00");
        let output = Command::new("git")
            .arg("-C")
            .arg(self.ws.root())
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(["-c", "init.defaultBranch=main"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", &email)
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", &email)
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("run git");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// Replaces `from` by `to` in the account file, once.
    fn edit(&self, from: &str, to: &str) {
        let path = self.ws.root().join(FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "the edit does not apply: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn commit(&mut self, name: &'static str, date: &str, author: &str) {
        self.git(&["add", "-A"], date, author);
        self.git(&["commit", "-q", "--no-verify", "-m", name], date, author);
        let id = self.git(&["rev-parse", "HEAD"], date, author);
        self.commits.insert(name, id);
    }

    /// The abbreviated id pages show.
    fn short(&self, name: &str) -> &str {
        &self.commits[name][..7]
    }

    fn build(&self, extra: &[&str]) {
        let mut args = vec!["build", "ws", "--out", "site", "--as-of", AS_OF];
        args.extend_from_slice(extra);
        assert_ok(&self.ws.run(&args));
    }

    fn pack(&self, quarter: &str) -> String {
        self.ws
            .page(&format!("internal/accounts/beta-metals/{quarter}.md"))
    }

    fn progress(&self, quarter: &str) -> String {
        self.ws.page(&format!("shared/beta-metals/{quarter}.md"))
    }

    fn diff(&self, args: &[&str]) -> std::process::Output {
        let mut all = vec!["diff", "beta-metals", "--workspace", "ws"];
        all.extend_from_slice(args);
        self.ws.run(&all)
    }
}

/// The scripted history: between the Q1 and Q2 reviews a person is added, a sponsor flag
/// removed, the stage moved and a commitment reworded; between Q2 and Q3 commitments
/// change status, a milestone slips by 30 days and another is done, a dispute is opened;
/// after Q3 its amount changes, a broken file is committed and fixed, the dispute is
/// resolved, a criterion reweighted, and a committee is added without committing.
fn scripted() -> Repo {
    let mut r = Repo::new();
    r.commit("initial", "2026-02-01", "Alex Morgan");

    r.edit(
        "  - { id: raj,",
        "  - { id: helga, name: Helga Brandt, side: them, role: Sales Director, level: executive }\n  - { id: raj,",
    );
    r.commit("add-helga", "2026-04-20", "Dana Whitfield");
    r.edit("    sponsor: true\n", "");
    r.commit("no-sponsor", "2026-05-05", "Li-Wen Chao");
    r.edit("stage: vendor", "stage: preferred");
    r.commit("stage", "2026-05-20", "Marcus Oyelaran");
    r.edit("within 10 working days", "within 5 working days");
    r.commit("reword", "2026-06-02", "Li-Wen Chao");

    r.edit(
        "what: Pay undisputed invoice lines within terms, made: 2026-01-20 }",
        "what: Pay undisputed invoice lines within terms, made: 2026-01-20, status: kept }",
    );
    r.commit("kept", "2026-07-15", "Dana Whitfield");
    r.edit(
        "    made: 2026-01-20\n    visibility: internal",
        "    made: 2026-01-20\n    status: broken\n    visibility: internal",
    );
    r.commit("internal-broken", "2026-07-20", "Marcus Oyelaran");
    r.edit("system, due: 2026-06-30 }", "system, due: 2026-07-30 }");
    r.commit("slip", "2026-08-01", "Sam Ortiz");
    r.edit("due: 2026-03-31 }", "due: 2026-03-31, done: 2026-04-05 }");
    r.commit("done", "2026-08-20", "Dana Whitfield");
    r.edit(
        "goals:",
        "disputes:\n  - { id: freight, title: Unannounced freight surcharge, opened: 2026-08-30, amount: 28400, currency: USD, visibility: shared }\ngoals:",
    );
    r.commit("dispute", "2026-09-01", "Li-Wen Chao");

    r.edit("amount: 28400", "amount: 31200");
    r.commit("amount", "2026-10-20", "Sam Ortiz");
    r.edit("stage: preferred", "stage: [preferred");
    r.commit("broken-file", "2026-10-25", "Pat Hastings");
    r.edit("stage: [preferred", "stage: preferred");
    r.commit("fixed-file", "2026-10-26", "Pat Hastings");
    r.edit("currency: USD,", "currency: USD, resolved: 2026-11-02,");
    r.commit("resolved", "2026-11-05", "Li-Wen Chao");
    r.edit("weight: 4 }", "weight: 5 }");
    r.commit("weight", "2026-11-10", "Marcus Oyelaran");
    r.edit(
        "criteria:",
        "  - { name: Joint dispute team, cadence: ad-hoc, members: [dana, raj] }\ncriteria:",
    );
    r
}

/// The line of `text` that contains every one of `parts`.
fn line_with<'a>(text: &'a str, parts: &[&str]) -> &'a str {
    text.lines()
        .find(|line| parts.iter().all(|p| line.contains(p)))
        .unwrap_or_else(|| panic!("no line with {parts:?} in:\n{text}"))
}

/// Asserts a change line in the notes section, with the commit and author that made it.
fn assert_change(notes: &str, parts: &[&str], commit: &str, author: &str) {
    let line = line_with(notes, parts);
    assert!(
        line.contains(&format!("`{commit}` {author}, ")),
        "expected commit {commit} by {author} on:\n{line}"
    );
}

fn notes_of(page: &str) -> &str {
    section(page, HEADING).unwrap_or_else(|| panic!("no notes section in:\n{page}"))
}

#[test]
fn each_change_appears_in_the_right_review_pack_with_commit_and_author() {
    if !git_available() {
        return;
    }
    let r = scripted();
    r.build(&[]);

    // The first review has no previous review to compare with.
    assert!(!r.pack("2026-Q1").contains(HEADING));

    let q2 = r.pack("2026-Q2");
    let notes = notes_of(&q2);
    line_with(
        notes,
        &[&format!(
            "The account file at {} (2026-02-01, Alex Morgan) compared with {} (2026-06-02, Li-Wen Chao): 4 commits by Dana Whitfield, Li-Wen Chao, Marcus Oyelaran.",
            r.short("initial"),
            r.short("reword")
        )],
    );
    assert_change(
        notes,
        &["person added: **Helga Brandt (helga)**", "executive"],
        r.short("add-helga"),
        "Dana Whitfield",
    );
    assert_change(
        notes,
        &["sponsor changed: **Marcus Oyelaran (marcus)**: yes → no"],
        r.short("no-sponsor"),
        "Li-Wen Chao",
    );
    assert_change(
        notes,
        &["stage moved:", "vendor → preferred (up 1 step)"],
        r.short("stage"),
        "Marcus Oyelaran",
    );
    assert_change(
        notes,
        &[
            "commitment reworded: **by both, made 2026-01-20**",
            "Raise any pricing discrepancy within 10 working days → Raise any pricing discrepancy within 5 working days",
        ],
        r.short("reword"),
        "Li-Wen Chao",
    );
    assert!(
        !notes.contains("commitment removed") && !notes.contains("commitment added"),
        "a reworded commitment is not removed and added:\n{notes}"
    );
    // Later changes belong to later packs.
    assert!(!notes.contains("milestone slipped"), "{notes}");

    let q3 = r.pack("2026-Q3");
    let notes = notes_of(&q3);
    assert_change(
        notes,
        &["commitment status changed: **Pay undisputed invoice lines within terms**: open → kept"],
        r.short("kept"),
        "Dana Whitfield",
    );
    assert_change(
        notes,
        &[
            "commitment status changed: **Qualify Castellan Foundry",
            "open → broken",
        ],
        r.short("internal-broken"),
        "Marcus Oyelaran",
    );
    assert_change(
        notes,
        &[
            "milestone slipped: **Share demand forecasts › Forecast loaded into their planning system**",
            "2026-06-30 → 2026-07-30 (30 days later)",
        ],
        r.short("slip"),
        "Sam Ortiz",
    );
    assert_change(
        notes,
        &["milestone done: **Share demand forecasts › First joint forecast**: 2026-04-05 (5 days after the due date)"],
        r.short("done"),
        "Dana Whitfield",
    );
    assert_change(
        notes,
        &["dispute opened: **Unannounced freight surcharge**: opened 2026-08-30, USD 28,400"],
        r.short("dispute"),
        "Li-Wen Chao",
    );
    assert!(!notes.contains("stage moved"), "{notes}");

    // The current quarter compares with the working tree.
    let q4 = r.pack("2026-Q4");
    let notes = notes_of(&q4);
    assert!(notes.contains("compared with the working tree"), "{notes}");
    assert_change(
        notes,
        &["dispute amount changed: **Unannounced freight surcharge**: USD 28,400 → USD 31,200"],
        r.short("amount"),
        "Sam Ortiz",
    );
    assert_change(
        notes,
        &["dispute resolved: **Unannounced freight surcharge**: 2026-11-02"],
        r.short("resolved"),
        "Li-Wen Chao",
    );
    assert_change(
        notes,
        &["criterion weight changed: **Pricing accuracy**: 4 → 5"],
        r.short("weight"),
        "Marcus Oyelaran",
    );
    line_with(
        notes,
        &["committee added: **Joint dispute team**: ad-hoc — not committed yet"],
    );
    // The broken version is reported, and did not stop anything.
    line_with(
        notes,
        &[
            "**warning:**",
            FILE,
            &format!("could not be read at commit {}", r.short("broken-file")),
            "Pat Hastings",
        ],
    );
    assert!(
        !notes.contains("stage moved"),
        "a broken version is skipped, not a change:\n{notes}"
    );

    // The HTML page has the same section.
    let html = r.ws.page("internal/accounts/beta-metals/2026-Q3.html");
    assert!(html.contains("What changed in our notes since the previous review"));
    assert!(html.contains(&format!("<code>{}</code> Sam Ortiz", r.short("slip"))));
}

#[test]
fn shared_progress_shows_only_changes_to_shared_items() {
    if !git_available() {
        return;
    }
    let r = scripted();
    // The build's leak guard runs on every shared page: success means it passed.
    r.build(&[]);
    let q2 = r.progress("2026-Q2");
    let shared = section(&q2, SHARED_HEADING).unwrap_or_else(|| panic!("{q2}"));
    line_with(
        shared,
        &[
            "commitment reworded",
            "within 10 working days → Raise any pricing discrepancy within 5 working days",
        ],
    );
    let q3 = r.progress("2026-Q3");
    let shared = section(&q3, SHARED_HEADING).unwrap_or_else(|| panic!("{q3}"));
    line_with(shared, &["milestone slipped", "(30 days later)"]);
    line_with(shared, &["milestone done", "First joint forecast"]);
    line_with(
        shared,
        &[
            "commitment status changed",
            "Pay undisputed invoice lines",
            "open → kept",
        ],
    );
    line_with(shared, &["dispute opened", "Unannounced freight surcharge"]);
    let q4 = r.progress("2026-Q4");
    let shared = section(&q4, SHARED_HEADING).unwrap_or_else(|| panic!("{q4}"));
    line_with(shared, &["committee added", "Joint dispute team"]);

    for quarter in ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] {
        for ext in ["md", "html"] {
            let page = r.ws.page(&format!("shared/beta-metals/{quarter}.{ext}"));
            for internal in [
                "stage moved",
                "Helga",
                "sponsor",
                "level changed",
                "Castellan",
                "criterion",
                "Sam Ortiz",
                "Li-Wen",
                "working tree",
                "could not be read",
            ] {
                assert!(
                    !page.contains(internal),
                    "shared {quarter}.{ext} shows `{internal}`:\n{page}"
                );
            }
        }
    }
}

#[test]
fn no_history_removes_the_section() {
    if !git_available() {
        return;
    }
    let r = scripted();
    r.build(&["--no-history"]);
    for quarter in ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] {
        assert!(!r.pack(quarter).contains("What changed in our notes"));
        assert!(!r.progress(quarter).contains("Changes to the joint plan"));
        let html =
            r.ws.page(&format!("internal/accounts/beta-metals/{quarter}.html"));
        assert!(!html.contains("What changed in our notes"));
    }
}

#[test]
fn a_workspace_outside_git_builds_without_the_section() {
    let ws = Workspace::with_account("beta-metals", ACCOUNT);
    // Git must not find a repository above the temporary folder either.
    let ceiling = ws.dir().to_str().unwrap().to_string();
    let output = run_in(
        ws.dir(),
        &["build", "ws", "--out", "site", "--as-of", AS_OF],
        &[("GIT_CEILING_DIRECTORIES", ceiling.as_str())],
    );
    assert_ok(&output);
    for quarter in ["2026-Q2", "2026-Q3", "2026-Q4"] {
        let pack = ws.page(&format!("internal/accounts/beta-metals/{quarter}.md"));
        assert!(!pack.contains("What changed in our notes"), "{pack}");
    }
}

#[test]
fn reviews_older_than_every_commit_have_no_section() {
    if !git_available() {
        return;
    }
    // Notes first committed after all reviews, like sample-data inside this project.
    let mut r = Repo::new();
    r.commit("late", "2026-11-24", "Alex Morgan");
    r.build(&[]);
    for quarter in ["2026-Q2", "2026-Q3", "2026-Q4"] {
        assert!(!r.pack(quarter).contains(HEADING));
    }
}

#[test]
fn the_sample_build_is_the_same_with_and_without_history() {
    if !git_available() {
        return;
    }
    // sample-data lives in this project's repository, whose commits are younger than the
    // sample's reviews: history must change nothing, and the build stays deterministic.
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = sample_data();
    let site = |name: &str, extra: &[&str]| {
        let dir = out.path().join(name);
        let mut args = vec![
            "build",
            sample.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
            "--as-of",
            AS_OF,
        ];
        args.extend_from_slice(extra);
        assert_ok(&run_in(root, &args, &[]));
        tree(&dir)
    };
    let with = site("with", &[]);
    let without = site("without", &["--no-history"]);
    assert_same_tree(&without, &with, "sample site with history vs --no-history");
}

#[test]
fn diff_prints_one_line_per_change_grouped_by_section() {
    if !git_available() {
        return;
    }
    let r = scripted();
    let output = r.diff(&[
        "--from",
        &r.commits["initial"],
        "--to",
        &r.commits["reword"],
    ]);
    assert_ok(&output);
    let text = String::from_utf8_lossy(&output.stdout);
    let expected = format!(
        "accounts/beta-metals.yaml: 4 changes from {initial} (2026-02-01, Alex Morgan) to {reword} (2026-06-02, Li-Wen Chao)\n\
         \n\
         Relationship\n  \
         stage moved: Beta Metals: vendor → preferred (up 1 step) · {stage} Marcus Oyelaran 2026-05-20\n\
         \n\
         People\n  \
         sponsor changed: Marcus Oyelaran (marcus): yes → no · {sponsor} Li-Wen Chao 2026-05-05\n  \
         person added: Helga Brandt (helga): them, Sales Director, executive · {helga} Dana Whitfield 2026-04-20\n\
         \n\
         Commitments\n  \
         commitment reworded: by both, made 2026-01-20: Raise any pricing discrepancy within 10 working days → Raise any pricing discrepancy within 5 working days · {reword} Li-Wen Chao 2026-06-02\n",
        initial = r.short("initial"),
        reword = r.short("reword"),
        stage = r.short("stage"),
        sponsor = r.short("no-sponsor"),
        helga = r.short("add-helga"),
    );
    assert_eq!(text, expected);
}

#[test]
fn diff_json_lists_changes_with_commits_and_reports_broken_versions() {
    if !git_available() {
        return;
    }
    let r = scripted();
    let output = r.diff(&["--from", &r.commits["dispute"], "--format", "json"]);
    assert_ok(&output);
    let warning = stderr(&output);
    assert!(
        warning.contains(&format!(
            "warning: {FILE} could not be read at commit {}",
            r.short("broken-file")
        )),
        "{warning}"
    );
    let changes: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let list = changes.as_array().expect("a JSON list");
    let kinds: Vec<&str> = list.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "dispute-resolved",
            "dispute-amount",
            "committee-added",
            "criterion-weight"
        ]
    );
    let amount = &list[1];
    assert_eq!(amount["subject"], "Unannounced freight surcharge");
    assert_eq!(amount["from"], "USD 28,400");
    assert_eq!(amount["to"], "USD 31,200");
    assert_eq!(
        amount["commits"],
        serde_json::json!([{
            "id": r.commits["amount"],
            "author": "Sam Ortiz",
            "date": "2026-10-20"
        }])
    );
    let committee = &list[2];
    assert_eq!(committee["commits"], serde_json::json!([]));
    assert_eq!(committee["uncommitted"], true);
}

#[test]
fn diff_refuses_a_bad_revision_or_an_unknown_account() {
    if !git_available() {
        return;
    }
    let r = scripted();
    let output = r.diff(&["--from", "no-such-branch"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).starts_with(
        "error: `no-such-branch` is not a revision of this repository\n  = help: give a commit, tag or branch"
    ));

    let output = r.ws.run(&[
        "diff",
        "beta-metal",
        "--from",
        "HEAD~3",
        "--workspace",
        "ws",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).starts_with(
        "error: no account `beta-metal`: accounts/beta-metal.yaml exists neither at HEAD~3 nor at the working tree\n"
    ));

    let outside = Workspace::with_account("beta-metals", ACCOUNT);
    let ceiling = outside.dir().to_str().unwrap().to_string();
    let output = run_in(
        outside.dir(),
        &["diff", "beta-metals", "--from", "HEAD", "--workspace", "ws"],
        &[("GIT_CEILING_DIRECTORIES", ceiling.as_str())],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("is not inside a git repository"));
}

#[test]
fn the_demo_script_shows_the_feature() {
    if !git_available() {
        return;
    }
    if Command::new("perl").arg("-v").output().is_err() {
        eprintln!("SKIPPED: perl is not installed; scripts/history-demo.sh needs it");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/history-demo.sh");
    let output = Command::new("bash")
        .arg(&script)
        .arg(&dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert_ok(&output);
    let site = tmp.path().join("site");
    assert_ok(&run_in(
        tmp.path(),
        &["build", "demo", "--out", "site", "--as-of", AS_OF],
        &[],
    ));
    let read = |p: &str| std::fs::read_to_string(site.join(p)).unwrap();
    let q3 = read("internal/accounts/northwind-supply/2026-Q3.md");
    let notes = notes_of(&q3);
    line_with(
        notes,
        &["milestone slipped", "(30 days later)", "Dana Whitfield"],
    );
    line_with(
        notes,
        &[
            "commitment reworded",
            "within 5 working days",
            "Li-Wen Chao",
        ],
    );
    line_with(
        notes,
        &["stage moved", "preferred → strategic", "Marcus Oyelaran"],
    );
    let q4 = read("internal/accounts/northwind-supply/2026-Q4.md");
    line_with(notes_of(&q4), &["milestone done", "not committed yet"]);
    let shared = read("shared/northwind-supply/2026-Q3.md");
    assert!(shared.contains(SHARED_HEADING));
    assert!(!shared.contains("stage moved") && !shared.contains("Helga"));
}

/// A statement amended in git: the shared statement lists its earlier versions, their
/// dates and what the next version changed, and never who committed the change.
#[test]
fn a_statement_lists_its_earlier_versions_from_git() {
    if !git_available() {
        return;
    }
    let mut r = Repo::new();
    let path = r.ws.root().join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "{text}statement:\n  title: Working together\n  version: 1\n  date: 2026-02-01\n  signed: []\n"
        ),
    )
    .unwrap();
    r.commit("statement v1", "2026-02-02", "Casey Quinn");
    r.edit(
        "  title: Working together\n  version: 1\n  date: 2026-02-01\n",
        "  title: Working together, again\n  version: 2\n  date: 2026-06-01\n",
    );
    r.commit("statement v2", "2026-06-02", "Casey Quinn");
    r.build(&[]);
    let page = r.ws.page("shared/beta-metals/statement.md");
    let earlier = page
        .split("## Earlier versions")
        .nth(1)
        .unwrap_or_else(|| panic!("no earlier versions in\n{page}"));
    assert!(
        earlier.contains("### Version 1, agreed 1 February 2026"),
        "{earlier}"
    );
    assert!(earlier.contains("Changed in version 2:"), "{earlier}");
    assert!(
        earlier.contains("- statement retitled: Working together → Working together, again"),
        "{earlier}"
    );
    assert!(
        earlier.contains("- statement date changed: 2026-02-01 → 2026-06-01 (120 days later)"),
        "{earlier}"
    );
    assert!(
        !page.contains("Casey"),
        "a commit author reached the shared statement"
    );
    assert!(page.contains("version 2, agreed 1 June 2026"), "{page}");
    // Without history the section goes.
    r.build(&["--no-history"]);
    assert!(!r
        .ws
        .page("shared/beta-metals/statement.md")
        .contains("Earlier versions"));
}

/// A commitment kept without a `closed` date is placed by the commit that recorded its
/// status, and the pack says so; without history, by today's rule (its due date, else the
/// day it was made).
#[test]
fn an_outcome_without_a_closed_date_is_dated_by_its_commit() {
    if !git_available() {
        return;
    }
    let r = scripted();
    r.build(&[]);
    let kept = |quarter: &str| {
        let pack = r.pack(quarter);
        build_support::section(&pack, "### Commitments kept")
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        kept("2026-Q3").contains(
            "Pay undisputed invoice lines within terms — kept 2026-07-15, the date of the commit that recorded it"
        ),
        "{}",
        r.pack("2026-Q3")
    );
    assert!(
        !kept("2026-Q1").contains("Pay undisputed"),
        "{}",
        kept("2026-Q1")
    );
    r.build(&["--no-history"]);
    assert!(kept("2026-Q1").contains("Pay undisputed invoice lines within terms"));
    assert!(!kept("2026-Q3").contains("Pay undisputed"));
}

/// In a German workspace the history speaks German: the review packs' notes and the shared
/// pages' changes name each change, and the words around the file's values, in German, with
/// German amounts; the file's own wording stays as written.
#[test]
fn the_history_reads_in_the_pages_language() {
    if !git_available() {
        return;
    }
    let r = scripted();
    r.ws.write(
        "rapport.yaml",
        "organisation: Acme Components\nlanguage: de\n",
    );
    r.build(&[]);
    let q3 = r.progress("2026-Q3");
    let shared = section(
        &q3,
        "## Änderungen am gemeinsamen Plan seit der letzten Besprechung",
    )
    .unwrap_or_else(|| panic!("{q3}"));
    line_with(shared, &["Meilenstein verschoben", "(30 Tage später)"]);
    line_with(
        shared,
        &[
            "Status der Zusage geändert",
            "Pay undisputed invoice lines",
            "offen → eingehalten",
        ],
    );
    line_with(
        shared,
        &[
            "Streitfall eröffnet",
            "Unannounced freight surcharge",
            "eröffnet am 2026-08-30, 28.400\u{A0}USD",
        ],
    );
    let q2 = r.pack("2026-Q2");
    let notes = section(
        &q2,
        "## Was sich seit der letzten Besprechung in unseren Notizen geändert hat",
    )
    .unwrap_or_else(|| panic!("{q2}"));
    assert!(notes.contains("### Beziehung"), "{notes}");
    line_with(
        notes,
        &["Stufe geändert", "Anbieter → bevorzugt", "(1 Stufe höher)"],
    );
    line_with(
        notes,
        &[
            "Person hinzugefügt",
            "Helga Brandt (helga)",
            "ihre Seite, Sales Director, Geschäftsleitung",
        ],
    );
    line_with(notes, &["Sponsorrolle geändert", "ja → nein"]);
    let q4 = r.pack("2026-Q4");
    let notes = section(
        &q4,
        "## Was sich seit der letzten Besprechung in unseren Notizen geändert hat",
    )
    .unwrap_or_else(|| panic!("{q4}"));
    line_with(
        notes,
        &["Streitwert geändert", "28.400\u{A0}USD → 31.200\u{A0}USD"],
    );
    line_with(
        notes,
        &["Gremium hinzugefügt", "nach Bedarf", "noch nicht committet"],
    );
    assert!(q4.contains("verglichen mit dem Arbeitsverzeichnis"), "{q4}");
}
