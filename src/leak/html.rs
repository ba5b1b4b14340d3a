//! HTML read as a browser reads it, with html5gum's HTML5 tokenizer: character references
//! decoded the HTML5 way (`&#83ecret`, `&#0000083;`, legacy names without `;`), tags however
//! oddly written (a stray quote in an attribute name), comments and raw text where the
//! standard puts them.
//!
//! What a reader sees becomes one flow of text: inline and unknown elements join their
//! neighbours without a gap (`Se<b>cr</b>et`, `Se<foo>cret` read `Secret`), block elements
//! and `<br>` break it, comments vanish from it. What the source shows to anyone who opens
//! it is kept beside the flow, piece by piece: comments, attribute values (a tooltip or an
//! `alt` travels with the file just the same), the attribute names of a tag, and the raw
//! text of `<script>` and `<style>`. A tag that repeats an attribute keeps every copy: a
//! browser uses the first, but the source shows them all. The tokenizer alone is used, not a
//! tree builder: it is linear in its input, and which element a reader's text sits in does
//! not matter here, only where it breaks. The tree builder's one effect on the tokenizer,
//! reading the content of `<script>`, `<style>`, `<title>` and the like as raw text, is
//! made here from the name of each start tag.
//!
//! html5gum rather than html5ever (the tokenizer ammonia cleans notes with): both follow the
//! standard's tokenizer to the letter, but html5gum hands the emitter below borrowed bytes
//! instead of building tendrils, atoms and a token per tag, and scans text eight bytes at a
//! time: it reads a build's HTML about three times as fast. (html5ever's check for a
//! repeated attribute also made a tag with many attributes quadratic.)

use super::text::Extract;
use html5gum::{Emitter, Error, State, Tokenizer};
use std::borrow::Cow;
use std::convert::Infallible;

/// Appends the text of `html` to `extract`: its flow to `extract.visible`, the rest as
/// pieces.
pub(super) fn read(html: &str, extract: &mut Extract) {
    let reader = Reader {
        extract,
        raw: None,
        text: Vec::new(),
        end_tag: false,
        name: Vec::new(),
        last_start: Vec::new(),
        tag_open: false,
        attributes: false,
        names: Vec::new(),
        values: Vec::new(),
        value_starts: Vec::new(),
        comment: Vec::new(),
    };
    // Reading a `&str` cannot fail: the error type is `Infallible`.
    let Ok(()) = Tokenizer::new_with_emitter(html, reader).finish();
}

/// Where the text of an element that the tokenizer reads as raw text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// `<script>`, `<style>`: not shown, but in the source; a piece of its own.
    Piece,
    /// `<title>`, `<textarea>` and the like: shown, so part of the flow.
    Flow,
}

/// The emitter: the tokenizer hands it each token in parts, as bytes (a part may hold half a
/// character); it gathers them and writes out each token as a whole, which ends at an ASCII
/// delimiter and so is UTF-8 as the input is.
struct Reader<'a> {
    extract: &'a mut Extract,
    /// Inside an element read as raw text: the tokenizer emits only its characters until
    /// its end tag.
    raw: Option<Raw>,
    /// Characters not yet written out: they go where `raw` says when the next tag, comment
    /// or the end of the input comes.
    text: Vec<u8>,
    /// A tag has been started and not yet written out.
    tag_open: bool,
    /// The tag being read is an end tag.
    end_tag: bool,
    /// The name of the tag being read, lower-cased by the tokenizer.
    name: Vec<u8>,
    /// The name of the last start tag: a raw text element ends only at its own end tag.
    last_start: Vec<u8>,
    /// The tag being read has attributes.
    attributes: bool,
    /// Its attribute names, a space between two.
    names: Vec<u8>,
    /// Its attribute values, one after the other...
    values: Vec<u8>,
    /// ...each starting here.
    value_starts: Vec<usize>,
    /// The comment being read.
    comment: Vec<u8>,
}

/// The text of bytes the tokenizer took from a `&str` between ASCII delimiters, which are
/// UTF-8; should they not be, what a reader would see of them.
fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

impl Reader<'_> {
    /// Writes out the characters read since the last token.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = text_of(&self.text);
        match self.raw {
            Some(Raw::Piece) => self.extract.extend_piece(&text),
            _ => self.extract.visible.push_str(&text),
        }
        self.text.clear();
    }

    fn init_tag(&mut self, end_tag: bool) {
        self.tag_open = true;
        self.end_tag = end_tag;
        self.name.clear();
        self.attributes = false;
        self.names.clear();
        self.values.clear();
        self.value_starts.clear();
    }

    /// Writes out the attributes of the tag being read, as pieces.
    fn push_attributes(&mut self) {
        if !self.attributes {
            return;
        }
        let values = self.value_starts.iter().enumerate().map(|(at, &start)| {
            let end = self
                .value_starts
                .get(at + 1)
                .copied()
                .unwrap_or(self.values.len());
            text_of(self.values.get(start..end).unwrap_or_default())
        });
        push_attributes(self.extract, &text_of(&self.names), values);
    }

    /// Writes out the tag just read, and says which state the tokenizer goes on in.
    fn tag(&mut self) -> Option<State> {
        self.tag_open = false;
        self.flush_text();
        // In raw text the only tag the tokenizer emits is the element's end tag.
        self.raw = None;
        self.extract.close_piece();
        push_break(self.extract, &text_of(&self.name));
        self.push_attributes();
        if self.end_tag {
            return None;
        }
        self.last_start.clear();
        self.last_start.extend_from_slice(&self.name);
        // The states a tree builder would switch the tokenizer to for these elements (not
        // html5gum's `naive_next_state`, which has `noframe` for `noframes`).
        let (raw, state) = match self.name.as_slice() {
            b"script" => (Raw::Piece, State::ScriptData),
            b"style" => (Raw::Piece, State::RawText),
            b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => {
                (Raw::Flow, State::RawText)
            }
            b"title" | b"textarea" => (Raw::Flow, State::RcData),
            b"plaintext" => (Raw::Flow, State::PlainText),
            _ => return None,
        };
        if raw == Raw::Piece {
            self.extract.start_piece();
        }
        self.raw = Some(raw);
        Some(state)
    }
}

impl Emitter for Reader<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        // A comment cut off by the end of the input is emitted before this. A tag is
        // dropped, as the standard says, but its attributes are in the source all the same.
        self.flush_text();
        if std::mem::take(&mut self.tag_open) {
            self.push_attributes();
        }
    }

    fn emit_error(&mut self, _: Error) {}

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    #[inline]
    fn emit_string(&mut self, text: &[u8]) {
        // A NUL outside raw text (where the tokenizer makes it U+FFFD) is emitted alone; a
        // tree builder drops it, and so does the flow.
        if text != b"\0" {
            self.text.extend_from_slice(text);
        }
    }

    fn init_start_tag(&mut self) {
        self.init_tag(false);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(true);
    }

    fn init_comment(&mut self) {
        self.comment.clear();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.tag()
    }

    fn emit_current_comment(&mut self) {
        // A comment is no gap in the flow: `Se<!---->cret` reads `Secret`.
        self.extract.push_piece(&text_of(&self.comment));
    }

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {}

    fn set_force_quirks(&mut self) {}

    #[inline]
    fn push_tag_name(&mut self, name: &[u8]) {
        self.name.extend_from_slice(name);
    }

    #[inline]
    fn push_comment(&mut self, text: &[u8]) {
        self.comment.extend_from_slice(text);
    }

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        if self.attributes {
            self.names.push(b' ');
        }
        self.attributes = true;
        self.value_starts.push(self.values.len());
    }

    #[inline]
    fn push_attribute_name(&mut self, name: &[u8]) {
        self.names.extend_from_slice(name);
    }

    #[inline]
    fn push_attribute_value(&mut self, value: &[u8]) {
        self.values.extend_from_slice(value);
    }

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end_tag && !self.last_start.is_empty() && self.last_start == self.name
    }
}

/// What a tag that has attributes adds to the reading, as pieces: its attribute `names`, a
/// space between two, and each value that is not blank.
pub(super) fn push_attributes<'v>(
    extract: &mut Extract,
    names: &str,
    values: impl Iterator<Item = Cow<'v, str>>,
) {
    // A phrase written as attribute names (`<p raj hates long meetings>`) shows in the
    // source as words in a row.
    extract.start_piece();
    extract.extend_piece(names);
    extract.extend_piece(" ");
    extract.close_piece();
    for value in values {
        if !value.trim().is_empty() {
            extract.push_piece(&value);
        }
    }
}

/// A line break in the flow where a tag named `name` breaks it (see [`breaks`]).
pub(super) fn push_break(extract: &mut Extract, name: &str) {
    if breaks(name) {
        extract.visible.push('\n');
    }
}

/// Whether an element's tags break the flow of text: block elements, `<br>`, table cells,
/// and elements whose content is not part of the text around them. Any other element,
/// inline or unknown, joins its neighbours, which may join words a reader sees apart (two
/// cells styled as blocks) but never parts a word a reader sees whole.
fn breaks(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "audio"
            | "blockquote"
            | "body"
            | "br"
            | "canvas"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "legend"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "ol"
            | "optgroup"
            | "option"
            | "p"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "ul"
            | "video"
            | "xmp"
    )
}

#[cfg(test)]
mod tests {
    use super::super::text::reference::visible_text;
    use super::super::text::SEPARATOR;

    /// The flow of `html`, then each piece, normalised.
    fn read(html: &str) -> Vec<String> {
        visible_text("a.html", html)
            .split(SEPARATOR)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn script_and_style_are_pieces_read_to_their_own_end_tag() {
        assert_eq!(
            read("a<script>x = '<p>Se&#99;ret</style>'</SCRIPT >b"),
            ["a b", "x = '<p>se&#99;ret</style>'"]
        );
        assert_eq!(
            read("a<style>p::after { content: '</p><!-- x -->' }</style>b"),
            ["a b", "p::after { content: '</p><!-- x -->' }"]
        );
        // A script never closed keeps the rest of the file.
        assert_eq!(read("a<script>Se<b>cret"), ["a", "se<b>cret"]);
    }

    #[test]
    fn raw_text_elements_are_read_as_text_in_the_flow() {
        for name in ["xmp", "iframe", "noembed", "noframes", "noscript"] {
            assert_eq!(
                read(&format!("<{name}>Se<b>cr</b>&amp;et</{name}>x")),
                ["se<b>cr</b>&amp;et x"],
                "{name}"
            );
        }
        // RCDATA decodes character references, RAWTEXT does not.
        assert_eq!(
            read("<textarea>Se<b>&#99;</b>ret</textarea>x"),
            ["se<b>c</b>ret x"]
        );
        assert_eq!(read("<title>a</b></title>b"), ["a</b> b"]);
        assert_eq!(
            read("a<plaintext>b</plaintext><p>c"),
            ["a b</plaintext><p>c"]
        );
    }

    #[test]
    fn attributes_are_pieces_every_copy_of_a_repeated_one_included() {
        assert_eq!(
            read("<p title=a title='Se&#99;ret' data-x=\" \" lang>x</p>"),
            ["x", "title title data-x lang", "a", "secret"]
        );
        // An end tag's attributes are in the source too.
        assert_eq!(read("x</p class=Secret>"), ["x", "class", "secret"]);
        // Broken off by the end of the input, a tag is no element, but its attributes are
        // still in the source.
        assert_eq!(read("x<p title='Secret"), ["x", "title", "secret"]);
        assert_eq!(read("x<p data-a=1 title"), ["x", "data-a title", "1"]);
    }

    #[test]
    fn nul_doctype_and_bogus_comments() {
        assert_eq!(read("Se\0cret<title>a\0b</title>"), ["secret a\u{fffd}b"]);
        assert_eq!(read("<!DOCTYPE html Secret>x"), ["x"]);
        assert_eq!(read("a<?Secret>b</ Plan>c"), ["abc", "?secret", "plan"]);
        assert_eq!(read("a<![CDATA[Secret]]>b"), ["ab", "[cdata[secret]]"]);
    }

    #[test]
    fn many_attributes_are_read_in_linear_time() {
        let tag: String = (0..200_000).map(|at| format!("a{at} ")).collect();
        let started = std::time::Instant::now();
        let text = read(&format!("<p {tag}>x"));
        assert!(started.elapsed().as_secs() < 20);
        assert_eq!(text.len(), 2);
    }
}
