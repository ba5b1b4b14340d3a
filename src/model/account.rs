//! One account file (`accounts/<id>.yaml`): the relationship with one customer, supplier or
//! partner. Field names are the public contract of DESIGN.md; do not rename them.

use super::{Date, Quarter, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A person id as written in a reference (`owner`, `covers`, `members`, ...).
pub type PersonRef = Spanned<String>;

/// One account: everything we know about the relationship.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub name: String,
    pub kind: AccountKind,
    /// Our relationship owner: a person id on our side.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<PersonRef>,
    #[serde(default)]
    pub since: Option<Date>,
    #[serde(default)]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub turnaround: Option<Turnaround>,
    /// INTERNAL ONLY.
    #[serde(default)]
    pub value: Option<Value>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    #[serde(default)]
    pub governance: Vec<Committee>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub reviews: Vec<Review>,
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
    /// `low | medium | high`.
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


/// Where a troubled relationship stands in the seven-step turnaround.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Turnaround {
    pub step: TurnaroundStep,
    #[serde(default)]
    pub started: Option<Date>,
    #[serde(default = "first_cycle")]
    #[schemars(with = "i64")]
    pub cycle: Spanned<i64>,
    /// Markdown evidence per step.
    #[serde(default)]
    pub evidence: BTreeMap<TurnaroundStep, String>,
}

fn first_cycle() -> Spanned<i64> {
    Spanned::new(1, serde_saphyr::Location::UNKNOWN, serde_saphyr::Location::UNKNOWN)
}

/// What the account is worth to us. INTERNAL ONLY: never in shared output.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    #[serde(default)]
    pub annual_amount: Option<f64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub need: Option<Degree>,
    #[serde(default)]
    pub want: Option<Degree>,
    #[serde(default = "not_known")]
    pub counterpart_wants: Willingness,
    #[serde(default)]
    pub alternatives: Option<String>,
    #[serde(default)]
    pub impact_of_loss: Option<String>,
}

/// Someone on either side of the relationship.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: String,
    pub side: Side,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub sponsor: bool,
    #[serde(default)]
    pub decision_maker: bool,
    /// Their people this person holds the relationship with.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub covers: Vec<PersonRef>,
    /// INTERNAL ONLY: personal balance sheet.
    #[serde(default)]
    pub assets: Vec<String>,
    /// INTERNAL ONLY.
    #[serde(default)]
    pub liabilities: Vec<String>,
    /// INTERNAL ONLY.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Something that happened.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: Date,
    #[serde(default)]
    pub kind: Option<EventKind>,
    pub title: String,
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub people: Vec<PersonRef>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default = "internal")]
    pub visibility: Visibility,
}

/// A disagreement, usually about money.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub opened: Date,
    #[serde(default)]
    pub resolved: Option<Date>,
    #[serde(default)]
    pub amount: Option<f64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub escalated_to: Option<Level>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub owner: Option<PersonRef>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default = "internal")]
    pub visibility: Visibility,
}

/// A joint goal or project, with milestones.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub owners: Vec<PersonRef>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default = "shared")]
    pub visibility: Visibility,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// A dated step towards a goal.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub title: String,
    pub due: Date,
    /// Absent: not done.
    #[serde(default)]
    pub done: Option<Date>,
}

/// A promise by one side or both.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub by: Party,
    pub what: String,
    pub made: Date,
    /// Absent: an ongoing behaviour.
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default = "open")]
    pub status: CommitmentStatus,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default = "shared")]
    pub visibility: Visibility,
}

/// A joint committee.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    pub name: String,
    #[serde(default)]
    pub cadence: Option<Cadence>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub members: Vec<PersonRef>,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default = "shared")]
    pub visibility: Visibility,
}

/// A success criterion the other side judges us by.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: String,
    /// Importance 1..5.
    #[serde(default = "default_weight")]
    #[schemars(with = "i64")]
    pub weight: Spanned<i64>,
    #[serde(default)]
    pub illustrations: Vec<String>,
}

fn default_weight() -> Spanned<i64> {
    Spanned::new(1, serde_saphyr::Location::UNKNOWN, serde_saphyr::Location::UNKNOWN)
}

/// A quarterly review.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[schemars(with = "Quarter")]
    pub quarter: Spanned<Quarter>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub attendees: Vec<PersonRef>,
    /// Criterion id -> 1..5.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, i64>")]
    pub scores: BTreeMap<String, Spanned<i64>>,
    #[serde(default)]
    pub successes: Vec<String>,
    #[serde(default)]
    pub failures: Vec<String>,
    #[serde(default)]
    pub recognition: Vec<String>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// INTERNAL ONLY.
    #[serde(default)]
    pub summary: Option<String>,
    /// May be published.
    #[serde(default)]
    pub shared_summary: Option<String>,
}

/// The joint commitment statement handed to the other company.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub vision: Option<String>,
    #[serde(default)]
    pub behaviours: Behaviours,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub signatories: Vec<PersonRef>,
}

/// Expected behaviours of each side.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Behaviours {
    #[serde(default)]
    pub us: Vec<String>,
    #[serde(default)]
    pub them: Vec<String>,
}

fn not_known() -> Willingness {
    Willingness::Unknown
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
