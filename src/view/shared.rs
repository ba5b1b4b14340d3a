//! What may be handed to the other company: the joint statement, the shared progress page of
//! each reviewed quarter, and the folder's index. These types have no field for anything
//! internal (value, balance sheets, summaries, scores, sentiment, internal items), so no
//! template can print it: the shared audience is decided here and nowhere else.

use super::account::{milestone_view, MilestoneView};
use super::common::{action_views, ActionView, People, PersonName, Rich};
use super::fingerprint;
use crate::analyze::{AccountAnalysis, PeriodChanges};
use crate::format;
use crate::history::{Change, NotesDiff, StatementVersion};
use crate::i18n::{self, keys, Words};
use crate::model::{
    AccountFile, Action, Cadence, Commitment, CommitmentStatus, Date, EventKind, Language, Party,
    Visibility,
};
use serde::Serialize;

/// Both parties, by name.
#[derive(Debug, Clone, Serialize)]
pub struct Parties {
    pub us: String,
    pub them: String,
}

#[derive(Debug, Serialize)]
pub struct SharedCommitment {
    pub what: String,
    pub made: String,
    pub due: Option<String>,
    pub status: CommitmentStatus,
    pub evidence: Option<Rich>,
    /// `due` as a date, for the calendar; templates print `due`.
    #[serde(skip)]
    pub due_date: Option<Date>,
}

#[derive(Debug, Serialize)]
pub struct SharedCommitments {
    pub heading: String,
    pub items: Vec<SharedCommitment>,
}

#[derive(Debug, Serialize)]
pub struct SharedGoal {
    /// The goal's id: with a milestone's title, what names the milestone in the calendar's
    /// UIDs (hashed, never printed).
    #[serde(skip)]
    pub id: String,
    pub title: String,
    pub owners: Vec<PersonName>,
    pub note: Option<Rich>,
    pub milestones: Vec<MilestoneView>,
    pub done: usize,
}

#[derive(Debug, Serialize)]
pub struct SharedCommittee {
    pub name: String,
    pub cadence: Option<String>,
    pub members: Vec<PersonName>,
    pub purpose: Option<Rich>,
    /// `cadence` as written, for the calendar's next meeting.
    #[serde(skip)]
    pub cadence_value: Option<Cadence>,
}

#[derive(Debug, Serialize)]
pub struct SharedEvent {
    pub date: String,
    /// `date` as a date, for the calendar's next meetings.
    #[serde(skip)]
    pub date_value: Date,
    pub kind: Option<EventKind>,
    pub title: String,
    pub people: Vec<PersonName>,
    pub note: Option<Rich>,
}

#[derive(Debug, Serialize)]
pub struct SharedDispute {
    pub title: String,
    pub opened: String,
    pub resolved: Option<String>,
    pub amount: Option<String>,
    pub note: Option<Rich>,
}

/// The joint commitment statement.
#[derive(Debug, Serialize)]
pub struct SharedStatement {
    pub id: String,
    pub parties: Parties,
    pub title: String,
    pub date: Option<String>,
    pub vision: Option<Rich>,
    pub commitments: Vec<SharedCommitments>,
    pub behaviours_us: Vec<Rich>,
    pub behaviours_them: Vec<Rich>,
    pub goals: Vec<SharedGoal>,
    pub governance: Vec<SharedCommittee>,
    /// Committees from the most frequent to the least: where an issue goes next.
    pub escalation_path: Vec<String>,
    pub signatories: Vec<PersonName>,
    /// Whether the file tracks signatures (`signed` or `version` given): only then do the
    /// pages show the version and who has signed.
    pub tracks_signatures: bool,
    /// The statement's version, from 1.
    pub version: i64,
    /// One per signatory, in the order of `signatories`.
    pub signatures: Vec<SignatureView>,
    /// The statement's earlier versions, newest first, with what the next one changed
    /// (from git; empty outside git).
    pub earlier_versions: Vec<EarlierVersion>,
    /// The fingerprint of what this version says (`3f2a 91c0 b7de 4410`), for both sides
    /// to compare; see `fingerprint`.
    pub fingerprint: String,
}

/// An earlier version of the statement.
#[derive(Debug, Serialize)]
pub struct EarlierVersion {
    pub version: i64,
    pub date: Option<String>,
    /// The version that replaced it.
    pub next: i64,
    pub changes: Vec<SharedNoteChange>,
}

/// A signatory and whether they have signed this version.
#[derive(Debug, Serialize)]
pub struct SignatureView {
    pub person: PersonName,
    /// When they signed; absent: awaiting their signature.
    pub signed: Option<String>,
}

/// Progress in one reviewed quarter, as both companies may read it.
#[derive(Debug, Serialize)]
pub struct SharedProgress {
    pub id: String,
    pub parties: Parties,
    pub quarter: String,
    pub period_start: String,
    pub period_end: String,
    pub shared_summary: Option<Rich>,
    pub milestones_met: Vec<SharedMilestone>,
    pub milestones_due: Vec<SharedMilestone>,
    pub goals: Vec<SharedGoal>,
    pub kept: Vec<SharedCommitment>,
    pub open: Vec<SharedCommitment>,
    pub events: Vec<SharedEvent>,
    /// The shared actions agreed at the previous review, checked at this one's date.
    pub previous_actions: Vec<ActionView>,
    /// The shared actions agreed at this review, as they stand at `as_of`.
    pub actions: Vec<ActionView>,
    /// The date `previous_actions` are judged at, and the as-of date.
    pub checked_at: String,
    pub as_of: String,
    /// Changes to shared items in our notes since the previous review; absent without git
    /// history or when no shared item changed.
    pub notes: Option<Vec<SharedNotesSection>>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// Changes to shared items (joint goals and milestones, commitments, governance, shared
/// events and disputes) of one section. Never who made them or how: no commit ids, no
/// authors, no internal items, people, stage or criteria.
#[derive(Debug, Serialize)]
pub struct SharedNotesSection {
    pub title: String,
    pub changes: Vec<SharedNoteChange>,
}

#[derive(Debug, Serialize)]
pub struct SharedNoteChange {
    pub label: String,
    pub subject: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SharedMilestone {
    pub goal: String,
    pub milestone: MilestoneView,
}

/// The index of one account's shared folder.
#[derive(Debug, Serialize)]
pub struct SharedIndex {
    pub id: String,
    pub parties: Parties,
    pub has_statement: bool,
    pub statement_title: Option<String>,
    pub quarters: Vec<String>,
    pub events: Vec<SharedEvent>,
    pub disputes: Vec<SharedDispute>,
}

fn parties(organisation: &str, file: &AccountFile) -> Parties {
    Parties {
        us: organisation.to_string(),
        them: file.account.name.clone(),
    }
}

/// A shared commitment with ISO dates, as lists and tables show them.
fn shared_commitment(c: &Commitment) -> SharedCommitment {
    SharedCommitment {
        what: c.what.clone(),
        made: format::date(c.made),
        due: format::opt_date(c.due),
        status: c.status,
        evidence: Rich::option(c.evidence.as_ref()),
        due_date: c.due,
    }
}

/// The goals with their milestones' dates written out in `lang`, as the statement writes
/// its commitments' dates: a statement is read as a document, not sorted as a list.
fn with_long_dates(mut goals: Vec<SharedGoal>, lang: Language) -> Vec<SharedGoal> {
    for milestone in goals.iter_mut().flat_map(|g| g.milestones.iter_mut()) {
        milestone.due = i18n::long_date(milestone.due_date, lang);
        milestone.done = i18n::opt_long_date(milestone.done_date, lang);
    }
    goals
}

fn shared_goals(file: &AccountFile, people: &People, as_of: Date) -> Vec<SharedGoal> {
    file.account
        .goals
        .iter()
        .filter(|g| g.visibility == Visibility::Shared)
        .map(|g| {
            let milestones: Vec<MilestoneView> = g
                .milestones
                .iter()
                .map(|m| milestone_view(m, as_of))
                .collect();
            SharedGoal {
                id: g.id.value.clone(),
                title: g.title.clone().unwrap_or_else(|| g.id.value.clone()),
                owners: people.all(&g.owners),
                note: Rich::option(g.note.as_ref()),
                done: milestones.iter().filter(|m| m.done.is_some()).count(),
                milestones,
            }
        })
        .collect()
}

fn shared_events(
    file: &AccountFile,
    people: &People,
    indices: impl Iterator<Item = usize>,
) -> Vec<SharedEvent> {
    indices
        .map(|i| &file.account.events[i])
        .filter(|e| e.visibility == Visibility::Shared)
        .map(|e| SharedEvent {
            date: format::date(e.date),
            date_value: e.date,
            kind: e.kind,
            title: e.title.clone(),
            people: people.all(&e.people),
            note: Rich::option(e.note.as_ref()),
        })
        .collect()
}

fn shared_committee(c: &crate::model::Committee, people: &People, words: Words) -> SharedCommittee {
    SharedCommittee {
        name: c.name.clone(),
        cadence: c.cadence.map(|c| words.get(cadence_key(c))),
        members: people.all(&c.members),
        purpose: Rich::option(c.purpose.as_ref()),
        cadence_value: c.cadence,
    }
}

/// The catalogue key of a cadence's label.
pub(super) fn cadence_key(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Weekly => keys::CADENCE_WEEKLY,
        Cadence::Monthly => keys::CADENCE_MONTHLY,
        Cadence::Quarterly => keys::CADENCE_QUARTERLY,
        Cadence::Yearly => keys::CADENCE_YEARLY,
        Cadence::AdHoc => keys::CADENCE_AD_HOC,
    }
}

/// What an account's shared calendar is made from, in the shared views' own types: the
/// calendar (`view::calendar`) can only show what these let through.
#[derive(Debug)]
pub struct SharedCalendarSource {
    pub parties: Parties,
    /// Shared goals, their milestones judged at as-of.
    pub goals: Vec<SharedGoal>,
    /// Shared open commitments.
    pub commitments: Vec<SharedCommitment>,
    /// The shared actions of each review, by the quarter reviewed, judged at as-of.
    pub actions: Vec<(String, Vec<ActionView>)>,
    /// Shared committees.
    pub committees: Vec<SharedCommittee>,
    /// Shared events, the only ones the shared calendar's next meetings are counted from.
    pub events: Vec<SharedEvent>,
}

/// The shared items of one account that a calendar may show, as they stand at `as_of`.
pub fn calendar_source(
    organisation: &str,
    file: &AccountFile,
    as_of: Date,
) -> SharedCalendarSource {
    let account = &file.account;
    let people = People {
        account,
        organisation,
    };
    SharedCalendarSource {
        parties: parties(organisation, file),
        goals: shared_goals(file, &people, as_of),
        commitments: account
            .commitments
            .iter()
            .filter(|c| c.visibility == Visibility::Shared && c.status == CommitmentStatus::Open)
            .map(shared_commitment)
            .collect(),
        actions: account
            .reviews
            .iter()
            .map(|r| {
                (
                    r.quarter.value.to_string(),
                    action_views(&r.actions, &people, as_of, is_shared),
                )
            })
            .collect(),
        committees: account
            .governance
            .iter()
            .filter(|c| c.visibility == Visibility::Shared)
            // The calendar names committees, never their cadence's label: any words do.
            .map(|c| shared_committee(c, &people, i18n::Messages::built_in().words(Language::En)))
            .collect(),
        events: shared_events(file, &people, 0..account.events.len()),
    }
}

/// The joint statement of one account, with what is true at `as_of`, in the language of `words`: its
/// headings, and its dates written out ("20. Juni 2026").
pub fn statement(
    organisation: &str,
    file: &AccountFile,
    as_of: Date,
    earlier: &[StatementVersion],
    words: Words,
) -> SharedStatement {
    let lang = words.language;
    let account = &file.account;
    let people = People {
        account,
        organisation,
    };
    let statement = account.statement.as_ref();
    let commits = |party: &str| words.with(keys::COMMITS_TO, &[("party", party)]);
    let headings = [
        (Party::Us, commits(organisation)),
        (Party::Them, commits(&account.name)),
        (Party::Both, words.get(keys::TOGETHER_COMMIT)),
    ];
    let commitments = headings
        .into_iter()
        .map(|(party, heading)| SharedCommitments {
            heading,
            items: account
                .commitments
                .iter()
                .filter(|c| {
                    c.by == party
                        && c.visibility == Visibility::Shared
                        && c.status != CommitmentStatus::Withdrawn
                })
                .map(|c| SharedCommitment {
                    due: i18n::opt_long_date(c.due, lang),
                    ..shared_commitment(c)
                })
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let governance: Vec<&crate::model::Committee> = account
        .governance
        .iter()
        .filter(|c| c.visibility == Visibility::Shared)
        .collect();
    let mut by_frequency = governance.clone();
    by_frequency.sort_by_key(|c| cadence_rank(c.cadence));
    let mut view = SharedStatement {
        id: file.id.clone(),
        parties: parties(organisation, file),
        title: statement.and_then(|s| s.title.clone()).unwrap_or_else(|| {
            words.with(
                keys::STATEMENT_DEFAULT_TITLE,
                &[("us", organisation), ("them", &account.name)],
            )
        }),
        date: statement.and_then(|s| i18n::opt_long_date(s.date, lang)),
        vision: statement.and_then(|s| Rich::option(s.vision.as_ref())),
        commitments,
        behaviours_us: statement
            .map(|s| Rich::list(&s.behaviours.us))
            .unwrap_or_default(),
        behaviours_them: statement
            .map(|s| Rich::list(&s.behaviours.them))
            .unwrap_or_default(),
        goals: with_long_dates(shared_goals(file, &people, as_of), lang),
        escalation_path: by_frequency.iter().map(|c| c.name.clone()).collect(),
        earlier_versions: earlier
            .iter()
            .enumerate()
            .rev()
            .map(|(i, v)| EarlierVersion {
                version: v.version,
                date: i18n::opt_long_date(v.date, lang),
                next: earlier.get(i + 1).map_or_else(
                    || statement.map_or(v.version + 1, |s| s.version.value),
                    |n| n.version,
                ),
                changes: v
                    .changes
                    .iter()
                    .filter(|c| c.shared)
                    .map(|c| shared_change(c, words))
                    .collect(),
            })
            .collect(),
        fingerprint: String::new(),
        tracks_signatures: statement.is_some_and(|s| s.tracks_signatures()),
        version: statement.map_or(1, |s| s.version.value),
        signatures: statement
            .map(|s| {
                s.signatories
                    .iter()
                    .map(|person| SignatureView {
                        person: people.named(person),
                        signed: s
                            .signatures()
                            .iter()
                            .filter(|_| s.signed_by(&person.value, as_of))
                            .filter(|sig| sig.person.value == person.value)
                            .map(|sig| sig.date)
                            .max()
                            .map(|d| i18n::long_date(d, lang)),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        governance: governance
            .iter()
            .map(|c| shared_committee(c, &people, words))
            .collect(),
        signatories: statement
            .map(|s| people.all(&s.signatories))
            .unwrap_or_default(),
    };
    view.fingerprint = fingerprint::fingerprint(&canonical_text(&view, statement));
    view
}

/// The canonical text of what the statement `view` says (see `fingerprint`): its parties,
/// title and version as shown, its date as an ISO date whatever the page's language (so a
/// statement's fingerprint did not change when its dates were first written out), and the
/// vision and behaviours as written.
pub fn canonical_text(
    view: &SharedStatement,
    statement: Option<&crate::model::Statement>,
) -> String {
    let none: &[String] = &[];
    let iso_date = statement.and_then(|s| format::opt_date(s.date));
    fingerprint::canonical(&fingerprint::StatementText {
        us: &view.parties.us,
        them: &view.parties.them,
        title: &view.title,
        version: view.version,
        date: iso_date.as_deref(),
        vision: statement.and_then(|s| s.vision.as_deref()),
        behaviours_us: statement.map_or(none, |s| &s.behaviours.us),
        behaviours_them: statement.map_or(none, |s| &s.behaviours.them),
        signatories: &view.signatories,
    })
}

/// Working groups that meet often (or when needed) settle issues first; the committees that
/// meet rarely are the senior forums an issue goes up to.
fn cadence_rank(cadence: Option<Cadence>) -> u8 {
    match cadence {
        Some(Cadence::Weekly) => 0,
        Some(Cadence::Monthly) => 1,
        Some(Cadence::AdHoc) | None => 2,
        Some(Cadence::Quarterly) => 3,
        Some(Cadence::Yearly) => 4,
    }
}

/// Only shared actions reach a shared page.
fn is_shared(action: &Action) -> bool {
    action.visibility == Visibility::Shared
}

/// Shared progress for one reviewed quarter; `notes` is what changed in the account file
/// since the previous review, of which only changes to shared items are kept. The period
/// and the dates of its sentences are written out in the language of `words`; lists keep ISO
/// dates.
pub fn progress(
    organisation: &str,
    file: &AccountFile,
    period: &PeriodChanges,
    notes: Option<&NotesDiff>,
    as_of: Date,
    words: Words,
) -> SharedProgress {
    let lang = words.language;
    let account = &file.account;
    let people = People {
        account,
        organisation,
    };
    let review = &account.reviews[period.review];
    let judged_at = period.end.succ_opt().unwrap_or(period.end);
    let shared_goal = |goal: usize| account.goals[goal].visibility == Visibility::Shared;
    let milestone = |r: &crate::analyze::MilestoneRef| {
        let goal = &account.goals[r.goal];
        SharedMilestone {
            goal: goal.title.clone().unwrap_or_else(|| goal.id.value.clone()),
            milestone: milestone_view(&goal.milestones[r.milestone], judged_at),
        }
    };
    let shared = |i: &&usize| account.commitments[**i].visibility == Visibility::Shared;
    SharedProgress {
        id: file.id.clone(),
        parties: parties(organisation, file),
        quarter: period.quarter.to_string(),
        period_start: i18n::long_date(period.start, lang),
        period_end: i18n::long_date(period.end, lang),
        shared_summary: Rich::option(review.shared_summary.as_ref()),
        milestones_met: period
            .milestones_met
            .iter()
            .filter(|r| shared_goal(r.goal))
            .map(milestone)
            .collect(),
        milestones_due: period
            .milestones_due
            .iter()
            .filter(|r| shared_goal(r.goal))
            .map(milestone)
            .collect(),
        goals: shared_goals(file, &people, judged_at),
        kept: period
            .commitments_kept
            .iter()
            .filter(shared)
            .map(|&i| shared_commitment(&account.commitments[i]))
            .collect(),
        open: account
            .commitments
            .iter()
            .filter(|c| {
                c.visibility == Visibility::Shared
                    && c.status == CommitmentStatus::Open
                    && c.made <= period.end
            })
            .map(shared_commitment)
            .collect(),
        events: shared_events(file, &people, period.events.iter().copied()),
        previous_actions: period
            .previous_review
            .map(|i| {
                action_views(
                    &account.reviews[i].actions,
                    &people,
                    period.review_date,
                    is_shared,
                )
            })
            .unwrap_or_default(),
        actions: action_views(&review.actions, &people, as_of, is_shared),
        checked_at: i18n::long_date(period.review_date, lang),
        as_of: i18n::long_date(as_of, lang),
        notes: notes.and_then(|n| shared_notes(n, words)),
        previous: period
            .previous_review
            .map(|i| account.reviews[i].quarter.value.to_string()),
        next: period
            .next_review
            .map(|i| account.reviews[i].quarter.value.to_string()),
    }
}

/// A change to a shared item as the other company may read it, in the folder's language:
/// what changed, never who changed it.
fn shared_change(change: &Change, words: Words) -> SharedNoteChange {
    let (from, to) = change.shown();
    SharedNoteChange {
        label: change.label(words),
        subject: words.say(&change.subject),
        from: from.map(|p| words.say(&p)),
        to: to.map(|p| words.say(&p)),
        detail: change.detail.as_ref().map(|p| words.say(p)),
    }
}

/// The changes to shared items, by section; `None` when there are none.
fn shared_notes(diff: &NotesDiff, words: Words) -> Option<Vec<SharedNotesSection>> {
    let shared = diff.changes.iter().filter(|c| c.shared);
    let sections = crate::history::diff::by_section(shared, |c| shared_change(c, words));
    (!sections.is_empty()).then(|| {
        sections
            .into_iter()
            .map(|(section, changes)| SharedNotesSection {
                title: section.title(words),
                changes,
            })
            .collect()
    })
}

/// The index page of one account's shared folder; its disputes' dates and amounts in the
/// language of `words`.
pub fn index(
    organisation: &str,
    file: &AccountFile,
    analysis: &AccountAnalysis,
    words: Words,
) -> SharedIndex {
    let lang = words.language;
    let account = &file.account;
    let people = People {
        account,
        organisation,
    };
    let mut events: Vec<usize> = (0..account.events.len()).collect();
    events.sort_by(|&a, &b| {
        account.events[b]
            .date
            .cmp(&account.events[a].date)
            .then(a.cmp(&b))
    });
    SharedIndex {
        id: file.id.clone(),
        parties: parties(organisation, file),
        has_statement: account.statement.is_some(),
        statement_title: account.statement.as_ref().and_then(|s| s.title.clone()),
        quarters: analysis
            .periods
            .iter()
            .map(|p| p.quarter.to_string())
            .collect(),
        events: shared_events(file, &people, events.into_iter()),
        disputes: account
            .disputes
            .iter()
            .filter(|d| d.visibility == Visibility::Shared)
            .map(|d| {
                let currency = d.currency.clone().unwrap_or_default();
                SharedDispute {
                    title: d.title.clone().unwrap_or_else(|| d.id.value.clone()),
                    opened: i18n::long_date(d.opened, lang),
                    resolved: i18n::opt_long_date(d.resolved, lang),
                    amount: d.amount.map(|a| i18n::money(a, &currency, lang)),
                    note: Rich::option(d.note.as_ref()),
                }
            })
            .collect(),
    }
}
