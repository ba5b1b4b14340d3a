//! Words and sentences for generated accounts.
//!
//! Texts come in two vocabularies. Shared texts (what may go to the other company) use
//! business words only; internal texts always carry a word of the internal vocabulary
//! (`INTERNAL_*`), placed so that every phrase of eight words an internal text contains
//! has one. No shared page can then contain an internal phrase by accident, so the leak
//! guard never fires on generated data, at any portfolio size, while it still has every
//! internal text to search for (its real cost).

use super::rng::Rng;

pub const FIRST: &[&str] = &[
    "Ada", "Ben", "Carla", "Dana", "Eli", "Farah", "Gus", "Hana", "Ivan", "Jia", "Kofi", "Lena",
    "Mateo", "Nia", "Omar", "Priya", "Quinn", "Raj", "Sofia", "Tomas", "Uma", "Vik", "Wen",
    "Xavier", "Yara", "Zane", "Amir", "Bea", "Chen", "Dev",
];
pub const LAST: &[&str] = &[
    "Whitfield",
    "Okafor",
    "Tanaka",
    "Moreau",
    "Silva",
    "Novak",
    "Lindqvist",
    "Haddad",
    "Kowalski",
    "Brennan",
    "Iyer",
    "Castillo",
    "Nakamura",
    "Fischer",
    "Dubois",
    "Mensah",
    "Petrov",
    "Romano",
    "Andersen",
    "Costa",
];
pub const CO_A: &[&str] = &[
    "Northwind",
    "Blue Harbor",
    "Granite",
    "Summit",
    "Cedar",
    "Polar",
    "Meridian",
    "Atlas",
    "Falcon",
    "Orion",
    "Redwood",
    "Silverline",
    "Keystone",
    "Beacon",
    "Sterling",
    "Crescent",
    "Ironbridge",
    "Evergreen",
    "Nova",
];
pub const CO_B: &[&str] = &[
    "Supply",
    "Logistics",
    "Components",
    "Systems",
    "Foods",
    "Pharma",
    "Metals",
    "Energy",
    "Semiconductors",
    "Retail",
    "Textiles",
    "Analytics",
    "Robotics",
    "Packaging",
    "Chemicals",
    "Aerospace",
];
pub const CO_C: &[&str] = &[
    "Co.", "Ltd", "GmbH", "Inc.", "AG", "Group", "Holdings", "BV", "SA", "plc",
];
/// Job titles by level: executive, senior, manager, operational.
pub const ROLES: &[&[&str]] = &[
    &["CEO", "CFO", "VP Operations", "Chief Procurement Officer"],
    &[
        "Head of Supply Chain",
        "Engineering Director",
        "Plant Manager",
        "Sales Director",
    ],
    &[
        "Procurement Manager",
        "Key Account Manager",
        "Quality Lead",
        "Customer Success Manager",
    ],
    &[
        "Category Buyer",
        "Logistics Coordinator",
        "Inside Sales",
        "Quality Engineer",
    ],
];

/// Business nouns: the shared vocabulary.
pub const NOUNS: &[&str] = &[
    "pricing",
    "forecast",
    "rebate",
    "delivery",
    "quality",
    "audit",
    "contract",
    "renewal",
    "volume",
    "capacity",
    "lead-time",
    "shortage",
    "workshop",
    "roadmap",
    "sample",
    "pilot",
    "tooling",
    "invoice",
    "warranty",
    "logistics",
    "backlog",
    "allocation",
    "specification",
    "tender",
    "discount",
    "claim",
    "credit",
    "schedule",
    "ramp-up",
    "transition",
    "packaging",
    "calibration",
    "inventory",
    "certification",
    "freight",
    "onboarding",
    "maintenance",
];
pub const VERBS: &[&str] = &[
    "agreed",
    "raised",
    "reviewed",
    "confirmed",
    "escalated",
    "postponed",
    "shared",
    "signed",
    "proposed",
    "clarified",
    "resolved",
    "completed",
];

/// The internal vocabulary: words that appear in no template, no shared text and no name.
pub const INTERNAL_ADJ: &[&str] = &[
    "wary",
    "sceptical",
    "lukewarm",
    "guarded",
    "cagey",
    "uneasy",
    "hesitant",
    "irritated",
    "complacent",
    "defensive",
    "nervous",
    "distracted",
];
pub const INTERNAL_NOUN: &[&str] = &[
    "grudge",
    "rumour",
    "hunch",
    "leverage",
    "backchannel",
    "politics",
    "reorg",
    "mistrust",
    "bonus",
    "frustration",
    "impatience",
    "favouritism",
];
pub const INTERNAL_ADV: &[&str] = &["privately", "candidly", "quietly", "frankly"];

/// Every internal word, for checks.
pub fn internal_words() -> impl Iterator<Item = &'static str> {
    INTERNAL_ADJ
        .iter()
        .chain(INTERNAL_NOUN)
        .chain(INTERNAL_ADV)
        .copied()
}

/// Internal sentences of at most seven words, with an internal word among the first four
/// and the last four: any run of eight words across sentences contains one. The leak guard
/// also cuts a phrase after each inline element (`*x*`, `**x**`, a link), so the words
/// after one are either fewer than its 16-character minimum or carry an internal word.
const INTERNAL_SENTENCES: &[&str] = &[
    "{P} is {a} about the {n}.",
    "{D}, {P} {v} the **{n} {i}**.",
    "The {i} over {n} persists.",
    "Watch the *{i}* of {P}.",
    "{P} {d} wants {n} {n}.",
    "[{I} log](https://wiki.example/{n}) says {a}.",
    "Their {i} could sink {n}.",
    "Mood is {a} since the {n}.",
    "Keep this {d}: `{n}` {n}.",
    "{P} sounds {a} on {n}.",
];

/// Internal titles: one short block with an internal word.
const INTERNAL_TITLES: &[&str] = &[
    "{N} {i}",
    "{I} about {n} {n}",
    "{D} {v} {n} {n}",
    "{P} {a} on {n}",
    "{A} {n} talks",
];

/// Shared sentences: business words, names, dates and numbers only.
const SHARED_SENTENCES: &[&str] = &[
    "{P} {v} the **{n} {n}**.",
    "Next: *{n}* by `{date}`.",
    "See [minutes](https://wiki.example/{n}).",
    "Open: {n} {n} {v}.",
    "{P} and {Q} {v} the {n} plan.",
    "Both sides {v} the {n} {n} on {date}.",
    "The {n} team {v} {K} {n} items.",
];

const SHARED_TITLES: &[&str] = &[
    "{N} {n}",
    "{N} {n} {n}",
    "{N} {v} with {P}",
    "{N} {n} review",
    "Joint {n} {n}",
];

/// Filling slots needs the first names of the account's people and a date to mention.
pub struct Writer<'a> {
    pub rng: &'a mut Rng,
    pub names: &'a [String],
    pub year: i32,
}

impl Writer<'_> {
    fn expand(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            self.fill(slot, &mut out);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn fill(&mut self, slot: &str, out: &mut String) {
        let word = match slot {
            "P" | "Q" => self.name().to_string(),
            "n" => self.rng.pick(NOUNS).to_string(),
            "N" => capitalise(self.rng.pick(NOUNS)),
            "v" => self.rng.pick(VERBS).to_string(),
            "a" => self.rng.pick(INTERNAL_ADJ).to_string(),
            "A" => capitalise(self.rng.pick(INTERNAL_ADJ)),
            "i" => self.rng.pick(INTERNAL_NOUN).to_string(),
            "I" => capitalise(self.rng.pick(INTERNAL_NOUN)),
            "d" => self.rng.pick(INTERNAL_ADV).to_string(),
            "D" => capitalise(self.rng.pick(INTERNAL_ADV)),
            "K" => self.rng.range(2, 40).to_string(),
            "date" => format!(
                "{}-{:02}-{:02}",
                self.year + self.rng.range(0, 1) as i32,
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            ),
            _ => String::new(),
        };
        out.push_str(&word);
    }

    fn name(&mut self) -> &str {
        if self.names.is_empty() {
            return "Dana";
        }
        let i = self.rng.below(self.names.len());
        &self.names[i]
    }

    fn sentences(&mut self, pool: &[&str], n: usize) -> String {
        let mut parts = Vec::with_capacity(n);
        for _ in 0..n {
            let template = self.rng.pick(pool);
            parts.push(self.expand(template));
        }
        parts.join(" ")
    }

    /// A one-line internal text (list items, short notes): one or two sentences.
    pub fn internal_line(&mut self) -> String {
        let n = 1 + usize::from(self.rng.chance(15));
        self.sentences(INTERNAL_SENTENCES, n)
    }

    /// An internal Markdown note: a paragraph, sometimes a second one or a bullet list.
    pub fn internal_note(&mut self, long: bool) -> String {
        let first = if long {
            2 + self.rng.below(2)
        } else {
            1 + usize::from(self.rng.chance(30))
        };
        let mut text = self.sentences(INTERNAL_SENTENCES, first);
        if long || self.rng.chance(10) {
            match self.rng.below(3) {
                0 => {
                    text.push_str("\n\n");
                    let n = 1 + self.rng.below(2);
                    text.push_str(&self.sentences(INTERNAL_SENTENCES, n));
                }
                1 => {
                    text.push_str("\n\n");
                    for _ in 0..2 + self.rng.below(2) {
                        text.push_str("- ");
                        let template = self.rng.pick(INTERNAL_SENTENCES);
                        text.push_str(&self.expand(template));
                        text.push('\n');
                    }
                }
                _ => {}
            }
        }
        text.trim_end().to_string()
    }

    pub fn internal_title(&mut self) -> String {
        let template = self.rng.pick(INTERNAL_TITLES);
        self.expand(template)
    }

    /// A one-line shared text.
    pub fn shared_line(&mut self) -> String {
        let n = 1 + usize::from(self.rng.chance(15));
        self.sentences(SHARED_SENTENCES, n)
    }

    /// A shared Markdown note: a paragraph, sometimes a second one or a numbered list.
    pub fn shared_note(&mut self, long: bool) -> String {
        let first = if long {
            2 + self.rng.below(2)
        } else {
            1 + usize::from(self.rng.chance(30))
        };
        let mut text = self.sentences(SHARED_SENTENCES, first);
        if long || self.rng.chance(10) {
            match self.rng.below(3) {
                0 => {
                    text.push_str("\n\n");
                    let n = 1 + self.rng.below(2);
                    text.push_str(&self.sentences(SHARED_SENTENCES, n));
                }
                1 => {
                    text.push_str("\n\n");
                    for k in 1..=2 + self.rng.below(2) {
                        let template = self.rng.pick(SHARED_SENTENCES);
                        text.push_str(&format!("{k}. {}\n", self.expand(template)));
                    }
                }
                _ => {}
            }
        }
        text.trim_end().to_string()
    }

    pub fn shared_title(&mut self) -> String {
        let template = self.rng.pick(SHARED_TITLES);
        self.expand(template)
    }

    /// A shared promise: "Share the forecast within 12 days".
    pub fn promise(&mut self) -> String {
        let verb = self
            .rng
            .pick(&["Share", "Review", "Confirm", "Deliver", "Agree", "Publish"]);
        let noun = self.rng.pick(NOUNS);
        let other = self.rng.pick(NOUNS);
        let days = self.rng.range(5, 30);
        format!("{verb} the {noun} {other} within {days} days")
    }
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Blue Harbor Robotics GmbH` as `blue-harbor-robotics-gmbh`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
