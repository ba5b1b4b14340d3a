//! The semantic diff of two versions of one account: changes in the model (a person
//! added, a sponsor lost, a commitment reworded, a milestone slipped), not in lines.
//!
//! Items with ids (people, goals, disputes, criteria) pair by id; lists without ids
//! (commitments, milestones, committees, events) pair through `matching`, so an edited
//! item is reported as edited. Every change records where its item sits in both versions,
//! which is what `trace` follows from commit to commit to name who made it.

use crate::i18n::{keys, Phrase, Words};
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
    /// The message key of the section's heading on pages and in the terminal.
    pub fn title_key(self) -> &'static str {
        match self {
            Section::Relationship => keys::SECTION_RELATIONSHIP,
            Section::People => keys::SECTION_PEOPLE,
            Section::Commitments => keys::SECTION_COMMITMENTS,
            Section::Goals => keys::SECTION_GOALS,
            Section::Disputes => keys::SECTION_DISPUTES,
            Section::Governance => keys::SECTION_GOVERNANCE,
            Section::Criteria => keys::SECTION_CRITERIA,
            Section::Events => keys::SECTION_EVENTS,
            Section::Statement => keys::SECTION_STATEMENT,
        }
    }

    /// The section's heading in the language of `words`.
    pub fn title(self, words: Words) -> String {
        words.get(self.title_key())
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

/// `changes`, which come in section order, in runs of one section, each change made into
/// a view by `view`: the internal notes and the shared folder's changes are grouped alike.
pub fn by_section<'a, V>(
    changes: impl IntoIterator<Item = &'a Change>,
    mut view: impl FnMut(&Change) -> V,
) -> Vec<(Section, Vec<V>)> {
    let mut sections: Vec<(Section, Vec<V>)> = Vec::new();
    for change in changes {
        let made = view(change);
        match sections.last_mut() {
            Some((section, views)) if *section == change.section => views.push(made),
            _ => sections.push((change.section, vec![made])),
        }
    }
    sections
}

/// One change in the model between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Stable, machine-readable: `person-added`, `milestone-slipped`, ...
    pub kind: ChangeKind,
    pub section: Section,
    /// The item changed: a person, a commitment's wording, `goal › milestone`, ...
    pub subject: Phrase,
    /// What the item was and became, said in the reader's language (names, dates and
    /// wording from the file as they are; words of the format translated).
    pub from: Option<Phrase>,
    pub to: Option<Phrase>,
    /// How far a date moved, a step up or down the ladder, ...
    pub detail: Option<Phrase>,
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
    /// How the change reads in a list, in the language of `words`: `milestone slipped`.
    pub fn label(&self, words: Words) -> String {
        words.get(self.kind.label_key())
    }

    /// `from` and `to` as a reader sees them: an item added or removed has one side; a
    /// field that was or became empty reads `none`.
    pub fn shown(&self) -> (Option<Phrase>, Option<Phrase>) {
        let first_time = matches!(
            self.kind,
            ChangeKind::MilestoneDone | ChangeKind::DisputeResolved
        );
        if self.aspect == "presence" || (first_time && self.from.is_none()) {
            return (self.from.clone(), self.to.clone());
        }
        let none = || Some(Phrase::new(keys::VALUE_NONE));
        (
            self.from.clone().or_else(none),
            self.to.clone().or_else(none),
        )
    }
}

/// Every kind of change rapport reports: its stable code (in `rapport diff --format json`
/// and on pages as a CSS class), the message key of how it reads in a list, and the aspect
/// of the item it changes (`presence` for an item added or removed).
macro_rules! change_kinds {
    ($($variant:ident = ($code:literal, $label:expr, $aspect:literal)),+ $(,)?) => {
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

            /// The message key of how the change reads in a list (`milestone slipped`).
            pub fn label_key(self) -> &'static str {
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
    OwnerChanged = ("owner-changed", keys::CHANGE_OWNER_CHANGED, "owner"),
    StageMoved = ("stage-moved", keys::CHANGE_STAGE_MOVED, "stage"),
    TurnaroundStarted = ("turnaround-started", keys::CHANGE_TURNAROUND_STARTED, "presence"),
    TurnaroundRemoved = ("turnaround-removed", keys::CHANGE_TURNAROUND_REMOVED, "presence"),
    TurnaroundStepMoved = ("turnaround-step-moved", keys::CHANGE_TURNAROUND_STEP_MOVED, "step"),
    TurnaroundCycle = ("turnaround-cycle", keys::CHANGE_TURNAROUND_CYCLE, "cycle"),
    PersonAdded = ("person-added", keys::CHANGE_PERSON_ADDED, "presence"),
    PersonRemoved = ("person-removed", keys::CHANGE_PERSON_REMOVED, "presence"),
    PersonRenamed = ("person-renamed", keys::CHANGE_PERSON_RENAMED, "name"),
    PersonRole = ("person-role", keys::CHANGE_PERSON_ROLE, "role"),
    PersonSide = ("person-side", keys::CHANGE_PERSON_SIDE, "side"),
    PersonLevel = ("person-level", keys::CHANGE_PERSON_LEVEL, "level"),
    PersonSponsor = ("person-sponsor", keys::CHANGE_PERSON_SPONSOR, "sponsor"),
    PersonDecisionMaker = ("person-decision-maker", keys::CHANGE_PERSON_DECISION_MAKER, "decision_maker"),
    PersonCovers = ("person-covers", keys::CHANGE_PERSON_COVERS, "covers"),
    CommitmentAdded = ("commitment-added", keys::CHANGE_COMMITMENT_ADDED, "presence"),
    CommitmentRemoved = ("commitment-removed", keys::CHANGE_COMMITMENT_REMOVED, "presence"),
    CommitmentReworded = ("commitment-reworded", keys::CHANGE_COMMITMENT_REWORDED, "what"),
    CommitmentBy = ("commitment-by", keys::CHANGE_COMMITMENT_BY, "by"),
    CommitmentMade = ("commitment-made", keys::CHANGE_COMMITMENT_MADE, "made"),
    CommitmentStatus = ("commitment-status", keys::CHANGE_COMMITMENT_STATUS, "status"),
    CommitmentDue = ("commitment-due", keys::CHANGE_COMMITMENT_DUE, "due"),
    CommitmentClosed = ("commitment-closed", keys::CHANGE_COMMITMENT_CLOSED, "closed"),
    CommitmentVisibility = ("commitment-visibility", keys::CHANGE_COMMITMENT_VISIBILITY, "visibility"),
    GoalAdded = ("goal-added", keys::CHANGE_GOAL_ADDED, "presence"),
    GoalRemoved = ("goal-removed", keys::CHANGE_GOAL_REMOVED, "presence"),
    GoalRenamed = ("goal-renamed", keys::CHANGE_GOAL_RENAMED, "title"),
    GoalVisibility = ("goal-visibility", keys::CHANGE_GOAL_VISIBILITY, "visibility"),
    MilestoneAdded = ("milestone-added", keys::CHANGE_MILESTONE_ADDED, "presence"),
    MilestoneRemoved = ("milestone-removed", keys::CHANGE_MILESTONE_REMOVED, "presence"),
    MilestoneRenamed = ("milestone-renamed", keys::CHANGE_MILESTONE_RENAMED, "title"),
    MilestoneSlipped = ("milestone-slipped", keys::CHANGE_MILESTONE_SLIPPED, "due"),
    MilestoneMovedEarlier = ("milestone-moved-earlier", keys::CHANGE_MILESTONE_MOVED_EARLIER, "due"),
    MilestoneDone = ("milestone-done", keys::CHANGE_MILESTONE_DONE, "done"),
    MilestoneReopened = ("milestone-reopened", keys::CHANGE_MILESTONE_REOPENED, "done"),
    DisputeOpened = ("dispute-opened", keys::CHANGE_DISPUTE_OPENED, "presence"),
    DisputeRemoved = ("dispute-removed", keys::CHANGE_DISPUTE_REMOVED, "presence"),
    DisputeResolved = ("dispute-resolved", keys::CHANGE_DISPUTE_RESOLVED, "resolved"),
    DisputeReopened = ("dispute-reopened", keys::CHANGE_DISPUTE_REOPENED, "resolved"),
    DisputeAmount = ("dispute-amount", keys::CHANGE_DISPUTE_AMOUNT, "amount"),
    DisputeEscalated = ("dispute-escalated", keys::CHANGE_DISPUTE_ESCALATED, "escalated_to"),
    DisputeVisibility = ("dispute-visibility", keys::CHANGE_DISPUTE_VISIBILITY, "visibility"),
    CommitteeAdded = ("committee-added", keys::CHANGE_COMMITTEE_ADDED, "presence"),
    CommitteeRemoved = ("committee-removed", keys::CHANGE_COMMITTEE_REMOVED, "presence"),
    CommitteeRenamed = ("committee-renamed", keys::CHANGE_COMMITTEE_RENAMED, "name"),
    CommitteeCadence = ("committee-cadence", keys::CHANGE_COMMITTEE_CADENCE, "cadence"),
    CommitteeMembers = ("committee-members", keys::CHANGE_COMMITTEE_MEMBERS, "members"),
    CommitteeVisibility = ("committee-visibility", keys::CHANGE_COMMITTEE_VISIBILITY, "visibility"),
    CriterionAdded = ("criterion-added", keys::CHANGE_CRITERION_ADDED, "presence"),
    CriterionRemoved = ("criterion-removed", keys::CHANGE_CRITERION_REMOVED, "presence"),
    CriterionRenamed = ("criterion-renamed", keys::CHANGE_CRITERION_RENAMED, "name"),
    CriterionWeight = ("criterion-weight", keys::CHANGE_CRITERION_WEIGHT, "weight"),
    EventAdded = ("event-added", keys::CHANGE_EVENT_ADDED, "presence"),
    EventRemoved = ("event-removed", keys::CHANGE_EVENT_REMOVED, "presence"),
    EventEdited = ("event-edited", keys::CHANGE_EVENT_EDITED, "title"),
    EventMoved = ("event-moved", keys::CHANGE_EVENT_MOVED, "date"),
    EventVisibility = ("event-visibility", keys::CHANGE_EVENT_VISIBILITY, "visibility"),
    StatementAdded = ("statement-added", keys::CHANGE_STATEMENT_ADDED, "presence"),
    StatementRemoved = ("statement-removed", keys::CHANGE_STATEMENT_REMOVED, "presence"),
    StatementVersion = ("statement-version", keys::CHANGE_STATEMENT_VERSION, "version"),
    StatementDate = ("statement-date", keys::CHANGE_STATEMENT_DATE, "date"),
    StatementTitle = ("statement-title", keys::CHANGE_STATEMENT_TITLE, "title"),
    StatementVision = ("statement-vision", keys::CHANGE_STATEMENT_VISION, "vision"),
    StatementBehaviours = ("statement-behaviours", keys::CHANGE_STATEMENT_BEHAVIOURS, "behaviours"),
    StatementSignatories = ("statement-signatories", keys::CHANGE_STATEMENT_SIGNATORIES, "signatories"),
    StatementSigned = ("statement-signed", keys::CHANGE_STATEMENT_SIGNED, "signed"),
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
