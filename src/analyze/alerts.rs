//! Alerts: warnings with stable codes, one per offending item, most severe first.
//!
//! Codes are part of the public output (pages, `portfolio.json`); never rename one.

use super::actions::{action_status, ActionStatus};
use super::coverage::Coverage;
use super::figures::{CommitmentFigures, DisputeFigures, MilestoneFigures};
use super::schedule::first_seen;
use super::{Date, FiscalCalendar};
use crate::i18n::{keys, Phrase};
use crate::model::{Account, Config, Level, Party, Side, Willingness};
use serde::Serialize;

/// How urgent an alert is. Orders most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AlertSeverity {
    High,
    Medium,
    Low,
}

/// What an alert is about: a stable code, part of the public output (pages,
/// `portfolio.json`). Alerts sort by the code's text, so a new code lands where its name
/// falls alphabetically whatever its place here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlertCode {
    MilestoneOverdue,
    CommitmentOverdue,
    DisputeUnescalated,
    NoContacts,
    SingleThreaded,
    NoSponsor,
    NoExecutiveContact,
    Stale,
    ReviewOverdue,
    ScoresDeclining,
    CounterpartUnwilling,
    ActionOverdue,
    LevelsDisagree,
    StatementUnsigned,
}

impl AlertCode {
    /// Every code, in the order of the rules.
    pub const ALL: &'static [AlertCode] = &[
        AlertCode::MilestoneOverdue,
        AlertCode::CommitmentOverdue,
        AlertCode::DisputeUnescalated,
        AlertCode::NoContacts,
        AlertCode::SingleThreaded,
        AlertCode::NoSponsor,
        AlertCode::NoExecutiveContact,
        AlertCode::Stale,
        AlertCode::ReviewOverdue,
        AlertCode::ScoresDeclining,
        AlertCode::CounterpartUnwilling,
        AlertCode::ActionOverdue,
        AlertCode::LevelsDisagree,
        AlertCode::StatementUnsigned,
    ];

    /// The code as pages and JSON show it, e.g. `milestone-overdue`.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertCode::MilestoneOverdue => "milestone-overdue",
            AlertCode::CommitmentOverdue => "commitment-overdue",
            AlertCode::DisputeUnescalated => "dispute-unescalated",
            AlertCode::NoContacts => "no-contacts",
            AlertCode::SingleThreaded => "single-threaded",
            AlertCode::NoSponsor => "no-sponsor",
            AlertCode::NoExecutiveContact => "no-executive-contact",
            AlertCode::Stale => "stale",
            AlertCode::ReviewOverdue => "review-overdue",
            AlertCode::ScoresDeclining => "scores-declining",
            AlertCode::CounterpartUnwilling => "counterpart-unwilling",
            AlertCode::ActionOverdue => "action-overdue",
            AlertCode::LevelsDisagree => "levels-disagree",
            AlertCode::StatementUnsigned => "statement-unsigned",
        }
    }
}

impl AlertCode {
    /// The message key of what the alert means, in words a business reader uses (the code
    /// stays for JSON and filters); docs/health.md shows the English text.
    pub fn title_key(self) -> &'static str {
        match self {
            AlertCode::MilestoneOverdue => keys::ALERT_MILESTONE_OVERDUE_TITLE,
            AlertCode::CommitmentOverdue => keys::ALERT_COMMITMENT_OVERDUE_TITLE,
            AlertCode::DisputeUnescalated => keys::ALERT_DISPUTE_UNESCALATED_TITLE,
            AlertCode::NoContacts => keys::ALERT_NO_CONTACTS_TITLE,
            AlertCode::SingleThreaded => keys::ALERT_SINGLE_THREADED_TITLE,
            AlertCode::NoSponsor => keys::ALERT_NO_SPONSOR_TITLE,
            AlertCode::NoExecutiveContact => keys::ALERT_NO_EXECUTIVE_CONTACT_TITLE,
            AlertCode::Stale => keys::ALERT_STALE_TITLE,
            AlertCode::ReviewOverdue => keys::ALERT_REVIEW_OVERDUE_TITLE,
            AlertCode::ScoresDeclining => keys::ALERT_SCORES_DECLINING_TITLE,
            AlertCode::CounterpartUnwilling => keys::ALERT_COUNTERPART_UNWILLING_TITLE,
            AlertCode::ActionOverdue => keys::ALERT_ACTION_OVERDUE_TITLE,
            AlertCode::LevelsDisagree => keys::ALERT_LEVELS_DISAGREE_TITLE,
            AlertCode::StatementUnsigned => keys::ALERT_STATEMENT_UNSIGNED_TITLE,
        }
    }

    /// The message key of what to do about it, in one sentence.
    pub fn advice_key(self) -> &'static str {
        match self {
            AlertCode::MilestoneOverdue => keys::ALERT_MILESTONE_OVERDUE_ADVICE,
            AlertCode::CommitmentOverdue => keys::ALERT_COMMITMENT_OVERDUE_ADVICE,
            AlertCode::DisputeUnescalated => keys::ALERT_DISPUTE_UNESCALATED_ADVICE,
            AlertCode::NoContacts => keys::ALERT_NO_CONTACTS_ADVICE,
            AlertCode::SingleThreaded => keys::ALERT_SINGLE_THREADED_ADVICE,
            AlertCode::NoSponsor => keys::ALERT_NO_SPONSOR_ADVICE,
            AlertCode::NoExecutiveContact => keys::ALERT_NO_EXECUTIVE_CONTACT_ADVICE,
            AlertCode::Stale => keys::ALERT_STALE_ADVICE,
            AlertCode::ReviewOverdue => keys::ALERT_REVIEW_OVERDUE_ADVICE,
            AlertCode::ScoresDeclining => keys::ALERT_SCORES_DECLINING_ADVICE,
            AlertCode::CounterpartUnwilling => keys::ALERT_COUNTERPART_UNWILLING_ADVICE,
            AlertCode::ActionOverdue => keys::ALERT_ACTION_OVERDUE_ADVICE,
            AlertCode::LevelsDisagree => keys::ALERT_LEVELS_DISAGREE_ADVICE,
            AlertCode::StatementUnsigned => keys::ALERT_STATEMENT_UNSIGNED_ADVICE,
        }
    }
}

impl Ord for AlertCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for AlertCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for AlertCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One warning about one item of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    /// Stable code, e.g. `milestone-overdue`.
    pub code: AlertCode,
    pub severity: AlertSeverity,
    /// A plain sentence with the facts, said in the page's language (English in
    /// `portfolio.json`).
    pub message: Phrase,
    /// A short human name of the item: a milestone title, commitment text, dispute id,
    /// person name, criterion name, or the account name.
    pub subject: String,
}

/// A milestone more than this many days late is a high-severity alert.
pub const MILESTONE_HIGH_AFTER_DAYS: i64 = 30;

/// What the alert rules look at, all judged at `as_of`.
#[derive(Debug, Clone, Copy)]
pub struct AlertInputs<'a> {
    pub config: &'a Config,
    pub account: &'a Account,
    pub calendar: &'a FiscalCalendar,
    pub as_of: Date,
    pub last_contact: Option<Date>,
    pub review_order: &'a [usize],
    pub commitments: &'a CommitmentFigures,
    pub milestones: &'a MilestoneFigures,
    pub disputes: &'a DisputeFigures,
    pub coverage: &'a Coverage,
}

/// Every alert of an account, most severe first, then by code, then by subject.
pub fn alerts(inputs: &AlertInputs) -> Vec<Alert> {
    let mut all = Vec::new();
    milestone_overdue(inputs, &mut all);
    commitment_overdue(inputs, &mut all);
    dispute_unescalated(inputs, &mut all);
    contacts(inputs, &mut all);
    stale(inputs, &mut all);
    review_overdue(inputs, &mut all);
    scores_declining(inputs, &mut all);
    counterpart_unwilling(inputs, &mut all);
    action_overdue(inputs, &mut all);
    levels_disagree(inputs, &mut all);
    statement_unsigned(inputs, &mut all);
    sort(&mut all);
    all
}

/// Most severe first, then code, then subject, then message (a stable sort keeps file order
/// for identical alerts).
pub fn sort(alerts: &mut [Alert]) {
    // The message decides last by what it says, not by how a language words it, so the
    // order is the same in every language.
    alerts.sort_by(|a, b| {
        (a.severity, a.code, &a.subject, &a.message)
            .cmp(&(b.severity, b.code, &b.subject, &b.message))
    });
}

fn alert(
    code: AlertCode,
    severity: AlertSeverity,
    subject: impl Into<String>,
    message: Phrase,
) -> Alert {
    Alert {
        code,
        severity,
        message,
        subject: subject.into(),
    }
}

/// `milestone-overdue`: due before as-of and not done; High when more than 30 days late.
fn milestone_overdue(i: &AlertInputs, out: &mut Vec<Alert>) {
    for r in &i.milestones.overdue {
        let Some(goal) = i.account.goals.get(r.goal) else {
            continue;
        };
        let Some(m) = goal.milestones.get(r.milestone) else {
            continue;
        };
        let late = (i.as_of - m.due).num_days();
        let severity = if late > MILESTONE_HIGH_AFTER_DAYS {
            AlertSeverity::High
        } else {
            AlertSeverity::Medium
        };
        let goal_name = goal.title.as_deref().unwrap_or(&goal.id.value);
        out.push(alert(
            AlertCode::MilestoneOverdue,
            severity,
            &m.title,
            Phrase::new(keys::ALERT_MESSAGE_MILESTONE_OVERDUE)
                .text("milestone", &m.title)
                .text("goal", goal_name)
                .text("due", m.due.to_string())
                .count("late", late),
        ));
    }
}

/// `commitment-overdue`: open and due before as-of; High when we gave it (alone or jointly).
fn commitment_overdue(i: &AlertInputs, out: &mut Vec<Alert>) {
    for &index in &i.commitments.overdue {
        let Some(c) = i.account.commitments.get(index) else {
            continue;
        };
        let Some(due) = c.due else { continue };
        let late = (i.as_of - due).num_days();
        let severity = match c.by {
            Party::Us | Party::Both => AlertSeverity::High,
            Party::Them => AlertSeverity::Medium,
        };
        out.push(alert(
            AlertCode::CommitmentOverdue,
            severity,
            &c.what,
            Phrase::new(keys::ALERT_MESSAGE_COMMITMENT_OVERDUE)
                .text("party", c.by.as_str())
                .text("made", c.made.to_string())
                .text("due", due.to_string())
                .count("late", late),
        ));
    }
}

/// `dispute-unescalated`: open longer than `escalate_after_days` and not escalated to
/// senior or executive level.
fn dispute_unescalated(i: &AlertInputs, out: &mut Vec<Alert>) {
    let limit = i.config.escalate_after_days();
    for item in i
        .disputes
        .items
        .iter()
        .filter(|d| d.open && d.age_days > limit)
    {
        if matches!(item.escalated_to, Some(Level::Senior | Level::Executive)) {
            continue;
        }
        let Some(dispute) = i.account.disputes.get(item.index) else {
            continue;
        };
        let message = match item.escalated_to {
            Some(level) => Phrase::new(keys::ALERT_MESSAGE_DISPUTE_ESCALATED_LOW)
                .phrase("level", Phrase::word(keys::WORD_LEVEL, level.as_str())),
            None => Phrase::new(keys::ALERT_MESSAGE_DISPUTE_UNESCALATED),
        };
        out.push(alert(
            AlertCode::DisputeUnescalated,
            AlertSeverity::High,
            &dispute.id.value,
            message
                .text("dispute", &dispute.id.value)
                .text("opened", dispute.opened.to_string())
                .count("age", item.age_days)
                .count("limit", limit),
        ));
    }
}

/// `no-contacts`, `single-threaded`, `no-sponsor` (per side) and `no-executive-contact`.
/// When no one of theirs is recorded, `no-contacts` says it all: their side's `no-sponsor`
/// and `no-executive-contact` are not repeated.
fn contacts(i: &AlertInputs, out: &mut Vec<Alert>) {
    let c = i.coverage;
    let name = &i.account.name;
    let theirs: Vec<_> = i
        .account
        .people
        .iter()
        .filter(|p| p.side == Side::Them)
        .collect();
    match theirs.as_slice() {
        [] => out.push(alert(
            AlertCode::NoContacts,
            AlertSeverity::High,
            name,
            Phrase::new(keys::ALERT_MESSAGE_NO_CONTACTS).text("account", name),
        )),
        [only] => out.push(alert(
            AlertCode::SingleThreaded,
            AlertSeverity::Medium,
            &only.name,
            Phrase::new(keys::ALERT_MESSAGE_SINGLE_THREADED)
                .text("person", &only.name)
                .text("account", name),
        )),
        _ => {}
    }
    if c.our_sponsors.is_empty() {
        let org = &i.config.organisation;
        out.push(alert(
            AlertCode::NoSponsor,
            AlertSeverity::Medium,
            org,
            Phrase::new(keys::ALERT_MESSAGE_NO_SPONSOR_OURS)
                .text("organisation", org)
                .text("account", name),
        ));
    }
    if theirs.is_empty() {
        return;
    }
    if c.their_sponsors.is_empty() {
        out.push(alert(
            AlertCode::NoSponsor,
            AlertSeverity::Medium,
            name,
            Phrase::new(keys::ALERT_MESSAGE_NO_SPONSOR_THEIRS).text("account", name),
        ));
    }
    if !c.executive_covered() {
        let executives = c
            .levels
            .iter()
            .find(|l| l.level == Level::Executive)
            .map_or(0, |l| l.theirs.len());
        let message = if executives == 0 {
            Phrase::new(keys::ALERT_MESSAGE_NO_EXECUTIVE_RECORDED)
        } else {
            Phrase::new(keys::ALERT_MESSAGE_NO_EXECUTIVE_COVERED).count("executives", executives)
        };
        out.push(alert(
            AlertCode::NoExecutiveContact,
            AlertSeverity::Medium,
            name,
            message.text("account", name),
        ));
    }
}

/// `stale`: no contact at all, or the last one more than `stale_after_days` before as-of.
fn stale(i: &AlertInputs, out: &mut Vec<Alert>) {
    let limit = i.config.stale_after_days();
    let name = &i.account.name;
    let message = match i.last_contact {
        None => Phrase::new(keys::ALERT_MESSAGE_STALE_NEVER).text("account", name),
        Some(last) => {
            let ago = (i.as_of - last).num_days();
            if ago <= limit {
                return;
            }
            Phrase::new(keys::ALERT_MESSAGE_STALE)
                .text("account", name)
                .text("last", last.to_string())
                .count("ago", ago)
                .count("limit", limit)
        }
    };
    out.push(alert(
        AlertCode::Stale,
        AlertSeverity::Medium,
        name,
        message,
    ));
}

/// `review-overdue`: the last completed quarter has no review, for an account that existed
/// by that quarter's end (by `since`, else its first dated entry; nothing dated: no alert).
fn review_overdue(i: &AlertInputs, out: &mut Vec<Alert>) {
    let quarter = i.calendar.last_completed(i.as_of);
    let end = i.calendar.end(quarter);
    if i.account.reviews.iter().any(|r| r.quarter.value == quarter) {
        return;
    }
    if first_seen(i.account, i.calendar).is_none_or(|first| first > end) {
        return;
    }
    let name = &i.account.name;
    out.push(alert(
        AlertCode::ReviewOverdue,
        AlertSeverity::Medium,
        name,
        Phrase::new(keys::ALERT_MESSAGE_REVIEW_OVERDUE)
            .text("quarter", quarter.to_string())
            .text("end", end.to_string())
            .text("account", name),
    ));
}

/// `scores-declining`: a criterion's score fell at each of its last two scored reviews.
fn scores_declining(i: &AlertInputs, out: &mut Vec<Alert>) {
    let current = i.calendar.current(i.as_of);
    for criterion in &i.account.criteria {
        let scored: Vec<(String, f64)> = i
            .review_order
            .iter()
            .filter_map(|&r| i.account.reviews.get(r))
            .filter(|r| r.quarter.value <= current)
            .filter_map(|r| {
                r.scores
                    .get(&criterion.id.value)
                    .map(|s| (r.quarter.value.to_string(), s.value.mean()))
            })
            .collect();
        let [.., (q1, s1), (q2, s2), (q3, s3)] = scored.as_slice() else {
            continue;
        };
        if s1 > s2 && s2 > s3 {
            out.push(alert(
                AlertCode::ScoresDeclining,
                AlertSeverity::Medium,
                &criterion.name,
                Phrase::new(keys::ALERT_MESSAGE_SCORES_DECLINING)
                    .text("criterion", &criterion.name)
                    .score("first", *s1)
                    .text("first_quarter", q1)
                    .score("second", *s2)
                    .text("second_quarter", q2)
                    .score("third", *s3)
                    .text("third_quarter", q3),
            ));
        }
    }
}

/// `counterpart-unwilling`: `value.counterpart_wants: no`.
fn counterpart_unwilling(i: &AlertInputs, out: &mut Vec<Alert>) {
    if i.account
        .value
        .as_ref()
        .is_some_and(|v| v.counterpart_wants == Willingness::No)
    {
        let name = &i.account.name;
        out.push(alert(
            AlertCode::CounterpartUnwilling,
            AlertSeverity::High,
            name,
            Phrase::new(keys::ALERT_MESSAGE_COUNTERPART_UNWILLING).text("account", name),
        ));
    }
}

/// An action more than this many days late is a high-severity alert.
pub const ACTION_HIGH_AFTER_DAYS: i64 = 30;
/// Two levels of theirs this many points apart on one criterion disagree.
pub const LEVELS_DISAGREE_AT: i64 = 2;
/// A statement version agreed this many days ago should be signed by everyone.
pub const SIGNATURE_DAYS: i64 = 30;

/// `action-overdue`: an action agreed at a review, open and past its due date; High when
/// more than 30 days late.
fn action_overdue(i: &AlertInputs, out: &mut Vec<Alert>) {
    let current = i.calendar.current(i.as_of);
    for review in i
        .account
        .reviews
        .iter()
        .filter(|r| r.quarter.value <= current)
    {
        for action in &review.actions {
            if action_status(action, i.as_of) != ActionStatus::Late {
                continue;
            }
            let Some(due) = action.due else { continue };
            let late = (i.as_of - due).num_days();
            let severity = if late > ACTION_HIGH_AFTER_DAYS {
                AlertSeverity::High
            } else {
                AlertSeverity::Medium
            };
            out.push(alert(
                AlertCode::ActionOverdue,
                severity,
                &action.what,
                Phrase::new(keys::ALERT_MESSAGE_ACTION_OVERDUE)
                    .text("action", &action.what)
                    .text("quarter", review.quarter.value.to_string())
                    .text("due", due.to_string())
                    .count("late", late),
            ));
        }
    }
}

/// `levels-disagree`: in the latest review, two levels of theirs scored one criterion two
/// or more points apart.
fn levels_disagree(i: &AlertInputs, out: &mut Vec<Alert>) {
    let current = i.calendar.current(i.as_of);
    let latest = i
        .review_order
        .iter()
        .filter_map(|&r| i.account.reviews.get(r))
        .rfind(|r| r.quarter.value <= current);
    let Some(review) = latest else { return };
    for criterion in &i.account.criteria {
        let Some(levels) = review
            .scores
            .get(&criterion.id.value)
            .and_then(|s| s.value.by_level())
        else {
            continue;
        };
        let highest = levels.iter().max_by_key(|(_, &n)| n);
        let lowest = levels.iter().min_by_key(|(_, &n)| n);
        let (Some((high_level, &high)), Some((low_level, &low))) = (highest, lowest) else {
            continue;
        };
        if high - low >= LEVELS_DISAGREE_AT {
            out.push(alert(
                AlertCode::LevelsDisagree,
                AlertSeverity::Medium,
                &criterion.name,
                Phrase::new(keys::ALERT_MESSAGE_LEVELS_DISAGREE)
                    .text("quarter", review.quarter.value.to_string())
                    .phrase(
                        "high_level",
                        Phrase::word(keys::WORD_LEVEL, high_level.as_str()),
                    )
                    .text("criterion", &criterion.name)
                    .count("high", high)
                    .phrase(
                        "low_level",
                        Phrase::word(keys::WORD_LEVEL, low_level.as_str()),
                    )
                    .count("low", low),
            ));
        }
    }
}

/// `statement-unsigned`: a signatory has not signed a statement version agreed more than
/// 30 days before as-of. One alert per missing signature.
fn statement_unsigned(i: &AlertInputs, out: &mut Vec<Alert>) {
    let Some(statement) = &i.account.statement else {
        return;
    };
    let Some(date) = statement.date else { return };
    if !statement.tracks_signatures() || (i.as_of - date).num_days() <= SIGNATURE_DAYS {
        return;
    }
    for signatory in &statement.signatories {
        if statement.signed_by(&signatory.value, i.as_of) {
            continue;
        }
        let name = i
            .account
            .person(&signatory.value)
            .map_or(signatory.value.as_str(), |p| p.name.as_str());
        out.push(alert(
            AlertCode::StatementUnsigned,
            AlertSeverity::Medium,
            name,
            Phrase::new(keys::ALERT_MESSAGE_STATEMENT_UNSIGNED)
                .text("person", name)
                .count("version", statement.version.value)
                .text("date", date.to_string())
                .count("days", (i.as_of - date).num_days()),
        ));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analyze::analyze_account;

    #[test]
    fn codes_serialize_as_their_text_and_sort_by_it() {
        let mut texts = Vec::new();
        for code in AlertCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json.as_str(), Some(code.as_str()));
            texts.push(code.as_str());
        }
        let mut sorted = AlertCode::ALL.to_vec();
        sorted.sort();
        texts.sort_unstable();
        assert_eq!(sorted.iter().map(|c| c.as_str()).collect::<Vec<_>>(), texts);
    }
    use crate::model::AccountFile;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }
    fn config(extra: &str) -> Config {
        crate::yaml::parse(&format!("organisation: Acme\n{extra}")).unwrap()
    }
    /// Alerts of an account whose people are healthy unless `body` brings its own.
    fn alerts_of(config: &Config, body: &str, as_of: &str) -> Vec<Alert> {
        let text = format!("name: Test Co\nkind: customer\n{body}");
        let account = crate::yaml::parse(&text).unwrap();
        let file = AccountFile {
            id: "test".into(),
            path: "test.yaml".into(),
            source: text,
            account,
        };
        analyze_account(config, &file, d(as_of)).alerts
    }
    fn codes(alerts: &[Alert], code: &str) -> Vec<Alert> {
        alerts
            .iter()
            .filter(|a| a.code.as_str() == code)
            .cloned()
            .collect()
    }

    const PEOPLE: &str = "
people:
  - { id: dana, name: Dana, side: us, sponsor: true, covers: [raj] }
  - { id: raj, name: Raj, side: them, level: executive, sponsor: true }
  - { id: mia, name: Mia, side: them, level: manager }
";

    #[test]
    fn healthy_account_has_no_alerts() {
        let body = format!("{PEOPLE}since: 2026-01-01\nevents:\n  - {{ date: 2026-04-20, title: call }}\nreviews:\n  - {{ quarter: 2026-Q1 }}\n");
        assert_eq!(alerts_of(&config(""), &body, "2026-05-01"), vec![]);
    }

    #[test]
    fn milestone_overdue_severity_by_days_late() {
        let body = "goals:\n  - id: g\n    title: Goal\n    milestones:\n      - { title: today, due: 2026-05-01 }\n      - { title: thirty, due: 2026-04-01 }\n      - { title: thirty-one, due: 2026-03-31 }\n      - { title: done, due: 2026-01-01, done: 2026-02-01 }\n";
        let all = codes(
            &alerts_of(&config(""), body, "2026-05-01"),
            "milestone-overdue",
        );
        let got: Vec<(&str, AlertSeverity)> = all
            .iter()
            .map(|a| (a.subject.as_str(), a.severity))
            .collect();
        assert_eq!(
            got,
            vec![
                ("thirty-one", AlertSeverity::High),
                ("thirty", AlertSeverity::Medium)
            ]
        );
        assert_eq!(
            all[0].message.to_string(),
            "Milestone \"thirty-one\" of goal \"Goal\" was due on 2026-03-31 and is not done: 31 days late."
        );
    }

    #[test]
    fn commitment_overdue_is_high_when_ours() {
        let body = "commitments:\n  - { by: us, what: ours, made: 2026-01-01, due: 2026-04-30 }\n  - { by: them, what: theirs, made: 2026-01-01, due: 2026-04-30 }\n  - { by: us, what: due today, made: 2026-01-01, due: 2026-05-01 }\n  - { by: us, what: kept, made: 2026-01-01, due: 2026-01-02, status: kept }\n";
        let all = codes(
            &alerts_of(&config(""), body, "2026-05-01"),
            "commitment-overdue",
        );
        let got: Vec<(&str, AlertSeverity)> = all
            .iter()
            .map(|a| (a.subject.as_str(), a.severity))
            .collect();
        assert_eq!(
            got,
            vec![
                ("ours", AlertSeverity::High),
                ("theirs", AlertSeverity::Medium)
            ]
        );
        assert!(
            all[0].message.to_string().contains("1 day late"),
            "{}",
            all[0].message
        );
    }

    #[test]
    fn dispute_unescalated_after_the_threshold() {
        let body = "disputes:\n  - { id: at-limit, opened: 2026-01-31 }\n  - { id: over, opened: 2026-01-30, amount: 5 }\n  - { id: manager, opened: 2025-01-01, escalated_to: manager }\n  - { id: senior, opened: 2025-01-01, escalated_to: senior }\n  - { id: closed, opened: 2025-01-01, resolved: 2025-12-01 }\n";
        let all = codes(
            &alerts_of(&config(""), body, "2026-05-01"),
            "dispute-unescalated",
        );
        let got: Vec<&str> = all.iter().map(|a| a.subject.as_str()).collect();
        assert_eq!(got, vec!["manager", "over"]);
        assert!(
            all[0]
                .message
                .to_string()
                .contains("escalated only to manager level"),
            "{}",
            all[0].message
        );
        let fewer = codes(
            &alerts_of(&config("escalate_after_days: 200\n"), body, "2026-05-01"),
            "dispute-unescalated",
        );
        assert_eq!(fewer.len(), 1);
    }

    #[test]
    fn contact_alerts() {
        let none = alerts_of(&config(""), "", "2026-05-01");
        assert_eq!(codes(&none, "no-contacts").len(), 1);
        assert_eq!(codes(&none, "no-contacts")[0].severity, AlertSeverity::High);
        // Their side's no-sponsor and no-executive-contact are implied by no-contacts.
        let sponsors = codes(&none, "no-sponsor");
        assert_eq!(sponsors.len(), 1);
        assert_eq!(sponsors[0].subject, "Acme");
        assert!(codes(&none, "no-executive-contact").is_empty());

        let one = "people:\n  - { id: dana, name: Dana, side: us, covers: [raj] }\n  - { id: raj, name: Raj Patel, side: them, level: manager }\n";
        let all = alerts_of(&config(""), one, "2026-05-01");
        let single = codes(&all, "single-threaded");
        assert_eq!((single.len(), single[0].subject.as_str()), (1, "Raj Patel"));
        let sponsors = codes(&all, "no-sponsor");
        assert_eq!(
            sponsors
                .iter()
                .map(|a| a.subject.as_str())
                .collect::<Vec<_>>(),
            vec!["Acme", "Test Co"]
        );
        assert!(sponsors[1].message.to_string().contains("their side"));
        assert_eq!(codes(&all, "no-executive-contact").len(), 1);
        assert!(codes(&all, "no-contacts").is_empty());
    }

    #[test]
    fn stale_after_the_threshold_or_without_contact() {
        let body = |date: &str| format!("{PEOPLE}events:\n  - {{ date: {date}, title: call }}\n");
        // Exactly 90 days ago is not stale; 91 is.
        assert!(codes(
            &alerts_of(&config(""), &body("2026-01-31"), "2026-05-01"),
            "stale"
        )
        .is_empty());
        let stale = codes(
            &alerts_of(&config(""), &body("2026-01-30"), "2026-05-01"),
            "stale",
        );
        assert_eq!(
            stale[0].message.to_string(),
            "The last contact with Test Co was on 2026-01-30, 91 days ago (more than 90)."
        );
        assert_eq!(
            codes(&alerts_of(&config(""), PEOPLE, "2026-05-01"), "stale").len(),
            1
        );
    }

    #[test]
    fn review_overdue_only_for_accounts_that_existed() {
        let cfg = config("");
        // Q1 2026 ended 2026-03-31 without a review.
        assert_eq!(
            codes(
                &alerts_of(&cfg, "since: 2026-03-31\n", "2026-05-01"),
                "review-overdue"
            )
            .len(),
            1
        );
        assert!(codes(
            &alerts_of(&cfg, "since: 2026-04-01\n", "2026-05-01"),
            "review-overdue"
        )
        .is_empty());
        // Without `since`: the first dated entry decides.
        let event = "events:\n  - { date: 2026-02-01, title: first }\n";
        assert_eq!(
            codes(&alerts_of(&cfg, event, "2026-05-01"), "review-overdue").len(),
            1
        );
        let late = "commitments:\n  - { by: us, what: x, made: 2026-04-10 }\n";
        assert!(codes(&alerts_of(&cfg, late, "2026-05-01"), "review-overdue").is_empty());
        // Nothing dated at all: no alert.
        assert!(codes(&alerts_of(&cfg, "", "2026-05-01"), "review-overdue").is_empty());
        // Reviewed: no alert.
        let reviewed = "since: 2020-01-01\nreviews:\n  - { quarter: 2026-Q1 }\n";
        assert!(codes(&alerts_of(&cfg, reviewed, "2026-05-01"), "review-overdue").is_empty());
    }

    #[test]
    fn review_overdue_with_a_wrapping_fiscal_year() {
        // Fiscal year from October: on 2027-01-15 the last completed quarter is 2026-Q1
        // (2026-10-01..2026-12-31).
        let cfg = config("fiscal_year_start: 10\n");
        let all = codes(
            &alerts_of(&cfg, "since: 2026-12-31\n", "2027-01-15"),
            "review-overdue",
        );
        assert_eq!(
            all[0].message.to_string(),
            "Quarter 2026-Q1 ended on 2026-12-31 and Test Co has no review for it."
        );
        let reviewed = "since: 2026-12-31\nreviews:\n  - { quarter: 2026-Q1 }\n";
        assert!(codes(&alerts_of(&cfg, reviewed, "2027-01-15"), "review-overdue").is_empty());
    }

    #[test]
    fn scores_declining_needs_two_falls_in_a_row() {
        let body = "criteria:\n  - { id: r, name: Reliability }\n  - { id: p, name: Price }\nreviews:\n  - { quarter: 2025-Q3, scores: { r: 5, p: 4 } }\n  - { quarter: 2025-Q4, scores: { r: 4, p: 3 } }\n  - { quarter: 2026-Q2, scores: { r: 2 } }\n  - { quarter: 2026-Q1, scores: { r: 3, p: 3 } }\n";
        let all = codes(
            &alerts_of(&config(""), body, "2026-07-10"),
            "scores-declining",
        );
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].subject, "Reliability");
        assert_eq!(all[0].message.to_string(), "Reliability fell at each of the last two reviews: 4 in 2025-Q4, 3 in 2026-Q1, 2 in 2026-Q2.");
        // Before the 2026-Q2 review counts (it is a future quarter), r went 5, 4, 3: declining too.
        assert_eq!(
            codes(
                &alerts_of(&config(""), body, "2026-03-01"),
                "scores-declining"
            )
            .len(),
            1
        );
        // Only two scores: no alert.
        let two = "criteria:\n  - { id: r, name: R }\nreviews:\n  - { quarter: 2025-Q3, scores: { r: 5 } }\n  - { quarter: 2025-Q4, scores: { r: 4 } }\n";
        assert!(codes(
            &alerts_of(&config(""), two, "2026-03-01"),
            "scores-declining"
        )
        .is_empty());
    }

    #[test]
    fn counterpart_unwilling() {
        let all = alerts_of(
            &config(""),
            "value: { counterpart_wants: no }\n",
            "2026-05-01",
        );
        assert_eq!(
            codes(&all, "counterpart-unwilling")[0].severity,
            AlertSeverity::High
        );
        let all = alerts_of(
            &config(""),
            "value: { counterpart_wants: unknown }\n",
            "2026-05-01",
        );
        assert!(codes(&all, "counterpart-unwilling").is_empty());
    }

    #[test]
    fn alerts_sort_most_severe_first_then_code_then_subject() {
        let all = alerts_of(
            &config(""),
            "value: { counterpart_wants: no }\n",
            "2026-05-01",
        );
        let got: Vec<(AlertSeverity, &str)> =
            all.iter().map(|a| (a.severity, a.code.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (AlertSeverity::High, "counterpart-unwilling"),
                (AlertSeverity::High, "no-contacts"),
                (AlertSeverity::Medium, "no-sponsor"),
                (AlertSeverity::Medium, "stale"),
            ]
        );
        assert_eq!(serde_json::to_value(AlertSeverity::High).unwrap(), "high");
    }
}
