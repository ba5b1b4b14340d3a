//! `rapport build` end to end: snapshots of the sample site's Markdown pages, byte-for-byte
//! determinism, the exact set of files a build writes, and the one-line summary.
//!
//! Snapshots live in `tests/snapshots/`; after an intended change to the pages, review the
//! new output with `cargo insta review` (or `INSTA_UPDATE=always cargo test --test build`
//! and read the diff) before committing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_paths, assert_same_tree, build_sample, stderr, tree, Workspace};
use std::path::Path;

/// Builds the sample as of 2026-11-26 without git history, so the pages depend only on the
/// files of sample-data and not on the commits that touched them.
fn sample_site() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    build_sample(&out.path().join("site"), &["--no-history"], &[]);
    out
}

fn read(site: &Path, page: &str) -> String {
    let path = site.join("site").join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The latest review pack of an account: quarter names (`YYYY-Qn`) sort chronologically.
fn latest_review(site: &Path, id: &str) -> String {
    let folder = format!("internal/accounts/{id}");
    let latest = tree(&site.join("site").join(&folder))
        .into_keys()
        .filter(|name| name.ends_with(".md") && name != "index.md")
        .max()
        .unwrap_or_else(|| panic!("{id} has no review pack"));
    read(site, &format!("{folder}/{latest}"))
}

/// Snapshots the account page, the latest review pack and the joint statement of `id`.
fn snapshot_account(id: &str) {
    let site = sample_site();
    let site = site.path();
    insta::assert_snapshot!(
        format!("{id}__account"),
        read(site, &format!("internal/accounts/{id}/index.md"))
    );
    insta::assert_snapshot!(format!("{id}__latest_review"), latest_review(site, id));
    insta::assert_snapshot!(
        format!("{id}__statement"),
        read(site, &format!("shared/{id}/statement.md"))
    );
}

#[test]
fn snapshot_portfolio() {
    let site = sample_site();
    insta::assert_snapshot!("portfolio", read(site.path(), "internal/index.md"));
}

#[test]
fn snapshot_shared_progress_page() {
    let site = sample_site();
    insta::assert_snapshot!(
        "northwind-supply__progress_2026-Q2",
        read(site.path(), "shared/northwind-supply/2026-Q2.md")
    );
}

#[test]
fn snapshot_harbour_marine() {
    snapshot_account("harbour-marine");
}

#[test]
fn snapshot_helix_wafer() {
    snapshot_account("helix-wafer");
}

#[test]
fn snapshot_kestrel_robotics() {
    snapshot_account("kestrel-robotics");
}

#[test]
fn snapshot_meridian_cycle() {
    snapshot_account("meridian-cycle");
}

#[test]
fn snapshot_northwind_supply() {
    snapshot_account("northwind-supply");
}

#[test]
fn snapshot_orbis_distribution() {
    snapshot_account("orbis-distribution");
}

/// Every account of the sample has its snapshot test above; a new sample account must get
/// one too.
#[test]
fn every_sample_account_is_snapshotted() {
    let accounts: Vec<String> = tree(&build_support::sample_data().join("accounts"))
        .into_keys()
        .map(|name| name.trim_end_matches(".yaml").to_string())
        .collect();
    assert_eq!(
        accounts,
        [
            "harbour-marine",
            "helix-wafer",
            "kestrel-robotics",
            "meridian-cycle",
            "northwind-supply",
            "orbis-distribution"
        ]
    );
}

/// Same input and `--as-of`: the same bytes, whatever the number of threads rendering and
/// writing in parallel (git history included, as in a user's build).
#[test]
fn building_twice_gives_byte_identical_trees() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let build = |name: &str, env: &[(&str, &str)]| {
        let out = tmp.path().join(name);
        build_sample(&out, &[], env);
        tree(&out)
    };
    let first = build("first", &[]);
    assert!(
        first.len() > 100,
        "the sample site has {} files",
        first.len()
    );
    assert_same_tree(&first, &build("second", &[]), "a second build differs");
    for threads in ["1", "16"] {
        let other = build(
            &format!("threads-{threads}"),
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert_same_tree(
            &first,
            &other,
            &format!("a build with RAYON_NUM_THREADS={threads} differs"),
        );
    }
}

/// One account with two reviews: exactly these files, no more, no fewer.
#[test]
fn a_tiny_workspace_builds_exactly_these_files() {
    let ws = tiny_workspace();
    ws.build();
    let mut files = tree(&ws.site());
    // The search index's shards are named by the words of the workspace: one per two-letter
    // word prefix, next to the list of accounts.
    let shards: Vec<String> = files
        .keys()
        .filter(|p| p.starts_with("internal/search/") && *p != "internal/search/docs.js")
        .cloned()
        .collect();
    assert!(shards.len() >= 5, "{shards:?}");
    for shard in &shards {
        assert!(shard.ends_with(".js"), "{shard}");
        files.remove(shard);
    }
    assert_paths(
        &files,
        &[
            ".rapport-site",
            "internal/calendar.ics",
            "internal/index.html",
            "internal/index.md",
            "internal/portfolio.json",
            "internal/page.css",
            "internal/style.css",
            "internal/tables.js",
            "internal/search.html",
            "internal/search.md",
            "internal/search.js",
            "internal/search/docs.js",
            "internal/owners/index.html",
            "internal/owners/index.md",
            "internal/owners/_unowned.html",
            "internal/owners/_unowned.md",
            "internal/accounts/tiny/index.html",
            "internal/accounts/tiny/index.md",
            "internal/accounts/tiny/2026-Q1.html",
            "internal/accounts/tiny/2026-Q1.md",
            "internal/accounts/tiny/2026-Q2.html",
            "internal/accounts/tiny/2026-Q2.md",
            "shared/tiny/calendar.ics",
            "shared/tiny/index.html",
            "shared/tiny/index.md",
            "shared/tiny/statement.html",
            "shared/tiny/statement.md",
            "shared/tiny/2026-Q1.html",
            "shared/tiny/2026-Q1.md",
            "shared/tiny/2026-Q2.html",
            "shared/tiny/2026-Q2.md",
            "shared/tiny/page.css",
            "shared/tiny/style.css",
        ],
    );
}

fn tiny_workspace() -> Workspace {
    Workspace::with_account(
        "tiny",
        "\
name: Tiny Ltd
kind: customer
people:
  - { id: ann, name: Ann Lee, side: us, covers: [bo] }
  - { id: bo, name: Bo Chen, side: them }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
reviews:
  - { quarter: 2026-Q1, scores: { reliability: 3 } }
  - { quarter: 2026-Q2, scores: { reliability: 4 } }
",
    )
}

/// The summary's counts, parsed from
/// `built N accounts: P pages (F files), W warning(s), in X s`.
fn summary_counts(stderr: &str) -> [usize; 4] {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("built "))
        .unwrap_or_else(|| panic!("no summary line in\n{stderr}"));
    let words: Vec<&str> = line
        .split([' ', '(', ')', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let number = |i: usize| -> usize {
        words[i]
            .parse()
            .unwrap_or_else(|_| panic!("word {i} of `{line}` is not a count"))
    };
    assert_eq!(
        [words[0], words[2], words[4], words[6], words[8], words[10], words[12]],
        ["built", "accounts:", "pages", "files", "warning", "in", "s"],
        "summary line `{line}`"
    );
    let seconds: f64 = words[11].parse().expect("elapsed seconds");
    assert!(seconds >= 0.0);
    [number(1), number(3), number(5), number(7)]
}

/// Pages are counted once (each is written as .md and .html); files are every file
/// written except the marker; warnings are those printed above the summary.
#[test]
fn the_summary_line_names_the_right_counts() {
    let ws = tiny_workspace();
    // Two legal-but-suspicious inputs, each a warning: a person of theirs with `covers`, and
    // a commitment due before it was made.
    ws.write(
        "accounts/other.yaml",
        "\
name: Other Co
kind: partner
people:
  - { id: cy, name: Cy Diaz, side: us }
  - { id: di, name: Di Evans, side: them, covers: [cy] }
commitments:
  - { by: us, what: Send the plan, made: 2026-03-01, due: 2026-02-01 }
",
    );
    let output = ws.build();
    let text = stderr(&output);
    let files = tree(&ws.site());
    let pages = files.keys().filter(|p| p.ends_with(".md")).count();
    let html = files.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(pages, html, "every page is written in both formats");
    let printed_warnings = text.lines().filter(|l| l.starts_with("warning:")).count();
    assert_eq!(printed_warnings, 2, "{text}");
    assert_eq!(
        summary_counts(&text),
        [2, pages, files.len() - 1, 2],
        "summary in\n{text}"
    );
}

#[test]
fn the_sample_summary_counts_six_accounts() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let sample = build_support::sample_data();
    let output = build_support::run_in(
        tmp.path(),
        &[
            "build",
            sample.to_str().unwrap(),
            "--out",
            "site",
            "--as-of",
            build_support::AS_OF,
        ],
        &[],
    );
    build_support::assert_ok(&output);
    let files = tree(&tmp.path().join("site"));
    let pages = files.keys().filter(|p| p.ends_with(".md")).count();
    assert_eq!(
        summary_counts(&stderr(&output)),
        [6, pages, files.len() - 1, 0]
    );
}
