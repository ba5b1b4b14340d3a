//! The calendars (docs/calendars.md): which dated items each audience's `.ics` holds, and
//! their UIDs. Our team's calendars (`internal/calendar.ics`, one per owner) hold every
//! account's open milestones, commitment and action due dates, the next quarterly review
//! and each committee's next meeting. An account's shared calendar is made from the shared
//! views alone ([`shared::calendar_source`]), so it holds nothing those do not let through.
//! The files themselves are written by `format::ical`.

use super::shared::{self, SharedCalendarSource};
use crate::analyze::{AccountAnalysis, Analysis, FiscalCalendar};
use crate::format;
use crate::format::ical::{self, Entry, WrittenEvent};
use crate::i18n::{keys, Messages, Words};
use crate::model::{AccountFile, Cadence, CommitmentStatus, Date, Party, Quarter, Workspace};
use chrono::{Datelike, Months};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// What kind of item an event stands for; part of its UID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Milestone,
    Commitment,
    Review,
    Action,
    Meeting,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Milestone => "milestone",
            Kind::Commitment => "commitment",
            Kind::Review => "review",
            Kind::Action => "action",
            Kind::Meeting => "meeting",
        }
    }
}

/// One dated item of one account, before it becomes an [`Entry`].
struct Item {
    kind: Kind,
    /// What names the item within its account and kind, whatever its position in the file:
    /// hashed into the UID, never printed.
    identity: String,
    date: Date,
    summary: String,
    description: Option<String>,
}

/// The UID of an item: the account id, the kind and a hash of its identity, so the same
/// item keeps its UID from build to build (and in every calendar that holds it), and a
/// subscribed calendar updates the event instead of adding another.
fn uid(account: &str, kind: Kind, identity: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [account, kind.as_str(), identity] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("{account}-{}-{hex}@rapport", kind.as_str())
}

/// The items of one account as entries: two items with the same identity (the same
/// milestone title twice in a goal) get `#2`, `#3`... in file order, so UIDs stay unique.
fn entries(account: &str, prefix: &str, items: Vec<Item>) -> Vec<Entry> {
    let mut seen: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    items
        .into_iter()
        .map(|item| {
            let count = seen
                .entry((item.kind.as_str(), item.identity.clone()))
                .or_insert(0);
            *count += 1;
            let identity = if *count == 1 {
                item.identity
            } else {
                format!("{}#{count}", item.identity)
            };
            Entry {
                uid: uid(account, item.kind, &identity),
                date: item.date,
                summary: format!("{prefix}{}", item.summary),
                description: item.description,
            }
        })
        .collect()
}

/// When a committee meeting at `cadence` next meets, on or after `as_of`: a whole number
/// of periods after `last`, the latest event that names it, if there is one; else the
/// first day of the next week (Monday), month, fiscal quarter or fiscal year that starts
/// on or after `as_of`. Ad-hoc committees, and those without a cadence, have none.
pub fn next_meeting(
    cadence: Option<Cadence>,
    last: Option<Date>,
    as_of: Date,
    fiscal: &FiscalCalendar,
) -> Option<Date> {
    let months = match cadence? {
        Cadence::AdHoc => return None,
        Cadence::Weekly => {
            return match last {
                Some(last) => {
                    let behind = (as_of - last).num_days().max(1);
                    // The smallest whole number of weeks that reaches as-of, at least one.
                    let weeks = (behind + 6) / 7;
                    last.checked_add_days(chrono::Days::new(u64::try_from(weeks).ok()? * 7))
                }
                None => {
                    let ahead = (7 - as_of.weekday().num_days_from_monday()) % 7;
                    as_of.checked_add_days(chrono::Days::new(u64::from(ahead)))
                }
            };
        }
        Cadence::Monthly => 1,
        Cadence::Quarterly => 3,
        Cadence::Yearly => 12,
    };
    match last {
        Some(last) => {
            // Counted from `last` each time (not step by step), so a meeting on the 31st
            // stays on the last day of shorter months without drifting.
            let behind =
                (as_of.year() - last.year()) * 12 + as_of.month() as i32 - last.month() as i32;
            let mut periods = u32::try_from(behind.max(0)).ok()? / months;
            loop {
                periods = periods.max(1);
                let date = last.checked_add_months(Months::new(periods.checked_mul(months)?))?;
                if date >= as_of {
                    return Some(date);
                }
                periods += 1;
            }
        }
        None => {
            let month_start = |date: Date| date.with_day(1);
            Some(match cadence? {
                Cadence::Monthly if as_of.day() == 1 => as_of,
                Cadence::Monthly => month_start(as_of)?.checked_add_months(Months::new(1))?,
                _ => {
                    let current = fiscal.current(as_of);
                    let next = if months == 3 {
                        current
                    } else {
                        Quarter {
                            year: current.year,
                            index: 1,
                        }
                    };
                    let start = fiscal.start(next);
                    if start == as_of {
                        start
                    } else if months == 3 {
                        fiscal.start(next.next())
                    } else {
                        fiscal.start(Quarter {
                            year: next.year.checked_add(1)?,
                            index: 1,
                        })
                    }
                }
            })
        }
    }
}

/// The latest of `events` (date, title) on or before `as_of` whose title names the
/// committee `name` (case aside).
fn last_named<'a>(
    name: &str,
    events: impl Iterator<Item = (Date, &'a str)>,
    as_of: Date,
) -> Option<Date> {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return None;
    }
    events
        .filter(|(date, title)| *date <= as_of && title.to_lowercase().contains(&name))
        .map(|(date, _)| date)
        .max()
}

fn cadence_word(cadence: Option<Cadence>) -> &'static str {
    cadence.map_or("", Cadence::as_str)
}

/// Every dated item of one account, for our own team, in the workspace's language.
fn internal_items(
    file: &AccountFile,
    analysis: &AccountAnalysis,
    as_of: Date,
    fiscal: &FiscalCalendar,
    words: Words,
) -> Vec<Item> {
    let account = &file.account;
    let mut items = Vec::new();
    for goal in &account.goals {
        let goal_title = goal.title.as_deref().unwrap_or(&goal.id.value);
        for m in goal
            .milestones
            .iter()
            .filter(|m| m.done.is_none_or(|d| d > as_of))
        {
            items.push(Item {
                kind: Kind::Milestone,
                identity: format!("{}\0{}", goal.id.value, m.title),
                date: m.due,
                summary: words.with(keys::CALENDAR_MILESTONE, &[("title", &m.title)]),
                description: Some(words.with(keys::CALENDAR_GOAL, &[("goal", goal_title)])),
            });
        }
    }
    for c in &account.commitments {
        let Some(due) = c.due.filter(|_| c.status == CommitmentStatus::Open) else {
            continue;
        };
        let by: &str = match c.by {
            Party::Us => "us",
            Party::Them => "them",
            Party::Both => "both",
        };
        let made = format::date(c.made);
        items.push(Item {
            kind: Kind::Commitment,
            identity: format!("{made}\0{}", c.what),
            date: due,
            summary: words.with(keys::CALENDAR_COMMITMENT_DUE, &[("what", &c.what)]),
            description: Some(words.with(
                keys::CALENDAR_PROMISED,
                &[("party", by), ("them", &account.name), ("date", &made)],
            )),
        });
    }
    items.push(Item {
        kind: Kind::Review,
        identity: analysis.next_review.to_string(),
        date: analysis.next_review_due,
        summary: words.with(
            keys::CALENDAR_REVIEW_DUE,
            &[("quarter", &analysis.next_review.to_string())],
        ),
        description: None,
    });
    for review in &account.reviews {
        for action in &review.actions {
            let Some(due) = action.due.filter(|_| action.done.is_none_or(|d| d > as_of)) else {
                continue;
            };
            let owner = action.owner.as_ref().map(|o| {
                account
                    .person(&o.value)
                    .map_or_else(|| o.value.clone(), |p| p.name.clone())
            });
            items.push(Item {
                kind: Kind::Action,
                identity: format!("{}\0{}", review.quarter.value, action.what),
                date: due,
                summary: words.with(keys::CALENDAR_ACTION_DUE, &[("what", &action.what)]),
                description: Some(match owner {
                    Some(owner) => words.with(
                        keys::CALENDAR_ACTION_FROM_OWNER,
                        &[
                            ("quarter", &review.quarter.value.to_string()),
                            ("owner", &owner),
                        ],
                    ),
                    None => words.with(
                        keys::CALENDAR_ACTION_FROM,
                        &[("quarter", &review.quarter.value.to_string())],
                    ),
                }),
            });
        }
    }
    for committee in &account.governance {
        let events = account.events.iter().map(|e| (e.date, e.title.as_str()));
        let last = last_named(&committee.name, events, as_of);
        if let Some(date) = next_meeting(committee.cadence, last, as_of, fiscal) {
            items.push(meeting(
                &committee.name,
                committee.cadence,
                last,
                date,
                words,
            ));
        }
    }
    items
}

/// A committee's next meeting, in the calendar's language.
fn meeting(
    name: &str,
    cadence: Option<Cadence>,
    last: Option<Date>,
    date: Date,
    words: Words,
) -> Item {
    let cadence = cadence_word(cadence);
    let description = match last {
        Some(last) => words.with(
            keys::CALENDAR_MEETS_COUNTED,
            &[("cadence", cadence), ("date", &format::date(last))],
        ),
        None => words.with(keys::CALENDAR_MEETS_UNRECORDED, &[("cadence", cadence)]),
    };
    Item {
        kind: Kind::Meeting,
        identity: name.to_string(),
        date,
        summary: words.with(keys::CALENDAR_MEETING, &[("name", name)]),
        description: Some(description),
    }
}

/// The items of one account's shared calendar, from the shared views only, in the
/// language of `words`.
fn shared_items(
    source: &SharedCalendarSource,
    as_of: Date,
    fiscal: &FiscalCalendar,
    words: Words,
) -> Vec<Item> {
    let say = |key: &str, args: &[(&str, &str)]| words.with(key, args);
    let mut items = Vec::new();
    for goal in &source.goals {
        for m in goal.milestones.iter().filter(|m| m.done.is_none()) {
            items.push(Item {
                kind: Kind::Milestone,
                identity: format!("{}\0{}", goal.id, m.title),
                date: m.due_date,
                summary: say(keys::CALENDAR_MILESTONE, &[("title", &m.title)]),
                description: Some(say(keys::CALENDAR_GOAL, &[("goal", &goal.title)])),
            });
        }
    }
    for c in &source.commitments {
        let Some(due) = c.due_date else { continue };
        items.push(Item {
            kind: Kind::Commitment,
            identity: format!("{}\0{}", c.made, c.what),
            date: due,
            summary: say(keys::CALENDAR_COMMITMENT_DUE, &[("what", &c.what)]),
            description: Some(say(keys::CALENDAR_COMMITMENT_MADE, &[("date", &c.made)])),
        });
    }
    for (quarter, actions) in &source.actions {
        for action in actions.iter().filter(|a| a.done.is_none()) {
            let Some(due) = action.due_date else { continue };
            items.push(Item {
                kind: Kind::Action,
                identity: format!("{quarter}\0{}", action.what),
                date: due,
                summary: say(keys::CALENDAR_ACTION_DUE, &[("what", &action.what)]),
                description: Some(match &action.owner {
                    Some(owner) => say(
                        keys::CALENDAR_ACTION_FROM_OWNER,
                        &[("quarter", quarter), ("owner", &owner.name)],
                    ),
                    None => say(keys::CALENDAR_ACTION_FROM, &[("quarter", quarter)]),
                }),
            });
        }
    }
    for committee in &source.committees {
        let events = source
            .events
            .iter()
            .map(|e| (e.date_value, e.title.as_str()));
        let last = last_named(&committee.name, events, as_of);
        if let Some(date) = next_meeting(committee.cadence_value, last, as_of, fiscal) {
            items.push(meeting(
                &committee.name,
                committee.cadence_value,
                last,
                date,
                words,
            ));
        }
    }
    items
}

/// The events of one account in our team's calendars (the internal one and its owner's),
/// each summary prefixed by the account's name, in the workspace's language. Kept per
/// account so that the calendars can be put together again after an edit without writing
/// every other account's events.
pub fn account_events(
    workspace: &Workspace,
    analysis: &Analysis,
    messages: &Messages,
    index: usize,
) -> Vec<WrittenEvent> {
    let file = &workspace.accounts[index];
    let as_of = analysis.as_of;
    let fiscal = FiscalCalendar::new(workspace.config.fiscal_year_start());
    let prefix = format!("{}: ", file.account.name);
    let words = messages.words(workspace.config.language);
    let items = internal_items(file, &analysis.accounts[index], as_of, &fiscal, words);
    entries(&file.id, &prefix, items)
        .iter()
        .map(|entry| ical::event(as_of, entry))
        .collect()
}

/// `internal/calendar.ics`: every account's events (`events[i]` those of account `i`, from
/// [`account_events`]).
pub fn internal_calendar(workspace: &Workspace, events: &[Vec<WrittenEvent>]) -> String {
    calendar_of(&workspace.config.title, events.iter())
}

/// An owner's calendar (`internal/owners/<slug>.ics`): the events of the accounts at
/// `indices`, named after the owner.
pub fn owner_calendar(
    workspace: &Workspace,
    name: &str,
    indices: &[usize],
    events: &[Vec<WrittenEvent>],
) -> String {
    let title = format!("{}: {name}", workspace.config.title);
    calendar_of(&title, indices.iter().filter_map(|&i| events.get(i)))
}

fn calendar_of<'a>(name: &str, accounts: impl Iterator<Item = &'a Vec<WrittenEvent>>) -> String {
    let mut sorted: Vec<&WrittenEvent> = accounts.flatten().collect();
    ical::sort(&mut sorted);
    ical::assemble(name, &sorted)
}

/// The shared calendar of one account: its shared items in shared wording only.
pub fn shared_calendar(
    workspace: &Workspace,
    analysis: &Analysis,
    messages: &Messages,
    index: usize,
) -> String {
    let file = &workspace.accounts[index];
    let as_of = analysis.as_of;
    let fiscal = FiscalCalendar::new(workspace.config.fiscal_year_start());
    let source = shared::calendar_source(&workspace.config.organisation, file, as_of);
    let words = messages.words(super::shared_language(workspace, index));
    let name = words.with(
        keys::PARTIES,
        &[("a", &source.parties.us), ("b", &source.parties.them)],
    );
    let items = shared_items(&source, as_of, &fiscal, words);
    ical::write(&name, as_of, &entries(&file.id, "", items))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    const JAN: FiscalCalendar = FiscalCalendar { start_month: 1 };

    fn next(cadence: Cadence, last: Option<&str>, as_of: &str) -> Option<Date> {
        next_meeting(Some(cadence), last.map(d), d(as_of), &JAN)
    }

    #[test]
    fn next_meetings_count_whole_periods_from_the_last_one() {
        assert_eq!(
            next(Cadence::Weekly, Some("2026-06-01"), "2026-06-10"),
            Some(d("2026-06-15"))
        );
        assert_eq!(
            next(Cadence::Weekly, Some("2026-06-01"), "2026-06-08"),
            Some(d("2026-06-08"))
        );
        // A meeting on as-of itself: the next one is a period later.
        assert_eq!(
            next(Cadence::Weekly, Some("2026-06-10"), "2026-06-10"),
            Some(d("2026-06-17"))
        );
        assert_eq!(
            next(Cadence::Monthly, Some("2026-01-31"), "2026-02-10"),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            next(Cadence::Monthly, Some("2026-01-31"), "2026-03-05"),
            Some(d("2026-03-31"))
        );
        assert_eq!(
            next(Cadence::Quarterly, Some("2025-11-20"), "2026-06-15"),
            Some(d("2026-08-20"))
        );
        assert_eq!(
            next(Cadence::Yearly, Some("2024-03-01"), "2026-06-15"),
            Some(d("2027-03-01"))
        );
        assert_eq!(next(Cadence::AdHoc, Some("2026-06-01"), "2026-06-15"), None);
        assert_eq!(next_meeting(None, None, d("2026-06-15"), &JAN), None);
    }

    #[test]
    fn without_a_last_meeting_the_next_period_starts_it() {
        // 2026-06-15 is a Monday.
        assert_eq!(
            next(Cadence::Weekly, None, "2026-06-15"),
            Some(d("2026-06-15"))
        );
        assert_eq!(
            next(Cadence::Weekly, None, "2026-06-16"),
            Some(d("2026-06-22"))
        );
        assert_eq!(
            next(Cadence::Monthly, None, "2026-06-15"),
            Some(d("2026-07-01"))
        );
        assert_eq!(
            next(Cadence::Monthly, None, "2026-06-01"),
            Some(d("2026-06-01"))
        );
        assert_eq!(
            next(Cadence::Quarterly, None, "2026-06-15"),
            Some(d("2026-07-01"))
        );
        assert_eq!(
            next(Cadence::Quarterly, None, "2026-07-01"),
            Some(d("2026-07-01"))
        );
        assert_eq!(
            next(Cadence::Yearly, None, "2026-06-15"),
            Some(d("2027-01-01"))
        );
        let april = FiscalCalendar { start_month: 4 };
        assert_eq!(
            next_meeting(Some(Cadence::Yearly), None, d("2026-06-15"), &april),
            Some(d("2027-04-01"))
        );
        assert_eq!(
            next_meeting(Some(Cadence::Quarterly), None, d("2026-06-15"), &april),
            Some(d("2026-07-01"))
        );
    }

    #[test]
    fn uids_name_the_item_not_its_position() {
        let a = uid("acme", Kind::Milestone, "goal\0Pilot");
        assert!(
            a.starts_with("acme-milestone-") && a.ends_with("@rapport"),
            "{a}"
        );
        assert_eq!(a, uid("acme", Kind::Milestone, "goal\0Pilot"));
        assert_ne!(a, uid("acme", Kind::Commitment, "goal\0Pilot"));
        assert_ne!(a, uid("other", Kind::Milestone, "goal\0Pilot"));
        let item = |identity: &str| Item {
            kind: Kind::Milestone,
            identity: identity.into(),
            date: d("2026-07-01"),
            summary: "x".into(),
            description: None,
        };
        let e = entries("acme", "", vec![item("a"), item("b"), item("a")]);
        assert_eq!(e[0].uid, uid("acme", Kind::Milestone, "a"));
        assert_eq!(e[2].uid, uid("acme", Kind::Milestone, "a#2"));
        assert_ne!(e[0].uid, e[2].uid);
    }
}
