//! Long dates, amounts and percentages as each shipped language writes them:
//! "20 June 2026" / "20. Juni 2026" / "20 juin 2026", "USD 4,800,000" / "4.800.000 USD" /
//! "4 800 000 USD", "83%" / "83 %" / "83 %".
//!
//! A small table rather than ICU4X: rapport ships three languages, and `icu_datetime` with
//! its compiled data is a large dependency (build time on every machine that builds
//! rapport) for three month lists and three pairs of separators. A language added to
//! `model::Language` does not compile until it has a row here (the matches are exhaustive);
//! move to ICU4X when the list grows beyond what a table can keep right.

use crate::model::{Date, Language};
use chrono::Datelike;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A narrow no-break space, the French group separator and the space before `%`
/// (CLDR), so that an amount never breaks across lines.
const NARROW_NBSP: char = '\u{202F}';
/// A no-break space, between an amount and its currency.
const NBSP: char = '\u{A0}';

/// A date written out as the language writes it in running text: "20 June 2026",
/// "20. Juni 2026", "20 juin 2026" ("1er juin 2026" for the first of a French month).
pub fn long_date(value: Date, language: Language) -> String {
    let (day, year) = (value.day(), value.year());
    let month = value.month0() as usize;
    match language {
        Language::En => format!("{day} {} {year}", MONTHS_EN[month]),
        Language::De => format!("{day}. {} {year}", MONTHS_DE[month]),
        Language::Fr if day == 1 => format!("1er {} {year}", MONTHS_FR[month]),
        Language::Fr => format!("{day} {} {year}", MONTHS_FR[month]),
    }
}

pub fn opt_long_date(value: Option<Date>, language: Language) -> Option<String> {
    value.map(|d| long_date(d, language))
}

/// The group and decimal separators of a language.
fn separators(language: Language) -> (char, char) {
    match language {
        Language::En => (',', '.'),
        Language::De => ('.', ','),
        Language::Fr => (NARROW_NBSP, ','),
    }
}

/// An amount in the language's digits: whole amounts without decimals, others with two.
fn amount(value: f64, language: Language) -> String {
    let (group, decimal) = separators(language);
    let english = crate::format::amount(value);
    // The English form has only ',' and '.' as separators; swapped one character at a time.
    english
        .chars()
        .map(|c| match c {
            ',' => group,
            '.' => decimal,
            c => c,
        })
        .collect()
}

/// An amount with its currency where the language puts it: "USD 4,800,000" in English
/// (rapport's form since its first version), after the amount in German and French.
pub fn money(value: f64, currency: &str, language: Language) -> String {
    let amount = amount(value, language);
    match (currency.is_empty(), language) {
        (true, _) => amount,
        (false, Language::En) => format!("{currency} {amount}"),
        (false, Language::De | Language::Fr) => format!("{amount}{NBSP}{currency}"),
    }
}

/// A share as a whole percentage: "83%" in English, "83 %" in German and French.
pub fn percent(share: f64, language: Language) -> String {
    let whole = (share * 100.0).round() as i64;
    match language {
        Language::En => format!("{whole}%"),
        Language::De => format!("{whole}{NBSP}%"),
        Language::Fr => format!("{whole}{NARROW_NBSP}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn long_dates_read_as_each_language_writes_them() {
        assert_eq!(long_date(day(2026, 6, 20), Language::En), "20 June 2026");
        assert_eq!(long_date(day(2026, 6, 20), Language::De), "20. Juni 2026");
        assert_eq!(long_date(day(2026, 6, 20), Language::Fr), "20 juin 2026");
        assert_eq!(long_date(day(2026, 3, 1), Language::Fr), "1er mars 2026");
        assert_eq!(long_date(day(2026, 3, 1), Language::De), "1. März 2026");
    }

    #[test]
    fn amounts_take_the_languages_separators_and_currency_place() {
        assert_eq!(money(4_800_000.0, "USD", Language::En), "USD 4,800,000");
        assert_eq!(
            money(4_800_000.0, "USD", Language::De),
            "4.800.000\u{A0}USD"
        );
        assert_eq!(
            money(4_800_000.5, "EUR", Language::Fr),
            "4\u{202F}800\u{202F}000,50\u{A0}EUR"
        );
        assert_eq!(money(-1234.5, "", Language::De), "-1.234,50");
        assert_eq!(percent(0.834, Language::En), "83%");
        assert_eq!(percent(0.834, Language::De), "83\u{A0}%");
        assert_eq!(percent(0.834, Language::Fr), "83\u{202F}%");
    }
}
