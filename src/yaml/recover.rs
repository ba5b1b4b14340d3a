//! Every structural problem of a file in one run. serde stops at the first problem, so a file
//! that does not deserialize is read again and again: after each problem, the value it is
//! about is blanked out of a copy of the text (spaces in place of its characters, so every
//! line and column stays where it was) and the copy is read once more, until it reads or a
//! problem stops the reader. Each problem keeps serde's exact judgement and our wording of
//! it; nothing is reported that serde would accept.
//!
//! A blanked value can cause problems of its own (a required field now missing, a list now
//! empty); those are recognised because they concern a value around one already reported,
//! and are not reported. A missing field is looked up in the schema derived from the model,
//! so every required field a mapping lacks is reported at once, not one per run.
//!
//! Why not validate against the JSON Schema instead: the schema accepts what serde rejects
//! in a few places (plain scalars read as text, custom types), so it would report problems
//! that are none, and it would be a second, slower judge of a clean file. This runs only for
//! files that fail, and costs nothing for a clean workspace.

use super::blank::{blank, Start};
use super::locate::{segments, Locator, Segment};
use super::{first_failure, first_failure_with, Failure, Next, YamlError};
use crate::diagnostic::{Code, Position};
use serde::de::DeserializeOwned;

/// Most problems reported for one file; past this, the file needs a look as a whole.
const MAX_PROBLEMS: usize = 100;
/// Most readings of one file, problems reported or not: each costs a parse.
const MAX_ROUNDS: usize = 250;

/// Every problem of `text`, which does not deserialize into `T`, in the order met.
pub(super) fn every_problem<T: DeserializeOwned + schemars::JsonSchema>(
    text: &str,
) -> Vec<YamlError> {
    // A file over a safety limit is hostile or broken as a whole: that is the one problem
    // to report, and reading it again and again would multiply the cost of the attack.
    let syntax = syntax_problem(text);
    if let Some(limit) = syntax.as_ref().filter(|p| p.code == Code::SafetyLimit) {
        return vec![limit.clone()];
    }
    let mut work = text.to_string();
    let mut problems: Vec<YamlError> = Vec::new();
    // The paths of values reported or blanked; a problem about a value around one of them
    // may be one that blanking caused.
    let mut handled: Vec<String> = Vec::new();
    let original = Original::new(text, syntax.as_ref().and_then(|s| s.position));
    let mut removed = Removed::default();
    let mut schema = None;
    for _ in 0..MAX_ROUNDS {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        let Err(failure) = first_failure::<T>(&work) else {
            break;
        };
        let Failure { mut problem, next } = *failure;
        // Blanked list items move the items after them up; paths name the file as written.
        let work_path = std::mem::take(&mut problem.path);
        problem.path = removed.original(&work_path);
        let first = problems.is_empty();
        match next {
            Next::Stop => {
                if first {
                    problems.push(problem);
                } else if is_blank(&work) {
                    // Every value was blanked out: the fields the file still needs are
                    // missing from it as written.
                    let schema = schema.get_or_insert_with(|| schema_of::<T>());
                    let position = original.position("");
                    for field in original.missing(schema, "", None) {
                        let path = join("", &field);
                        if !handled.contains(&path) {
                            problems.push(missing_field(&field, &path, position));
                            handled.push(path);
                        }
                    }
                }
                break;
            }
            Next::Missing { field } => {
                let mapping = problem.path.clone();
                let schema = schema.get_or_insert_with(|| schema_of::<T>());
                // Where the mapping starts in the file as written: its first lines may be
                // blanked in the copy.
                let position = original.position(&mapping).or(problem.position);
                for field in original.missing(schema, &mapping, Some(field)) {
                    let path = join(&mapping, &field);
                    if !handled.contains(&path) {
                        problems.push(missing_field(&field, &path, position));
                        handled.push(path);
                    }
                }
                if !blank(&mut work, &work_path, Start::Near(problem.position)) {
                    break;
                }
                removed.note(&mapping);
                handled.push(mapping);
            }
            Next::Skip => {
                let caused_by_blanking =
                    !first && handled.iter().any(|h| encloses(&problem.path, h));
                let start = match problem.code {
                    Code::DuplicateKey => Start::Exactly(problem.position),
                    _ => Start::Near(problem.position),
                };
                let path = problem.path.clone();
                if !caused_by_blanking {
                    problems.push(problem);
                }
                if !blank(&mut work, &work_path, start) {
                    break;
                }
                removed.note(&path);
                handled.push(path);
            }
        }
    }
    if let Some(syntax) = syntax {
        // What the typed reader made of the broken text at the same place (a list where
        // text belongs, for an unclosed `[`) is the syntax error seen from the other side.
        problems.retain(|p| p.position != syntax.position);
        problems.push(syntax);
    }
    problems
}

/// A syntax error anywhere in `text`, found by reading it without a type (and with
/// duplicate keys let through, which are reported on their own): a problem that stops the
/// reader past values blanked out is reported only if the file itself has it.
fn syntax_problem(text: &str) -> Option<YamlError> {
    let mut options = super::options();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    let Err(failure) = first_failure_with::<serde::de::IgnoredAny>(text, options) else {
        return None;
    };
    let Failure { problem, next } = *failure;
    (next == Next::Stop).then_some(problem)
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    })
}

/// The file as written, to ask which keys a mapping has. A file with a syntax error is read
/// up to the line before it, which is what a reader makes of the keys above the error.
struct Original(Locator);

impl Original {
    fn new(text: &str, syntax_error: Option<Position>) -> Original {
        let whole = Locator::new(text);
        if whole.parsed() {
            return Original(whole);
        }
        let before = syntax_error.map_or(0, |p| p.line.saturating_sub(1));
        let head: Vec<&str> = text.lines().take(before).collect();
        Original(Locator::new(&head.join("\n")))
    }

    fn position(&self, path: &str) -> Option<Position> {
        self.0.position(path)
    }

    /// The required fields (from `schema`) that the mapping at `path` lacks in the file as
    /// written. When the file cannot say which keys it has, only `reported`: the field the
    /// reader found missing.
    fn missing(
        &self,
        schema: &serde_json::Value,
        path: &str,
        reported: Option<String>,
    ) -> Vec<String> {
        let Some(present) = self.0.keys(path) else {
            return reported.into_iter().collect();
        };
        let mut required = required_fields(schema, path).unwrap_or_default();
        if let Some(field) = reported.filter(|f| !required.contains(f)) {
            required.insert(0, field);
        }
        required.retain(|field| !present.contains(&field.as_str()));
        required
    }
}

/// The list items blanked out so far, by the path of their list in the file as written and
/// their index there.
#[derive(Default)]
struct Removed(Vec<(String, usize)>);

impl Removed {
    /// Records that the entry at `original_path` (in the file as written) was blanked.
    fn note(&mut self, original_path: &str) {
        if let Some((list, index)) = split_index(original_path) {
            self.0.push((list.to_string(), index));
        }
    }

    /// The path in the file as written of the value at `work_path` in the blanked text.
    fn original(&self, work_path: &str) -> String {
        let Some(segments) = segments(work_path) else {
            return work_path.to_string();
        };
        let mut path = String::new();
        for segment in segments {
            match segment {
                Segment::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Segment::Index(i) => {
                    let mut gone: Vec<usize> = self
                        .0
                        .iter()
                        .filter(|(list, _)| *list == path)
                        .map(|(_, index)| *index)
                        .collect();
                    gone.sort_unstable();
                    let mut index = i;
                    for g in gone {
                        if g <= index {
                            index += 1;
                        }
                    }
                    path.push_str(&format!("[{index}]"));
                }
            }
        }
        path
    }
}

/// `goals[1].milestones[2]` as `goals[1].milestones` and 2; `None` unless the path ends
/// in an index.
fn split_index(path: &str) -> Option<(&str, usize)> {
    let open = path.strip_suffix(']')?.rfind('[')?;
    let index = path[open + 1..path.len() - 1].parse().ok()?;
    Some((&path[..open], index))
}

fn missing_field(field: &str, path: &str, position: Option<Position>) -> YamlError {
    let mut problem = YamlError::new(
        Code::MissingField,
        format!("missing required field `{field}`"),
    )
    .help(format!("add `{field}:` with a value here"));
    problem.path = path.to_string();
    problem.position = position;
    problem
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Whether the value at `outer` holds the value at `inner`, or is it.
fn encloses(outer: &str, inner: &str) -> bool {
    outer.is_empty()
        || inner == outer
        || inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// The model's schema (draft 7, as `rapport schema` prints it), for the required fields of
/// each mapping.
fn schema_of<T: schemars::JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    serde_json::to_value(generator.into_root_schema_for::<T>()).unwrap_or_default()
}

/// The required fields of the mapping at `path`, in the model's order.
fn required_fields(schema: &serde_json::Value, path: &str) -> Option<Vec<String>> {
    let mut node = resolve(schema, schema)?;
    for segment in segments(path)? {
        let child = match segment {
            Segment::Key(key) => node.get("properties")?.get(key)?,
            Segment::Index(_) => node.get("items")?,
        };
        node = resolve(schema, child)?;
    }
    let required = node.get("required")?.as_array()?;
    Some(
        required
            .iter()
            .filter_map(|r| r.as_str().map(str::to_string))
            .collect(),
    )
}

/// A schema with its references followed: `$ref`, a single `allOf`, and the first branch of
/// an `anyOf` that is not `null`.
fn resolve<'s>(
    root: &'s serde_json::Value,
    node: &'s serde_json::Value,
) -> Option<&'s serde_json::Value> {
    let mut node = node;
    // References nest only a few deep; the bound keeps a cyclic schema from spinning.
    for _ in 0..16 {
        if let Some(reference) = node.get("$ref").and_then(|r| r.as_str()) {
            let name = reference.strip_prefix("#/definitions/")?;
            node = root.get("definitions")?.get(name)?;
        } else if let Some([only]) = node
            .get("allOf")
            .and_then(|a| a.as_array())
            .map(Vec::as_slice)
        {
            node = only;
        } else if let Some(branches) = node.get("anyOf").and_then(|a| a.as_array()) {
            node = branches
                .iter()
                .find(|b| b.get("type").and_then(|t| t.as_str()) != Some("null"))?;
        } else {
            return Some(node);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_count_blanked_list_items() {
        let mut removed = Removed::default();
        removed.note("l[1]");
        removed.note("l[0]");
        removed.note("m[4].n[0]");
        assert_eq!(removed.original("l[0].x"), "l[2].x");
        assert_eq!(removed.original("m[3].n[0]"), "m[3].n[0]");
        assert_eq!(removed.original("m[4].n[0]"), "m[4].n[1]");
        assert_eq!(split_index("a[10]"), Some(("a", 10)));
        assert_eq!(split_index("a[1].b"), None);
    }

    #[test]
    fn encloses_by_path_segments() {
        assert!(encloses("goals[1]", "goals[1].due"));
        assert!(encloses("goals", "goals[1]"));
        assert!(encloses("", "x"));
        assert!(!encloses("goals[1]", "goals[10]"));
        assert!(!encloses("goal", "goals"));
    }

    #[test]
    fn required_fields_follow_references() {
        let schema = schema_of::<crate::model::Account>();
        assert_eq!(
            required_fields(&schema, ""),
            Some(vec!["name".to_string(), "kind".to_string()])
        );
        let milestone = required_fields(&schema, "goals[0].milestones[2]").unwrap_or_default();
        assert!(milestone.contains(&"due".to_string()), "{milestone:?}");
    }
}
