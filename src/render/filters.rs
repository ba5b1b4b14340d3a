//! The filters rapport adds to tera (text for Markdown pages) and its one function, `t`:
//! a message of the page's language, from the build's catalogues.

use crate::i18n::Messages;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, Value};

pub(super) fn register(tera: &mut Tera, messages: &Arc<Messages>) {
    tera.register_filter("md", md);
    tera.register_filter("md_cell", md_cell);
    let messages = Arc::clone(messages);
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        t(&messages, kwargs, state)
    });
}

/// `{{ t(key="statement-agreed", date=date) }}`: the message `key` of the catalogue of the
/// page's language (the `lang` variable; inside a component, its `@lang` parameter), the
/// other arguments given to the message. Never an error: a missing message falls back to
/// English, then to the key, so a page is never lost over a label.
fn t(messages: &Messages, kwargs: Kwargs, state: &State) -> String {
    let key = kwargs.get::<&str>("key").ok().flatten().unwrap_or_default();
    let lang: Option<Value> = state.get("lang").ok().flatten();
    let language = crate::i18n::language(lang.as_ref().and_then(Value::as_str).unwrap_or_default());
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, value) in kwargs.iter() {
        let name = name.to_string();
        if name == "key" {
            continue;
        }
        if let Some(number) = value.as_i64() {
            args.set(name, number);
        } else if let Some(text) = value.as_str() {
            args.set(name, text.to_string());
        } else if !(value.is_none() || value.is_undefined()) {
            args.set(name, value.to_string());
        }
    }
    messages.get(language, key, Some(&args))
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
