//! The generator's promises to benchmark users: same seed, same bytes; a workspace that
//! checks clean and builds; every part of the format present; and internal texts written
//! so that the leak guard can never fire on generated data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::generator::*;
use rapport::model::{CommitmentStatus, Visibility, Workspace};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn generated(accounts: usize, seed: u64) -> (tempfile::TempDir, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let summary = write_workspace(&dir.path().join("ws"), accounts, seed).unwrap();
    (dir, summary)
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(dir.join("accounts"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn loaded(root: &Path) -> Workspace {
    let (workspace, diagnostics) = rapport::check(root);
    let problems: Vec<String> = diagnostics.iter().map(|d| format!("{d:?}")).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    workspace.expect("a generated workspace is valid")
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let (a, sa) = generated(30, 7);
    let (b, sb) = generated(30, 7);
    assert_eq!(sa, sb);
    assert_eq!(files(&a.path().join("ws")), files(&b.path().join("ws")));
    let (_, other) = generated(30, 8);
    assert_ne!(sa.digest, other.digest, "another seed, another portfolio");
}

#[test]
fn a_smaller_portfolio_is_a_prefix_of_a_larger_one() {
    let (small, _) = generated(5, 3);
    let (large, _) = generated(12, 3);
    let large_files = files(&large.path().join("ws"));
    for file in files(&small.path().join("ws")) {
        assert!(large_files.contains(&file), "{} differs", file.0);
    }
}

#[test]
fn regenerating_replaces_an_earlier_output_but_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    write_workspace(&ws, 6, 1).unwrap();
    write_workspace(&ws, 3, 2).unwrap();
    assert_eq!(
        files(&ws).len(),
        3,
        "the accounts of the earlier run are gone"
    );
    let other = dir.path().join("notes");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("keep.txt"), "mine").unwrap();
    assert!(matches!(
        write_workspace(&other, 3, 1),
        Err(GenError::Refused { .. })
    ));
    assert_eq!(fs::read_to_string(other.join("keep.txt")).unwrap(), "mine");
    fs::write(ws.join("accounts").join("notes.txt"), "mine").unwrap();
    assert!(matches!(
        write_workspace(&ws, 3, 1),
        Err(GenError::Refused { .. })
    ));
    assert!(ws.join("accounts").join("notes.txt").exists());
}

#[test]
fn generated_workspaces_check_clean_and_build() {
    for seed in [1, 2] {
        let (dir, _) = generated(25, seed);
        let root = dir.path().join("ws");
        loaded(&root);
        let out = dir.path().join("site");
        let mut options = rapport::build::BuildOptions::new(&out, anchor());
        options.history = false;
        let summary = rapport::build::build(&root, &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(summary.accounts, 25);
        assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
        assert!(out.join("shared").is_dir());
    }
}

#[test]
fn every_part_of_the_format_is_used_at_realistic_size() {
    let (dir, summary) = generated(40, 1);
    let workspace = loaded(&dir.path().join("ws"));
    let mean = summary.bytes / 40;
    assert!((8_000..16_000).contains(&mean), "mean account size {mean}");
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut saw = |what: &'static str, yes: bool| {
        if yes {
            seen.insert(what);
        }
    };
    for file in &workspace.accounts {
        let a = &file.account;
        assert_eq!(a.people.len(), 10);
        assert_eq!(a.events.len(), 20);
        assert_eq!(a.goals.len(), 8);
        assert_eq!(a.commitments.len(), 8);
        assert_eq!(a.criteria.len(), 4);
        assert_eq!(a.reviews.len(), 8);
        for status in CommitmentStatus::ALL {
            assert!(a.commitments.iter().any(|c| c.status == *status));
        }
        saw(
            "turnaround evidence",
            a.turnaround
                .as_ref()
                .is_some_and(|t| !t.evidence.is_empty()),
        );
        saw(
            "value",
            a.value
                .as_ref()
                .is_some_and(|v| v.alternatives.is_some() && v.annual_amount.is_some()),
        );
        saw(
            "statement",
            a.statement
                .as_ref()
                .is_some_and(|s| !s.behaviours.them.is_empty() && !s.signatories.is_empty()),
        );
        for p in &a.people {
            saw("covers", !p.covers.is_empty());
            saw("assets", !p.assets.is_empty());
            saw("liabilities", !p.liabilities.is_empty());
            saw("person notes", p.notes.is_some());
            saw("sponsor", p.sponsor);
            saw("decision maker", p.decision_maker);
        }
        for e in &a.events {
            saw("shared event", e.visibility == Visibility::Shared);
            saw("internal event", e.visibility == Visibility::Internal);
            saw(
                "markdown",
                e.note
                    .as_ref()
                    .is_some_and(|n| n.contains("**") || n.contains("](")),
            );
        }
        for d in &a.disputes {
            saw("shared dispute", d.visibility == Visibility::Shared);
            saw("internal dispute", d.visibility == Visibility::Internal);
            saw("resolved dispute", d.resolved.is_some());
            saw("escalated dispute", d.escalated_to.is_some());
        }
        for g in &a.goals {
            saw("internal goal", g.visibility == Visibility::Internal);
            saw(
                "milestone done",
                g.milestones.iter().any(|m| m.done.is_some()),
            );
            saw(
                "milestone open",
                g.milestones.iter().any(|m| m.done.is_none()),
            );
        }
        for c in &a.commitments {
            saw("internal commitment", c.visibility == Visibility::Internal);
            saw("ongoing commitment", c.due.is_none());
        }
        for c in &a.governance {
            saw("internal committee", c.visibility == Visibility::Internal);
            saw(
                "shared committee",
                c.visibility == Visibility::Shared && c.purpose.is_some(),
            );
        }
        saw(
            "illustrations",
            a.criteria.iter().all(|c| !c.illustrations.is_empty()),
        );
        for r in &a.reviews {
            saw(
                "review lists",
                !r.successes.is_empty()
                    && !r.failures.is_empty()
                    && !r.recognition.is_empty()
                    && !r.next_steps.is_empty(),
            );
            saw(
                "summaries",
                r.summary.is_some() && r.shared_summary.is_some(),
            );
            saw("scores", r.scores.len() == a.criteria.len());
        }
    }
    let expected = [
        "turnaround evidence",
        "value",
        "statement",
        "covers",
        "assets",
        "liabilities",
        "person notes",
        "sponsor",
        "decision maker",
        "shared event",
        "internal event",
        "markdown",
        "shared dispute",
        "internal dispute",
        "resolved dispute",
        "escalated dispute",
        "internal goal",
        "milestone done",
        "milestone open",
        "internal commitment",
        "ongoing commitment",
        "internal committee",
        "shared committee",
        "illustrations",
        "review lists",
        "summaries",
        "scores",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|w| !seen.contains(w))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

/// The words a shared page can contain besides shared fields: every template, the
/// stylesheet and the view code's labels.
fn page_words() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for dir in ["templates", "src/view"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            text.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap_or_default());
        }
    }
    for words in [
        text::NOUNS,
        text::VERBS,
        text::FIRST,
        text::LAST,
        text::CO_A,
        text::CO_B,
        text::CO_C,
    ] {
        text.push_str(&words.join(" "));
    }
    for roles in text::ROLES {
        text.push_str(&roles.join(" "));
    }
    text.to_lowercase()
}

#[test]
fn internal_words_never_appear_in_shared_pages() {
    let page = page_words();
    for word in text::internal_words() {
        assert!(!page.contains(word), "`{word}` can appear in a shared page");
    }
}

/// Each internal text's needles (as the leak guard cuts them: short blocks whole, long
/// ones as eight-word windows) contain an internal word, so none can match a shared page.
#[test]
fn every_internal_phrase_carries_an_internal_word() {
    let (dir, _) = generated(60, 5);
    let workspace = loaded(&dir.path().join("ws"));
    let internal: Vec<&str> = text::internal_words().collect();
    let marked = |phrase: &str| internal.iter().any(|w| phrase.contains(w));
    for file in &workspace.accounts {
        for (field, note) in rapport::leak::classify(&file.account).internal {
            for block in rapport::format::markdown::to_plain_blocks(&note) {
                let block = block.to_lowercase();
                let words: Vec<&str> = block.split_whitespace().collect();
                if words.len() <= 8 {
                    assert!(
                        words.len() < 2 || block.trim().len() < 16 || marked(&block),
                        "{}: {field}: {block}",
                        file.id
                    );
                } else {
                    for window in words.windows(8) {
                        let phrase = window.join(" ");
                        assert!(marked(&phrase), "{}: {field}: {phrase}", file.id);
                    }
                }
            }
        }
    }
}
