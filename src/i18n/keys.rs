//! The message keys the code looks up itself, beside those the templates name in
//! `t(key="…")`. The code uses them through these constants only, and [`ALL`] lists every
//! one, so that the test of the catalogues (`tests/languages.rs`) knows every key in use:
//! each is in every catalogue, and each key of a catalogue is used.

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
    AND = "and";
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
    // Alerts: what each code means and what to do (docs/health.md), and their messages.
    ALERT_MILESTONE_OVERDUE_TITLE = "alert-milestone-overdue-title";
    ALERT_MILESTONE_OVERDUE_ADVICE = "alert-milestone-overdue-advice";
    ALERT_COMMITMENT_OVERDUE_TITLE = "alert-commitment-overdue-title";
    ALERT_COMMITMENT_OVERDUE_ADVICE = "alert-commitment-overdue-advice";
    ALERT_DISPUTE_UNESCALATED_TITLE = "alert-dispute-unescalated-title";
    ALERT_DISPUTE_UNESCALATED_ADVICE = "alert-dispute-unescalated-advice";
    ALERT_NO_CONTACTS_TITLE = "alert-no-contacts-title";
    ALERT_NO_CONTACTS_ADVICE = "alert-no-contacts-advice";
    ALERT_SINGLE_THREADED_TITLE = "alert-single-threaded-title";
    ALERT_SINGLE_THREADED_ADVICE = "alert-single-threaded-advice";
    ALERT_NO_SPONSOR_TITLE = "alert-no-sponsor-title";
    ALERT_NO_SPONSOR_ADVICE = "alert-no-sponsor-advice";
    ALERT_NO_EXECUTIVE_CONTACT_TITLE = "alert-no-executive-contact-title";
    ALERT_NO_EXECUTIVE_CONTACT_ADVICE = "alert-no-executive-contact-advice";
    ALERT_STALE_TITLE = "alert-stale-title";
    ALERT_STALE_ADVICE = "alert-stale-advice";
    ALERT_REVIEW_OVERDUE_TITLE = "alert-review-overdue-title";
    ALERT_REVIEW_OVERDUE_ADVICE = "alert-review-overdue-advice";
    ALERT_SCORES_DECLINING_TITLE = "alert-scores-declining-title";
    ALERT_SCORES_DECLINING_ADVICE = "alert-scores-declining-advice";
    ALERT_COUNTERPART_UNWILLING_TITLE = "alert-counterpart-unwilling-title";
    ALERT_COUNTERPART_UNWILLING_ADVICE = "alert-counterpart-unwilling-advice";
    ALERT_ACTION_OVERDUE_TITLE = "alert-action-overdue-title";
    ALERT_ACTION_OVERDUE_ADVICE = "alert-action-overdue-advice";
    ALERT_LEVELS_DISAGREE_TITLE = "alert-levels-disagree-title";
    ALERT_LEVELS_DISAGREE_ADVICE = "alert-levels-disagree-advice";
    ALERT_STATEMENT_UNSIGNED_TITLE = "alert-statement-unsigned-title";
    ALERT_STATEMENT_UNSIGNED_ADVICE = "alert-statement-unsigned-advice";
    ALERT_MESSAGE_MILESTONE_OVERDUE = "alert-message-milestone-overdue";
    ALERT_MESSAGE_COMMITMENT_OVERDUE = "alert-message-commitment-overdue";
    ALERT_MESSAGE_DISPUTE_UNESCALATED = "alert-message-dispute-unescalated";
    ALERT_MESSAGE_DISPUTE_ESCALATED_LOW = "alert-message-dispute-escalated-low";
    ALERT_MESSAGE_NO_CONTACTS = "alert-message-no-contacts";
    ALERT_MESSAGE_SINGLE_THREADED = "alert-message-single-threaded";
    ALERT_MESSAGE_NO_SPONSOR_OURS = "alert-message-no-sponsor-ours";
    ALERT_MESSAGE_NO_SPONSOR_THEIRS = "alert-message-no-sponsor-theirs";
    ALERT_MESSAGE_NO_EXECUTIVE_RECORDED = "alert-message-no-executive-recorded";
    ALERT_MESSAGE_NO_EXECUTIVE_COVERED = "alert-message-no-executive-covered";
    ALERT_MESSAGE_STALE_NEVER = "alert-message-stale-never";
    ALERT_MESSAGE_STALE = "alert-message-stale";
    ALERT_MESSAGE_REVIEW_OVERDUE = "alert-message-review-overdue";
    ALERT_MESSAGE_SCORES_DECLINING = "alert-message-scores-declining";
    ALERT_MESSAGE_COUNTERPART_UNWILLING = "alert-message-counterpart-unwilling";
    ALERT_MESSAGE_ACTION_OVERDUE = "alert-message-action-overdue";
    ALERT_MESSAGE_LEVELS_DISAGREE = "alert-message-levels-disagree";
    ALERT_MESSAGE_STATEMENT_UNSIGNED = "alert-message-statement-unsigned";
    // Words of the account format, said by the code.
    WORD_LEVEL = "word-level";
    // Health: each component's name and how its value was computed.
    HEALTH_COMPONENT = "health-component";
    HEALTH_SCORES = "health-scores";
    HEALTH_COMMITMENTS = "health-commitments";
    HEALTH_MILESTONES = "health-milestones";
    HEALTH_DISPUTES_NONE_OPEN = "health-disputes-none-open";
    HEALTH_DISPUTES_OPEN = "health-disputes-open";
    HEALTH_COVERAGE_NO_ONE = "health-coverage-no-one";
    HEALTH_COVERAGE = "health-coverage";
    HEALTH_COVERAGE_LEVELS = "health-coverage-levels";
    HEALTH_COVERAGE_SPONSORS = "health-coverage-sponsors";
    HEALTH_COVERAGE_CONTACTS = "health-coverage-contacts";
    // Owners' pages.
    NO_OWNER = "no-owner";
    REVIEW_NAMED = "review-named";
    // The account page.
    TURNAROUND_STEP = "turnaround-step";
    COMMITMENT_GROUP = "commitment-group";
    // Charts' labels for screen readers, and a point's tooltip.
    CHART_SCORES = "chart-scores";
    CHART_HEALTH = "chart-health";
    CHART_POINT = "chart-point";
    // The history of an account file: each section's heading, each change's label, and
    // the values a change reports.
    SECTION_RELATIONSHIP = "section-relationship";
    SECTION_PEOPLE = "section-people";
    SECTION_COMMITMENTS = "section-commitments";
    SECTION_GOALS = "section-goals";
    SECTION_DISPUTES = "section-disputes";
    SECTION_GOVERNANCE = "section-governance";
    SECTION_CRITERIA = "section-criteria";
    SECTION_EVENTS = "section-events";
    SECTION_STATEMENT = "section-statement";
    CHANGE_OWNER_CHANGED = "change-owner-changed";
    CHANGE_STAGE_MOVED = "change-stage-moved";
    CHANGE_TURNAROUND_STARTED = "change-turnaround-started";
    CHANGE_TURNAROUND_REMOVED = "change-turnaround-removed";
    CHANGE_TURNAROUND_STEP_MOVED = "change-turnaround-step-moved";
    CHANGE_TURNAROUND_CYCLE = "change-turnaround-cycle";
    CHANGE_PERSON_ADDED = "change-person-added";
    CHANGE_PERSON_REMOVED = "change-person-removed";
    CHANGE_PERSON_RENAMED = "change-person-renamed";
    CHANGE_PERSON_ROLE = "change-person-role";
    CHANGE_PERSON_SIDE = "change-person-side";
    CHANGE_PERSON_LEVEL = "change-person-level";
    CHANGE_PERSON_SPONSOR = "change-person-sponsor";
    CHANGE_PERSON_DECISION_MAKER = "change-person-decision-maker";
    CHANGE_PERSON_COVERS = "change-person-covers";
    CHANGE_COMMITMENT_ADDED = "change-commitment-added";
    CHANGE_COMMITMENT_REMOVED = "change-commitment-removed";
    CHANGE_COMMITMENT_REWORDED = "change-commitment-reworded";
    CHANGE_COMMITMENT_BY = "change-commitment-by";
    CHANGE_COMMITMENT_MADE = "change-commitment-made";
    CHANGE_COMMITMENT_STATUS = "change-commitment-status";
    CHANGE_COMMITMENT_DUE = "change-commitment-due";
    CHANGE_COMMITMENT_CLOSED = "change-commitment-closed";
    CHANGE_COMMITMENT_VISIBILITY = "change-commitment-visibility";
    CHANGE_GOAL_ADDED = "change-goal-added";
    CHANGE_GOAL_REMOVED = "change-goal-removed";
    CHANGE_GOAL_RENAMED = "change-goal-renamed";
    CHANGE_GOAL_VISIBILITY = "change-goal-visibility";
    CHANGE_MILESTONE_ADDED = "change-milestone-added";
    CHANGE_MILESTONE_REMOVED = "change-milestone-removed";
    CHANGE_MILESTONE_RENAMED = "change-milestone-renamed";
    CHANGE_MILESTONE_SLIPPED = "change-milestone-slipped";
    CHANGE_MILESTONE_MOVED_EARLIER = "change-milestone-moved-earlier";
    CHANGE_MILESTONE_DONE = "change-milestone-done";
    CHANGE_MILESTONE_REOPENED = "change-milestone-reopened";
    CHANGE_DISPUTE_OPENED = "change-dispute-opened";
    CHANGE_DISPUTE_REMOVED = "change-dispute-removed";
    CHANGE_DISPUTE_RESOLVED = "change-dispute-resolved";
    CHANGE_DISPUTE_REOPENED = "change-dispute-reopened";
    CHANGE_DISPUTE_AMOUNT = "change-dispute-amount";
    CHANGE_DISPUTE_ESCALATED = "change-dispute-escalated";
    CHANGE_DISPUTE_VISIBILITY = "change-dispute-visibility";
    CHANGE_COMMITTEE_ADDED = "change-committee-added";
    CHANGE_COMMITTEE_REMOVED = "change-committee-removed";
    CHANGE_COMMITTEE_RENAMED = "change-committee-renamed";
    CHANGE_COMMITTEE_CADENCE = "change-committee-cadence";
    CHANGE_COMMITTEE_MEMBERS = "change-committee-members";
    CHANGE_COMMITTEE_VISIBILITY = "change-committee-visibility";
    CHANGE_CRITERION_ADDED = "change-criterion-added";
    CHANGE_CRITERION_REMOVED = "change-criterion-removed";
    CHANGE_CRITERION_RENAMED = "change-criterion-renamed";
    CHANGE_CRITERION_WEIGHT = "change-criterion-weight";
    CHANGE_EVENT_ADDED = "change-event-added";
    CHANGE_EVENT_REMOVED = "change-event-removed";
    CHANGE_EVENT_EDITED = "change-event-edited";
    CHANGE_EVENT_MOVED = "change-event-moved";
    CHANGE_EVENT_VISIBILITY = "change-event-visibility";
    CHANGE_STATEMENT_ADDED = "change-statement-added";
    CHANGE_STATEMENT_REMOVED = "change-statement-removed";
    CHANGE_STATEMENT_VERSION = "change-statement-version";
    CHANGE_STATEMENT_DATE = "change-statement-date";
    CHANGE_STATEMENT_TITLE = "change-statement-title";
    CHANGE_STATEMENT_VISION = "change-statement-vision";
    CHANGE_STATEMENT_BEHAVIOURS = "change-statement-behaviours";
    CHANGE_STATEMENT_SIGNATORIES = "change-statement-signatories";
    CHANGE_STATEMENT_SIGNED = "change-statement-signed";
    VALUE_NONE = "value-none";
    VALUE_LATER = "value-later";
    VALUE_EARLIER = "value-earlier";
    VALUE_STEPS_UP = "value-steps-up";
    VALUE_STEPS_DOWN = "value-steps-down";
    VALUE_STEP_DIRECTION = "value-step-direction";
    VALUE_TURNAROUND = "value-turnaround";
    VALUE_SPONSOR = "value-sponsor";
    VALUE_DECISION_MAKER = "value-decision-maker";
    VALUE_WEIGHT = "value-weight";
    VALUE_COMMITMENT = "value-commitment";
    VALUE_COMMITMENT_DUE = "value-commitment-due";
    VALUE_COMMITMENT_SUBJECT = "value-commitment-subject";
    VALUE_MILESTONES = "value-milestones";
    VALUE_DAYS_AFTER_DUE = "value-days-after-due";
    VALUE_STATEMENT_SUBJECT = "value-statement-subject";
    VALUE_VERSION = "value-version";
    VALUE_VERSION_OF = "value-version-of";
    VALUE_TITLED = "value-titled";
    VALUE_BEHAVIOURS = "value-behaviours";
    DUE_ON = "due-on";
    DISPUTE_OPENED = "dispute-opened";
    DISPUTE_RESOLVED = "dispute-resolved";
    WORD_STAGE = "word-stage";
    WORD_STEP = "word-step";
    WORD_SIDE = "word-side";
    WORD_YES_NO = "word-yes-no";
    WORD_PARTY = "word-party";
    WORD_COMMITMENT_STATUS = "word-commitment-status";
    WORD_VISIBILITY = "word-visibility";
    WORD_CADENCE = "word-cadence";
    WORD_EVENT = "word-event";
    WORKING_TREE = "working-tree";
}
