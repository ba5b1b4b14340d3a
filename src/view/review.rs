//! The internal review pack of one account and quarter: scores and deltas, what changed in
//! the period, successes and failures side by side, recognition and next steps.

use super::account::{
    dispute_view, event_view, milestone_view, AlertView, DisputeView, EventView, MilestoneView,
};
use super::common::{action_views, ActionView, People, PersonName, Rich};
use super::SiteInfo;
use crate::analyze::{
    settled_by, settled_on, AccountAnalysis, MilestoneRef, PeriodChanges, ScoreDelta, SettledBy,
};
use crate::format::{self, signed};
use crate::history::{Change, ChangeKind, CommitRef, NotesDiff, Point};
use crate::i18n::{keys, Words};
use crate::model::{AccountFile, CommitmentStatus, Date, Level, Party};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ReviewPack {
    pub site: SiteInfo,
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub quarter: String,
    pub date: Option<String>,
    pub period_start: String,
    pub period_end: String,
    pub attendees: Vec<PersonName>,
    pub health: Option<i64>,
    /// The actions agreed at the previous review, checked at this one's date.
    pub previous_actions: Vec<ActionView>,
    /// When the previous review was held, for the heading of `previous_actions`.
    pub previous_quarter: Option<String>,
    /// The date `previous_actions` are judged at: this review's date (else its quarter's
    /// end), not after as-of.
    pub previous_checked_at: String,
    /// The actions agreed at this review, as they stand at the as-of date.
    pub actions: Vec<ActionView>,
    pub scores: Vec<ScoreRow>,
    /// Whether any criterion was scored by level: the pack then shows the level grid.
    pub levels_scored: bool,
    pub changes: Changes,
    /// Successes and failures paired row by row, for the side-by-side table.
    pub balance: Vec<BalanceRow>,
    pub successes: Vec<Rich>,
    pub failures: Vec<Rich>,
    pub recognition: Vec<Rich>,
    pub next_steps: Vec<Rich>,
    pub summary: Option<Rich>,
    pub shared_summary: Option<Rich>,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub alerts: Vec<AlertView>,
    /// What changed in our notes since the previous review, read from git; absent outside
    /// git, with `--no-history`, or when the notes were not in git yet.
    pub notes: Option<NotesView>,
}

/// The semantic diff of the account file between the previous review and this one.
#[derive(Debug, Serialize)]
pub struct NotesView {
    /// `1a2b3c4 (2026-04-09, Dana Whitfield)`.
    pub from: String,
    /// A commit as `from`, or `the working tree`.
    pub to: String,
    /// The file was added to git after the previous review: everything in it is new.
    pub created: bool,
    pub sections: Vec<NotesSection>,
    /// How many commits touched the file in between, and who made them.
    pub commit_count: usize,
    pub authors: Vec<String>,
    /// Versions that could not be read.
    pub problems: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct NotesSection {
    pub title: String,
    pub changes: Vec<NoteChange>,
}

#[derive(Debug, Serialize)]
pub struct NoteChange {
    pub kind: ChangeKind,
    pub label: String,
    pub subject: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub detail: Option<String>,
    pub commits: Vec<CommitView>,
    /// Not committed yet: the working tree differs from the last commit.
    pub uncommitted: bool,
}

#[derive(Debug, Serialize)]
pub struct CommitView {
    /// The abbreviated id.
    pub id: String,
    pub author: String,
    pub date: String,
}

#[derive(Debug, Serialize)]
pub struct ScoreRow {
    pub criterion: String,
    pub weight: i64,
    /// The score: the number given, or the mean of the levels (`3.5`).
    pub score: String,
    pub previous: Option<String>,
    pub delta: Option<String>,
    pub direction: Direction,
    /// One cell per level of theirs (executive first) when this review scored the
    /// criterion by level; empty otherwise.
    pub levels: Vec<LevelCell>,
}

/// One level's score of a criterion in a review, against the previous review's.
#[derive(Debug, Serialize)]
pub struct LevelCell {
    pub level: Level,
    pub score: Option<i64>,
    pub previous: Option<i64>,
    /// `+1`, `-2`, `±0`; absent when either review did not score this level.
    pub delta: Option<String>,
    pub direction: Direction,
}

/// Which way a score moved since the previous review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
    /// Unchanged, or no previous score.
    Same,
}

impl Direction {
    fn of(delta: Option<f64>) -> Direction {
        match delta {
            Some(x) if x > 0.0 => Direction::Up,
            Some(x) if x < 0.0 => Direction::Down,
            _ => Direction::Same,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct BalanceRow {
    pub success: Option<Rich>,
    pub failure: Option<Rich>,
}

#[derive(Debug, Serialize)]
pub struct GoalMilestone {
    pub goal: String,
    pub milestone: MilestoneView,
}

#[derive(Debug, Serialize)]
pub struct PeriodCommitment {
    pub by: Party,
    pub what: String,
    pub made: String,
    pub due: Option<String>,
    pub status: CommitmentStatus,
    /// The date the outcome was recorded, when the file gives it.
    pub closed: Option<String>,
    /// The date that placed the outcome in its quarter (see `placed_by`).
    pub settled: String,
    /// Which date placed the outcome in its quarter: `closed`, `commit`, `due-date` or
    /// `made-date`.
    pub placed_by: SettledBy,
}

#[derive(Debug, Serialize)]
pub struct Changes {
    pub events: Vec<EventView>,
    pub milestones_met: Vec<GoalMilestone>,
    pub milestones_missed: Vec<GoalMilestone>,
    pub commitments_made: Vec<PeriodCommitment>,
    pub commitments_kept: Vec<PeriodCommitment>,
    pub commitments_broken: Vec<PeriodCommitment>,
    pub disputes_opened: Vec<DisputeView>,
    pub disputes_resolved: Vec<DisputeView>,
    pub empty: bool,
}

/// The review pack for one period of one account, in the language of `words`; `notes` is
/// what changed in the account file since the previous review, when git history is known.
pub fn review_pack(
    site: &SiteInfo,
    file: &AccountFile,
    analysis: &AccountAnalysis,
    period: &PeriodChanges,
    notes: Option<&NotesDiff>,
    words: Words,
) -> ReviewPack {
    let account = &file.account;
    let review = &account.reviews[period.review];
    let people = People {
        account,
        organisation: &site.organisation,
    };
    let health = analysis
        .trend
        .iter()
        .find(|p| p.quarter == period.quarter)
        .and_then(|p| p.score)
        .map(|s| s.round() as i64);
    let successes = Rich::list(&review.successes);
    let failures = Rich::list(&review.failures);
    let rows = successes.len().max(failures.len());
    let balance = (0..rows)
        .map(|i| BalanceRow {
            success: successes.get(i).cloned(),
            failure: failures.get(i).cloned(),
        })
        .collect();
    ReviewPack {
        site: site.clone(),
        id: file.id.clone(),
        name: account.name.clone(),
        organisation: site.organisation.clone(),
        quarter: period.quarter.to_string(),
        date: format::opt_date(review.date),
        period_start: format::date(period.start),
        period_end: format::date(period.end),
        attendees: people.all(&review.attendees),
        health,
        previous_actions: period
            .previous_review
            .map(|i| {
                action_views(
                    &account.reviews[i].actions,
                    &people,
                    period.review_date,
                    |_| true,
                )
            })
            .unwrap_or_default(),
        previous_checked_at: format::date(period.review_date),
        previous_quarter: period
            .previous_review
            .map(|i| account.reviews[i].quarter.value.to_string()),
        actions: action_views(&review.actions, &people, site.as_of_date, |_| true),
        levels_scored: period.score_deltas.iter().any(|d| d.levels.is_some()),
        scores: score_rows(file, period),
        changes: changes(file, &people, analysis, period),
        balance,
        successes,
        failures,
        recognition: Rich::list(&review.recognition),
        next_steps: Rich::list(&review.next_steps),
        summary: Rich::option(review.summary.as_ref()),
        shared_summary: Rich::option(review.shared_summary.as_ref()),
        previous: period
            .previous_review
            .map(|i| account.reviews[i].quarter.value.to_string()),
        next: period
            .next_review
            .map(|i| account.reviews[i].quarter.value.to_string()),
        alerts: analysis
            .alerts
            .iter()
            .map(|a| AlertView::new(a, words))
            .collect(),
        notes: notes.map(|n| notes_view(n, words)),
    }
}

/// Changes grouped by section, in section order, each with the commits that made it, in
/// the language of `words`.
pub fn notes_view(diff: &NotesDiff, words: Words) -> NotesView {
    let sections = crate::history::diff::by_section(&diff.changes, |c| note_change(c, words))
        .into_iter()
        .map(|(section, changes)| NotesSection {
            title: section.title(words),
            changes,
        })
        .collect();
    let mut authors: Vec<String> = Vec::new();
    for commit in &diff.commits {
        if !authors.contains(&commit.author) {
            authors.push(commit.author.clone());
        }
    }
    NotesView {
        from: describe(&diff.from, words),
        to: describe(&diff.to, words),
        created: diff.created,
        sections,
        commit_count: diff.commits.len(),
        authors,
        problems: diff.problems.clone(),
    }
}

/// A revision as the notes name it: `1a2b3c4 (2026-04-09, Dana Whitfield)`, or the
/// working tree in the page's language.
fn describe(point: &Point, words: Words) -> String {
    match &point.commit {
        Some(_) => point.describe(),
        None => words.get(keys::WORKING_TREE),
    }
}

fn note_change(change: &Change, words: Words) -> NoteChange {
    let (from, to) = change.shown();
    NoteChange {
        kind: change.kind,
        label: change.label(words),
        subject: words.say(&change.subject),
        from: from.map(|p| words.say(&p)),
        to: to.map(|p| words.say(&p)),
        detail: change.detail.as_ref().map(|p| words.say(p)),
        commits: change.commits.iter().map(commit_view).collect(),
        uncommitted: change.uncommitted,
    }
}

fn commit_view(commit: &CommitRef) -> CommitView {
    CommitView {
        id: commit.short().to_string(),
        author: commit.author.clone(),
        date: commit.date.clone(),
    }
}

fn score_rows(file: &AccountFile, period: &PeriodChanges) -> Vec<ScoreRow> {
    period
        .score_deltas
        .iter()
        .map(|d| {
            let criterion = file.account.criterion(&d.criterion);
            ScoreRow {
                criterion: criterion.map_or_else(|| d.criterion.clone(), |c| c.name.clone()),
                weight: criterion.map_or(1, |c| c.weight.value),
                score: format::score(d.score),
                previous: d.previous.map(format::score),
                delta: d.delta.map(format::signed_score),
                direction: Direction::of(d.delta),
                levels: level_cells(d),
            }
        })
        .collect()
}

/// The criteria × level grid's row of a criterion scored by level.
fn level_cells(d: &ScoreDelta) -> Vec<LevelCell> {
    let Some(levels) = &d.levels else {
        return Vec::new();
    };
    Level::ALL
        .iter()
        .map(|level| {
            let score = levels.get(level).copied();
            let previous = d
                .previous_levels
                .as_ref()
                .and_then(|p| p.get(level))
                .copied();
            let delta = score.zip(previous).map(|(s, p)| s - p);
            LevelCell {
                level: *level,
                score,
                previous,
                delta: delta.map(signed),
                direction: Direction::of(delta.map(|d| d as f64)),
            }
        })
        .collect()
}

/// A milestone with its goal's title, judged at the end of the period.
pub fn goal_milestone(file: &AccountFile, r: &MilestoneRef, judged_at: Date) -> GoalMilestone {
    let goal = &file.account.goals[r.goal];
    GoalMilestone {
        goal: goal.title.clone().unwrap_or_else(|| goal.id.value.clone()),
        milestone: milestone_view(&goal.milestones[r.milestone], judged_at),
    }
}

/// A commitment as a period list shows it.
pub fn period_commitment(file: &AccountFile, index: usize) -> PeriodCommitment {
    let c = &file.account.commitments[index];
    PeriodCommitment {
        by: c.by,
        what: c.what.clone(),
        made: format::date(c.made),
        due: format::opt_date(c.due),
        status: c.status,
        closed: format::opt_date(c.closed),
        settled: format::date(settled_on(c)),
        placed_by: settled_by(c),
    }
}

fn changes(
    file: &AccountFile,
    people: &People,
    analysis: &AccountAnalysis,
    period: &PeriodChanges,
) -> Changes {
    let judged_at = period.end.succ_opt().unwrap_or(period.end);
    let milestones = |refs: &[MilestoneRef]| {
        refs.iter()
            .map(|r| goal_milestone(file, r, judged_at))
            .collect::<Vec<_>>()
    };
    let commitments = |list: &[usize]| {
        list.iter()
            .map(|&i| period_commitment(file, i))
            .collect::<Vec<_>>()
    };
    let dispute = |i: &usize| {
        let age = analysis
            .disputes
            .items
            .iter()
            .find(|d| d.index == *i)
            .map_or(0, |d| d.age_days);
        dispute_view(file, people, *i, age)
    };
    let changes = Changes {
        events: period
            .events
            .iter()
            .map(|&i| event_view(file, people, i))
            .collect(),
        milestones_met: milestones(&period.milestones_met),
        milestones_missed: milestones(&period.milestones_missed),
        commitments_made: commitments(&period.commitments_made),
        commitments_kept: commitments(&period.commitments_kept),
        commitments_broken: commitments(&period.commitments_broken),
        disputes_opened: period.disputes_opened.iter().map(dispute).collect(),
        disputes_resolved: period.disputes_resolved.iter().map(dispute).collect(),
        empty: false,
    };
    Changes {
        empty: changes.events.is_empty()
            && changes.milestones_met.is_empty()
            && changes.milestones_missed.is_empty()
            && changes.commitments_made.is_empty()
            && changes.commitments_kept.is_empty()
            && changes.commitments_broken.is_empty()
            && changes.disputes_opened.is_empty()
            && changes.disputes_resolved.is_empty(),
        ..changes
    }
}
