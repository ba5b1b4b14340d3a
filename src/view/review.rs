//! The internal review pack of one account and quarter: scores and deltas, what changed in
//! the period, successes and failures side by side, recognition and next steps.

use super::account::{
    dispute_view, event_view, milestone_view, AlertView, DisputeView, EventView, MilestoneView,
};
use super::common::{self, signed, People, PersonName, Rich};
use super::SiteInfo;
use crate::analyze::{AccountAnalysis, MilestoneRef, PeriodChanges};
use crate::model::{AccountFile, Date};
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
    pub scores: Vec<ScoreRow>,
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
}

#[derive(Debug, Serialize)]
pub struct ScoreRow {
    pub criterion: String,
    pub weight: i64,
    pub score: i64,
    pub previous: Option<i64>,
    pub delta: Option<String>,
    /// `up`, `down` or `same`.
    pub direction: &'static str,
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
    pub by: String,
    pub what: String,
    pub due: Option<String>,
    pub status: String,
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

/// The review pack for one period of one account.
pub fn review_pack(
    site: &SiteInfo,
    file: &AccountFile,
    analysis: &AccountAnalysis,
    period: &PeriodChanges,
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
        date: common::opt_date(review.date),
        period_start: common::date(period.start),
        period_end: common::date(period.end),
        attendees: people.all(&review.attendees),
        health,
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
        alerts: analysis.alerts.iter().map(AlertView::from).collect(),
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
                score: d.score,
                previous: d.previous,
                delta: d.delta.map(signed),
                direction: match d.delta {
                    Some(x) if x > 0 => "up",
                    Some(x) if x < 0 => "down",
                    _ => "same",
                },
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
        by: c.by.to_string(),
        what: c.what.clone(),
        due: common::opt_date(c.due),
        status: c.status.to_string(),
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
