//! The parts of an account the other company never sees: owner, stage, turnaround,
//! people (levels, sponsors, coverage) and the weights of success criteria.

use super::builder::{draft, slot, Builder};
use super::text::{
    ladder, list, number, person_label, person_name, person_summary, step_direction, text,
    turnaround, word, yes_no,
};
use super::{ChangeKind, Section, SCALAR};
use crate::history::matching;
use crate::i18n::{keys, Phrase};
use crate::model::{Account, Criterion, Person, PersonRef};

impl Builder<'_> {
    pub(super) fn relationship(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Relationship;
        let at = (Some(SCALAR), Some(SCALAR));
        let internal = (None, None);
        self.link(section, SCALAR, SCALAR);
        let subject = n.name.clone();
        let owner = |a: &Account| a.owner.as_ref().map(|r| text(&person_name(a, r)));
        if o.owner.as_ref().map(|r| &r.value) != n.owner.as_ref().map(|r| &r.value) {
            let d = draft(ChangeKind::OwnerChanged, &subject).values(owner(o), owner(n));
            self.push(section, d, at, internal);
        }
        if o.stage != n.stage {
            let d = draft(ChangeKind::StageMoved, &subject)
                .values(
                    word(keys::WORD_STAGE, o.stage),
                    word(keys::WORD_STAGE, n.stage),
                )
                .detail(ladder(o.stage, n.stage));
            self.push(section, d, at, internal);
        }
        match (&o.turnaround, &n.turnaround) {
            (None, Some(t)) => {
                let to = turnaround(t.step, t.cycle.value);
                let d = draft(ChangeKind::TurnaroundStarted, &subject).values(None, Some(to));
                self.push(section, d, at, internal);
            }
            (Some(t), None) => {
                let from = turnaround(t.step, t.cycle.value);
                let d = draft(ChangeKind::TurnaroundRemoved, &subject).values(Some(from), None);
                self.push(section, d, at, internal);
            }
            (Some(a), Some(b)) => {
                if a.step != b.step {
                    let d = draft(ChangeKind::TurnaroundStepMoved, &subject)
                        .values(
                            word(keys::WORD_STEP, Some(a.step)),
                            word(keys::WORD_STEP, Some(b.step)),
                        )
                        .detail(step_direction(
                            a.step,
                            b.step,
                            b.cycle.value > a.cycle.value,
                        ));
                    self.push(section, d, at, internal);
                }
                if a.cycle.value != b.cycle.value {
                    let d = draft(ChangeKind::TurnaroundCycle, &subject)
                        .values(Some(number(a.cycle.value)), Some(number(b.cycle.value)));
                    self.push(section, d, at, internal);
                }
            }
            (None, None) => {}
        }
    }

    pub(super) fn people(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::People;
        let pairs = matching::pair_by_id(&o.people, &n.people, |p| p.id.value.as_str());
        let none = (None, None);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let p = &n.people[j];
                let d = draft(ChangeKind::PersonAdded, person_label(p))
                    .values(None, Some(person_summary(p)));
                b.push(section, d, (None, Some(slot(j))), none);
            }
            (Some(i), None) => {
                let p = &o.people[i];
                let d = draft(ChangeKind::PersonRemoved, person_label(p))
                    .values(Some(person_summary(p)), None);
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
        let mut fields: Vec<(ChangeKind, Option<Phrase>, Option<Phrase>)> = vec![
            (
                ChangeKind::PersonRenamed,
                Some(text(&a.name)),
                Some(text(&p.name)),
            ),
            (
                ChangeKind::PersonRole,
                a.role.as_deref().map(text),
                p.role.as_deref().map(text),
            ),
            (
                ChangeKind::PersonSide,
                word(keys::WORD_SIDE, Some(a.side)),
                word(keys::WORD_SIDE, Some(p.side)),
            ),
            (
                ChangeKind::PersonLevel,
                word(keys::WORD_LEVEL, a.level),
                word(keys::WORD_LEVEL, p.level),
            ),
            (
                ChangeKind::PersonSponsor,
                Some(yes_no(a.sponsor)),
                Some(yes_no(p.sponsor)),
            ),
            (
                ChangeKind::PersonDecisionMaker,
                Some(yes_no(a.decision_maker)),
                Some(yes_no(p.decision_maker)),
            ),
        ];
        let covers = |account: &Account, person: &Person| {
            let mut ids: Vec<&PersonRef> = person.covers.iter().collect();
            ids.sort_by(|x, y| x.value.cmp(&y.value));
            ids.dedup_by(|x, y| x.value == y.value);
            let names: Vec<String> = ids.iter().map(|r| person_name(account, r)).collect();
            (
                ids.iter().map(|r| r.value.clone()).collect::<Vec<_>>(),
                names,
            )
        };
        let (old_ids, old_names) = covers(self.old, a);
        let (new_ids, new_names) = covers(self.new, p);
        if old_ids != new_ids {
            fields.push((ChangeKind::PersonCovers, list(&old_names), list(&new_names)));
        }
        for (kind, from, to) in fields {
            if from != to {
                let d = draft(kind, &subject).values(from, to);
                self.push(section, d, at, (None, None));
            }
        }
    }

    pub(super) fn criteria(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Criteria;
        let pairs = matching::pair_by_id(&o.criteria, &n.criteria, |c| c.id.value.as_str());
        let weight =
            |c: &Criterion| Some(Phrase::new(keys::VALUE_WEIGHT).count("weight", c.weight.value));
        let none = (None, None);
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let c = &n.criteria[j];
                let d = draft(ChangeKind::CriterionAdded, &c.name).values(None, weight(c));
                b.push(section, d, (None, Some(slot(j))), none);
            }
            (Some(i), None) => {
                let c = &o.criteria[i];
                let d = draft(ChangeKind::CriterionRemoved, &c.name).values(weight(c), None);
                b.push(section, d, (Some(slot(i)), None), none);
            }
            (Some(i), Some(j)) => {
                let (a, c) = (&o.criteria[i], &n.criteria[j]);
                let at = (Some(slot(i)), Some(slot(j)));
                if a.name != c.name {
                    let d = draft(ChangeKind::CriterionRenamed, &c.name)
                        .values(Some(text(&a.name)), Some(text(&c.name)));
                    b.push(section, d, at, none);
                }
                if a.weight.value != c.weight.value {
                    let d = draft(ChangeKind::CriterionWeight, &c.name)
                        .values(Some(number(a.weight.value)), Some(number(c.weight.value)));
                    b.push(section, d, at, none);
                }
            }
            (None, None) => {}
        });
    }
}
