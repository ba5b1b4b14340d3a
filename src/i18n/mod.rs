//! The languages rapport writes pages in: one Fluent message catalogue per language
//! (`locales/<lang>.ftl`, embedded in the binary), the workspace's own catalogues laid over
//! them (`templates/locales/<lang>.ftl`, `overrides.rs`), the keys the code looks up
//! (`keys.rs`), sentences decided before their language (`phrase.rs`), and the long dates
//! and amounts of each language (`locale.rs`).
//!
//! Shared pages are written in the account's language (the workspace's by default), internal
//! pages in the workspace's. A key missing from a catalogue falls back to English, and a
//! key missing from English prints the key itself: a page never fails over a message
//! (`tests/languages.rs` keeps the built-in catalogues complete, `rapport check` the
//! workspace's).
//!
//! A build reads the workspace's catalogues once, into one [`Messages`] that the renderer
//! holds and the views borrow; nothing here is global but the parsed built-in text, which
//! every build shares.

pub mod keys;
mod locale;
mod overrides;
mod phrase;

pub use locale::{long_date, money, opt_long_date, percent};
pub use overrides::{read_overrides, typed_text, CatalogueFile, LOCALES_DIR};
pub use phrase::{Arg, Phrase};

use crate::model::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Every language rapport ships, with its catalogue.
pub const CATALOGUES: &[(Language, &str)] = &[
    (Language::En, include_str!("../../locales/en.ftl")),
    (Language::De, include_str!("../../locales/de.ftl")),
    (Language::Fr, include_str!("../../locales/fr.ftl")),
];

/// Every key the code looks up itself ([`mod@keys`]).
pub const CODE_KEYS: &[&str] = keys::ALL;

type Bundle = FluentBundle<Arc<FluentResource>>;

/// The built-in catalogues, parsed once per process: every build reads the same embedded
/// text.
fn built_in_resources() -> &'static [(Language, Arc<FluentResource>)] {
    static RESOURCES: OnceLock<Vec<(Language, Arc<FluentResource>)>> = OnceLock::new();
    RESOURCES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(language, text)| (*language, Arc::new(resource(text))))
            .collect()
    })
}

/// A catalogue's messages; a syntax error keeps the messages around it (the built-in
/// catalogues are tested, and the workspace's are checked before a build uses them).
fn resource(text: &str) -> FluentResource {
    FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial)
}

fn new_bundle(language: Language) -> Bundle {
    let id = language
        .as_str()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps every argument in invisible bidi isolation marks by default; all three
    // languages are left to right, and the marks would sit inside names the leak guard and
    // readers search for.
    bundle.set_use_isolating(false);
    bundle
}

/// The built-in catalogue of `language` as a bundle.
fn built_in_bundle(language: Language) -> Bundle {
    let mut bundle = new_bundle(language);
    if let Some((_, resource)) = built_in_resources().iter().find(|(l, _)| *l == language) {
        // Duplicate ids are the only error here, and the test of the catalogues finds them.
        let _ = bundle.add_resource(Arc::clone(resource));
    }
    bundle
}

/// The messages of one build: rapport's catalogues with the workspace's laid over them.
/// Made once per build ([`read_overrides`]), held by the renderer, lent to the views.
pub struct Messages {
    /// For each language the workspace overrides, the built-in catalogue with the
    /// workspace's messages in place of its own.
    /// Shared with every build when the workspace overrides nothing.
    merged: Arc<[(Language, Bundle)]>,
    /// For each language, its messages that take no argument, already formatted: most
    /// labels are such, and the templates ask for them millions of times in a large build.
    plain: Arc<[(Language, HashMap<String, String>)]>,
    /// The workspace's catalogues as read, for the leak guard and `check`.
    files: Vec<CatalogueFile>,
}

impl Default for Messages {
    /// rapport's own messages, shared with every other build that overrides none.
    fn default() -> Self {
        let built_in = Messages::built_in();
        Messages {
            merged: Arc::clone(&built_in.merged),
            plain: Arc::clone(&built_in.plain),
            files: Vec::new(),
        }
    }
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// rapport's own messages, without a workspace's.
    pub fn built_in() -> &'static Messages {
        static BUILT_IN: OnceLock<Messages> = OnceLock::new();
        BUILT_IN.get_or_init(|| Messages::merge(Vec::new()))
    }

    /// rapport's messages with those of `files` in their place, language by language.
    fn with_overrides(files: Vec<CatalogueFile>) -> Messages {
        if files.is_empty() {
            Messages::default()
        } else {
            Messages::merge(files)
        }
    }

    fn merge(files: Vec<CatalogueFile>) -> Messages {
        let merged = CATALOGUES
            .iter()
            .map(|(language, _)| {
                let mut bundle = built_in_bundle(*language);
                for file in files.iter().filter(|f| f.language == *language) {
                    bundle.add_resource_overriding(Arc::new(resource(&file.text)));
                }
                (*language, bundle)
            })
            .collect::<Arc<[_]>>();
        let plain = merged
            .iter()
            .map(|(language, bundle)| (*language, plain_messages(*language, bundle, &files)))
            .collect();
        Messages {
            merged,
            plain,
            files,
        }
    }

    /// The workspace's catalogues that were read.
    pub fn files(&self) -> &[CatalogueFile] {
        &self.files
    }

    fn bundle(&self, language: Language) -> Option<&Bundle> {
        self.merged
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, b)| b)
    }

    /// Whether any catalogue, rapport's or the workspace's, has the message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.merged.iter().any(|(_, b)| b.has_message(key))
    }

    /// The message `key` in `language` with its arguments; English when the language lacks
    /// it, the key itself when English does too.
    pub fn get(&self, language: Language, key: &str, args: Option<&FluentArgs>) -> String {
        if args.is_none_or(|args| args.iter().next().is_none()) {
            let plain = self.plain.iter().find(|(l, _)| *l == language);
            if let Some(text) = plain.and_then(|(_, messages)| messages.get(key)) {
                return text.clone();
            }
        }
        [language, Language::En]
            .iter()
            .find_map(|wanted| {
                let bundle = self.bundle(*wanted)?;
                let pattern = bundle.get_message(key)?.value()?;
                let mut errors = Vec::new();
                Some(
                    bundle
                        .format_pattern(pattern, args, &mut errors)
                        .into_owned(),
                )
            })
            .unwrap_or_else(|| key.to_string())
    }

    /// The message `key` in `language` with named text arguments.
    pub fn with(&self, language: Language, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.to_string());
        }
        self.get(language, key, Some(&fluent))
    }

    /// A phrase said in `language`.
    pub fn say(&self, language: Language, phrase: &Phrase) -> String {
        if phrase.key.is_empty() {
            return phrase
                .args
                .first()
                .map(|(_, arg)| self.said(language, arg))
                .unwrap_or_default();
        }
        let mut fluent = FluentArgs::new();
        for (name, arg) in &phrase.args {
            match arg {
                // A number, so that the catalogue can choose "1 day" or "2 days".
                Arg::Count(n) => fluent.set(*name, *n),
                other => fluent.set(*name, self.said(language, other)),
            }
        }
        self.get(language, phrase.key, Some(&fluent))
    }

    /// One argument of a phrase as text in `language`.
    fn said(&self, language: Language, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Decimal(english) => phrase::decimal(english, language),
            Arg::Money(value, currency) => {
                money(value.parse().unwrap_or_default(), currency, language)
            }
            Arg::Phrase(inner) => self.say(language, inner),
            Arg::Phrases(parts, separator) => parts
                .iter()
                .map(|p| self.say(language, p))
                .collect::<Vec<String>>()
                .join(separator),
            Arg::List(items) => self.list(language, items),
        }
    }

    /// Texts listed as `language` lists them: "a", "a and b", "a, b and c".
    pub fn list(&self, language: Language, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let and = self.get(language, keys::AND, None);
                format!("{} {and} {last}", init.join(", "))
            }
        }
    }

    /// The messages of one language, for code that says several things in it.
    pub fn words(&self, language: Language) -> Words<'_> {
        Words {
            messages: self,
            language,
        }
    }
}

/// The messages of one build in one language: what a view uses to say its page's words.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    messages: &'a Messages,
    pub language: Language,
}

impl Words<'_> {
    /// The message `key`, without arguments.
    pub fn get(&self, key: &str) -> String {
        self.messages.get(self.language, key, None)
    }

    /// The message `key` with named text arguments.
    pub fn with(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.messages.with(self.language, key, args)
    }

    /// A phrase in this language.
    pub fn say(&self, phrase: &Phrase) -> String {
        self.messages.say(self.language, phrase)
    }
}

/// The messages of `bundle` (rapport's catalogue of `language` and the workspace's `files`
/// over it) that format without arguments, formatted.
fn plain_messages(
    language: Language,
    bundle: &Bundle,
    files: &[CatalogueFile],
) -> HashMap<String, String> {
    let built_in = built_in_resources()
        .iter()
        .filter(|(l, _)| *l == language)
        .flat_map(|(_, resource)| message_ids(resource));
    let overriding = files
        .iter()
        .filter(|f| f.language == language)
        .flat_map(|f| keys(&f.text));
    built_in
        .chain(overriding)
        .filter_map(|key| {
            let pattern = bundle.get_message(&key)?.value()?;
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            errors.is_empty().then_some((key, text))
        })
        .collect()
}

/// The language of a language code (`en`, `de`, `fr`); English for any other.
pub fn language(code: &str) -> Language {
    CATALOGUES
        .iter()
        .map(|(language, _)| *language)
        .find(|l| l.as_str() == code)
        .unwrap_or_default()
}

/// The message ids of one catalogue text, in order, for the tests of the catalogues.
pub fn keys(text: &str) -> Vec<String> {
    message_ids(&resource(text)).collect()
}

/// The message ids of a parsed catalogue, in order.
fn message_ids(resource: &FluentResource) -> impl Iterator<Item = String> + '_ {
    resource.entries().filter_map(|entry| match entry {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
        _ => None,
    })
}

/// Whether a catalogue text parses without error.
pub fn parses(text: &str) -> bool {
    FluentResource::try_new(text.to_string()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        let messages = Messages::built_in();
        assert_eq!(messages.get(Language::De, "and", None), "und");
        assert_eq!(
            messages.get(Language::De, "no-such-key", None),
            "no-such-key"
        );
        assert_eq!(
            messages.with(
                Language::Fr,
                keys::PARTIES,
                &[("a", "Acme"), ("b", "Orbis")]
            ),
            "Acme et Orbis"
        );
    }

    #[test]
    fn an_override_replaces_its_messages_and_keeps_the_others() {
        let file = |language: Language, text: &str| CatalogueFile {
            language,
            path: format!("templates/locales/{language}.ftl").into(),
            text: text.to_string(),
        };
        let messages = Messages::with_overrides(vec![
            file(Language::De, "and = sowie\nown-label = Eigenes\n"),
            file(Language::En, "only-english = Ours\n"),
        ]);
        assert_eq!(messages.get(Language::De, "and", None), "sowie");
        // The built-in German of a key the override leaves alone, and message references
        // from the workspace's text to rapport's.
        assert_eq!(
            messages.with(Language::De, keys::PARTIES, &[("a", "A"), ("b", "B")]),
            "A und B"
        );
        assert_eq!(messages.get(Language::De, "own-label", None), "Eigenes");
        assert_eq!(messages.get(Language::Fr, "own-label", None), "own-label");
        assert_eq!(messages.get(Language::Fr, "only-english", None), "Ours");
        assert_eq!(messages.get(Language::Fr, "and", None), "et");
        assert!(messages.has("own-label") && !messages.has("nobody-has-this"));
        // The built-in messages stay as they were for other builds.
        assert_eq!(Messages::built_in().get(Language::De, "and", None), "und");
    }

    #[test]
    fn phrases_take_the_languages_decimal_separator_and_plural() {
        let messages = Messages::built_in();
        let phrase = Phrase::new(keys::PARTIES)
            .decimal("a", 0.5, 2)
            .count("b", 3);
        assert_eq!(messages.say(Language::En, &phrase), "0.50 and 3");
        assert_eq!(messages.say(Language::De, &phrase), "0,50 und 3");
        assert_eq!(phrase.to_string(), "0.50 and 3");
    }
}
