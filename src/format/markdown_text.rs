//! Text placed into Markdown pages: plain text that cannot start markup or break a table,
//! and rich Markdown squeezed onto one table-cell line; and plain text for a comment on a
//! pull or merge request, where a git host also turns `@name` and `#12` into notifications
//! and cross-references.

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
/// joined by spaces, pipes escaped. A `<` outside a code span is written `&lt;`: the only
/// raw ones left in sanitized Markdown are in code blocks, which a cell cannot hold, and
/// trimmed into a cell `<javascript:x>` would become a link.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut in_code = false;
        for c in line.chars() {
            match c {
                '`' => {
                    in_code = !in_code;
                    out.push(c);
                }
                '|' => out.push_str("\\|"),
                '<' if !in_code => out.push_str("&lt;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// U+2060 WORD JOINER: invisible, and it keeps a git host from reading what follows as a
/// name or a number.
const WORD_JOINER: char = '\u{2060}';

/// Plain text for a Markdown comment on GitHub or GitLab, on one line and inside a list item
/// or paragraph (never at the start of a line). Markup characters are backslash-escaped,
/// `<` and `>` become entities, and a word joiner follows `@`, `#`, `!` and `&`: hosts find
/// mentions (`@dana`, `@org/team`) and references (`#12`, GitLab's `!12` and `&12`) in the
/// rendered text, after backslash escapes are gone, so only breaking the pattern stops a
/// mention from notifying someone or a reference from adding a note to another issue. The
/// joiner after `&` also keeps `&lt;` from being read as an entity.
pub fn escape_comment_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '|' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' | '#' | '!' | '&' => {
                out.push(c);
                out.push(WORD_JOINER);
            }
            // A line break would end the list item, and the next line could be a heading.
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `text` as an inline code span: a fence longer than any run of backticks inside, so the
/// text cannot close it, and a line break cannot end it. Hosts look for mentions and
/// references outside code only.
pub fn code_span(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // CommonMark strips one space from each end when both ends have one: pad so the text
    // keeps its own, and so a backtick at an end does not join the fence.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' '));
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
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
        // A code block's line trimmed into a cell must not become an autolink.
        assert_eq!(markdown_cell("    <javascript:x>"), "&lt;javascript:x>");
        assert_eq!(markdown_cell("`<b>` and <i>"), "`<b>` and &lt;i>");
    }

    #[test]
    fn comment_text_escapes_markup_and_html() {
        assert_eq!(
            escape_comment_text("*a* _b_ ~c~ `d` [e](f) |g| $h$ \\ <img src=x>"),
            "\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\[e\\](f) \\|g\\| \\$h\\$ \\\\ &lt;img src=x&gt;"
        );
    }

    #[test]
    fn comment_text_breaks_mentions_references_and_entities() {
        assert_eq!(
            escape_comment_text("@dana #12 !3 &lt; Q&A"),
            "@\u{2060}dana #\u{2060}12 !\u{2060}3 &\u{2060}lt; Q&\u{2060}A"
        );
    }

    #[test]
    fn comment_text_stays_on_one_line_and_keeps_other_text() {
        assert_eq!(
            escape_comment_text("one\n# two\r\nü—€ 2026-03-31, USD 1,200 (3 days)"),
            "one #\u{2060} two  ü—€ 2026-03-31, USD 1,200 (3 days)"
        );
    }

    #[test]
    fn a_code_span_cannot_be_closed_by_its_text() {
        assert_eq!(code_span("1a2b3c4"), "`1a2b3c4`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a``"), "``` `a`` ```");
        assert_eq!(code_span("a\nb"), "`a b`");
    }
}
