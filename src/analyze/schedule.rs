//! The review rhythm: reviews in chronological order, the next review due, the last contact
//! and the first sign of the relationship in the file.

use super::{Date, FiscalCalendar};
use crate::model::{Account, Quarter, Review};

/// Indices into `account.reviews`, sorted by quarter (file order breaks ties).
pub fn review_order(account: &Account) -> Vec<usize> {
    let mut order: Vec<usize> = (0..account.reviews.len()).collect();
    order.sort_by_key(|&i| account.reviews[i].quarter.value);
    order
}

/// The earliest quarter from `last_completed` on that has no review yet.
pub fn next_review(account: &Account, last_completed: Quarter) -> Quarter {
    let mut quarter = last_completed;
    // Each step past a reviewed quarter consumes one review, so this ends.
    while account.reviews.iter().any(|r| r.quarter.value == quarter) {
        quarter = quarter.next();
    }
    quarter
}

/// When a review took place: its `date`, or else the last day of its quarter.
pub fn review_date(review: &Review, calendar: &FiscalCalendar) -> Date {
    review
        .date
        .unwrap_or_else(|| calendar.end(review.quarter.value))
}

/// The latest event or review on or before `as_of`.
pub fn last_contact(account: &Account, calendar: &FiscalCalendar, as_of: Date) -> Option<Date> {
    let events = account.events.iter().map(|e| e.date);
    let reviews = account.reviews.iter().map(|r| review_date(r, calendar));
    events.chain(reviews).filter(|&d| d <= as_of).max()
}

/// When the account first shows in the file: `since`, or else the earliest event, dispute
/// opened, commitment made or review. `None` when nothing is dated.
pub fn first_seen(account: &Account, calendar: &FiscalCalendar) -> Option<Date> {
    if account.since.is_some() {
        return account.since;
    }
    let events = account.events.iter().map(|e| e.date);
    let disputes = account.disputes.iter().map(|d| d.opened);
    let commitments = account.commitments.iter().map(|c| c.made);
    let reviews = account.reviews.iter().map(|r| review_date(r, calendar));
    events
        .chain(disputes)
        .chain(commitments)
        .chain(reviews)
        .min()
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

    const REVIEWS: &str = "
reviews:
  - { quarter: 2026-Q2, date: 2026-07-08 }
  - { quarter: 2025-Q4 }
  - { quarter: 2026-Q1, date: 2026-04-10 }
";

    #[test]
    fn reviews_sort_by_quarter() {
        assert_eq!(review_order(&account(REVIEWS)), vec![1, 2, 0]);
    }

    #[test]
    fn next_review_skips_reviewed_quarters() {
        let a = account(REVIEWS);
        assert_eq!(
            next_review(&a, "2026-Q1".parse().unwrap()).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            next_review(&a, "2026-Q3".parse().unwrap()).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            next_review(&account(""), "2026-Q3".parse().unwrap()).to_string(),
            "2026-Q3"
        );
    }

    #[test]
    fn last_contact_is_the_latest_event_or_review_up_to_as_of() {
        let cal = FiscalCalendar::new(1);
        let a = account(&format!(
            "{REVIEWS}events:\n  - {{ date: 2026-05-01, title: call }}\n  - {{ date: 2026-09-01, title: later }}\n"
        ));
        assert_eq!(
            last_contact(&a, &cal, d("2026-06-30")),
            Some(d("2026-05-01"))
        );
        assert_eq!(
            last_contact(&a, &cal, d("2026-08-01")),
            Some(d("2026-07-08"))
        );
        assert_eq!(
            last_contact(&a, &cal, d("2026-09-01")),
            Some(d("2026-09-01"))
        );
        // An undated review counts at the end of its quarter.
        assert_eq!(
            last_contact(&a, &cal, d("2026-01-15")),
            Some(d("2025-12-31"))
        );
        assert_eq!(last_contact(&a, &cal, d("2025-01-01")), None);
    }

    #[test]
    fn first_seen_prefers_since_then_the_earliest_dated_entry() {
        let cal = FiscalCalendar::new(1);
        assert_eq!(
            first_seen(&account("since: 2020-01-01\n"), &cal),
            Some(d("2020-01-01"))
        );
        let a = account("commitments:\n  - { by: us, what: x, made: 2026-02-01 }\ndisputes:\n  - { id: a, opened: 2025-06-01 }\n");
        assert_eq!(first_seen(&a, &cal), Some(d("2025-06-01")));
        assert_eq!(first_seen(&account(""), &cal), None);
    }
}
