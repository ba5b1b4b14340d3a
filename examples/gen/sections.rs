//! The sections of a generated account after its people: events, disputes, goals with
//! milestones, commitments, governance, criteria, quarterly reviews and the statement.

use super::account::{
    days_after, days_before, ours, quarter_label, quarter_start, some_people, theirs, Person,
    CURRENCIES, LEVELS,
};
use super::rng::Rng;
use super::text::{self, Writer};
use super::yaml::Doc;
use chrono::{Datelike, NaiveDate};

const EVENT_KINDS: &[&str] = &[
    "meeting",
    "dispute",
    "bid",
    "escalation",
    "personnel",
    "market",
    "delivery",
    "recognition",
    "note",
];
/// Criteria to choose from: id, name, and illustrations (internal texts).
const CRITERIA: &[(&str, &str, [&str; 2])] = &[
    (
        "reliability",
        "Reliability",
        [
            "no rumour of slipped dates",
            "plans hold without backchannel calls",
        ],
    ),
    (
        "professionalism",
        "Professionalism",
        [
            "nobody gets defensive in reviews",
            "no politics in escalations",
        ],
    ),
    (
        "innovativeness",
        "Innovativeness",
        ["ideas offered, never hesitant", "never complacent on cost"],
    ),
    (
        "responsiveness",
        "Responsiveness",
        [
            "answers before anyone is irritated",
            "no frustration over callbacks",
        ],
    ),
    (
        "transparency",
        "Transparency",
        ["nothing kept quietly from us", "candidly shared bad news"],
    ),
    (
        "pricing-accuracy",
        "Pricing accuracy",
        ["invoices match, no grudge", "no mistrust over rebates"],
    ),
    (
        "quality",
        "Quality",
        ["fewer nervous audits", "no uneasy sign-offs"],
    ),
    (
        "partnership",
        "Partnership",
        ["no favouritism between sites", "sponsors never distracted"],
    ),
];

/// Joint committees to choose from, with their usual cadence.
const COMMITTEES: &[(&str, &str)] = &[
    ("Joint steering committee", "quarterly"),
    ("Quarterly business review", "quarterly"),
    ("Operations working group", "weekly"),
    ("Quality council", "monthly"),
    ("Executive forum", "yearly"),
    ("Joint dispute team", "ad-hoc"),
    ("Annual planning meeting", "yearly"),
];

const BEHAVIOURS: &[&str] = &[
    "Pay undisputed invoice lines on time",
    "Share the volume forecast every month",
    "Raise problems early and at the right level",
    "Announce price changes well in advance",
    "Name one contact for all product lines",
    "Answer quality claims within five working days",
    "Invite the other side to the annual planning meeting",
    "Keep the joint roadmap up to date",
];

/// Twenty events over the reviewed quarters, oldest first; a few accounts have gone quiet
/// (stale) for months before the anchor.
pub(super) fn events(
    doc: &mut Doc,
    rng: &mut Rng,
    w: &mut Writer<'_>,
    people: &[Person],
    first_reviewed: NaiveDate,
    anchor: NaiveDate,
) {
    let start = days_before(first_reviewed, 60);
    let last = if rng.chance(8) {
        days_before(anchor, rng.range(100, 200))
    } else {
        days_before(anchor, rng.range(1, 45))
    };
    let span = (last - start).num_days().max(1);
    let mut dates: Vec<NaiveDate> = (0..19)
        .map(|_| days_after(start, rng.range(0, span)))
        .collect();
    dates.push(last);
    dates.sort();
    doc.open(0, "events");
    for date in dates {
        let shared = rng.chance(35);
        doc.item_raw(2, "date", date);
        if rng.chance(95) {
            doc.raw(4, "kind", rng.pick(EVENT_KINDS));
        }
        let title = if shared {
            w.shared_title()
        } else {
            w.internal_title()
        };
        doc.text(4, "title", &title);
        if rng.chance(90) {
            doc.raw(
                4,
                "sentiment",
                rng.pick(&["positive", "neutral", "negative"]),
            );
        }
        if rng.chance(60) {
            let who = some_people(rng, people, 1, 2);
            doc.ids(4, "people", &who);
        }
        if rng.chance(40) {
            let note = if shared {
                w.shared_note(false)
            } else {
                w.internal_note(false)
            };
            doc.text(4, "note", &note);
        }
        if shared {
            doc.raw(4, "visibility", "shared");
        } else if rng.chance(20) {
            doc.raw(4, "visibility", "internal");
        }
    }
}

pub(super) fn disputes(
    doc: &mut Doc,
    rng: &mut Rng,
    w: &mut Writer<'_>,
    people: &[Person],
    anchor: NaiveDate,
) {
    let n = rng.below(4);
    if n == 0 {
        return;
    }
    doc.open(0, "disputes");
    for k in 0..n {
        let opened = days_before(anchor, rng.range(30, 1200));
        let shared = rng.chance(40);
        doc.item_raw(2, "id", format!("dispute-{}-{}", opened.year(), k + 1));
        let title = if shared {
            w.shared_title()
        } else {
            w.internal_title()
        };
        doc.text(4, "title", &title);
        doc.raw(4, "opened", opened);
        if rng.chance(50) {
            let resolved = days_after(opened, rng.range(10, 400)).min(anchor);
            doc.raw(4, "resolved", resolved);
        }
        let thousands = rng.range(10, 900);
        let amount = if shared {
            thousands * 1000 + 500
        } else {
            thousands * 1000
        };
        doc.raw(4, "amount", amount);
        doc.raw(4, "currency", rng.pick(CURRENCIES));
        if rng.chance(60) {
            doc.raw(4, "escalated_to", rng.pick(LEVELS));
        }
        doc.raw(4, "owner", ours(rng, people));
        let note = if shared {
            w.shared_note(false)
        } else {
            w.internal_note(false)
        };
        doc.text(4, "note", &note);
        doc.raw(4, "visibility", if shared { "shared" } else { "internal" });
    }
}

pub(super) fn goals(
    doc: &mut Doc,
    rng: &mut Rng,
    w: &mut Writer<'_>,
    people: &[Person],
    anchor: NaiveDate,
) {
    doc.open(0, "goals");
    for k in 0..8 {
        let shared = rng.chance(80);
        doc.item_raw(2, "id", format!("goal-{}-{}", k + 1, rng.pick(text::NOUNS)));
        let title = if shared {
            w.shared_title()
        } else {
            w.internal_title()
        };
        doc.text(4, "title", &title);
        let mut owners = vec![ours(rng, people)];
        if rng.chance(85) {
            owners.push(theirs(rng, people));
        }
        doc.ids(4, "owners", &owners);
        if rng.chance(30) {
            let note = if shared {
                w.shared_note(false)
            } else {
                w.internal_note(false)
            };
            doc.text(4, "note", &note);
        }
        if !shared {
            doc.raw(4, "visibility", "internal");
        } else if rng.chance(20) {
            doc.raw(4, "visibility", "shared");
        }
        let mut dues: Vec<NaiveDate> = (0..1 + rng.below(2))
            .map(|_| days_before(anchor, rng.range(-300, 540)))
            .collect();
        dues.sort();
        doc.open(4, "milestones");
        for due in dues {
            let title = if shared {
                w.shared_title()
            } else {
                w.internal_title()
            };
            doc.item_text(6, "title", &title);
            doc.raw(8, "due", due);
            let done = if due < anchor {
                rng.chance(70)
                    .then(|| days_after(due, rng.range(-30, 30)).min(days_before(anchor, 1)))
            } else {
                rng.chance(15)
                    .then(|| days_before(anchor, rng.range(1, 60)))
            };
            if let Some(done) = done {
                doc.raw(8, "done", done);
            }
        }
    }
}

pub(super) fn commitments(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, anchor: NaiveDate) {
    // Every status at least once, then four more at random, in random order.
    let mut statuses = vec!["open", "kept", "broken", "withdrawn"];
    for _ in 0..4 {
        statuses.push(rng.pick(&["open", "open", "kept", "kept", "broken", "withdrawn"]));
    }
    for i in (1..statuses.len()).rev() {
        statuses.swap(i, rng.below(i + 1));
    }
    doc.open(0, "commitments");
    for status in statuses {
        let shared = rng.chance(80);
        doc.item_raw(2, "by", rng.pick(&["us", "them", "both"]));
        let what = if shared {
            w.promise()
        } else {
            w.internal_title()
        };
        doc.text(4, "what", &what);
        let made = days_before(anchor, rng.range(30, 700));
        doc.raw(4, "made", made);
        if rng.chance(60) {
            doc.raw(4, "due", days_after(made, rng.range(30, 300)));
        }
        if status != "open" || rng.chance(50) {
            doc.raw(4, "status", status);
        }
        if rng.chance(50) {
            let evidence = if shared {
                w.shared_line()
            } else {
                w.internal_line()
            };
            doc.text(4, "evidence", &evidence);
        }
        if !shared {
            doc.raw(4, "visibility", "internal");
        } else if rng.chance(20) {
            doc.raw(4, "visibility", "shared");
        }
    }
}

pub(super) fn governance(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, people: &[Person]) {
    let n = 2 + rng.below(3);
    let picks = rng.sample(COMMITTEES.len(), n);
    doc.open(0, "governance");
    for k in picks {
        let (name, cadence) = COMMITTEES[k];
        // One committee in seven is our own side's internal forum about the account.
        let shared = rng.chance(85);
        let name = if shared {
            name.to_string()
        } else {
            format!(
                "{} sponsor call",
                text::capitalise(rng.pick(text::INTERNAL_NOUN))
            )
        };
        doc.item_text(2, "name", &name);
        doc.raw(4, "cadence", cadence);
        let members = some_people(rng, people, 2, 4);
        doc.ids(4, "members", &members);
        let purpose = if shared {
            w.shared_note(false)
        } else {
            w.internal_note(false)
        };
        doc.text(4, "purpose", &purpose);
        if !shared {
            doc.raw(4, "visibility", "internal");
        }
    }
}

pub(super) fn criteria(doc: &mut Doc, rng: &mut Rng) -> Vec<&'static str> {
    let picks = rng.sample(CRITERIA.len(), 4);
    doc.open(0, "criteria");
    let mut ids = Vec::with_capacity(4);
    for k in picks {
        let (id, name, illustrations) = &CRITERIA[k];
        doc.item_raw(2, "id", id);
        doc.text(4, "name", name);
        doc.raw(4, "weight", rng.range(1, 5));
        let n = 1 + rng.below(2);
        let items: Vec<String> = illustrations[..n].iter().map(|s| s.to_string()).collect();
        doc.texts(4, "illustrations", &items);
        ids.push(*id);
    }
    ids
}

pub(super) fn reviews(
    doc: &mut Doc,
    rng: &mut Rng,
    w: &mut Writer<'_>,
    people: &[Person],
    criteria: &[&str],
    current_quarter: i32,
    anchor: NaiveDate,
) {
    let mut scores: Vec<i64> = criteria.iter().map(|_| rng.range(1, 5)).collect();
    doc.open(0, "reviews");
    for back in (1..=8).rev() {
        let q = current_quarter - back;
        let end = days_before(quarter_start(q + 1), 1);
        doc.item_raw(2, "quarter", quarter_label(q));
        doc.raw(
            4,
            "date",
            days_after(end, rng.range(5, 25)).min(days_before(anchor, 1)),
        );
        let attendees = some_people(rng, people, 2, 3);
        doc.ids(4, "attendees", &attendees);
        // Scores drift by at most one step a quarter, as real scorecards do.
        for s in scores.iter_mut() {
            *s = (*s + rng.range(-1, 1)).clamp(1, 5);
        }
        let skip = rng.chance(10).then(|| rng.below(criteria.len()));
        let pairs: Vec<String> = criteria
            .iter()
            .zip(&scores)
            .enumerate()
            .filter(|(k, _)| Some(*k) != skip)
            .map(|(_, (c, s))| format!("{c}: {s}"))
            .collect();
        doc.raw(4, "scores", format!("{{ {} }}", pairs.join(", ")));
        let lines = |w: &mut Writer<'_>, n: usize| -> Vec<String> {
            (0..n).map(|_| w.internal_line()).collect()
        };
        let successes = lines(w, 1 + usize::from(rng.chance(20)));
        doc.texts(4, "successes", &successes);
        if rng.chance(50) {
            let failures = lines(w, 1);
            doc.texts(4, "failures", &failures);
        }
        if rng.chance(25) {
            let recognition = lines(w, 1);
            doc.texts(4, "recognition", &recognition);
        }
        let next_steps = lines(w, 1 + usize::from(rng.chance(20)));
        doc.texts(4, "next_steps", &next_steps);
        if rng.chance(50) {
            let summary = w.internal_note(rng.chance(20));
            doc.text(4, "summary", &summary);
        }
        if rng.chance(60) {
            let shared_summary = w.shared_note(rng.chance(15));
            doc.text(4, "shared_summary", &shared_summary);
        }
    }
}

pub(super) fn statement(
    doc: &mut Doc,
    rng: &mut Rng,
    w: &mut Writer<'_>,
    people: &[Person],
    short: &str,
    anchor: NaiveDate,
) {
    if !rng.chance(85) {
        return;
    }
    doc.open(0, "statement");
    let title = match rng.below(3) {
        0 => format!("A new course for {short} and Acme"),
        1 => format!("Working together: {short} and Acme Components"),
        _ => format!("Joint commitments of {short} and Acme, {}", anchor.year()),
    };
    doc.text(2, "title", &title);
    doc.raw(2, "date", days_before(anchor, rng.range(100, 700)));
    let vision = w.shared_note(true);
    doc.text(2, "vision", &vision);
    doc.open(2, "behaviours");
    for side in ["us", "them"] {
        let n = 2 + rng.below(2);
        let picks = rng.sample(BEHAVIOURS.len(), n);
        let items: Vec<String> = picks.iter().map(|&k| BEHAVIOURS[k].to_string()).collect();
        doc.texts(4, side, &items);
    }
    let mut signatories = vec![ours(rng, people), theirs(rng, people)];
    if rng.chance(50) {
        for p in people
            .iter()
            .filter(|p| p.level == "executive" || p.level == "senior")
        {
            if !signatories.contains(&p.id.as_str()) {
                signatories.push(&p.id);
            }
        }
    }
    doc.ids(2, "signatories", &signatories);
}
