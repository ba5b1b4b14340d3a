//! One generated account file: every section of the format, sized like a real account
//! (10 people, 20 events, 8 goals with milestones, 8 commitments of every status, 4
//! criteria, 8 quarterly reviews), with dates relative to the anchor date.

use super::rng::Rng;
use super::text::{self, Writer};
use super::yaml::Doc;
use chrono::{Datelike, Days, NaiveDate};

/// One account file: its id (the file stem) and its YAML text.
pub struct GeneratedAccount {
    pub id: String,
    pub yaml: String,
}

struct Person {
    id: String,
    first: String,
    name: String,
    us: bool,
    level: &'static str,
}

const STEPS: &[&str] = &[
    "insight",
    "needs",
    "ownership",
    "vision",
    "action",
    "trust",
    "recognition",
];
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
const LEVELS: &[&str] = &["executive", "senior", "manager", "operational"];
const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "CHF"];

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

fn days_before(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_sub_days(Days::new(days as u64))
            .unwrap_or(date)
    } else {
        date.checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap_or(date)
    }
}

fn days_after(date: NaiveDate, days: i64) -> NaiveDate {
    days_before(date, -days)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// A calendar quarter counted from year 0 (`year * 4 + q - 1`).
fn quarter_start(q: i32) -> NaiveDate {
    ymd(q.div_euclid(4), (q.rem_euclid(4) * 3 + 1) as u32, 1)
}

fn quarter_label(q: i32) -> String {
    format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// Generates account number `index` of the portfolio for `seed`; the same arguments give
/// the same bytes, and an account does not depend on how many others are generated.
pub fn generate(seed: u64, index: usize, anchor: NaiveDate) -> GeneratedAccount {
    let mut rng = Rng::new(seed, index as u64 + 1);
    let brand = rng.pick(text::CO_A);
    let name = format!("{brand} {} {}", rng.pick(text::CO_B), rng.pick(text::CO_C));
    let id = format!("{}-{index:05}", text::slug(&name));
    let mut doc = Doc::with_capacity(12 * 1024);
    doc.text(0, "name", &name);
    doc.raw(0, "kind", rng.pick(&["customer", "supplier", "partner"]));
    let people = choose_people(&mut rng);
    let first_names: Vec<String> = people.iter().map(|p| p.first.clone()).collect();
    doc.raw(0, "owner", &people[0].id);
    doc.raw(
        0,
        "since",
        days_before(anchor, rng.range(3 * 365, 20 * 365)),
    );
    doc.raw(
        0,
        "stage",
        rng.pick(&[
            "prospect",
            "vendor",
            "preferred",
            "preferred",
            "strategic",
            "associate",
        ]),
    );
    let mut rng_text = Rng::new(seed, (index as u64 + 1) | (1 << 63));
    let mut w = Writer {
        rng: &mut rng_text,
        names: &first_names,
        year: anchor.year(),
    };
    turnaround(&mut doc, &mut rng, &mut w, anchor);
    value(&mut doc, &mut rng, &mut w);
    people_section(&mut doc, &mut rng, &mut w, &people);
    let current_quarter = anchor.year() * 4 + (anchor.month0() / 3) as i32;
    let first_reviewed = quarter_start(current_quarter - 8);
    events(&mut doc, &mut rng, &mut w, &people, first_reviewed, anchor);
    disputes(&mut doc, &mut rng, &mut w, &people, anchor);
    goals(&mut doc, &mut rng, &mut w, &people, anchor);
    commitments(&mut doc, &mut rng, &mut w, anchor);
    governance(&mut doc, &mut rng, &mut w, &people);
    let criteria = criteria(&mut doc, &mut rng);
    reviews(
        &mut doc,
        &mut rng,
        &mut w,
        &people,
        &criteria,
        current_quarter,
        anchor,
    );
    statement(&mut doc, &mut rng, &mut w, &people, brand, anchor);
    GeneratedAccount {
        id,
        yaml: doc.finish(),
    }
}

/// Ten people: four of ours, six of theirs, every level on their side most of the time.
fn choose_people(rng: &mut Rng) -> Vec<Person> {
    let us_levels: [&'static str; 4] = [
        "manager",
        "senior",
        "operational",
        if rng.chance(70) {
            "executive"
        } else {
            "operational"
        },
    ];
    let them_levels: [&'static str; 6] = [
        if rng.chance(85) {
            "executive"
        } else {
            "senior"
        },
        "senior",
        "manager",
        "manager",
        "operational",
        "operational",
    ];
    let mut people: Vec<Person> = Vec::with_capacity(10);
    for (k, level) in us_levels.iter().chain(them_levels.iter()).enumerate() {
        let (first, name) = loop {
            let first = rng.pick(text::FIRST);
            let name = format!("{first} {}", rng.pick(text::LAST));
            if !people.iter().any(|p| p.name == name) {
                break (first, name);
            }
        };
        // Short ids as people write them (`dana`), the full name where a first name repeats.
        let id = if people.iter().any(|p| p.first == first) {
            text::slug(&name)
        } else {
            text::slug(first)
        };
        people.push(Person {
            id,
            first: first.to_string(),
            name,
            us: k < 4,
            level,
        });
    }
    people
}

fn turnaround(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, anchor: NaiveDate) {
    if !rng.chance(40) {
        return;
    }
    let step = rng.below(STEPS.len());
    doc.open(0, "turnaround");
    doc.raw(2, "step", STEPS[step]);
    doc.raw(2, "started", days_before(anchor, rng.range(60, 700)));
    doc.raw(2, "cycle", if rng.chance(80) { 1 } else { 2 });
    doc.open(2, "evidence");
    for s in STEPS.iter().take(step + 1) {
        let note = w.internal_note(rng.chance(30));
        doc.text(4, s, &note);
    }
}

fn value(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>) {
    if !rng.chance(90) {
        return;
    }
    let degrees = ["low", "medium", "high"];
    doc.open(0, "value");
    // Internal amounts are whole tens of thousands; shared amounts end in 500, so the two
    // never print alike and the leak guard has no false alarm on numbers.
    doc.raw(2, "annual_amount", rng.range(5, 900) * 10_000);
    doc.raw(2, "currency", rng.pick(CURRENCIES));
    doc.raw(2, "need", rng.pick(&degrees));
    doc.raw(2, "want", rng.pick(&degrees));
    doc.raw(2, "counterpart_wants", rng.pick(&["yes", "no", "unknown"]));
    let alternatives = w.internal_note(rng.chance(50));
    doc.text(2, "alternatives", &alternatives);
    let impact = w.internal_note(rng.chance(50));
    doc.text(2, "impact_of_loss", &impact);
}

fn people_section(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, people: &[Person]) {
    let them: Vec<usize> = (0..people.len()).filter(|&i| !people[i].us).collect();
    // Our people share out their people; sometimes one of theirs is left to nobody.
    let uncovered = if rng.chance(20) {
        Some(rng.pick(&them))
    } else {
        None
    };
    doc.open(0, "people");
    for p in people {
        doc.item_raw(2, "id", &p.id);
        doc.text(4, "name", &p.name);
        doc.raw(4, "side", if p.us { "us" } else { "them" });
        let level = LEVELS.iter().position(|l| *l == p.level).unwrap_or(3);
        doc.text(4, "role", rng.pick(text::ROLES[level]));
        if rng.chance(95) {
            doc.raw(4, "level", p.level);
        }
        let senior = p.level == "executive" || p.level == "senior";
        if senior && (p.us || rng.chance(70)) {
            doc.raw(4, "sponsor", true);
        } else if rng.chance(15) {
            doc.raw(4, "sponsor", false);
        }
        if senior && rng.chance(60) {
            doc.raw(4, "decision_maker", true);
        } else if rng.chance(10) {
            doc.raw(4, "decision_maker", false);
        }
        if p.us {
            let n = 1 + rng.below(3);
            let picks = rng.sample(them.len(), n);
            let covers: Vec<&str> = picks
                .iter()
                .map(|&k| them[k])
                .filter(|&k| Some(k) != uncovered)
                .map(|k| people[k].id.as_str())
                .collect();
            if !covers.is_empty() {
                doc.ids(4, "covers", &covers);
            }
        }
        if p.us || rng.chance(20) {
            let n = 1 + usize::from(rng.chance(15));
            let assets: Vec<String> = (0..n).map(|_| w.internal_line()).collect();
            doc.texts(4, "assets", &assets);
        }
        if p.us && rng.chance(60) {
            let liabilities = vec![w.internal_line()];
            doc.texts(4, "liabilities", &liabilities);
        }
        if rng.chance(25) {
            let notes = w.internal_note(false);
            doc.text(4, "notes", &notes);
        }
    }
}

/// A few people of the account, ours and theirs mixed, in file order.
fn some_people<'a>(rng: &mut Rng, people: &'a [Person], lo: usize, hi: usize) -> Vec<&'a str> {
    let n = lo + rng.below(hi - lo + 1);
    rng.sample(people.len(), n)
        .into_iter()
        .map(|i| people[i].id.as_str())
        .collect()
}

fn ours<'a>(rng: &mut Rng, people: &'a [Person]) -> &'a str {
    let us: Vec<&Person> = people.iter().filter(|p| p.us).collect();
    &rng.pick(&us).id
}

fn theirs<'a>(rng: &mut Rng, people: &'a [Person]) -> &'a str {
    let them: Vec<&Person> = people.iter().filter(|p| !p.us).collect();
    &rng.pick(&them).id
}

/// Twenty events over the reviewed quarters, oldest first; a few accounts have gone quiet
/// (stale) for months before the anchor.
fn events(
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

fn disputes(
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

fn goals(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, people: &[Person], anchor: NaiveDate) {
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

fn commitments(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, anchor: NaiveDate) {
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

fn governance(doc: &mut Doc, rng: &mut Rng, w: &mut Writer<'_>, people: &[Person]) {
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

fn criteria(doc: &mut Doc, rng: &mut Rng) -> Vec<&'static str> {
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

#[allow(clippy::too_many_arguments)]
fn reviews(
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

fn statement(
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
