//! A workspace's own messages: `templates/locales/<lang>.ftl`, for the languages rapport
//! ships. Like a template override, a catalogue replaces rapport's messages of its language
//! key by key; keys it leaves out keep rapport's text, and keys rapport does not have are
//! the workspace's own, for its template overrides to name.
//!
//! Reading reports what would otherwise go unnoticed: a syntax error (Fluent would drop the
//! message and print rapport's text instead), a file for a language rapport does not ship,
//! and a key that nothing uses (usually a misspelt one). The text typed into the messages
//! is given to the leak guard ([`typed_text`]), as a template override's is.

use super::{Messages, CATALOGUES};
use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::Language;
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The folder of the workspace's catalogues, inside its `templates/`.
pub const LOCALES_DIR: &str = "locales";

/// The largest catalogue read: a catalogue is a page of labels, not data.
const MAX_CATALOGUE_BYTES: u64 = 1024 * 1024;

/// One catalogue of the workspace's, as read.
#[derive(Debug, Clone)]
pub struct CatalogueFile {
    pub language: Language,
    pub path: PathBuf,
    pub text: String,
}

/// Reads the workspace's catalogues in `templates_dir/locales/`, and every problem with
/// them: errors for a catalogue that cannot be read or does not parse, warnings for a file
/// that is not the catalogue of a shipped language. The messages hold every catalogue that
/// could be read, so a build never starts on a catalogue `check` would refuse: the caller
/// stops on the errors.
pub fn read_overrides(templates_dir: &Path) -> (Messages, Vec<Diagnostic>) {
    let dir = templates_dir.join(LOCALES_DIR);
    if !dir.is_dir() {
        return (Messages::default(), Vec::new());
    }
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(
                Diagnostic::error(
                    Code::TemplateUnreadable,
                    &dir,
                    format!("cannot read this folder of message catalogues: {e}"),
                )
                .help("give rapport read access to it, or delete it to use rapport's messages"),
            );
            return (Messages::default(), problems);
        }
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    let root = crate::workspace_file::canonical_root(templates_dir.parent().unwrap_or(&dir));
    let mut files = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let Some(language) = shipped_language(&name) else {
            problems.push(unknown_catalogue(&path, &name));
            continue;
        };
        let text = match crate::workspace_file::read(&root, &path, MAX_CATALOGUE_BYTES)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
            }) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(
                    Diagnostic::error(
                        Code::TemplateUnreadable,
                        &path,
                        format!("cannot read this message catalogue: {problem}"),
                    )
                    .help("a message catalogue is a UTF-8 text file of at most 1 MiB; fix it or delete it to use rapport's messages"),
                );
                continue;
            }
        };
        problems.extend(syntax_errors(&path, &text));
        files.push(CatalogueFile {
            language,
            path,
            text,
        });
    }
    (Messages::with_overrides(files), problems)
}

/// The shipped language a catalogue's file name is for: `de.ftl` is German.
fn shipped_language(name: &str) -> Option<Language> {
    let code = name.strip_suffix(".ftl")?;
    CATALOGUES
        .iter()
        .map(|(language, _)| *language)
        .find(|l| l.as_str() == code)
}

fn shipped_names() -> Vec<String> {
    CATALOGUES
        .iter()
        .map(|(language, _)| format!("{language}.ftl"))
        .collect()
}

/// A warning for a file of `locales/` that is no shipped language's catalogue: it is
/// ignored, and a misspelt name or an unshipped language would otherwise go unnoticed.
fn unknown_catalogue(path: &Path, name: &str) -> Diagnostic {
    let known = shipped_names();
    let message = match name.strip_suffix(".ftl") {
        Some(code) => {
            format!("rapport does not write pages in `{code}`; this catalogue is ignored")
        }
        None => "this file is not a message catalogue; it is ignored".to_string(),
    };
    // `es.ftl` is a language of its own, not a misspelt `en.ftl`; `deu.ftl` or `de.FTL`
    // may well mean `de.ftl`.
    let two_letter_code = name
        .strip_suffix(".ftl")
        .is_some_and(|code| code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()));
    let suggestion = crate::suggest::nearest(name, &known).filter(|_| !two_letter_code);
    let help = match suggestion {
        Some(near) => format!(
            "did you mean `{near}`? A workspace can override the catalogues of the languages rapport ships: {}",
            known.join(", ")
        ),
        None => format!(
            "a workspace can override the catalogues of the languages rapport ships: {}",
            known.join(", ")
        ),
    };
    Diagnostic::warning(Code::UnknownCatalogue, path, message).help(help)
}

/// Every syntax error of a catalogue, at its line and column.
fn syntax_errors(path: &Path, text: &str) -> Vec<Diagnostic> {
    let Err((_, errors)) = fluent_syntax::parser::parse(text) else {
        return Vec::new();
    };
    errors
        .into_iter()
        .map(|error| {
            // Where the parser noticed the problem, but within the entry it spoiled: an
            // unclosed `{` is noticed at the end of the file, far below the line to fix.
            let entry_end = error
                .slice
                .as_ref()
                .and_then(|slice| text.get(slice.clone()))
                .zip(error.slice.as_ref())
                .map_or(text.len(), |(entry, slice)| slice.start + entry.trim_end().len());
            Diagnostic::error(
                Code::CatalogueSyntax,
                path,
                format!("this message catalogue does not parse: {}", error.kind),
            )
            .at(Some(Position::at_offset(text, error.pos.start.min(entry_end))))
            .help("a catalogue holds Fluent messages, one `key = text` per line, arguments as `{ $name }` (https://projectfluent.org/fluent/guide/); until it parses, pages keep rapport's own text for the messages around the error")
        })
        .collect()
}

/// The messages a catalogue text defines, each with the position of its id.
fn defined(text: &str) -> Vec<(String, Position)> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    // A message's id starts its line (Fluent entries are not indented), so the first line
    // that starts with the id and `=` is its definition.
    let mut found = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let offset = line_starts(text)
            .find(|&start| {
                text[start..]
                    .strip_prefix(id)
                    .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with('='))
            })
            .unwrap_or(0);
        found.push((id.to_string(), Position::at_offset(text, offset)));
    }
    found
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

impl Messages {
    /// A warning for each message of the workspace's catalogues that rapport does not have
    /// and that no template override of the workspace names in `t(key="…")` (`used`):
    /// nothing prints it, and it is usually a misspelt key.
    pub fn unknown_keys(&self, used: &BTreeSet<String>) -> Vec<Diagnostic> {
        let built_in: Vec<String> = CATALOGUES
            .iter()
            .find(|(language, _)| *language == Language::En)
            .map(|(_, text)| super::keys(text))
            .unwrap_or_default();
        let mut problems = Vec::new();
        for file in &self.files {
            for (key, at) in defined(&file.text) {
                if built_in.contains(&key) || used.contains(&key) {
                    continue;
                }
                let help = match crate::suggest::nearest(&key, &built_in) {
                    Some(near) => format!("did you mean `{near}`? rapport's keys are those of its own catalogues, locales/en.ftl, de.ftl and fr.ftl in its source"),
                    None => "rapport has no message of this name, and no template override in templates/ names it in `t(key=\"…\")`; rapport's keys are those of its own catalogues, locales/en.ftl, de.ftl and fr.ftl in its source".to_string(),
                };
                problems.push(
                    Diagnostic::warning(
                        Code::UnknownMessage,
                        &file.path,
                        format!("no page uses the message `{key}`; it is ignored"),
                    )
                    .at(Some(at))
                    .help(help),
                );
            }
        }
        problems
    }
}

/// The text typed into a catalogue: every piece of text its messages and terms can print
/// (their values, attributes and every variant), string literals included, message by
/// message. Arguments stand for text the pages print anyway, which the leak guard searches
/// there; the text around them joins as it would on a page.
pub fn typed_text(text: &str) -> String {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut out = String::new();
    for entry in &resource.body {
        let (value, attributes) = match entry {
            ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
            _ => continue,
        };
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            push_pattern(pattern, &mut out);
            out.push('\n');
        }
    }
    out
}

fn push_pattern(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => push_expression(expression, out),
        }
    }
}

fn push_expression(expression: &ast::Expression<&str>, out: &mut String) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            // Each variant is one text a page may print: kept apart from the others.
            for variant in variants {
                out.push('\n');
                push_pattern(&variant.value, out);
            }
            out.push('\n');
        }
        ast::Expression::Inline(inline) => push_inline(inline, out),
    }
}

fn push_inline(inline: &ast::InlineExpression<&str>, out: &mut String) {
    match inline {
        ast::InlineExpression::StringLiteral { value }
        | ast::InlineExpression::NumberLiteral { value } => out.push_str(value),
        ast::InlineExpression::Placeable { expression } => push_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                push_inline(argument, out);
            }
        }
        ast::InlineExpression::MessageReference { .. }
        | ast::InlineExpression::TermReference { .. }
        | ast::InlineExpression::VariableReference { .. } => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = b\nkëy = x\n";
        assert_eq!(
            Position::at_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::at_offset(text, 10),
            Position { line: 2, column: 4 }
        );
        assert_eq!(
            Position::at_offset(text, 999),
            Position { line: 3, column: 1 }
        );
        let found = defined("# c\nfirst = 1\n\nsecond   = 2\n  .attr = 3\n");
        assert_eq!(
            found,
            vec![
                ("first".to_string(), Position { line: 2, column: 1 }),
                ("second".to_string(), Position { line: 4, column: 1 }),
            ]
        );
    }

    #[test]
    fn typed_text_joins_what_a_page_would_print() {
        let text = "# Secret in a comment\nmsg = Se{ \"\" }cret { $name } plan\n    .title = At{ \"tr\" }\nsel = { $n ->\n    [one] one Hush\n   *[other] many Hush\n}\n-term = Brand\n";
        let typed = typed_text(text);
        assert!(typed.contains("Secret  plan"), "{typed}");
        assert!(typed.contains("Attr"), "{typed}");
        assert!(
            typed.contains("one Hush") && typed.contains("many Hush"),
            "{typed}"
        );
        assert!(typed.contains("Brand"), "{typed}");
        assert!(
            !typed.contains("comment") && !typed.contains("msg"),
            "{typed}"
        );
    }

    #[test]
    fn reading_reports_syntax_errors_and_unshipped_languages() {
        let dir = tempfile::tempdir().unwrap();
        let locales = dir.path().join("templates").join(LOCALES_DIR);
        std::fs::create_dir_all(&locales).unwrap();
        std::fs::write(
            locales.join("de.ftl"),
            "and = sowie\nstatment-crumb = Erklärung\nbroken = { $x\n",
        )
        .unwrap();
        std::fs::write(locales.join("es.ftl"), "and = y\n").unwrap();
        std::fs::write(locales.join("fr.FTL"), "and = et\n").unwrap();
        let (messages, problems) = read_overrides(&dir.path().join("templates"));
        let codes: Vec<(Code, Option<usize>)> = problems
            .iter()
            .map(|d| (d.code, d.position.map(|p| p.line)))
            .collect();
        assert_eq!(
            codes,
            vec![
                (Code::CatalogueSyntax, Some(3)),
                (Code::UnknownCatalogue, None),
                (Code::UnknownCatalogue, None),
            ],
            "{problems:?}"
        );
        assert_eq!(problems[0].position.map(|p| p.column), Some(14));
        assert!(problems[1].message.contains("`es`"), "{problems:?}");
        assert!(!problems[1]
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean"));
        let help = problems[2].help.as_deref().unwrap();
        assert!(help.starts_with("did you mean `fr.ftl`?"), "{help}");
        assert!(help.contains("en.ftl, de.ftl, fr.ftl"), "{help}");
        assert_eq!(messages.get(Language::De, "and", None), "sowie");
        assert_eq!(messages.get(Language::Fr, "and", None), "et");
        let unknown = messages.unknown_keys(&BTreeSet::new());
        assert_eq!(unknown.len(), 1, "{unknown:?}");
        assert_eq!(unknown[0].code, Code::UnknownMessage);
        assert_eq!(unknown[0].position, Some(Position { line: 2, column: 1 }));
        let help = unknown[0].help.as_deref().unwrap();
        assert!(
            help.starts_with("did you mean `statement-crumb`?"),
            "{help}"
        );
        // A key a template override names is the workspace's own.
        let used = BTreeSet::from(["statment-crumb".to_string()]);
        assert!(messages.unknown_keys(&used).is_empty());
    }
}
