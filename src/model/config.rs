//! `rapport.yaml`: our organisation, the site title, the fiscal calendar, alert thresholds
//! and health weights.

use super::{Language, Paper, Spanned};
use schemars::JsonSchema;
use serde::Deserialize;

/// The workspace configuration at `rapport.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Our side's name, used as "us" in shared output.
    pub organisation: String,
    /// The site title, on the portfolio and every internal page. Default: Account reviews.
    #[serde(default = "default_title")]
    pub title: String,
    /// Month 1..12 that starts Q1 of the fiscal year.
    #[serde(default = "default_fiscal_year_start")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1, max = 12))]
    pub fiscal_year_start: Spanned<i64>,
    /// An account with no event or review for more than this many days gets a
    /// `stale` alert. Default 90.
    #[serde(default = "default_days")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1))]
    pub stale_after_days: Spanned<i64>,
    /// An open dispute older than this many days, not escalated to senior or
    /// executive level, gets a `dispute-unescalated` alert. Default 90.
    #[serde(default = "default_days")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1))]
    pub escalate_after_days: Spanned<i64>,
    /// How the health score is computed.
    #[serde(default)]
    pub health: HealthConfig,
    /// The language of internal pages: en, de or fr. Default en.
    #[serde(default)]
    pub language: Language,
    /// The paper size for printing and PDFs: a4 or letter. Default a4.
    #[serde(default)]
    pub paper: Paper,
}

/// `health:` in rapport.yaml.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthConfig {
    /// The relative weight of each health component.
    #[serde(default)]
    pub weights: HealthWeights,
}

/// Relative weights of the health components. A component left out keeps its default.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthWeights {
    /// Weight of the latest review's scores against the criteria. Default 40.
    #[serde(default = "weight_scores")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 0))]
    pub scores: Spanned<i64>,
    /// Weight of the commitment keep rate. Default 20.
    #[serde(default = "weight_commitments")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 0))]
    pub commitments: Spanned<i64>,
    /// Weight of the share of milestones done on time. Default 20.
    #[serde(default = "weight_milestones")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 0))]
    pub milestones: Spanned<i64>,
    /// Weight of open disputes, each costing more the longer it stays open. Default 10.
    #[serde(default = "weight_disputes")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 0))]
    pub disputes: Spanned<i64>,
    /// Weight of all-level contact: levels covered, sponsors, more than one contact. Default 10.
    #[serde(default = "weight_coverage")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 0))]
    pub coverage: Spanned<i64>,
}

impl Default for HealthWeights {
    fn default() -> Self {
        HealthWeights {
            scores: weight_scores(),
            commitments: weight_commitments(),
            milestones: weight_milestones(),
            disputes: weight_disputes(),
            coverage: weight_coverage(),
        }
    }
}

impl Config {
    pub fn fiscal_year_start(&self) -> u32 {
        self.fiscal_year_start.value.clamp(1, 12) as u32
    }
    pub fn stale_after_days(&self) -> i64 {
        self.stale_after_days.value
    }
    pub fn escalate_after_days(&self) -> i64 {
        self.escalate_after_days.value
    }
}

fn unspanned<T>(value: T) -> Spanned<T> {
    Spanned::new(
        value,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

fn default_title() -> String {
    "Account reviews".to_string()
}
fn default_fiscal_year_start() -> Spanned<i64> {
    unspanned(1)
}
fn default_days() -> Spanned<i64> {
    unspanned(90)
}
fn weight_scores() -> Spanned<i64> {
    unspanned(40)
}
fn weight_commitments() -> Spanned<i64> {
    unspanned(20)
}
fn weight_milestones() -> Spanned<i64> {
    unspanned(20)
}
fn weight_disputes() -> Spanned<i64> {
    unspanned(10)
}
fn weight_coverage() -> Spanned<i64> {
    unspanned(10)
}
