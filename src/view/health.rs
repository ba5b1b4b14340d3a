//! Health as pages show it: the score, its trend, and "why this score" — every component
//! with its value, weight and contribution.

use crate::analyze::AccountAnalysis;
use crate::format;
use crate::format::chart;
use crate::i18n::{keys, Words};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct HealthView {
    /// `72` or `None` when no component has data.
    pub score: Option<i64>,
    pub band: HealthBand,
    pub components: Vec<ComponentView>,
    pub left_out: Vec<String>,
    pub trend: Vec<TrendView>,
    pub sparkline: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComponentView {
    pub name: String,
    pub weight: String,
    pub value: String,
    pub contribution: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendView {
    pub quarter: String,
    pub score: Option<i64>,
}

/// Health as one row of the portfolio shows it: the score and its trend, without the
/// breakdown (which the account page has), so the portfolio of 10,000 accounts stays small.
#[derive(Debug, Clone, Serialize)]
pub struct HealthSummary {
    pub score: Option<i64>,
    pub band: HealthBand,
    pub trend: Vec<TrendView>,
    pub sparkline: String,
}

/// The account's score as pages print it: rounded.
fn rounded_score(analysis: &AccountAnalysis) -> Option<i64> {
    analysis.health.score.map(|s| s.round() as i64)
}

/// The band of the account's health, without drawing its trend (totals count bands of
/// every account).
pub fn health_band(analysis: &AccountAnalysis) -> HealthBand {
    band(rounded_score(analysis))
}

/// The score and trend of an account; the sparkline labelled in the language of `words`.
pub fn health_summary(analysis: &AccountAnalysis, words: Words) -> HealthSummary {
    let score = rounded_score(analysis);
    let trend: Vec<TrendView> = analysis
        .trend
        .iter()
        .map(|p| TrendView {
            quarter: p.quarter.to_string(),
            score: p.score.map(|s| s.round() as i64),
        })
        .collect();
    let points: Vec<Option<f64>> = analysis.trend.iter().map(|p| p.score).collect();
    HealthSummary {
        score,
        band: band(score),
        trend,
        sparkline: chart::sparkline(&points, &words.get(keys::CHART_HEALTH)),
    }
}

/// The health of an account with its explanation and trend, in the language of `words`.
pub fn health_view(analysis: &AccountAnalysis, words: Words) -> HealthView {
    let health = &analysis.health;
    let HealthSummary {
        score,
        band,
        trend,
        sparkline,
    } = health_summary(analysis, words);
    let name = |component: &str| words.with(keys::HEALTH_COMPONENT, &[("name", component)]);
    HealthView {
        score,
        band,
        components: health
            .components
            .iter()
            .map(|c| ComponentView {
                name: name(c.name),
                weight: format!("{}", c.weight),
                value: format::percent(c.value),
                contribution: format!("{:.1}", c.contribution),
                explanation: words.say(&c.explanation),
            })
            .collect(),
        left_out: health.left_out.iter().map(|n| name(n)).collect(),
        sparkline,
        trend,
    }
}

/// A health score's band, for colour: `good` from 70, `fair` from 45, else `poor`;
/// `none` without a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthBand {
    Good,
    Fair,
    Poor,
    None,
}

fn band(score: Option<i64>) -> HealthBand {
    match score {
        Some(s) if s >= 70 => HealthBand::Good,
        Some(s) if s >= 45 => HealthBand::Fair,
        Some(_) => HealthBand::Poor,
        None => HealthBand::None,
    }
}
