//! The fiscal calendar: which quarter a date falls in, and the dates a quarter spans.
//!
//! `2026-Q1` is the first quarter of the fiscal year that starts in calendar 2026, so with
//! `fiscal_year_start: 10` it runs 2026-10-01..2026-12-31 and `2026-Q2` runs
//! 2027-01-01..2027-03-31.

use super::Date;
use crate::model::Quarter;
use chrono::Datelike;
use serde::Serialize;

/// Fiscal quarters for a fiscal year that starts on the first day of `start_month`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FiscalCalendar {
    /// 1..=12; out-of-range values are clamped.
    pub start_month: u32,
}

impl FiscalCalendar {
    pub fn new(start_month: u32) -> Self {
        FiscalCalendar {
            start_month: start_month.clamp(1, 12),
        }
    }

    /// The fiscal quarter `date` falls in.
    pub fn quarter_of(&self, date: Date) -> Quarter {
        let month = date.month();
        let start = self.start_month.clamp(1, 12);
        let (year, offset) = if month >= start {
            (date.year(), month - start)
        } else {
            (date.year() - 1, month + 12 - start)
        };
        // offset is 0..=11, so the index is 1..=4 and fits in a u8.
        Quarter {
            year,
            index: (offset / 3 + 1) as u8,
        }
    }

    /// The first day of `q`.
    pub fn start(&self, q: Quarter) -> Date {
        let months = u32::from(q.index.clamp(1, 4) - 1) * 3 + (self.start_month.clamp(1, 12) - 1);
        let year = q.year.saturating_add((months / 12) as i32);
        first_of_month(year, months % 12 + 1)
    }

    /// The last day of `q` (inclusive).
    pub fn end(&self, q: Quarter) -> Date {
        let next = self.start(q.next());
        next.pred_opt().unwrap_or(next)
    }

    /// The quarter `as_of` falls in.
    pub fn current(&self, as_of: Date) -> Quarter {
        self.quarter_of(as_of)
    }

    /// The quarter before the current one: the latest that has fully ended.
    pub fn last_completed(&self, as_of: Date) -> Quarter {
        self.current(as_of).previous()
    }

    /// Whether `date` lies inside `q`.
    pub fn contains(&self, q: Quarter, date: Date) -> bool {
        self.start(q) <= date && date <= self.end(q)
    }
}

/// The first day of a month; years beyond chrono's range saturate to its limits.
fn first_of_month(year: i32, month: u32) -> Date {
    Date::from_ymd_opt(year, month, 1).unwrap_or(if year < 0 { Date::MIN } else { Date::MAX })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }
    fn q(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    #[test]
    fn calendar_year_quarters() {
        let cal = FiscalCalendar::new(1);
        assert_eq!(cal.quarter_of(d("2026-01-01")), q("2026-Q1"));
        assert_eq!(cal.quarter_of(d("2026-03-31")), q("2026-Q1"));
        assert_eq!(cal.quarter_of(d("2026-04-01")), q("2026-Q2"));
        assert_eq!(cal.quarter_of(d("2026-12-31")), q("2026-Q4"));
        assert_eq!(cal.start(q("2026-Q2")), d("2026-04-01"));
        assert_eq!(cal.end(q("2026-Q2")), d("2026-06-30"));
        assert_eq!(cal.end(q("2026-Q4")), d("2026-12-31"));
    }

    #[test]
    fn fiscal_year_starting_in_october_wraps_the_calendar_year() {
        let cal = FiscalCalendar::new(10);
        assert_eq!(cal.start(q("2026-Q1")), d("2026-10-01"));
        assert_eq!(cal.end(q("2026-Q1")), d("2026-12-31"));
        assert_eq!(cal.start(q("2026-Q2")), d("2027-01-01"));
        assert_eq!(cal.end(q("2026-Q2")), d("2027-03-31"));
        assert_eq!(cal.end(q("2026-Q4")), d("2027-09-30"));
        assert_eq!(cal.quarter_of(d("2026-12-31")), q("2026-Q1"));
        assert_eq!(cal.quarter_of(d("2027-01-01")), q("2026-Q2"));
        assert_eq!(cal.quarter_of(d("2026-09-30")), q("2025-Q4"));
        assert_eq!(cal.current(d("2027-02-15")), q("2026-Q2"));
        assert_eq!(cal.last_completed(d("2027-02-15")), q("2026-Q1"));
        assert_eq!(cal.last_completed(d("2026-10-01")), q("2025-Q4"));
    }

    #[test]
    fn every_day_falls_in_the_quarter_whose_range_contains_it() {
        for start_month in 1..=12 {
            let cal = FiscalCalendar::new(start_month);
            let mut day = d("2025-01-01");
            while day <= d("2027-12-31") {
                let quarter = cal.quarter_of(day);
                assert!(
                    cal.contains(quarter, day),
                    "{day} in {quarter} (start {start_month})"
                );
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn out_of_range_start_month_is_clamped() {
        assert_eq!(FiscalCalendar::new(0).start_month, 1);
        assert_eq!(FiscalCalendar::new(13).start_month, 12);
    }
}
