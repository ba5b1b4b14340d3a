//! A build never damages what is already on disk: a build that fails half-way leaves the
//! previous site byte for byte as it was, with no staging folders left behind, and `--out`
//! refuses folders that hold the user's own files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, assert_ok, assert_same_tree, hidden_entries, tree, Workspace};

const ACCOUNT: &str = "\
name: Northwind Supply
kind: supplier
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
reviews:
  - { quarter: 2026-Q1, scores: { reliability: 2 } }
  - { quarter: 2026-Q2, scores: { reliability: 4 } }
";

/// A workspace with a good site already built into `site/`.
fn built() -> Workspace {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    ws.build();
    ws
}

/// Runs a build that must fail and asserts the earlier site is untouched.
fn assert_failed_build_keeps_site(ws: &Workspace) -> String {
    let before = tree(&ws.site());
    assert!(before.contains_key("internal/index.md"));
    let message = assert_fails(&ws.try_build());
    assert_same_tree(&before, &tree(&ws.site()), "the previous site changed");
    assert_eq!(
        hidden_entries(ws.dir()),
        Vec::<String>::new(),
        "staging folders left beside the site"
    );
    message
}

#[test]
fn a_render_error_half_way_keeps_the_previous_site() {
    let ws = built();
    // Portfolio, account pages and statements render fine; only review packs fail.
    ws.write(
        "templates/review.html",
        "<h1>{{ name }}</h1>\n{{ no_such_variable }}\n",
    );
    let message = assert_failed_build_keeps_site(&ws);
    assert!(message.contains("review.html"), "{message}");
    assert!(message.contains("no_such_variable"), "{message}");
}

#[test]
fn an_invalid_account_keeps_the_previous_site() {
    let ws = built();
    ws.write("accounts/broken.yaml", "name: Broken\nkind: supplyer\n");
    let message = assert_failed_build_keeps_site(&ws);
    assert!(message.contains("broken.yaml"), "{message}");
    assert!(message.contains("supplyer"), "{message}");
}

/// The latest possible failure: every file is already in the staging folder when the PDF
/// printer (a stand-in browser that always fails) gives up.
#[cfg(unix)]
#[test]
fn a_failure_after_staging_is_written_keeps_the_previous_site() {
    use std::os::unix::fs::PermissionsExt;
    let ws = built();
    let browser = ws.root().join("failing-browser");
    std::fs::write(&browser, "#!/bin/sh\nexit 1\n").unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = tree(&ws.site());
    let message = assert_fails(&ws.run(&[
        "build",
        "ws",
        "--out",
        "site",
        "--as-of",
        build_support::AS_OF,
        "--pdf",
        "--chrome",
        browser.to_str().unwrap(),
    ]));
    assert!(message.contains("PDF"), "{message}");
    assert_same_tree(&before, &tree(&ws.site()), "the previous site changed");
    assert_eq!(hidden_entries(ws.dir()), Vec::<String>::new());
}

#[test]
fn rebuilding_into_a_previous_output_replaces_it_whole() {
    let ws = built();
    let first = tree(&ws.site());
    // A page of an account that no longer exists must not survive the next build.
    std::fs::write(ws.site().join("internal/stale.md"), "old").unwrap();
    assert_ok(&ws.try_build());
    assert_same_tree(&first, &tree(&ws.site()), "the rebuilt site");
    assert_eq!(hidden_entries(ws.dir()), Vec::<String>::new());
}

/// Asserts `build ws --out <out>` is refused with `reason` and changes nothing under the
/// temporary folder.
fn assert_refused(ws: &Workspace, out: &str, reason: &str) {
    let before = tree(ws.dir());
    let message = assert_fails(&ws.run(&["build", "ws", "--out", out]));
    assert!(
        message.contains("refusing") && message.contains(reason),
        "--out {out}: expected `{reason}` in\n{message}"
    );
    assert_same_tree(
        &before,
        &tree(ws.dir()),
        &format!("--out {out} changed files"),
    );
}

#[test]
fn out_refuses_the_workspace_and_its_accounts_folder() {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    assert_refused(&ws, "ws", "workspace");
    assert_refused(&ws, ".", "workspace");
    assert_refused(&ws, "ws/accounts", "accounts/");
    assert_refused(&ws, "ws/accounts/site", "accounts/");
}

#[test]
fn out_refuses_the_filesystem_root() {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    assert_refused(&ws, "/", "root");
}

#[test]
fn out_refuses_a_folder_of_the_users_own_files() {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    std::fs::create_dir_all(ws.dir().join("notes")).unwrap();
    std::fs::write(ws.dir().join("notes/plan.md"), "mine").unwrap();
    assert_refused(&ws, "notes", ".rapport-site");
    assert_eq!(
        std::fs::read_to_string(ws.dir().join("notes/plan.md")).unwrap(),
        "mine"
    );
}

#[test]
fn out_accepts_an_empty_folder() {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    std::fs::create_dir_all(ws.site()).unwrap();
    assert_ok(&ws.try_build());
    assert!(ws.site().join("internal/index.html").is_file());
}
