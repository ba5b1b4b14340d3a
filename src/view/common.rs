//! Building blocks shared by every view model: rich text, people, numbers and dates as
//! pages show them.

use crate::model::{Account, Date, Person, PersonRef};
use crate::render::markdown;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// A Markdown note in the two forms pages need: Markdown for `.md` pages, sanitized HTML
/// for `.html` pages.
#[derive(Debug, Clone, Serialize)]
pub struct Rich {
    pub md: String,
    pub html: String,
}

/// Notes converted lately on this thread. The same note appears on several pages of an
/// account (its page, a review pack, the shared copy), and converting it (Markdown parse
/// plus HTML sanitizing) costs far more than a lookup. Rayon threads build one account at
/// a time, so a small cache catches the repeats; it is emptied when full to bound memory.
const CONVERTED_LIMIT: usize = 1024;

thread_local! {
    static CONVERTED: RefCell<HashMap<String, Rich>> = RefCell::new(HashMap::new());
}

impl Rich {
    pub fn new(markdown_text: &str) -> Rich {
        CONVERTED.with(|cache| {
            if let Some(rich) = cache.borrow().get(markdown_text) {
                return rich.clone();
            }
            let rich = Rich {
                md: markdown::to_markdown(markdown_text),
                html: markdown::to_html(markdown_text),
            };
            let mut cache = cache.borrow_mut();
            if cache.len() >= CONVERTED_LIMIT {
                cache.clear();
            }
            cache.insert(markdown_text.to_string(), rich.clone());
            rich
        })
    }

    pub fn option(markdown_text: Option<&String>) -> Option<Rich> {
        markdown_text
            .filter(|t| !t.trim().is_empty())
            .map(|t| Rich::new(t))
    }

    pub fn list(items: &[String]) -> Vec<Rich> {
        items.iter().map(|t| Rich::new(t)).collect()
    }
}

/// A person as any audience may see them: name, role and company. Nothing else about a
/// person is ever shared.
#[derive(Debug, Clone, Serialize)]
pub struct PersonName {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// Our organisation or the account's name.
    pub company: String,
}

/// Names the people an account refers to, with the two company names.
pub struct People<'a> {
    pub account: &'a Account,
    pub organisation: &'a str,
}

impl People<'_> {
    pub fn name(&self, person: &Person) -> PersonName {
        PersonName {
            id: person.id.value.clone(),
            name: person.name.clone(),
            role: person.role.clone(),
            company: match person.side {
                crate::model::Side::Us => self.organisation.to_string(),
                crate::model::Side::Them => self.account.name.clone(),
            },
        }
    }

    /// The person a reference points to; validation guarantees it exists, and an unknown
    /// id is shown as itself rather than dropped.
    pub fn named(&self, reference: &PersonRef) -> PersonName {
        match self.account.person(&reference.value) {
            Some(person) => self.name(person),
            None => PersonName {
                id: reference.value.clone(),
                name: reference.value.clone(),
                role: None,
                company: String::new(),
            },
        }
    }

    pub fn all(&self, references: &[PersonRef]) -> Vec<PersonName> {
        references.iter().map(|r| self.named(r)).collect()
    }
}

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

/// A score delta as shown in a pack: `+1`, `-2`, `±0`.
pub fn signed(delta: i64) -> String {
    match delta {
        d if d > 0 => format!("+{d}"),
        0 => "±0".to_string(),
        d => d.to_string(),
    }
}

/// A word from the format, capitalised for headings and labels: `ad-hoc` as `Ad-hoc`.
pub fn label(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_notes_convert_exactly_as_fresh_ones_past_the_cache_limit() {
        let notes: Vec<String> = (0..CONVERTED_LIMIT + 10)
            .map(|i| format!("Note **{i}** with `code` and <b>raw</b>"))
            .collect();
        for round in 0..2 {
            for note in &notes {
                let rich = Rich::new(note);
                assert_eq!(rich.md, markdown::to_markdown(note), "round {round}");
                assert_eq!(rich.html, markdown::to_html(note), "round {round}");
            }
        }
        CONVERTED.with(|cache| assert!(cache.borrow().len() <= CONVERTED_LIMIT));
    }

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
        assert_eq!(label("ad-hoc"), "Ad-hoc");
    }
}
