//! Markdown in notes: rendered to sanitized HTML for `.html` pages, and kept as Markdown
//! (with raw HTML neutralised) for `.md` pages.
//!
//! Raw HTML written in a note is shown as text, never interpreted: a note is prose, and
//! an account file may come from anyone with write access to the repository. The HTML that
//! pulldown-cmark produces is then cleaned by ammonia as a second line of defence, so no
//! script, event attribute or `javascript:`/`data:` URL can survive whatever the input.

use pulldown_cmark::{html, Event, Options, Parser};
use std::sync::OnceLock;

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
    let parser = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    sanitizer().clean(&out).to_string()
}

/// Markdown to Markdown for `.md` pages: the text is kept as written, except that the `<`
/// of raw HTML is escaped so a Markdown viewer shows it as text, as the HTML page does.
pub fn to_markdown(markdown: &str) -> String {
    let mut raw_ranges = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            raw_ranges.push(range);
        }
    }
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for range in raw_ranges {
        if range.start < last {
            continue;
        }
        out.push_str(&markdown[last..range.start]);
        out.push_str(&markdown[range.clone()].replace('<', "&lt;"));
        last = range.end;
    }
    out.push_str(&markdown[last..]);
    out.trim_end().to_string()
}

/// The plain text of a Markdown note, for searching (the leak guard) and for one-line
/// summaries.
pub fn to_plain_text(markdown: &str) -> String {
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
    use pulldown_cmark::Tag;
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
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::Heading { .. })
            | Event::End(_) => {
                if blocks.last().is_some_and(|b| !b.is_empty()) {
                    blocks.push(String::new());
                }
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
    fn markdown_output_escapes_raw_html_only() {
        assert_eq!(
            to_markdown("**bold** <img src=x onerror=y> `<code>`"),
            "**bold** &lt;img src=x onerror=y> `<code>`"
        );
    }
}
