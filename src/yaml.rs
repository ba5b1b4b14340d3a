//! The one place that knows which YAML crate rapport uses (serde-saphyr, not the archived
//! serde_yaml: see README). It turns file bytes into a typed value or one precise problem,
//! and refuses hostile input (oversized files, bad encodings, tab indentation, alias bombs,
//! deep nesting) before or while parsing, never with a panic or a hang.

use crate::diagnostic::Position;
use serde::de::DeserializeOwned;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// Why a file could not be read into the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub position: Option<Position>,
    /// The YAML path of the value in error, where known.
    pub path: String,
    pub message: String,
    pub help: Option<String>,
}

impl YamlError {
    fn new(message: impl Into<String>) -> YamlError {
        YamlError {
            position: None,
            path: String::new(),
            message: message.into(),
            help: None,
        }
    }
    fn at(mut self, position: Option<Position>) -> YamlError {
        self.position = position;
        self
    }
    fn help(mut self, help: impl Into<String>) -> YamlError {
        self.help = Some(help.into());
        self
    }
}

/// Checks the raw bytes of a file and returns its text: UTF-8, no leading byte-order mark,
/// not empty, no tab in indentation.
pub fn decode(bytes: &[u8]) -> Result<&str, YamlError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        YamlError::new("the file is not valid UTF-8")
            .at(Some(Position { line, column }))
            .help("save the file as UTF-8")
    })?;
    if text.trim().is_empty() {
        return Err(YamlError::new("the file is empty")
            .help("write the account as a YAML mapping, starting with `name:` and `kind:`"));
    }
    if let Some(position) = tab_in_indentation(text) {
        return Err(YamlError::new("a tab is used for indentation")
            .at(Some(position))
            .help("indent with spaces; YAML does not allow tabs in indentation"));
    }
    Ok(text)
}

/// The first tab in the leading whitespace of a line, outside block scalars we cannot see
/// cheaply; tabs after the indentation (inside values) are legal and left alone.
fn tab_in_indentation(text: &str) -> Option<Position> {
    text.lines().enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        // A line of only whitespace, or a comment, cannot break the structure.
        if rest.is_empty() || rest.starts_with('#') {
            return None;
        }
        line[..indent].find('\t').map(|column| Position {
            line: i + 1,
            column: column + 1,
        })
    })
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_nodes: 250_000,
            max_total_scalar_bytes: 8 << 20,
            max_aliases: 100,
            max_anchors: 100,
        },
        alias_limits: serde_saphyr::alias_limits! { max_total_replayed_events: 100_000 },
    }
}

/// Parses YAML text into `T`, with the path and position of the first problem.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|error| {
        let mut problem = describe(&error);
        problem.position = error.location().as_ref().and_then(Position::from_location);
        problem.path = clean_path(&path);
        problem
    })
}

/// A user-facing message and hint for a serde-saphyr error.
fn describe(error: &serde_saphyr::Error) -> YamlError {
    use serde_saphyr::Error as E;
    match error {
        E::SerdeUnknownField { field, expected, .. } => {
            let mut problem = YamlError::new(format!("unknown field `{field}`"));
            problem.help = Some(match crate::suggest::nearest(field, expected) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of: {}", expected.join(", ")),
            });
            problem
        }
        E::SerdeUnknownVariant { variant, expected, .. } => {
            let mut problem = YamlError::new(format!("unknown value `{variant}`"));
            problem.help = Some(match crate::suggest::nearest(variant, expected) {
                Some(near) => format!("did you mean `{near}`? expected one of: {}", expected.join(", ")),
                None => format!("expected one of: {}", expected.join(", ")),
            });
            problem
        }
        E::SerdeMissingField { field, .. } => YamlError::new(format!("missing required field `{field}`"))
            .help(format!("add `{field}:` here")),
        E::DuplicateMappingKey { .. } => YamlError::new(strip_location(&error.to_string()))
            .help("each key may appear once in a mapping; remove or merge the duplicate"),
        E::MultipleDocuments { .. } => YamlError::new("the file holds more than one YAML document")
            .help("keep one account per file and remove the `---` separator"),
        E::InvalidBooleanStrict { .. } => YamlError::new("not a boolean")
            .help("write `true` or `false` (YAML 1.2: `yes`, `no`, `on` and `off` are not booleans)"),
        E::NullIntoString { .. } => YamlError::new("a value is required here but it is empty")
            .help("write a value after the colon, or remove the key"),
        E::Budget { breach, .. } => YamlError::new(format!(
            "the file exceeds a safety limit of the YAML reader: {}",
            budget_name(breach)
        ))
        .help("account files are small: no anchors/aliases replayed many times, nesting under 32 levels, under 250,000 values"),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => YamlError::new(
            "the file exceeds a safety limit of the YAML reader: aliases are replayed too often",
        )
        .help("write values out instead of repeating a large anchor with aliases"),
        E::Eof { .. } => YamlError::new("the file ends before the document is complete")
            .help("an account file is one YAML mapping starting with `name:` and `kind:`"),
        other => {
            let text = strip_location(&other.to_string());
            let mut problem = YamlError::new(text.clone());
            if text.contains("out of range") || text.contains("premature end") || text.contains("input contains invalid characters") || text.contains("trailing input") {
                problem.message = format!("not a valid date: {text}");
                problem.help = Some("write dates as YYYY-MM-DD, and a day that exists in the calendar".into());
            } else if text.contains("expected mapping start") || text.contains("expected struct") {
                problem.help = Some("a mapping (`key: value` lines) is expected here".into());
            } else if text.contains("recursion limit") {
                problem.message = "the file is nested too deeply".into();
                problem.help = Some("account files need only a few levels of nesting".into());
            }
            problem
        }
    }
}

fn budget_name(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => "nesting deeper than 32 levels".into(),
        B::Nodes { .. } => "more than 250,000 values".into(),
        B::Aliases { .. } => "more than 100 aliases".into(),
        B::Anchors { .. } => "more than 100 anchors".into(),
        B::Documents { .. } => "more than one document".into(),
        other => format!("{other:?}"),
    }
}

/// serde_path_to_error's path without the pieces that are not YAML: the root `.`, unknown
/// segments `?`, and the `value` field inside `Spanned`.
fn clean_path(path: &str) -> String {
    let path = path.trim_end_matches(".?").trim_end_matches('?');
    let path = path.strip_suffix(".value").unwrap_or(path);
    if path == "." {
        String::new()
    } else {
        path.to_string()
    }
}

/// serde-saphyr appends ` at line L, column C` to its messages; we show positions separately.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
