//! A sentence decided before its language is: a message key and its arguments. The
//! analysis (alert messages, how each health component was computed) and the history
//! (what a change was and became) know what to say but not who reads it; the view says it
//! in the page's language ([`super::Words::say`]), and the outputs without a language
//! (`portfolio.json`, `rapport diff`) get the English text.

use crate::model::Language;
use serde::Serialize;

/// A message key with its arguments, to be said in a language later; or text that reads
/// the same in every language (a name, a date, an amount), said as it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Phrase {
    /// The message key; empty for verbatim text, held in the argument `value`.
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a phrase.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Text from an account file or a word that needs no translation (a date, a quarter).
    Text(String),
    /// A whole number: the catalogues choose singular or plural by it ("1 day", "2 days").
    Count(i64),
    /// A number with decimals, written the English way (`0.77`); said with the language's
    /// decimal separator (`0,77`).
    Decimal(String),
    /// An amount of money, written the English way without separators (`28400.5`), with
    /// its currency: said as the language writes amounts ("USD 28,400.50", "28.400,50 USD").
    Money(String, String),
    /// A phrase said in the same language, such as a word of the account format
    /// (`word-level` of `manager`).
    Phrase(Box<Phrase>),
    /// Phrases said one after the other, with a separator that every shipped language
    /// writes alike ("; ", ", ", " ").
    Phrases(Vec<Phrase>, &'static str),
    /// Texts listed as the language lists them: "a, b and c".
    List(Vec<String>),
}

/// The argument that holds a verbatim phrase's text.
pub(super) const VERBATIM_ARG: &str = "value";

impl Phrase {
    pub fn new(key: &'static str) -> Phrase {
        Phrase {
            key,
            args: Vec::new(),
        }
    }

    /// Text that needs no translation, said as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Phrase {
        Phrase::bare(Arg::Text(text.into()))
    }

    /// One argument said on its own, without a message around it.
    fn bare(arg: Arg) -> Phrase {
        Phrase {
            key: "",
            args: vec![(VERBATIM_ARG, arg)],
        }
    }

    /// An amount of money in `currency` (empty for none), as each language writes it.
    pub fn money(value: f64, currency: &str) -> Phrase {
        Phrase::bare(Arg::Money(value.to_string(), currency.to_string()))
    }

    /// Phrases said one after the other, `separator` between them.
    pub fn joined(parts: Vec<Phrase>, separator: &'static str) -> Phrase {
        Phrase::bare(Arg::Phrases(parts, separator))
    }

    /// A word of the account format (`manager`) as the message `key` (a selector such as
    /// `word-level`) says it.
    pub fn word(key: &'static str, value: impl Into<String>) -> Phrase {
        Phrase::new(key).text("value", value)
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

    /// Adds a phrase said in the same language.
    pub fn phrase(mut self, name: &'static str, phrase: Phrase) -> Phrase {
        self.args.push((name, Arg::Phrase(Box::new(phrase))));
        self
    }

    /// Adds phrases said one after the other, separated by "; ".
    pub fn phrases(mut self, name: &'static str, parts: Vec<Phrase>) -> Phrase {
        self.args.push((name, Arg::Phrases(parts, "; ")));
        self
    }

    /// Adds texts listed as the language lists them.
    pub fn list(mut self, name: &'static str, items: Vec<String>) -> Phrase {
        self.args.push((name, Arg::List(items)));
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
