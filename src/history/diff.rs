//! The semantic diff of two versions of one account: changes in the model (a person
//! added, a sponsor lost, a commitment reworded, a milestone slipped), not in lines.
//!
//! Items with ids (people, goals, disputes, criteria) pair by id; lists without ids
//! (commitments, milestones, committees, events) pair through `matching`, so an edited
//! item is reported as edited. Every change records where its item sits in both versions,
//! which is what `trace` follows from commit to commit to name who made it.

use crate::model::{Account, AccountKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// The part of an account a change is about; also the order of sections on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Relationship,
    People,
    Commitments,
    Goals,
    Disputes,
    Governance,
    Criteria,
    Events,
}

impl Section {
    /// The heading of the section on pages and in the terminal.
    pub fn title(self) -> &'static str {
        match self {
            Section::Relationship => "Relationship",
            Section::People => "People",
            Section::Commitments => "Commitments",
            Section::Goals => "Goals and milestones",
            Section::Disputes => "Disputes",
            Section::Governance => "Governance",
            Section::Criteria => "Success criteria",
            Section::Events => "Events",
        }
    }

    /// Whether the items of this section can carry `visibility: shared`. People, stage,
    /// turnaround and criteria are never shown to the other company.
    fn shareable(self) -> bool {
        matches!(
            self,
            Section::Commitments
                | Section::Goals
                | Section::Disputes
                | Section::Governance
                | Section::Events
        )
    }
}

/// Where an item sits in one version: its index in its list and, for a milestone, its
/// index in the goal. Scalars (stage, owner, turnaround) sit at item 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    pub item: usize,
    pub sub: Option<usize>,
}

const SCALAR: Slot = Slot { item: 0, sub: None };

/// One commit that made (part of) a change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CommitRef {
    pub id: String,
    pub author: String,
    /// The commit date, `YYYY-MM-DD`.
    pub date: String,
}

impl CommitRef {
    /// The abbreviated id people read.
    pub fn short(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }
}

/// One change in the model between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Stable, machine-readable: `person-added`, `milestone-slipped`, ...
    pub kind: &'static str,
    pub section: Section,
    /// The item changed: a person, a commitment's wording, `goal › milestone`, ...
    pub subject: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// How far a date moved, a step up or down the ladder, ...
    pub detail: Option<String>,
    /// May be shown to the other company: a shared item (shared in every version it
    /// exists in) and not a change of visibility.
    pub shared: bool,
    /// The commits that made the change, oldest first.
    pub commits: Vec<CommitRef>,
    /// Part of the change is in the working tree only, not committed yet.
    pub uncommitted: bool,
    /// What of the item changed (`presence` for added or removed).
    #[serde(skip)]
    pub aspect: &'static str,
    #[serde(skip)]
    pub old: Option<Slot>,
    #[serde(skip)]
    pub new: Option<Slot>,
}

impl Change {
    /// How the change reads in a list: `milestone slipped`.
    pub fn label(&self) -> &'static str {
        kind_info(self.kind).1
    }

    /// `from` and `to` as a reader sees them: an item added or removed has one side; a
    /// field that was or became empty reads `none`.
    pub fn shown(&self) -> (Option<String>, Option<String>) {
        let first_time = matches!(self.kind, "milestone-done" | "dispute-resolved");
        if self.aspect == "presence" || (first_time && self.from.is_none()) {
            return (self.from.clone(), self.to.clone());
        }
        let none = || Some("none".to_string());
        (
            self.from.clone().or_else(none),
            self.to.clone().or_else(none),
        )
    }
}

/// (kind, label, aspect) of every change rapport reports.
const KINDS: &[(&str, &str, &str)] = &[
    ("owner-changed", "owner changed", "owner"),
    ("stage-moved", "stage moved", "stage"),
    ("turnaround-started", "turnaround started", "presence"),
    ("turnaround-removed", "turnaround removed", "presence"),
    ("turnaround-step-moved", "turnaround step moved", "step"),
    ("turnaround-cycle", "turnaround cycle changed", "cycle"),
    ("person-added", "person added", "presence"),
    ("person-removed", "person removed", "presence"),
    ("person-renamed", "person renamed", "name"),
    ("person-role", "role changed", "role"),
    ("person-side", "side changed", "side"),
    ("person-level", "level changed", "level"),
    ("person-sponsor", "sponsor changed", "sponsor"),
    (
        "person-decision-maker",
        "decision maker changed",
        "decision_maker",
    ),
    ("person-covers", "coverage changed", "covers"),
    ("commitment-added", "commitment added", "presence"),
    ("commitment-removed", "commitment removed", "presence"),
    ("commitment-reworded", "commitment reworded", "what"),
    ("commitment-by", "commitment party changed", "by"),
    ("commitment-made", "commitment date changed", "made"),
    ("commitment-status", "commitment status changed", "status"),
    ("commitment-due", "commitment due date moved", "due"),
    (
        "commitment-visibility",
        "commitment visibility changed",
        "visibility",
    ),
    ("goal-added", "goal added", "presence"),
    ("goal-removed", "goal removed", "presence"),
    ("goal-renamed", "goal renamed", "title"),
    ("goal-visibility", "goal visibility changed", "visibility"),
    ("milestone-added", "milestone added", "presence"),
    ("milestone-removed", "milestone removed", "presence"),
    ("milestone-renamed", "milestone renamed", "title"),
    ("milestone-slipped", "milestone slipped", "due"),
    (
        "milestone-moved-earlier",
        "milestone brought forward",
        "due",
    ),
    ("milestone-done", "milestone done", "done"),
    ("milestone-reopened", "milestone reopened", "done"),
    ("dispute-opened", "dispute opened", "presence"),
    ("dispute-removed", "dispute removed", "presence"),
    ("dispute-resolved", "dispute resolved", "resolved"),
    ("dispute-reopened", "dispute reopened", "resolved"),
    ("dispute-amount", "dispute amount changed", "amount"),
    (
        "dispute-escalated",
        "dispute escalation changed",
        "escalated_to",
    ),
    (
        "dispute-visibility",
        "dispute visibility changed",
        "visibility",
    ),
    ("committee-added", "committee added", "presence"),
    ("committee-removed", "committee removed", "presence"),
    ("committee-renamed", "committee renamed", "name"),
    ("committee-cadence", "committee cadence changed", "cadence"),
    ("committee-members", "committee members changed", "members"),
    (
        "committee-visibility",
        "committee visibility changed",
        "visibility",
    ),
    ("criterion-added", "criterion added", "presence"),
    ("criterion-removed", "criterion removed", "presence"),
    ("criterion-renamed", "criterion renamed", "name"),
    ("criterion-weight", "criterion weight changed", "weight"),
    ("event-added", "event added", "presence"),
    ("event-removed", "event removed", "presence"),
    ("event-edited", "event retitled", "title"),
    ("event-moved", "event date changed", "date"),
    ("event-visibility", "event visibility changed", "visibility"),
];

fn kind_info(kind: &str) -> (&'static str, &'static str, &'static str) {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .copied()
        .unwrap_or(("", "changed", "presence"))
}

/// Every change between two versions, and how their items line up.
#[derive(Debug, Default)]
pub struct Comparison {
    pub changes: Vec<Change>,
    forward: BTreeMap<(Section, Slot), Slot>,
    backward: BTreeMap<(Section, Slot), Slot>,
}

impl Comparison {
    /// Where an item of the old version sits in the new one.
    pub fn new_slot(&self, section: Section, old: Slot) -> Option<Slot> {
        self.forward.get(&(section, old)).copied()
    }

    /// Where an item of the new version sat in the old one.
    pub fn old_slot(&self, section: Section, new: Slot) -> Option<Slot> {
        self.backward.get(&(section, new)).copied()
    }
}

/// An account with nothing in it: the version of a file that did not exist yet.
pub fn empty_account() -> Account {
    Account {
        name: String::new(),
        kind: AccountKind::Customer,
        owner: None,
        since: None,
        stage: None,
        turnaround: None,
        value: None,
        people: Vec::new(),
        events: Vec::new(),
        disputes: Vec::new(),
        goals: Vec::new(),
        commitments: Vec::new(),
        governance: Vec::new(),
        criteria: Vec::new(),
        reviews: Vec::new(),
        statement: None,
    }
}

/// Compares two versions of one account.
pub fn compare(old: &Account, new: &Account) -> Comparison {
    let mut b = builder::Builder {
        old,
        new,
        out: Comparison::default(),
    };
    b.relationship();
    b.people();
    b.commitments();
    b.goals();
    b.disputes();
    b.governance();
    b.criteria();
    b.events();
    b.out
}

mod agreements;
mod builder;
mod records;
mod relationship;
mod text;

#[cfg(test)]
mod tests;
