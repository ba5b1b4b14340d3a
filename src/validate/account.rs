//! The rules for one account file, section by section.

use super::{slug, Findings};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    Account, AccountFile, Commitment, CommitmentStatus, Person, PersonRef, Score, Side, Statement,
};
use crate::suggest::nearest;
use std::collections::BTreeMap;

/// Every problem in one account file.
pub(super) fn validate(file: &AccountFile) -> Vec<Diagnostic> {
    let mut f = Findings::new(&file.path, &file.source);
    let account = &file.account;
    account_id(&mut f, &file.id);
    // An account over a size limit is refused without running the rules below, some of
    // which compare the people or reviews with one another.
    if size_limits(&mut f, account) {
        return f.finish();
    }
    f.blank(
        &account.name,
        "name",
        "give the account the other company's name, e.g. `name: Northwind Supply Co.`",
    );
    let people = People::new(&account.people);
    owner(&mut f, account, &people);
    people_section(&mut f, account, &people);
    events(&mut f, account, &people);
    disputes(&mut f, account, &people);
    goals(&mut f, account, &people);
    commitments(&mut f, account);
    governance(&mut f, account, &people);
    criteria(&mut f, account);
    reviews(&mut f, account, &people);
    if let Some(statement) = &account.statement {
        statement_rules(&mut f, statement, &people);
    }
    if let Some(turnaround) = &account.turnaround {
        f.range(
            &turnaround.cycle,
            1..=i64::MAX,
            "turnaround.cycle",
            "turnaround `cycle` counts from 1",
            "cycle 1 is the first run through the seven steps; a new cycle starts after recognition",
        );
    }
    if let Some(amount) = account.value.as_ref().and_then(|v| v.annual_amount) {
        finite(&mut f, amount, "value.annual_amount");
    }
    f.finish()
}

/// The most people one account may list. The stakeholder matrix has a cell for each pair
/// of ours and theirs, so its size (and the page's) grows with the square of the people:
/// 20,000 people took 4.2 GB. docs/format.md lists the limit.
pub const MAX_PEOPLE: usize = 1_000;
/// The most reviews one account may hold: a century of quarterly reviews. Each review is a
/// page of its own, and 25,000 of them held gigabytes. docs/format.md lists the limit.
pub const MAX_REVIEWS: usize = 400;

/// Lists whose size the pages grow faster than, refused past their limit.
/// Returns whether any was exceeded.
fn size_limits(f: &mut Findings<'_>, account: &Account) -> bool {
    let mut exceeded = false;
    for (count, limit, path, what) in [
        (account.people.len(), MAX_PEOPLE, "people", "people"),
        (account.reviews.len(), MAX_REVIEWS, "reviews", "reviews"),
    ] {
        if count > limit {
            exceeded = true;
            f.push(
                f.error(
                    Code::AccountTooLarge,
                    path,
                    format!("the account lists {count} {what}, more than the limit of {limit}"),
                )
                .help(format!(
                    "an account may list at most {limit} {what} (docs/format.md, \"Limits\"); split it into several accounts or remove old entries"
                )),
            );
        }
    }
    exceeded
}

/// The account id is the file stem, so a bad id is fixed by renaming the file.
fn account_id(f: &mut Findings<'_>, id: &str) {
    if super::is_id(id) {
        return;
    }
    let help = match slug(id) {
        Some(slug) => format!("rename the file to `{slug}.yaml`: an account id uses lowercase letters, digits and dashes"),
        None => "rename the file: an account id uses lowercase letters, digits and dashes, e.g. `northwind-supply.yaml`"
            .to_string(),
    };
    let message = format!("file name `{id}` is not a valid account id");
    f.push(f.error(Code::InvalidId, "", message).help(help));
}

/// The largest amount, in either direction, that pages print digit for digit: beyond it an
/// `f64` no longer holds whole cents, and `1e308` would print as a 309-digit figure that
/// is not the number written. docs/format.md documents the range.
pub const MAX_AMOUNT: f64 = 1e15;

fn finite(f: &mut Findings<'_>, amount: f64, path: &str) {
    let field = crate::yaml::last_key(path).unwrap_or(path);
    if amount.is_finite() && amount.abs() > MAX_AMOUNT {
        f.push(
            f.error(
                Code::AmountOutOfRange,
                path,
                format!("`{field}` is {amount:e}, beyond the largest amount rapport prints exactly (10^15 either way)"),
            )
            .help("write the amount in the account's currency, at most 1000000000000000 (10^15) either way"),
        );
    }
    if !amount.is_finite() {
        f.push(
            f.error(
                Code::NonFiniteNumber,
                path,
                format!("`{field}` must be a finite number, not {amount}"),
            )
            .help("write the amount in digits, e.g. `340000`"),
        );
    }
}

/// The people of an account by id (the first of duplicates), for resolving references.
struct People<'a> {
    by_id: BTreeMap<&'a str, &'a Person>,
}

impl<'a> People<'a> {
    fn new(people: &'a [Person]) -> People<'a> {
        let mut by_id = BTreeMap::new();
        for person in people {
            by_id.entry(person.id.value.as_str()).or_insert(person);
        }
        People { by_id }
    }

    /// The person `reference` names, or an error naming the reference and the missing id.
    fn resolve(
        &self,
        f: &mut Findings<'_>,
        reference: &PersonRef,
        path: String,
        field: &str,
    ) -> Option<&'a Person> {
        let id = reference.value.as_str();
        if let Some(person) = self.by_id.get(id) {
            return Some(person);
        }
        let d = f.error(
            Code::DanglingReference,
            path,
            format!("unknown person `{id}` in `{field}`"),
        );
        f.push(d.at_location(&reference.referenced).help(self.hint(id)));
        None
    }

    fn hint(&self, id: &str) -> String {
        let ids: Vec<&str> = self.by_id.keys().copied().collect();
        if let Some(near) = nearest(id, &ids) {
            return format!("did you mean `{near}`?");
        }
        match ids.len() {
            0 => "this file lists no people: add them under `people:`".to_string(),
            1..=12 => format!("people in this file: {}", ids.join(", ")),
            n => format!(
                "people in this file: {}, and {} more",
                ids[..12].join(", "),
                n - 12
            ),
        }
    }
}

fn people_section(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    f.ids(account.people.iter().map(|p| &p.id), "people", "person");
    for (i, person) in account.people.iter().enumerate() {
        f.blank(
            &person.name,
            &format!("people[{i}].name"),
            "write the person's full name",
        );
        for (j, reference) in person.covers.iter().enumerate() {
            let path = format!("people[{i}].covers[{j}]");
            let Some(covered) = people.resolve(f, reference, path.clone(), "covers") else {
                continue;
            };
            if person.side == Side::Us && covered.side == Side::Us {
                let d = f.warning(
                    Code::WrongSide,
                    path,
                    format!(
                        "`{}` covers `{}`, who is on our side",
                        person.id.value, covered.id.value
                    ),
                );
                f.push(d.at_location(&reference.referenced).help(
                    "`covers` lists the people of the other company (`side: them`) this person holds the relationship with",
                ));
            }
        }
        if person.side == Side::Them && !person.covers.is_empty() {
            let d = f.warning(
                Code::WrongSide,
                format!("people[{i}].covers"),
                format!("`{}` is on their side, but has `covers`", person.id.value),
            );
            f.push(d.at_location(&person.covers[0].referenced).help(
                "`covers` belongs to our people (`side: us`): list this person in the `covers` of whoever of ours holds the relationship",
            ));
        }
    }
}

fn owner(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    let Some(reference) = &account.owner else {
        return;
    };
    let Some(person) = people.resolve(f, reference, "owner".to_string(), "owner") else {
        return;
    };
    if person.side != Side::Us {
        let ours: Vec<&str> = people
            .by_id
            .values()
            .filter(|p| p.side == Side::Us)
            .map(|p| p.id.value.as_str())
            .collect();
        let help = if ours.is_empty() {
            "the owner is our relationship owner: add our people (`side: us`) under `people:` and name one here".to_string()
        } else {
            format!(
                "the owner is our relationship owner, a person with `side: us`: {}",
                ours.join(", ")
            )
        };
        let d = f.error(
            Code::WrongSide,
            "owner",
            format!("owner `{}` is on their side, not ours", person.id.value),
        );
        f.push(d.at_location(&reference.referenced).help(help));
    }
}

fn events(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    for (i, event) in account.events.iter().enumerate() {
        f.blank(
            &event.title,
            &format!("events[{i}].title"),
            "say in a few words what happened",
        );
        for (j, r) in event.people.iter().enumerate() {
            people.resolve(f, r, format!("events[{i}].people[{j}]"), "people");
        }
    }
}

fn disputes(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    f.ids(
        account.disputes.iter().map(|d| &d.id),
        "disputes",
        "dispute",
    );
    for (i, dispute) in account.disputes.iter().enumerate() {
        if let Some(owner) = &dispute.owner {
            people.resolve(f, owner, format!("disputes[{i}].owner"), "owner");
        }
        if let Some(amount) = dispute.amount {
            finite(f, amount, &format!("disputes[{i}].amount"));
        }
        if let Some(resolved) = dispute.resolved.filter(|r| *r < dispute.opened) {
            let d = f.warning(
                Code::DatesOutOfOrder,
                format!("disputes[{i}].resolved"),
                format!(
                    "dispute `{}` is resolved ({resolved}) before it was opened ({})",
                    dispute.id.value, dispute.opened
                ),
            );
            f.push(d.help("check the two dates: `resolved` should be on or after `opened`"));
        }
    }
}

fn goals(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    f.ids(account.goals.iter().map(|g| &g.id), "goals", "goal");
    for (i, goal) in account.goals.iter().enumerate() {
        for (j, r) in goal.owners.iter().enumerate() {
            people.resolve(f, r, format!("goals[{i}].owners[{j}]"), "owners");
        }
        for (j, milestone) in goal.milestones.iter().enumerate() {
            f.blank(
                &milestone.title,
                &format!("goals[{i}].milestones[{j}].title"),
                "say what will be done by the due date",
            );
        }
    }
}

fn commitments(f: &mut Findings<'_>, account: &Account) {
    for (i, commitment) in account.commitments.iter().enumerate() {
        f.blank(
            &commitment.what,
            &format!("commitments[{i}].what"),
            "write what was promised, in one sentence",
        );
        closed_date(f, commitment, i);
        if let Some(due) = commitment.due.filter(|due| *due < commitment.made) {
            let d = f.warning(
                Code::DatesOutOfOrder,
                format!("commitments[{i}].due"),
                format!(
                    "commitment is due ({due}) before it was made ({})",
                    commitment.made
                ),
            );
            f.push(d.help("check the two dates: `due` should be on or after `made`"));
        }
    }
}

/// `closed` is the date a commitment stopped being open: not on an open commitment, and
/// not before it was made.
fn closed_date(f: &mut Findings<'_>, commitment: &Commitment, i: usize) {
    let Some(closed) = commitment.closed else {
        return;
    };
    let path = format!("commitments[{i}].closed");
    if commitment.status == CommitmentStatus::Open {
        let d = f.error(
            Code::ClosedWhileOpen,
            path,
            format!("`closed: {closed}` on a commitment whose status is open"),
        );
        f.push(d.help(
            "`closed` is the date it became kept, broken or withdrawn: set `status` to that outcome, or remove `closed`",
        ));
    } else if closed < commitment.made {
        let d = f.error(
            Code::DatesOutOfOrder,
            path,
            format!(
                "the commitment is closed ({closed}) before it was made ({})",
                commitment.made
            ),
        );
        f.push(d.help("check the two dates: `closed` is on or after `made`"));
    }
}

/// Signatories are people of the file; each signature is one of the signatories'; the
/// version counts from 1.
fn statement_rules(f: &mut Findings<'_>, statement: &Statement, people: &People<'_>) {
    for (i, r) in statement.signatories.iter().enumerate() {
        people.resolve(f, r, format!("statement.signatories[{i}]"), "signatories");
    }
    f.range(
        &statement.version,
        1..=i64::MAX,
        "statement.version",
        "the statement's `version` counts from 1",
        "version 1 is the first agreed text; raise it each time the statement is amended",
    );
    let signatories: Vec<&str> = statement
        .signatories
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    for (i, signature) in statement.signatures().iter().enumerate() {
        let id = signature.person.value.as_str();
        if let Some(date) = statement.date.filter(|d| signature.date < *d) {
            let d = f.warning(
                Code::SignatureBeforeVersion,
                format!("statement.signed[{i}].date"),
                format!(
                    "`{id}` signed on {}, before this version was agreed ({date}): the signature does not count for it",
                    signature.date
                ),
            );
            f.push(d.help("after raising `version`, remove the signatures of the earlier version and record the new ones"));
        }
        if statement.signatures()[..i]
            .iter()
            .any(|s| s.person.value == id)
        {
            let d = f.warning(
                Code::DuplicateSignature,
                format!("statement.signed[{i}].person"),
                format!("`{id}` is listed in `signed` twice"),
            );
            f.push(
                d.at_location(&signature.person.referenced)
                    .help("keep one signature per person"),
            );
        }
        if signatories.contains(&id) {
            continue;
        }
        let d = f.error(
            Code::SignerNotSignatory,
            format!("statement.signed[{i}].person"),
            format!("`{id}` signed the statement but is not among its signatories"),
        );
        let help = match nearest(id, &signatories) {
            Some(near) => format!("did you mean `{near}`? Or add `{id}` to `signatories`"),
            None if signatories.is_empty() => {
                format!("the statement names no signatories: add `signatories: [{id}]`")
            }
            None => format!(
                "the signatories are {}; add `{id}` to them if they sign too",
                signatories.join(", ")
            ),
        };
        f.push(d.at_location(&signature.person.referenced).help(help));
    }
}

fn governance(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    for (i, committee) in account.governance.iter().enumerate() {
        f.blank(
            &committee.name,
            &format!("governance[{i}].name"),
            "name the committee, e.g. `Joint steering committee`",
        );
        for (j, r) in committee.members.iter().enumerate() {
            people.resolve(f, r, format!("governance[{i}].members[{j}]"), "members");
        }
    }
}

fn criteria(f: &mut Findings<'_>, account: &Account) {
    f.ids(
        account.criteria.iter().map(|c| &c.id),
        "criteria",
        "criterion",
    );
    for (i, criterion) in account.criteria.iter().enumerate() {
        f.blank(
            &criterion.name,
            &format!("criteria[{i}].name"),
            "write the criterion's name, e.g. `Reliability`",
        );
        f.range(
            &criterion.weight,
            1..=5,
            &format!("criteria[{i}].weight"),
            &format!(
                "weight of criterion `{}` must be from 1 to 5",
                criterion.id.value
            ),
            "a weight ranks a criterion's importance from 1 (least) to 5 (most)",
        );
    }
}

fn reviews(f: &mut Findings<'_>, account: &Account, people: &People<'_>) {
    let criteria: Vec<&str> = account
        .criteria
        .iter()
        .map(|c| c.id.value.as_str())
        .collect();
    for (i, review) in account.reviews.iter().enumerate() {
        if let Some((first, earlier)) = account.reviews[..i]
            .iter()
            .enumerate()
            .find(|(_, r)| r.quarter.value == review.quarter.value)
        {
            let line = earlier.quarter.referenced.line();
            let d = f.error(
                Code::DuplicateReview,
                format!("reviews[{i}].quarter"),
                format!("a second review for {}", review.quarter.value),
            );
            f.push(d.at_location(&review.quarter.referenced).help(format!(
                "reviews[{first}] at line {line} is already for {}: each quarter has one review pack, so merge the two",
                review.quarter.value
            )));
        }
        for (j, r) in review.attendees.iter().enumerate() {
            people.resolve(f, r, format!("reviews[{i}].attendees[{j}]"), "attendees");
        }
        for (j, action) in review.actions.iter().enumerate() {
            f.blank(
                &action.what,
                &format!("reviews[{i}].actions[{j}].what"),
                "write what will be done, e.g. `Send the revised surcharge policy`",
            );
            if let Some(owner) = &action.owner {
                people.resolve(
                    f,
                    owner,
                    format!("reviews[{i}].actions[{j}].owner"),
                    "owner",
                );
            }
        }
        for (key, score) in &review.scores {
            let path = format!("reviews[{i}].scores.{key}");
            if !criteria.contains(&key.as_str()) {
                let d = f.error(
                    Code::DanglingReference,
                    path.clone(),
                    format!("unknown criterion `{key}` in `scores`"),
                );
                f.push(
                    d.at_location(&score.referenced)
                        .help(criterion_hint(key, &criteria)),
                );
            }
            let help = "scores run from 1 (poor) to 5 (excellent)";
            match &score.value {
                Score::Single(n) if !(1..=5).contains(n) => {
                    let d = f.error(
                        Code::OutOfRange,
                        path,
                        format!("score for `{key}` must be from 1 to 5, not {n}"),
                    );
                    f.push(d.at_location(&score.referenced).help(help));
                }
                Score::Single(_) => {}
                Score::ByLevel(levels) => {
                    for (level, n) in levels.iter().filter(|(_, n)| !(1..=5).contains(*n)) {
                        let d = f.error(
                            Code::OutOfRange,
                            format!("{path}.{level}"),
                            format!("score for `{key}` by the {level} level must be from 1 to 5, not {n}"),
                        );
                        f.push(d.help(help));
                    }
                }
            }
        }
    }
}

fn criterion_hint(key: &str, criteria: &[&str]) -> String {
    if let Some(near) = nearest(key, criteria) {
        return format!("did you mean `{near}`?");
    }
    if criteria.is_empty() {
        "this file defines no criteria: add them under `criteria:` to score them".to_string()
    } else {
        format!("criteria in this file: {}", criteria.join(", "))
    }
}
