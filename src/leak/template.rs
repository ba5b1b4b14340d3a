//! The text typed into a template override: what the template prints whatever its view.
//! A workspace's template may be written by anyone with write access to the repository,
//! and text typed into it reaches the pages of every account that uses it, so it is
//! searched for the internal text of every account, not only the one a page is about.
//!
//! The typed text is the template without its tera tags, each `{{ }}` or `{% %}` replaced
//! by the string literals it holds (`{{ "Se" ~ "cret" }}` prints `Secret`, and a tag between
//! two halves of a word joins them), comments `{# #}` dropped, and `{% raw %}` blocks kept
//! as written. Variables print the view, which the guard searches on every page anyway.

/// The typed text of a tera template.
pub(super) fn typed_text(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(kind) = rest.as_bytes().get(1).copied() else {
            break;
        };
        let close = match kind {
            b'{' => "}}",
            b'%' => "%}",
            b'#' => "#}",
            _ => {
                out.push('{');
                rest = &rest[1..];
                continue;
            }
        };
        let body = &rest[2..];
        if kind == b'#' {
            rest = body.find(close).map_or("", |end| &body[end + 2..]);
            continue;
        }
        let end = literals(body, close, &mut out);
        let tag = &body[..end];
        rest = body.get(end + 2..).unwrap_or_default();
        if kind == b'%' && tag_word(tag) == "raw" {
            let (raw, after) = until_endraw(rest);
            out.push_str(raw);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Appends the string literals of the tag whose body starts `body`, and returns where the
/// body ends: at `close` outside a literal, or at the end of the text.
fn literals(body: &str, close: &str, out: &mut String) -> usize {
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // Bytes, not `str` slices: `at` may stand inside a multi-byte character.
        if bytes[at..].starts_with(close.as_bytes()) {
            return at;
        }
        if matches!(b, b'"' | b'\'' | b'`') {
            let inner = &body[at + 1..];
            let len = inner.find(b as char).unwrap_or(inner.len());
            out.push_str(&inner[..len]);
            at += len + 2;
        } else {
            at += 1;
        }
    }
    body.len()
}

/// The first word of a tag's body, whitespace control (`{%-`) left out.
fn tag_word(tag: &str) -> &str {
    tag.trim_start_matches('-')
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches('-')
}

/// The text of a raw block up to its `{% endraw %}`, and what follows that tag.
fn until_endraw(text: &str) -> (&str, &str) {
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        let start = from + found;
        let body = &text[start + 2..];
        if let Some(end) = body.find("%}") {
            if tag_word(&body[..end]) == "endraw" {
                return (&text[..start], &body[end + 2..]);
            }
        }
        from = start + 2;
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_give_their_literals_comments_vanish_raw_blocks_stay() {
        assert_eq!(
            typed_text("<p>{{ name }} Se{{ '' }}cret</p>"),
            "<p> Secret</p>"
        );
        assert_eq!(typed_text("{{ \"Se\" ~ 'cr' ~ `et` }}"), "Secret");
        assert_eq!(
            typed_text("Se{% if x %}cr{% else %}{% endif %}et"),
            "Secret"
        );
        assert_eq!(typed_text("Se{# a comment #}cret"), "Secret");
        assert_eq!(
            typed_text("{%- raw -%}{{ Se }}cret{% endraw %}!"),
            "{{ Se }}cret!"
        );
        assert_eq!(typed_text("{% set x = \"a %} b\" %}c"), "a %} bc");
        assert_eq!(typed_text("a { b } {"), "a { b } {");
        // Unclosed tags end the text without failing.
        assert_eq!(typed_text("x {{ 'y"), "x y");
        assert_eq!(typed_text("x {# y"), "x ");
        assert_eq!(typed_text("{% raw %}z"), "z");
        assert_eq!(typed_text("é{{'ü'}}{"), "éü{");
    }
}
