//! The internal portfolio: one row per account and the alerts across the portfolio, plus
//! `portfolio.json` for spreadsheets and BI.

use super::account::AlertView;
use super::health::{health_summary, HealthSummary};
use super::SiteInfo;
use crate::analyze::{self, Analysis};
use crate::analyze::{AccountAnalysis, AlertSeverity};
use crate::format::{self, money};
use crate::model::{AccountFile, AccountKind, Stage, Workspace};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Portfolio {
    pub site: SiteInfo,
    pub accounts: Vec<PortfolioRow>,
    pub alerts: Vec<PortfolioAlert>,
    pub alert_counts: AlertCounts,
    /// Whether any account has actions agreed at a review: the table then counts them.
    pub has_actions: bool,
}

#[derive(Debug, Serialize)]
pub struct PortfolioRow {
    pub id: String,
    pub name: String,
    pub kind: AccountKind,
    pub owner: Option<String>,
    pub stage: Option<Stage>,
    pub health: HealthSummary,
    pub exposure: Vec<String>,
    pub overdue_milestones: usize,
    pub keep_rate: Option<String>,
    pub last_contact: Option<String>,
    pub next_review: String,
    pub next_review_due: String,
    pub alerts: usize,
    /// Actions agreed at reviews and not done, and how many of those are late.
    pub actions_open: usize,
    pub actions_late: usize,
}

#[derive(Debug, Serialize)]
pub struct PortfolioAlert {
    pub account_id: String,
    pub account: String,
    #[serde(flatten)]
    pub alert: AlertView,
}

#[derive(Debug, Default, Serialize)]
pub struct AlertCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

/// The portfolio page.
pub fn portfolio(site: &SiteInfo, workspace: &Workspace, analysis: &Analysis) -> Portfolio {
    let accounts = workspace
        .accounts
        .iter()
        .zip(&analysis.accounts)
        .map(|(file, a)| PortfolioRow {
            id: file.id.clone(),
            name: file.account.name.clone(),
            kind: file.account.kind,
            owner: file.account.owner.as_ref().map(|o| {
                file.account
                    .person(&o.value)
                    .map_or_else(|| o.value.clone(), |p| p.name.clone())
            }),
            stage: file.account.stage,
            health: health_summary(a),
            exposure: a
                .disputes
                .exposure
                .iter()
                .map(|(c, sum)| money(*sum, c))
                .collect(),
            overdue_milestones: a.milestones.overdue.len(),
            keep_rate: a.commitments.keep_rate.map(format::percent),
            last_contact: format::opt_date(a.last_contact),
            next_review: a.next_review.to_string(),
            next_review_due: format::date(a.next_review_due),
            alerts: a.alerts.len(),
            actions_open: a.actions.open,
            actions_late: a.actions.late,
        })
        .collect();
    let alerts: Vec<PortfolioAlert> = analyze::portfolio_alerts(analysis, workspace)
        .into_iter()
        .map(|(i, alert)| PortfolioAlert {
            account_id: workspace.accounts[i].id.clone(),
            account: workspace.accounts[i].account.name.clone(),
            alert: AlertView::from(&alert),
        })
        .collect();
    let mut alert_counts = AlertCounts::default();
    for a in &alerts {
        match a.alert.severity {
            AlertSeverity::High => alert_counts.high += 1,
            AlertSeverity::Medium => alert_counts.medium += 1,
            AlertSeverity::Low => alert_counts.low += 1,
        }
    }
    Portfolio {
        site: site.clone(),
        has_actions: workspace
            .accounts
            .iter()
            .any(|f| f.account.reviews.iter().any(|r| !r.actions.is_empty())),
        accounts,
        alerts,
        alert_counts,
    }
}

/// `portfolio.json`: the figures of every account for spreadsheets and BI, keys as
/// documented, pretty-printed with a final newline. Rows are serialized one at a time
/// straight into the text: a tree of the whole portfolio would hold hundreds of
/// megabytes at 10,000 accounts.
pub fn portfolio_json(workspace: &Workspace, analysis: &Analysis) -> String {
    let json = PortfolioJson {
        workspace,
        analysis,
    };
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}

struct PortfolioJson<'a> {
    workspace: &'a Workspace,
    analysis: &'a Analysis,
}

impl Serialize for PortfolioJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        // Keys in sorted order, as in every object of the file.
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("accounts", &AccountRows(self))?;
        map.serialize_entry("as_of", &self.analysis.as_of)?;
        map.end()
    }
}

struct AccountRows<'a>(&'a PortfolioJson<'a>);

impl Serialize for AccountRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let PortfolioJson {
            workspace,
            analysis,
        } = self.0;
        serializer.collect_seq(
            workspace
                .accounts
                .iter()
                .zip(&analysis.accounts)
                .map(|(file, a)| account_json(file, a)),
        )
    }
}

/// One account's row of `portfolio.json`.
fn account_json(file: &AccountFile, a: &AccountAnalysis) -> serde_json::Value {
    let c = &a.commitments;
    let m = &a.milestones;
    let d = &a.disputes;
    serde_json::json!({
        "id": file.id,
        "name": file.account.name,
        "kind": file.account.kind,
        "owner": file.account.owner.as_ref().map(|o| o.value.clone()),
        "stage": file.account.stage,
        "health": {
            "score": a.health.score,
            "components": a.health.components.iter().map(|h| serde_json::json!({
                "name": h.name, "weight": h.weight, "value": h.value, "contribution": h.contribution,
            })).collect::<Vec<_>>(),
            "trend": a.trend.iter().map(|p| serde_json::json!({
                "quarter": p.quarter, "date": p.date, "score": p.score,
            })).collect::<Vec<_>>(),
        },
        "alerts": a.alerts,
        "commitments": {
            "kept": c.kept, "broken": c.broken, "open": c.open, "withdrawn": c.withdrawn,
            "keep_rate": c.keep_rate, "overdue": c.overdue.len(),
        },
        "milestones": {
            "total": m.total, "on_time": m.on_time, "late": m.late, "open": m.open,
            "overdue": m.overdue.len(),
        },
        "disputes": {
            "open": d.open, "resolved": d.resolved, "exposure": d.exposure,
            "oldest_open_days": d.oldest_open_days,
        },
        "last_contact": a.last_contact,
        "actions": { "open": a.actions.open, "late": a.actions.late },
    })
}
