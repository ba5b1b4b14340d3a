//! Amounts, percentages, score deltas and dates as pages show them.

use crate::model::Date;

/// `1234567.5` as `1,234,567.50`, whole amounts without decimals.
pub fn amount(value: f64) -> String {
    let negative = value < 0.0;
    let cents = (value.abs() * 100.0).round() as u128;
    let (whole, fraction) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if fraction == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction:02}")
    }
}

/// An amount with its currency: `USD 340,000`.
pub fn money(value: f64, currency: &str) -> String {
    if currency.is_empty() {
        amount(value)
    } else {
        format!("{currency} {}", amount(value))
    }
}

/// A share as a whole percentage: `0.834` as `83%`.
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Dates are shown as ISO dates: unambiguous for both companies wherever they are.
pub fn date(value: Date) -> String {
    use chrono::Datelike;
    // chrono's formatter interprets its pattern on every call; pages format thousands of
    // dates, so the common four-digit years are written directly.
    let year = value.year();
    if !(0..=9999).contains(&year) {
        return value.format("%Y-%m-%d").to_string();
    }
    let digit = |n: u32, place: u32| char::from(b'0' + ((n / place) % 10) as u8);
    let year = year.unsigned_abs();
    let (month, day) = (value.month(), value.day());
    [
        digit(year, 1000),
        digit(year, 100),
        digit(year, 10),
        digit(year, 1),
        '-',
        digit(month, 10),
        digit(month, 1),
        '-',
        digit(day, 10),
        digit(day, 1),
    ]
    .into_iter()
    .collect()
}

pub fn opt_date(value: Option<Date>) -> Option<String> {
    value.map(date)
}

/// A review score as pages show it: `3`, or `3.5` for the mean of levels that do not
/// agree (one decimal).
pub fn score(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

/// A change of a score as shown in a pack: `+1`, `-0.5`, `±0`.
pub fn signed_score(delta: f64) -> String {
    let tenths = (delta * 10.0).round() as i64;
    match tenths {
        0 => "±0".to_string(),
        t if t > 0 => format!("+{}", score(delta)),
        _ => format!("-{}", score(-delta)),
    }
}

/// A score delta as shown in a pack: `+1`, `-2`, `±0`.
pub fn signed(delta: i64) -> String {
    match delta {
        d if d > 0 => format!("+{d}"),
        0 => "±0".to_string(),
        d => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_as_chrono_does() {
        for (y, m, d) in [
            (2026, 1, 5),
            (999, 12, 31),
            (0, 1, 1),
            (9999, 6, 30),
            (-44, 3, 15),
            (12345, 2, 1),
        ] {
            let value = Date::from_ymd_opt(y, m, d).unwrap_or_default();
            assert_eq!(
                date(value),
                value.format("%Y-%m-%d").to_string(),
                "{y}-{m}-{d}"
            );
        }
        assert_eq!(
            date(Date::from_ymd_opt(2026, 3, 7).unwrap_or_default()),
            "2026-03-07"
        );
    }

    #[test]
    fn formats_amounts_with_grouping() {
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(1000.0), "1,000");
        assert_eq!(amount(1234567.5), "1,234,567.50");
        assert_eq!(money(340000.0, "USD"), "USD 340,000");
        assert_eq!(percent(0.834), "83%");
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(-1), "-1");
        assert_eq!(signed(0), "±0");
        assert_eq!(score(3.0), "3");
        assert_eq!(score(3.5), "3.5");
        assert_eq!(score(10.0 / 3.0), "3.3");
        assert_eq!(signed_score(1.0), "+1");
        assert_eq!(signed_score(-0.5), "-0.5");
        assert_eq!(signed_score(0.01), "±0");
    }
}
