//! The one place that knows which YAML crate rapport uses (serde-saphyr, not the archived
//! serde_yaml: see README). It turns file bytes into a typed value or one precise problem,
//! and refuses hostile input (oversized files, bad encodings, tab indentation, alias bombs,
//! deep nesting) before or while parsing, never with a panic or a hang.

mod blank;
mod describe;
mod locate;
mod recover;

pub(crate) use describe::last_key;
pub use locate::{locate, Locator};

use crate::diagnostic::{Code, Position};
use serde::de::DeserializeOwned;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 4 << 20;
/// Deepest nesting of lists and mappings accepted in one file.
pub const MAX_DEPTH: usize = 32;
/// Most values (scalars, lists and mappings) accepted in one file.
pub const MAX_NODES: usize = 250_000;
/// Most aliases (`*name`) accepted in one file.
pub const MAX_ALIASES: usize = 100;
/// Most anchors (`&name`) accepted in one file.
pub const MAX_ANCHORS: usize = 100;
/// Most parser events that aliases may replay in one file, in total.
pub const MAX_REPLAYED_EVENTS: usize = 100_000;
/// Most bytes of text in all scalars of one file, aliases included.
pub const MAX_SCALAR_BYTES: usize = 8 << 20;

/// Why a file could not be read into the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The rule the problem breaks.
    pub code: Code,
    pub position: Option<Position>,
    /// The YAML path of the value in error, where known.
    pub path: String,
    pub message: String,
    pub help: Option<String>,
}

impl YamlError {
    pub fn new(code: Code, message: impl Into<String>) -> YamlError {
        YamlError {
            code,
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
    pub(crate) fn help(mut self, help: impl Into<String>) -> YamlError {
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
        YamlError::new(Code::InvalidEncoding, "the file is not valid UTF-8")
            .at(Some(Position { line, column }))
            .help("save the file with UTF-8 encoding; the first byte that is not UTF-8 is marked")
    })?;
    if text.trim().is_empty() {
        return Err(YamlError::new(Code::EmptyFile, "the file is empty").help(CONTENT_HELP));
    }
    if text.lines().all(is_blank_or_comment) {
        return Err(
            YamlError::new(Code::EmptyFile, "the file holds only comments, no values")
                .help(CONTENT_HELP),
        );
    }
    if let Some(position) = tab_in_indentation(text) {
        return Err(
            YamlError::new(Code::TabIndentation, "a tab is used for indentation")
                .at(Some(position))
                .help("indent with spaces; YAML does not allow tabs in indentation"),
        );
    }
    Ok(text)
}

const CONTENT_HELP: &str =
    "write a YAML mapping: an account starts with `name:` and `kind:`, rapport.yaml with `organisation:`";

fn is_blank_or_comment(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
}

/// The first tab in the leading whitespace of a line. Tabs after the indentation (inside
/// values) are legal and left alone, and so are lines inside a block scalar (`|` or `>`),
/// whose content may legitimately start with a tab after its indentation.
fn tab_in_indentation(text: &str) -> Option<Position> {
    // Almost no file has a tab anywhere; finding none is one fast scan of the bytes.
    if !text.contains('\t') {
        return None;
    }
    // The indentation of the line that opened the block scalar we are in, if any.
    let mut block_scalar_parent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        if let Some(parent) = block_scalar_parent {
            if rest.is_empty() || spaces > parent {
                continue;
            }
            block_scalar_parent = None;
        }
        // A line of only whitespace, or a comment, cannot break the structure.
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some(column) = line[..indent].find('\t') {
            return Some(Position {
                line: i + 1,
                column: column + 1,
            });
        }
        if opens_block_scalar(rest) {
            block_scalar_parent = Some(spaces);
        }
    }
    None
}

/// Whether a line (without its indentation) ends with a block scalar header such as
/// `note: |`, `- >-` or `text: |2`.
fn opens_block_scalar(rest: &str) -> bool {
    let content = rest.find(" #").map_or(rest, |i| &rest[..i]).trim_end();
    let (prefix, header) = content.rsplit_once(' ').unwrap_or(("", content));
    let mut chars = header.chars();
    let is_header = matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '+' || c == '-' || c.is_ascii_digit());
    let prefix = prefix.trim_end();
    is_header && (prefix.is_empty() || prefix.ends_with(':') || prefix.ends_with('-'))
}

/// The reader options: strict YAML 1.2 booleans, duplicate keys refused (the default), and
/// budgets that stop alias bombs and deep nesting while parsing.
pub(crate) fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_total_scalar_bytes: MAX_SCALAR_BYTES,
            max_aliases: MAX_ALIASES,
            max_anchors: MAX_ANCHORS,
        },
        alias_limits: serde_saphyr::alias_limits! { max_total_replayed_events: MAX_REPLAYED_EVENTS },
    }
}

/// Parses YAML text into `T`, with the path and position of the first problem.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    // Almost every file is valid, and tracking the path costs a third of the parse: parse
    // plainly first and only parse again, tracking the path, to describe a failure.
    let plain = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        T::deserialize(de)
    });
    match plain {
        Ok(value) => Ok(value),
        Err(_) => parse_tracking_path(text),
    }
}

/// The slow parse: the same, with serde_path_to_error recording where the problem is.
fn parse_tracking_path<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    first_failure(text).map_err(|failure| failure.problem)
}

/// Parses `text` into `T`, or every structural problem of it: unknown fields, wrong types
/// and values, invalid dates, missing fields and duplicate keys anywhere in the file, each
/// once (see `recover`). A file that parses costs what [`parse`] costs.
pub fn parse_all<T: DeserializeOwned + schemars::JsonSchema>(
    text: &str,
) -> Result<T, Vec<YamlError>> {
    let plain = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        T::deserialize(de)
    });
    match plain {
        Ok(value) => Ok(value),
        Err(_) => Err(recover::every_problem::<T>(text)),
    }
}

/// The first problem of a file, and what `recover` may do about it to find the next one.
struct Failure {
    problem: YamlError,
    next: Next,
}

/// How reading can go on past a problem.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Next {
    /// Leave the value at the problem's path out and read again.
    Skip,
    /// The mapping at the problem's path lacks `field`.
    Missing { field: String },
    /// The file cannot be read further (a syntax error, a safety limit).
    Stop,
}

/// The first problem of `text` read as `T`, with its path and position.
fn first_failure<T: DeserializeOwned>(text: &str) -> Result<T, Box<Failure>> {
    first_failure_with(text, options())
}

/// [`first_failure`] with other reader options.
fn first_failure_with<T: DeserializeOwned>(
    text: &str,
    options: serde_saphyr::Options,
) -> Result<T, Box<Failure>> {
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options, |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|error| {
        let mut position = error.location().as_ref().and_then(Position::from_location);
        let mut path = clean_path(&path);
        if let serde_saphyr::Error::SerdeMissingField { .. } = &error {
            // serde reports a missing field where the mapping ends, often at the next
            // section's key; the start of the mapping is where the field belongs.
            position = locate(text, &path).or(position);
        }
        if let serde_saphyr::Error::DuplicateMappingKey { key: Some(key), .. } = &error {
            path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
        }
        let next = next_step(&error);
        let mut problem = describe::describe(&error, &path, found_at(text, position));
        problem.position = position;
        problem.path = path;
        Box::new(Failure { problem, next })
    })
}

/// Whether a problem concerns one value, which can be left out to read on, or the file.
fn next_step(error: &serde_saphyr::Error) -> Next {
    use serde_saphyr::Error as E;
    match error {
        E::SerdeMissingField { field, .. } => Next::Missing {
            field: field.to_string(),
        },
        E::SerdeUnknownField { .. }
        | E::SerdeUnknownVariant { .. }
        | E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::SerdeInvalidLength { .. }
        | E::InvalidScalar { .. }
        | E::InvalidBooleanStrict { .. }
        | E::NullIntoString { .. }
        | E::NonFiniteFloat { .. }
        | E::DuplicateMappingKey { .. }
        | E::Unexpected { .. }
        | E::Message { .. } => Next::Skip,
        _ => Next::Stop,
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

/// What the source holds at `position`, for messages such as "found `high`" or "found a
/// list": quoted text up to its closing quote, plain text up to a flow indicator or
/// comment (at most 40 characters), or the shape of a collection.
fn found_at(text: &str, position: Option<Position>) -> Option<String> {
    let position = position?;
    let line = text.lines().nth(position.line.checked_sub(1)?)?;
    let rest: String = line
        .chars()
        .skip(position.column.saturating_sub(1))
        .collect();
    if rest.starts_with('[') || rest == "-" || rest.starts_with("- ") {
        return Some("a list".into());
    }
    if rest.starts_with('{') {
        return Some("a mapping".into());
    }
    let scalar = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let inner = &rest[1..];
            inner.find(quote).map_or(inner, |end| &inner[..end])
        }
        _ => {
            let end = rest.find([',', ']', '}']).unwrap_or(rest.len());
            let end = rest[..end].find(" #").unwrap_or(end);
            let plain = rest[..end].trim_end();
            if plain.ends_with(':') || plain.contains(": ") {
                return Some("a mapping".into());
            }
            plain
        }
    };
    (!scalar.is_empty() && scalar.chars().count() <= 40).then(|| format!("`{scalar}`"))
}

#[cfg(test)]
mod tests;
