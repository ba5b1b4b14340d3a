//! Template problems as diagnostics: tera's reports placed at the file a user can open
//! (the workspace's override, or the built-in template), with its line and column, and a
//! hint that says what to do.

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::view::Page;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A page that could not be rendered, with the template problem behind it.
#[derive(Debug, thiserror::Error)]
#[error("cannot render {page}: {}{}: {}", crate::diagnostic::display_path(&.diagnostic.file), location(.diagnostic), .diagnostic.message)]
pub struct RenderError {
    /// The page being rendered, relative to the output folder, without extension.
    pub page: String,
    pub diagnostic: Box<Diagnostic>,
}

/// `:line:col` of a diagnostic, or nothing.
fn location(diagnostic: &Diagnostic) -> String {
    diagnostic
        .position
        .map(|p| format!(":{}:{}", p.line, p.column))
        .unwrap_or_default()
}

/// Where each template a user may see in a message lives.
pub(super) struct Files<'a> {
    overrides: &'a BTreeMap<String, PathBuf>,
}

const PORT_HELP: &str = "this override looks written for tera 1, which rapport used before 0.2: \
    macros became components (`{% component name(arg) %}…{% endcomponent name %}` in \
    components.html, called as `{{<name arg={value} />}}`), `{% import %}` and `m::` go away, \
    and `default` no longer replaces a missing value (write `{{ x or \"–\" }}`); see \
    CHANGELOG.md and docs/templates.md";

const SYNTAX_HELP: &str = "fix the template (tera 2 syntax, see docs/templates.md) or delete \
    the override to use the built-in template";

const VARIABLE_HELP: &str = "the variables each page gets are listed in docs/templates.md; \
    a value that may be absent needs `{% if x %}` or `{{ x or \"…\" }}`";

const BUILT_IN_HELP: &str = "this is a bug in rapport's built-in template: please report it";

impl<'a> Files<'a> {
    pub(super) fn new(overrides: &'a BTreeMap<String, PathBuf>) -> Files<'a> {
        Files { overrides }
    }

    /// The file a template name stands for: the workspace's override, or the built-in
    /// template (shown as `templates/NAME (built in)`).
    fn file(&self, name: &str) -> PathBuf {
        match self.overrides.get(name) {
            Some(path) => path.clone(),
            None => PathBuf::from(format!("templates/{name} (built in)")),
        }
    }

    fn is_override(&self, name: &str) -> bool {
        self.overrides.contains_key(name)
    }

    /// A diagnostic for a syntax error of one template, parsed on its own; `None` for
    /// other errors, which need the other templates to judge.
    pub(super) fn syntax_diagnostic(&self, error: &tera::Error, text: &str) -> Option<Diagnostic> {
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) => {
                let help = if !self.is_override(report.filename()) {
                    BUILT_IN_HELP
                } else if looks_like_tera_1(text) {
                    PORT_HELP
                } else {
                    SYNTAX_HELP
                };
                Some(self.place_report(Code::TemplateSyntax, report).help(help))
            }
            _ => None,
        }
    }

    /// Every diagnostic of an error met while putting the templates together: tera lists
    /// each unknown filter, function, component or block as a report of its own.
    pub(super) fn diagnostics(
        &self,
        error: &tera::Error,
        sources: &BTreeMap<String, String>,
    ) -> Vec<Diagnostic> {
        let help = |name: &str| {
            if !self.is_override(name) {
                BUILT_IN_HELP
            } else if sources.get(name).is_some_and(|t| looks_like_tera_1(t)) {
                PORT_HELP
            } else {
                SYNTAX_HELP
            }
        };
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) => {
                vec![self
                    .place_report(Code::TemplateSyntax, report)
                    .help(help(report.filename()))]
            }
            tera::ErrorKind::RenderingError(report) => {
                vec![self
                    .place_report(Code::TemplateError, report)
                    .help(help(report.filename()))]
            }
            tera::ErrorKind::MissingParent { current, parent } => vec![Diagnostic::error(
                Code::TemplateSyntax,
                self.file(current),
                format!("this template extends `{parent}`, which is not a template rapport has"),
            )
            .help("extend \"base.html\", or remove the `{% extends %}` line")],
            _ => {
                let text = error.to_string();
                let placed: Vec<Diagnostic> = text
                    .split("\n\n")
                    .filter_map(|report| self.place_printed_report(report))
                    .map(|(d, name)| d.help(help(&name)))
                    .collect();
                if placed.is_empty() {
                    vec![
                        Diagnostic::error(Code::TemplateSyntax, Path::new("templates"), text)
                            .help(SYNTAX_HELP),
                    ]
                } else {
                    placed
                }
            }
        }
    }

    /// The error of rendering one page.
    pub(super) fn render_error(&self, error: &tera::Error, page: &Page) -> RenderError {
        let diagnostic = match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let help = if self.is_override(report.filename()) {
                    VARIABLE_HELP
                } else {
                    BUILT_IN_HELP
                };
                self.place_report(Code::TemplateError, report).help(help)
            }
            _ => Diagnostic::error(
                Code::TemplateError,
                self.file(&format!("{}.html", page.template())),
                error.to_string(),
            )
            .help(VARIABLE_HELP),
        };
        RenderError {
            page: page.path.clone(),
            diagnostic: Box::new(diagnostic),
        }
    }

    fn place_report(&self, code: Code, report: &tera::ReportError) -> Diagnostic {
        let span = report.span();
        Diagnostic::error(code, self.file(report.filename()), report.message()).at(Some(Position {
            line: span.start_line.max(1),
            column: span.start_col + 1,
        }))
    }

    /// A diagnostic from one report as tera prints it (`error: …` then `--> name:line:col`),
    /// with the template's name.
    fn place_printed_report(&self, report: &str) -> Option<(Diagnostic, String)> {
        let message = report.lines().find_map(|l| l.strip_prefix("error: "))?;
        let location = report
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("--> "))?;
        let mut parts = location.rsplitn(3, ':');
        let column = parts.next()?.trim().parse().ok()?;
        let line = parts.next()?.trim().parse().ok()?;
        let name = parts.next()?.to_string();
        let diagnostic = Diagnostic::error(Code::TemplateSyntax, self.file(&name), message)
            .at(Some(Position { line, column }));
        Some((diagnostic, name))
    }
}

/// Whether a template uses tera 1 constructs that tera 2 dropped: macro definitions and
/// imports, or a macro call (`m::name(`) inside a tag.
fn looks_like_tera_1(text: &str) -> bool {
    let tags = ["{% macro", "{%- macro", "{% import", "{%- import"];
    let macro_call = text.split("{{").skip(1).any(|tag| {
        let tag = tag.split("}}").next().unwrap_or_default();
        tag.find("::").is_some_and(|at| {
            let before = tag[..at].trim_end();
            !before.is_empty()
                && before
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    });
    tags.iter().any(|t| text.contains(t)) || macro_call
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tera_1_constructs_are_recognised() {
        assert!(looks_like_tera_1("{% import \"macros.html\" as m %}"));
        assert!(looks_like_tera_1("{% macro x() %}{% endmacro %}"));
        assert!(looks_like_tera_1("{{ m::people(list=x) }}"));
        assert!(!looks_like_tera_1("{{<people list={x} />}}"));
        assert!(!looks_like_tera_1(
            "<style>p::before { content: \"x\" }</style>{{ name }}"
        ));
    }

    #[test]
    fn a_printed_report_is_placed_at_its_file_line_and_column() {
        let overrides = BTreeMap::from([(
            "account.html".to_string(),
            PathBuf::from("ws/templates/account.html"),
        )]);
        let files = Files::new(&overrides);
        let report =
            "error: Unknown function `get_env`\n --> account.html:3:7\n  |\n3 | {{ get_env() }}";
        let (diagnostic, name) = files
            .place_printed_report(report)
            .unwrap_or_else(|| panic!());
        assert_eq!(name, "account.html");
        assert_eq!(diagnostic.file, PathBuf::from("ws/templates/account.html"));
        assert_eq!(diagnostic.position, Some(Position { line: 3, column: 7 }));
        assert_eq!(diagnostic.message, "Unknown function `get_env`");
    }
}
