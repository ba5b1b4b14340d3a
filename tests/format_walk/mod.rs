//! The account format walked from its JSON Schema (`rapport schema`, derived from the
//! model), so that tests cover every field the model has, including fields added after
//! the tests were written: every string path is listed and must be classified by the
//! table below, and a complete account is generated with a caller-chosen text in every
//! text field and every list element.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Who may read a string field of the account format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Never in shared output.
    Internal,
    /// May be, and is, published on the shared pages.
    Shared,
    /// Follows the `visibility` of the item it belongs to.
    Follows,
    /// An id (`[a-z0-9-]+`): the word names the kind, for generated ids `m-<kind>-<n>`.
    Id(&'static str),
    /// A reference to a person of the account.
    PersonRef,
}

/// Who sees which item: our team only, or both companies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Internal,
    Shared,
}

/// Every string path of the format and who may read it, from DESIGN.md ("The account
/// format", "Audiences") and, for the texts the product treats as internal although the
/// format does not say INTERNAL ONLY, from `rapport::leak::classify`. The first matching
/// row wins; `x.*` matches every path under `x`. A path of the schema that no row matches
/// fails the tests: a new field must be classified here before it can ship.
pub const FIELDS: &[(&str, Class)] = &[
    ("name", Class::Shared),
    ("owner", Class::PersonRef),
    // INTERNAL ONLY: what the account is worth to us.
    ("value.*", Class::Internal),
    // Our own assessment of the turnaround: never published (leak::classify).
    ("turnaround.evidence.*", Class::Internal),
    ("people[].id", Class::Id("person")),
    ("people[].name", Class::Shared),
    ("people[].role", Class::Shared),
    ("people[].covers[]", Class::PersonRef),
    // INTERNAL ONLY: the personal balance sheet and notes.
    ("people[].assets[]", Class::Internal),
    ("people[].liabilities[]", Class::Internal),
    ("people[].notes", Class::Internal),
    ("events[].title", Class::Follows),
    ("events[].people[]", Class::PersonRef),
    ("events[].note", Class::Follows),
    ("disputes[].id", Class::Id("dispute")),
    ("disputes[].title", Class::Follows),
    ("disputes[].currency", Class::Follows),
    ("disputes[].owner", Class::PersonRef),
    ("disputes[].note", Class::Follows),
    ("goals[].id", Class::Id("goal")),
    ("goals[].title", Class::Follows),
    ("goals[].owners[]", Class::PersonRef),
    ("goals[].note", Class::Follows),
    ("goals[].milestones[].title", Class::Follows),
    ("commitments[].what", Class::Follows),
    ("commitments[].evidence", Class::Follows),
    ("governance[].name", Class::Follows),
    ("governance[].members[]", Class::PersonRef),
    ("governance[].purpose", Class::Follows),
    // How we judge ourselves: shown on internal pages only.
    ("criteria[].id", Class::Id("criterion")),
    ("criteria[].name", Class::Internal),
    ("criteria[].illustrations[]", Class::Internal),
    ("reviews[].attendees[]", Class::PersonRef),
    // The review pack is internal; only `shared_summary` may be published.
    ("reviews[].successes[]", Class::Internal),
    ("reviews[].failures[]", Class::Internal),
    ("reviews[].recognition[]", Class::Internal),
    ("reviews[].next_steps[]", Class::Internal),
    ("reviews[].summary", Class::Internal),
    ("reviews[].shared_summary", Class::Shared),
    // Actions agreed at a review: shared ones appear on the shared progress page.
    ("reviews[].actions[].what", Class::Follows),
    ("reviews[].actions[].owner", Class::PersonRef),
    ("statement.signatories[]", Class::PersonRef),
    ("statement.signed[].person", Class::PersonRef),
    // The joint statement is written to be handed over.
    ("statement.*", Class::Shared),
];

/// The visibility an item has when its file does not say (DESIGN.md).
pub const DEFAULT_VISIBILITY: &[(&str, Audience)] = &[
    ("events", Audience::Internal),
    ("disputes", Audience::Internal),
    ("goals", Audience::Shared),
    ("commitments", Audience::Shared),
    ("governance", Audience::Shared),
    ("reviews[].actions", Audience::Shared),
];

/// Fields the generated account leaves out because the values it gives elsewhere rule them
/// out; none holds text. `closed` dates a settled commitment, and commitments stay `open` so
/// that the statement shows them.
pub const LEFT_OUT: &[&str] = &["commitments[].closed"];

/// Shareable texts that no shared page prints (so their absence there is not a bug).
pub const NOT_ON_SHARED_PAGES: &[&str] = &[];

/// The row of [`FIELDS`] for a path, if any.
pub fn classify(path: &str) -> Option<(&'static str, Class)> {
    FIELDS
        .iter()
        .copied()
        .find(|(pattern, _)| match pattern.strip_suffix(".*") {
            Some(prefix) => path.starts_with(prefix) && path[prefix.len()..].starts_with('.'),
            None => *pattern == path,
        })
}

/// The account schema as `rapport schema` prints it.
pub fn account_schema() -> Value {
    let text = rapport::schema::schema_text(rapport::cli::SchemaKind::Account);
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// What a schema node describes, once `$ref` and `anyOf [T, null]` are looked through.
enum Shape<'a> {
    Object(&'a Map<String, Value>),
    Map(&'a Value),
    Array(&'a Value),
    Text,
    Enum(Vec<String>),
    Date,
    Patterned,
    Integer,
    Number,
    Boolean,
}

struct Schema<'a> {
    root: &'a Value,
}

impl<'a> Schema<'a> {
    fn resolve(&self, node: &'a Value) -> &'a Value {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            // Draft 2020-12 keeps definitions under `$defs`, draft 7 under `definitions`.
            let (section, name) = ["$defs", "definitions"]
                .iter()
                .find_map(|s| {
                    reference
                        .strip_prefix(&format!("#/{s}/"))
                        .map(|name| (*s, name))
                })
                .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
            let target = &self.root[section][name];
            assert!(!target.is_null(), "dangling $ref {reference}");
            return self.resolve(target);
        }
        // Draft 7 wraps a `$ref` that carries a default in a one-element `allOf`.
        if let Some([only]) = node
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            return self.resolve(only);
        }
        if let Some(variants) = node
            .get("anyOf")
            .or_else(|| node.get("oneOf"))
            .and_then(Value::as_array)
        {
            let real: Vec<&Value> = variants
                .iter()
                .filter(|v| v.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            // A value with two forms (a score: one number, or one number per level) is
            // walked through its first; the others may hold no text, or a text field
            // would go unclassified.
            for other in &real[1..] {
                assert!(
                    !other.to_string().contains("\"string\""),
                    "a union with text in a later form, which the walker would miss: {node}"
                );
            }
            return self.resolve(real[0]);
        }
        node
    }

    fn shape(&self, node: &'a Value) -> Shape<'a> {
        let node = self.resolve(node);
        let types: Vec<&str> = match node.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .collect(),
            _ => Vec::new(),
        };
        if let Some(values) = node.get("enum").and_then(Value::as_array) {
            return Shape::Enum(
                values
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            );
        }
        match types.as_slice() {
            ["object"] => match (node.get("properties"), node.get("additionalProperties")) {
                (Some(Value::Object(props)), _) => Shape::Object(props),
                (None, Some(values @ Value::Object(_))) => Shape::Map(values),
                _ => panic!("an object the walker does not know: {node}"),
            },
            ["array"] => Shape::Array(&node["items"]),
            ["string"] => match node.get("format").and_then(Value::as_str) {
                Some("date") => Shape::Date,
                Some(other) => panic!("a string format the walker does not know: {other}"),
                None if node.get("pattern").is_some() => Shape::Patterned,
                None => Shape::Text,
            },
            ["integer"] => Shape::Integer,
            ["number"] => Shape::Number,
            ["boolean"] => Shape::Boolean,
            _ => panic!("a schema node the walker does not know: {node}"),
        }
    }

    fn is_item(&self, node: &'a Value) -> bool {
        matches!(self.shape(node), Shape::Object(props) if props.contains_key("visibility"))
    }
}

/// Every path of a free-text string in the account format: `people[].notes`,
/// `statement.behaviours.us[]`, `turnaround.evidence.insight`, ... (`[]` is a list
/// element, `.*` a map value). Dates, enum words and quarters are not free text.
pub fn string_paths(schema: &Value) -> BTreeSet<String> {
    fn walk(s: &Schema<'_>, node: &Value, path: &str, out: &mut BTreeSet<String>) {
        match s.shape(node) {
            Shape::Object(props) => {
                for (name, child) in props {
                    walk(s, child, &join(path, name), out);
                }
            }
            Shape::Map(values) => walk(s, values, &format!("{path}.*"), out),
            Shape::Array(items) => walk(s, items, &format!("{path}[]"), out),
            Shape::Text => {
                out.insert(path.to_string());
            }
            _ => {}
        }
    }
    let s = Schema { root: schema };
    let mut out = BTreeSet::new();
    walk(&s, schema, "", &mut out);
    out
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// One generated text field: its path with indices (`people[0].notes`), its row in
/// [`FIELDS`] (`people[].notes`), and who may read it.
#[derive(Debug, Clone)]
pub struct Field {
    pub path: String,
    pub pattern: String,
    pub audience: Audience,
}

/// One generated amount.
#[derive(Debug, Clone)]
pub struct Amount {
    pub path: String,
    pub value: f64,
    pub audience: Audience,
}

/// Generates a complete, valid account: every property of the schema present, every list
/// with two elements (items with `visibility` with three: internal, shared, and one that
/// leaves it to the default), every text field filled by `text`.
pub struct Generator<'a, F: FnMut(&Field) -> String> {
    schema: Schema<'a>,
    text: F,
    pub fields: Vec<Field>,
    pub amounts: Vec<Amount>,
}

impl<'a, F: FnMut(&Field) -> String> Generator<'a, F> {
    pub fn new(schema: &'a Value, text: F) -> Self {
        Generator {
            schema: Schema { root: schema },
            text,
            fields: Vec::new(),
            amounts: Vec::new(),
        }
    }

    /// The account as a JSON value (JSON is YAML, so it can be written as an account file).
    pub fn account(&mut self) -> Value {
        let root = self.schema.root;
        self.value(root, "", "", &[], None)
    }

    fn value(
        &mut self,
        node: &'a Value,
        pattern: &str,
        path: &str,
        indices: &[usize],
        audience: Option<Audience>,
    ) -> Value {
        let index = indices.last().copied().unwrap_or(0);
        match self.schema.shape(node) {
            Shape::Object(props) => {
                let mut audience = audience;
                let mut out = Map::new();
                if props.contains_key("visibility") {
                    let list = pattern.trim_end_matches("[]");
                    let default = DEFAULT_VISIBILITY
                        .iter()
                        .find(|(l, _)| *l == list)
                        .map(|(_, a)| *a)
                        .unwrap_or_else(|| {
                            panic!("no default visibility for `{list}` in the test")
                        });
                    audience = Some(match index {
                        0 => Audience::Internal,
                        1 => Audience::Shared,
                        _ => default,
                    });
                    match index {
                        0 => drop(out.insert("visibility".into(), "internal".into())),
                        1 => drop(out.insert("visibility".into(), "shared".into())),
                        _ => {}
                    }
                }
                for (name, child) in props {
                    if name == "visibility" || LEFT_OUT.contains(&join(pattern, name).as_str()) {
                        continue;
                    }
                    let v = self.value(
                        child,
                        &join(pattern, name),
                        &join(path, name),
                        indices,
                        audience,
                    );
                    out.insert(name.clone(), v);
                }
                Value::Object(out)
            }
            Shape::Map(values) => {
                let keys: Vec<String> = match pattern {
                    "reviews[].scores" => vec!["m-criterion-0".into(), "m-criterion-1".into()],
                    other => panic!("the test has no keys for the map `{other}`"),
                };
                let mut out = Map::new();
                for key in keys {
                    let v = self.value(
                        values,
                        &format!("{pattern}.*"),
                        &format!("{path}.{key}"),
                        indices,
                        audience,
                    );
                    out.insert(key, v);
                }
                Value::Object(out)
            }
            Shape::Array(items) => {
                let element = format!("{pattern}[]");
                if matches!(self.schema.shape(items), Shape::Text)
                    && classify(&element).map(|(_, c)| c) == Some(Class::PersonRef)
                {
                    return person_refs(&element, index);
                }
                let count = if self.schema.is_item(items) { 3 } else { 2 };
                let mut out = Vec::new();
                for i in 0..count {
                    let mut inner = indices.to_vec();
                    inner.push(i);
                    out.push(self.value(
                        items,
                        &element,
                        &format!("{path}[{i}]"),
                        &inner,
                        audience,
                    ));
                }
                Value::Array(out)
            }
            Shape::Text => {
                let (_, class) = classify(pattern)
                    .unwrap_or_else(|| panic!("`{pattern}` is not classified in FIELDS"));
                let audience = match class {
                    Class::Id(kind) => return Value::String(format!("m-{kind}-{index}")),
                    Class::PersonRef => return Value::String("m-person-0".into()),
                    Class::Internal => Audience::Internal,
                    Class::Shared => Audience::Shared,
                    Class::Follows => audience.unwrap_or_else(|| {
                        panic!("`{pattern}` follows a visibility it is not under")
                    }),
                };
                let field = Field {
                    path: path.to_string(),
                    pattern: pattern.to_string(),
                    audience,
                };
                let text = (self.text)(&field);
                self.fields.push(field);
                Value::String(text)
            }
            Shape::Enum(words) => {
                let word = match pattern {
                    "people[].side" => ["us", "them"][index.min(1)],
                    // Withdrawn commitments are left out of the statement on purpose.
                    "commitments[].status" => "open",
                    _ => words.first().map(String::as_str).unwrap_or_default(),
                };
                assert!(
                    words.iter().any(|w| w == word),
                    "`{word}` is not a {pattern}"
                );
                Value::String(word.to_string())
            }
            Shape::Date => Value::String(date(pattern, index).to_string()),
            Shape::Patterned => match pattern {
                "reviews[].quarter" => Value::String(["2026-Q2", "2026-Q3"][index.min(1)].into()),
                other => panic!("the test has no value for the patterned string `{other}`"),
            },
            Shape::Integer => Value::from(3),
            Shape::Number => {
                let value = match pattern {
                    "value.annual_amount" => 9_876_543.0,
                    "disputes[].amount" => 4_567_000.0 + 111.0 * index as f64,
                    _ => 7.0,
                };
                let audience = match pattern {
                    p if p.starts_with("value.") => Audience::Internal,
                    _ => audience.unwrap_or(Audience::Shared),
                };
                self.amounts.push(Amount {
                    path: path.to_string(),
                    value,
                    audience,
                });
                Value::from(value)
            }
            Shape::Boolean => Value::Bool(true),
        }
    }
}

/// Lists of people: everyone, except `covers`, which only our person (index 0) holds
/// towards theirs.
fn person_refs(pattern: &str, index: usize) -> Value {
    let ids: &[&str] = match (pattern, index) {
        ("people[].covers[]", 0) => &["m-person-1"],
        ("people[].covers[]", _) => &[],
        _ => &["m-person-0", "m-person-1"],
    };
    Value::from(ids.to_vec())
}

/// Dates chosen so that events, milestones and commitments fall in the reviewed quarters
/// (2026-Q2 and 2026-Q3) and show on their pages.
fn date(pattern: &str, index: usize) -> &'static str {
    match pattern {
        "since" => "2014-03-01",
        "turnaround.started" => "2026-01-15",
        "disputes[].opened" => "2026-04-02",
        "disputes[].resolved" => "2026-06-01",
        "goals[].milestones[].due" => "2026-06-30",
        "goals[].milestones[].done" => "2026-06-15",
        "commitments[].made" => "2026-04-01",
        "commitments[].due" => "2026-12-31",
        "reviews[].date" => ["2026-07-08", "2026-10-08"][index.min(1)],
        "statement.date" => "2026-02-01",
        _ => "2026-05-10",
    }
}

/// A marker for one field of one account: `MARKER-alpha-people-0-notes-7f3a`. Only
/// letters, digits and dashes, so neither Markdown nor HTML escaping changes it, and the
/// full path in it keeps every marker unique (none is a substring of another).
pub fn marker(account: &str, path: &str) -> String {
    let slug: String = path
        .replace("].", "-")
        .chars()
        .filter_map(|c| match c {
            '[' | '.' | '_' => Some('-'),
            ']' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect();
    format!("MARKER-{account}-{slug}-7f3a")
}
