//! Markdown in notes: rendered to sanitized HTML for `.html` pages, and kept as Markdown
//! (with raw HTML neutralised) for `.md` pages.
//!
//! Raw HTML written in a note is shown as text, never interpreted: a note is prose, and
//! an account file may come from anyone with write access to the repository. The HTML that
//! pulldown-cmark produces is then cleaned by ammonia as a second line of defence, so no
//! script, event attribute or `javascript:`/`data:` URL can survive whatever the input.
//! Only HTML made of attribute-free plain tags and plain text, which ammonia would return
//! unchanged, skips the cleaning (checked against ammonia in debug builds and by tests).

use pulldown_cmark::{html, Event, Options, Parser};
use std::sync::OnceLock;

/// The deepest nesting of lists and block quotes a note may have and still be read as
/// Markdown (docs/format.md, "Limits"). Parsing a line costs as much as the containers it
/// continues, so a note of 40,000 lists inside one another (`- - - - …`, two bytes a
/// level) with many lines took quadratic time; past this depth a note is shown as the
/// plain text it is, which costs its length.
pub const MAX_NESTING: usize = 64;

/// At least the deepest nesting of containers (lists, block quotes) any line of `markdown`
/// can be in, found in one pass: the markers a line opens (`>`, `-`, `+`, `*`, `1.`,
/// `1)`) plus half its indentation, which may continue the containers of the lines above.
/// Cheaper than parsing, and never less than what the parser would build.
pub fn nesting_depth(markdown: &str) -> usize {
    markdown
        .lines()
        .map(|line| {
            let bytes = line.as_bytes();
            let mut i = 0;
            let mut indent = 0;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b' ' => indent += 1,
                    b'\t' => indent += 4,
                    _ => break,
                }
                i += 1;
            }
            let mut depth = indent / 2;
            loop {
                while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                    i += 1;
                }
                let ends_marker = |at: usize| matches!(bytes.get(at), None | Some(b' ' | b'\t'));
                match bytes.get(i) {
                    Some(b'>') => i += 1,
                    Some(b'-' | b'+' | b'*') if ends_marker(i + 1) => i += 1,
                    Some(b'0'..=b'9') => {
                        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                        let after = i + digits;
                        if digits <= 9
                            && matches!(bytes.get(after), Some(b'.' | b')'))
                            && ends_marker(after + 1)
                        {
                            i = after + 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
                depth += 1;
            }
            depth
        })
        .max()
        .unwrap_or(0)
}

/// Whether `markdown` nests deeper than [`MAX_NESTING`] and is shown as plain text.
fn too_deep(markdown: &str) -> bool {
    nesting_depth(markdown) > MAX_NESTING
}

/// A note too deep to be read as Markdown, as Markdown text that shows its characters as
/// written, on one line: what could open a list, a quote, a heading or markup is escaped.
fn literal_markdown(markdown: &str) -> String {
    let escaped = super::escape_markdown_text(markdown.trim());
    let mut out = String::with_capacity(escaped.len() + escaped.len() / 4);
    for c in escaped.chars() {
        if matches!(c, '-' | '+' | '.' | ')' | '=' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        // Relative links could point into the internal tree from a shared page; notes link
        // to the outside world only.
        builder
            .url_relative(ammonia::UrlRelative::Deny)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("input", ["type", "checked", "disabled"]);
        builder.add_tags(["input"]);
        builder
    })
}

/// Markdown to safe HTML. Raw HTML in the input becomes visible text.
pub fn to_html(markdown: &str) -> String {
    if too_deep(markdown) {
        return format!("<p>{}</p>\n", super::escape_html(markdown.trim()));
    }
    let parser = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    if cleaning_changes_nothing(&out) {
        debug_assert_eq!(out, sanitizer().clean(&out).to_string());
        out
    } else {
        sanitizer().clean(&out).to_string()
    }
}

/// Tags pulldown-cmark writes without attributes that ammonia keeps as they are.
const PLAIN_TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "code",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Whether ammonia would return `html` unchanged, so cleaning it can be skipped: every tag
/// is an attribute-free tag of [`PLAIN_TAGS`] (so there is no URL, no event attribute, no
/// script to remove), and the text holds nothing the HTML parser and serializer rewrite
/// (entities other than `&amp;` `&lt;` `&gt;`; no-break spaces, written back as `&nbsp;`;
/// carriage returns and NULs, which parsing replaces).
/// Most notes are prose with emphasis and lists, and the sanitizer is the costliest step of
/// converting them; anything else (links, images, tables, code blocks) is cleaned as before.
fn cleaning_changes_nothing(html: &str) -> bool {
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&', '\u{a0}', '\r', '\0']) {
        rest = &rest[at..];
        if let Some(tag) = rest.strip_prefix('<') {
            let Some(end) = tag.find('>') else {
                return false;
            };
            let name = tag[..end].strip_prefix('/').unwrap_or(&tag[..end]);
            if !PLAIN_TAGS.contains(&name) {
                return false;
            }
            rest = &tag[end + 1..];
        } else if let Some(entity) = ["&amp;", "&lt;", "&gt;"]
            .into_iter()
            .find(|e| rest.starts_with(e))
        {
            rest = &rest[entity.len()..];
        } else {
            return false;
        }
    }
    true
}

/// Markdown to Markdown for `.md` pages: the text is kept as written, except that
/// - the `<` of raw HTML, and any other `<` outside code, is escaped, so a Markdown viewer
///   shows it as text, as the HTML page does;
/// - a link or image whose target is not an `http`, `https` or `mailto` URL keeps its text
///   and loses its target, as ammonia does on the HTML page: a note cannot link a shared
///   page into the internal tree, into another account's folder, or to `javascript:`;
/// - a link reference definition with such a target becomes text, since a definition
///   applies to the whole page it lands in, not only to its own note.
///
/// Removing link syntax can join the text around it into a new link, so the pass runs
/// again on its own output until nothing changes; input that keeps producing links after a
/// few passes is given up on and shown as escaped plain text.
pub fn to_markdown(markdown: &str) -> String {
    const PASSES: usize = 8;
    if too_deep(markdown) {
        return literal_markdown(markdown);
    }
    // Links, images, reference definitions and raw HTML all need a `[` or a `<`; a note
    // with neither (most notes) has nothing to neutralise.
    if !markdown.contains(['<', '[']) {
        return markdown.trim_end().to_string();
    }
    let mut text = markdown.to_string();
    for _ in 0..PASSES {
        match neutralise(&text) {
            Some(next) if next == text => return text.trim_end().to_string(),
            Some(next) => text = next,
            None => break,
        }
    }
    super::escape_markdown_text(markdown).trim_end().to_string()
}

/// Whether a link target leaves for the outside world by a scheme notes may use. Relative
/// targets (`../../internal/...`, `#x`, `/x`) are refused like on the HTML page.
pub fn is_outside_link(target: &str) -> bool {
    let url: String = target
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["http:", "https:", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

type Span = std::ops::Range<usize>;

/// A link or image being read: its whole source, whether its target is refused, and the
/// span of its text (`None` while it has none).
struct OpenLink {
    whole: Span,
    refused: bool,
    text: Option<Span>,
}

impl OpenLink {
    /// A refused link keeps its text and loses the syntax around it.
    fn edits(&self) -> Vec<(Span, &'static str)> {
        match (&self.text, self.refused) {
            (_, false) => Vec::new(),
            (Some(text), true) => vec![
                (self.whole.start..text.start, ""),
                (text.end..self.whole.end, ""),
            ],
            (None, true) => vec![(self.whole.clone(), "")],
        }
    }
}

/// One pass of [`to_markdown`]; `None` if the edits it found overlap (which well-formed
/// parser output never gives, but a wrong edit must not be applied).
fn neutralise(markdown: &str) -> Option<String> {
    use pulldown_cmark::{Tag, TagEnd};
    let parser = Parser::new_ext(markdown, options());
    let mut edits: Vec<(Span, &str)> = Vec::new();
    for (_, definition) in parser.reference_definitions().iter() {
        if !is_outside_link(&definition.dest) {
            let bracket = markdown.get(definition.span.clone())?.find('[')?;
            let at = definition.span.start + bracket;
            edits.push((at..at, "\\"));
        }
    }
    let mut open: Vec<OpenLink> = Vec::new();
    let mut code_blocks = 0usize;
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                widen(&mut open, &range);
                open.push(OpenLink {
                    whole: range,
                    refused: !is_outside_link(dest_url),
                    text: None,
                });
                continue;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                let link = open.pop()?;
                edits.extend(link.edits());
                widen(&mut open, &link.whole);
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                escape_angles(markdown, &range, false, &mut edits)?;
            }
            // `<svg/onload=…>` is text to CommonMark but a tag to an HTML parser: a `<` in
            // text is written as `&lt;`, which every Markdown viewer shows as `<`.
            Event::Text(_) if code_blocks == 0 => {
                escape_angles(markdown, &range, true, &mut edits)?;
            }
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            _ => {}
        }
        widen(&mut open, &range);
    }
    apply(markdown, edits)
}

/// Adds an edit writing each `<` of `range` as `&lt;`. In text, `\<` is already an
/// escaped `<` (an odd run of backslashes before it) and is left alone.
fn escape_angles(
    markdown: &str,
    range: &Span,
    in_text: bool,
    edits: &mut Vec<(Span, &str)>,
) -> Option<()> {
    let source = markdown.get(range.clone())?;
    for (i, _) in source.match_indices('<') {
        let at = range.start + i;
        let backslashes = markdown
            .get(..at)?
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count();
        if !in_text || backslashes % 2 == 0 {
            edits.push((at..at + 1, "&lt;"));
        }
    }
    Some(())
}

/// Applies non-overlapping edits; `None` if two overlap.
fn apply(markdown: &str, mut edits: Vec<(Span, &str)>) -> Option<String> {
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut last = 0;
    for (range, replacement) in edits {
        if range.start < last {
            return None;
        }
        out.push_str(markdown.get(last..range.start)?);
        out.push_str(replacement);
        last = range.end;
    }
    out.push_str(markdown.get(last..)?);
    Some(out)
}

/// Records that `range` lies inside every open link: their text spans at least it.
fn widen(open: &mut [OpenLink], range: &Span) {
    for link in open.iter_mut() {
        link.text = Some(match link.text.take() {
            Some(t) => t.start.min(range.start)..t.end.max(range.end),
            None => range.clone(),
        });
    }
}

/// The plain text of a Markdown note, for searching (the leak guard) and for one-line
/// summaries.
pub fn to_plain_text(markdown: &str) -> String {
    if too_deep(markdown) {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The plain text of a Markdown note split at block boundaries (paragraphs, list items,
/// table cells, headings), so that no phrase runs across two blocks.
pub fn to_plain_blocks(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Tag, TagEnd};
    if too_deep(markdown) {
        return vec![markdown.to_string()];
    }
    let mut blocks = vec![String::new()];
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(last) = blocks.last_mut() {
                    last.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(last) = blocks.last_mut() {
                    last.push(' ');
                }
            }
            // Only block ends split: the end of emphasis or a link is mid-sentence, and
            // splitting there made short fragments ("on specification.") into needles.
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::Heading { .. })
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_),
            ) if blocks.last().is_some_and(|b| !b.is_empty()) => {
                blocks.push(String::new());
            }
            _ => {}
        }
    }
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(markdown: &str) -> String {
        let parser = Parser::new_ext(markdown, options()).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        });
        let mut out = String::new();
        html::push_html(&mut out, parser);
        sanitizer().clean(&out).to_string()
    }

    #[test]
    fn skips_cleaning_only_where_cleaning_changes_nothing() {
        let plain = [
            "Plain words.",
            "**Bold**, *em*, `code` & <b>raw</b> > 3",
            "- one\n- two\n  1. nested\n\n> quoted\n\n# Heading\n\n~~gone~~",
            "Ünïcode — fine; 'single' and \"double\" quotes",
        ];
        for markdown in plain {
            let html = to_html(markdown);
            assert_eq!(html, cleaned(markdown), "{markdown}");
        }
        let cleaned_anyway = [
            "[link](https://example.com)",
            "no\u{a0}break",
            "3. starts at three",
            "line  \nbreak",
            "| a |\n|---|\n| 1 |",
            "    code block",
            "- [x] task",
            "---",
            "![img](https://example.com/x.png)",
        ];
        for markdown in cleaned_anyway {
            let mut out = String::new();
            html::push_html(&mut out, Parser::new_ext(markdown, options()));
            assert!(!cleaning_changes_nothing(&out), "{markdown}: {out}");
            assert_eq!(to_html(markdown), cleaned(markdown), "{markdown}");
        }
    }

    /// [`to_markdown`] without its shortcut for notes with neither `[` nor `<`.
    fn neutralised_the_long_way(markdown: &str) -> String {
        let mut text = markdown.to_string();
        for _ in 0..8 {
            match neutralise(&text) {
                Some(next) if next == text => return text.trim_end().to_string(),
                Some(next) => text = next,
                None => break,
            }
        }
        crate::format::escape_markdown_text(markdown)
            .trim_end()
            .to_string()
    }

    proptest::proptest! {
        /// The shortcut gives what the full pass gives.
        #[test]
        fn notes_without_links_or_html_are_kept_as_written(
            markdown in "([a-z \\n*_`#>~&\"'\\-()!|:.0-9]|https://x\\.y|&lt;|\\]){0,80}"
        ) {
            proptest::prop_assert_eq!(to_markdown(&markdown), neutralised_the_long_way(&markdown));
        }

        /// Whatever the note, the result is what ammonia returns.
        #[test]
        fn the_shortcut_never_changes_the_html(
            markdown in "([a-z \\n*_`#>~&<\"'\\-\\[\\]()!|:.0-9\u{a0}\r]|https://x\\.y|<script>|&nbsp;|&#34;){0,60}"
        ) {
            proptest::prop_assert_eq!(to_html(&markdown), cleaned(&markdown));
        }
    }

    #[test]
    fn renders_tables_strikethrough_and_tasks() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("checkbox"), "{html}");
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = to_html("hello <script>alert(1)</script> <b onclick=\"x()\">b</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn dangerous_urls_are_dropped() {
        for link in [
            "[x](javascript:alert(1))",
            "[x](data:text/html;base64,AAAA)",
            "[x](vbscript:msgbox)",
            "![i](data:image/png;base64,AA)",
            "[x](../../internal/index.html)",
        ] {
            let html = to_html(link);
            assert!(
                !html.contains("javascript:")
                    && !html.contains("data:")
                    && !html.contains("vbscript:")
                    && !html.contains("internal"),
                "{link} gave {html}"
            );
        }
        assert!(to_html("[x](https://example.com)").contains("href=\"https://example.com\""));
    }

    #[test]
    fn markdown_output_keeps_outside_links_and_drops_other_targets() {
        assert_eq!(
            to_markdown("[web](https://example.com/a) and [mail](mailto:a@b.c)"),
            "[web](https://example.com/a) and [mail](mailto:a@b.c)"
        );
        for (input, expected) in [
            ("see [the pack](../../internal/index.md).", "see the pack."),
            ("[**x**](javascript:alert(1))", "**x**"),
            ("![chart](data:image/png;base64,AA)", "chart"),
            ("[other](../b/statement.md)", "other"),
            ("[](#top)", ""),
            ("<javascript:alert(1)>", "javascript:alert(1)"),
            (
                "[x][r]\n\n[r]: ../../internal/index.md",
                "x\n\n\\[r]: ../../internal/index.md",
            ),
            (
                "[ok][r]\n\n[r]: https://e.com",
                "[ok][r]\n\n[r]: https://e.com",
            ),
        ] {
            assert_eq!(to_markdown(input), expected, "{input}");
        }
    }

    #[test]
    fn removing_a_link_cannot_join_the_text_into_a_new_one() {
        let out = to_markdown("[a[x](javascript:1)](javascript:2) [[y](../z)](../../internal/w)");
        for (event, _) in Parser::new_ext(&out, options()).into_offset_iter() {
            assert!(
                !matches!(event, Event::Start(pulldown_cmark::Tag::Link { .. })),
                "{out}"
            );
        }
    }

    #[test]
    fn markdown_output_escapes_every_angle_bracket_outside_code() {
        assert_eq!(
            to_markdown("'><svg/onload=alert(1)> a < b \\<c `<d>`\n\n    <e>"),
            "'>&lt;svg/onload=alert(1)> a &lt; b \\<c `<d>`\n\n    <e>"
        );
    }

    #[test]
    fn markdown_output_escapes_raw_html_only() {
        assert_eq!(
            to_markdown("**bold** <img src=x onerror=y> `<code>`"),
            "**bold** &lt;img src=x onerror=y> `<code>`"
        );
    }
}
