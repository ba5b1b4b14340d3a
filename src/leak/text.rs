//! The text of a file as its readers see it, in the guard's normal form
//! (`normalise.rs`): HTML through an HTML5 tokenizer (`html.rs`); Markdown both as written
//! (what a reader of the file sees in an editor) and as rendered (what a Markdown viewer
//! shows, link titles and destinations, reference definitions and code-fence info strings
//! included, inline HTML read as HTML); a template override by the text typed into it;
//! anything else as it is.

use super::html;
use super::normalise::push_normalised;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// Separates the pieces of one file's text: no needle holds it (normalising removes
/// control characters), so no phrase is found across two pieces.
pub(super) const SEPARATOR: &str = " \u{1} ";

/// What a reader sees of one file before it is normalised: one flow of text, and pieces
/// beside it, each read on its own (attribute values, comments, raw text).
#[derive(Debug, Default)]
pub(super) struct Extract {
    pub(super) visible: String,
    hidden: String,
    pieces: Vec<(usize, usize)>,
    /// Where the piece being written starts in `hidden`.
    open: Option<usize>,
}

impl Extract {
    fn clear(&mut self) {
        self.visible.clear();
        self.hidden.clear();
        self.pieces.clear();
        self.open = None;
    }

    /// Starts a piece, ending the one being written.
    pub(super) fn start_piece(&mut self) {
        self.close_piece();
        self.open = Some(self.hidden.len());
    }

    /// Adds to the piece being written, or starts one.
    pub(super) fn extend_piece(&mut self, text: &str) {
        if self.open.is_none() {
            self.open = Some(self.hidden.len());
        }
        self.hidden.push_str(text);
    }

    pub(super) fn close_piece(&mut self) {
        if let Some(start) = self.open.take() {
            if self.hidden.len() > start {
                self.pieces.push((start, self.hidden.len()));
            }
        }
    }

    /// Adds one whole piece.
    pub(super) fn push_piece(&mut self, text: &str) {
        self.start_piece();
        self.hidden.push_str(text);
        self.close_piece();
    }

    /// Appends the flow, then each piece, normalised and kept apart.
    fn push_to(&mut self, out: &mut String) {
        self.close_piece();
        push_normalised(out, &self.visible);
        for &(start, end) in &self.pieces {
            out.push_str(SEPARATOR);
            push_normalised(out, self.hidden.get(start..end).unwrap_or_default());
        }
    }
}

/// Buffers reused across the files of one account.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    extract: Extract,
    /// A Markdown file rendered to HTML.
    html: String,
}

/// Appends the text the readers of the file at `path` see, normalised, its pieces kept
/// apart by [`SEPARATOR`].
pub(super) fn push_visible_text(out: &mut String, scratch: &mut Scratch, path: &str, text: &str) {
    if path.ends_with(".html") {
        scratch.extract.clear();
        html::read(text, &mut scratch.extract);
        scratch.extract.push_to(out);
    } else if path.ends_with(".md") {
        push_normalised(out, text);
        out.push_str(SEPARATOR);
        scratch.extract.clear();
        read_markdown(text, &mut scratch.extract, &mut scratch.html);
        scratch.extract.push_to(out);
    } else {
        push_normalised(out, text);
    }
}

/// The Markdown options rapport renders notes with (`format::markdown`).
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Reads Markdown as a viewer renders it: its events written out as HTML (text escaped
/// but for character references, inline HTML as it is, blocks as line breaks, emphasis as
/// nothing so that `Se*cr*et` reads `Secret`), then read by the HTML reader, so raw HTML in
/// a Markdown file joins or breaks the text around it as it does on an HTML page. A link's
/// destination and title, an image's, and a code fence's info string go into the HTML as
/// attributes, and so become pieces; so do reference definitions, which no event carries.
///
/// Markdown without `<`, `&` or NUL can hold no HTML and no character reference, so that
/// HTML would be read back exactly as it was written: its events go straight to `extract`,
/// as the HTML reader would put them there, without the HTML in between
/// ([`Direct`]; the two readings are compared in the tests).
fn read_markdown(markdown: &str, extract: &mut Extract, html: &mut String) {
    if markdown.bytes().any(|b| matches!(b, b'<' | b'&' | b'\0')) {
        html.clear();
        render_markdown(markdown, &mut AsHtml { html, extract });
    } else {
        render_markdown(markdown, &mut Direct { extract });
    }
}

/// Where [`render_markdown`] writes what a viewer shows.
trait Rendering {
    /// Text as the viewer shows it.
    fn text(&mut self, text: &str);
    /// Raw HTML of the file.
    fn raw_html(&mut self, raw: &str);
    /// A line break.
    fn line_break(&mut self);
    /// An element with attributes, its start tag only.
    fn element(&mut self, name: &str, attributes: &[(&str, &str)]);
    /// The end of one part, read on its own.
    fn end_part(&mut self);
}

/// Writes the rendering as HTML into `html`, which the HTML reader reads at the end of each
/// part.
struct AsHtml<'a> {
    html: &'a mut String,
    extract: &'a mut Extract,
}

impl Rendering for AsHtml<'_> {
    fn text(&mut self, text: &str) {
        escape_into(self.html, text);
    }

    fn raw_html(&mut self, raw: &str) {
        self.html.push_str(raw);
    }

    fn line_break(&mut self) {
        self.html.push('\n');
    }

    fn element(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.html.push('<');
        self.html.push_str(name);
        for (attribute, value) in attributes {
            self.html.push(' ');
            self.html.push_str(attribute);
            self.html.push_str("=\"");
            escape_into(self.html, value);
            self.html.push('"');
        }
        self.html.push('>');
    }

    fn end_part(&mut self) {
        if !self.html.is_empty() {
            html::read(self.html, self.extract);
        }
        self.html.clear();
    }
}

/// Puts the rendering into `extract` as the HTML reader would put the HTML [`AsHtml`]
/// writes, for Markdown that has no `<`, `&` or NUL: there the HTML's escapes are all
/// decoded back to the text they stand for, and its only tags are the elements'. The one
/// difference, a carriage return the HTML reader would make a line feed, is whitespace to
/// the normal form, so the two readings are the same once normalised.
struct Direct<'a> {
    extract: &'a mut Extract,
}

impl Rendering for Direct<'_> {
    fn text(&mut self, text: &str) {
        self.extract.visible.push_str(text);
    }

    fn raw_html(&mut self, raw: &str) {
        // Not reached: raw HTML starts with `<`, which this Markdown does not hold. Were
        // there any, reading it as text keeps it searched.
        self.extract.visible.push_str(raw);
    }

    fn line_break(&mut self) {
        self.extract.visible.push('\n');
    }

    fn element(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.extract.close_piece();
        html::push_break(self.extract, name);
        let names: Vec<&str> = attributes.iter().map(|(name, _)| *name).collect();
        let values = attributes.iter().map(|(_, value)| Cow::Borrowed(*value));
        html::push_attributes(self.extract, &names.join(" "), values);
    }

    fn end_part(&mut self) {}
}

/// Renders Markdown's events into `out`: see [`read_markdown`].
fn render_markdown(markdown: &str, out: &mut impl Rendering) {
    let mut parser = Parser::new_ext(markdown, options());
    for event in parser.by_ref() {
        match event {
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::FootnoteReference(text) => out.text(&text),
            Event::Html(raw) | Event::InlineHtml(raw) => out.raw_html(&raw),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.line_break(),
            Event::TaskListMarker(_) => {}
            Event::Start(Tag::Link {
                dest_url, title, ..
            })
            | Event::Start(Tag::Image {
                dest_url, title, ..
            }) => out.element("a", &[("href", &dest_url), ("title", &title)]),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                out.line_break();
                out.element("pre", &[("title", &info)]);
            }
            Event::Start(tag) => {
                if !is_inline(&tag.to_end()) {
                    out.line_break();
                }
            }
            Event::End(tag) => {
                if !is_inline(&tag) {
                    out.line_break();
                }
            }
        }
    }
    // Definitions are read on their own: raw HTML left open in the text (a `<script>`
    // never closed) must not swallow them unread.
    out.end_part();
    // The map of definitions has no order; sorted, the pieces (and so which of several
    // hits a leak reports) are the same on every run. A label is kept as written, so its
    // character references are decoded by the HTML reader as a viewer's would be.
    let mut definitions: Vec<_> = parser.reference_definitions().iter().collect();
    definitions.sort_by_key(|&(label, _)| label);
    for (label, definition) in definitions {
        out.line_break();
        out.element(
            "a",
            &[
                ("title", label),
                ("href", &definition.dest),
                ("rel", definition.title.as_deref().unwrap_or_default()),
            ],
        );
    }
    out.end_part();
}

/// Whether Markdown shows the content of a span without a break around it.
fn is_inline(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Appends `text` escaped for HTML text and quoted attribute values, but for `&`: a
/// character reference that CommonMark shows as written (`&#83ecret`, without `;`) is read
/// as a browser reads it, because a converter that does not follow CommonMark to the
/// letter hands it to one as it is. Reading more references than a viewer does can only
/// find more, never hide a phrase.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// The reading the guard compares its one-pass search with: the same text, read afresh.
#[cfg(test)]
pub(super) mod reference {
    pub fn normalise(text: &str) -> String {
        super::super::normalise::normalised(text)
    }

    pub fn visible_text(path: &str, content: &str) -> String {
        let mut out = String::new();
        super::push_visible_text(&mut out, &mut super::Scratch::default(), path, content);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(path: &str, content: &str) -> String {
        let mut out = String::new();
        push_visible_text(&mut out, &mut Scratch::default(), path, content);
        out
    }

    /// The flow of an HTML file alone, without its pieces.
    fn flow(html: &str) -> String {
        let text = read("a.html", html);
        text.split(SEPARATOR).next().unwrap_or_default().to_string()
    }

    /// The rendered reading of a Markdown file alone.
    fn rendered(markdown: &str) -> String {
        let text = read("a.md", markdown);
        text.split(SEPARATOR).nth(1).unwrap_or_default().to_string()
    }

    #[test]
    fn html_flow_joins_inline_and_unknown_elements_and_breaks_at_blocks() {
        assert_eq!(flow("<p>Se<b>cr</b>et</p>"), "secret");
        assert_eq!(flow("Se<foo>cret</foo>"), "secret");
        assert_eq!(flow("Se<!---->cret"), "secret");
        assert_eq!(flow("Se<!-- x -->cret"), "secret");
        assert_eq!(flow("Se<span class=x>cr</span>et"), "secret");
        assert_eq!(flow("Se<wbr>cret"), "secret");
        assert_eq!(flow("<td>x</td><td>y</td>"), "x y");
        assert_eq!(flow("a<br>b<p>c</p>d"), "a b c d");
        assert_eq!(flow("<P>X</P><DIV>y</DIV>"), "x y");
    }

    #[test]
    fn html_character_references_are_decoded_the_html5_way() {
        assert_eq!(flow("&#83ecret"), "secret");
        assert_eq!(flow("&#0000083;ecret"), "secret");
        assert_eq!(flow("&#x53;ecret &#X000053;ecret"), "secret secret");
        // Without `;` a reference takes every digit it can: here `53ec`.
        assert_eq!(flow("&#x53ecret"), "\u{53ec}ret");
        assert_eq!(flow("&Sopf;ecret"), "secret");
        assert_eq!(flow("a &amp b &lt; c"), "a & b < c");
        assert_eq!(flow("&unknown; &"), "&unknown; &");
        assert_eq!(flow("S&shy;e&#173;cret"), "secret");
        assert_eq!(flow("S&ZeroWidthSpace;ecret"), "secret");
        // An entity split by a tag is no entity in HTML5: the reader sees it as written.
        assert_eq!(flow("a &am<b></b>p; b"), "a &amp; b");
    }

    #[test]
    fn html_pieces_are_attribute_values_names_comments_and_raw_text() {
        assert_eq!(
            read("a.html", "<p title='a &amp; b'>x</p><!-- c&#x2F;d -->"),
            "x \u{1} title \u{1} a & b \u{1} c&#x2f;d"
        );
        assert_eq!(
            read("a.html", "<script>var s = '<b>Secret</b>';</script>x"),
            "x \u{1} var s = '<b>secret</b>';"
        );
        assert_eq!(
            read("a.html", "<style>/* Secret */</style>"),
            " \u{1} /* secret */"
        );
        // A quote in an attribute name does not derail the reading.
        assert_eq!(flow("<p a\"b='x>'>Secret</p>"), "secret");
        assert_eq!(flow("<p a='b\"c>Se'cret\">Secret</p>"), "secret");
        assert!(read("a.html", "<img alt=\"Se&#99;ret\">").contains("sec"));
        // Broken markup ends the text instead of failing; what it holds is still read.
        assert_eq!(read("a.html", "x <p title=\"y"), "x \u{1} title \u{1} y");
        assert_eq!(read("a.html", ""), "");
    }

    #[test]
    fn textarea_and_title_are_read_as_text() {
        assert_eq!(
            flow("<textarea><b>Se&#99;ret</b></textarea>"),
            "<b>secret</b>"
        );
        assert_eq!(flow("<title>A <i>B</i></title>"), "a <i>b</i>");
    }

    #[test]
    fn markdown_is_read_as_written_and_as_rendered() {
        assert_eq!(
            read("a.md", "Se*cr*et &#83e"),
            "se*cr*et &#83e \u{1} secret se"
        );
        assert_eq!(rendered("Se**cr**et and ~~x~~y"), "secret and xy");
        assert_eq!(rendered("&#83ecret &#83;ecret"), "secret secret");
        assert_eq!(rendered("Q*u*i&#101tly `&#83e`"), "quietly se");
        assert_eq!(rendered("Se<!---->cret Se<foo>cret"), "secret secret");
        assert_eq!(rendered("# A\n\nb\n\n- c\n- d"), "a b c d");
        assert_eq!(rendered("| a | b |\n|---|---|\n| c | d |"), "a b c d");
    }

    #[test]
    fn markdown_link_titles_destinations_definitions_and_info_strings_are_read() {
        let text = read("a.md", "[x](http://u/S%20e \"Se&#99;ret title\")");
        assert!(
            text.contains(" \u{1} http://u/s%20e \u{1} secret title"),
            "{text}"
        );
        let text = read("a.md", "![alt *te*xt](i.png 'T')");
        assert!(text.contains("alt text"), "{text}");
        let text = read("a.md", "x\n\n[label]: /dest \"Se&#99;ret def\"\n");
        assert!(text.contains(" \u{1} /dest \u{1} secret def"), "{text}");
        let text = read("a.md", "```rust Se&#99;ret info\ncode\n```\n");
        assert!(text.contains("rust secret info"), "{text}");
    }

    #[test]
    fn a_reused_buffer_reads_each_file_as_a_fresh_one() {
        let mut scratch = Scratch::default();
        let mut out = String::new();
        for (path, content) in [
            ("a.html", "<p title='T'>Long visible TEXT here<script>x"),
            ("b.html", "<b>x</b>"),
            ("c.md", "*Emphasis* &amp; more [a]: b"),
            ("d.css", "body { margin: 0 }"),
        ] {
            out.clear();
            push_visible_text(&mut out, &mut scratch, path, content);
            assert_eq!(out, read(path, content));
        }
    }

    #[test]
    fn long_input_is_read_in_linear_time() {
        // Unclosed constructs of every kind, repeated: each must be read once.
        for unit in ["& ", "<a ", "<!-- ", "*a ", "[a](", "<p title='", "&#"] {
            let long = unit.repeat(100_000);
            for path in ["a.html", "a.md"] {
                let started = std::time::Instant::now();
                let _ = read(path, &long);
                assert!(started.elapsed().as_secs() < 20, "{unit:?} in {path}");
            }
        }
    }

    /// The rendered reading of `markdown` through `rendering`, normalised.
    fn rendered_through(markdown: &str, html_reader: bool) -> String {
        let mut extract = Extract::default();
        let mut html = String::new();
        if html_reader {
            render_markdown(
                markdown,
                &mut AsHtml {
                    html: &mut html,
                    extract: &mut extract,
                },
            );
        } else {
            render_markdown(
                markdown,
                &mut Direct {
                    extract: &mut extract,
                },
            );
        }
        let mut out = String::new();
        extract.push_to(&mut out);
        out
    }

    /// Markdown made of what changes its rendering: emphasis, code, links and images with
    /// titles, reference definitions, fences with info strings, tables, lists, quotes,
    /// escapes, line ends of every kind, invisible and non-ASCII characters; no `<`, `&`
    /// or NUL, for which the HTML reader is always used.
    fn markdown_without_html() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Secret",
            "word",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\r",
            "\r\n",
            "# ",
            "## ",
            "*",
            "**",
            "_",
            "__",
            "~~",
            "`",
            "``",
            "```",
            "```rust x\n",
            "~~~ info\n",
            "    code\n",
            "[",
            "]",
            "(",
            ")",
            "![",
            "[x]",
            "[ ] ",
            "\"",
            "'",
            ">",
            "> ",
            "- ",
            "* ",
            "1. ",
            "|",
            "| --- |",
            "---\n",
            "\\",
            "\\*",
            "http://x.example/a?b=c",
            "[label]",
            "[label]: /dest \"t\"\n",
            "[Label]: http://x 'Title words'\n",
            "[t](/d \"a\rb\")",
            "```a\"b >c\n",
            "[^1]",
            "[^1]: note\n",
            "=",
            ":",
            "$",
            "$$",
            "^",
            "{",
            "}",
            "Wörd",
            "é",
            "e\u{301}",
            "\u{a0}",
            "\u{200b}",
            "\u{ad}",
            "\u{1}",
            "ΣΑ",
        ]);
        prop::collection::vec(pieces, 0..48).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn markdown_without_html_reads_the_same_without_the_html_reader(
            markdown in markdown_without_html()
        ) {
            prop_assert_eq!(
                rendered_through(&markdown, false),
                rendered_through(&markdown, true)
            );
        }

        #[test]
        fn any_text_without_html_reads_the_same_without_the_html_reader(
            markdown in "[^<&\\x00]*"
        ) {
            prop_assert_eq!(
                rendered_through(&markdown, false),
                rendered_through(&markdown, true)
            );
        }

        #[test]
        fn reads_any_text_without_failing(text in any::<String>(), path in prop::sample::select(&["a.html", "a.md", "a.css"][..])) {
            let out = read(path, &text);
            prop_assert!(!out.starts_with(' ') || out.starts_with(SEPARATOR));
        }
    }
}
