//! One diagnostic type for every problem rapport reports about a workspace: the file, the
//! line and column where known, the YAML path, the message and a hint. Rendered like rustc
//! for people, or as JSON for editors and CI.

mod code;
mod github;
mod human;
mod json;
mod sarif;
mod span;

pub use code::Code;
pub use github::github;
pub use human::printable;
pub use json::json;
pub use sarif::sarif;
pub use span::end_of;

use serde::Serialize;
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
    /// The position of byte `offset` of `text`, its column counted in characters like every
    /// column rapport prints; an offset past the end is the end.
    pub fn at_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

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

    /// Renders the diagnostic like rustc, without colour: the message, `--> file:line:col`,
    /// the YAML path, the source line with the span underlined, the hint and the code. Text from files is shown with control characters escaped.
    pub fn render(&self, source: Option<&str>) -> String {
        human::render(self, source, false)
    }

    /// Where the span the diagnostic points at ends in `source` (one past its last
    /// character): the token at its position, or the one character an encoding or tab
    /// problem is about.
    pub fn end(&self, source: Option<&str>) -> Option<Position> {
        match self.code {
            Code::InvalidEncoding | Code::TabIndentation => {
                end_of(source, self.position).map(|_| Position {
                    column: self.position.map_or(1, |p| p.column) + 1,
                    ..self.position.unwrap_or(Position { line: 1, column: 1 })
                })
            }
            _ => end_of(source, self.position),
        }
    }

    /// As [`Diagnostic::render`], in colour when `color` is true.
    pub fn render_styled(&self, source: Option<&str>, color: bool) -> String {
        human::render(self, source, color)
    }
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
        let d = Diagnostic::error(
            Code::UnknownField,
            "ws/accounts/a.yaml",
            "unknown field `comitments`",
        )
        .at(Some(Position { line: 2, column: 1 }))
        .path("comitments")
        .help("did you mean `commitments`?");
        let text = d.render(Some("name: A\ncomitments: []\n"));
        assert_eq!(
            text,
            "error: unknown field `comitments`\n  --> ws/accounts/a.yaml:2:1\n   = at: comitments\n  |\n2 | comitments: []\n  | ^^^^^^^^^^\n   = help: did you mean `commitments`?\n   = code: unknown-field\n"
        );
    }

    #[test]
    fn a_position_past_the_source_shows_no_excerpt() {
        let d = Diagnostic::error(Code::YamlSyntax, "a.yaml", "m")
            .at(Some(Position { line: 9, column: 1 }));
        assert_eq!(
            d.render(Some("x: 1\n")),
            "error: m\n  --> a.yaml:9:1\n   = code: yaml-syntax\n"
        );
    }
}
