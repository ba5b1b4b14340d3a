//! The YAML layer on ordinary mistakes and on hostile input. Hostile inputs are parsed on a
//! thread with a 2 MiB stack, the size of a rayon worker's, where `load` parses them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::model::{Account, Config};
use std::time::{Duration, Instant};

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .expect("no panic, no stack overflow")
}

/// Decodes and parses bytes as an account on a small stack, within a time limit.
fn refuse(bytes: Vec<u8>) -> YamlError {
    let start = Instant::now();
    let result = on_small_stack(move || {
        let text = decode(&bytes)?;
        let parsed = parse::<Account>(text);
        // The locator reads the same text into a tree: it must survive it too.
        let _ = locate(text, "events[0].title");
        parsed.map(|_| ())
    });
    assert!(
        // A hang detector, not a speed test (see tests/check_hostile.rs).
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
    match result {
        Ok(()) => panic!("hostile input was accepted"),
        Err(e) => e,
    }
}

fn account_error(text: &str) -> YamlError {
    match parse::<Account>(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e,
    }
}

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

const HEAD: &str = "name: A\nkind: customer\n";

#[test]
fn empty_whitespace_and_comment_only_files_are_refused() {
    assert_eq!(refuse(b"".to_vec()).message, "the file is empty");
    assert_eq!(refuse(b"  \n\n \t\n".to_vec()).message, "the file is empty");
    assert_eq!(
        refuse(b"# nothing\n  # here\n---\n".to_vec()).message,
        "the file holds only comments, no values"
    );
}

#[test]
fn a_top_level_list_is_refused() {
    let e = refuse(b"- name: A\n- kind: customer\n".to_vec());
    assert_eq!(e.message, "expected a mapping, found a list");
    assert_eq!(e.position, at(1, 1));
}

#[test]
fn non_utf8_bytes_are_located() {
    let e = refuse(b"name: A\nkind: customer\npeople:\n  - id: d\xffx\n".to_vec());
    assert_eq!(e.message, "the file is not valid UTF-8");
    assert_eq!(e.position, at(4, 10));
}

#[test]
fn tab_indentation_is_located_but_tabs_in_block_scalars_are_legal() {
    let e = refuse(b"name: A\nkind: customer\npeople:\n  - id: dana\n\tname: Dana\n".to_vec());
    assert_eq!(e.message, "a tab is used for indentation");
    assert_eq!(e.position, at(5, 1));
    assert_eq!(
        e.help.as_deref(),
        Some("indent with spaces; YAML does not allow tabs in indentation")
    );

    let text = "name: A\nkind: customer\nvalue:\n  alternatives: |\n    columns:\n    \tone\ttwo\n\n    end\n  impact_of_loss: >-\n    \tindented\nsince: 2020-01-01\n";
    let account =
        parse::<Account>(decode(text.as_bytes()).expect("tabs inside block scalars are content"))
            .expect("parses");
    let alternatives = account
        .value
        .and_then(|v| v.alternatives)
        .unwrap_or_default();
    assert!(alternatives.contains("\tone\ttwo"), "{alternatives:?}");
    // After the block scalar ends, indentation is checked again.
    assert_eq!(tab_in_indentation("note: |\n  text\n\tkey: x\n"), at(3, 1));
}

#[test]
fn block_scalar_headers_are_recognised() {
    for yes in [
        "note: |",
        "note: >-",
        "- |",
        "text: |2",
        "note: | # a comment",
        "- note: |+",
    ] {
        assert!(opens_block_scalar(yes), "{yes}");
    }
    for no in ["note: a | b", "title: x |", "note: '|'", "- item"] {
        assert!(!opens_block_scalar(no), "{no}");
    }
}

#[test]
fn duplicate_keys_are_refused_at_any_depth() {
    let e = refuse(format!("{HEAD}name: B\n").into_bytes());
    assert_eq!(
        (e.message.as_str(), e.path.as_str(), e.position),
        ("duplicate key `name`", "name", at(3, 1))
    );
    let e = refuse(
        format!("{HEAD}people:\n  - id: dana\n    name: Dana\n    side: us\n    name: Dana W\n")
            .into_bytes(),
    );
    assert_eq!(
        (e.message.as_str(), e.path.as_str(), e.position),
        ("duplicate key `name`", "people[0].name", at(7, 5))
    );
    let e = refuse(
        format!("{HEAD}criteria:\n  - id: r\n    name: R\nreviews:\n  - quarter: 2026-Q1\n    scores:\n      r: 2\n      r: 3\n")
            .into_bytes(),
    );
    assert_eq!(e.message, "duplicate key `r`");
    assert_eq!(e.path, "reviews[0].scores.r");
    assert_eq!(e.position, at(10, 7));
    assert!(
        !e.message.contains("DuplicateKeyPolicy")
            && !e.help.unwrap_or_default().contains("Options")
    );
}

#[test]
fn several_documents_are_refused() {
    let e = refuse(format!("{HEAD}---\nname: B\nkind: customer\n").into_bytes());
    assert_eq!(e.message, "the file holds more than one YAML document");
    assert_eq!(e.position, at(4, 1));
}

#[test]
fn billion_laughs_is_refused() {
    let mut text = format!("{HEAD}criteria:\n  - id: a\n    name: A\n    illustrations: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10u8 {
        let (name, previous) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        let aliases = vec![format!("*{previous}"); 10].join(", ");
        text.push_str(&format!(
            "  - id: {name}\n    name: {name}\n    illustrations: &{name} [{aliases}]\n"
        ));
    }
    let e = refuse(text.into_bytes());
    assert!(e.position.is_some(), "{e:?}");
}

#[test]
fn schema_valid_quadratic_aliases_are_refused() {
    let items = vec!["x"; 50_000].join(", ");
    let mut text =
        format!("{HEAD}criteria:\n  - &c\n    id: r\n    name: R\n    illustrations: [{items}]\n");
    text.push_str(&"  - *c\n".repeat(20_000));
    let e = refuse(text.into_bytes());
    assert!(
        e.message
            .starts_with("the file exceeds a safety limit of the YAML reader"),
        "{e:?}"
    );
    assert!(e.path.starts_with("criteria["), "{e:?}");
}

#[test]
fn deep_nesting_is_refused_in_block_and_flow_style() {
    let n = 20_000;
    let block_sequence = format!("{}x\n", "- ".repeat(n));
    let flow_sequence = format!("{}{}\n", "[".repeat(n), "]".repeat(n));
    let flow_mapping = format!("{}x{}\n", "{a: ".repeat(n), "}".repeat(n));
    let nested_people = format!(
        "{HEAD}people:\n{}x\n",
        (1..n).map(|_| "  - ").collect::<String>()
    );
    // A block mapping 20,000 levels deep needs over 200 MB of indentation and is refused by
    // the size limit before reading; 2,000 levels fit under it.
    let block_mapping: String = (0..2_000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    let block_in_schema: String = (0..2_000)
        .map(|i| format!("{}value:\n", " ".repeat(i)))
        .collect();
    for text in [
        block_sequence,
        flow_sequence,
        flow_mapping,
        nested_people,
        block_mapping,
        block_in_schema,
    ] {
        let e = refuse(text.into_bytes());
        assert!(e.position.is_some(), "{e:?}");
    }
}

#[test]
fn deep_nesting_names_the_depth_limit() {
    for text in [
        format!("{}{}\n", "[".repeat(300), "]".repeat(300)),
        format!("{}x{}\n", "{a: ".repeat(300), "}".repeat(300)),
    ] {
        let e = refuse(text.into_bytes());
        assert_eq!(
            e.message,
            "the file exceeds a safety limit of the YAML reader: nesting deeper than 32 levels"
        );
    }
    // The locator reads any shape, so the depth limit is what stops it.
    assert_eq!(
        on_small_stack(|| locate(
            &format!("{}x{}\n", "{a: ".repeat(20_000), "}".repeat(20_000)),
            "a"
        )),
        None
    );
    let deep = (0..40)
        .map(|i| format!("{}- \n", " ".repeat(2 * i)))
        .collect::<String>();
    assert_eq!(locate(&deep, ""), None);
}

#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let bytes = b"\xEF\xBB\xBFname: K\nkind: partner\n";
    let account = parse::<Account>(decode(bytes).expect("decodes")).expect("parses");
    assert_eq!(account.name, "K");
}

#[test]
fn wrong_types_say_what_was_expected_and_found() {
    let e = account_error(&format!(
        "{HEAD}reviews:\n  - quarter: 2026-Q1\n    scores: {{reliability: high}}\n"
    ));
    assert_eq!(e.message, "`high` is not a score");
    assert_eq!(
        (e.path.as_str(), e.position),
        ("reviews[0].scores.reliability", at(5, 27))
    );
    let e = account_error(&format!("{HEAD}people: dana\n"));
    assert_eq!(e.message, "expected a list, found `dana`");
    let e = account_error(&format!(
        "{HEAD}people:\n  - id: d\n    name: D\n    side: us\n    sponsor: yes\n"
    ));
    assert_eq!(e.message, "expected `true` or `false`, found `yes`");
    let e = account_error(&format!("{HEAD}value:\n  annual_amount: lots\n"));
    assert_eq!(e.message, "expected a number, found `lots`");
}

#[test]
fn dates_quarters_and_enum_values_are_explained() {
    let e = account_error(&format!(
        "{HEAD}commitments:\n  - by: us\n    what: x\n    made: 2026-02-30\n"
    ));
    assert_eq!(e.message, "`2026-02-30` is not a valid date");
    assert_eq!(
        (e.path.as_str(), e.position),
        ("commitments[0].made", at(6, 11))
    );
    let e = account_error(&format!("{HEAD}reviews:\n  - quarter: 2026-Q5\n"));
    assert_eq!(e.message, "`2026-Q5` is not a quarter");
    assert_eq!(
        e.help.as_deref(),
        Some("write YYYY-Qn with n from 1 to 4, e.g. 2026-Q2")
    );
    let e = account_error("name: A\nkind: custmer\n");
    assert_eq!(e.message, "unknown value `custmer` for `kind`");
    assert_eq!(
        e.help.as_deref(),
        Some("did you mean `customer`? allowed values: customer, supplier, partner")
    );
}

#[test]
fn unknown_and_missing_fields_and_blank_required_strings() {
    let e = account_error(&format!("{HEAD}comitments: []\n"));
    assert_eq!(
        (e.message.as_str(), e.help.as_deref()),
        (
            "unknown field `comitments`",
            Some("did you mean `commitments`?")
        )
    );
    let e = account_error(&format!("{HEAD}people:\n  - id: d\n    side: us\n"));
    assert_eq!(
        (e.message.as_str(), e.path.as_str()),
        ("missing required field `name`", "people[0]")
    );
    assert_eq!(e.position, at(4, 5));
    let e = account_error("name: A\npeople: []\nreviews: []\n");
    assert_eq!(
        (e.message.as_str(), e.position),
        ("missing required field `kind`", at(1, 1))
    );
    let e = account_error("name:\nkind: customer\n");
    assert_eq!(e.message, "`name` is empty, but it needs a value");
    let e = match parse::<Config>("organisation: ~\n") {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    };
    assert_eq!(e.message, "`organisation` is empty, but it needs a value");
}

#[test]
fn found_at_reads_scalars_and_shapes() {
    let text = "a: 'quoted, text'\nb: plain # comment\nc: [x]\nd: {x: 1}\n";
    assert_eq!(found_at(text, at(1, 4)).as_deref(), Some("`quoted, text`"));
    assert_eq!(found_at(text, at(2, 4)).as_deref(), Some("`plain`"));
    assert_eq!(found_at(text, at(3, 4)).as_deref(), Some("a list"));
    assert_eq!(found_at(text, at(4, 4)).as_deref(), Some("a mapping"));
    assert_eq!(found_at(text, at(9, 1)), None);
}
