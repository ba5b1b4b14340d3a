//! The statement fingerprint: what docs/statement-fingerprint.md promises. Both companies
//! compare it on a call, so it must follow the documented recipe exactly (recomputed here
//! from the documented canonical text with an independent SHA-256), appear on the page that
//! is handed over, change when anything the statement says changes, and not change for
//! progress, signatures or internal notes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use sha2::{Digest, Sha256};
use support::{rapport, Workspace};

const STATEMENT: &str = "\
name: Northwind Supply Co.
kind: supplier
people:
  - id: dana
    name: Dana Whitfield
    side: us
  - id: helga
    name: Helga Brandt
    side: them
    liabilities: [INTERNAL-NOTE-4711 about Helga]
commitments:
  - what: Ship the first order
    by: them
    made: 2026-01-10
    due: 2026-03-01
    status: open
events:
  - date: 2026-02-01
    title: Dinner
    note: private remark
statement:
  title: A new course
  date: 2026-07-20
  version: 2
  vision: |
    Long-term partners,
    exact about prices.
  behaviours:
    us:
      - Pay on time
    them:
      - One account manager
  signatories: [dana, helga]
";

/// The canonical text of STATEMENT written out by hand from the documented recipe.
const CANONICAL: &str = "\
rapport statement fingerprint v1
us: Acme Components
them: Northwind Supply Co.
title: A new course
version: 2
date: 2026-07-20
vision: Long-term partners,\\nexact about prices.
behaviour of us: Pay on time
behaviour of them: One account manager
signatory: Dana Whitfield (Acme Components)
signatory: Helga Brandt (Northwind Supply Co.)
";

fn documented_fingerprint(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{} {} {} {}",
        &hex[0..4],
        &hex[4..8],
        &hex[8..12],
        &hex[12..16]
    )
}

fn run(ws: &Workspace, args: &[&str]) -> String {
    let mut all = vec!["statement", "northwind", "--workspace"];
    let root = ws.root();
    let root = root.to_str().unwrap();
    all.push(root);
    all.extend_from_slice(args);
    let run = rapport(&ws.root(), &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn fingerprint_of(account: &str) -> String {
    let ws = Workspace::new().account("northwind.yaml", account);
    run(&ws, &["--fingerprint"]).trim_end().to_string()
}

#[test]
fn follows_the_documented_recipe() {
    let ws = Workspace::new().account("northwind.yaml", STATEMENT);
    assert_eq!(run(&ws, &[]), CANONICAL);
    let fingerprint = run(&ws, &["--fingerprint"]);
    assert_eq!(
        fingerprint,
        format!("{}\n", documented_fingerprint(CANONICAL))
    );
}

#[test]
fn the_shared_pages_carry_the_same_fingerprint() {
    let ws = Workspace::new().account("northwind.yaml", STATEMENT);
    let expected = documented_fingerprint(CANONICAL);
    let out = ws.root().join("site");
    let root = ws.root();
    let build = rapport(
        &ws.root(),
        &["build", root.to_str().unwrap(), "--as-of", "2026-11-26"],
    );
    assert_eq!(build.code, 0, "{}", build.stderr);
    for page in ["statement.html", "statement.md"] {
        let text = std::fs::read_to_string(out.join("shared/northwind").join(page)).unwrap();
        assert!(
            text.contains(&expected),
            "{page} lacks the fingerprint {expected}"
        );
    }
}

#[test]
fn changes_when_anything_the_statement_says_changes() {
    let base = fingerprint_of(STATEMENT);
    let edits = [
        ("title: A new course", "title: A new course!"),
        ("date: 2026-07-20", "date: 2026-07-21"),
        ("version: 2", "version: 3"),
        ("exact about prices.", "exact about price."),
        ("      - Pay on time", "      - Pay on time, always"),
        (
            "      - One account manager",
            "      - Two account managers",
        ),
        ("signatories: [dana, helga]", "signatories: [helga, dana]"),
        ("signatories: [dana, helga]", "signatories: [dana]"),
        ("name: Dana Whitfield", "name: Dana Whitfield-Ng"),
        ("name: Northwind Supply Co.", "name: Northwind Supply GmbH"),
    ];
    for (from, to) in edits {
        assert!(STATEMENT.contains(from), "{from}");
        let edited = STATEMENT.replacen(from, to, 1);
        assert_ne!(fingerprint_of(&edited), base, "`{from}` → `{to}` kept it");
    }
    // Our organisation's name is one of the parties.
    let ws = Workspace::new()
        .config("organisation: Acme Components Ltd\n")
        .account("northwind.yaml", STATEMENT);
    assert_ne!(run(&ws, &["--fingerprint"]).trim_end(), base);
}

#[test]
fn does_not_change_for_progress_signatures_or_internal_notes() {
    let base = fingerprint_of(STATEMENT);
    let edits = [
        ("status: open", "status: kept\n    closed: 2026-03-01"),
        (
            "liabilities: [INTERNAL-NOTE-4711 about Helga]",
            "liabilities: [another note]",
        ),
        ("    note: private remark", "    note: another remark"),
        ("title: Dinner", "title: Lunch"),
        (
            "  signatories: [dana, helga]\n",
            "  signatories: [dana, helga]\n  signed:\n    - person: dana\n      date: 2026-07-22\n",
        ),
        // Whitespace around a value and Windows line breaks are not part of the text.
        ("title: A new course", "title: '  A new course  '"),
    ];
    for (from, to) in edits {
        assert!(STATEMENT.contains(from), "{from}");
        let edited = STATEMENT.replacen(from, to, 1);
        assert_eq!(
            fingerprint_of(&edited),
            base,
            "`{from}` → `{to}` changed it"
        );
    }
    assert_eq!(fingerprint_of(&STATEMENT.replace('\n', "\r\n")), base);
}

#[test]
fn an_unknown_account_is_an_error_with_the_accounts_listed() {
    let ws = Workspace::new().account("northwind.yaml", STATEMENT);
    let root = ws.root();
    let run = rapport(
        &ws.root(),
        &[
            "statement",
            "nortwind",
            "--workspace",
            root.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("no account `nortwind`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("northwind"), "{}", run.stderr);
    assert!(
        run.stderr.contains("= code: unknown-account"),
        "{}",
        run.stderr
    );
}
