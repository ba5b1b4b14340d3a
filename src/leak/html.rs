//! HTML read as a browser reads it, with html5ever's HTML5 tokenizer (the one ammonia
//! cleans notes with): character references decoded the HTML5 way (`&#83ecret`,
//! `&#0000083;`, legacy names without `;`), tags however oddly written (a stray quote in an
//! attribute name), comments and raw text where the standard puts them.
//!
//! What a reader sees becomes one flow of text: inline and unknown elements join their
//! neighbours without a gap (`Se<b>cr</b>et`, `Se<foo>cret` read `Secret`), block elements
//! and `<br>` break it, comments vanish from it. What the source shows to anyone who opens
//! it is kept beside the flow, piece by piece: comments, attribute values (a tooltip or an
//! `alt` travels with the file just the same), the attribute names of a tag, and the raw
//! text of `<script>` and `<style>`. The tokenizer alone is used, not the tree builder:
//! it is linear in its input, and which element a reader's text sits in does not matter
//! here, only where it breaks.

use super::text::Extract;
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;
use std::cell::RefCell;

/// Input is handed to the tokenizer in pieces of about this many bytes: a tendril holds at
/// most 4 GiB, and smaller pieces keep that limit out of reach whatever a file's size.
const CHUNK: usize = 1 << 20;

/// Appends the text of `html` to `extract`: its flow to `extract.visible`, the rest as
/// pieces.
pub(super) fn read(html: &str, extract: &mut Extract) {
    let sink = Sink(RefCell::new(Reader { extract, raw: None }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        queue.push_back(StrTendril::from_slice(chunk));
        rest = tail;
        // The sink never asks for a script to run, so the tokenizer only stops when the
        // queue is empty; the loop is a guard, not a protocol.
        while let TokenizerResult::Script(()) = tokenizer.feed(&queue) {}
    }
    tokenizer.end();
}

/// Where the text of an element that the tokenizer reads as raw text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// `<script>`, `<style>`: not shown, but in the source; a piece of its own.
    Piece,
    /// `<title>`, `<textarea>` and the like: shown, so part of the flow.
    Flow,
}

struct Reader<'a> {
    extract: &'a mut Extract,
    /// Inside an element read as raw text: the tokenizer emits only its characters until
    /// its end tag.
    raw: Option<Raw>,
}

/// The token sink: the tokenizer calls it through `&self`, hence the cell.
struct Sink<'a>(RefCell<Reader<'a>>);

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut reader = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => reader.tag(&tag),
            Token::CharacterTokens(text) => {
                match reader.raw {
                    Some(Raw::Piece) => reader.extract.extend_piece(&text),
                    _ => reader.extract.visible.push_str(&text),
                }
                TokenSinkResult::Continue
            }
            Token::CommentToken(text) => {
                // A comment is no gap in the flow: `Se<!---->cret` reads `Secret`.
                reader.extract.push_piece(&text);
                TokenSinkResult::Continue
            }
            Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => TokenSinkResult::Continue,
        }
    }
}

impl Reader<'_> {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        // In raw text the only tag the tokenizer emits is the element's end tag.
        self.raw = None;
        self.extract.close_piece();
        let name: &str = &tag.name;
        if breaks(name) {
            self.extract.visible.push('\n');
        }
        if !tag.attrs.is_empty() {
            // A phrase written as attribute names (`<p raj hates long meetings>`) shows in
            // the source as words in a row.
            self.extract.start_piece();
            for attr in &tag.attrs {
                self.extract.extend_piece(&attr.name.local);
                self.extract.extend_piece(" ");
            }
            self.extract.close_piece();
            for attr in &tag.attrs {
                if !attr.value.trim().is_empty() {
                    self.extract.push_piece(&attr.value);
                }
            }
        }
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        // The states the tree builder would switch the tokenizer to for these elements.
        let (raw, result) = match name {
            "script" => (Raw::Piece, TokenSinkResult::RawData(RawKind::ScriptData)),
            "style" => (Raw::Piece, TokenSinkResult::RawData(RawKind::Rawtext)),
            "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                (Raw::Flow, TokenSinkResult::RawData(RawKind::Rawtext))
            }
            "title" | "textarea" => (Raw::Flow, TokenSinkResult::RawData(RawKind::Rcdata)),
            "plaintext" => (Raw::Flow, TokenSinkResult::Plaintext),
            _ => return TokenSinkResult::Continue,
        };
        if raw == Raw::Piece {
            self.extract.start_piece();
        }
        self.raw = Some(raw);
        result
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
