//! Owners' views: "my accounts". One page per relationship owner with their accounts'
//! health, what is due in the next 30 and 90 days, and their alerts grouped by account;
//! and an index of every owner, linked from the portfolio.
//!
//! An owner is the name of the account's `owner` as the account file gives it (the
//! person's `name`, else the person id). Names are grouped by their slug
//! (`paths::owner_slug`): "Dana Whitfield" and "dana  whitfield" are one owner, shown with
//! the spelling of the first account (by id) that uses it; "D. Whitfield" is another.

use super::account::AlertView;
use super::health::{health_summary, HealthSummary};
use super::totals::{self, SeverityCounts, TotalsView};
use super::SiteInfo;
use crate::analyze::{AccountAnalysis, Analysis};
use crate::format;
use crate::i18n::{keys, Words};
use crate::model::{AccountFile, AccountKind, CommitmentStatus, Date, Quarter, Stage, Workspace};
use crate::paths;
use serde::Serialize;
use std::collections::BTreeMap;

/// The page of accounts without an owner: a slug no name can have (slugs never start
/// with `_`).
pub const UNOWNED_SLUG: &str = "_unowned";
/// The name the accounts without an owner are grouped under; pages show it in their
/// language ([`shown_name`]).
const UNOWNED_NAME: &str = "No owner";

/// The two horizons of "what is due".
const SOON_DAYS: i64 = 30;
const LATER_DAYS: i64 = 90;

/// The owner's name of an account, as written.
pub fn owner_name(file: &AccountFile) -> Option<String> {
    file.account.owner.as_ref().map(|o| {
        file.account
            .person(&o.value)
            .map_or_else(|| o.value.clone(), |p| p.name.clone())
    })
}

/// Accounts (indices into `workspace.accounts`) per owner slug, with the owner's shown
/// name; accounts without an owner under [`UNOWNED_SLUG`].
pub fn group(workspace: &Workspace) -> BTreeMap<String, (String, Vec<usize>)> {
    let mut groups: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, file) in workspace.accounts.iter().enumerate() {
        let (slug, name) = slug_and_name(file);
        groups
            .entry(slug)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(i);
    }
    groups
}

/// The slug of the account's owner's page (`UNOWNED_SLUG` without an owner).
pub fn slug(file: &AccountFile) -> String {
    slug_and_name(file).0
}

fn slug_and_name(file: &AccountFile) -> (String, String) {
    match owner_name(file) {
        Some(name) => (paths::owner_slug(&name), name),
        None => (UNOWNED_SLUG.to_string(), UNOWNED_NAME.to_string()),
    }
}

#[derive(Debug, Serialize)]
pub struct OwnersIndex {
    pub site: SiteInfo,
    pub owners: Vec<OwnerSummary>,
}

#[derive(Debug, Serialize)]
pub struct OwnerSummary {
    pub name: String,
    pub slug: String,
    pub accounts: usize,
    /// Accounts in the good, fair, poor and no-score bands.
    pub health: Vec<totals::Count>,
    pub alerts: SeverityCounts,
    /// Items due in the next 30 days.
    pub due_soon: usize,
}

#[derive(Debug, Serialize)]
pub struct OwnerPage {
    pub site: SiteInfo,
    pub owner: String,
    pub totals: TotalsView,
    pub accounts: Vec<OwnerAccount>,
    /// Due within 30 days of as-of, then from 31 to 90 days.
    pub due_soon: Vec<DueItem>,
    pub due_later: Vec<DueItem>,
    /// Accounts with alerts, most high alerts first, each with its alerts.
    pub alerts: Vec<AccountAlerts>,
}

#[derive(Debug, Serialize)]
pub struct OwnerAccount {
    pub id: String,
    pub name: String,
    pub kind: AccountKind,
    pub stage: Option<Stage>,
    pub health: HealthSummary,
    pub alerts: SeverityCounts,
    pub next_review: String,
    pub next_review_due: String,
}

/// Something with a date in an owner's accounts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct DueItem {
    pub due: String,
    pub account: String,
    pub account_id: String,
    /// `milestone`, `commitment`, `action` or `review`.
    pub kind: &'static str,
    pub what: String,
}

#[derive(Debug, Serialize)]
pub struct AccountAlerts {
    pub account: String,
    pub account_id: String,
    pub counts: SeverityCounts,
    pub alerts: Vec<AlertView>,
}

fn severity_counts(analysis: &AccountAnalysis) -> SeverityCounts {
    let mut counts = SeverityCounts::default();
    for alert in &analysis.alerts {
        counts.add(alert.severity);
    }
    counts
}

/// An owner's name as pages show it: as written, or "No owner" in the language of `words`.
pub fn shown_name(slug: &str, name: &str, words: Words) -> String {
    if slug == UNOWNED_SLUG {
        words.get(keys::NO_OWNER)
    } else {
        name.to_string()
    }
}

/// Everything of `file` with a date between as-of (exclusive) and `LATER_DAYS` after it;
/// the next review named by `review` ("Quarterly review 2026-Q3").
fn due_items(
    file: &AccountFile,
    analysis: &AccountAnalysis,
    as_of: Date,
    review: &dyn Fn(Quarter) -> String,
) -> Vec<(i64, DueItem)> {
    let account = &file.account;
    let item = |due: Date, kind: &'static str, what: &str| {
        let days = (due - as_of).num_days();
        (days > 0 && days <= LATER_DAYS).then(|| {
            (
                days,
                DueItem {
                    due: format::date(due),
                    account: account.name.clone(),
                    account_id: file.id.clone(),
                    kind,
                    what: what.to_string(),
                },
            )
        })
    };
    let milestones = account.goals.iter().flat_map(|g| &g.milestones);
    let milestones = milestones
        .filter(|m| m.done.is_none())
        .filter_map(|m| item(m.due, "milestone", &m.title));
    let commitments = account
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
        .filter_map(|c| c.due.and_then(|due| item(due, "commitment", &c.what)));
    let actions = account
        .reviews
        .iter()
        .flat_map(|r| &r.actions)
        .filter(|a| a.done.is_none())
        .filter_map(|a| a.due.and_then(|due| item(due, "action", &a.what)));
    let review = item(
        analysis.next_review_due,
        "review",
        &review(analysis.next_review),
    );
    milestones
        .chain(commitments)
        .chain(actions)
        .chain(review)
        .collect()
}

/// The owner page of the accounts at `indices`, in the language of `words`.
pub fn owner_page(
    site: &SiteInfo,
    workspace: &Workspace,
    analysis: &Analysis,
    owner: &str,
    indices: &[usize],
    words: Words,
) -> OwnerPage {
    let review =
        |quarter: Quarter| words.with(keys::REVIEW_NAMED, &[("quarter", &quarter.to_string())]);
    let pairs = || {
        indices
            .iter()
            .map(|&i| (&workspace.accounts[i], &analysis.accounts[i]))
    };
    let accounts = pairs()
        .map(|(file, a)| OwnerAccount {
            id: file.id.clone(),
            name: file.account.name.clone(),
            kind: file.account.kind,
            stage: file.account.stage,
            health: health_summary(a, words),
            alerts: severity_counts(a),
            next_review: a.next_review.to_string(),
            next_review_due: format::date(a.next_review_due),
        })
        .collect();
    let mut due: Vec<(i64, DueItem)> = pairs()
        .flat_map(|(file, a)| due_items(file, a, analysis.as_of, &review))
        .collect();
    due.sort();
    let (due_soon, due_later): (Vec<_>, Vec<_>) =
        due.into_iter().partition(|(days, _)| *days <= SOON_DAYS);
    let mut alerts: Vec<AccountAlerts> = pairs()
        .filter(|(_, a)| !a.alerts.is_empty())
        .map(|(file, a)| AccountAlerts {
            account: file.account.name.clone(),
            account_id: file.id.clone(),
            counts: severity_counts(a),
            alerts: a.alerts.iter().map(|x| AlertView::new(x, words)).collect(),
        })
        .collect();
    alerts.sort_by(|x, y| {
        (y.counts.high, y.counts.medium, y.counts.low)
            .cmp(&(x.counts.high, x.counts.medium, x.counts.low))
            .then_with(|| x.account_id.cmp(&y.account_id))
    });
    OwnerPage {
        site: site.clone(),
        owner: owner.to_string(),
        totals: totals::totals(pairs()).into(),
        accounts,
        due_soon: due_soon.into_iter().map(|(_, d)| d).collect(),
        due_later: due_later.into_iter().map(|(_, d)| d).collect(),
        alerts,
    }
}

/// The index of every owner, in the language of `words`.
pub fn owners_index(
    site: &SiteInfo,
    workspace: &Workspace,
    analysis: &Analysis,
    groups: &BTreeMap<String, (String, Vec<usize>)>,
    words: Words,
) -> OwnersIndex {
    // The index counts what is due; it names nothing.
    let unnamed = |_: Quarter| String::new();
    let owners = groups
        .iter()
        .map(|(slug, (name, indices))| {
            let pairs = indices
                .iter()
                .map(|&i| (&workspace.accounts[i], &analysis.accounts[i]));
            let totals = totals::totals(pairs);
            let due_soon = indices
                .iter()
                .flat_map(|&i| {
                    due_items(
                        &workspace.accounts[i],
                        &analysis.accounts[i],
                        analysis.as_of,
                        &unnamed,
                    )
                })
                .filter(|(days, _)| *days <= SOON_DAYS)
                .count();
            OwnerSummary {
                name: shown_name(slug, name, words),
                slug: slug.clone(),
                accounts: indices.len(),
                health: totals.health,
                alerts: totals.alerts,
                due_soon,
            }
        })
        .collect();
    OwnersIndex {
        site: site.clone(),
        owners,
    }
}
