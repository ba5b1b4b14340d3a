//! Diagnostics as one JSON document, for editors and scripts: counts, then each diagnostic
//! with its code, file, start and end (1-based; the end column is one past the span),
//! YAML path, message and hint.

use super::{display_path, Code, Diagnostic, Position, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    severity: Severity,
    code: Code,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "str::is_empty")]
    path: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

/// The JSON document; `ends[i]` is where the span of `diagnostics[i]` ends.
pub fn json(diagnostics: &[Diagnostic], ends: &[Option<Position>]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let document = Document {
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: diagnostics
            .iter()
            .zip(ends.iter().chain(std::iter::repeat(&None)))
            .map(|(d, end)| Entry {
                severity: d.severity,
                code: d.code,
                file: display_path(&d.file),
                line: d.position.map(|p| p.line),
                column: d.position.map(|p| p.column),
                end_line: end.map(|e| e.line),
                end_column: end.map(|e| e.column),
                path: &d.path,
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
