//! Sorts every text and amount of an account into internal (never in shared output) and
//! shared (may be shown to the other company).
//!
//! Which fields are internal is decided by exhaustive destructuring of the model: adding a
//! field to an account type does not compile until this file says who may see it.

use crate::format;
use crate::model::{
    Account, Action, Behaviours, Commitment, Committee, Criterion, Dispute, Event, Goal, Milestone,
    Person, Review, Statement, Turnaround, Value, Visibility,
};

/// The texts of one account sorted by who may see them.
#[derive(Debug, Default)]
pub struct Classified {
    /// (field path, text) pairs that must never appear in shared output.
    pub internal: Vec<(String, String)>,
    /// (field path, amount) pairs that must never appear in shared output.
    pub internal_amounts: Vec<(String, f64)>,
    /// Texts that may be shared: an internal phrase that also appears here is not a leak.
    pub shared: Vec<String>,
}

impl Classified {
    fn by_visibility(&mut self, visibility: Visibility, field: String, text: &str) {
        match visibility {
            Visibility::Internal => self.internal.push((field, text.to_string())),
            Visibility::Shared => self.shared.push(text.to_string()),
        }
    }
    fn opt(&mut self, visibility: Visibility, field: String, text: &Option<String>) {
        if let Some(text) = text {
            self.by_visibility(visibility, field, text);
        }
    }
    fn list(&mut self, visibility: Visibility, field: &str, texts: &[String]) {
        for (i, text) in texts.iter().enumerate() {
            self.by_visibility(visibility, format!("{field}[{i}]"), text);
        }
    }
}

use Visibility::{Internal, Shared};

/// Sorts every text of an account into internal and shareable.
pub fn classify(account: &Account) -> Classified {
    let Account {
        name,
        language: _,
        kind: _,
        owner: _,
        since: _,
        stage: _,
        turnaround,
        value,
        people,
        events,
        disputes,
        goals,
        commitments,
        governance,
        criteria,
        reviews,
        statement,
    } = account;
    let mut c = Classified::default();
    c.shared.push(name.clone());
    if let Some(t) = turnaround {
        turnaround_texts(&mut c, t);
    }
    if let Some(v) = value {
        value_texts(&mut c, v);
    }
    for (i, p) in people.iter().enumerate() {
        person_texts(&mut c, i, p);
    }
    for (i, e) in events.iter().enumerate() {
        event_texts(&mut c, i, e);
    }
    for (i, d) in disputes.iter().enumerate() {
        dispute_texts(&mut c, i, d);
    }
    for (i, g) in goals.iter().enumerate() {
        goal_texts(&mut c, i, g);
    }
    for (i, x) in commitments.iter().enumerate() {
        commitment_texts(&mut c, i, x);
    }
    for (i, x) in governance.iter().enumerate() {
        committee_texts(&mut c, i, x);
    }
    for (i, x) in criteria.iter().enumerate() {
        criterion_texts(&mut c, i, x);
    }
    for (i, r) in reviews.iter().enumerate() {
        review_texts(&mut c, i, r);
    }
    if let Some(s) = statement {
        statement_texts(&mut c, s);
    }
    c
}

/// The turnaround is our own assessment of where the relationship stands.
fn turnaround_texts(c: &mut Classified, t: &Turnaround) {
    let Turnaround {
        step: _,
        started: _,
        cycle: _,
        evidence,
    } = t;
    for (step, text) in evidence {
        c.internal
            .push((format!("turnaround.evidence.{step}"), text.clone()));
    }
}

fn value_texts(c: &mut Classified, v: &Value) {
    let Value {
        annual_amount,
        currency: _,
        need: _,
        want: _,
        counterpart_wants: _,
        alternatives,
        impact_of_loss,
    } = v;
    if let Some(amount) = annual_amount {
        c.internal_amounts
            .push(("value.annual_amount".into(), *amount));
    }
    c.opt(Internal, "value.alternatives".into(), alternatives);
    c.opt(Internal, "value.impact_of_loss".into(), impact_of_loss);
}

fn person_texts(c: &mut Classified, i: usize, p: &Person) {
    let Person {
        id: _,
        name,
        side: _,
        role,
        level: _,
        sponsor: _,
        decision_maker: _,
        covers: _,
        assets,
        liabilities,
        notes,
    } = p;
    c.shared.push(name.clone());
    c.shared.extend(role.iter().cloned());
    c.list(Internal, &format!("people[{i}].assets"), assets);
    c.list(Internal, &format!("people[{i}].liabilities"), liabilities);
    c.opt(Internal, format!("people[{i}].notes"), notes);
}

fn event_texts(c: &mut Classified, i: usize, e: &Event) {
    let Event {
        date: _,
        kind: _,
        title,
        sentiment: _,
        people: _,
        note,
        visibility,
    } = e;
    c.by_visibility(*visibility, format!("events[{i}].title"), title);
    c.opt(*visibility, format!("events[{i}].note"), note);
}

fn dispute_texts(c: &mut Classified, i: usize, d: &Dispute) {
    let Dispute {
        id: _,
        title,
        opened: _,
        resolved: _,
        amount,
        currency: _,
        escalated_to: _,
        owner: _,
        note,
        visibility,
    } = d;
    c.opt(*visibility, format!("disputes[{i}].title"), title);
    c.opt(*visibility, format!("disputes[{i}].note"), note);
    if let Some(amount) = amount {
        match visibility {
            Internal => c
                .internal_amounts
                .push((format!("disputes[{i}].amount"), *amount)),
            Shared => c.shared.push(format::amount(*amount)),
        }
    }
}

fn goal_texts(c: &mut Classified, i: usize, g: &Goal) {
    let Goal {
        id: _,
        title,
        owners: _,
        note,
        visibility,
        milestones,
    } = g;
    c.opt(*visibility, format!("goals[{i}].title"), title);
    c.opt(*visibility, format!("goals[{i}].note"), note);
    for (j, m) in milestones.iter().enumerate() {
        let Milestone {
            title,
            due: _,
            done: _,
        } = m;
        c.by_visibility(
            *visibility,
            format!("goals[{i}].milestones[{j}].title"),
            title,
        );
    }
}

fn commitment_texts(c: &mut Classified, i: usize, x: &Commitment) {
    let Commitment {
        by: _,
        what,
        made: _,
        due: _,
        status: _,
        evidence,
        visibility,
        closed: _,
        status_committed: _,
    } = x;
    c.by_visibility(*visibility, format!("commitments[{i}].what"), what);
    c.opt(*visibility, format!("commitments[{i}].evidence"), evidence);
}

fn committee_texts(c: &mut Classified, i: usize, x: &Committee) {
    let Committee {
        name,
        cadence: _,
        members: _,
        purpose,
        visibility,
    } = x;
    c.by_visibility(*visibility, format!("governance[{i}].name"), name);
    c.opt(*visibility, format!("governance[{i}].purpose"), purpose);
}

/// Criteria and scores are how we judge ourselves: internal, but their names are common
/// words ("Reliability"), so only the illustrations are guarded.
fn criterion_texts(c: &mut Classified, i: usize, x: &Criterion) {
    let Criterion {
        id: _,
        name: _,
        weight: _,
        illustrations,
    } = x;
    c.list(
        Internal,
        &format!("criteria[{i}].illustrations"),
        illustrations,
    );
}

fn review_texts(c: &mut Classified, i: usize, r: &Review) {
    let Review {
        quarter: _,
        date: _,
        attendees: _,
        scores: _,
        successes,
        failures,
        recognition,
        next_steps,
        summary,
        shared_summary,
        actions,
    } = r;
    c.list(Internal, &format!("reviews[{i}].successes"), successes);
    c.list(Internal, &format!("reviews[{i}].failures"), failures);
    c.list(Internal, &format!("reviews[{i}].recognition"), recognition);
    c.list(Internal, &format!("reviews[{i}].next_steps"), next_steps);
    c.opt(Internal, format!("reviews[{i}].summary"), summary);
    c.opt(
        Shared,
        format!("reviews[{i}].shared_summary"),
        shared_summary,
    );
    for (j, action) in actions.iter().enumerate() {
        let Action {
            what,
            owner: _,
            due: _,
            done: _,
            visibility,
        } = action;
        c.by_visibility(*visibility, format!("reviews[{i}].actions[{j}].what"), what);
    }
}

fn statement_texts(c: &mut Classified, s: &Statement) {
    let Statement {
        title,
        date: _,
        vision,
        behaviours,
        signatories: _,
        version: _,
        signed: _,
    } = s;
    let Behaviours { us, them } = behaviours;
    c.shared.extend(title.iter().cloned());
    c.shared.extend(vision.iter().cloned());
    c.shared.extend(us.iter().cloned());
    c.shared.extend(them.iter().cloned());
}
