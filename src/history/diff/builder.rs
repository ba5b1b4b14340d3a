//! The builder every section of the diff writes into: a change is drafted with what it
//! says, then placed with where its item sits in both versions and who may see it.

use super::{Change, ChangeKind, Comparison, Section, Slot};
use crate::history::matching::Pairs;
use crate::i18n::Phrase;
use crate::model::{Account, Visibility};

pub(super) struct Builder<'a> {
    pub(super) old: &'a Account,
    pub(super) new: &'a Account,
    pub(super) out: Comparison,
}

/// What one change says, before it is placed.
pub(super) struct Draft {
    kind: ChangeKind,
    subject: Phrase,
    from: Option<Phrase>,
    to: Option<Phrase>,
    detail: Option<Phrase>,
}

/// A change of `subject`: a phrase, or a name or wording from the file (a `String` or
/// `&str`, said as written).
pub(super) fn draft(kind: ChangeKind, subject: impl Into<Subject>) -> Draft {
    Draft {
        kind,
        subject: subject.into().0,
        from: None,
        to: None,
        detail: None,
    }
}

/// What a change is about.
pub(super) struct Subject(Phrase);

impl From<Phrase> for Subject {
    fn from(phrase: Phrase) -> Subject {
        Subject(phrase)
    }
}

impl From<&Phrase> for Subject {
    fn from(phrase: &Phrase) -> Subject {
        Subject(phrase.clone())
    }
}

impl From<&str> for Subject {
    fn from(name: &str) -> Subject {
        Subject(Phrase::verbatim(name))
    }
}

impl From<&String> for Subject {
    fn from(name: &String) -> Subject {
        Subject(Phrase::verbatim(name.as_str()))
    }
}

impl From<String> for Subject {
    fn from(name: String) -> Subject {
        Subject(Phrase::verbatim(name))
    }
}

impl Draft {
    pub(super) fn values(mut self, from: Option<Phrase>, to: Option<Phrase>) -> Draft {
        self.from = from;
        self.to = to;
        self
    }
    pub(super) fn detail(mut self, detail: Option<Phrase>) -> Draft {
        self.detail = detail;
        self
    }
}

impl Builder<'_> {
    /// Records a change of the item at `old` / `new`, shared when every version that has
    /// the item shares it.
    pub(super) fn push(
        &mut self,
        section: Section,
        d: Draft,
        (old, new): (Option<Slot>, Option<Slot>),
        visible: (Option<Visibility>, Option<Visibility>),
    ) {
        let aspect = d.kind.aspect();
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

    pub(super) fn link(&mut self, section: Section, old: Slot, new: Slot) {
        self.out.forward.insert((section, old), new);
        self.out.backward.insert((section, new), old);
    }

    /// Links the pairs, then visits new items in order (added or paired), then removed
    /// items in old order, so changes read in the order of the file.
    pub(super) fn each(
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

pub(super) fn slot(item: usize) -> Slot {
    Slot { item, sub: None }
}
