//! One account file (`accounts/<id>.yaml`): the relationship with one customer, supplier or
//! partner. Field names are the public contract of DESIGN.md; do not rename them.

use super::{Date, Quarter, Score, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A person id as written in a reference (`owner`, `covers`, `members`, ...).
pub type PersonRef = Spanned<String>;

/// One account: everything we know about the relationship.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The other company's name, as pages show it. Required.
    pub name: String,
    /// The language of this account's shared folder, its PDFs and calendar: en, de or fr.
    /// Default: the workspace's language.
    #[serde(default)]
    pub language: Option<Language>,
    /// What the other company is to us: customer, supplier or partner. Required.
    pub kind: AccountKind,
    /// Our relationship owner: a person id on our side.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<PersonRef>,
    /// When the relationship began (YYYY-MM-DD).
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub since: Option<Date>,
    /// Where the relationship stands on the ladder, lowest first: prospect, vendor,
    /// preferred, strategic, associate.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// For a relationship in trouble: the step of the seven-step turnaround it has
    /// reached, with evidence per step.
    #[serde(default)]
    pub turnaround: Option<Turnaround>,
    /// What the account is worth to us and whether we could do without it.
    /// INTERNAL ONLY: never in shared output.
    #[serde(default)]
    pub value: Option<Value>,
    /// People on both sides: ours (`side: us`) and theirs (`side: them`).
    #[serde(default)]
    pub people: Vec<Person>,
    /// What happened, in any order: meetings, disputes, bids, personnel changes, market
    /// shocks. Internal unless `visibility: shared`.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Disagreements, usually about money. Internal unless `visibility: shared`.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Joint goals and projects with dated milestones. Shared unless `visibility: internal`.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Promises by us, them or both, and whether they were kept. Shared unless
    /// `visibility: internal`.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Joint committees and how often they meet. Shared unless `visibility: internal`.
    #[serde(default)]
    pub governance: Vec<Committee>,
    /// What success looks like in this relationship, each criterion weighted by importance
    /// and scored in every review.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// One review per fiscal quarter: scores, successes and failures, next steps.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// The joint commitment statement handed to the other company.
    #[serde(default)]
    pub statement: Option<Statement>,
}

macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every value, in the order of the format.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in YAML.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

words!(
    /// What the other company is to us.
    AccountKind { Customer = "customer", Supplier = "supplier", Partner = "partner" }
);
words!(
    /// The relationship ladder, lowest first.
    Stage { Prospect = "prospect", Vendor = "vendor", Preferred = "preferred", Strategic = "strategic", Associate = "associate" }
);
words!(
    /// The seven steps of the turnaround model, in order; after `recognition` a new cycle starts.
    TurnaroundStep {
        Insight = "insight",
        Needs = "needs",
        Ownership = "ownership",
        Vision = "vision",
        Action = "action",
        Trust = "trust",
        Recognition = "recognition",
    }
);
words!(
    /// How much: low, medium or high.
    Degree { Low = "low", Medium = "medium", High = "high" }
);
words!(
    /// Whether the other side wants the relationship.
    Willingness { Yes = "yes", No = "no", Unknown = "unknown" }
);
words!(
    /// Which company a person belongs to.
    Side { Us = "us", Them = "them" }
);
words!(
    /// Seniority, highest first.
    Level { Executive = "executive", Senior = "senior", Manager = "manager", Operational = "operational" }
);
words!(
    /// What kind of thing happened.
    EventKind {
        Meeting = "meeting",
        Dispute = "dispute",
        Bid = "bid",
        Escalation = "escalation",
        Personnel = "personnel",
        Market = "market",
        Delivery = "delivery",
        Recognition = "recognition",
        Note = "note",
    }
);
words!(
    /// How an event felt.
    Sentiment { Positive = "positive", Neutral = "neutral", Negative = "negative" }
);
words!(
    /// Who may see an item: our team only, or also the other company.
    Visibility { Internal = "internal", Shared = "shared" }
);
words!(
    /// A language rapport writes pages in.
    Language { En = "en", De = "de", Fr = "fr" }
);
words!(
    /// The paper size pages are printed on.
    Paper { A4 = "a4", Letter = "letter" }
);
words!(
    /// Who gave a commitment.
    Party { Us = "us", Them = "them", Both = "both" }
);
words!(
    /// Where a commitment stands.
    CommitmentStatus { Open = "open", Kept = "kept", Broken = "broken", Withdrawn = "withdrawn" }
);
words!(
    /// How often a committee meets.
    Cadence { Weekly = "weekly", Monthly = "monthly", Quarterly = "quarterly", Yearly = "yearly", AdHoc = "ad-hoc" }
);

// The enums come from `words!`, which cannot put `#[default]` on one variant.
#[allow(clippy::derivable_impls)]
impl Default for Language {
    /// English unless the workspace says otherwise.
    fn default() -> Self {
        Language::En
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Paper {
    fn default() -> Self {
        Paper::A4
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Willingness {
    /// Not stated means not known.
    fn default() -> Self {
        Willingness::Unknown
    }
}

/// Where a troubled relationship stands in the seven-step turnaround.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Turnaround {
    /// The step reached: insight, needs, ownership, vision, action, trust, recognition.
    pub step: TurnaroundStep,
    /// When this cycle of the turnaround started.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub started: Option<Date>,
    /// Which run through the seven steps this is, from 1; a new cycle starts after
    /// recognition.
    #[serde(default = "first_cycle")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1))]
    pub cycle: Spanned<i64>,
    /// Markdown evidence per step.
    #[serde(default)]
    pub evidence: BTreeMap<TurnaroundStep, String>,
}

fn first_cycle() -> Spanned<i64> {
    Spanned::new(
        1,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

/// What the account is worth to us. INTERNAL ONLY: never in shared output.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// Revenue from a customer, or spend with a supplier, per year.
    #[serde(default)]
    pub annual_amount: Option<f64>,
    /// The currency of `annual_amount`, e.g. EUR or USD.
    #[serde(default)]
    pub currency: Option<String>,
    /// How much we need this account: low, medium or high.
    #[serde(default)]
    pub need: Option<Degree>,
    /// How much we want this account: low, medium or high.
    #[serde(default)]
    pub want: Option<Degree>,
    /// Whether the other company wants the relationship: yes, no or unknown.
    #[serde(default)]
    pub counterpart_wants: Willingness,
    /// Markdown: who else could take their place, and at what cost.
    #[serde(default)]
    pub alternatives: Option<String>,
    /// Markdown: what losing the account would do to us.
    #[serde(default)]
    pub impact_of_loss: Option<String>,
}

/// Someone on either side of the relationship.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique in the file; lowercase letters, digits and dashes. Other fields refer to
    /// the person by it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Full name.
    pub name: String,
    /// Which company the person belongs to: us or them.
    pub side: Side,
    /// Job title.
    #[serde(default)]
    pub role: Option<String>,
    /// Seniority: executive, senior, manager or operational. Coverage is judged by level.
    #[serde(default)]
    pub level: Option<Level>,
    /// A senior sponsor of the relationship on their side of it.
    #[serde(default)]
    pub sponsor: bool,
    /// Has the authority to decide for their company.
    #[serde(default)]
    pub decision_maker: bool,
    /// Their people this person holds the relationship with.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub covers: Vec<PersonRef>,
    /// INTERNAL ONLY: the personal balance sheet's assets, what the person brings.
    #[serde(default)]
    pub assets: Vec<String>,
    /// INTERNAL ONLY: the personal balance sheet's liabilities, what gets in the way.
    #[serde(default)]
    pub liabilities: Vec<String>,
    /// INTERNAL ONLY: Markdown notes about the person.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Something that happened.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When it happened (YYYY-MM-DD). Required.
    #[serde(deserialize_with = "super::date::strict")]
    pub date: Date,
    /// meeting, dispute, bid, escalation, personnel, market, delivery, recognition or note.
    #[serde(default)]
    pub kind: Option<EventKind>,
    /// What happened, in a few words. Required.
    pub title: String,
    /// How it felt: positive, neutral or negative.
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    /// Ids of the people involved, from either side.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub people: Vec<PersonRef>,
    /// Markdown: more about what happened.
    #[serde(default)]
    pub note: Option<String>,
    /// internal (the default) or shared.
    #[serde(default = "internal")]
    pub visibility: Visibility,
}

/// A disagreement, usually about money.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// Unique in the file; lowercase letters, digits and dashes.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the disagreement is about.
    #[serde(default)]
    pub title: Option<String>,
    /// When it was raised (YYYY-MM-DD). Required.
    #[serde(deserialize_with = "super::date::strict")]
    pub opened: Date,
    /// When it was settled; absent: still open.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub resolved: Option<Date>,
    /// The amount in dispute.
    #[serde(default)]
    pub amount: Option<f64>,
    /// The currency of `amount`.
    #[serde(default)]
    pub currency: Option<String>,
    /// The highest level that has taken it up: executive, senior, manager or operational.
    #[serde(default)]
    pub escalated_to: Option<Level>,
    /// Who of ours owns the resolution: a person id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<PersonRef>,
    /// Markdown: the story and the state of play.
    #[serde(default)]
    pub note: Option<String>,
    /// internal (the default) or shared.
    #[serde(default = "internal")]
    pub visibility: Visibility,
}

/// A joint goal or project, with milestones.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Unique in the file; lowercase letters, digits and dashes.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the goal is.
    #[serde(default)]
    pub title: Option<String>,
    /// Ids of the people who own it, from either side.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub owners: Vec<PersonRef>,
    /// Markdown: more about the goal.
    #[serde(default)]
    pub note: Option<String>,
    /// shared (the default) or internal.
    #[serde(default = "shared")]
    pub visibility: Visibility,
    /// Dated steps towards the goal.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// A dated step towards a goal.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// What will be done by the due date. Required.
    pub title: String,
    /// When it is due (YYYY-MM-DD). Required.
    #[serde(deserialize_with = "super::date::strict")]
    pub due: Date,
    /// When it was done; absent: not done yet.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub done: Option<Date>,
}

/// A promise by one side or both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Who promised: us, them or both. Required.
    pub by: Party,
    /// What was promised, in one sentence. Required.
    pub what: String,
    /// When the promise was made (YYYY-MM-DD). Required.
    #[serde(deserialize_with = "super::date::strict")]
    pub made: Date,
    /// When it is due; absent: an ongoing behaviour.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub due: Option<Date>,
    /// open (the default), kept, broken or withdrawn.
    #[serde(default = "open")]
    pub status: CommitmentStatus,
    /// Markdown: how we know it was kept or broken.
    #[serde(default)]
    pub evidence: Option<String>,
    /// shared (the default) or internal.
    #[serde(default = "shared")]
    pub visibility: Visibility,
    /// The date the commitment became kept, broken or withdrawn: it decides the quarter the
    /// outcome counts in. Only when the status is not open; not before `made`.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub closed: Option<Date>,
    /// Not read from the file: when `closed` is absent, the date of the commit that gave
    /// the commitment its status, filled in from git history by `history`.
    #[serde(skip)]
    #[schemars(skip)]
    pub status_committed: Option<Date>,
}

/// A joint committee.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// The committee's name. Required.
    pub name: String,
    /// How often it meets: weekly, monthly, quarterly, yearly or ad-hoc.
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// Ids of its members, from both sides.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub members: Vec<PersonRef>,
    /// Markdown: what it is for.
    #[serde(default)]
    pub purpose: Option<String>,
    /// shared (the default) or internal.
    #[serde(default = "shared")]
    pub visibility: Visibility,
}

/// A success criterion of the relationship (reliability, professionalism...): what good
/// looks like, weighted by importance and scored in every review.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique in the file; lowercase letters, digits and dashes. Review scores refer to
    /// the criterion by it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The criterion's name, e.g. Reliability. Required.
    pub name: String,
    /// Importance from 1 (least) to 5 (most). Default 1.
    #[serde(default = "default_weight")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1, max = 5))]
    pub weight: Spanned<i64>,
    /// Examples of what meeting the criterion looks like.
    #[serde(default)]
    pub illustrations: Vec<String>,
}

fn default_weight() -> Spanned<i64> {
    Spanned::new(
        1,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

/// A quarterly review.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The fiscal quarter reviewed, YYYY-Qn. Required; one review per quarter.
    #[schemars(with = "Quarter")]
    pub quarter: Spanned<Quarter>,
    /// When the review took place; absent: the end of the quarter.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub date: Option<Date>,
    /// Ids of the people who took part, from both sides.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attendees: Vec<PersonRef>,
    /// A score from 1 (poor) to 5 (excellent) per criterion id: one number, or one number
    /// per level of their company (executive, senior, manager, operational) that scored
    /// the criterion; the criterion's score is then the mean of the levels.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, i64>")]
    #[schemars(extend("additionalProperties" = {"oneOf": [
        {"type": "integer", "minimum": 1, "maximum": 5},
        {"type": "object", "minProperties": 1, "additionalProperties": false, "properties": {
            "executive": {"type": "integer", "minimum": 1, "maximum": 5},
            "senior": {"type": "integer", "minimum": 1, "maximum": 5},
            "manager": {"type": "integer", "minimum": 1, "maximum": 5},
            "operational": {"type": "integer", "minimum": 1, "maximum": 5}
        }}
    ]}))]
    pub scores: BTreeMap<String, Spanned<Score>>,
    /// Markdown: what went well in the quarter.
    #[serde(default)]
    pub successes: Vec<String>,
    /// Markdown: what did not.
    #[serde(default)]
    pub failures: Vec<String>,
    /// Markdown: who is thanked, for what.
    #[serde(default)]
    pub recognition: Vec<String>,
    /// Markdown: what happens next.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// INTERNAL ONLY: Markdown summary for our own team.
    #[serde(default)]
    pub summary: Option<String>,
    /// Markdown summary that may be published in the shared progress page.
    #[serde(default)]
    pub shared_summary: Option<String>,
    /// Actions agreed at this review; the next review checks them.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// An action agreed at a review, checked at the next one.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What will be done. Required, not blank.
    pub what: String,
    /// Who does it: a person of either side.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<PersonRef>,
    /// When it is due (YYYY-MM-DD).
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub due: Option<Date>,
    /// When it was done; absent: still open.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub done: Option<Date>,
    /// shared (the default) or internal.
    #[serde(default = "shared")]
    pub visibility: Visibility,
}

/// The joint commitment statement handed to the other company.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The statement's title.
    #[serde(default)]
    pub title: Option<String>,
    /// When it was agreed.
    #[serde(default, deserialize_with = "super::date::strict_option")]
    pub date: Option<Date>,
    /// Markdown: where both companies want the relationship to be.
    #[serde(default)]
    pub vision: Option<String>,
    /// What each side can expect of the other.
    #[serde(default)]
    pub behaviours: Behaviours,
    /// Ids of the people who sign it, from both sides.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub signatories: Vec<PersonRef>,
    /// The version of the statement, a whole number from 1; `date` is when this version
    /// was agreed. Default 1.
    #[serde(default = "first_version")]
    #[schemars(with = "i64")]
    #[schemars(range(min = 1))]
    pub version: Spanned<i64>,
    /// Who has signed this version, and when; each must be one of the signatories. Once
    /// given (even empty), signatures are tracked: a signatory who has not signed a
    /// version agreed more than 30 days ago gets a `statement-unsigned` alert.
    #[serde(default)]
    pub signed: Option<Vec<Signature>>,
}

impl Statement {
    /// Whether the file tracks signatures: it lists them (`signed:`, even empty) or
    /// numbers its version. A statement written before either existed is not judged.
    pub fn tracks_signatures(&self) -> bool {
        self.signed.is_some() || self.version.referenced.line() > 0
    }

    /// The signatures given, as written.
    pub fn signatures(&self) -> &[Signature] {
        self.signed.as_deref().unwrap_or_default()
    }

    /// Whether `person` has signed this version by `as_of`: a signature dated before the
    /// version was agreed belongs to an earlier version and does not count.
    pub fn signed_by(&self, person: &str, as_of: Date) -> bool {
        self.signatures().iter().any(|s| {
            s.person.value == person && s.date <= as_of && self.date.is_none_or(|d| s.date >= d)
        })
    }
}

/// One signature of the statement's current version.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The signatory's person id. Required.
    #[schemars(with = "String")]
    pub person: PersonRef,
    /// When they signed (YYYY-MM-DD). Required.
    #[serde(deserialize_with = "super::date::strict")]
    pub date: Date,
}

fn first_version() -> Spanned<i64> {
    Spanned::new(
        1,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

/// Expected behaviours of each side.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Behaviours {
    /// What the other company can expect of us.
    #[serde(default)]
    pub us: Vec<String>,
    /// What we expect of the other company.
    #[serde(default)]
    pub them: Vec<String>,
}

fn internal() -> Visibility {
    Visibility::Internal
}
fn shared() -> Visibility {
    Visibility::Shared
}
fn open() -> CommitmentStatus {
    CommitmentStatus::Open
}

impl Account {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id.value == id)
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id.value == id)
    }
}
