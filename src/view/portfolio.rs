//! The internal portfolio: its totals, the accounts (on the page itself, or on list pages
//! of [`LIST_PAGE_SIZE`] when there are more), the alerts grouped by account, plus
//! `portfolio.json` for spreadsheets and BI.

use super::account::AlertView;
use super::health::{health_summary, HealthSummary};
use super::owners::{owner_name, AccountAlerts};
use super::totals::{self, SeverityCounts, TotalsView};
use super::SiteInfo;
use crate::analyze::{AccountAnalysis, Analysis};
use crate::format::{self, money};
use crate::i18n::Words;
use crate::model::{AccountFile, AccountKind, Stage, Workspace};
use serde::Serialize;

/// Accounts per page of the account list: about 1 KB of HTML each, so a page stays far
/// below 2 MB whatever the portfolio's size.
pub const LIST_PAGE_SIZE: usize = 250;
/// Accounts whose alerts the portfolio page shows; the rest are on owners' pages.
pub const ALERT_ACCOUNTS_SHOWN: usize = 100;

#[derive(Debug, Serialize)]
pub struct Portfolio {
    pub site: SiteInfo,
    pub totals: TotalsView,
    /// Every account when they fit on one page ([`LIST_PAGE_SIZE`]); else empty, and
    /// `list_pages` links the pages that list them.
    pub accounts: Vec<PortfolioRow>,
    pub list_pages: Vec<ListLink>,
    /// Accounts with alerts, most severe first: at most [`ALERT_ACCOUNTS_SHOWN`].
    pub alert_accounts: Vec<AccountAlerts>,
    /// Accounts with alerts not shown above.
    pub alert_accounts_more: usize,
    pub alert_counts: SeverityCounts,
    pub owners: usize,
    /// Whether any account has actions agreed at a review: the table then counts them.
    pub has_actions: bool,
}

/// One page of the account list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListLink {
    pub number: usize,
    /// The names of its first and last accounts.
    pub first: String,
    pub last: String,
}

/// A page of the account list.
#[derive(Debug, Serialize)]
pub struct AccountList {
    pub site: SiteInfo,
    pub number: usize,
    pub pages: Vec<ListLink>,
    pub accounts: Vec<PortfolioRow>,
    pub has_actions: bool,
}

#[derive(Debug, Serialize)]
pub struct PortfolioRow {
    pub id: String,
    pub name: String,
    pub kind: AccountKind,
    pub owner: Option<String>,
    /// The owner's page is `owners/<owner_slug>.html`.
    pub owner_slug: Option<String>,
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

/// The portfolio row of one account.
fn row(file: &AccountFile, a: &AccountAnalysis, words: Words) -> PortfolioRow {
    PortfolioRow {
        id: file.id.clone(),
        name: file.account.name.clone(),
        kind: file.account.kind,
        owner: owner_name(file),
        owner_slug: owner_name(file).map(|n| crate::paths::owner_slug(&n)),
        stage: file.account.stage,
        health: health_summary(a, words),
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
    }
}

/// Whether any account has actions agreed at a review: account lists then count them.
pub fn has_actions(workspace: &Workspace) -> bool {
    workspace
        .accounts
        .iter()
        .any(|f| f.account.reviews.iter().any(|r| !r.actions.is_empty()))
}

/// The pages of the account list, `LIST_PAGE_SIZE` accounts each, in account id order;
/// none when every account fits on the portfolio page.
pub fn list_links(workspace: &Workspace) -> Vec<ListLink> {
    if workspace.accounts.len() <= LIST_PAGE_SIZE {
        return Vec::new();
    }
    workspace
        .accounts
        .chunks(LIST_PAGE_SIZE)
        .enumerate()
        .map(|(i, chunk)| ListLink {
            number: i + 1,
            first: chunk
                .first()
                .map(|f| f.account.name.clone())
                .unwrap_or_default(),
            last: chunk
                .last()
                .map(|f| f.account.name.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Page `number` of the account list, in the language of `words`.
pub fn account_list(
    site: &SiteInfo,
    workspace: &Workspace,
    analysis: &Analysis,
    pages: &[ListLink],
    number: usize,
    words: Words,
) -> AccountList {
    let start = (number - 1) * LIST_PAGE_SIZE;
    let end = (start + LIST_PAGE_SIZE).min(workspace.accounts.len());
    AccountList {
        site: site.clone(),
        number,
        pages: pages.to_vec(),
        accounts: (start..end)
            .map(|i| row(&workspace.accounts[i], &analysis.accounts[i], words))
            .collect(),
        has_actions: has_actions(workspace),
    }
}

/// The portfolio page, in the language of `words`.
pub fn portfolio(
    site: &SiteInfo,
    workspace: &Workspace,
    analysis: &Analysis,
    owners: usize,
    words: Words,
) -> Portfolio {
    let pairs = || workspace.accounts.iter().zip(&analysis.accounts);
    let list_pages = list_links(workspace);
    let accounts = if list_pages.is_empty() {
        pairs().map(|(file, a)| row(file, a, words)).collect()
    } else {
        Vec::new()
    };
    let mut with_alerts: Vec<(SeverityCounts, &AccountFile, &AccountAnalysis)> = pairs()
        .filter(|(_, a)| !a.alerts.is_empty())
        .map(|(file, a)| {
            let mut counts = SeverityCounts::default();
            for alert in &a.alerts {
                counts.add(alert.severity);
            }
            (counts, file, a)
        })
        .collect();
    with_alerts.sort_by(|(x, x_file, _), (y, y_file, _)| {
        (y.high, y.medium, y.low)
            .cmp(&(x.high, x.medium, x.low))
            .then_with(|| x_file.id.cmp(&y_file.id))
    });
    let alert_accounts_more = with_alerts.len().saturating_sub(ALERT_ACCOUNTS_SHOWN);
    // Only the alerts shown are put into words: a large portfolio has many more.
    let alert_accounts: Vec<AccountAlerts> = with_alerts
        .into_iter()
        .take(ALERT_ACCOUNTS_SHOWN)
        .map(|(counts, file, a)| AccountAlerts {
            account: file.account.name.clone(),
            account_id: file.id.clone(),
            counts,
            alerts: a.alerts.iter().map(|x| AlertView::new(x, words)).collect(),
        })
        .collect();
    let totals = totals::totals(pairs());
    Portfolio {
        site: site.clone(),
        alert_counts: totals.alerts,
        totals: totals.into(),
        accounts,
        list_pages,
        alert_accounts,
        alert_accounts_more,
        owners,
        has_actions: has_actions(workspace),
    }
}

/// One account's entry of `portfolio.json` as the file holds it: pretty-printed and
/// indented for its place in the `accounts` list. Made per account so that `serve` writes
/// the file again after an edit from the other accounts' entries as they were.
pub fn account_json_text(file: &AccountFile, a: &AccountAnalysis) -> String {
    let text = serde_json::to_string_pretty(&account_json(file, a)).unwrap_or_default();
    indented(&text, "    ")
}

/// `portfolio.json`: the accounts' entries ([`account_json_text`], in account order), the
/// as-of date and the totals, keys in sorted order as in every object of the file.
pub fn portfolio_json(workspace: &Workspace, analysis: &Analysis, entries: &[String]) -> String {
    let totals = totals::totals(workspace.accounts.iter().zip(&analysis.accounts));
    let totals = serde_json::to_string_pretty(&totals_json(&totals)).unwrap_or_default();
    let as_of = serde_json::to_string(&analysis.as_of).unwrap_or_default();
    let size: usize = entries.iter().map(|e| e.len() + 2).sum();
    let mut text = String::with_capacity(size + totals.len() + 64);
    text.push_str("{\n  \"accounts\": [");
    if !entries.is_empty() {
        text.push('\n');
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                text.push_str(",\n");
            }
            text.push_str(entry);
        }
        text.push_str("\n  ");
    }
    text.push_str("],\n  \"as_of\": ");
    text.push_str(&as_of);
    text.push_str(",\n  \"totals\": ");
    // Every line of the totals but the first (which follows the key) is indented.
    text.push_str(&indented(&totals, "  ")[2..]);
    text.push_str("\n}\n");
    text
}

/// `text` with `prefix` before each line. JSON strings hold no raw line breaks, so every
/// line of pretty-printed JSON is a line of its structure.
fn indented(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(prefix);
        out.push_str(line);
    }
    out
}

/// The totals of `portfolio.json`: counts as objects keyed by name (keys sorted).
fn totals_json(totals: &totals::Totals) -> serde_json::Value {
    let counts = |list: &[totals::Count]| -> serde_json::Map<String, serde_json::Value> {
        list.iter()
            .map(|c| (c.name.clone(), serde_json::Value::from(c.count)))
            .collect()
    };
    serde_json::json!({
        "accounts": totals.accounts,
        "by_kind": counts(&totals.by_kind),
        "by_stage": counts(&totals.by_stage),
        "health": counts(&totals.health),
        "exposure": totals.exposure,
        "annual_value": totals.annual_value,
        "alerts": totals.alerts,
    })
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::test_support::{file, workspace};

    /// The file put together from per-account entries is what serde_json writes for the
    /// whole document, so entries kept between edits give the same bytes as a full build.
    #[test]
    fn portfolio_json_from_entries_is_the_whole_document_pretty_printed() {
        let disputes = "disputes:\n  - { id: d1, title: Late fees, opened: 2026-01-10, \
                        amount: 1200, currency: EUR }\n";
        for accounts in [
            vec![],
            vec![file("a", "")],
            vec![file("a", disputes), file("b", "stage: preferred\n")],
        ] {
            let ws = workspace(accounts);
            let analysis = crate::analyze::analyze(&ws, "2026-05-01".parse().unwrap());
            let pairs = || ws.accounts.iter().zip(&analysis.accounts);
            let entries: Vec<String> = pairs().map(|(f, a)| account_json_text(f, a)).collect();
            let whole = serde_json::json!({
                "accounts": pairs().map(|(f, a)| account_json(f, a)).collect::<Vec<_>>(),
                "as_of": analysis.as_of,
                "totals": totals_json(&totals::totals(pairs())),
            });
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(portfolio_json(&ws, &analysis, &entries), expected);
        }
    }
}
