//! The filters rapport adds to tera: text for Markdown pages.

use tera::{Kwargs, State, Tera, Value};

pub(super) fn register(tera: &mut Tera) {
    tera.register_filter("md", md);
    tera.register_filter("md_cell", md_cell);
}

/// Plain text for Markdown pages (`{{ x | md }}`): it cannot start markup or break a table.
/// An absent value prints nothing.
fn md(value: Value, _: Kwargs, _: &State) -> String {
    match value.as_str() {
        Some(text) => crate::format::escape_markdown_text(text),
        None if value.is_none() || value.is_undefined() => String::new(),
        None => crate::format::escape_markdown_text(&value.to_string()),
    }
}

/// Rich Markdown inside a table cell (`{{ note.md | md_cell }}`): on one line, pipes
/// escaped. An absent value prints nothing.
fn md_cell(value: Value, _: Kwargs, _: &State) -> String {
    value
        .as_str()
        .map(crate::format::markdown_cell)
        .unwrap_or_default()
}
