//! One generated account file: every section of the format, sized like a real account
//! (10 people, 20 events, 8 goals with milestones, 8 commitments of every status, 4
//! criteria, 8 quarterly reviews), with dates relative to the anchor date.

use super::rng::Rng;
use super::sections::{
    commitments, criteria, disputes, events, goals, governance, reviews, statement,
};
use super::text::{self, Writer};
use super::yaml::Doc;
use chrono::{Datelike, Days, NaiveDate};

/// One account file: its id (the file stem) and its YAML text.
pub struct GeneratedAccount {
    pub id: String,
    pub yaml: String,
}

pub(super) struct Person {
    pub(super) id: String,
    pub(super) first: String,
    pub(super) name: String,
    pub(super) us: bool,
    pub(super) level: &'static str,
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
pub(super) const LEVELS: &[&str] = &["executive", "senior", "manager", "operational"];
pub(super) const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "CHF"];

pub(super) fn days_before(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_sub_days(Days::new(days as u64))
            .unwrap_or(date)
    } else {
        date.checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap_or(date)
    }
}

pub(super) fn days_after(date: NaiveDate, days: i64) -> NaiveDate {
    days_before(date, -days)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// A calendar quarter counted from year 0 (`year * 4 + q - 1`).
pub(super) fn quarter_start(q: i32) -> NaiveDate {
    ymd(q.div_euclid(4), (q.rem_euclid(4) * 3 + 1) as u32, 1)
}

pub(super) fn quarter_label(q: i32) -> String {
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
pub(super) fn some_people<'a>(
    rng: &mut Rng,
    people: &'a [Person],
    lo: usize,
    hi: usize,
) -> Vec<&'a str> {
    let n = lo + rng.below(hi - lo + 1);
    rng.sample(people.len(), n)
        .into_iter()
        .map(|i| people[i].id.as_str())
        .collect()
}

pub(super) fn ours<'a>(rng: &mut Rng, people: &'a [Person]) -> &'a str {
    let us: Vec<&Person> = people.iter().filter(|p| p.us).collect();
    &rng.pick(&us).id
}

pub(super) fn theirs<'a>(rng: &mut Rng, people: &'a [Person]) -> &'a str {
    let them: Vec<&Person> = people.iter().filter(|p| !p.us).collect();
    &rng.pick(&them).id
}
