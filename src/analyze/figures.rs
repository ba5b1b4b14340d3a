//! Counts an account director reads at a glance: commitments by status and side with the
//! keep rate, milestones on time, late, open and overdue, and dispute exposure and age.
//!
//! Every figure is judged at a date: things dated after it have not happened yet. The
//! account's own figures are judged at the as-of date; the health trend judges the same
//! rules at the end of each reviewed quarter.

use super::Date;
use crate::model::{Account, Commitment, CommitmentStatus, Level, Party};
use serde::Serialize;
use std::collections::BTreeMap;

/// Commitments in each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub open: usize,
    pub kept: usize,
    pub broken: usize,
    pub withdrawn: usize,
}

impl StatusCounts {
    fn add(&mut self, status: CommitmentStatus) {
        match status {
            CommitmentStatus::Open => self.open += 1,
            CommitmentStatus::Kept => self.kept += 1,
            CommitmentStatus::Broken => self.broken += 1,
            CommitmentStatus::Withdrawn => self.withdrawn += 1,
        }
    }
}

/// The commitments ledger in numbers.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentFigures {
    pub kept: usize,
    pub broken: usize,
    pub open: usize,
    pub withdrawn: usize,
    /// kept / (kept + broken); `None` when nothing was kept or broken yet.
    pub keep_rate: Option<f64>,
    /// Counts per side; every side (`us`, `them`, `both`) is present, zero when unused.
    pub by_side: BTreeMap<Party, StatusCounts>,
    /// Indices into `account.commitments`: open and due before the date (due today is not
    /// overdue).
    pub overdue: Vec<usize>,
}

/// A milestone: indices into `account.goals` and that goal's `milestones`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MilestoneRef {
    pub goal: usize,
    pub milestone: usize,
}

/// Milestones across all goals.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneFigures {
    pub total: usize,
    /// Done on or before the due date.
    pub on_time: usize,
    /// Done after the due date.
    pub late: usize,
    /// Not done yet.
    pub open: usize,
    /// Due before the date and not done (due today is not overdue).
    pub overdue: Vec<MilestoneRef>,
    /// Milestones whose outcome is due: due before the date, or due on it and already done
    /// (a milestone due today and not done is not missed yet). The health denominator.
    pub due: usize,
    /// Of `due`, those done on or before their due date. The health numerator.
    pub due_met: usize,
}

/// One dispute at the date.
#[derive(Debug, Clone, Serialize)]
pub struct DisputeStatus {
    /// Index into `account.disputes`.
    pub index: usize,
    pub open: bool,
    /// Days from `opened` to `resolved`, or to the date while open.
    pub age_days: i64,
    pub escalated_to: Option<Level>,
}

/// Disputes in numbers.
#[derive(Debug, Clone, Serialize)]
pub struct DisputeFigures {
    pub open: usize,
    pub resolved: usize,
    /// Currency -> sum of the amounts of open disputes. The currency is the dispute's, else
    /// the account value's, else "". An open dispute without an amount adds nothing here
    /// but still counts as open.
    pub exposure: BTreeMap<String, f64>,
    /// Disputes opened by the date, in file order.
    pub items: Vec<DisputeStatus>,
    pub oldest_open_days: Option<i64>,
}

/// The date a commitment's outcome belongs to: its `closed` date when the file gives one,
/// else the date of the commit that gave it its status (in a git workspace), else its due
/// date, else the day it was made. This is the rule by which kept and broken commitments
/// are placed in a period and in the past.
pub fn settled_on(commitment: &Commitment) -> Date {
    commitment
        .closed
        .or(commitment.status_committed)
        .or(commitment.due)
        .unwrap_or(commitment.made)
}

/// Which rule placed a commitment's outcome in time (see [`settled_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SettledBy {
    /// The `closed` date written in the file.
    Closed,
    /// No `closed` date: the date of the commit that changed its status.
    Commit,
    /// No `closed` date: the due date.
    DueDate,
    /// Neither: the day the commitment was made.
    MadeDate,
}

pub fn settled_by(commitment: &Commitment) -> SettledBy {
    match (
        commitment.closed,
        commitment.status_committed,
        commitment.due,
    ) {
        (Some(_), _, _) => SettledBy::Closed,
        (None, Some(_), _) => SettledBy::Commit,
        (None, None, Some(_)) => SettledBy::DueDate,
        (None, None, None) => SettledBy::MadeDate,
    }
}

/// A commitment's status judged at `date`, knowing the file describes `as_of`. At or after
/// `as_of` the written status holds. Before it, a commitment that is kept, broken or
/// withdrawn counts as open until its `settled_on` date.
pub fn status_at(commitment: &Commitment, date: Date, as_of: Date) -> CommitmentStatus {
    match commitment.status {
        CommitmentStatus::Open => CommitmentStatus::Open,
        // A `closed` date after the judging date has not happened yet, at as-of too.
        _ if (date < as_of || commitment.closed.is_some()) && settled_on(commitment) > date => {
            CommitmentStatus::Open
        }
        status => status,
    }
}

/// Commitments made on or before `date`, judged at `date` (see [`status_at`]).
pub fn commitment_figures(account: &Account, date: Date, as_of: Date) -> CommitmentFigures {
    let mut total = StatusCounts::default();
    let mut by_side: BTreeMap<Party, StatusCounts> = Party::ALL
        .iter()
        .map(|&p| (p, StatusCounts::default()))
        .collect();
    let mut overdue = Vec::new();
    for (index, commitment) in account.commitments.iter().enumerate() {
        if commitment.made > date {
            continue;
        }
        let status = status_at(commitment, date, as_of);
        total.add(status);
        by_side.entry(commitment.by).or_default().add(status);
        if status == CommitmentStatus::Open && commitment.due.is_some_and(|due| due < date) {
            overdue.push(index);
        }
    }
    let decided = total.kept + total.broken;
    CommitmentFigures {
        kept: total.kept,
        broken: total.broken,
        open: total.open,
        withdrawn: total.withdrawn,
        keep_rate: (decided > 0).then(|| total.kept as f64 / decided as f64),
        by_side,
        overdue,
    }
}

/// All milestones, judged at `date`: a `done` date after it does not count yet.
pub fn milestone_figures(account: &Account, date: Date) -> MilestoneFigures {
    let mut figures = MilestoneFigures {
        total: 0,
        on_time: 0,
        late: 0,
        open: 0,
        overdue: Vec::new(),
        due: 0,
        due_met: 0,
    };
    for (goal, g) in account.goals.iter().enumerate() {
        for (milestone, m) in g.milestones.iter().enumerate() {
            figures.total += 1;
            let done = m.done.filter(|&done| done <= date);
            match done {
                Some(done) if done <= m.due => figures.on_time += 1,
                Some(_) => figures.late += 1,
                None => {
                    figures.open += 1;
                    if m.due < date {
                        figures.overdue.push(MilestoneRef { goal, milestone });
                    }
                }
            }
            if m.due < date || (m.due == date && done.is_some()) {
                figures.due += 1;
                if done.is_some_and(|done| done <= m.due) {
                    figures.due_met += 1;
                }
            }
        }
    }
    figures
}

/// Disputes opened on or before `date`; a dispute resolved after it is still open then.
pub fn dispute_figures(account: &Account, date: Date) -> DisputeFigures {
    let fallback_currency = account
        .value
        .as_ref()
        .and_then(|v| v.currency.clone())
        .unwrap_or_default();
    let mut figures = DisputeFigures {
        open: 0,
        resolved: 0,
        exposure: BTreeMap::new(),
        items: Vec::new(),
        oldest_open_days: None,
    };
    for (index, dispute) in account.disputes.iter().enumerate() {
        if dispute.opened > date {
            continue;
        }
        let resolved = dispute.resolved.filter(|&r| r <= date);
        let age_days = (resolved.unwrap_or(date) - dispute.opened).num_days();
        let open = resolved.is_none();
        if open {
            figures.open += 1;
            figures.oldest_open_days = figures.oldest_open_days.max(Some(age_days));
            if let Some(amount) = dispute.amount {
                let currency = dispute
                    .currency
                    .clone()
                    .unwrap_or_else(|| fallback_currency.clone());
                *figures.exposure.entry(currency).or_insert(0.0) += amount;
            }
        } else {
            figures.resolved += 1;
        }
        figures.items.push(DisputeStatus {
            index,
            open,
            age_days,
            escalated_to: dispute.escalated_to,
        });
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
    fn account(body: &str) -> Account {
        crate::yaml::parse(&format!("name: Test\nkind: customer\n{body}")).unwrap()
    }

    const COMMITMENTS: &str = "
commitments:
  - { by: us, what: a, made: 2026-01-01, due: 2026-03-31, status: kept }
  - { by: us, what: b, made: 2026-01-01, due: 2026-03-31, status: broken }
  - { by: them, what: c, made: 2026-01-01, due: 2026-05-01, status: kept }
  - { by: both, what: d, made: 2026-01-01, due: 2026-05-01 }
  - { by: them, what: e, made: 2026-01-01, due: 2026-04-30 }
  - { by: us, what: f, made: 2026-01-01, status: withdrawn }
  - { by: us, what: g, made: 2026-06-01 }
";

    #[test]
    fn commitments_are_counted_by_status_and_side() {
        let a = account(COMMITMENTS);
        let f = commitment_figures(&a, d("2026-05-01"), d("2026-05-01"));
        assert_eq!((f.kept, f.broken, f.open, f.withdrawn), (2, 1, 2, 1));
        assert_eq!(f.keep_rate, Some(2.0 / 3.0));
        assert_eq!(
            f.by_side[&Party::Us],
            StatusCounts {
                open: 0,
                kept: 1,
                broken: 1,
                withdrawn: 1
            }
        );
        assert_eq!(
            f.by_side[&Party::Them],
            StatusCounts {
                open: 1,
                kept: 1,
                broken: 0,
                withdrawn: 0
            }
        );
        assert_eq!(
            f.by_side[&Party::Both],
            StatusCounts {
                open: 1,
                kept: 0,
                broken: 0,
                withdrawn: 0
            }
        );
    }

    #[test]
    fn commitment_due_today_is_not_overdue() {
        let a = account(COMMITMENTS);
        // d is due 2026-05-01 (today): not overdue; e was due the day before: overdue.
        let f = commitment_figures(&a, d("2026-05-01"), d("2026-05-01"));
        assert_eq!(f.overdue, vec![4]);
        let f = commitment_figures(&a, d("2026-05-02"), d("2026-05-02"));
        assert_eq!(f.overdue, vec![3, 4]);
    }

    #[test]
    fn keep_rate_is_none_without_kept_or_broken() {
        let a = account("commitments:\n  - { by: us, what: a, made: 2026-01-01 }\n  - { by: us, what: b, made: 2026-01-01, status: withdrawn }\n");
        let f = commitment_figures(&a, d("2026-05-01"), d("2026-05-01"));
        assert_eq!(f.keep_rate, None);
        assert_eq!(
            commitment_figures(&account(""), d("2026-05-01"), d("2026-05-01")).keep_rate,
            None
        );
    }

    #[test]
    fn in_the_past_a_status_counts_from_its_due_date() {
        let a = account(COMMITMENTS);
        // At 2026-04-15, seen from 2026-05-01: a and b are settled (due 03-31); c (kept, due
        // 05-01) still counts as open; f (withdrawn, no due) settled when made.
        let f = commitment_figures(&a, d("2026-04-15"), d("2026-05-01"));
        assert_eq!((f.kept, f.broken, f.open, f.withdrawn), (1, 1, 3, 1));
        assert_eq!(f.keep_rate, Some(0.5));
        // g was made after both dates: not counted.
        assert_eq!(f.kept + f.broken + f.open + f.withdrawn, 6);
    }

    const MILESTONES: &str = "
goals:
  - id: one
    milestones:
      - { title: early, due: 2026-03-31, done: 2026-03-01 }
      - { title: on the day, due: 2026-03-31, done: 2026-03-31 }
      - { title: late, due: 2026-03-31, done: 2026-04-10 }
  - id: two
    milestones:
      - { title: missed, due: 2026-04-01 }
      - { title: due today, due: 2026-05-01 }
      - { title: future, due: 2026-06-01 }
";

    #[test]
    fn milestones_on_time_late_open_and_overdue() {
        let a = account(MILESTONES);
        let f = milestone_figures(&a, d("2026-05-01"));
        assert_eq!((f.total, f.on_time, f.late, f.open), (6, 2, 1, 3));
        assert_eq!(
            f.overdue,
            vec![MilestoneRef {
                goal: 1,
                milestone: 0
            }]
        );
        // Due by the date: the three of goal one and "missed"; "due today" is not late yet.
        assert_eq!((f.due, f.due_met), (4, 2));
    }

    #[test]
    fn milestone_done_after_the_date_is_still_open_then() {
        let a = account(MILESTONES);
        let f = milestone_figures(&a, d("2026-04-05"));
        assert_eq!((f.on_time, f.late, f.open), (2, 0, 4));
        assert_eq!(
            f.overdue,
            vec![
                MilestoneRef {
                    goal: 0,
                    milestone: 2
                },
                MilestoneRef {
                    goal: 1,
                    milestone: 0
                }
            ]
        );
    }

    #[test]
    fn milestone_due_today_and_done_today_counts_as_met() {
        let a = account("goals:\n  - id: g\n    milestones:\n      - { title: m, due: 2026-05-01, done: 2026-05-01 }\n");
        let f = milestone_figures(&a, d("2026-05-01"));
        assert_eq!((f.due, f.due_met, f.on_time), (1, 1, 1));
    }

    #[test]
    fn dispute_exposure_age_and_currency_fallback() {
        let a = account(
            "
value: { currency: EUR }
disputes:
  - { id: a, opened: 2026-01-01, amount: 100, currency: USD }
  - { id: b, opened: 2026-03-01, amount: 50 }
  - { id: c, opened: 2026-04-01 }
  - { id: d, opened: 2025-01-01, resolved: 2025-03-02, amount: 999, escalated_to: senior }
  - { id: e, opened: 2026-02-01, amount: 10, resolved: 2026-06-01 }
  - { id: f, opened: 2026-06-01, amount: 7 }
",
        );
        let f = dispute_figures(&a, d("2026-05-01"));
        assert_eq!((f.open, f.resolved), (4, 1));
        assert_eq!(f.exposure.get("USD"), Some(&100.0));
        assert_eq!(f.exposure.get("EUR"), Some(&60.0));
        assert_eq!(f.exposure.len(), 2);
        assert_eq!(f.oldest_open_days, Some(120));
        let indices: Vec<usize> = f.items.iter().map(|i| i.index).collect();
        assert_eq!(indices, vec![0, 1, 2, 3, 4]);
        assert_eq!(f.items[3].age_days, 60);
        assert!(!f.items[3].open);
        assert_eq!(f.items[3].escalated_to, Some(Level::Senior));
        assert!(f.items[4].open, "resolved after the date: open then");
    }

    #[test]
    fn dispute_without_any_currency_uses_empty_key() {
        let a = account("disputes:\n  - { id: a, opened: 2026-01-01, amount: 5 }\n");
        let f = dispute_figures(&a, d("2026-01-01"));
        assert_eq!(f.exposure.get(""), Some(&5.0));
        assert_eq!(f.items[0].age_days, 0);
    }
}
