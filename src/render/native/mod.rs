//! The built-in templates compiled to Rust. Each page type has a module writing the same
//! bytes as its `templates/NAME.html` and `NAME.md` would through tera, straight from the
//! typed view model: no template walk, no JSON values, no variable lookups by name.
//!
//! The template files stay the reference: they are what a workspace override starts from,
//! debug builds check every compiled page against them, and `tests/compiled_templates.rs`
//! compares the two engines on generated portfolios. Change a template and its module
//! together.

mod account;
mod macros;
mod portfolio;
mod progress;
mod review;
mod shared_index;
mod statement;

use super::Format;
use crate::view::account::{AlertView, MilestoneView};
use crate::view::common::PersonName;
use crate::view::{Page, PageView};

/// The page templates that have a compiled form (as `NAME.html` and `NAME.md`).
pub const TEMPLATES: &[&str] = &[
    "portfolio",
    "account",
    "review",
    "progress",
    "statement",
    "shared-index",
];

/// Renders a page with the compiled form of its built-in template.
pub fn render(page: &Page, format: Format) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let root = page.root.as_str();
    match (&page.view, format) {
        (PageView::Portfolio(v), Format::Html) => portfolio::html(&mut out, v, root),
        (PageView::Portfolio(v), Format::Markdown) => portfolio::markdown(&mut out, v, root),
        (PageView::SharedIndex(v), Format::Html) => shared_index::html(&mut out, v, root),
        (PageView::SharedIndex(v), Format::Markdown) => shared_index::markdown(&mut out, v, root),
        (PageView::Review(v), Format::Html) => review::html(&mut out, v, root),
        (PageView::Review(v), Format::Markdown) => review::markdown(&mut out, v, root),
        (PageView::Account(v), Format::Html) => account::html(&mut out, v, root),
        (PageView::Account(v), Format::Markdown) => account::markdown(&mut out, v, root),
        (PageView::Progress(v), Format::Html) => progress::html(&mut out, v, root),
        (PageView::Progress(v), Format::Markdown) => progress::markdown(&mut out, v, root),
        (PageView::Statement(v), Format::Html) => statement::html(&mut out, v, root),
        (PageView::Statement(v), Format::Markdown) => statement::markdown(&mut out, v, root),
    }
    out
}

/// Panics, naming the first differing line, if a compiled page differs from its template's
/// output. Pages end with one newline whatever the template's last tag leaves, so trailing
/// whitespace is not compared.
#[cfg(any(debug_assertions, test))]
pub fn assert_same(file: &str, page: &str, template: &str, compiled: &str) {
    let (template, compiled) = (template.trim_end(), compiled.trim_end());
    if template == compiled {
        return;
    }
    let mut lines = template.lines().zip(compiled.lines()).enumerate();
    let (number, (want, got)) = lines
        .find(|(_, (a, b))| a != b)
        .map(|(n, pair)| (n + 1, pair))
        .unwrap_or((
            template.lines().count().min(compiled.lines().count()) + 1,
            ("(end of text)", "(end of text)"),
        ));
    panic!(
        "the compiled form of {file} differs from the template on {page}, line {number}:\n  \
         template: {want}\n  compiled: {got}"
    );
}

/// The variable parts `base.html` leaves to a page, as writers called in page order.
pub struct Layout<'a> {
    pub root: &'a str,
    pub title: &'a dyn Fn(&mut String),
    pub body_class: &'a str,
    pub nav: &'a dyn Fn(&mut String),
    pub content: &'a dyn Fn(&mut String),
    pub footer: &'a dyn Fn(&mut String),
}

/// `base.html`.
pub fn base(out: &mut String, layout: Layout<'_>) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    (layout.title)(out);
    out.push_str("</title>\n<link rel=\"stylesheet\" href=\"");
    out.push_str(layout.root);
    out.push_str("style.css\">\n</head>\n<body class=\"");
    out.push_str(layout.body_class);
    out.push_str("\">\n<nav class=\"site-nav\">");
    (layout.nav)(out);
    out.push_str("</nav>\n<main>\n");
    (layout.content)(out);
    out.push_str("\n</main>\n<footer class=\"site-footer\">");
    (layout.footer)(out);
    out.push_str("</footer>\n</body>\n</html>\n");
}

/// The statement's title where the account gives none.
pub const STATEMENT_TITLE: &str = "Joint commitment statement";

/// A note change in the review notes: `: from → to`, `: to`, or `: was from`.
pub fn change(
    out: &mut String,
    from: &Option<String>,
    to: &Option<String>,
    write: fn(&mut String, &str),
) {
    match (some(from), some(to)) {
        (Some(from), Some(to)) => {
            out.push_str(": ");
            write(out, from);
            out.push_str(" → ");
            write(out, to);
        }
        (_, Some(to)) => {
            out.push_str(": ");
            write(out, to);
        }
        (Some(from), None) => {
            out.push_str(": was ");
            write(out, from);
        }
        (None, None) => {}
    }
}

/// The links to the previous and next quarter's page in a page's navigation (HTML).
pub fn quarter_links_html(out: &mut String, previous: &Option<String>, next: &Option<String>) {
    if let Some(previous) = some(previous) {
        out.push_str(" · <a href=\"");
        esc(out, previous);
        out.push_str(".html\" rel=\"prev\">← ");
        esc(out, previous);
        out.push_str("</a>");
    }
    if let Some(next) = some(next) {
        out.push_str(" · <a href=\"");
        esc(out, next);
        out.push_str(".html\" rel=\"next\">");
        esc(out, next);
        out.push_str(" →</a>");
    }
}

/// The same links on a Markdown page.
pub fn quarter_links_md(out: &mut String, previous: &Option<String>, next: &Option<String>) {
    if let Some(previous) = some(previous) {
        out.push_str(" · [← ");
        out.push_str(previous);
        out.push_str("](");
        out.push_str(previous);
        out.push_str(".md)");
    }
    if let Some(next) = some(next) {
        out.push_str(" · [");
        out.push_str(next);
        out.push_str(" →](");
        out.push_str(next);
        out.push_str(".md)");
    }
}

/// Alerts as Markdown list items: `- **high** `CODE`: message`.
pub fn alert_items_md(out: &mut String, alerts: &[AlertView]) {
    for a in alerts {
        out.push_str("- **");
        out.push_str(&a.severity);
        out.push_str("** `");
        out.push_str(&a.code);
        out.push_str("`: ");
        md(out, &a.message);
        out.push('\n');
    }
}

/// A milestone as a Markdown checklist item: `- [x] title — due D, done D`.
pub fn checklist_item(out: &mut String, ms: &MilestoneView) {
    let done = some(&ms.done);
    out.push_str(if done.is_some() { "- [x] " } else { "- [ ] " });
    md(out, &ms.title);
    out.push_str(" — due ");
    out.push_str(&ms.due);
    if let Some(done) = done {
        out.push_str(", done ");
        out.push_str(done);
    }
}

/// People as `name (role, company); …`, for attendees and committee members.
pub fn people_with_roles(out: &mut String, list: &[PersonName], write: fn(&mut String, &str)) {
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        write(out, &p.name);
        out.push_str(" (");
        if let Some(role) = some(&p.role) {
            write(out, role);
            out.push_str(", ");
        }
        write(out, &p.company);
        out.push(')');
    }
}

/// `{{ text }}` in an HTML template: tera's escaping (`& < > " ' /`).
pub fn esc(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            b'/' => "&#x2F;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// `{{ value | default(value=fallback) }}` in an HTML template.
pub fn esc_or(out: &mut String, text: Option<&str>, fallback: &str) {
    esc(out, text.unwrap_or(fallback));
}

/// `{{ text | md }}` in a Markdown template.
pub fn md(out: &mut String, text: &str) {
    super::push_markdown_text(out, text);
}

/// `{{ value | default(value=fallback) | md }}` in a Markdown template.
pub fn md_or(out: &mut String, text: Option<&str>, fallback: &str) {
    md(out, text.unwrap_or(fallback));
}

/// `{{ rich_markdown | md_cell }}`: one line, pipes escaped.
pub fn md_cell(out: &mut String, text: &str) {
    super::push_markdown_cell(out, text);
}

/// `{% if text %}` on an optional text: present and not empty.
pub fn some(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|t| !t.is_empty())
}

/// `{{ number }}`.
pub fn num(out: &mut String, value: impl std::fmt::Display) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "{value}");
}

/// `{{ list | join(sep=sep) }}` in an HTML template (the joined text is escaped).
pub fn esc_join(out: &mut String, items: &[String], sep: &str) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            esc(out, sep);
        }
        esc(out, item);
    }
}

/// `{{ list | join(sep=sep) }}` in a Markdown template (no filter: as it is).
pub fn join(out: &mut String, items: &[String], sep: &str) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_tera_does() {
        let text = "a&b <c> \"d\" 'e' f/g – ünï";
        let mut out = String::new();
        esc(&mut out, text);
        assert_eq!(out, tera::escape_html(text));
    }

    #[test]
    #[should_panic(expected = "line 2")]
    fn names_the_first_differing_line() {
        assert_same("x.html", "p", "a\nb\nc", "a\nB\nc");
    }

    #[test]
    fn ignores_trailing_whitespace_only() {
        assert_same("x.html", "p", "a\nb\n\n", "a\nb\n");
    }

    #[test]
    #[should_panic(expected = "end of text")]
    fn a_missing_tail_is_a_difference() {
        assert_same("x.html", "p", "a\nb", "a");
    }
}
