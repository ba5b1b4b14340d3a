//! Turns serde-saphyr's errors, written for developers ("invalid i64", "set
//! DuplicateKeyPolicy in Options"), into messages and hints for the people who write
//! account files.

use super::{Code, YamlError, MAX_ALIASES, MAX_ANCHORS, MAX_DEPTH, MAX_NODES, MAX_REPLAYED_EVENTS};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::Error as E;

/// A message and hint for `error`, found at `path` where the source reads `found`.
pub(super) fn describe(error: &E, path: &str, found: Option<String>) -> YamlError {
    let found = found.as_deref();
    match error {
        E::AliasError { error, locations, .. } => {
            let mut problem = describe(error, path, None);
            let line = locations.defined_location.line();
            if line > 0 {
                let note = format!("the value comes from the anchor defined at line {line}");
                problem.help = Some(match problem.help {
                    Some(help) => format!("{help}; {note}"),
                    None => note,
                });
            }
            problem
        }
        E::SerdeUnknownField { field, expected, .. } => unknown_field(field, expected),
        E::SerdeUnknownVariant { variant, expected, .. } => unknown_value(variant, expected, path),
        E::SerdeMissingField { field, .. } => {
            YamlError::new(Code::MissingField, format!("missing required field `{field}`")).help(format!("add `{field}:` with a value here"))
        }
        E::DuplicateMappingKey { key, .. } => duplicate_key(key.as_deref()),
        E::MultipleDocuments { .. } => YamlError::new(Code::MultipleDocuments, "the file holds more than one YAML document")
            .help("keep one account per file: remove the `---` separator and what follows, or move it to its own file"),
        E::InvalidBooleanStrict { .. } => YamlError::new(Code::WrongType, expected_found("`true` or `false`", found))
            .help("YAML 1.2 booleans are `true` and `false` only; `yes`, `no`, `on` and `off` are not booleans"),
        E::NullIntoString { .. } => match last_key(path) {
            Some(key) => YamlError::new(Code::EmptyValue, format!("`{key}` is empty, but it needs a value"))
                .help(format!("write a value after `{key}:`")),
            None => YamlError::new(Code::EmptyValue, "a value is empty, but it needs one").help("write a value here"),
        },
        E::InvalidScalar { ty, .. } => invalid_scalar(ty, found),
        E::SerdeInvalidType { .. } | E::SerdeInvalidValue { .. } | E::Unexpected { .. } if path.is_empty() => {
            YamlError::new(Code::WrongType, format!("expected a mapping, found {}", found.unwrap_or("something else")))
                .help("a file is a YAML mapping of `key: value` lines: an account starts with `name:` and `kind:`, rapport.yaml with `organisation:`")
        }
        E::SerdeInvalidType { unexpected, expected, .. } | E::SerdeInvalidValue { unexpected, expected, .. } => {
            shape_problem(expected, found.map_or_else(|| kind_name(unexpected), str::to_string).as_str())
        }
        E::Unexpected { expected, .. } => shape_problem(expected, found.unwrap_or("something else")),
        E::Budget { breach, .. } => budget(breach),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => YamlError::new(Code::SafetyLimit, format!(
            "the file exceeds a safety limit of the YAML reader: aliases replay more than {} values",
            thousands(MAX_REPLAYED_EVENTS)
        ))
        .help(ALIAS_HELP),
        E::UnknownAnchor { .. } => YamlError::new(Code::YamlSyntax, "an alias (`*name`) refers to an anchor that is not defined")
            .help("define the anchor (`&name`) before the alias, or write the value out"),
        E::Eof { .. } => YamlError::new(Code::YamlSyntax, "the file ends before the document is complete")
            .help("an account file is one YAML mapping starting with `name:` and `kind:`"),
        other => message(&strip_location(&other.to_string()), found),
    }
}

const ALIAS_HELP: &str =
    "write the values out instead of repeating an anchor (`&name`) with many aliases (`*name`)";

fn unknown_field(field: &str, expected: &[&str]) -> YamlError {
    let problem = YamlError::new(Code::UnknownField, format!("unknown field `{field}`"));
    match crate::suggest::nearest(field, expected) {
        Some(near) => problem.help(format!("did you mean `{near}`?")),
        None if expected.is_empty() => problem.help("no fields are allowed here"),
        None => problem.help(format!("fields allowed here: {}", expected.join(", "))),
    }
}

fn unknown_value(value: &str, expected: &[&str], path: &str) -> YamlError {
    let message = match last_key(path) {
        Some(key) => format!("unknown value `{value}` for `{key}`"),
        None => format!("unknown value `{value}`"),
    };
    let allowed = expected.join(", ");
    YamlError::new(Code::UnknownValue, message).help(
        match crate::suggest::nearest(value, expected) {
            Some(near) => format!("did you mean `{near}`? allowed values: {allowed}"),
            None => format!("allowed values: {allowed}"),
        },
    )
}

fn duplicate_key(key: Option<&str>) -> YamlError {
    let (message, help) = match key {
        Some(key) => (
            format!("duplicate key `{key}`"),
            format!("a key may appear only once in a mapping: keep one `{key}:` and remove or merge the other"),
        ),
        None => (
            "duplicate key".to_string(),
            "a key may appear only once in a mapping: remove or merge the duplicate".to_string(),
        ),
    };
    YamlError::new(Code::DuplicateKey, message).help(help)
}

fn invalid_scalar(ty: &str, found: Option<&str>) -> YamlError {
    let (expected, help) = match ty {
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
        | "isize" => ("a whole number", "write digits only, e.g. `3`"),
        "f32" | "f64" | "floating point" => (
            "a number",
            "write digits with an optional decimal point, e.g. `1200000` or `12.5`",
        ),
        "bool" => (
            "`true` or `false`",
            "YAML 1.2 booleans are `true` and `false` only",
        ),
        _ => (ty, "check the value's type"),
    };
    YamlError::new(Code::WrongType, expected_found(expected, found)).help(help)
}

/// A value of the wrong shape: a list where a mapping belongs, text where a list belongs...
fn shape_problem(expected: &str, found: &str) -> YamlError {
    let (code, expected, help) = if expected.starts_with("a score") {
        (Code::InvalidScore, "a score", crate::model::SCORE_HELP)
    } else if expected.starts_with("struct ") || expected.contains("map") {
        (
            Code::WrongType,
            "a mapping",
            "write `key: value` lines, indented under this key",
        )
    } else if expected.contains("scalar") {
        (
            Code::WrongType,
            "a single value",
            "write one value after the key, not a list or a mapping",
        )
    } else if expected.contains("sequence") {
        (
            Code::WrongType,
            "a list",
            "write one `- item` per line, or `[a, b]`",
        )
    } else if expected.contains("string") {
        (Code::WrongType, "text", "write a single value; quote it if it contains `: ` or starts with `[`, `{`, `&` or `*`")
    } else if expected.contains("integer") || expected.starts_with('i') || expected.starts_with('u')
    {
        (
            Code::WrongType,
            "a whole number",
            "write digits only, e.g. `3`",
        )
    } else if expected.contains("date") {
        (
            Code::InvalidDate,
            "a date",
            "write dates as YYYY-MM-DD, e.g. 2026-03-31",
        )
    } else {
        return YamlError::new(
            Code::WrongType,
            format!("expected {expected}, found {found}"),
        );
    };
    YamlError::new(code, format!("expected {expected}, found {found}")).help(help)
}

/// serde's description of a value ("sequence", "map", `string "x"`) in the words of YAML.
fn kind_name(unexpected: &str) -> String {
    match unexpected {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit" | "unit value" | "null" => "nothing".into(),
        other => other.to_string(),
    }
}

fn budget(breach: &BudgetBreach) -> YamlError {
    let (limit, help) = match breach {
        BudgetBreach::Depth { .. } => (
            format!("nesting deeper than {MAX_DEPTH} levels"),
            "account files need only a few levels of nesting; check the indentation".to_string(),
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!("more than {} values", thousands(MAX_NODES)),
            "move old history out of this file; an account file is usually a few hundred values"
                .to_string(),
        ),
        BudgetBreach::Aliases { .. } => (
            format!("more than {MAX_ALIASES} aliases"),
            ALIAS_HELP.to_string(),
        ),
        BudgetBreach::Anchors { .. } => (
            format!("more than {MAX_ANCHORS} anchors"),
            ALIAS_HELP.to_string(),
        ),
        BudgetBreach::ScalarBytes { .. } => (
            "more than 8 MiB of text".to_string(),
            "account files are small; write long documents elsewhere and link to them".to_string(),
        ),
        BudgetBreach::Documents { .. } => (
            "more than one document".to_string(),
            "keep one account per file and remove the `---` separator".to_string(),
        ),
        other => (
            format!("{other:?}"),
            "the file is larger or more complex than an account file can be".to_string(),
        ),
    };
    YamlError::new(
        Code::SafetyLimit,
        format!("the file exceeds a safety limit of the YAML reader: {limit}"),
    )
    .help(help)
}

/// Messages that arrive as text: dates (chrono), quarters (our own `Quarter`), syntax errors
/// from the parser.
fn message(text: &str, found: Option<&str>) -> YamlError {
    const DATE_ERRORS: [&str; 6] = [
        "out of range",
        "premature end of input",
        "input contains invalid characters",
        "trailing input",
        "not enough for unique date",
        "no possible date",
    ];
    if let Some((date, help)) = text.split_once(" is not a valid date: ") {
        return YamlError::new(Code::InvalidDate, format!("{date} is not a valid date")).help(help);
    }
    if let Some((score, help)) = text.split_once(" is not a score: ") {
        return YamlError::new(Code::InvalidScore, format!("{score} is not a score")).help(help);
    }
    if let Some((quarter, help)) = text.split_once(" is not a quarter: ") {
        return YamlError::new(Code::InvalidQuarter, format!("{quarter} is not a quarter"))
            .help(help);
    }
    if DATE_ERRORS.iter().any(|e| text.contains(e)) {
        let message = match found {
            Some(found) if found.starts_with('`') => format!("{found} is not a valid date"),
            _ => "not a valid date".to_string(),
        };
        return YamlError::new(Code::InvalidDate, message)
            .help("write dates as YYYY-MM-DD, with a day that exists in the calendar");
    }
    if text.contains("recursion limit") {
        return YamlError::new(Code::SafetyLimit, format!(
            "the file exceeds a safety limit of the YAML reader: nesting deeper than {MAX_DEPTH} levels"
        ))
        .help("account files need only a few levels of nesting");
    }
    if text.contains("tab") {
        return YamlError::new(Code::YamlSyntax, format!("invalid YAML: {text}"))
            .help("use spaces, not tabs, to indent and separate");
    }
    YamlError::new(Code::YamlSyntax, format!("invalid YAML: {text}"))
        .help("check the indentation and quoting on this line and the one before; quote values that contain `: ` or ` #`")
}

fn expected_found(expected: &str, found: Option<&str>) -> String {
    match found {
        Some(found) => format!("expected {expected}, found {found}"),
        None => format!("expected {expected}"),
    }
}

/// The last mapping key of a YAML path: `kind` for `kind`, `covers` for `people[0].covers[1]`.
pub(crate) fn last_key(path: &str) -> Option<&str> {
    let segment = path.rsplit('.').next()?;
    let key = segment.split('[').next()?;
    (!key.is_empty()).then_some(key)
}

/// serde-saphyr appends ` at line L, column C` to its messages; we show positions separately.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// `250000` as `250,000`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
