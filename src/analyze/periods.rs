//! What changed in a review's quarter: the raw material of a review pack.
//!
//! Period-assignment rule for commitments: a kept or broken commitment belongs to the
//! quarter of its `closed` date, else of the commit that changed its status (from git),
//! else of its due date, else of the day it was made (see `figures::settled_on`).

use super::figures::{settled_on, MilestoneRef};
use super::{Date, FiscalCalendar};
use crate::model::{Account, CommitmentStatus, Level, Quarter, Review, Score};
use serde::Serialize;
use std::collections::BTreeMap;

/// A criterion's score in a review, against the chronologically previous review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreDelta {
    /// The criterion id.
    pub criterion: String,
    /// The score: the number given, or the mean of the levels.
    pub score: f64,
    /// The score in the previous review, if it scored this criterion.
    pub previous: Option<f64>,
    /// score - previous.
    pub delta: Option<f64>,
    /// Each of their levels' score, when this review scored the criterion by level.
    pub levels: Option<BTreeMap<Level, i64>>,
    /// The same in the previous review.
    pub previous_levels: Option<BTreeMap<Level, i64>>,
}

/// Everything that happened inside one reviewed quarter. Every list is chronological.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodChanges {
    /// Index into `account.reviews`.
    pub review: usize,
    pub quarter: Quarter,
    pub start: Date,
    pub end: Date,
    /// When the review was held (its date, else the quarter's end), not after as-of: the
    /// date the actions of the previous review are checked at.
    pub review_date: Date,
    /// Chronological neighbours, as indices into `account.reviews`.
    pub previous_review: Option<usize>,
    pub next_review: Option<usize>,
    /// Indices into `account.events` dated inside the quarter.
    pub events: Vec<usize>,
    /// Done inside the quarter.
    pub milestones_met: Vec<MilestoneRef>,
    /// Due inside the quarter and done after the due date, or not done and already past due
    /// at the as-of date (a milestone still due in the future is not missed).
    pub milestones_missed: Vec<MilestoneRef>,
    /// Due inside the quarter.
    pub milestones_due: Vec<MilestoneRef>,
    /// Indices into `account.commitments` made inside the quarter.
    pub commitments_made: Vec<usize>,
    /// Kept, and settled inside the quarter (see `figures::settled_on`).
    pub commitments_kept: Vec<usize>,
    /// Broken, and settled inside the quarter.
    pub commitments_broken: Vec<usize>,
    /// Indices into `account.disputes`.
    pub disputes_opened: Vec<usize>,
    pub disputes_resolved: Vec<usize>,
    /// In `account.criteria` order, only criteria scored in this review.
    pub score_deltas: Vec<ScoreDelta>,
}

/// One `PeriodChanges` per review, in `review_order`.
pub fn periods(
    account: &Account,
    calendar: &FiscalCalendar,
    review_order: &[usize],
    as_of: Date,
) -> Vec<PeriodChanges> {
    review_order
        .iter()
        .enumerate()
        .map(|(position, &review)| {
            let previous_review = position.checked_sub(1).map(|p| review_order[p]);
            let next_review = review_order.get(position + 1).copied();
            let mut period = period(account, calendar, review, as_of);
            period.score_deltas = score_deltas(
                account,
                &account.reviews[review],
                previous_review.map(|p| &account.reviews[p]),
            );
            period.previous_review = previous_review;
            period.next_review = next_review;
            period
        })
        .collect()
}

fn period(
    account: &Account,
    calendar: &FiscalCalendar,
    review: usize,
    as_of: Date,
) -> PeriodChanges {
    let quarter = account.reviews[review].quarter.value;
    let (start, end) = (calendar.start(quarter), calendar.end(quarter));
    let inside = |date: Date| start <= date && date <= end;

    let events = chronological(
        account.events.iter().enumerate().map(|(i, e)| (e.date, i)),
        inside,
    );
    let milestones: Vec<(MilestoneRef, &crate::model::Milestone)> = account
        .goals
        .iter()
        .enumerate()
        .flat_map(|(goal, g)| {
            g.milestones
                .iter()
                .enumerate()
                .map(move |(milestone, m)| (MilestoneRef { goal, milestone }, m))
        })
        .collect();
    let missed = |m: &crate::model::Milestone| match m.done {
        Some(done) => done > m.due,
        None => m.due < as_of,
    };
    let milestones_met = chronological(
        milestones
            .iter()
            .filter_map(|(r, m)| m.done.map(|d| (d, *r))),
        inside,
    );
    let milestones_due = chronological(milestones.iter().map(|(r, m)| (m.due, *r)), inside);
    // A milestone due and finished late in the same quarter is listed once, under met
    // (marked late), not as both met and missed.
    let milestones_missed: Vec<MilestoneRef> = chronological(
        milestones
            .iter()
            .filter(|(_, m)| missed(m))
            .map(|(r, m)| (m.due, *r)),
        inside,
    )
    .into_iter()
    .filter(|r| !milestones_met.contains(r))
    .collect();

    let commitments = || account.commitments.iter().enumerate();
    let settled_with = |status: CommitmentStatus| {
        chronological(
            commitments()
                .filter(|(_, c)| c.status == status)
                .map(|(i, c)| (settled_on(c), i)),
            inside,
        )
    };

    PeriodChanges {
        review,
        quarter,
        start,
        end,
        review_date: account.reviews[review].date.unwrap_or(end).min(as_of),
        previous_review: None,
        next_review: None,
        events,
        milestones_met,
        milestones_missed,
        milestones_due,
        commitments_made: chronological(commitments().map(|(i, c)| (c.made, i)), inside),
        commitments_kept: settled_with(CommitmentStatus::Kept),
        commitments_broken: settled_with(CommitmentStatus::Broken),
        disputes_opened: chronological(
            account
                .disputes
                .iter()
                .enumerate()
                .map(|(i, d)| (d.opened, i)),
            inside,
        ),
        disputes_resolved: chronological(
            account
                .disputes
                .iter()
                .enumerate()
                .filter_map(|(i, d)| d.resolved.map(|r| (r, i))),
            inside,
        ),
        score_deltas: Vec::new(),
    }
}

/// The items whose date passes `inside`, sorted by date, then by position in the file.
fn chronological<T: Ord>(
    items: impl Iterator<Item = (Date, T)>,
    inside: impl Fn(Date) -> bool,
) -> Vec<T> {
    let mut kept: Vec<(Date, T)> = items.filter(|(date, _)| inside(*date)).collect();
    kept.sort();
    kept.into_iter().map(|(_, item)| item).collect()
}

/// Score deltas in criteria order, for the criteria this review scored.
fn score_deltas(account: &Account, review: &Review, previous: Option<&Review>) -> Vec<ScoreDelta> {
    account
        .criteria
        .iter()
        .filter_map(|criterion| {
            let id = &criterion.id.value;
            let score = &review.scores.get(id)?.value;
            let before = previous.and_then(|p| p.scores.get(id)).map(|s| &s.value);
            Some(ScoreDelta {
                criterion: id.clone(),
                score: score.mean(),
                previous: before.map(Score::mean),
                delta: before.map(|p| score.mean() - p.mean()),
                levels: score.by_level().cloned(),
                previous_levels: before.and_then(Score::by_level).cloned(),
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::schedule::review_order;
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }
    fn account(body: &str) -> Account {
        crate::yaml::parse(&format!("name: Test\nkind: customer\n{body}")).unwrap()
    }

    const ACCOUNT: &str = "
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
  - { id: speed, name: Speed }
  - { id: price, name: Price }
events:
  - { date: 2026-05-20, title: later in Q2 }
  - { date: 2026-04-01, title: first day of Q2 }
  - { date: 2026-03-31, title: last day of Q1 }
goals:
  - id: g
    milestones:
      - { title: met early, due: 2026-07-15, done: 2026-06-01 }
      - { title: missed late, due: 2026-05-01, done: 2026-07-02 }
      - { title: missed open, due: 2026-06-30 }
      - { title: met on time, due: 2026-04-30, done: 2026-04-30 }
commitments:
  - { by: us, what: kept in Q2, made: 2026-01-10, due: 2026-05-01, status: kept }
  - { by: them, what: broken no due, made: 2026-04-02, status: broken }
  - { by: us, what: kept in Q3, made: 2026-04-03, due: 2026-07-10, status: kept }
  - { by: both, what: open, made: 2026-06-30 }
disputes:
  - { id: a, opened: 2026-04-15, resolved: 2026-07-01 }
  - { id: b, opened: 2025-01-01, resolved: 2026-06-30 }
reviews:
  - { quarter: 2026-Q2, scores: { reliability: 2, speed: 4 } }
  - { quarter: 2026-Q1, scores: { reliability: 4, price: 3 } }
";

    fn q2() -> PeriodChanges {
        let a = account(ACCOUNT);
        let cal = FiscalCalendar::new(1);
        let all = periods(&a, &cal, &review_order(&a), d("2026-08-01"));
        assert_eq!(all.iter().map(|p| p.review).collect::<Vec<_>>(), vec![1, 0]);
        all.into_iter().nth(1).unwrap()
    }

    #[test]
    fn period_bounds_and_neighbours() {
        let p = q2();
        assert_eq!((p.start, p.end), (d("2026-04-01"), d("2026-06-30")));
        assert_eq!((p.previous_review, p.next_review), (Some(1), None));
    }

    #[test]
    fn events_inside_the_quarter_in_date_order() {
        assert_eq!(q2().events, vec![1, 0]);
    }

    #[test]
    fn milestones_met_missed_and_due() {
        let p = q2();
        let r = |milestone| MilestoneRef { goal: 0, milestone };
        assert_eq!(p.milestones_met, vec![r(3), r(0)]);
        assert_eq!(p.milestones_due, vec![r(3), r(1), r(2)]);
        assert_eq!(p.milestones_missed, vec![r(1), r(2)]);
    }

    #[test]
    fn milestone_not_yet_due_at_as_of_is_not_missed() {
        let a = account(ACCOUNT);
        let all = periods(
            &a,
            &FiscalCalendar::new(1),
            &review_order(&a),
            d("2026-06-30"),
        );
        // "missed open" is due on the as-of date itself: not missed yet.
        assert_eq!(
            all[1].milestones_missed,
            vec![MilestoneRef {
                goal: 0,
                milestone: 1
            }]
        );
    }

    #[test]
    fn commitments_are_placed_by_due_date_else_made_date() {
        let p = q2();
        assert_eq!(p.commitments_made, vec![1, 2, 3]);
        assert_eq!(p.commitments_kept, vec![0]);
        assert_eq!(p.commitments_broken, vec![1]);
    }

    #[test]
    fn disputes_opened_and_resolved() {
        let p = q2();
        assert_eq!(p.disputes_opened, vec![0]);
        assert_eq!(p.disputes_resolved, vec![1]);
    }

    #[test]
    fn score_deltas_against_the_previous_review() {
        let p = q2();
        assert_eq!(
            p.score_deltas,
            vec![
                ScoreDelta {
                    criterion: "reliability".into(),
                    score: 2.0,
                    previous: Some(4.0),
                    delta: Some(-2.0),
                    levels: None,
                    previous_levels: None,
                },
                ScoreDelta {
                    criterion: "speed".into(),
                    score: 4.0,
                    previous: None,
                    delta: None,
                    levels: None,
                    previous_levels: None,
                },
            ]
        );
    }

    #[test]
    fn wrapping_fiscal_year_periods() {
        let a = account("events:\n  - { date: 2027-01-01, title: new year }\n  - { date: 2026-12-31, title: old year }\nreviews:\n  - { quarter: 2026-Q2 }\n");
        let p = &periods(&a, &FiscalCalendar::new(10), &[0], d("2027-06-01"))[0];
        assert_eq!((p.start, p.end), (d("2027-01-01"), d("2027-03-31")));
        assert_eq!(p.events, vec![0]);
    }
}
