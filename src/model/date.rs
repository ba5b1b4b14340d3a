//! Dates as account files write them: `YYYY-MM-DD` exactly, with two-digit months and days.
//! chrono alone also reads `2026-1-5`, which `check` promises to refuse: one spelling keeps
//! files comparable in diffs and sortable as text.

use super::Date;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// For `#[serde(deserialize_with)]` on a required date.
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    StrictDate::deserialize(deserializer).map(|d| d.0)
}

/// For `#[serde(deserialize_with)]` on an optional date.
pub fn strict_option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
    Option::<StrictDate>::deserialize(deserializer).map(|d| d.map(|d| d.0))
}

/// Reads `text` as a date in exactly `YYYY-MM-DD`.
pub fn parse(text: &str) -> Result<Date, String> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!(
            "`{text}` is not a valid date: write YYYY-MM-DD with two-digit months and days, e.g. 2026-01-05"
        ));
    }
    Date::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        format!("`{text}` is not a valid date: write dates as YYYY-MM-DD, with a day that exists in the calendar")
    })
}

struct StrictDate(Date);

impl<'de> Deserialize<'de> for StrictDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StrictDate, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = StrictDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StrictDate, E> {
                parse(v).map(StrictDate).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_padded_form_is_a_date() {
        assert_eq!(
            parse("2026-01-05"),
            Date::from_ymd_opt(2026, 1, 5).ok_or(String::new())
        );
        for bad in [
            "2026-1-5",
            "2026-01-5",
            "26-01-05",
            "2026/01/05",
            "2026-01-05 ",
            "+2026-01-05",
            "2026-0a-05",
        ] {
            assert!(parse(bad).unwrap_err().contains("two-digit"), "{bad}");
        }
        for missing in ["2026-02-30", "2026-13-01", "2026-00-10"] {
            assert!(
                parse(missing).unwrap_err().contains("a day that exists"),
                "{missing}"
            );
        }
    }
}
