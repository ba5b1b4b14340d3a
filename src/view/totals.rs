//! The portfolio's totals: accounts by kind and stage, the health distribution, open
//! dispute exposure and annual value per currency, and alerts by severity. The portfolio
//! page shows them and `portfolio.json` carries them, from this one computation.

use super::health::{health_band, HealthBand};
use crate::analyze::{AccountAnalysis, AlertSeverity};
use crate::format::money;
use crate::model::{AccountFile, AccountKind, Stage};
use serde::Serialize;
use std::collections::BTreeMap;

/// The figures of the whole portfolio (or of one owner's accounts).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub accounts: usize,
    /// Accounts per kind, every kind listed (in the format's order), zeros included.
    pub by_kind: Vec<Count>,
    /// Accounts per stage, ladder order, then `none` for accounts without a stage.
    pub by_stage: Vec<Count>,
    /// Accounts per health band: `good`, `fair`, `poor`, `none` (no score).
    pub health: Vec<Count>,
    /// Open dispute exposure per currency, summed.
    pub exposure: BTreeMap<String, f64>,
    /// Annual value (`value.annual_amount`) per currency, summed; an amount without a
    /// currency counts under "".
    pub annual_value: BTreeMap<String, f64>,
    pub alerts: SeverityCounts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub name: String,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct SeverityCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, severity: AlertSeverity) {
        match severity {
            AlertSeverity::High => self.high += 1,
            AlertSeverity::Medium => self.medium += 1,
            AlertSeverity::Low => self.low += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.high + self.medium + self.low
    }
}

/// The totals of `accounts`.
pub fn totals<'a>(
    accounts: impl IntoIterator<Item = (&'a AccountFile, &'a AccountAnalysis)>,
) -> Totals {
    let mut kinds = vec![0usize; AccountKind::ALL.len()];
    let mut stages = vec![0usize; Stage::ALL.len() + 1];
    let mut bands = [0usize; 4];
    let mut totals = Totals::default();
    for (file, analysis) in accounts {
        totals.accounts += 1;
        if let Some(i) = AccountKind::ALL
            .iter()
            .position(|k| *k == file.account.kind)
        {
            kinds[i] += 1;
        }
        let stage = file
            .account
            .stage
            .and_then(|s| Stage::ALL.iter().position(|t| *t == s))
            .unwrap_or(Stage::ALL.len());
        stages[stage] += 1;
        bands[match health_band(analysis) {
            HealthBand::Good => 0,
            HealthBand::Fair => 1,
            HealthBand::Poor => 2,
            HealthBand::None => 3,
        }] += 1;
        for (currency, amount) in &analysis.disputes.exposure {
            *totals.exposure.entry(currency.clone()).or_insert(0.0) += amount;
        }
        if let Some(value) = &file.account.value {
            if let Some(amount) = value.annual_amount {
                let currency = value.currency.clone().unwrap_or_default();
                *totals.annual_value.entry(currency).or_insert(0.0) += amount;
            }
        }
        for alert in &analysis.alerts {
            totals.alerts.add(alert.severity);
        }
    }
    let count = |name: &str, count: usize| Count {
        name: name.to_string(),
        count,
    };
    totals.by_kind = AccountKind::ALL
        .iter()
        .zip(kinds)
        .map(|(k, n)| count(k.as_str(), n))
        .collect();
    totals.by_stage = Stage::ALL
        .iter()
        .map(|s| s.as_str())
        .chain(["none"])
        .zip(stages)
        .map(|(s, n)| count(s, n))
        .collect();
    totals.health = ["good", "fair", "poor", "none"]
        .iter()
        .zip(bands)
        .map(|(b, n)| count(b, n))
        .collect();
    totals
}

/// Amounts per currency as a page shows them: `["EUR 18,500", "USD 668,400"]`.
pub fn amounts(per_currency: &BTreeMap<String, f64>) -> Vec<String> {
    per_currency.iter().map(|(c, sum)| money(*sum, c)).collect()
}

/// The totals as a page shows them: amounts formatted.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsView {
    #[serde(flatten)]
    pub totals: Totals,
    pub exposure_text: Vec<String>,
    pub annual_value_text: Vec<String>,
}

impl From<Totals> for TotalsView {
    fn from(totals: Totals) -> TotalsView {
        TotalsView {
            exposure_text: amounts(&totals.exposure),
            annual_value_text: amounts(&totals.annual_value),
            totals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_counts_add_up() {
        let mut counts = SeverityCounts::default();
        for s in [AlertSeverity::High, AlertSeverity::Low, AlertSeverity::High] {
            counts.add(s);
        }
        assert_eq!((counts.high, counts.medium, counts.low), (2, 0, 1));
        assert_eq!(counts.total(), 3);
    }

    #[test]
    fn amounts_are_per_currency_in_order() {
        let map = BTreeMap::from([("USD".to_string(), 1500.0), ("EUR".to_string(), 20.0)]);
        assert_eq!(amounts(&map), ["EUR 20", "USD 1,500"]);
    }
}
