//! The message keys the code looks up itself, beside those the templates name in
//! `t(key="…")`. The code uses them through these constants only, and [`ALL`] lists every
//! one, so that the test of the catalogues (`tests/languages.rs`) knows every key in use
//! and a workspace's override catalogue can be told a known key from a misspelt one.

/// Declares each key as a constant and lists them all in `ALL`, so that no key can be
/// declared and left out of the list.
macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident = $key:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $key;)*

        /// Every key of this module, in the order declared.
        pub const ALL: &[&str] = &[$($name,)*];
    };
}

keys! {
    // Both companies, the shared statement's headings.
    PARTIES = "parties";
    STATEMENT_DEFAULT_TITLE = "statement-default-title";
    COMMITS_TO = "commits-to";
    TOGETHER_COMMIT = "together-commit";
    CADENCE_WEEKLY = "cadence-weekly";
    CADENCE_MONTHLY = "cadence-monthly";
    CADENCE_QUARTERLY = "cadence-quarterly";
    CADENCE_YEARLY = "cadence-yearly";
    CADENCE_AD_HOC = "cadence-ad-hoc";
    // The printed page's marks (page.css).
    PAGE_MARK_PAGE = "page-mark-page";
    PAGE_MARK_OF = "page-mark-of";
    PAGE_MARK_INTERNAL = "page-mark-internal";
    // The shared calendar.
    CALENDAR_MILESTONE = "calendar-milestone";
    CALENDAR_GOAL = "calendar-goal";
    CALENDAR_COMMITMENT_DUE = "calendar-commitment-due";
    CALENDAR_COMMITMENT_MADE = "calendar-commitment-made";
    CALENDAR_ACTION_DUE = "calendar-action-due";
    CALENDAR_ACTION_FROM = "calendar-action-from";
    CALENDAR_ACTION_FROM_OWNER = "calendar-action-from-owner";
    CALENDAR_MEETING = "calendar-meeting";
    CALENDAR_MEETS_COUNTED = "calendar-meets-counted";
    CALENDAR_MEETS_UNRECORDED = "calendar-meets-unrecorded";
    // Our team's calendars.
    CALENDAR_PROMISED = "calendar-promised";
    CALENDAR_REVIEW_DUE = "calendar-review-due";
}
