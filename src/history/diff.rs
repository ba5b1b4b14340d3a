//! The semantic diff of two versions of one account: changes in the model (a person
//! added, a sponsor lost, a commitment reworded, a milestone slipped), not in lines.
//!
//! Items with ids (people, goals, disputes, criteria) pair by id; lists without ids
//! (commitments, milestones, committees, events) pair through `matching`, so an edited
//! item is reported as edited. Every change records where its item sits in both versions,
//! which is what `trace` follows from commit to commit to name who made it.

use super::matching::{self, Pairs, Rules};
use crate::model::{
    Account, AccountKind, Commitment, Committee, Criterion, Date, Dispute, Event, Goal, Milestone,
    Person, PersonRef, Stage, TurnaroundStep, Visibility,
};
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
        (self.from.clone().or_else(none), self.to.clone().or_else(none))
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
    ("person-decision-maker", "decision maker changed", "decision_maker"),
    ("person-covers", "coverage changed", "covers"),
    ("commitment-added", "commitment added", "presence"),
    ("commitment-removed", "commitment removed", "presence"),
    ("commitment-reworded", "commitment reworded", "what"),
    ("commitment-by", "commitment party changed", "by"),
    ("commitment-made", "commitment date changed", "made"),
    ("commitment-status", "commitment status changed", "status"),
    ("commitment-due", "commitment due date moved", "due"),
    ("commitment-visibility", "commitment visibility changed", "visibility"),
    ("goal-added", "goal added", "presence"),
    ("goal-removed", "goal removed", "presence"),
    ("goal-renamed", "goal renamed", "title"),
    ("goal-visibility", "goal visibility changed", "visibility"),
    ("milestone-added", "milestone added", "presence"),
    ("milestone-removed", "milestone removed", "presence"),
    ("milestone-renamed", "milestone renamed", "title"),
    ("milestone-slipped", "milestone slipped", "due"),
    ("milestone-moved-earlier", "milestone brought forward", "due"),
    ("milestone-done", "milestone done", "done"),
    ("milestone-reopened", "milestone reopened", "done"),
    ("dispute-opened", "dispute opened", "presence"),
    ("dispute-removed", "dispute removed", "presence"),
    ("dispute-resolved", "dispute resolved", "resolved"),
    ("dispute-reopened", "dispute reopened", "resolved"),
    ("dispute-amount", "dispute amount changed", "amount"),
    ("dispute-escalated", "dispute escalation changed", "escalated_to"),
    ("dispute-visibility", "dispute visibility changed", "visibility"),
    ("committee-added", "committee added", "presence"),
    ("committee-removed", "committee removed", "presence"),
    ("committee-renamed", "committee renamed", "name"),
    ("committee-cadence", "committee cadence changed", "cadence"),
    ("committee-members", "committee members changed", "members"),
    ("committee-visibility", "committee visibility changed", "visibility"),
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
    let mut b = Builder {
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

struct Builder<'a> {
    old: &'a Account,
    new: &'a Account,
    out: Comparison,
}

/// What one change says, before it is placed.
struct Draft {
    kind: &'static str,
    subject: String,
    from: Option<String>,
    to: Option<String>,
    detail: Option<String>,
}

fn draft(kind: &'static str, subject: impl Into<String>) -> Draft {
    Draft {
        kind,
        subject: subject.into(),
        from: None,
        to: None,
        detail: None,
    }
}

impl Draft {
    fn values(mut self, from: Option<String>, to: Option<String>) -> Draft {
        self.from = from;
        self.to = to;
        self
    }
    fn detail(mut self, detail: Option<String>) -> Draft {
        self.detail = detail;
        self
    }
}

impl Builder<'_> {
    /// Records a change of the item at `old` / `new`, shared when every version that has
    /// the item shares it.
    fn push(
        &mut self,
        section: Section,
        d: Draft,
        (old, new): (Option<Slot>, Option<Slot>),
        visible: (Option<Visibility>, Option<Visibility>),
    ) {
        let (_, _, aspect) = kind_info(d.kind);
        let shared_everywhere = [visible.0, visible.1]
            .iter()
            .flatten()
            .all(|v| *v == Visibility::Shared)
            && (visible.0.is_some() || visible.1.is_some());
        self.out.changes.push(Change {
            kind: d.kind,
            section,
            subject: d.subject,
            from: d.from,
            to: d.to,
            detail: d.detail,
            // How far a dispute was escalated on our side is not shown to the other
            // company (shared dispute pages leave it out too).
            shared: section.shareable()
                && !matches!(aspect, "visibility" | "escalated_to")
                && shared_everywhere,
            commits: Vec::new(),
            uncommitted: false,
            aspect,
            old,
            new,
        });
    }

    fn link(&mut self, section: Section, old: Slot, new: Slot) {
        self.out.forward.insert((section, old), new);
        self.out.backward.insert((section, new), old);
    }

    fn relationship(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Relationship;
        let at = (Some(SCALAR), Some(SCALAR));
        let internal = (None, None);
        self.link(section, SCALAR, SCALAR);
        let subject = n.name.clone();
        let owner = |a: &Account| a.owner.as_ref().map(|r| person_name(a, r));
        if o.owner.as_ref().map(|r| &r.value) != n.owner.as_ref().map(|r| &r.value) {
            let d = draft("owner-changed", &subject).values(owner(o), owner(n));
            self.push(section, d, at, internal);
        }
        if o.stage != n.stage {
            let d = draft("stage-moved", &subject)
                .values(word(o.stage), word(n.stage))
                .detail(ladder(o.stage, n.stage));
            self.push(section, d, at, internal);
        }
        match (&o.turnaround, &n.turnaround) {
            (None, Some(t)) => {
                let to = format!("{}, cycle {}", t.step, t.cycle.value);
                let d = draft("turnaround-started", &subject).values(None, Some(to));
                self.push(section, d, at, internal);
            }
            (Some(t), None) => {
                let from = format!("{}, cycle {}", t.step, t.cycle.value);
                let d = draft("turnaround-removed", &subject).values(Some(from), None);
                self.push(section, d, at, internal);
            }
            (Some(a), Some(b)) => {
                if a.step != b.step {
                    let d = draft("turnaround-step-moved", &subject)
                        .values(Some(a.step.to_string()), Some(b.step.to_string()))
                        .detail(step_direction(a.step, b.step, b.cycle.value > a.cycle.value));
                    self.push(section, d, at, internal);
                }
                if a.cycle.value != b.cycle.value {
                    let d = draft("turnaround-cycle", &subject)
                        .values(Some(a.cycle.value.to_string()), Some(b.cycle.value.to_string()));
                    self.push(section, d, at, internal);
                }
            }
            (None, None) => {}
        }
    }

    fn people(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::People;
        let pairs = matching::pair_by_id(&o.people, &n.people, |p| p.id.value.as_str());
        let none = (None, None);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let p = &n.people[j];
                let d = draft("person-added", person_label(p)).values(None, Some(person_summary(p)));
                b.push(section, d, (None, Some(slot(j))), none);
            }
            (Some(i), None) => {
                let p = &o.people[i];
                let d = draft("person-removed", person_label(p)).values(Some(person_summary(p)), None);
                b.push(section, d, (Some(slot(i)), None), none);
            }
            (Some(i), Some(j)) => b.person(&o.people[i], &n.people[j], (i, j)),
            (None, None) => {}
        });
    }

    fn person(&mut self, a: &Person, p: &Person, (i, j): (usize, usize)) {
        let section = Section::People;
        let at = (Some(slot(i)), Some(slot(j)));
        let subject = person_label(p);
        let mut fields: Vec<(&'static str, Option<String>, Option<String>)> = vec![
            ("person-renamed", Some(a.name.clone()), Some(p.name.clone())),
            ("person-role", a.role.clone(), p.role.clone()),
            ("person-side", Some(a.side.to_string()), Some(p.side.to_string())),
            ("person-level", word(a.level), word(p.level)),
            ("person-sponsor", Some(yes_no(a.sponsor)), Some(yes_no(p.sponsor))),
            (
                "person-decision-maker",
                Some(yes_no(a.decision_maker)),
                Some(yes_no(p.decision_maker)),
            ),
        ];
        let covers = |account: &Account, person: &Person| {
            let mut ids: Vec<&PersonRef> = person.covers.iter().collect();
            ids.sort_by(|x, y| x.value.cmp(&y.value));
            ids.dedup_by(|x, y| x.value == y.value);
            let names: Vec<String> = ids.iter().map(|r| person_name(account, r)).collect();
            (ids.iter().map(|r| r.value.clone()).collect::<Vec<_>>(), names)
        };
        let (old_ids, old_names) = covers(self.old, a);
        let (new_ids, new_names) = covers(self.new, p);
        if old_ids != new_ids {
            fields.push(("person-covers", list(&old_names), list(&new_names)));
        }
        for (kind, from, to) in fields {
            if from != to {
                let d = draft(kind, &subject).values(from, to);
                self.push(section, d, at, (None, None));
            }
        }
    }

    fn commitments(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Commitments;
        let rules = Rules {
            same: &|a: &Commitment, b: &Commitment| {
                a.by == b.by && a.made == b.made && a.what == b.what
            },
            close: &|a: &Commitment, b: &Commitment| a.by == b.by && a.made == b.made,
            text: &|c: &Commitment| c.what.as_str(),
        };
        let pairs = matching::pair(&o.commitments, &n.commitments, &rules);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let c = &n.commitments[j];
                let d = draft("commitment-added", &c.what).values(None, Some(commitment_summary(c)));
                b.push(section, d, (None, Some(slot(j))), (None, Some(c.visibility)));
            }
            (Some(i), None) => {
                let c = &o.commitments[i];
                let d = draft("commitment-removed", &c.what).values(Some(commitment_summary(c)), None);
                b.push(section, d, (Some(slot(i)), None), (Some(c.visibility), None));
            }
            (Some(i), Some(j)) => b.commitment(&o.commitments[i], &n.commitments[j], (i, j)),
            (None, None) => {}
        });
    }

    fn commitment(&mut self, a: &Commitment, c: &Commitment, (i, j): (usize, usize)) {
        let section = Section::Commitments;
        let at = (Some(slot(i)), Some(slot(j)));
        let visible = (Some(a.visibility), Some(c.visibility));
        if a.what != c.what {
            let subject = format!("by {}, made {}", c.by, date(c.made));
            let d = draft("commitment-reworded", subject)
                .values(Some(a.what.clone()), Some(c.what.clone()));
            self.push(section, d, at, visible);
        }
        let changes = [
            ("commitment-by", Some(a.by.to_string()), Some(c.by.to_string()), None),
            ("commitment-made", Some(date(a.made)), Some(date(c.made)), None),
            ("commitment-status", Some(a.status.to_string()), Some(c.status.to_string()), None),
            ("commitment-due", a.due.map(date), c.due.map(date), moved(a.due, c.due)),
            (
                "commitment-visibility",
                Some(a.visibility.to_string()),
                Some(c.visibility.to_string()),
                None,
            ),
        ];
        for (kind, from, to, detail) in changes {
            if from != to {
                let d = draft(kind, &c.what).values(from, to).detail(detail);
                self.push(section, d, at, visible);
            }
        }
    }

    fn goals(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Goals;
        let pairs = matching::pair_by_id(&o.goals, &n.goals, |g| g.id.value.as_str());
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let g = &n.goals[j];
                let d = draft("goal-added", goal_title(g)).values(None, Some(milestone_count(g)));
                b.push(section, d, (None, Some(slot(j))), (None, Some(g.visibility)));
            }
            (Some(i), None) => {
                let g = &o.goals[i];
                let d = draft("goal-removed", goal_title(g)).values(Some(milestone_count(g)), None);
                b.push(section, d, (Some(slot(i)), None), (Some(g.visibility), None));
            }
            (Some(i), Some(j)) => b.goal(&o.goals[i], &n.goals[j], (i, j)),
            (None, None) => {}
        });
    }

    fn goal(&mut self, a: &Goal, g: &Goal, (i, j): (usize, usize)) {
        let section = Section::Goals;
        let at = (Some(slot(i)), Some(slot(j)));
        let visible = (Some(a.visibility), Some(g.visibility));
        if a.title != g.title {
            let d = draft("goal-renamed", goal_title(g))
                .values(Some(goal_title(a)), Some(goal_title(g)));
            self.push(section, d, at, visible);
        }
        if a.visibility != g.visibility {
            let d = draft("goal-visibility", goal_title(g))
                .values(Some(a.visibility.to_string()), Some(g.visibility.to_string()));
            self.push(section, d, at, visible);
        }
        let rules = Rules {
            same: &|x: &Milestone, y: &Milestone| x.title == y.title,
            close: &|x: &Milestone, y: &Milestone| x.due == y.due,
            text: &|m: &Milestone| m.title.as_str(),
        };
        let pairs = matching::pair(&a.milestones, &g.milestones, &rules);
        let sub = |goal: usize, m: usize| Slot {
            item: goal,
            sub: Some(m),
        };
        for &(x, y) in &pairs.pairs {
            self.link(section, sub(i, x), sub(j, y));
        }
        let name = |goal: &Goal, m: &Milestone| format!("{} › {}", goal_title(goal), m.title);
        for (y, m) in g.milestones.iter().enumerate() {
            match pairs.pairs.iter().find(|p| p.1 == y) {
                None => {
                    let d = draft("milestone-added", name(g, m))
                        .values(None, Some(format!("due {}", date(m.due))));
                    self.push(section, d, (None, Some(sub(j, y))), (None, Some(g.visibility)));
                }
                Some(&(x, _)) => {
                    let old = &a.milestones[x];
                    let at = (Some(sub(i, x)), Some(sub(j, y)));
                    self.milestone(old, m, &name(g, m), at, visible);
                }
            }
        }
        for &x in &pairs.removed {
            let m = &a.milestones[x];
            let d = draft("milestone-removed", name(a, m))
                .values(Some(format!("due {}", date(m.due))), None);
            self.push(section, d, (Some(sub(i, x)), None), (Some(a.visibility), None));
        }
    }

    fn milestone(
        &mut self,
        a: &Milestone,
        m: &Milestone,
        subject: &str,
        at: (Option<Slot>, Option<Slot>),
        visible: (Option<Visibility>, Option<Visibility>),
    ) {
        let section = Section::Goals;
        if a.title != m.title {
            let d = draft("milestone-renamed", subject)
                .values(Some(a.title.clone()), Some(m.title.clone()));
            self.push(section, d, at, visible);
        }
        if a.due != m.due {
            let kind = if m.due > a.due {
                "milestone-slipped"
            } else {
                "milestone-moved-earlier"
            };
            let d = draft(kind, subject)
                .values(Some(date(a.due)), Some(date(m.due)))
                .detail(moved(Some(a.due), Some(m.due)));
            self.push(section, d, at, visible);
        }
        if a.done != m.done {
            let kind = if m.done.is_some() {
                "milestone-done"
            } else {
                "milestone-reopened"
            };
            let late = m
                .done
                .filter(|d| *d > m.due)
                .map(|d| format!("{} after the due date", days((d - m.due).num_days())));
            let d = draft(kind, subject)
                .values(a.done.map(date), m.done.map(date))
                .detail(late);
            self.push(section, d, at, visible);
        }
    }

    fn disputes(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Disputes;
        let pairs = matching::pair_by_id(&o.disputes, &n.disputes, |d| d.id.value.as_str());
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let x = &n.disputes[j];
                let d = draft("dispute-opened", dispute_title(x)).values(None, Some(dispute_summary(x)));
                b.push(section, d, (None, Some(slot(j))), (None, Some(x.visibility)));
            }
            (Some(i), None) => {
                let x = &o.disputes[i];
                let d = draft("dispute-removed", dispute_title(x)).values(Some(dispute_summary(x)), None);
                b.push(section, d, (Some(slot(i)), None), (Some(x.visibility), None));
            }
            (Some(i), Some(j)) => b.dispute(&o.disputes[i], &n.disputes[j], (i, j)),
            (None, None) => {}
        });
    }

    fn dispute(&mut self, a: &Dispute, x: &Dispute, (i, j): (usize, usize)) {
        let section = Section::Disputes;
        let at = (Some(slot(i)), Some(slot(j)));
        let visible = (Some(a.visibility), Some(x.visibility));
        let subject = dispute_title(x);
        let resolved = if x.resolved.is_some() {
            "dispute-resolved"
        } else {
            "dispute-reopened"
        };
        let changes = [
            (resolved, a.resolved.map(date), x.resolved.map(date)),
            ("dispute-amount", amount(a), amount(x)),
            ("dispute-escalated", word(a.escalated_to), word(x.escalated_to)),
            (
                "dispute-visibility",
                Some(a.visibility.to_string()),
                Some(x.visibility.to_string()),
            ),
        ];
        for (kind, from, to) in changes {
            if from != to {
                let d = draft(kind, &subject).values(from, to);
                self.push(section, d, at, visible);
            }
        }
    }

    fn governance(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Governance;
        let rules = Rules {
            same: &|a: &Committee, b: &Committee| a.name == b.name,
            close: &|_: &Committee, _: &Committee| false,
            text: &|c: &Committee| c.name.as_str(),
        };
        let pairs = matching::pair(&o.governance, &n.governance, &rules);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let c = &n.governance[j];
                let d = draft("committee-added", &c.name).values(None, word(c.cadence));
                b.push(section, d, (None, Some(slot(j))), (None, Some(c.visibility)));
            }
            (Some(i), None) => {
                let c = &o.governance[i];
                let d = draft("committee-removed", &c.name).values(word(c.cadence), None);
                b.push(section, d, (Some(slot(i)), None), (Some(c.visibility), None));
            }
            (Some(i), Some(j)) => {
                let (a, c) = (&o.governance[i], &n.governance[j]);
                let at = (Some(slot(i)), Some(slot(j)));
                let visible = (Some(a.visibility), Some(c.visibility));
                let members = |account: &Account, c: &Committee| {
                    let names: Vec<String> =
                        c.members.iter().map(|r| person_name(account, r)).collect();
                    list(&names)
                };
                let ids = |c: &Committee| c.members.iter().map(|r| r.value.clone()).collect::<Vec<_>>();
                let mut changes = vec![
                    ("committee-renamed", Some(a.name.clone()), Some(c.name.clone())),
                    ("committee-cadence", word(a.cadence), word(c.cadence)),
                    (
                        "committee-visibility",
                        Some(a.visibility.to_string()),
                        Some(c.visibility.to_string()),
                    ),
                ];
                if ids(a) != ids(c) {
                    changes.push(("committee-members", members(b.old, a), members(b.new, c)));
                }
                for (kind, from, to) in changes {
                    if from != to {
                        let d = draft(kind, &c.name).values(from, to);
                        b.push(section, d, at, visible);
                    }
                }
            }
            (None, None) => {}
        });
    }

    fn criteria(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Criteria;
        let pairs = matching::pair_by_id(&o.criteria, &n.criteria, |c| c.id.value.as_str());
        let weight = |c: &Criterion| Some(format!("weight {}", c.weight.value));
        let none = (None, None);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let c = &n.criteria[j];
                let d = draft("criterion-added", &c.name).values(None, weight(c));
                b.push(section, d, (None, Some(slot(j))), none);
            }
            (Some(i), None) => {
                let c = &o.criteria[i];
                let d = draft("criterion-removed", &c.name).values(weight(c), None);
                b.push(section, d, (Some(slot(i)), None), none);
            }
            (Some(i), Some(j)) => {
                let (a, c) = (&o.criteria[i], &n.criteria[j]);
                let at = (Some(slot(i)), Some(slot(j)));
                if a.name != c.name {
                    let d = draft("criterion-renamed", &c.name)
                        .values(Some(a.name.clone()), Some(c.name.clone()));
                    b.push(section, d, at, none);
                }
                if a.weight.value != c.weight.value {
                    let d = draft("criterion-weight", &c.name).values(
                        Some(a.weight.value.to_string()),
                        Some(c.weight.value.to_string()),
                    );
                    b.push(section, d, at, none);
                }
            }
            (None, None) => {}
        });
    }

    fn events(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Events;
        let rules = Rules {
            same: &|a: &Event, b: &Event| a.date == b.date && a.title == b.title,
            close: &|a: &Event, b: &Event| a.date == b.date && a.kind == b.kind,
            text: &|e: &Event| e.title.as_str(),
        };
        let pairs = matching::pair(&o.events, &n.events, &rules);
        let when = |e: &Event| Some(event_summary(e));
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let e = &n.events[j];
                let d = draft("event-added", &e.title).values(None, when(e));
                b.push(section, d, (None, Some(slot(j))), (None, Some(e.visibility)));
            }
            (Some(i), None) => {
                let e = &o.events[i];
                let d = draft("event-removed", &e.title).values(when(e), None);
                b.push(section, d, (Some(slot(i)), None), (Some(e.visibility), None));
            }
            (Some(i), Some(j)) => {
                let (a, e) = (&o.events[i], &n.events[j]);
                let at = (Some(slot(i)), Some(slot(j)));
                let visible = (Some(a.visibility), Some(e.visibility));
                let changes = [
                    ("event-edited", Some(a.title.clone()), Some(e.title.clone())),
                    ("event-moved", Some(date(a.date)), Some(date(e.date))),
                    (
                        "event-visibility",
                        Some(a.visibility.to_string()),
                        Some(e.visibility.to_string()),
                    ),
                ];
                for (kind, from, to) in changes {
                    if from != to {
                        let d = draft(kind, &e.title).values(from, to);
                        b.push(section, d, at, visible);
                    }
                }
            }
            (None, None) => {}
        });
    }

    /// Links the pairs, then visits new items in order (added or paired), then removed
    /// items in old order, so changes read in the order of the file.
    fn each(
        &mut self,
        section: Section,
        pairs: &Pairs,
        mut visit: impl FnMut(&mut Self, Option<usize>, Option<usize>),
    ) {
        for &(i, j) in &pairs.pairs {
            self.link(section, slot(i), slot(j));
        }
        let mut order: Vec<(Option<usize>, Option<usize>)> = pairs
            .pairs
            .iter()
            .map(|&(i, j)| (Some(i), Some(j)))
            .chain(pairs.added.iter().map(|&j| (None, Some(j))))
            .collect();
        order.sort_by_key(|&(_, j)| j);
        order.extend(pairs.removed.iter().map(|&i| (Some(i), None)));
        for (old, new) in order {
            visit(self, old, new);
        }
    }
}

fn slot(item: usize) -> Slot {
    Slot { item, sub: None }
}

fn date(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn word<T: std::fmt::Display>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}

fn list(names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| names.join(", "))
}

fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// How far a date moved: `30 days later`.
fn moved(from: Option<Date>, to: Option<Date>) -> Option<String> {
    let delta = (to? - from?).num_days();
    Some(match delta {
        d if d > 0 => format!("{} later", days(d)),
        d => format!("{} earlier", days(-d)),
    })
}

/// A step up or down the relationship ladder.
fn ladder(from: Option<Stage>, to: Option<Stage>) -> Option<String> {
    let rank = |s: Stage| Stage::ALL.iter().position(|x| *x == s);
    let delta = rank(to?)? as i64 - rank(from?)? as i64;
    let steps = |n: i64| if n == 1 { "1 step".to_string() } else { format!("{n} steps") };
    Some(if delta > 0 {
        format!("up {}", steps(delta))
    } else {
        format!("down {}", steps(-delta))
    })
}

fn step_direction(from: TurnaroundStep, to: TurnaroundStep, new_cycle: bool) -> Option<String> {
    if new_cycle {
        return Some("new cycle".into());
    }
    let rank = |s: TurnaroundStep| TurnaroundStep::ALL.iter().position(|x| *x == s);
    Some(if rank(to)? > rank(from)? {
        "forward".into()
    } else {
        "back".into()
    })
}

fn person_name(account: &Account, reference: &PersonRef) -> String {
    account
        .person(&reference.value)
        .map_or_else(|| reference.value.clone(), |p| p.name.clone())
}

fn person_label(p: &Person) -> String {
    format!("{} ({})", p.name, p.id.value)
}

fn person_summary(p: &Person) -> String {
    let mut parts = vec![p.side.to_string()];
    parts.extend(p.role.clone());
    parts.extend(word(p.level));
    if p.sponsor {
        parts.push("sponsor".into());
    }
    if p.decision_maker {
        parts.push("decision maker".into());
    }
    parts.join(", ")
}

fn commitment_summary(c: &Commitment) -> String {
    let mut text = format!("by {}, made {}", c.by, date(c.made));
    if let Some(due) = c.due {
        text.push_str(&format!(", due {}", date(due)));
    }
    text.push_str(&format!(", {}", c.status));
    text
}

fn goal_title(g: &Goal) -> String {
    g.title.clone().unwrap_or_else(|| g.id.value.clone())
}

fn milestone_count(g: &Goal) -> String {
    match g.milestones.len() {
        1 => "1 milestone".into(),
        n => format!("{n} milestones"),
    }
}

fn dispute_title(d: &Dispute) -> String {
    d.title.clone().unwrap_or_else(|| d.id.value.clone())
}

fn amount(d: &Dispute) -> Option<String> {
    d.amount
        .map(|a| crate::view::common::money(a, d.currency.as_deref().unwrap_or_default()))
}

fn dispute_summary(d: &Dispute) -> String {
    let mut text = format!("opened {}", date(d.opened));
    if let Some(a) = amount(d) {
        text.push_str(&format!(", {a}"));
    }
    if let Some(r) = d.resolved {
        text.push_str(&format!(", resolved {}", date(r)));
    }
    text
}

fn event_summary(e: &Event) -> String {
    match e.kind {
        Some(kind) => format!("{} {kind}", date(e.date)),
        None => date(e.date),
    }
}

#[cfg(test)]
mod tests;
