//! The languages rapport writes pages in: one Fluent message catalogue per language
//! (`locales/<lang>.ftl`, embedded in the binary), looked up by the templates' `t` function
//! (`render/`), and the long dates and amounts of each language (`locale.rs`).
//!
//! Shared pages are written in the account's language (the workspace's by default), internal
//! pages in the workspace's. A key missing from a catalogue falls back to English, and a
//! key missing from English prints the key itself: a page never fails over a message
//! (`tests/messages.rs` keeps the catalogues complete).

mod locale;

pub use locale::{long_date, money, opt_long_date, percent};

use crate::model::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

/// Every language rapport ships, with its catalogue.
pub const CATALOGUES: &[(Language, &str)] = &[
    (Language::En, include_str!("../../locales/en.ftl")),
    (Language::De, include_str!("../../locales/de.ftl")),
    (Language::Fr, include_str!("../../locales/fr.ftl")),
];

/// The keys the code looks up itself (headings and titles made in `view/shared.rs`, the
/// shared calendar's entries in `view/calendar.rs`, the printed page's marks), beside those the templates name in `t(key="…")`; the code uses
/// them through these constants only, so that `tests/messages.rs` knows every key in use.
pub mod keys {
    pub const PARTIES: &str = "parties";
    pub const STATEMENT_DEFAULT_TITLE: &str = "statement-default-title";
    pub const COMMITS_TO: &str = "commits-to";
    pub const TOGETHER_COMMIT: &str = "together-commit";
    pub const CADENCE_WEEKLY: &str = "cadence-weekly";
    pub const CADENCE_MONTHLY: &str = "cadence-monthly";
    pub const CADENCE_QUARTERLY: &str = "cadence-quarterly";
    pub const CADENCE_YEARLY: &str = "cadence-yearly";
    pub const CADENCE_AD_HOC: &str = "cadence-ad-hoc";
    pub const PAGE_MARK_PAGE: &str = "page-mark-page";
    pub const PAGE_MARK_OF: &str = "page-mark-of";
    pub const CALENDAR_MILESTONE: &str = "calendar-milestone";
    pub const CALENDAR_GOAL: &str = "calendar-goal";
    pub const CALENDAR_COMMITMENT_DUE: &str = "calendar-commitment-due";
    pub const CALENDAR_COMMITMENT_MADE: &str = "calendar-commitment-made";
    pub const CALENDAR_ACTION_DUE: &str = "calendar-action-due";
    pub const CALENDAR_ACTION_FROM: &str = "calendar-action-from";
    pub const CALENDAR_ACTION_FROM_OWNER: &str = "calendar-action-from-owner";
    pub const CALENDAR_MEETING: &str = "calendar-meeting";
    pub const CALENDAR_MEETS_COUNTED: &str = "calendar-meets-counted";
    pub const CALENDAR_MEETS_UNRECORDED: &str = "calendar-meets-unrecorded";
}

/// Every key of `keys`.
pub const CODE_KEYS: &[&str] = &[
    keys::PARTIES,
    keys::STATEMENT_DEFAULT_TITLE,
    keys::COMMITS_TO,
    keys::TOGETHER_COMMIT,
    keys::CADENCE_WEEKLY,
    keys::CADENCE_MONTHLY,
    keys::CADENCE_QUARTERLY,
    keys::CADENCE_YEARLY,
    keys::CADENCE_AD_HOC,
    keys::PAGE_MARK_PAGE,
    keys::PAGE_MARK_OF,
    keys::CALENDAR_MILESTONE,
    keys::CALENDAR_GOAL,
    keys::CALENDAR_COMMITMENT_DUE,
    keys::CALENDAR_COMMITMENT_MADE,
    keys::CALENDAR_ACTION_DUE,
    keys::CALENDAR_ACTION_FROM,
    keys::CALENDAR_ACTION_FROM_OWNER,
    keys::CALENDAR_MEETING,
    keys::CALENDAR_MEETS_COUNTED,
    keys::CALENDAR_MEETS_UNRECORDED,
];

type Bundle = FluentBundle<FluentResource>;

/// The parsed catalogues, in the order of `CATALOGUES`; parsed once per process, since
/// every page of every build reads the same embedded text.
fn bundles() -> &'static [(Language, Bundle)] {
    static BUNDLES: OnceLock<Vec<(Language, Bundle)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(language, text)| (*language, bundle(*language, text)))
            .collect()
    })
}

fn bundle(language: Language, text: &str) -> Bundle {
    // A syntax error keeps the messages around it: the catalogues are tested, and a page is
    // better with one English fallback than not at all.
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    let id = language
        .as_str()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps every argument in invisible bidi isolation marks by default; all three
    // languages are left to right, and the marks would sit inside names the leak guard and
    // readers search for.
    bundle.set_use_isolating(false);
    // Duplicate ids are the only error here, and the test of the catalogues finds them.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language of a language code (`en`, `de`, `fr`); English for any other.
pub fn language(code: &str) -> Language {
    CATALOGUES
        .iter()
        .map(|(language, _)| *language)
        .find(|l| l.as_str() == code)
        .unwrap_or_default()
}

/// The message `key` in `language` with its arguments; English when the language lacks it,
/// the key itself when English does too.
pub fn message(language: Language, key: &str, args: Option<&FluentArgs>) -> String {
    [language, Language::En]
        .iter()
        .find_map(|wanted| {
            let (_, bundle) = bundles().iter().find(|(l, _)| l == wanted)?;
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

/// The message `key` in `language` with named text arguments, for the code's own messages.
pub fn message_with(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.to_string());
    }
    message(language, key, Some(&fluent))
}

/// The message ids of one catalogue text, in order, for the tests of the catalogues.
pub fn keys(text: &str) -> Vec<String> {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
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
        assert_eq!(message(Language::De, "and", None), "und");
        assert_eq!(message(Language::De, "no-such-key", None), "no-such-key");
        let mut args = FluentArgs::new();
        args.set("a", "Acme");
        args.set("b", "Orbis");
        assert_eq!(
            message(Language::Fr, "parties", Some(&args)),
            "Acme et Orbis"
        );
    }
}
