//! What changed in the account notes between reviews, read from git: for each review
//! pack, the semantic diff of the account between the notes as they stood at the previous
//! review and as they stood at this one (the working tree for the current quarter), with
//! the commits and authors that made each change.
//!
//! `git` (reading revisions), `diff` (the semantic diff of two accounts), `matching`
//! (pairing items without ids), `trace` (attributing changes to commits), `plan` (which
//! revisions each review compares) and `range` (two revisions named by a user, for
//! `rapport diff`). Outside git, or with `--no-history`, there is
//! no history and pages have no such section.

pub mod diff;
pub mod git;
mod matching;
mod outcomes;
mod plan;
mod range;
mod statement;
mod trace;

pub use diff::{Change, ChangeKind, CommitRef, Section};

pub use plan::collect;
pub use range::{compare_revisions, RangeError};

use crate::model::{Account, Quarter};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One end of a comparison: a commit, or the working tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// `None`: the working tree (what is on disk now).
    pub commit: Option<CommitRef>,
}

impl Point {
    /// `1a2b3c4 (2026-04-09, Dana Whitfield)`, or `the working tree`.
    pub fn describe(&self) -> String {
        match &self.commit {
            Some(c) => format!("{} ({}, {})", c.short(), c.date, c.author),
            None => "the working tree".to_string(),
        }
    }
}

/// What changed in one account file between two points.
#[derive(Debug, Clone, Serialize)]
pub struct NotesDiff {
    /// The file, relative to the workspace: `accounts/northwind-supply.yaml`.
    pub file: String,
    pub from: Point,
    pub to: Point,
    /// The file did not exist at `from`: every item in it is new.
    pub created: bool,
    /// The file does not exist at `to`: every item in it was removed.
    pub removed: bool,
    /// In section order, then in the order of the file.
    pub changes: Vec<Change>,
    /// Every commit in the range that touched the file, oldest first.
    pub commits: Vec<CommitRef>,
    /// Versions that could not be read (they are skipped, not fatal).
    pub problems: Vec<String>,
}

/// One version of an account file read from git.
#[derive(Debug)]
pub enum Snapshot {
    /// The file did not exist.
    Absent,
    Parsed(Box<Account>),
    /// The file did not parse: why.
    Unreadable(String),
}

/// A version of a file at a commit.
#[derive(Debug, Clone)]
pub struct Revision {
    pub commit: CommitRef,
    pub snapshot: Arc<Snapshot>,
}

/// Which revisions one review pack compares.
#[derive(Debug)]
struct ReviewPlan {
    file: String,
    /// The last commit on or before the previous review's date.
    base: Revision,
    /// Commits in the range that touched the file, oldest first.
    steps: Vec<Revision>,
    /// The last commit on or before this review's date; `None`: the working tree (the
    /// current quarter).
    to: Option<Revision>,
}

/// The newer end of a comparison.
pub enum End<'a> {
    /// The account as it is on disk now.
    WorkingTree(&'a Account),
    Commit(Revision),
}

/// The history of every account, per review. Views ask it, per account and quarter, for
/// the changes since the previous review.
#[derive(Debug, Default)]
pub struct History {
    reviews: BTreeMap<(String, Quarter), ReviewPlan>,
    /// The earlier versions of each account's statement, by account id.
    statements: BTreeMap<String, Vec<StatementVersion>>,
    /// By account id, then commitment index: the date of the commit that gave a kept,
    /// broken or withdrawn commitment without `closed` its status.
    status_dates: BTreeMap<String, BTreeMap<usize, crate::model::Date>>,
}

/// An earlier version of a joint statement, as its file's history shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StatementVersion {
    pub version: i64,
    /// The date that version was agreed.
    pub date: Option<crate::model::Date>,
    /// What the next version changed: its text, date and signatories (shared fields
    /// only; who committed the change is not kept).
    pub changes: Vec<Change>,
}

impl History {
    /// No history: outside git, or with `--no-history`.
    pub fn none() -> History {
        History::default()
    }

    /// The commit dates that gave the undated outcomes of `account` their status, by
    /// commitment index.
    pub fn status_dates(&self, account: &str) -> Option<&BTreeMap<usize, crate::model::Date>> {
        self.status_dates.get(account)
    }

    /// The earlier versions of the statement of `account`, oldest first.
    pub fn statement_versions(&self, account: &str) -> &[StatementVersion] {
        self.statements.get(account).map_or(&[], Vec::as_slice)
    }

    /// What changed in the notes of `account` between its previous review and its review
    /// of `quarter`; `current` is the account as loaded now, the working-tree end of the
    /// current quarter's comparison. `None` when there is nothing to compare with.
    pub fn review(&self, account: &str, quarter: Quarter, current: &Account) -> Option<NotesDiff> {
        let plan = self.reviews.get(&(account.to_string(), quarter))?;
        let end = match &plan.to {
            Some(to) => End::Commit(to.clone()),
            None => End::WorkingTree(current),
        };
        Some(notes_diff(&plan.file, &plan.base, &plan.steps, end))
    }
}

/// The semantic diff from `base` through `steps` to `end`. Unreadable versions are
/// reported and skipped; an unreadable base leaves nothing to compare with.
pub fn notes_diff(file: &str, base: &Revision, steps: &[Revision], end: End<'_>) -> NotesDiff {
    let empty = diff::empty_account();
    let mut problems = Vec::new();
    let mut readable = |r: &Revision| match r.snapshot.as_ref() {
        Snapshot::Unreadable(why) => {
            problems.push(format!(
                "{file} could not be read at commit {} ({}, {}): {why}",
                r.commit.short(),
                r.commit.date,
                r.commit.author
            ));
            false
        }
        _ => true,
    };
    let base_readable = readable(base);
    // A working tree without the file is known to the caller only (`compare_revisions`).
    let removed =
        matches!(&end, End::Commit(to) if matches!(to.snapshot.as_ref(), Snapshot::Absent));
    // The end commit is read like a step unless it is the last step already (the usual
    // case: the last commit that touched the file).
    let end_step = match &end {
        End::Commit(to) if steps.last().map(|s| &s.commit.id) != Some(&to.commit.id) => Some(to),
        _ => None,
    };
    let mut versions = vec![trace::Version {
        commit: Some(&base.commit),
        account: account_of(&base.snapshot, &empty),
    }];
    for step in steps.iter().chain(end_step) {
        if readable(step) {
            versions.push(trace::Version {
                commit: Some(&step.commit),
                account: account_of(&step.snapshot, &empty),
            });
        }
    }
    if let End::WorkingTree(current) = end {
        versions.push(trace::Version {
            commit: None,
            account: current,
        });
    }
    NotesDiff {
        file: file.to_string(),
        from: Point {
            commit: Some(base.commit.clone()),
        },
        to: Point {
            commit: match &end {
                End::Commit(to) => Some(to.commit.clone()),
                End::WorkingTree(_) => None,
            },
        },
        created: matches!(base.snapshot.as_ref(), Snapshot::Absent),
        removed,
        changes: if base_readable {
            trace::attribute(&versions)
        } else {
            Vec::new()
        },
        commits: steps.iter().map(|s| s.commit.clone()).collect(),
        problems,
    }
}

fn account_of<'a>(snapshot: &'a Snapshot, empty: &'a Account) -> &'a Account {
    match snapshot {
        Snapshot::Parsed(account) => account,
        Snapshot::Absent | Snapshot::Unreadable(_) => empty,
    }
}

/// Reads one version of an account file: decoded and parsed exactly as `load` would.
pub fn snapshot(blob: &git::Blob) -> Snapshot {
    match blob {
        git::Blob::Missing => Snapshot::Absent,
        git::Blob::TooLarge(size) => Snapshot::Unreadable(format!(
            "the file is {:.1} MiB, over the 4 MiB limit for one file",
            *size as f64 / (1 << 20) as f64
        )),
        git::Blob::Bytes { bytes, .. } => {
            match crate::yaml::decode(bytes).and_then(crate::yaml::parse::<Account>) {
                Ok(account) => Snapshot::Parsed(Box::new(account)),
                Err(e) => Snapshot::Unreadable(match e.position {
                    Some(p) => format!("line {}: {}", p.line, e.message),
                    None => e.message,
                }),
            }
        }
    }
}
