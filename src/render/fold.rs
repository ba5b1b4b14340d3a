//! Labels decided when the templates are read. Each `t(key="…")` that names only its key
//! becomes the message's text in every language rapport ships, chosen by the page's `lang`
//! when the page is rendered: `("Due" if lang == "en" else "Fällig" if lang == "de" else
//! "Échéance" if lang == "fr" else "Due")`. A large portfolio prints millions of labels, and a function call for
//! each cost a fifth of a build; a comparison costs a fraction of that. The text is the
//! one `t` would print ([`Messages::get`]), so pages are the same byte for byte.
//!
//! Only template code is rewritten: text, comments and `{% raw %}` blocks are left as they
//! are, and so are string literals inside tags. A component that has no `lang` parameter
//! keeps its calls, since `lang` means nothing there and `t` falls back to English.

use crate::i18n::{Messages, CATALOGUES};
use crate::model::Language;
use std::borrow::Cow;

/// `source` with every key-only `t(key="…")` in its tags replaced by its messages.
pub(super) fn fold<'a>(source: &'a str, messages: &Messages) -> Cow<'a, str> {
    let bytes = source.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    // Whether the current component, if any, has a `lang` parameter (outside components
    // the page's context always has one).
    let mut lang_known = true;
    while at < bytes.len() {
        let rest = &source[at..];
        if rest.starts_with("{#") {
            at = skip_past(source, at + 2, "#}");
        } else if let Some(after) = raw_block_end(source, at) {
            at = after;
        } else if rest.starts_with("{{") || rest.starts_with("{%") {
            let tag_start = at;
            at += 2;
            let mut tag_end = bytes.len();
            while at < bytes.len() {
                let c = bytes[at];
                if matches!(c, b'"' | b'\'' | b'`') {
                    at = skip_string(bytes, at);
                } else if source[at..].starts_with("}}") || source[at..].starts_with("%}") {
                    at += 2;
                    tag_end = at;
                    break;
                } else if lang_known && c == b't' && !follows_name(bytes, at) {
                    match key_only_call(&source[at..]) {
                        Some((key, len)) => {
                            out.push_str(&source[copied..at]);
                            out.push_str(&expression(key, messages));
                            at += len;
                            copied = at;
                        }
                        None => at += 1,
                    }
                } else {
                    at += 1;
                }
            }
            let tag = &source[tag_start..tag_end.min(bytes.len())];
            if let Some(words) = statement_words(tag) {
                match words.first().copied() {
                    Some("component") => lang_known = words.contains(&"lang"),
                    Some("endcomponent") => lang_known = true,
                    _ => {}
                }
            }
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    if copied == 0 {
        Cow::Borrowed(source)
    } else {
        out.push_str(&source[copied..]);
        Cow::Owned(out)
    }
}

/// The index just past `end` found from `from`, or the end of `source`.
fn skip_past(source: &str, from: usize, end: &str) -> usize {
    source
        .get(from..)
        .and_then(|rest| rest.find(end))
        .map_or(source.len(), |found| from + found + end.len())
}

/// The index past the `{% endraw %}` of a `{% raw %}` tag at `at`, if one starts there.
fn raw_block_end(source: &str, at: usize) -> Option<usize> {
    let rest = &source[at..];
    let tag = &rest[..rest.strip_prefix("{%")?.find("%}")? + 4];
    if statement_words(tag)?.first() != Some(&"raw") {
        return None;
    }
    let mut from = at + 2;
    loop {
        let found = from + source.get(from..)?.find("{%")?;
        let close = found + source[found..].find("%}")? + 2;
        if statement_words(&source[found..close]).is_some_and(|w| w.first() == Some(&"endraw")) {
            return Some(close);
        }
        from = close;
    }
}

/// The words of a `{% … %}` tag (`-` trim marks dropped), or `None` for an expression tag.
fn statement_words(tag: &str) -> Option<Vec<&str>> {
    let inner = tag.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-');
    Some(
        inner
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect(),
    )
}

/// The index past the string literal that opens at `at` (backslash escapes as tera reads
/// them), or the end of the text when it is not closed.
fn skip_string(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether the byte at `at` continues a name (`first(` is not `t(`).
fn follows_name(bytes: &[u8], at: usize) -> bool {
    at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'_' | b'.'))
}

/// The key of a call `t(key="…")` with no other argument at the start of `text`, and the
/// call's length.
fn key_only_call(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("t(")?.trim_start();
    let rest = rest.strip_prefix("key")?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let body = &rest[1..];
    let len = body.find(quote)?;
    let key = &body[..len];
    if key.contains('\\') {
        return None;
    }
    let after = body[len + 1..].trim_start().strip_prefix(')')?;
    Some((key, text.len() - after.len()))
}

/// The expression that prints `key` in the page's language. English, the language of
/// most workspaces, is tested first, so that its pages pay one comparison per label; a
/// language whose text is English's needs no test, and any other `lang` reads English,
/// as `t` does.
fn expression(key: &str, messages: &Messages) -> String {
    let english = literal(&messages.get(Language::En, key, None));
    let mut expression = english.clone();
    let mut others = false;
    for (language, _) in CATALOGUES.iter().rev() {
        let text = literal(&messages.get(*language, key, None));
        if *language != Language::En && text != english {
            expression = format!(
                "{text} if lang == \"{}\" else {expression}",
                language.as_str()
            );
            others = true;
        }
    }
    if others {
        format!("({english} if lang == \"en\" else {expression})")
    } else {
        format!("({expression})")
    }
}

/// `text` as a tera string literal.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(source: &str) -> String {
        fold(source, Messages::built_in()).into_owned()
    }

    #[test]
    fn a_key_only_call_becomes_each_languages_text() {
        let english = Messages::built_in().get(Language::En, "due", None);
        let german = Messages::built_in().get(Language::De, "due", None);
        assert_ne!(english, german);
        let out = folded(r#"<span>{{ t(key="due") }}</span>"#);
        assert!(!out.contains("t(key"), "{out}");
        assert!(
            out.contains(&literal(&english)) && out.contains(&literal(&german)),
            "{out}"
        );
        assert!(
            out.starts_with("<span>{{ (") && out.ends_with(") }}</span>"),
            "{out}"
        );
    }

    #[test]
    fn calls_with_arguments_text_comments_raw_blocks_and_strings_are_kept() {
        for source in [
            r#"{{ t(key="parties", a=x, b=y) }}"#,
            r#"<p>t(key="due")</p>"#,
            r#"{# {{ t(key="due") }} #}"#,
            r#"{% raw %}{{ t(key="due") }}{% endraw %}"#,
            r#"{{ "t(key='due')" }}"#,
            r#"{{ first(key="due") }}"#,
            r#"{% component c(x) %}{{ t(key="due") }}{% endcomponent c %}"#,
        ] {
            assert_eq!(folded(source), source);
        }
    }

    #[test]
    fn a_component_with_a_lang_parameter_is_folded_and_the_page_after_it() {
        let out = folded(
            r#"{% component c(x) %}{{ t(key="due") }}{% endcomponent c %}{% component d(@lang = "en") %}{{ t(key="due") }}{% endcomponent d %}{{ t(key="done") }}"#,
        );
        assert_eq!(out.matches("t(key").count(), 1, "{out}");
        assert!(
            out.starts_with(r#"{% component c(x) %}{{ t(key="due") }}"#),
            "{out}"
        );
    }

    #[test]
    fn text_that_needs_escaping_survives_as_a_literal() {
        assert_eq!(literal("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\nd""#);
    }
}
