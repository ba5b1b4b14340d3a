//! Unit tests of the semantic diff and of attributing changes to commits.

use super::*;
use crate::history::trace::{attribute, Version};

const BASE: &str = r#"
name: Northwind
kind: supplier
stage: vendor
people:
  - { id: dana, name: Dana, side: us, level: manager, covers: [raj] }
  - { id: raj, name: Raj, side: them, level: senior, sponsor: true }
disputes:
  - { id: freight, title: Freight surcharge, opened: 2026-06-15, amount: 28400, currency: USD, visibility: shared }
goals:
  - id: forecasts
    title: Share forecasts
    milestones:
      - { title: First forecast, due: 2026-03-31 }
commitments:
  - { by: both, what: Raise any pricing discrepancy within 10 working days, made: 2026-01-20 }
  - { by: us, what: Qualify a second source quietly, made: 2026-02-01, visibility: internal }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
"#;

/// A change's value as the terminal and English pages say it.
fn said(value: &Option<crate::i18n::Phrase>) -> Option<String> {
    value.as_ref().map(|p| p.to_string())
}

fn account(text: &str) -> Account {
    match crate::yaml::parse::<Account>(text) {
        Ok(account) => account,
        Err(e) => panic!("test account does not parse: {e:?}"),
    }
}

/// BASE with each (from, to) text replaced once.
fn edited(edits: &[(&str, &str)]) -> Account {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "edit does not apply: {from}");
        text = text.replacen(from, to, 1);
    }
    account(&text)
}

fn kinds(changes: &[Change]) -> Vec<&'static str> {
    changes.iter().map(|c| c.kind.as_str()).collect()
}

fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "expected one change: {changes:#?}");
    &changes[0]
}

#[test]
fn identical_versions_have_no_changes() {
    assert!(compare(&account(BASE), &account(BASE)).changes.is_empty());
}

#[test]
fn a_reworded_commitment_is_reworded_not_removed_and_added() {
    let new = edited(&[("within 10 working days", "within 5 working days")]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(c.kind.as_str(), "commitment-reworded");
    assert_eq!(c.subject.to_string(), "by both, made 2026-01-20");
    assert_eq!(
        (said(&c.from).as_deref(), said(&c.to).as_deref()),
        (
            Some("Raise any pricing discrepancy within 10 working days"),
            Some("Raise any pricing discrepancy within 5 working days")
        )
    );
    assert!(
        c.shared,
        "a shared commitment's rewording may be shown to them"
    );
}

#[test]
fn a_commitment_moved_in_the_list_and_reworded_still_pairs() {
    let new = edited(&[
        (
            "  - { by: both, what: Raise any pricing discrepancy within 10 working days, made: 2026-01-20 }\n",
            "",
        ),
        (
            "visibility: internal }\n",
            "visibility: internal }\n  - { by: both, what: Raise every pricing discrepancy within ten working days, made: 2026-01-21 }\n",
        ),
    ]);
    let changes = compare(&account(BASE), &new).changes;
    assert_eq!(kinds(&changes), ["commitment-reworded", "commitment-made"]);
}

#[test]
fn status_changes_of_internal_commitments_are_never_shared() {
    let new = edited(&[(
        "second source quietly, made: 2026-02-01,",
        "second source quietly, made: 2026-02-01, status: kept,",
    )]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(
        (
            c.kind.as_str(),
            said(&c.from).as_deref(),
            said(&c.to).as_deref()
        ),
        ("commitment-status", Some("open"), Some("kept"))
    );
    assert!(!c.shared);
}

#[test]
fn a_milestone_slip_reports_the_days() {
    let new = edited(&[("due: 2026-03-31", "due: 2026-04-30")]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(c.kind.as_str(), "milestone-slipped");
    assert_eq!(c.subject.to_string(), "Share forecasts › First forecast");
    assert_eq!(said(&c.detail).as_deref(), Some("30 days later"));
    assert!(c.shared);
    let back = compare(&new, &account(BASE)).changes;
    assert_eq!(only(&back).kind.as_str(), "milestone-moved-earlier");
    assert_eq!(
        said(&only(&back).detail).as_deref(),
        Some("30 days earlier")
    );
}

#[test]
fn a_milestone_done_late_says_how_late() {
    let new = edited(&[("due: 2026-03-31 }", "due: 2026-03-31, done: 2026-04-10 }")]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(
        (c.kind.as_str(), said(&c.to).as_deref()),
        ("milestone-done", Some("2026-04-10"))
    );
    assert_eq!(
        said(&c.detail).as_deref(),
        Some("10 days after the due date")
    );
    let (from, to) = c.shown();
    assert_eq!(
        (said(&from), said(&to)),
        (None, Some("2026-04-10".to_string()))
    );
}

#[test]
fn people_changes_are_internal() {
    let new = edited(&[
        ("level: senior, sponsor: true", "level: executive"),
        (
            "disputes:",
            "  - { id: helga, name: Helga, side: them, level: executive }\ndisputes:",
        ),
        ("covers: [raj]", "covers: [raj, helga]"),
    ]);
    let changes = compare(&account(BASE), &new).changes;
    assert_eq!(
        kinds(&changes),
        [
            "person-covers",
            "person-level",
            "person-sponsor",
            "person-added"
        ]
    );
    assert!(changes.iter().all(|c| !c.shared));
    assert_eq!(said(&changes[0].to).as_deref(), Some("Helga, Raj"));
    assert_eq!(changes[2].subject.to_string(), "Raj (raj)");
    assert_eq!(
        (
            said(&changes[2].from).as_deref(),
            said(&changes[2].to).as_deref()
        ),
        (Some("yes"), Some("no"))
    );
}

#[test]
fn stage_moves_say_up_or_down_and_stay_internal() {
    let new = edited(&[("stage: vendor", "stage: strategic")]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(
        (c.kind.as_str(), said(&c.detail).as_deref()),
        ("stage-moved", Some("up 2 steps"))
    );
    assert!(!c.shared);
}

#[test]
fn dispute_resolution_and_amount_are_reported() {
    let new = edited(&[("amount: 28400", "amount: 31200, resolved: 2026-09-29")]);
    let changes = compare(&account(BASE), &new).changes;
    assert_eq!(kinds(&changes), ["dispute-resolved", "dispute-amount"]);
    assert_eq!(said(&changes[1].from).as_deref(), Some("USD 28,400"));
    assert_eq!(said(&changes[1].to).as_deref(), Some("USD 31,200"));
    assert!(changes.iter().all(|c| c.shared));
}

#[test]
fn criterion_weights_are_compared_by_id() {
    let new = edited(&[("weight: 3", "weight: 5")]);
    let changes = compare(&account(BASE), &new).changes;
    let c = only(&changes);
    assert_eq!(
        (
            c.kind.as_str(),
            said(&c.from).as_deref(),
            said(&c.to).as_deref()
        ),
        ("criterion-weight", Some("3"), Some("5"))
    );
}

#[test]
fn a_new_file_is_all_additions() {
    let changes = compare(&empty_account(), &account(BASE)).changes;
    assert!(changes
        .iter()
        .all(|c| c.aspect == "presence" || c.kind.as_str() == "stage-moved"));
    assert!(kinds(&changes).contains(&"commitment-added"));
}

fn commit(id: &str, author: &str) -> CommitRef {
    CommitRef {
        id: id.to_string(),
        author: author.to_string(),
        date: "2026-01-01".to_string(),
    }
}

#[test]
fn each_change_names_the_commit_that_made_it() {
    let v0 = account(BASE);
    let v1 = edited(&[("within 10 working days", "within 5 working days")]);
    let mut v2_text = BASE.replacen("within 10 working days", "within 5 working days", 1);
    v2_text = v2_text.replacen("made: 2026-01-20 }", "made: 2026-01-20, status: kept }", 1);
    let v2 = account(&v2_text);
    let working = account(&v2_text.replacen("weight: 3", "weight: 4", 1));
    let (c0, c1, c2) = (
        commit("0000000a", "A"),
        commit("1111111b", "Dana"),
        commit("2222222c", "Sam"),
    );
    let changes = attribute(&[
        Version {
            commit: Some(&c0),
            account: &v0,
        },
        Version {
            commit: Some(&c1),
            account: &v1,
        },
        Version {
            commit: Some(&c2),
            account: &v2,
        },
        Version {
            commit: None,
            account: &working,
        },
    ]);
    assert_eq!(
        kinds(&changes),
        [
            "commitment-reworded",
            "commitment-status",
            "criterion-weight"
        ]
    );
    assert_eq!(changes[0].commits, vec![c1.clone()]);
    assert_eq!(changes[1].commits, vec![c2.clone()]);
    assert!(changes[2].commits.is_empty() && changes[2].uncommitted);
}

#[test]
fn a_change_made_in_two_steps_names_both_commits_and_an_undone_change_none() {
    let v0 = account(BASE);
    let v1 = edited(&[
        ("due: 2026-03-31", "due: 2026-04-15"),
        ("weight: 3", "weight: 4"),
    ]);
    let v2 = edited(&[("due: 2026-03-31", "due: 2026-04-30")]);
    let (c0, c1, c2) = (commit("a", "A"), commit("b", "B"), commit("c", "C"));
    let changes = attribute(&[
        Version {
            commit: Some(&c0),
            account: &v0,
        },
        Version {
            commit: Some(&c1),
            account: &v1,
        },
        Version {
            commit: Some(&c2),
            account: &v2,
        },
    ]);
    let c = only(&changes);
    assert_eq!(c.kind.as_str(), "milestone-slipped");
    assert_eq!(c.commits, vec![c1, c2]);
}

#[test]
fn a_removed_item_names_the_commit_that_removed_it() {
    let v0 = account(BASE);
    let v1 = edited(&[("weight: 3", "weight: 4")]);
    let v2 = edited(&[(
        "criteria:\n  - { id: reliability, name: Reliability, weight: 3 }\n",
        "criteria: []\n",
    )]);
    let (c0, c1, c2) = (commit("a", "A"), commit("b", "B"), commit("c", "C"));
    let changes = attribute(&[
        Version {
            commit: Some(&c0),
            account: &v0,
        },
        Version {
            commit: Some(&c1),
            account: &v1,
        },
        Version {
            commit: Some(&c2),
            account: &v2,
        },
    ]);
    let c = only(&changes);
    assert_eq!(c.kind.as_str(), "criterion-removed");
    assert_eq!(c.commits, vec![c2]);
}

#[test]
fn change_kinds_serialize_as_their_code() {
    for kind in ChangeKind::ALL {
        let json = serde_json::to_value(kind).unwrap_or_default();
        assert_eq!(json.as_str(), Some(kind.as_str()));
        let english = crate::i18n::Messages::built_in().words(crate::model::Language::En);
        let label = english.get(kind.label_key());
        assert!(!label.is_empty() && label != kind.label_key(), "{kind:?}");
    }
}
