//! How values read in a change: ISO dates, amounts with currency, people by name, and
//! short summaries of an item added or removed.

use crate::model::{
    Account, Commitment, Date, Dispute, Event, Goal, Person, PersonRef, Stage, TurnaroundStep,
};

pub(super) fn date(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn word<T: std::fmt::Display>(value: Option<T>) -> Option<String> {
    value.map(|v| v.to_string())
}

pub(super) fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}

pub(super) fn list(names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| names.join(", "))
}

pub(super) fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// How far a date moved: `30 days later`.
pub(super) fn moved(from: Option<Date>, to: Option<Date>) -> Option<String> {
    let delta = (to? - from?).num_days();
    Some(match delta {
        d if d > 0 => format!("{} later", days(d)),
        d => format!("{} earlier", days(-d)),
    })
}

/// A step up or down the relationship ladder.
pub(super) fn ladder(from: Option<Stage>, to: Option<Stage>) -> Option<String> {
    let rank = |s: Stage| Stage::ALL.iter().position(|x| *x == s);
    let delta = rank(to?)? as i64 - rank(from?)? as i64;
    let steps = |n: i64| {
        if n == 1 {
            "1 step".to_string()
        } else {
            format!("{n} steps")
        }
    };
    Some(if delta > 0 {
        format!("up {}", steps(delta))
    } else {
        format!("down {}", steps(-delta))
    })
}

pub(super) fn step_direction(
    from: TurnaroundStep,
    to: TurnaroundStep,
    new_cycle: bool,
) -> Option<String> {
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

pub(super) fn person_name(account: &Account, reference: &PersonRef) -> String {
    account
        .person(&reference.value)
        .map_or_else(|| reference.value.clone(), |p| p.name.clone())
}

pub(super) fn person_label(p: &Person) -> String {
    format!("{} ({})", p.name, p.id.value)
}

pub(super) fn person_summary(p: &Person) -> String {
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

pub(super) fn commitment_summary(c: &Commitment) -> String {
    let mut text = format!("by {}, made {}", c.by, date(c.made));
    if let Some(due) = c.due {
        text.push_str(&format!(", due {}", date(due)));
    }
    text.push_str(&format!(", {}", c.status));
    text
}

pub(super) fn goal_title(g: &Goal) -> String {
    g.title.clone().unwrap_or_else(|| g.id.value.clone())
}

pub(super) fn milestone_count(g: &Goal) -> String {
    match g.milestones.len() {
        1 => "1 milestone".into(),
        n => format!("{n} milestones"),
    }
}

pub(super) fn dispute_title(d: &Dispute) -> String {
    d.title.clone().unwrap_or_else(|| d.id.value.clone())
}

pub(super) fn amount(d: &Dispute) -> Option<String> {
    d.amount
        .map(|a| crate::format::money(a, d.currency.as_deref().unwrap_or_default()))
}

pub(super) fn dispute_summary(d: &Dispute) -> String {
    let mut text = format!("opened {}", date(d.opened));
    if let Some(a) = amount(d) {
        text.push_str(&format!(", {a}"));
    }
    if let Some(r) = d.resolved {
        text.push_str(&format!(", resolved {}", date(r)));
    }
    text
}

pub(super) fn event_summary(e: &Event) -> String {
    match e.kind {
        Some(kind) => format!("{} {kind}", date(e.date)),
        None => date(e.date),
    }
}
