//! How values read in a change: ISO dates, amounts with currency, people by name, words of
//! the account format, and short summaries of an item added or removed. Each is a
//! [`Phrase`], said in the reader's language when a page shows it (English in the
//! terminal): names, dates and wording from the file stay as written.

use crate::i18n::{keys, Phrase};
use crate::model::{
    Account, Commitment, Date, Dispute, Event, Goal, Person, PersonRef, Stage, TurnaroundStep,
};

pub(super) fn date(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date as a change shows it: ISO in every language.
pub(super) fn day(d: Date) -> Phrase {
    Phrase::verbatim(date(d))
}

/// Text from the file, as written.
pub(super) fn text(value: &str) -> Phrase {
    Phrase::verbatim(value)
}

/// A number, as written.
pub(super) fn number(value: impl std::fmt::Display) -> Phrase {
    Phrase::verbatim(value.to_string())
}

/// A word of the account format (`strategic`, `quarterly`, `shared`) as the selector
/// message `key` says it.
pub(super) fn word<T: std::fmt::Display>(key: &'static str, value: Option<T>) -> Option<Phrase> {
    value.map(|v| Phrase::word(key, v.to_string()))
}

pub(super) fn yes_no(flag: bool) -> Phrase {
    Phrase::word(keys::WORD_YES_NO, if flag { "yes" } else { "no" })
}

/// Names in a list, as written, separated by commas.
pub(super) fn list(names: &[String]) -> Option<Phrase> {
    (!names.is_empty()).then(|| Phrase::verbatim(names.join(", ")))
}

/// How far a date moved: `30 days later`.
pub(super) fn moved(from: Option<Date>, to: Option<Date>) -> Option<Phrase> {
    let delta = (to? - from?).num_days();
    Some(if delta > 0 {
        Phrase::new(keys::VALUE_LATER).count("days", delta)
    } else {
        Phrase::new(keys::VALUE_EARLIER).count("days", -delta)
    })
}

/// A step up or down the relationship ladder.
pub(super) fn ladder(from: Option<Stage>, to: Option<Stage>) -> Option<Phrase> {
    let rank = |s: Stage| Stage::ALL.iter().position(|x| *x == s);
    let delta = rank(to?)? as i64 - rank(from?)? as i64;
    Some(if delta > 0 {
        Phrase::new(keys::VALUE_STEPS_UP).count("steps", delta)
    } else {
        Phrase::new(keys::VALUE_STEPS_DOWN).count("steps", -delta)
    })
}

pub(super) fn step_direction(
    from: TurnaroundStep,
    to: TurnaroundStep,
    new_cycle: bool,
) -> Option<Phrase> {
    let direction = if new_cycle {
        "new-cycle"
    } else {
        let rank = |s: TurnaroundStep| TurnaroundStep::ALL.iter().position(|x| *x == s);
        if rank(to)? > rank(from)? {
            "forward"
        } else {
            "back"
        }
    };
    Some(Phrase::new(keys::VALUE_STEP_DIRECTION).text("direction", direction))
}

/// A turnaround as a change shows it: `insight, cycle 1`.
pub(super) fn turnaround(step: TurnaroundStep, cycle: i64) -> Phrase {
    Phrase::new(keys::VALUE_TURNAROUND)
        .phrase("step", Phrase::word(keys::WORD_STEP, step.as_str()))
        .count("cycle", cycle)
}

pub(super) fn person_name(account: &Account, reference: &PersonRef) -> String {
    account
        .person(&reference.value)
        .map_or_else(|| reference.value.clone(), |p| p.name.clone())
}

pub(super) fn person_label(p: &Person) -> Phrase {
    Phrase::verbatim(format!("{} ({})", p.name, p.id.value))
}

pub(super) fn person_summary(p: &Person) -> Phrase {
    let mut parts = vec![Phrase::word(keys::WORD_SIDE, p.side.as_str())];
    parts.extend(p.role.as_deref().map(text));
    parts.extend(word(keys::WORD_LEVEL, p.level));
    if p.sponsor {
        parts.push(Phrase::new(keys::VALUE_SPONSOR));
    }
    if p.decision_maker {
        parts.push(Phrase::new(keys::VALUE_DECISION_MAKER));
    }
    Phrase::joined(parts, ", ")
}

pub(super) fn commitment_summary(c: &Commitment) -> Phrase {
    let key = match c.due {
        Some(_) => keys::VALUE_COMMITMENT_DUE,
        None => keys::VALUE_COMMITMENT,
    };
    // The party as a format word: each language chooses the form "by" takes ("by us",
    // "von uns", "par nous").
    let mut phrase = Phrase::new(key)
        .text("party", c.by.as_str())
        .text("made", date(c.made))
        .phrase(
            "status",
            Phrase::word(keys::WORD_COMMITMENT_STATUS, c.status.as_str()),
        );
    if let Some(due) = c.due {
        phrase = phrase.text("due", date(due));
    }
    phrase
}

/// What names a commitment whose wording changed: `by both, made 2026-01-20`.
pub(super) fn commitment_subject(c: &Commitment) -> Phrase {
    Phrase::new(keys::VALUE_COMMITMENT_SUBJECT)
        .text("party", c.by.as_str())
        .text("made", date(c.made))
}

pub(super) fn goal_title(g: &Goal) -> String {
    g.title.clone().unwrap_or_else(|| g.id.value.clone())
}

pub(super) fn milestone_count(g: &Goal) -> Phrase {
    Phrase::new(keys::VALUE_MILESTONES).count("count", g.milestones.len())
}

/// `due 2026-03-31`.
pub(super) fn due(d: Date) -> Phrase {
    Phrase::new(keys::DUE_ON).text("date", date(d))
}

pub(super) fn dispute_title(d: &Dispute) -> String {
    d.title.clone().unwrap_or_else(|| d.id.value.clone())
}

pub(super) fn amount(d: &Dispute) -> Option<Phrase> {
    d.amount
        .map(|a| Phrase::money(a, d.currency.as_deref().unwrap_or_default()))
}

pub(super) fn dispute_summary(d: &Dispute) -> Phrase {
    let mut parts = vec![Phrase::new(keys::DISPUTE_OPENED).text("date", date(d.opened))];
    parts.extend(amount(d));
    if let Some(r) = d.resolved {
        parts.push(Phrase::new(keys::DISPUTE_RESOLVED).text("date", date(r)));
    }
    Phrase::joined(parts, ", ")
}

pub(super) fn event_summary(e: &Event) -> Phrase {
    let mut parts = vec![day(e.date)];
    parts.extend(word(keys::WORD_EVENT, e.kind));
    Phrase::joined(parts, " ")
}
