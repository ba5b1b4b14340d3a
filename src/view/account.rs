//! The internal account page: everything our team knows about one relationship.

use super::common::{People, PersonName, Rich};
use super::health::{health_view, HealthView};
use super::SiteInfo;
use crate::analyze::{AccountAnalysis, Alert, AlertCode, AlertSeverity};
use crate::format::chart;
use crate::format::{self, money, opt_date};
use crate::i18n::{keys, Words};
use crate::model::{
    AccountFile, AccountKind, CommitmentStatus, Degree, EventKind, Level, Party, Sentiment, Side,
    Stage, TurnaroundStep, Visibility, Willingness,
};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AccountPage {
    pub site: SiteInfo,
    pub id: String,
    pub name: String,
    pub kind: AccountKind,
    pub stage: Option<Stage>,
    pub since: Option<String>,
    pub owner: Option<PersonName>,
    pub health: HealthView,
    pub glance: Glance,
    pub alerts: Vec<AlertView>,
    pub salvage: Option<Salvage>,
    pub turnaround: Option<TurnaroundView>,
    pub coverage: CoverageView,
    pub timeline: Vec<EventView>,
    pub disputes: Vec<DisputeView>,
    pub goals: Vec<GoalView>,
    pub commitments: Vec<CommitmentGroup>,
    pub criteria: Vec<CriterionView>,
    pub score_quarters: Vec<String>,
    pub score_chart: String,
    pub governance: Vec<CommitteeView>,
    pub balance_sheets: Vec<BalanceSheet>,
    pub reviews: Vec<String>,
    pub statement: Option<StatementView>,
}

/// The joint statement as our team sees it on the account page (the shared folder has the
/// version for the other company).
#[derive(Debug, Serialize)]
pub struct StatementView {
    pub title: Option<String>,
    pub date: Option<String>,
    pub vision: Option<Rich>,
    pub behaviours_us: Vec<Rich>,
    pub behaviours_them: Vec<Rich>,
    pub signatories: Vec<PersonName>,
    /// Whether the file tracks signatures; then `version`, `signed` and `awaiting` say
    /// where this version stands.
    pub tracks_signatures: bool,
    pub version: i64,
    pub signed: Vec<PersonName>,
    pub awaiting: Vec<PersonName>,
}

#[derive(Debug, Serialize)]
pub struct Glance {
    pub keep_rate: Option<String>,
    pub commitments_open: usize,
    pub exposure: Vec<String>,
    pub open_disputes: usize,
    pub overdue_milestones: usize,
    pub last_contact: Option<String>,
    pub next_review: String,
    pub next_review_due: String,
    pub their_contacts: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlertView {
    pub code: AlertCode,
    /// What the code means and what to do, for business readers.
    pub title: String,
    pub advice: String,
    pub severity: AlertSeverity,
    pub message: String,
    pub subject: String,
}

impl AlertView {
    /// An alert as a page in the language of `words` shows it.
    pub fn new(alert: &Alert, words: Words) -> AlertView {
        AlertView {
            code: alert.code,
            title: words.get(alert.code.title_key()),
            advice: words.get(alert.code.advice_key()),
            severity: alert.severity,
            message: words.say(&alert.message),
            subject: alert.subject.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Salvage {
    pub annual_amount: Option<String>,
    pub need: Option<Degree>,
    pub want: Option<Degree>,
    pub counterpart_wants: Willingness,
    pub alternatives: Option<Rich>,
    pub impact_of_loss: Option<Rich>,
    pub their_decision_makers: Vec<PersonName>,
}

#[derive(Debug, Serialize)]
pub struct TurnaroundView {
    pub cycle: i64,
    pub started: Option<String>,
    pub current: String,
    pub steps: Vec<StepView>,
}

#[derive(Debug, Serialize)]
pub struct StepView {
    pub step: TurnaroundStep,
    pub label: String,
    pub state: StepState,
    pub evidence: Option<Rich>,
}

#[derive(Debug, Serialize)]
pub struct CoverageView {
    pub ours: Vec<CoveragePerson>,
    pub rows: Vec<CoverageRow>,
    pub levels: Vec<LevelView>,
}

#[derive(Debug, Serialize)]
pub struct CoveragePerson {
    pub person: PersonName,
    pub level: Option<Level>,
    pub sponsor: bool,
    pub decision_maker: bool,
}

#[derive(Debug, Serialize)]
pub struct CoverageRow {
    pub theirs: CoveragePerson,
    /// One cell per person of ours, in `ours` order.
    pub covered_by: Vec<bool>,
    pub covered: bool,
}

#[derive(Debug, Serialize)]
pub struct LevelView {
    pub level: Level,
    pub theirs: usize,
    pub covered: bool,
}

#[derive(Debug, Serialize)]
pub struct EventView {
    pub date: String,
    pub kind: Option<EventKind>,
    pub title: String,
    pub sentiment: Option<Sentiment>,
    pub people: Vec<PersonName>,
    pub note: Option<Rich>,
    pub shared: bool,
}

#[derive(Debug, Serialize)]
pub struct DisputeView {
    pub id: String,
    pub title: String,
    pub opened: String,
    pub resolved: Option<String>,
    pub amount: Option<String>,
    pub age_days: i64,
    pub escalated_to: Option<Level>,
    pub owner: Option<PersonName>,
    pub note: Option<Rich>,
    pub open: bool,
    pub shared: bool,
}

#[derive(Debug, Serialize)]
pub struct GoalView {
    pub id: String,
    pub title: String,
    pub owners: Vec<PersonName>,
    pub note: Option<Rich>,
    pub shared: bool,
    pub done: usize,
    pub milestones: Vec<MilestoneView>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneView {
    pub title: String,
    pub due: String,
    pub done: Option<String>,
    pub status: MilestoneStatus,
    /// `due` as a date, for the calendars; templates print `due`.
    #[serde(skip)]
    pub due_date: crate::model::Date,
    /// `done` as a date, for pages that write it out in words.
    #[serde(skip)]
    pub done_date: Option<crate::model::Date>,
}

/// Where a milestone stands at the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MilestoneStatus {
    /// Done on or before its due date.
    Met,
    /// Done after its due date.
    Late,
    /// Not done and past its due date.
    Overdue,
    /// Not done and not yet due.
    Open,
}

/// Where a turnaround step stands against the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepState {
    Done,
    Current,
    Ahead,
}

#[derive(Debug, Serialize)]
pub struct CommitmentGroup {
    pub by: Party,
    pub heading: String,
    pub items: Vec<CommitmentView>,
}

#[derive(Debug, Serialize)]
pub struct CommitmentView {
    pub what: String,
    pub made: String,
    pub due: Option<String>,
    pub status: CommitmentStatus,
    pub overdue: bool,
    pub evidence: Option<Rich>,
    pub shared: bool,
}

#[derive(Debug, Serialize)]
pub struct CriterionView {
    pub id: String,
    pub name: String,
    pub weight: i64,
    pub illustrations: Vec<String>,
    /// One entry per reviewed quarter in `score_quarters` order; `None` when not scored.
    pub scores: Vec<Option<CriterionScore>>,
    pub latest: Option<String>,
    /// The numbers behind `scores`, for the chart.
    #[serde(skip)]
    pub means: Vec<Option<f64>>,
}

/// A criterion's score in one review: the score (the mean when scored by level) and, when
/// scored by level, each level's number.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionScore {
    pub score: String,
    pub levels: Vec<LevelScore>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelScore {
    pub level: Level,
    pub score: i64,
}

impl CriterionScore {
    pub fn new(score: &crate::model::Score) -> CriterionScore {
        CriterionScore {
            score: format::score(score.mean()),
            levels: score
                .by_level()
                .into_iter()
                .flatten()
                .map(|(&level, &score)| LevelScore { level, score })
                .collect(),
        }
    }

    /// `executive 4, operational 2` in the language of `words`, or nothing for a single
    /// score.
    pub fn levels_text(&self, words: Words) -> Option<String> {
        let parts: Vec<String> = self
            .levels
            .iter()
            .map(|l| {
                let level = words.with(keys::WORD_LEVEL, &[("value", l.level.as_str())]);
                format!("{level} {}", l.score)
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

#[derive(Debug, Serialize)]
pub struct CommitteeView {
    pub name: String,
    pub cadence: Option<String>,
    pub members: Vec<PersonName>,
    pub purpose: Option<Rich>,
    pub shared: bool,
}

#[derive(Debug, Serialize)]
pub struct BalanceSheet {
    pub person: PersonName,
    pub side: Side,
    pub assets: Vec<Rich>,
    pub liabilities: Vec<Rich>,
    pub notes: Option<Rich>,
}

/// The account page of one account, in the language of `words`.
pub fn account_page(
    site: &SiteInfo,
    file: &AccountFile,
    analysis: &AccountAnalysis,
    words: Words,
) -> AccountPage {
    let as_of = site.as_of_date;
    let account = &file.account;
    let people = People {
        account,
        organisation: &site.organisation,
    };
    let (score_quarters, criteria) = criteria_views(file, analysis);
    let series: Vec<chart::Series> = criteria
        .iter()
        .map(|c| chart::Series {
            name: c.name.clone(),
            values: c.means.clone(),
            hover: c
                .scores
                .iter()
                .zip(&score_quarters)
                .map(|(s, quarter)| {
                    let s = s.as_ref()?;
                    let levels = s.levels_text(words)?;
                    Some(words.with(
                        keys::CHART_POINT,
                        &[
                            ("criterion", &c.name),
                            ("quarter", quarter),
                            ("score", &s.score),
                            ("levels", &levels),
                        ],
                    ))
                })
                .collect(),
        })
        .collect();
    AccountPage {
        site: site.clone(),
        id: file.id.clone(),
        name: account.name.clone(),
        kind: account.kind,
        stage: account.stage,
        since: opt_date(account.since),
        owner: account.owner.as_ref().map(|o| people.named(o)),
        health: health_view(analysis, words),
        glance: glance(analysis),
        alerts: analysis
            .alerts
            .iter()
            .map(|a| AlertView::new(a, words))
            .collect(),
        salvage: salvage(file, &people, analysis),
        turnaround: turnaround(file, words),
        coverage: coverage(file, &people),
        timeline: timeline(file, &people),
        disputes: disputes(file, &people, analysis),
        goals: goals(file, &people, as_of),
        commitments: commitments(file, analysis, words),
        score_chart: chart::score_trend(&score_quarters, &series, &words.get(keys::CHART_SCORES)),
        score_quarters,
        criteria,
        governance: governance(file, &people, words),
        balance_sheets: balance_sheets(file, &people),
        reviews: analysis
            .review_order
            .iter()
            .map(|&i| account.reviews[i].quarter.value.to_string())
            .collect(),
        statement: account.statement.as_ref().map(|s| StatementView {
            title: s.title.clone(),
            date: opt_date(s.date),
            vision: Rich::option(s.vision.as_ref()),
            behaviours_us: Rich::list(&s.behaviours.us),
            behaviours_them: Rich::list(&s.behaviours.them),
            signatories: people.all(&s.signatories),
            tracks_signatures: s.tracks_signatures(),
            version: s.version.value,
            signed: s
                .signatories
                .iter()
                .filter(|p| signed_by(s, p, as_of))
                .map(|p| people.named(p))
                .collect(),
            awaiting: s
                .signatories
                .iter()
                .filter(|p| !signed_by(s, p, as_of))
                .map(|p| people.named(p))
                .collect(),
        }),
    }
}

/// Whether `person` has signed the statement's current version by `as_of`.
fn signed_by(
    statement: &crate::model::Statement,
    person: &crate::model::PersonRef,
    as_of: crate::model::Date,
) -> bool {
    statement.signed_by(&person.value, as_of)
}

fn glance(analysis: &AccountAnalysis) -> Glance {
    let disputes = &analysis.disputes;
    Glance {
        keep_rate: analysis.commitments.keep_rate.map(format::percent),
        commitments_open: analysis.commitments.open,
        exposure: disputes
            .exposure
            .iter()
            .map(|(currency, sum)| money(*sum, currency))
            .collect(),
        open_disputes: disputes.open,
        overdue_milestones: analysis.milestones.overdue.len(),
        last_contact: opt_date(analysis.last_contact),
        next_review: analysis.next_review.to_string(),
        next_review_due: format::date(analysis.next_review_due),
        their_contacts: analysis.coverage.their_contacts,
    }
}

fn salvage(file: &AccountFile, people: &People, analysis: &AccountAnalysis) -> Option<Salvage> {
    let value = file.account.value.as_ref()?;
    let currency = value.currency.clone().unwrap_or_default();
    Some(Salvage {
        annual_amount: value.annual_amount.map(|a| money(a, &currency)),
        need: value.need,
        want: value.want,
        counterpart_wants: value.counterpart_wants,
        alternatives: Rich::option(value.alternatives.as_ref()),
        impact_of_loss: Rich::option(value.impact_of_loss.as_ref()),
        their_decision_makers: analysis
            .coverage
            .their_decision_makers
            .iter()
            .filter_map(|id| file.account.person(id))
            .map(|p| people.name(p))
            .collect(),
    })
}

fn turnaround(file: &AccountFile, words: Words) -> Option<TurnaroundView> {
    let turnaround = file.account.turnaround.as_ref()?;
    let step_label =
        |step: TurnaroundStep| words.with(keys::TURNAROUND_STEP, &[("step", step.as_str())]);
    let steps = TurnaroundStep::ALL
        .iter()
        .map(|&step| StepView {
            step,
            label: step_label(step),
            state: match step.cmp(&turnaround.step) {
                std::cmp::Ordering::Less => StepState::Done,
                std::cmp::Ordering::Equal => StepState::Current,
                std::cmp::Ordering::Greater => StepState::Ahead,
            },
            evidence: Rich::option(turnaround.evidence.get(&step)),
        })
        .collect();
    Some(TurnaroundView {
        cycle: turnaround.cycle.value,
        started: opt_date(turnaround.started),
        current: step_label(turnaround.step),
        steps,
    })
}

fn coverage_person(people: &People, person: &crate::model::Person) -> CoveragePerson {
    CoveragePerson {
        person: people.name(person),
        level: person.level,
        sponsor: person.sponsor,
        decision_maker: person.decision_maker,
    }
}

fn coverage(file: &AccountFile, people: &People) -> CoverageView {
    let account = &file.account;
    let ours: Vec<&crate::model::Person> = account
        .people
        .iter()
        .filter(|p| p.side == Side::Us)
        .collect();
    let mut theirs: Vec<&crate::model::Person> = account
        .people
        .iter()
        .filter(|p| p.side == Side::Them)
        .collect();
    // Highest level first; people without a level last; file order otherwise.
    theirs.sort_by_key(|p| p.level.map_or(u8::MAX, |l| l as u8));
    let rows: Vec<CoverageRow> = theirs
        .iter()
        .map(|their| {
            let covered_by: Vec<bool> = ours
                .iter()
                .map(|our| our.covers.iter().any(|c| c.value == their.id.value))
                .collect();
            CoverageRow {
                covered: covered_by.iter().any(|&c| c),
                covered_by,
                theirs: coverage_person(people, their),
            }
        })
        .collect();
    let levels = crate::model::Level::ALL
        .iter()
        .map(|&level| {
            let at_level: Vec<&CoverageRow> = rows
                .iter()
                .filter(|r| r.theirs.level == Some(level))
                .collect();
            LevelView {
                level,
                theirs: at_level.len(),
                covered: at_level.iter().any(|r| r.covered),
            }
        })
        .collect();
    CoverageView {
        ours: ours.iter().map(|p| coverage_person(people, p)).collect(),
        rows,
        levels,
    }
}

fn timeline(file: &AccountFile, people: &People) -> Vec<EventView> {
    let mut order: Vec<usize> = (0..file.account.events.len()).collect();
    // Newest first; file order breaks ties so output is stable.
    order.sort_by(|&a, &b| {
        file.account.events[b]
            .date
            .cmp(&file.account.events[a].date)
            .then(a.cmp(&b))
    });
    order
        .into_iter()
        .map(|i| event_view(file, people, i))
        .collect()
}

/// One event as pages show it.
pub fn event_view(file: &AccountFile, people: &People, index: usize) -> EventView {
    let event = &file.account.events[index];
    EventView {
        date: format::date(event.date),
        kind: event.kind,
        title: event.title.clone(),
        sentiment: event.sentiment,
        people: people.all(&event.people),
        note: Rich::option(event.note.as_ref()),
        shared: event.visibility == Visibility::Shared,
    }
}

fn disputes(file: &AccountFile, people: &People, analysis: &AccountAnalysis) -> Vec<DisputeView> {
    analysis
        .disputes
        .items
        .iter()
        .map(|status| dispute_view(file, people, status.index, status.age_days))
        .collect()
}

/// One dispute as pages show it.
pub fn dispute_view(
    file: &AccountFile,
    people: &People,
    index: usize,
    age_days: i64,
) -> DisputeView {
    let dispute = &file.account.disputes[index];
    let currency = dispute
        .currency
        .clone()
        .or_else(|| file.account.value.as_ref().and_then(|v| v.currency.clone()))
        .unwrap_or_default();
    DisputeView {
        id: dispute.id.value.clone(),
        title: dispute
            .title
            .clone()
            .unwrap_or_else(|| dispute.id.value.clone()),
        opened: format::date(dispute.opened),
        resolved: opt_date(dispute.resolved),
        amount: dispute.amount.map(|a| money(a, &currency)),
        age_days,
        escalated_to: dispute.escalated_to,
        owner: dispute.owner.as_ref().map(|o| people.named(o)),
        note: Rich::option(dispute.note.as_ref()),
        open: dispute.resolved.is_none(),
        shared: dispute.visibility == Visibility::Shared,
    }
}

fn goals(file: &AccountFile, people: &People, as_of: crate::model::Date) -> Vec<GoalView> {
    file.account
        .goals
        .iter()
        .map(|goal| goal_view(goal, people, as_of))
        .collect()
}

/// One goal with its milestones, judged at `as_of`.
pub fn goal_view(
    goal: &crate::model::Goal,
    people: &People,
    as_of: crate::model::Date,
) -> GoalView {
    let milestones: Vec<MilestoneView> = goal
        .milestones
        .iter()
        .map(|m| milestone_view(m, as_of))
        .collect();
    GoalView {
        id: goal.id.value.clone(),
        title: goal.title.clone().unwrap_or_else(|| goal.id.value.clone()),
        owners: people.all(&goal.owners),
        note: Rich::option(goal.note.as_ref()),
        shared: goal.visibility == Visibility::Shared,
        done: milestones.iter().filter(|m| m.done.is_some()).count(),
        milestones,
    }
}

/// A milestone's state at `as_of`: due today is not overdue, and a milestone finished after
/// `as_of` is shown as it stood then (a past quarter's page does not know the future).
pub fn milestone_view(
    milestone: &crate::model::Milestone,
    as_of: crate::model::Date,
) -> MilestoneView {
    let done = milestone.done.filter(|&d| d <= as_of);
    let status = match done {
        Some(done) if done <= milestone.due => MilestoneStatus::Met,
        Some(_) => MilestoneStatus::Late,
        None if milestone.due < as_of => MilestoneStatus::Overdue,
        None => MilestoneStatus::Open,
    };
    MilestoneView {
        title: milestone.title.clone(),
        due: format::date(milestone.due),
        done: opt_date(done),
        status,
        due_date: milestone.due,
        done_date: done,
    }
}

fn commitments(
    file: &AccountFile,
    analysis: &AccountAnalysis,
    words: Words,
) -> Vec<CommitmentGroup> {
    [Party::Us, Party::Them, Party::Both]
        .iter()
        .map(|&party| CommitmentGroup {
            by: party,
            heading: words.with(keys::COMMITMENT_GROUP, &[("party", party.as_str())]),
            items: file
                .account
                .commitments
                .iter()
                .enumerate()
                .filter(|(_, c)| c.by == party)
                .map(|(i, c)| CommitmentView {
                    what: c.what.clone(),
                    made: format::date(c.made),
                    due: opt_date(c.due),
                    status: c.status,
                    overdue: analysis.commitments.overdue.contains(&i),
                    evidence: Rich::option(c.evidence.as_ref()),
                    shared: c.visibility == Visibility::Shared,
                })
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect()
}

/// The quarters that have a review, and per criterion its score in each of them.
fn criteria_views(
    file: &AccountFile,
    analysis: &AccountAnalysis,
) -> (Vec<String>, Vec<CriterionView>) {
    let account = &file.account;
    let reviews: Vec<&crate::model::Review> = analysis
        .review_order
        .iter()
        .map(|&i| &account.reviews[i])
        .collect();
    let quarters = reviews
        .iter()
        .map(|r| r.quarter.value.to_string())
        .collect();
    let criteria = account
        .criteria
        .iter()
        .map(|criterion| {
            let given: Vec<Option<&crate::model::Score>> = reviews
                .iter()
                .map(|r| r.scores.get(&criterion.id.value).map(|s| &s.value))
                .collect();
            let scores: Vec<Option<CriterionScore>> =
                given.iter().map(|s| s.map(CriterionScore::new)).collect();
            CriterionView {
                id: criterion.id.value.clone(),
                name: criterion.name.clone(),
                weight: criterion.weight.value,
                illustrations: criterion.illustrations.clone(),
                latest: scores
                    .iter()
                    .rev()
                    .find_map(|s| s.as_ref().map(|s| s.score.clone())),
                means: given.iter().map(|s| s.map(|s| s.mean())).collect(),
                scores,
            }
        })
        .collect();
    (quarters, criteria)
}

fn governance(file: &AccountFile, people: &People, words: Words) -> Vec<CommitteeView> {
    file.account
        .governance
        .iter()
        .map(|c| CommitteeView {
            name: c.name.clone(),
            cadence: c.cadence.map(|c| words.get(super::shared::cadence_key(c))),
            members: people.all(&c.members),
            purpose: Rich::option(c.purpose.as_ref()),
            shared: c.visibility == Visibility::Shared,
        })
        .collect()
}

fn balance_sheets(file: &AccountFile, people: &People) -> Vec<BalanceSheet> {
    file.account
        .people
        .iter()
        .filter(|p| !p.assets.is_empty() || !p.liabilities.is_empty() || p.notes.is_some())
        .map(|p| BalanceSheet {
            person: people.name(p),
            side: p.side,
            assets: Rich::list(&p.assets),
            liabilities: Rich::list(&p.liabilities),
            notes: Rich::option(p.notes.as_ref()),
        })
        .collect()
}
