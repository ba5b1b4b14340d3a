//! Analysis: pure functions of (workspace, as-of date) that compute the figures, health and
//! alerts an account director acts on.
//!
//! No IO and no clock: the same workspace and as-of date always give the same analysis.
//! Each file has one job: `quarters` (fiscal calendar), `schedule` (review order, last
//! contact), `figures` (commitments, milestones, disputes), `coverage` (who talks to
//! whom), `actions` (agreed at reviews), `periods` (what changed in a reviewed quarter), `health` (the transparent
//! score) and `alerts` (warnings with stable codes). The formulas are documented for users
//! in `docs/health.md`.

mod actions;
mod alerts;
mod coverage;
mod figures;
mod health;
mod periods;
mod quarters;
mod schedule;

pub use actions::{action_figures, action_status, ActionFigures, ActionStatus};
pub use alerts::{Alert, AlertCode, AlertSeverity, MILESTONE_HIGH_AFTER_DAYS};
pub use coverage::{Coverage, LevelCoverage};
pub use figures::{
    settled_by, settled_on, CommitmentFigures, DisputeFigures, DisputeStatus, MilestoneFigures,
    MilestoneRef, SettledBy, StatusCounts,
};
pub use health::{Health, HealthComponent, TrendPoint};
pub use periods::{PeriodChanges, ScoreDelta};
pub use quarters::FiscalCalendar;

use crate::model::{AccountFile, Config, Quarter, Workspace};
use rayon::prelude::*;
use serde::Serialize;

/// A calendar date.
pub type Date = chrono::NaiveDate;

/// The analysis of a whole workspace at one as-of date.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub as_of: Date,
    /// In the order of `workspace.accounts`.
    pub accounts: Vec<AccountAnalysis>,
}

/// Everything computed about one account.
#[derive(Debug, Clone, Serialize)]
pub struct AccountAnalysis {
    /// The account id (file stem).
    pub id: String,
    pub current_quarter: Quarter,
    pub last_completed_quarter: Quarter,
    /// The latest event or review (its date, else the end of its quarter) on or before
    /// as-of.
    pub last_contact: Option<Date>,
    /// The earliest quarter from the last completed one on that has no review yet.
    pub next_review: Quarter,
    /// The last day of `next_review`.
    pub next_review_due: Date,
    /// Indices into `account.reviews`, by quarter ascending.
    pub review_order: Vec<usize>,
    pub commitments: CommitmentFigures,
    pub milestones: MilestoneFigures,
    pub disputes: DisputeFigures,
    pub coverage: Coverage,
    /// Actions agreed at reviews, open or late at as-of.
    pub actions: ActionFigures,
    pub health: Health,
    /// Health at the end of each reviewed quarter up to the current one, chronological.
    pub trend: Vec<TrendPoint>,
    /// Most severe first, then code, then subject.
    pub alerts: Vec<Alert>,
    /// One per review, in `review_order`.
    pub periods: Vec<PeriodChanges>,
}

/// Analyses every account, in parallel; the order of `workspace.accounts` is kept.
pub fn analyze(workspace: &Workspace, as_of: Date) -> Analysis {
    let accounts = workspace
        .accounts
        .par_iter()
        .map(|account| analyze_account(&workspace.config, account, as_of))
        .collect();
    Analysis { as_of, accounts }
}

/// Analyses one account at `as_of`.
pub fn analyze_account(config: &Config, file: &AccountFile, as_of: Date) -> AccountAnalysis {
    let account = &file.account;
    let calendar = FiscalCalendar::new(config.fiscal_year_start());
    let current_quarter = calendar.current(as_of);
    let last_completed_quarter = calendar.last_completed(as_of);
    let last_contact = schedule::last_contact(account, &calendar, as_of);
    let next_review = schedule::next_review(account, last_completed_quarter);
    let review_order = schedule::review_order(account);

    let commitments = figures::commitment_figures(account, as_of, as_of);
    let milestones = figures::milestone_figures(account, as_of);
    let disputes = figures::dispute_figures(account, as_of);
    let coverage = coverage::coverage(account);

    let latest_review = health::latest_scored_review(account, current_quarter);
    let health = health::health(
        config,
        account,
        &health::HealthInputs {
            date: as_of,
            latest_review: latest_review.map(|i| &account.reviews[i]),
            commitments: &commitments,
            milestones: &milestones,
            disputes: &disputes,
            coverage: &coverage,
        },
    );
    let trend = health::trend(config, account, &calendar, &coverage, as_of);
    let alerts = alerts::alerts(&alerts::AlertInputs {
        config,
        account,
        calendar: &calendar,
        as_of,
        last_contact,
        review_order: &review_order,
        commitments: &commitments,
        milestones: &milestones,
        disputes: &disputes,
        coverage: &coverage,
    });
    let periods = periods::periods(account, &calendar, &review_order, as_of);

    AccountAnalysis {
        id: file.id.clone(),
        current_quarter,
        last_completed_quarter,
        last_contact,
        next_review,
        next_review_due: calendar.end(next_review),
        review_order,
        commitments,
        milestones,
        disputes,
        coverage,
        actions: actions::action_figures(account, as_of, current_quarter),
        health,
        trend,
        alerts,
        periods,
    }
}

/// Every alert of the portfolio with the index of its account: most severe first, then by
/// account id, then code, then subject.
pub fn portfolio_alerts(analysis: &Analysis, workspace: &Workspace) -> Vec<(usize, Alert)> {
    let mut all: Vec<(usize, Alert)> = analysis
        .accounts
        .iter()
        .enumerate()
        .flat_map(|(index, account)| {
            account
                .alerts
                .iter()
                .map(move |alert| (index, alert.clone()))
        })
        .collect();
    let id = |index: usize| {
        workspace
            .accounts
            .get(index)
            .map_or_else(|| analysis.accounts[index].id.as_str(), |a| a.id.as_str())
    };
    all.sort_by(|(ia, a), (ib, b)| {
        (a.severity, id(*ia), a.code, &a.subject, &a.message).cmp(&(
            b.severity,
            id(*ib),
            b.code,
            &b.subject,
            &b.message,
        ))
    });
    all
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::test_support::{file, workspace};

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn quarters_and_next_review() {
        let f = file(
            "a",
            "reviews:\n  - { quarter: 2026-Q1 }\n  - { quarter: 2026-Q2 }\n",
        );
        let config: Config = crate::yaml::parse("organisation: X\n").unwrap();
        let a = analyze_account(&config, &f, d("2026-05-01"));
        assert_eq!(a.current_quarter.to_string(), "2026-Q2");
        assert_eq!(a.last_completed_quarter.to_string(), "2026-Q1");
        assert_eq!(a.next_review.to_string(), "2026-Q3");
        assert_eq!(a.next_review_due, d("2026-09-30"));
        assert_eq!(a.review_order, vec![0, 1]);
        assert_eq!(a.periods.len(), 2);
    }

    #[test]
    fn analyze_keeps_account_order_and_is_deterministic() {
        let ws = workspace(vec![
            file("a", ""),
            file("b", "value: { counterpart_wants: no }\n"),
            file("c", ""),
        ]);
        let analysis = analyze(&ws, d("2026-05-01"));
        let ids: Vec<&str> = analysis.accounts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "c"]);
        let again = analyze(&ws, d("2026-05-01"));
        assert_eq!(
            serde_json::to_string(&analysis).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    #[test]
    fn portfolio_alerts_sort_by_severity_then_account() {
        let ws = workspace(vec![
            file("a", ""),
            file("b", "value: { counterpart_wants: no }\n"),
        ]);
        let analysis = analyze(&ws, d("2026-05-01"));
        let got: Vec<(usize, &str)> = portfolio_alerts(&analysis, &ws)
            .iter()
            .map(|(i, a)| (*i, a.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, "no-contacts"),
                (1, "counterpart-unwilling"),
                (1, "no-contacts"),
                (0, "no-sponsor"),
                (0, "stale"),
                (1, "no-sponsor"),
                (1, "stale"),
            ]
        );
    }

    #[test]
    fn serializes_with_snake_case_keys_and_lowercase_words() {
        let ws = workspace(vec![file(
            "a",
            "commitments:\n  - { by: us, what: x, made: 2026-01-01, status: kept }\n",
        )]);
        let json = serde_json::to_value(analyze(&ws, d("2026-05-01"))).unwrap();
        let account = &json["accounts"][0];
        assert_eq!(account["current_quarter"], "2026-Q2");
        assert_eq!(account["commitments"]["keep_rate"], 1.0);
        assert_eq!(account["commitments"]["by_side"]["us"]["kept"], 1);
        assert_eq!(account["coverage"]["levels"][0]["level"], "executive");
        assert_eq!(account["alerts"][0]["severity"], "high");
    }
}
