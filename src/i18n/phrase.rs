//! A sentence decided before its language is: a message key and its arguments. The
//! analysis (alert messages, how each health component was computed) knows what to say
//! but not who reads it; the view says it in the page's language ([`super::Words::say`]),
//! and `portfolio.json`, which has no language, gets the English text.

use crate::model::Language;
use serde::Serialize;

/// A message key with its arguments, to be said in a language later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text from an account file or a word that needs no translation (a date, a quarter).
    Text(String),
    /// A whole number: the catalogues choose singular or plural by it ("1 day", "2 days").
    Count(i64),
    /// A number with decimals, written the English way (`0.77`); said with the language's
    /// decimal separator (`0,77`).
    Decimal(String),
    /// Phrases said one after the other, separated by "; ".
    Phrases(Vec<Phrase>),
}

impl Phrase {
    pub fn new(key: &'static str) -> Phrase {
        Phrase {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Phrase {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a whole number.
    pub fn count(mut self, name: &'static str, value: impl TryInto<i64>) -> Phrase {
        let value = value.try_into().unwrap_or(i64::MAX);
        self.args.push((name, Arg::Count(value)));
        self
    }

    /// Adds a number with `places` decimals.
    pub fn decimal(mut self, name: &'static str, value: f64, places: usize) -> Phrase {
        self.args
            .push((name, Arg::Decimal(format!("{value:.places$}"))));
        self
    }

    /// Adds a number as rapport writes scores: whole when it is (`4`), else with what
    /// decimals it needs (`3.5`).
    pub fn score(mut self, name: &'static str, value: f64) -> Phrase {
        self.args
            .push((name, Arg::Decimal(crate::format::score(value))));
        self
    }

    /// Adds phrases said one after the other.
    pub fn phrases(mut self, name: &'static str, parts: Vec<Phrase>) -> Phrase {
        self.args.push((name, Arg::Phrases(parts)));
        self
    }
}

/// A number written the English way (`0.77`, `-1.5`), with the decimal separator of
/// `language`.
pub(super) fn decimal(english: &str, language: Language) -> String {
    match language {
        Language::En => english.to_string(),
        Language::De | Language::Fr => english.replace('.', ","),
    }
}

/// The English text of a phrase, from rapport's own catalogue: what `portfolio.json` and
/// the tests read.
impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::Messages::built_in().say(Language::En, self))
    }
}

impl Serialize for Phrase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

/// The separator between the phrases of an [`Arg::Phrases`]: the same in the three
/// shipped languages, so it is not a message.
pub(super) const PHRASE_SEPARATOR: &str = "; ";
