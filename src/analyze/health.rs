//! Health: a transparent 0..100 score made of five weighted components, each with its value,
//! its contribution and one sentence saying how it was computed. No black box.
//!
//! Components (value in 0..1):
//! - `scores`: the latest review's criterion scores, as the weighted mean of
//!   (score - 1) / 4 with the criteria weights. No data without a scored review.
//! - `commitments`: the keep rate, kept / (kept + broken). No data when none is settled.
//! - `milestones`: of the milestones due by the date, the share done on or before their due
//!   date (a milestone due on the date itself and not done is not late yet). No data when
//!   none is due.
//! - `disputes`: 1 when no dispute is open; each open dispute multiplies it by
//!   0.8 x max(0, 1 - age_days / 365), so a fresh dispute costs a fifth and one a year old
//!   takes it to 0. Amounts are not used: currencies cannot be compared without exchange
//!   rates, and age is what leaving a dispute open costs. No data when the account has
//!   never had a dispute.
//! - `coverage`: the mean of three parts: the share of their levels with people that
//!   someone of ours covers (left out when no one of theirs has a level), sponsors on both
//!   sides (0, 0.5 or 1), and more than one contact on their side (0 or 1). With no one on
//!   their side the value is 0, not "no data": knowing nobody there is the worst coverage.
//!
//! Re-weighting: contribution = 100 x weight x value / (sum of the weights of the
//! components with data); the score is the sum of the contributions, rounded to one
//! decimal, and `None` when no component has data (or their weights sum to 0).

use super::coverage::Coverage;
use super::figures::{commitment_figures, dispute_figures, milestone_figures};
use super::figures::{CommitmentFigures, DisputeFigures, MilestoneFigures};
use super::{Date, FiscalCalendar};
use crate::i18n::{keys, Phrase};
use crate::model::{Account, Config, Quarter, Review};
use serde::Serialize;

/// One component of the health score.
#[derive(Debug, Clone, Serialize)]
pub struct HealthComponent {
    /// `scores`, `commitments`, `milestones`, `disputes` or `coverage`.
    pub name: &'static str,
    /// The configured weight (`health.weights` in rapport.yaml).
    pub weight: f64,
    /// 0..1.
    pub value: f64,
    /// Points out of 100 this component adds to the score.
    pub contribution: f64,
    /// How `value` was computed, from which numbers, said in the page's language.
    pub explanation: Phrase,
}

/// The health of an account at a date.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    /// 0..100; `None` when no component has data.
    pub score: Option<f64>,
    /// Components with data, in the fixed order.
    pub components: Vec<HealthComponent>,
    /// Components without data, left out and re-weighted away.
    pub left_out: Vec<&'static str>,
}

/// The health at the end of a reviewed quarter.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub quarter: Quarter,
    /// The last day of the quarter.
    pub date: Date,
    pub score: Option<f64>,
}

/// Every figure health is made of, judged at one date.
#[derive(Debug, Clone, Copy)]
pub struct HealthInputs<'a> {
    pub date: Date,
    /// The latest review that scores at least one criterion.
    pub latest_review: Option<&'a Review>,
    pub commitments: &'a CommitmentFigures,
    pub milestones: &'a MilestoneFigures,
    pub disputes: &'a DisputeFigures,
    pub coverage: &'a Coverage,
}

/// A component's value and the sentence explaining it; `None` when it has no data.
type Measured = Option<(f64, Phrase)>;

/// The health score from its inputs.
pub fn health(config: &Config, account: &Account, inputs: &HealthInputs) -> Health {
    let weights = &config.health.weights;
    let candidates: [(&'static str, i64, Measured); 5] = [
        (
            "scores",
            weights.scores.value,
            inputs.latest_review.and_then(|r| scores(account, r)),
        ),
        (
            "commitments",
            weights.commitments.value,
            commitments(inputs.commitments),
        ),
        (
            "milestones",
            weights.milestones.value,
            milestones(inputs.milestones, inputs.date),
        ),
        (
            "disputes",
            weights.disputes.value,
            disputes(inputs.disputes),
        ),
        (
            "coverage",
            weights.coverage.value,
            Some(coverage(inputs.coverage)),
        ),
    ];
    let total_weight: f64 = candidates
        .iter()
        .filter(|(_, _, data)| data.is_some())
        .map(|(_, weight, _)| (*weight).max(0) as f64)
        .sum();
    let mut components = Vec::new();
    let mut left_out = Vec::new();
    for (name, weight, data) in candidates {
        let Some((value, explanation)) = data else {
            left_out.push(name);
            continue;
        };
        let weight = weight.max(0) as f64;
        let value = value.clamp(0.0, 1.0);
        let contribution = if total_weight > 0.0 {
            100.0 * weight * value / total_weight
        } else {
            0.0
        };
        components.push(HealthComponent {
            name,
            weight,
            value,
            contribution,
            explanation,
        });
    }
    let score = (!components.is_empty() && total_weight > 0.0)
        .then(|| round1(components.iter().map(|c| c.contribution).sum()));
    Health {
        score,
        components,
        left_out,
    }
}

/// Health judged at `date` for a file that describes `as_of`. People carry no dates, so the
/// coverage is the current one at every date.
pub fn health_at(
    config: &Config,
    account: &Account,
    calendar: &FiscalCalendar,
    coverage: &Coverage,
    date: Date,
    as_of: Date,
) -> Health {
    let commitments = commitment_figures(account, date, as_of);
    let milestones = milestone_figures(account, date);
    let disputes = dispute_figures(account, date);
    let review = latest_scored_review(account, calendar.quarter_of(date));
    let inputs = HealthInputs {
        date,
        latest_review: review.map(|i| &account.reviews[i]),
        commitments: &commitments,
        milestones: &milestones,
        disputes: &disputes,
        coverage,
    };
    health(config, account, &inputs)
}

/// The health at the end of each reviewed quarter up to the current one, chronological.
/// A quarter still running (its end after `as_of`) is judged at `as_of`.
pub fn trend(
    config: &Config,
    account: &Account,
    calendar: &FiscalCalendar,
    coverage: &Coverage,
    as_of: Date,
) -> Vec<TrendPoint> {
    let current = calendar.current(as_of);
    let mut quarters: Vec<Quarter> = account
        .reviews
        .iter()
        .map(|r| r.quarter.value)
        .filter(|&q| q <= current)
        .collect();
    quarters.sort();
    quarters.dedup();
    quarters
        .into_iter()
        .map(|quarter| {
            let date = calendar.end(quarter);
            let health = health_at(config, account, calendar, coverage, date.min(as_of), as_of);
            TrendPoint {
                quarter,
                date,
                score: health.score,
            }
        })
        .collect()
}

/// The index of the latest review of a quarter up to `quarter` that scores at least one
/// criterion of the account (a review with only narrative says nothing about scores).
pub fn latest_scored_review(account: &Account, quarter: Quarter) -> Option<usize> {
    account
        .reviews
        .iter()
        .enumerate()
        .filter(|(_, r)| r.quarter.value <= quarter)
        .filter(|(_, r)| {
            account
                .criteria
                .iter()
                .any(|c| r.scores.contains_key(&c.id.value))
        })
        // max_by_key keeps the last of equal quarters: the later entry in the file wins.
        .max_by_key(|(_, r)| r.quarter.value)
        .map(|(i, _)| i)
}

fn scores(account: &Account, review: &Review) -> Measured {
    let (mut weights, mut weighted, mut count) = (0.0, 0.0, 0);
    for criterion in &account.criteria {
        if let Some(score) = review.scores.get(&criterion.id.value) {
            let weight = criterion.weight.value.max(0) as f64;
            weights += weight;
            weighted += weight * score.value.mean().clamp(1.0, 5.0);
            count += 1;
        }
    }
    if weights <= 0.0 {
        return None;
    }
    let mean = weighted / weights;
    let value = (mean - 1.0) / 4.0;
    Some((
        value,
        Phrase::new(keys::HEALTH_SCORES)
            .text("quarter", review.quarter.value.to_string())
            .count("count", count)
            .decimal("mean", mean, 2)
            .decimal("value", value, 2),
    ))
}

fn commitments(figures: &CommitmentFigures) -> Measured {
    let value = figures.keep_rate?;
    Some((
        value,
        Phrase::new(keys::HEALTH_COMMITMENTS)
            .count("kept", figures.kept)
            .count("broken", figures.broken)
            .count("settled", figures.kept + figures.broken)
            .decimal("value", value, 2),
    ))
}

fn milestones(figures: &MilestoneFigures, date: Date) -> Measured {
    if figures.due == 0 {
        return None;
    }
    let value = figures.due_met as f64 / figures.due as f64;
    Some((
        value,
        Phrase::new(keys::HEALTH_MILESTONES)
            .count("met", figures.due_met)
            .count("due", figures.due)
            .text("date", date.to_string())
            .decimal("value", value, 2),
    ))
}

/// What one open dispute of this age leaves of the disputes value.
fn dispute_factor(age_days: i64) -> f64 {
    0.8 * (1.0 - age_days.max(0) as f64 / 365.0).max(0.0)
}

fn disputes(figures: &DisputeFigures) -> Measured {
    if figures.items.is_empty() {
        return None;
    }
    let open: Vec<i64> = figures
        .items
        .iter()
        .filter(|d| d.open)
        .map(|d| d.age_days)
        .collect();
    if open.is_empty() {
        return Some((
            1.0,
            Phrase::new(keys::HEALTH_DISPUTES_NONE_OPEN)
                .count("resolved", figures.resolved)
                .decimal("value", 1.0, 2),
        ));
    }
    let value: f64 = open.iter().map(|&age| dispute_factor(age)).product();
    let ages: Vec<String> = open.iter().map(i64::to_string).collect();
    Some((
        value,
        Phrase::new(keys::HEALTH_DISPUTES_OPEN)
            .count("open", open.len())
            .list("ages", ages)
            .decimal("value", value, 2),
    ))
}

fn coverage(c: &Coverage) -> (f64, Phrase) {
    if c.their_contacts == 0 {
        return (
            0.0,
            Phrase::new(keys::HEALTH_COVERAGE_NO_ONE).decimal("value", 0.0, 2),
        );
    }
    let mut parts: Vec<(f64, Phrase)> = Vec::new();
    let with_people = c.levels_with_people();
    if with_people > 0 {
        let covered = c.levels_covered();
        let share = covered as f64 / with_people as f64;
        parts.push((
            share,
            Phrase::new(keys::HEALTH_COVERAGE_LEVELS)
                .count("covered", covered)
                .count("levels", with_people)
                .decimal("value", share, 2),
        ));
    }
    let (ours, theirs) = (!c.our_sponsors.is_empty(), !c.their_sponsors.is_empty());
    let sponsors = (u8::from(ours) + u8::from(theirs)) as f64 / 2.0;
    let sides = match (ours, theirs) {
        (true, true) => "both",
        (true, false) => "ours",
        (false, true) => "theirs",
        (false, false) => "neither",
    };
    parts.push((
        sponsors,
        Phrase::new(keys::HEALTH_COVERAGE_SPONSORS)
            .text("sides", sides)
            .decimal("value", sponsors, 2),
    ));
    let threads = if c.their_contacts > 1 { 1.0 } else { 0.0 };
    parts.push((
        threads,
        Phrase::new(keys::HEALTH_COVERAGE_CONTACTS)
            .count("contacts", c.their_contacts)
            .decimal("value", threads, 2),
    ));
    let value = parts.iter().map(|(v, _)| v).sum::<f64>() / parts.len() as f64;
    let described: Vec<Phrase> = parts.into_iter().map(|(_, text)| text).collect();
    (
        value,
        Phrase::new(keys::HEALTH_COVERAGE)
            .count("parts", described.len())
            .decimal("value", value, 2)
            .phrases("parts_said", described),
    )
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::coverage::coverage as coverage_of;
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }
    fn account(body: &str) -> Account {
        crate::yaml::parse(&format!("name: Test\nkind: customer\n{body}")).unwrap()
    }
    fn config(extra: &str) -> Config {
        crate::yaml::parse(&format!("organisation: X\n{extra}")).unwrap()
    }
    fn at(config: &Config, a: &Account, date: &str) -> Health {
        health_at(
            config,
            a,
            &FiscalCalendar::new(1),
            &coverage_of(a),
            d(date),
            d(date),
        )
    }
    fn component<'a>(h: &'a Health, name: &str) -> &'a HealthComponent {
        h.components.iter().find(|c| c.name == name).unwrap()
    }
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    const PEOPLE: &str = "
people:
  - { id: dana, name: Dana, side: us, sponsor: true, covers: [raj] }
  - { id: raj, name: Raj, side: them, level: executive, sponsor: true }
  - { id: mia, name: Mia, side: them, level: manager }
";

    #[test]
    fn scores_are_the_weighted_mean_of_the_latest_review() {
        let a = account(
            "
criteria:
  - { id: r, name: R, weight: 3 }
  - { id: p, name: P, weight: 1 }
reviews:
  - { quarter: 2026-Q1, scores: { r: 5, p: 5 } }
  - { quarter: 2026-Q2, scores: { r: 2, p: 4 } }
  - { quarter: 2026-Q3, scores: { r: 1 } }
",
        );
        let h = at(&config(""), &a, "2026-07-15");
        // Q3 is the current quarter and scored: r = 1 only -> 0.
        assert!(close(component(&h, "scores").value, 0.0));
        let h = at(&config(""), &a, "2026-06-30");
        // Q2: (3 x 2 + 1 x 4) / 4 = 2.5 -> (2.5 - 1) / 4 = 0.375.
        let scores = component(&h, "scores");
        assert!(close(scores.value, 0.375));
        assert!(
            scores.explanation.to_string().contains("2026-Q2"),
            "{}",
            scores.explanation
        );
        assert!(
            scores.explanation.to_string().contains("2.50"),
            "{}",
            scores.explanation
        );
    }

    #[test]
    fn reweights_when_components_have_no_data() {
        // Only coverage has data: its value is the whole score.
        let a = account(PEOPLE);
        let h = at(&config(""), &a, "2026-05-01");
        assert_eq!(
            h.left_out,
            vec!["scores", "commitments", "milestones", "disputes"]
        );
        assert_eq!(h.components.len(), 1);
        let c = component(&h, "coverage");
        // Levels: executive covered, manager not -> 0.5; sponsors both sides -> 1; two
        // contacts -> 1. Mean = 2.5 / 3.
        assert!(close(c.value, 2.5 / 3.0));
        assert!(close(c.contribution, 100.0 * 2.5 / 3.0));
        assert_eq!(h.score, Some(83.3));

        // Coverage (weight 10, value 2.5/3) and commitments (weight 20, value 0.5):
        // (10 x 0.8333 + 20 x 0.5) / 30 x 100 = 61.1.
        let a = account(&format!(
            "{PEOPLE}commitments:\n  - {{ by: us, what: a, made: 2026-01-01, status: kept }}\n  - {{ by: us, what: b, made: 2026-01-01, status: broken }}\n"
        ));
        let h = at(&config(""), &a, "2026-05-01");
        assert_eq!(h.left_out, vec!["scores", "milestones", "disputes"]);
        assert!(close(
            component(&h, "commitments").contribution,
            100.0 * 20.0 * 0.5 / 30.0
        ));
        assert_eq!(h.score, Some(61.1));
        assert!(component(&h, "commitments")
            .explanation
            .to_string()
            .contains("1 / 2 = 0.50"));
    }

    #[test]
    fn configured_weights_are_used() {
        let a = account(&format!(
            "{PEOPLE}commitments:\n  - {{ by: us, what: a, made: 2026-01-01, status: kept }}\n"
        ));
        let h = at(
            &config("health:\n  weights: { commitments: 30, coverage: 0 }\n"),
            &a,
            "2026-05-01",
        );
        assert_eq!(component(&h, "commitments").weight, 30.0);
        assert_eq!(component(&h, "coverage").contribution, 0.0);
        assert_eq!(h.score, Some(100.0));
    }

    #[test]
    fn no_contacts_make_coverage_zero_not_missing() {
        let h = at(&config(""), &account(""), "2026-05-01");
        assert_eq!(h.components.len(), 1);
        assert_eq!(component(&h, "coverage").value, 0.0);
        assert_eq!(h.score, Some(0.0));
    }

    #[test]
    fn coverage_without_levels_averages_the_other_two_parts() {
        let a = account("people:\n  - { id: raj, name: Raj, side: them, sponsor: true }\n");
        let h = at(&config(""), &a, "2026-05-01");
        let c = component(&h, "coverage");
        // Sponsors on their side only (0.5) and a single contact (0): (0.5 + 0) / 2.
        assert!(close(c.value, 0.25));
        assert_eq!(
            c.explanation.to_string(),
            "Average of 2 parts, 0.25: sponsors on their side only (0.50); 1 contact on their side, more than one needed (0.00)."
        );
    }

    #[test]
    fn no_data_and_zero_weights_give_no_score() {
        let h = at(
            &config("health:\n  weights: { coverage: 0 }\n"),
            &account(""),
            "2026-05-01",
        );
        assert_eq!(h.score, None);
    }

    #[test]
    fn milestones_share_met_on_time() {
        let a = account(
            "
goals:
  - id: g
    milestones:
      - { title: on time, due: 2026-03-01, done: 2026-03-01 }
      - { title: late, due: 2026-03-01, done: 2026-03-05 }
      - { title: due today, due: 2026-05-01 }
",
        );
        let h = at(&config(""), &a, "2026-05-01");
        let m = component(&h, "milestones");
        assert!(close(m.value, 0.5));
        assert_eq!(
            m.explanation.to_string(),
            "1 of 2 milestones due by 2026-05-01 was met on time: 1 / 2 = 0.50."
        );
    }

    #[test]
    fn disputes_fall_with_open_count_and_age() {
        assert!(at(&config(""), &account(""), "2026-05-01")
            .left_out
            .contains(&"disputes"));
        let resolved =
            account("disputes:\n  - { id: a, opened: 2025-01-01, resolved: 2025-02-01 }\n");
        assert_eq!(
            component(&at(&config(""), &resolved, "2026-05-01"), "disputes").value,
            1.0
        );

        let a = account("disputes:\n  - { id: a, opened: 2026-01-01 }\n  - { id: b, opened: 2026-04-01, resolved: 2026-04-20 }\n");
        // One open dispute, 73 days old: 0.8 x (1 - 73/365) = 0.64.
        let h = at(&config(""), &a, "2026-03-15");
        let c = component(&h, "disputes");
        assert!(close(c.value, 0.8 * (1.0 - 73.0 / 365.0)));
        assert!(
            c.explanation
                .to_string()
                .starts_with("1 open dispute, 73 days old"),
            "{}",
            c.explanation
        );
        // Older than a year: 0.
        assert_eq!(
            component(&at(&config(""), &a, "2027-01-02"), "disputes").value,
            0.0
        );
    }

    #[test]
    fn trend_judges_each_reviewed_quarter_at_its_end() {
        let a = account(
            "
criteria:
  - { id: r, name: R }
commitments:
  - { by: us, what: a, made: 2026-01-01, due: 2026-02-01, status: kept }
  - { by: us, what: b, made: 2026-01-01, due: 2026-05-01, status: broken }
reviews:
  - { quarter: 2026-Q2, scores: { r: 1 } }
  - { quarter: 2026-Q1, scores: { r: 5 } }
  - { quarter: 2027-Q1, scores: { r: 3 } }
",
        );
        let cfg = config("health:\n  weights: { coverage: 0 }\n");
        let t = trend(
            &cfg,
            &a,
            &FiscalCalendar::new(1),
            &coverage_of(&a),
            d("2026-08-01"),
        );
        let quarters: Vec<String> = t.iter().map(|p| p.quarter.to_string()).collect();
        assert_eq!(
            quarters,
            vec!["2026-Q1", "2026-Q2"],
            "future reviews are left out"
        );
        assert_eq!(t[0].date, d("2026-03-31"));
        // Q1: scores 1.0 (weight 40) and commitments 1/1 (weight 20) -> 100.
        assert_eq!(t[0].score, Some(100.0));
        // Q2: scores 0 (40), commitments 1/2 (20) -> 100 x 10 / 60 = 16.7.
        assert_eq!(t[1].score, Some(16.7));
    }
}
