//! What both companies agreed: commitments, joint goals with their milestones, and the
//! committees that govern the relationship, and the joint statement. Items without ids pair
//! through `matching`.

use super::builder::{draft, slot, Builder};
use super::text::{
    commitment_subject, commitment_summary, date, day, due, goal_title, list, milestone_count,
    moved, number, person_name, text, word,
};
use super::{ChangeKind, Section, Slot, SCALAR};
use crate::history::matching::{self, Rules};
use crate::i18n::{keys, Phrase};
use crate::model::{Account, Commitment, Committee, Goal, Milestone, Statement, Visibility};

impl Builder<'_> {
    pub(super) fn commitments(&mut self) {
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
                let d = draft(ChangeKind::CommitmentAdded, &c.what)
                    .values(None, Some(commitment_summary(c)));
                b.push(
                    section,
                    d,
                    (None, Some(slot(j))),
                    (None, Some(c.visibility)),
                );
            }
            (Some(i), None) => {
                let c = &o.commitments[i];
                let d = draft(ChangeKind::CommitmentRemoved, &c.what)
                    .values(Some(commitment_summary(c)), None);
                b.push(
                    section,
                    d,
                    (Some(slot(i)), None),
                    (Some(c.visibility), None),
                );
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
            let d = draft(ChangeKind::CommitmentReworded, commitment_subject(c))
                .values(Some(text(&a.what)), Some(text(&c.what)));
            self.push(section, d, at, visible);
        }
        let changes = [
            (
                ChangeKind::CommitmentBy,
                word(keys::WORD_PARTY, Some(a.by)),
                word(keys::WORD_PARTY, Some(c.by)),
                None,
            ),
            (
                ChangeKind::CommitmentMade,
                Some(day(a.made)),
                Some(day(c.made)),
                None,
            ),
            (
                ChangeKind::CommitmentStatus,
                word(keys::WORD_COMMITMENT_STATUS, Some(a.status)),
                word(keys::WORD_COMMITMENT_STATUS, Some(c.status)),
                None,
            ),
            (
                ChangeKind::CommitmentDue,
                a.due.map(day),
                c.due.map(day),
                moved(a.due, c.due),
            ),
            (
                ChangeKind::CommitmentClosed,
                a.closed.map(day),
                c.closed.map(day),
                moved(a.closed, c.closed),
            ),
            (
                ChangeKind::CommitmentVisibility,
                word(keys::WORD_VISIBILITY, Some(a.visibility)),
                word(keys::WORD_VISIBILITY, Some(c.visibility)),
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

    pub(super) fn goals(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Goals;
        let pairs = matching::pair_by_id(&o.goals, &n.goals, |g| g.id.value.as_str());
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let g = &n.goals[j];
                let d = draft(ChangeKind::GoalAdded, goal_title(g))
                    .values(None, Some(milestone_count(g)));
                b.push(
                    section,
                    d,
                    (None, Some(slot(j))),
                    (None, Some(g.visibility)),
                );
            }
            (Some(i), None) => {
                let g = &o.goals[i];
                let d = draft(ChangeKind::GoalRemoved, goal_title(g))
                    .values(Some(milestone_count(g)), None);
                b.push(
                    section,
                    d,
                    (Some(slot(i)), None),
                    (Some(g.visibility), None),
                );
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
            let d = draft(ChangeKind::GoalRenamed, goal_title(g))
                .values(Some(text(&goal_title(a))), Some(text(&goal_title(g))));
            self.push(section, d, at, visible);
        }
        if a.visibility != g.visibility {
            let d = draft(ChangeKind::GoalVisibility, goal_title(g)).values(
                word(keys::WORD_VISIBILITY, Some(a.visibility)),
                word(keys::WORD_VISIBILITY, Some(g.visibility)),
            );
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
                    let d = draft(ChangeKind::MilestoneAdded, name(g, m))
                        .values(None, Some(due(m.due)));
                    self.push(
                        section,
                        d,
                        (None, Some(sub(j, y))),
                        (None, Some(g.visibility)),
                    );
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
            let d = draft(ChangeKind::MilestoneRemoved, name(a, m)).values(Some(due(m.due)), None);
            self.push(
                section,
                d,
                (Some(sub(i, x)), None),
                (Some(a.visibility), None),
            );
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
            let d = draft(ChangeKind::MilestoneRenamed, subject)
                .values(Some(text(&a.title)), Some(text(&m.title)));
            self.push(section, d, at, visible);
        }
        if a.due != m.due {
            let kind = if m.due > a.due {
                ChangeKind::MilestoneSlipped
            } else {
                ChangeKind::MilestoneMovedEarlier
            };
            let d = draft(kind, subject)
                .values(Some(day(a.due)), Some(day(m.due)))
                .detail(moved(Some(a.due), Some(m.due)));
            self.push(section, d, at, visible);
        }
        if a.done != m.done {
            let kind = if m.done.is_some() {
                ChangeKind::MilestoneDone
            } else {
                ChangeKind::MilestoneReopened
            };
            let late = m.done.filter(|d| *d > m.due).map(|d| {
                Phrase::new(keys::VALUE_DAYS_AFTER_DUE).count("days", (d - m.due).num_days())
            });
            let d = draft(kind, subject)
                .values(a.done.map(day), m.done.map(day))
                .detail(late);
            self.push(section, d, at, visible);
        }
    }

    pub(super) fn governance(&mut self) {
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
                let d = draft(ChangeKind::CommitteeAdded, &c.name)
                    .values(None, word(keys::WORD_CADENCE, c.cadence));
                b.push(
                    section,
                    d,
                    (None, Some(slot(j))),
                    (None, Some(c.visibility)),
                );
            }
            (Some(i), None) => {
                let c = &o.governance[i];
                let d = draft(ChangeKind::CommitteeRemoved, &c.name)
                    .values(word(keys::WORD_CADENCE, c.cadence), None);
                b.push(
                    section,
                    d,
                    (Some(slot(i)), None),
                    (Some(c.visibility), None),
                );
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
                let ids = |c: &Committee| {
                    c.members
                        .iter()
                        .map(|r| r.value.clone())
                        .collect::<Vec<_>>()
                };
                let mut changes = vec![
                    (
                        ChangeKind::CommitteeRenamed,
                        Some(text(&a.name)),
                        Some(text(&c.name)),
                    ),
                    (
                        ChangeKind::CommitteeCadence,
                        word(keys::WORD_CADENCE, a.cadence),
                        word(keys::WORD_CADENCE, c.cadence),
                    ),
                    (
                        ChangeKind::CommitteeVisibility,
                        word(keys::WORD_VISIBILITY, Some(a.visibility)),
                        word(keys::WORD_VISIBILITY, Some(c.visibility)),
                    ),
                ];
                if ids(a) != ids(c) {
                    changes.push((
                        ChangeKind::CommitteeMembers,
                        members(b.old, a),
                        members(b.new, c),
                    ));
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
}

impl Builder<'_> {
    /// The joint statement: shared by nature, so every change to it may be shown to the
    /// other company.
    pub(super) fn statement(&mut self) {
        let section = Section::Statement;
        let at = (Some(SCALAR), Some(SCALAR));
        let shared = (Some(Visibility::Shared), Some(Visibility::Shared));
        let subject = || Phrase::new(keys::VALUE_STATEMENT_SUBJECT);
        let (o, n) = (self.old, self.new);
        let (a, c) = match (&o.statement, &n.statement) {
            (None, None) => return,
            (None, Some(s)) => {
                let d = draft(ChangeKind::StatementAdded, subject())
                    .values(None, Some(statement_summary(n, s)));
                self.push(
                    section,
                    d,
                    (None, Some(SCALAR)),
                    (None, Some(Visibility::Shared)),
                );
                return;
            }
            (Some(s), None) => {
                let d = draft(ChangeKind::StatementRemoved, subject())
                    .values(Some(statement_summary(o, s)), None);
                self.push(
                    section,
                    d,
                    (Some(SCALAR), None),
                    (Some(Visibility::Shared), None),
                );
                return;
            }
            (Some(a), Some(c)) => (a, c),
        };
        self.link(section, SCALAR, SCALAR);
        let behaviours = |s: &Statement| {
            let us = s.behaviours.us.join("; ");
            let them = s.behaviours.them.join("; ");
            (!us.is_empty() || !them.is_empty()).then(|| {
                Phrase::new(keys::VALUE_BEHAVIOURS)
                    .text("us", us)
                    .text("them", them)
            })
        };
        let signatories = |account: &Account, s: &Statement| {
            let names: Vec<String> = s
                .signatories
                .iter()
                .map(|r| person_name(account, r))
                .collect();
            list(&names)
        };
        let signed = |account: &Account, s: &Statement| {
            let names: Vec<String> = s
                .signatures()
                .iter()
                .map(|sig| format!("{} ({})", person_name(account, &sig.person), date(sig.date)))
                .collect();
            list(&names)
        };
        let changes = [
            (
                ChangeKind::StatementVersion,
                Some(number(a.version.value)),
                Some(number(c.version.value)),
                None,
            ),
            (
                ChangeKind::StatementDate,
                a.date.map(day),
                c.date.map(day),
                moved(a.date, c.date),
            ),
            (
                ChangeKind::StatementTitle,
                a.title.as_deref().map(text),
                c.title.as_deref().map(text),
                None,
            ),
            (
                ChangeKind::StatementVision,
                a.vision.as_deref().map(text),
                c.vision.as_deref().map(text),
                None,
            ),
            (
                ChangeKind::StatementBehaviours,
                behaviours(a),
                behaviours(c),
                None,
            ),
            (
                ChangeKind::StatementSignatories,
                signatories(o, a),
                signatories(n, c),
                None,
            ),
            (
                ChangeKind::StatementSigned,
                signed(o, a),
                signed(n, c),
                None,
            ),
        ];
        for (kind, from, to, detail) in changes {
            if from != to {
                let d = draft(kind, subject()).values(from, to).detail(detail);
                self.push(section, d, at, shared);
            }
        }
    }
}

/// A statement as one line: `version 2 of 2026-06-01: A new course`.
fn statement_summary(_account: &Account, s: &Statement) -> Phrase {
    let version = match s.date {
        Some(d) => Phrase::new(keys::VALUE_VERSION_OF).text("date", date(d)),
        None => Phrase::new(keys::VALUE_VERSION),
    }
    .count("version", s.version.value);
    match &s.title {
        Some(title) => Phrase::new(keys::VALUE_TITLED)
            .phrase("version", version)
            .text("title", title),
        None => version,
    }
}
