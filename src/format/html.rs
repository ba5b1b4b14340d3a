//! The one HTML escaper: tera uses it for every `{{ … }}` in an `.html` template, and the
//! charts and `serve`'s own pages use it for the text they write.

use std::io::{self, Write};

/// The replacement for each byte that must not reach HTML as itself. `'` is escaped too so
/// that text stays inert inside single-quoted attributes a template override may write.
fn replacement(byte: u8) -> Option<&'static str> {
    Some(match byte {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&#39;",
        _ => return None,
    })
}

/// Escapes `text` for HTML text and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    // Writing to a Vec cannot fail.
    let _ = escape_html_into(text, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`escape_html`] into a writer, in the shape tera's escape hook takes.
pub fn escape_html_into(text: &str, out: &mut dyn Write) -> io::Result<()> {
    // Every byte that needs escaping is ASCII, so runs of other bytes (whole UTF-8
    // sequences among them) are copied unchanged.
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if let Some(escaped) = replacement(byte) {
            out.write_all(&bytes[start..i])?;
            out.write_all(escaped.as_bytes())?;
            start = i + 1;
        }
    }
    out.write_all(&bytes[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_html_specials_and_keeps_everything_else() {
        assert_eq!(
            escape_html("a & b <c> \"d\" 'e' / ü€"),
            "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; / ü€"
        );
        assert_eq!(escape_html(""), "");
    }
}
