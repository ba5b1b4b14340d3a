//! One diagnostic type for every problem rapport reports about a workspace: the file, the
//! line and column where known, the YAML path, the message and a hint. Rendered like rustc
//! for people, or as JSON for editors and CI.

mod code;

pub use code::Code;

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail `check` and `build`, warnings are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A line and column, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// A position from serde-saphyr's location; `None` when the location is unknown.
    pub fn from_location(location: &serde_saphyr::Location) -> Option<Position> {
        let (line, column) = (location.line(), location.column());
        (line > 0).then(|| Position {
            line: line as usize,
            column: column.max(1) as usize,
        })
    }
}

/// One problem found in a workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule that found the problem; stable, listed in docs/diagnostics.md.
    pub code: Code,
    /// The file the problem is in, as given on the command line (workspace-relative paths
    /// are kept relative).
    pub file: PathBuf,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The YAML path, e.g. `reviews[1].scores.reliability`; empty for the whole file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            position: None,
            path: String::new(),
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: Code, file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn at(mut self, position: Option<Position>) -> Diagnostic {
        self.position = position;
        self
    }

    pub fn at_location(self, location: &serde_saphyr::Location) -> Diagnostic {
        self.at(Position::from_location(location))
    }

    pub fn path(mut self, path: impl Into<String>) -> Diagnostic {
        self.path = path.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic like rustc: the message, `--> file:line:col`, the source
    /// line with a caret under the column, and the hint.
    pub fn render(&self, source: Option<&str>) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", self.message);
        let file = display_path(&self.file);
        let _ = match self.position {
            Some(p) => writeln!(out, "  --> {file}:{}:{}", p.line, p.column),
            None => writeln!(out, "  --> {file}"),
        };
        if !self.path.is_empty() {
            let _ = writeln!(out, "   = at: {}", self.path);
        }
        if let (Some(p), Some(source)) = (self.position, source) {
            if let Some(text) = p.line.checked_sub(1).and_then(|i| source.lines().nth(i)) {
                let number = p.line.to_string();
                let gutter = " ".repeat(number.len());
                let (shown, caret) = excerpt(text, p.column);
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{number} | {shown}");
                let _ = writeln!(out, "{gutter} | {}^", " ".repeat(caret));
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "   = help: {help}");
        }
        out
    }
}

/// Longest source line shown in full; longer lines are cut around the column.
const MAX_SHOWN: usize = 100;

/// The source line as shown under a message (tabs as spaces, long lines cut around the
/// column with `...`), and how many characters precede the caret.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let caret = column.saturating_sub(1).min(chars.len());
    if chars.len() <= MAX_SHOWN {
        return (chars.into_iter().collect(), caret);
    }
    let start = caret
        .saturating_sub(MAX_SHOWN / 2)
        .min(chars.len() - MAX_SHOWN);
    let end = start + MAX_SHOWN;
    let mut shown = String::new();
    if start > 0 {
        shown.push_str("...");
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push_str("...");
    }
    let offset = if start > 0 { 3 } else { 0 };
    (shown, caret - start + offset)
}

/// A path as users typed it, with forward slashes so messages read the same everywhere.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Sorts diagnostics by file, then position, then message, so output order is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.position, &a.path, &a.message).cmp(&(&b.file, b.position, &b.path, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc_with_caret_and_help() {
        let d = Diagnostic::error(Code::UnknownField, "ws/accounts/a.yaml", "unknown field `comitments`")
            .at(Some(Position { line: 2, column: 1 }))
            .path("comitments")
            .help("did you mean `commitments`?");
        let text = d.render(Some("name: A\ncomitments: []\n"));
        assert_eq!(
            text,
            "error: unknown field `comitments`\n  --> ws/accounts/a.yaml:2:1\n   = at: comitments\n  |\n2 | comitments: []\n  | ^\n   = help: did you mean `commitments`?\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, caret) = excerpt(&line, 501);
        assert_eq!(shown.chars().count(), 106);
        assert!(shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(shown.chars().nth(caret), Some('X'));
        let (shown, caret) = excerpt(&line, 3);
        assert!(!shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(caret, 2);
        let (shown, caret) = excerpt(&line, 1001);
        assert!(shown.starts_with("...") && !shown.ends_with("..."));
        assert_eq!(shown.chars().nth(caret), Some('b'));
        assert_eq!(excerpt("\tab", 9), (" ab".to_string(), 3));
    }

    #[test]
    fn a_position_past_the_source_shows_no_excerpt() {
        let d = Diagnostic::error(Code::YamlSyntax, "a.yaml", "m").at(Some(Position { line: 9, column: 1 }));
        assert_eq!(d.render(Some("x: 1\n")), "error: m\n  --> a.yaml:9:1\n");
    }
}
