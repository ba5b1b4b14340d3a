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
    Statement,
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
            Section::Statement => "Joint statement",
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
                | Section::Statement
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
    pub kind: ChangeKind,
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
        self.kind.label()
    }

    /// `from` and `to` as a reader sees them: an item added or removed has one side; a
    /// field that was or became empty reads `none`.
    pub fn shown(&self) -> (Option<String>, Option<String>) {
        let first_time = matches!(
            self.kind,
            ChangeKind::MilestoneDone | ChangeKind::DisputeResolved
        );
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

/// Every kind of change rapport reports: its stable code (in `rapport diff --format json`
/// and on pages as a CSS class), how it reads in a list, and the aspect of the item it
/// changes (`presence` for an item added or removed).
macro_rules! change_kinds {
    ($($variant:ident = ($code:literal, $label:literal, $aspect:literal)),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum ChangeKind {
            $(#[serde(rename = $code)] $variant),+
        }

        impl ChangeKind {
            /// Every kind, in the order of the sections.
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$variant),+];

            /// The stable code, e.g. `milestone-slipped`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ChangeKind::$variant => $code),+
                }
            }

            /// How the change reads in a list: `milestone slipped`.
            pub fn label(self) -> &'static str {
                match self {
                    $(ChangeKind::$variant => $label),+
                }
            }

            /// The field of the item the change is about, or `presence`.
            pub fn aspect(self) -> &'static str {
                match self {
                    $(ChangeKind::$variant => $aspect),+
                }
            }
        }
    };
}

change_kinds! {
    OwnerChanged = ("owner-changed", "owner changed", "owner"),
    StageMoved = ("stage-moved", "stage moved", "stage"),
    TurnaroundStarted = ("turnaround-started", "turnaround started", "presence"),
    TurnaroundRemoved = ("turnaround-removed", "turnaround removed", "presence"),
    TurnaroundStepMoved = ("turnaround-step-moved", "turnaround step moved", "step"),
    TurnaroundCycle = ("turnaround-cycle", "turnaround cycle changed", "cycle"),
    PersonAdded = ("person-added", "person added", "presence"),
    PersonRemoved = ("person-removed", "person removed", "presence"),
    PersonRenamed = ("person-renamed", "person renamed", "name"),
    PersonRole = ("person-role", "role changed", "role"),
    PersonSide = ("person-side", "side changed", "side"),
    PersonLevel = ("person-level", "level changed", "level"),
    PersonSponsor = ("person-sponsor", "sponsor changed", "sponsor"),
    PersonDecisionMaker = ("person-decision-maker", "decision maker changed", "decision_maker"),
    PersonCovers = ("person-covers", "coverage changed", "covers"),
    CommitmentAdded = ("commitment-added", "commitment added", "presence"),
    CommitmentRemoved = ("commitment-removed", "commitment removed", "presence"),
    CommitmentReworded = ("commitment-reworded", "commitment reworded", "what"),
    CommitmentBy = ("commitment-by", "commitment party changed", "by"),
    CommitmentMade = ("commitment-made", "commitment date changed", "made"),
    CommitmentStatus = ("commitment-status", "commitment status changed", "status"),
    CommitmentDue = ("commitment-due", "commitment due date moved", "due"),
    CommitmentClosed = ("commitment-closed", "commitment closing date changed", "closed"),
    CommitmentVisibility = ("commitment-visibility", "commitment visibility changed", "visibility"),
    GoalAdded = ("goal-added", "goal added", "presence"),
    GoalRemoved = ("goal-removed", "goal removed", "presence"),
    GoalRenamed = ("goal-renamed", "goal renamed", "title"),
    GoalVisibility = ("goal-visibility", "goal visibility changed", "visibility"),
    MilestoneAdded = ("milestone-added", "milestone added", "presence"),
    MilestoneRemoved = ("milestone-removed", "milestone removed", "presence"),
    MilestoneRenamed = ("milestone-renamed", "milestone renamed", "title"),
    MilestoneSlipped = ("milestone-slipped", "milestone slipped", "due"),
    MilestoneMovedEarlier = ("milestone-moved-earlier", "milestone brought forward", "due"),
    MilestoneDone = ("milestone-done", "milestone done", "done"),
    MilestoneReopened = ("milestone-reopened", "milestone reopened", "done"),
    DisputeOpened = ("dispute-opened", "dispute opened", "presence"),
    DisputeRemoved = ("dispute-removed", "dispute removed", "presence"),
    DisputeResolved = ("dispute-resolved", "dispute resolved", "resolved"),
    DisputeReopened = ("dispute-reopened", "dispute reopened", "resolved"),
    DisputeAmount = ("dispute-amount", "dispute amount changed", "amount"),
    DisputeEscalated = ("dispute-escalated", "dispute escalation changed", "escalated_to"),
    DisputeVisibility = ("dispute-visibility", "dispute visibility changed", "visibility"),
    CommitteeAdded = ("committee-added", "committee added", "presence"),
    CommitteeRemoved = ("committee-removed", "committee removed", "presence"),
    CommitteeRenamed = ("committee-renamed", "committee renamed", "name"),
    CommitteeCadence = ("committee-cadence", "committee cadence changed", "cadence"),
    CommitteeMembers = ("committee-members", "committee members changed", "members"),
    CommitteeVisibility = ("committee-visibility", "committee visibility changed", "visibility"),
    CriterionAdded = ("criterion-added", "criterion added", "presence"),
    CriterionRemoved = ("criterion-removed", "criterion removed", "presence"),
    CriterionRenamed = ("criterion-renamed", "criterion renamed", "name"),
    CriterionWeight = ("criterion-weight", "criterion weight changed", "weight"),
    EventAdded = ("event-added", "event added", "presence"),
    EventRemoved = ("event-removed", "event removed", "presence"),
    EventEdited = ("event-edited", "event retitled", "title"),
    EventMoved = ("event-moved", "event date changed", "date"),
    EventVisibility = ("event-visibility", "event visibility changed", "visibility"),
    StatementAdded = ("statement-added", "statement written", "presence"),
    StatementRemoved = ("statement-removed", "statement removed", "presence"),
    StatementVersion = ("statement-version", "statement version changed", "version"),
    StatementDate = ("statement-date", "statement date changed", "date"),
    StatementTitle = ("statement-title", "statement retitled", "title"),
    StatementVision = ("statement-vision", "statement vision reworded", "vision"),
    StatementBehaviours = ("statement-behaviours", "expected behaviours changed", "behaviours"),
    StatementSignatories = ("statement-signatories", "signatories changed", "signatories"),
    StatementSigned = ("statement-signed", "signatures changed", "signed"),
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
        language: None,
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
    b.statement();
    b.out
}

mod agreements;
mod builder;
mod records;
mod relationship;
mod text;

#[cfg(test)]
mod tests;
