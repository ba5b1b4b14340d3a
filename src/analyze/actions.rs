//! Actions agreed at reviews: where each stands at a date, and how many are open or late
//! across an account.

use super::Date;
use crate::model::{Account, Action, Quarter};
use serde::Serialize;

/// Where an action stands at the date it is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Done on or before its due date (or done, without one).
    Done,
    /// Done after its due date.
    DoneLate,
    /// Not done, and not yet due (or without a due date).
    Open,
    /// Not done, and past its due date.
    Late,
}

/// The status of `action` at `judged_at`: a done date after it does not count yet.
pub fn action_status(action: &Action, judged_at: Date) -> ActionStatus {
    match (action.done.filter(|&d| d <= judged_at), action.due) {
        (Some(done), Some(due)) if done > due => ActionStatus::DoneLate,
        (Some(_), _) => ActionStatus::Done,
        (None, Some(due)) if due < judged_at => ActionStatus::Late,
        (None, _) => ActionStatus::Open,
    }
}

/// How many actions of an account are not done at as-of, and how many of those are late.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ActionFigures {
    /// Not done, late ones included.
    pub open: usize,
    /// Not done and past their due date.
    pub late: usize,
}

/// Actions of reviews of quarters after `current` are not counted: those reviews have not
/// happened yet at as-of.
pub fn action_figures(account: &Account, as_of: Date, current: Quarter) -> ActionFigures {
    let mut figures = ActionFigures::default();
    let held = account
        .reviews
        .iter()
        .filter(|r| r.quarter.value <= current);
    for action in held.flat_map(|r| &r.actions) {
        match action_status(action, as_of) {
            ActionStatus::Open => figures.open += 1,
            ActionStatus::Late => {
                figures.open += 1;
                figures.late += 1;
            }
            ActionStatus::Done | ActionStatus::DoneLate => {}
        }
    }
    figures
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn action(due: Option<&str>, done: Option<&str>) -> Action {
        Action {
            what: "Send the policy".into(),
            owner: None,
            due: due.map(d),
            done: done.map(d),
            visibility: crate::model::Visibility::Shared,
        }
    }

    #[test]
    fn done_late_open_and_late_at_their_boundaries() {
        let at = d("2026-08-15");
        let status = |due, done| action_status(&action(due, done), at);
        assert_eq!(
            status(Some("2026-08-15"), Some("2026-08-15")),
            ActionStatus::Done
        );
        assert_eq!(
            status(Some("2026-08-14"), Some("2026-08-15")),
            ActionStatus::DoneLate
        );
        assert_eq!(status(None, Some("2026-08-01")), ActionStatus::Done);
        // Due today is not late yet; due yesterday is.
        assert_eq!(status(Some("2026-08-15"), None), ActionStatus::Open);
        assert_eq!(status(Some("2026-08-14"), None), ActionStatus::Late);
        assert_eq!(status(None, None), ActionStatus::Open);
        // A done date after the judging date does not count yet.
        assert_eq!(
            status(Some("2026-08-10"), Some("2026-09-01")),
            ActionStatus::Late
        );
    }
}
