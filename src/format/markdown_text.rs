//! Text placed into Markdown pages: plain text that cannot start markup or break a table,
//! and rich Markdown squeezed onto one table-cell line.

/// Plain text for Markdown pages: `<`, `>` and `|` cannot start markup or break a table,
/// and a line break cannot end a list item.
pub fn escape_markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Every character that needs escaping is ASCII, so runs of other bytes (UTF-8
    // sequences included) are copied whole.
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'|' => "\\|",
            b'\\' => "\\\\",
            b'*' => "\\*",
            b'_' => "\\_",
            b'`' => "\\`",
            b'[' => "\\[",
            b']' => "\\]",
            b'#' => "\\#",
            b'\n' | b'\r' => " ",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(escaped);
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out
}

/// Rich Markdown as one table-cell line: blank lines dropped, the others trimmed and
/// joined by spaces, pipes escaped.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in line.split('|').enumerate() {
            if j > 0 {
                out.push_str("\\|");
            }
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_escapes_each_special_character_and_keeps_the_rest() {
        let text = "<>|\\*_`[]#\n\r ü—€ plain";
        assert_eq!(
            escape_markdown_text(text),
            "&lt;&gt;\\|\\\\\\*\\_\\`\\[\\]\\#   ü—€ plain"
        );
    }

    #[test]
    fn markdown_text_cannot_start_markup() {
        assert_eq!(
            escape_markdown_text("a|b <i>*x*</i>\nc"),
            "a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt; c"
        );
    }

    #[test]
    fn a_cell_is_one_line_with_pipes_escaped() {
        assert_eq!(markdown_cell("a | b\n\n  c  \n"), "a \\| b c");
    }
}
