//! Who made each change: the net changes between the first and last version of a file,
//! each followed through the versions in between to the commits that shaped it.
//!
//! Following an item from version to version uses the same pairing as the diff, so a
//! commitment reworded in one commit and marked kept in the next names the first commit
//! for the rewording and the second for the status. A change made and undone inside the
//! range is not a change.

use super::diff::{compare, Change, CommitRef, Comparison, Section};
use crate::model::Account;

/// One version of an account file in a range.
pub struct Version<'a> {
    /// The commit that wrote it; `None` for the working tree.
    pub commit: Option<&'a CommitRef>,
    pub account: &'a Account,
}

/// The changes from `versions[0]` to the last version, each with the commits (or the
/// working tree) that made it.
pub fn attribute(versions: &[Version<'_>]) -> Vec<Change> {
    let (Some(first), Some(last)) = (versions.first(), versions.last()) else {
        return Vec::new();
    };
    let steps: Vec<Comparison> = versions
        .windows(2)
        .map(|w| compare(w[0].account, w[1].account))
        .collect();
    let mut changes = compare(first.account, last.account).changes;
    for change in &mut changes {
        let mut made_in = made_in(change, &steps);
        made_in.sort_unstable();
        made_in.dedup();
        for step in made_in {
            match versions.get(step + 1).and_then(|v| v.commit) {
                Some(commit) => change.commits.push(commit.clone()),
                None => change.uncommitted = true,
            }
        }
    }
    changes
}

/// The steps (step k leads to version k + 1) that touched the changed item in the way
/// the change is about.
fn made_in(change: &Change, steps: &[Comparison]) -> Vec<usize> {
    let mut found = Vec::new();
    let section = change.section;
    let touches = |step: &Comparison, side: &dyn Fn(&Change) -> bool| {
        step.changes
            .iter()
            .any(|c| c.section == section && side(c) && relevant(change, c))
    };
    if let Some(mut at) = change.new {
        // Back from the newest version while the item existed.
        for (k, step) in steps.iter().enumerate().rev() {
            if touches(step, &|c| c.new == Some(at)) {
                found.push(k);
            }
            match step.old_slot(section, at) {
                Some(old) => at = old,
                None => break,
            }
        }
    } else if let Some(mut at) = change.old {
        // Forward from the oldest version until the item went.
        for (k, step) in steps.iter().enumerate() {
            if touches(step, &|c| c.old == Some(at)) {
                found.push(k);
            }
            match step.new_slot(section, at) {
                Some(new) => at = new,
                None => break,
            }
        }
    }
    found
}

/// Whether a change in one step is part of the net `change`: the same aspect, or the item
/// appearing or going; for an item added in the range, anything that shaped it.
fn relevant(change: &Change, step: &Change) -> bool {
    if change.section == Section::Relationship {
        let turnaround = |c: &Change| c.kind.as_str().starts_with("turnaround");
        return change.aspect == step.aspect
            || (turnaround(change)
                && turnaround(step)
                && (change.aspect == "presence" || step.aspect == "presence"));
    }
    match (change.aspect, change.old) {
        ("presence", None) => true,
        ("presence", Some(_)) => step.aspect == "presence",
        (aspect, _) => step.aspect == aspect || step.aspect == "presence",
    }
}
