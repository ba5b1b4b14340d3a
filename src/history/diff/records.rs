//! The record of what happened: disputes (opened, resolved, amounts) and events.

use super::builder::{draft, slot, Builder};
use super::text::{amount, day, dispute_summary, dispute_title, event_summary, text, word};
use super::{ChangeKind, Section};
use crate::history::matching::{self, Rules};
use crate::i18n::keys;
use crate::model::{Dispute, Event};

impl Builder<'_> {
    pub(super) fn disputes(&mut self) {
        let (o, n) = (self.old, self.new);
        let section = Section::Disputes;
        let pairs = matching::pair_by_id(&o.disputes, &n.disputes, |d| d.id.value.as_str());
        self.each(section, &pairs, |b, old, new| match (old, new) {
            (None, Some(j)) => {
                let x = &n.disputes[j];
                let d = draft(ChangeKind::DisputeOpened, dispute_title(x))
                    .values(None, Some(dispute_summary(x)));
                b.push(
                    section,
                    d,
                    (None, Some(slot(j))),
                    (None, Some(x.visibility)),
                );
            }
            (Some(i), None) => {
                let x = &o.disputes[i];
                let d = draft(ChangeKind::DisputeRemoved, dispute_title(x))
                    .values(Some(dispute_summary(x)), None);
                b.push(
                    section,
                    d,
                    (Some(slot(i)), None),
                    (Some(x.visibility), None),
                );
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
            ChangeKind::DisputeResolved
        } else {
            ChangeKind::DisputeReopened
        };
        let changes = [
            (resolved, a.resolved.map(day), x.resolved.map(day)),
            (ChangeKind::DisputeAmount, amount(a), amount(x)),
            (
                ChangeKind::DisputeEscalated,
                word(keys::WORD_LEVEL, a.escalated_to),
                word(keys::WORD_LEVEL, x.escalated_to),
            ),
            (
                ChangeKind::DisputeVisibility,
                word(keys::WORD_VISIBILITY, Some(a.visibility)),
                word(keys::WORD_VISIBILITY, Some(x.visibility)),
            ),
        ];
        for (kind, from, to) in changes {
            if from != to {
                let d = draft(kind, &subject).values(from, to);
                self.push(section, d, at, visible);
            }
        }
    }

    pub(super) fn events(&mut self) {
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
                let d = draft(ChangeKind::EventAdded, &e.title).values(None, when(e));
                b.push(
                    section,
                    d,
                    (None, Some(slot(j))),
                    (None, Some(e.visibility)),
                );
            }
            (Some(i), None) => {
                let e = &o.events[i];
                let d = draft(ChangeKind::EventRemoved, &e.title).values(when(e), None);
                b.push(
                    section,
                    d,
                    (Some(slot(i)), None),
                    (Some(e.visibility), None),
                );
            }
            (Some(i), Some(j)) => {
                let (a, e) = (&o.events[i], &n.events[j]);
                let at = (Some(slot(i)), Some(slot(j)));
                let visible = (Some(a.visibility), Some(e.visibility));
                let changes = [
                    (
                        ChangeKind::EventEdited,
                        Some(text(&a.title)),
                        Some(text(&e.title)),
                    ),
                    (ChangeKind::EventMoved, Some(day(a.date)), Some(day(e.date))),
                    (
                        ChangeKind::EventVisibility,
                        word(keys::WORD_VISIBILITY, Some(a.visibility)),
                        word(keys::WORD_VISIBILITY, Some(e.visibility)),
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
}
