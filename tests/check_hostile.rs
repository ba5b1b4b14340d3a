//! Hostile input: every file below is refused with exit 1 and a message that names it, in
//! well under a second or two, never with a panic (exit 101), a hang or an abort.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;
use support::Workspace;

const HEAD: &str = "name: A\nkind: customer\n";

/// Checks a workspace whose only account is `bytes`; returns the diagnostic text.
fn refused(bytes: impl AsRef<[u8]>) -> String {
    let run = Workspace::new().account("hostile.yaml", bytes).check();
    run.invalid();
    assert!(
        // A hang detector, not a speed test: the refused cases finish in milliseconds, the
        // failures this guards against (alias bombs, quadratic nesting) take minutes.
        run.elapsed < Duration::from_secs(60),
        "took {:?}",
        run.elapsed
    );
    assert!(
        run.stderr.contains("--> ws/accounts/hostile.yaml"),
        "file not named:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // The whole output stays readable even when the offending line is huge.
    assert!(
        run.stderr.len() < 2_000,
        "output of {} bytes:\n{}",
        run.stderr.len(),
        &run.stderr[..2_000]
    );
    run.stderr
}

fn first_line(stderr: &str) -> &str {
    stderr.lines().next().unwrap_or_default()
}

#[test]
fn empty_whitespace_and_comment_only_files() {
    assert_eq!(first_line(&refused("")), "error: the file is empty");
    assert_eq!(
        first_line(&refused("  \n\t\n\n")),
        "error: the file is empty"
    );
    assert_eq!(
        first_line(&refused("# only a comment\n   # and another\n")),
        "error: the file holds only comments, no values"
    );
}

#[test]
fn a_list_at_top_level() {
    let stderr = refused("- name: A\n- kind: customer\n");
    assert_eq!(
        first_line(&stderr),
        "error: expected a mapping, found a list"
    );
    assert!(stderr.contains("--> ws/accounts/hostile.yaml:1:1\n"));
}

#[test]
fn non_utf8_bytes_give_the_first_bad_byte() {
    let stderr = refused(b"name: A\nkind: customer\nowner: d\xe9bora\n".as_slice());
    assert_eq!(
        stderr,
        "\
error: the file is not valid UTF-8
  --> ws/accounts/hostile.yaml:3:9
  |
3 | owner: d\u{fffd}bora
  |         ^
   = help: save the file with UTF-8 encoding; the first byte that is not UTF-8 is marked
   = code: invalid-encoding

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn a_tab_in_indentation_gives_the_exact_line() {
    let stderr = refused(format!("{HEAD}people:\n  - id: dana\n\tname: Dana\n"));
    assert_eq!(
        stderr,
        "\
error: a tab is used for indentation
  --> ws/accounts/hostile.yaml:5:1
  |
5 |  name: Dana
  | ^
   = help: indent with spaces; YAML does not allow tabs in indentation
   = code: tab-indentation

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn a_tab_inside_a_block_scalar_is_content() {
    let run = Workspace::new()
        .account(
            "tabs.yaml",
            format!("{HEAD}value:\n  alternatives: |\n    a table:\n    \tcol1\tcol2\n"),
        )
        .check();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn duplicate_keys_at_any_depth() {
    let top = refused(format!("{HEAD}name: B\n"));
    assert!(
        top.starts_with(
            "error: duplicate key `name`\n  --> ws/accounts/hostile.yaml:3:1\n   = at: name\n"
        ),
        "{top}"
    );
    let person = refused(format!(
        "{HEAD}people:\n  - id: dana\n    name: Dana\n    side: us\n    id: dee\n"
    ));
    assert!(
        person.contains(
            "duplicate key `id`\n  --> ws/accounts/hostile.yaml:7:5\n   = at: people[0].id\n"
        ),
        "{person}"
    );
    let scores = refused(format!(
        "{HEAD}criteria:\n  - id: r\n    name: R\nreviews:\n  - quarter: 2026-Q1\n    scores:\n      r: 2\n      r: 3\n"
    ));
    assert!(scores.contains("duplicate key `r`\n  --> ws/accounts/hostile.yaml:10:7\n   = at: reviews[0].scores.r\n"), "{scores}");
    assert!(!scores.contains("DuplicateKeyPolicy"));
}

#[test]
fn several_documents() {
    let stderr = refused(format!("{HEAD}---\nname: B\nkind: partner\n"));
    assert!(stderr.starts_with("error: the file holds more than one YAML document\n  --> ws/accounts/hostile.yaml:4:1\n"), "{stderr}");
}

#[test]
fn billion_laughs() {
    let mut text = format!("{HEAD}criteria:\n  - id: a\n    name: A\n    illustrations: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10u8 {
        let (name, previous) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        text.push_str(&format!(
            "  - id: {name}\n    name: {name}\n    illustrations: &{name} [{}]\n",
            vec![format!("*{previous}"); 9].join(", ")
        ));
    }
    refused(text);
    // The classic shape, with the bomb under an unknown key.
    let mut classic = format!("{HEAD}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10u8 {
        let (name, previous) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        classic.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 9].join(", ")
        ));
    }
    refused(classic);
}

#[test]
fn schema_valid_quadratic_aliases() {
    let items = vec!["x"; 50_000].join(", ");
    let mut text =
        format!("{HEAD}criteria:\n  - &c\n    id: r\n    name: R\n    illustrations: [{items}]\n");
    text.push_str(&"  - *c\n".repeat(20_000));
    let stderr = refused(text);
    assert!(
        first_line(&stderr).starts_with("error: the file exceeds a safety limit of the YAML reader: aliases replay more than 100,000 values"),
        "{stderr}"
    );
}

#[test]
fn nesting_20000_deep_in_flow_style() {
    let n = 20_000;
    for text in [
        format!("{}{}\n", "[".repeat(n), "]".repeat(n)),
        format!("{}x{}\n", "{a: ".repeat(n), "}".repeat(n)),
    ] {
        let stderr = refused(text);
        assert_eq!(first_line(&stderr), "error: the file exceeds a safety limit of the YAML reader: nesting deeper than 32 levels");
    }
    refused(format!(
        "{HEAD}value:\n  alternatives: {}x{}\n",
        "[".repeat(n),
        "]".repeat(n)
    ));
}

#[test]
fn nesting_deep_in_block_style() {
    refused(format!("{}x\n", "- ".repeat(20_000)));
    refused(format!("{HEAD}people:\n{}x\n", "  - ".repeat(20_000)));
    // A block mapping 20,000 levels deep takes over 200 MB of indentation and meets the size
    // limit (tested below); 2,000 levels (2 MB) reach the parser.
    refused(
        (0..2_000)
            .map(|i| format!("{}a:\n", " ".repeat(i)))
            .collect::<String>(),
    );
    refused(format!(
        "{HEAD}{}",
        (0..2_000)
            .map(|i| format!("{}value:\n", " ".repeat(i)))
            .collect::<String>()
    ));
}

#[test]
fn a_20_mb_file_is_refused_by_the_size_limit() {
    let event = "  - date: 2026-01-01\n    title: A long day of meetings, written out at length\n";
    let mut text = format!("{HEAD}events:\n{}", event.repeat((20 << 20) / event.len()));
    text.push_str(&"#".repeat((20 << 20) - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), 20 << 20);
    let stderr = refused(text);
    assert_eq!(
        stderr,
        "\
error: the file is 20.0 MiB, over the 4 MiB limit for one file
  --> ws/accounts/hostile.yaml
   = help: split the history into a smaller file; an account file is usually under 100 KB
   = code: file-too-large

error: 1 error(s), 0 warning(s)
"
    );
}

#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let run = Workspace::new()
        .account("bom.yaml", format!("\u{feff}{HEAD}"))
        .check();
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "ok: 1 account, 0 warnings\n")
    );
}

#[test]
fn hostile_files_do_not_hide_problems_in_other_files() {
    let run = Workspace::new()
        .account("empty.yaml", "")
        .account("nested.yaml", "[".repeat(20_000))
        .account("typo.yaml", format!("{HEAD}stage: prefered\n"))
        .check();
    run.invalid();
    for file in ["empty", "nested", "typo"] {
        assert!(
            run.stderr.contains(&format!("--> ws/accounts/{file}.yaml")),
            "{file} missing:\n{}",
            run.stderr
        );
    }
}

/// A 1 GiB (sparse) file must be refused as fast and as cheaply as a 20 MB one.
#[test]
fn a_huge_file_is_not_read_to_report_it() {
    let ws = Workspace::new().account("hostile.yaml", "");
    let file = std::fs::File::options()
        .write(true)
        .open(ws.root().join("accounts/hostile.yaml"))
        .unwrap();
    // 16 GiB of sparse zeros: reading it whole to show a caret excerpt would take minutes
    // or fail to allocate; refusing it by size takes milliseconds.
    file.set_len(16 << 30).unwrap();
    let run = ws.check();
    run.invalid();
    assert!(
        run.elapsed < Duration::from_secs(60),
        "took {:?}",
        run.elapsed
    );
}
