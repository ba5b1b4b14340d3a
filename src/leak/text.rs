//! The text of a file as its reader sees it, produced in one pass per piece: entities
//! decoded, whitespace collapsed and letters lowercased while appending to one buffer, so
//! the leak guard reads every shared file without a chain of intermediate strings.

use crate::format::markdown;

/// Buffers reused across the files of one account.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    visible: String,
}

/// Appends the text a reader of a shared file sees, and what its source shows to anyone
/// who opens it: for HTML, the visible text (tags stripped, entities decoded) followed by
/// every attribute value and comment (a tooltip or an `<!-- -->` travels with the file just
/// the same); Markdown reduced to its text; anything else as it is. Whitespace is
/// collapsed, and separate pieces are kept apart by a character no needle contains.
pub(super) fn push_visible_text(out: &mut String, scratch: &mut Scratch, path: &str, text: &str) {
    if path.ends_with(".html") {
        scratch.visible.clear();
        let hidden = read_html(text, &mut scratch.visible);
        push_normalised(out, &scratch.visible, true);
        for piece in hidden {
            out.push_str(" \u{1} ");
            push_normalised(out, piece, true);
        }
    } else if path.ends_with(".md") {
        push_normalised(out, &markdown::to_plain_text(text), true);
    } else {
        push_normalised(out, text, false);
    }
}

/// Byte classes for the copying loop: anything not marked is an ASCII byte that only needs
/// lowercasing.
const SPACE: u8 = 1;
const AMPERSAND: u8 = 2;
const NON_ASCII: u8 = 4;
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = if b >= 0x80 {
            NON_ASCII
        } else if b == b'&' as usize {
            AMPERSAND
        } else if matches!(b as u8, b'\t'..=b'\r' | b' ') {
            // `char::is_whitespace` on ASCII: vertical tab and form feed included.
            SPACE
        } else {
            0
        };
        b += 1;
    }
    class
};

/// The word being written: where it starts in the output, and whether it holds a character
/// that ASCII lowercasing does not cover.
struct Word {
    start: Option<usize>,
    non_ascii: bool,
}

impl Word {
    fn begin(&mut self, out: &mut String, base: usize) {
        if self.start.is_none() {
            if out.len() > base {
                out.push(' ');
            }
            self.start = Some(out.len());
        }
    }

    /// Lowercases a word with non-ASCII letters as a whole: `str::to_lowercase` gives a
    /// final `Σ` its word-final form, which no character-by-character mapping can, and its
    /// context never reaches past a space, so the word is all the context it needs.
    fn end(&mut self, out: &mut String) {
        if let Some(start) = self.start.take() {
            if std::mem::take(&mut self.non_ascii) {
                let changes = out.get(start..).is_some_and(|word| {
                    word.chars().any(|c| {
                        let mut lower = c.to_lowercase();
                        lower.next() != Some(c) || lower.next().is_some()
                    })
                });
                if changes {
                    let lower = out.get(start..).unwrap_or_default().to_lowercase();
                    out.truncate(start);
                    out.push_str(&lower);
                }
            }
        }
    }
}

/// Appends `text` as a reader sees it: with `decode`, character references decoded first;
/// then words separated by single spaces, no space at either end, lower case. The same as
/// splitting on whitespace, joining with spaces and lowercasing the result.
pub(super) fn push_normalised(out: &mut String, text: &str, decode: bool) {
    let base = out.len();
    let special = if decode {
        SPACE | AMPERSAND | NON_ASCII
    } else {
        SPACE | NON_ASCII
    };
    let mut word = Word {
        start: None,
        non_ascii: false,
    };
    let mut rest = text;
    while !rest.is_empty() {
        // A run of plain ASCII words with single spaces between them is copied as it is
        // and lowercased in place. A space ends the word being written, so a word holding
        // a non-ASCII letter takes its first space the slow way.
        let bytes = rest.as_bytes();
        let plain = |b: u8| CLASS[usize::from(b)] & special == 0;
        let run = if word.non_ascii {
            bytes.iter().position(|&b| !plain(b)).unwrap_or(bytes.len())
        } else {
            plain_run(bytes, plain)
        };
        if run > 0 {
            word.begin(out, base);
            let at = out.len();
            out.push_str(rest.get(..run).unwrap_or_default());
            if let Some(appended) = out.get_mut(at..) {
                appended.make_ascii_lowercase();
            }
            if let Some(space) = bytes[..run].iter().rposition(|&b| b == b' ') {
                word.start = Some(at + space + 1);
            }
            rest = rest.get(run..).unwrap_or_default();
        }
        let Some(c) = rest.chars().next() else { break };
        let (c, len) = if c == '&' && decode {
            entity(rest).unwrap_or(('&', 1))
        } else {
            (c, c.len_utf8())
        };
        rest = rest.get(len..).unwrap_or_default();
        if c.is_whitespace() {
            word.end(out);
        } else {
            word.begin(out, base);
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
                word.non_ascii = true;
            }
        }
    }
    word.end(out);
}

/// The length of the run of plain bytes and single spaces at the start of `bytes` that
/// starts and ends with a plain byte. Each byte is judged together with its successor, so
/// the end of a word takes no branch of its own.
fn plain_run(bytes: &[u8], plain: impl Fn(u8) -> bool) -> usize {
    if !bytes.first().is_some_and(|&b| plain(b)) {
        return 0;
    }
    let mut run = 1;
    for pair in bytes[1..].windows(2) {
        if !(plain(pair[0]) | ((pair[0] == b' ') & plain(pair[1]))) {
            return run;
        }
        run += 1;
    }
    // Every pair passed: the last byte has no successor and must be plain itself.
    if bytes.get(run).is_some_and(|&b| plain(b)) {
        run += 1;
    }
    run
}

/// Elements that flow within a line: a reader sees `h<b>at</b>es` as one word, so they
/// are removed without a gap. Every other tag separates words. At most eight letters:
/// `is_inline` packs a name into a number.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];

/// Appends the visible text of HTML to `visible` and returns its hidden pieces (attribute
/// values, comments) in document order. Entities are left for the normaliser: an inline tag
/// may split one (`&am<b></b>p;`), and the reader sees the joined text.
fn read_html<'a>(html: &'a str, visible: &mut String) -> Vec<&'a str> {
    let mut hidden = Vec::new();
    let mut rest = html;
    while let Some(open) = position(rest.as_bytes(), 0, |b| b == b'<') {
        visible.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").unwrap_or(comment.len());
            hidden.push(&comment[..end]);
            rest = comment.get(end + 3..).unwrap_or_default();
            visible.push(' ');
            continue;
        }
        let (tag, after) = split_tag(rest);
        rest = after;
        if !is_inline(tag) {
            visible.push(' ');
        }
        push_attribute_values(tag, &mut hidden);
    }
    visible.push_str(rest);
    hidden
}

/// The inline element names packed into numbers, in a table where each has a slot of its
/// own: `(multiplier, table)`, a name's slot being the top bits of its key times the
/// multiplier. The multiplier is searched for at compile time.
const INLINE_TABLE: (u64, [u64; 128]) = {
    let mut multiplier: u64 = 0x9e37_79b9_7f4a_7c15;
    loop {
        let mut table = [0; 128];
        let mut i = 0;
        while i < INLINE_ELEMENTS.len() {
            let key = pack(INLINE_ELEMENTS[i].as_bytes());
            let slot = inline_slot(key, multiplier);
            if table[slot] != 0 {
                break;
            }
            table[slot] = key;
            i += 1;
        }
        if i == INLINE_ELEMENTS.len() {
            break (multiplier, table);
        }
        multiplier = multiplier.wrapping_add(0x2545_f491_4f6c_dd1e);
    }
};

const fn inline_slot(key: u64, multiplier: u64) -> usize {
    (key.wrapping_mul(multiplier) >> 57) as usize
}

/// A name of up to eight bytes as a number, first byte highest; 0 for longer ones.
const fn pack(name: &[u8]) -> u64 {
    if name.len() > 8 {
        return 0;
    }
    let mut key = 0;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < name.len() {
            key |= name[i].to_ascii_lowercase() as u64;
        }
        i += 1;
    }
    key
}

/// Whether a tag opens or closes an inline element. Element names are ASCII.
fn is_inline(tag: &str) -> bool {
    let bytes = tag.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| b != b'<' && b != b'/')
        .unwrap_or(bytes.len());
    let name = &bytes[start..];
    let len = name
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let key = pack(&name[..len]);
    let (multiplier, table) = &INLINE_TABLE;
    key != 0 && table[inline_slot(key, *multiplier)] == key
}

/// The tag at the start of `html` (up to its `>`, quotes respected) and what follows it.
/// Quotes and `>` are ASCII, so bytes are enough: no byte of a multi-byte character is.
fn split_tag(html: &str) -> (&str, &str) {
    let bytes = html.as_bytes();
    let mut at = 1;
    while let Some(found) = position(bytes, at, |b| matches!(b, b'"' | b'\'' | b'>')) {
        if bytes[found] == b'>' {
            return html.split_at(found + 1);
        }
        let quote = bytes[found];
        match position(bytes, found + 1, |b| b == quote) {
            Some(close) => at = close + 1,
            None => break,
        }
    }
    (html, "")
}

/// The first position from `from` on where `bytes` has a byte `wanted`. Tags and the
/// text between them are short: a plain loop beats a call into a searcher there.
#[inline]
fn position(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let rest = bytes.get(from..)?;
    rest.iter().position(|&b| wanted(b)).map(|i| from + i)
}

/// Appends the values of the attributes of one tag, quoted or not.
fn push_attribute_values<'a>(tag: &'a str, values: &mut Vec<&'a str>) {
    let mut rest = tag;
    while let Some(eq) = position(rest.as_bytes(), 0, |b| b == b'=') {
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.bytes().next() {
            Some(q @ (b'"' | b'\'')) => {
                let inner = &after[1..];
                let end = position(inner.as_bytes(), 0, |b| b == q).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if !value.trim().is_empty() {
            values.push(value);
        }
        rest = tail;
    }
}

/// The character reference at the start of `text` (which starts with `&`) and its length:
/// the named ones templates and Markdown produce, and every numeric one (`&#39;`,
/// `&#x2F;`), so an encoded character cannot hide a phrase.
fn entity(text: &str) -> Option<(char, usize)> {
    // The `;` must come within ten bytes of the `&`; looking no further keeps a long text
    // full of bare `&` linear.
    let end = text.bytes().take(11).position(|b| b == b';')?;
    let name = text.get(1..end)?;
    entity_char(name).map(|c| (c, end + 1))
}

fn entity_char(entity: &str) -> Option<char> {
    let code = if let Some(hex) = entity
        .strip_prefix("#x")
        .or_else(|| entity.strip_prefix("#X"))
    {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = entity.strip_prefix('#') {
        decimal.parse().ok()?
    } else {
        return match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "amp" => Some('&'),
            "nbsp" => Some(' '),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            _ => None,
        };
    };
    char::from_u32(code)
}

/// The reading as it was written first: one step at a time, a new string for each. Kept as
/// the yardstick the one-pass reading is compared with.
#[cfg(test)]
pub(super) mod reference {
    use super::{entity_char, markdown, INLINE_ELEMENTS};

    pub fn normalise(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    pub fn visible_text(path: &str, content: &str) -> String {
        if path.ends_with(".html") {
            let (visible, hidden) = read_html(content);
            let mut text = normalise(&decode_entities(&visible));
            for piece in hidden {
                text.push_str(" \u{1} ");
                text.push_str(&normalise(&decode_entities(&piece)));
            }
            text
        } else if path.ends_with(".md") {
            normalise(&decode_entities(&markdown::to_plain_text(content)))
        } else {
            normalise(content)
        }
    }

    fn read_html(html: &str) -> (String, Vec<String>) {
        let mut visible = String::with_capacity(html.len());
        let mut hidden = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            visible.push_str(&rest[..open]);
            rest = &rest[open..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").unwrap_or(comment.len());
                hidden.push(comment[..end].to_string());
                rest = comment.get(end + 3..).unwrap_or_default();
                visible.push(' ');
                continue;
            }
            let (tag, after) = split_tag(rest);
            rest = after;
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !INLINE_ELEMENTS.contains(&name.as_str()) {
                visible.push(' ');
            }
            hidden.extend(attribute_values(tag));
        }
        visible.push_str(rest);
        (visible, hidden)
    }

    fn split_tag(html: &str) -> (&str, &str) {
        let mut quote = None;
        for (i, c) in html.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => return (&html[..i + 1], &html[i + 1..]),
                _ => {}
            }
        }
        (html, "")
    }

    fn attribute_values(tag: &str) -> Vec<String> {
        let mut values = Vec::new();
        let mut rest = tag;
        while let Some(eq) = rest.find('=') {
            let after = rest[eq + 1..].trim_start();
            let (value, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or_default())
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            if !value.trim().is_empty() {
                values.push(value.to_string());
            }
            rest = tail;
        }
        values
    }

    fn decode_entities(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            rest = &rest[amp..];
            let decoded = rest
                .get(1..rest.find(';').filter(|&end| end <= 10).unwrap_or(0))
                .and_then(|entity| entity_char(entity).map(|c| (c, entity.len() + 2)));
            match decoded {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
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
        assert_eq!(out, reference::visible_text(path, content), "{content:?}");
        out
    }

    /// One file read with fresh buffers, as the guard reads the first file of an account.
    fn visible_text(path: &str, content: &str) -> String {
        let mut out = String::with_capacity(content.len());
        push_visible_text(&mut out, &mut Scratch::default(), path, content);
        out
    }

    #[test]
    fn html_is_read_as_its_reader_and_its_source_show_it() {
        let text = visible_text(
            "a.html",
            "<p title='a &amp; b'>h<b>at</b>es</p><td>x</td><td>y</td><!-- c&#x2F;d -->&#82;aj",
        );
        assert_eq!(text, "hates x y raj \u{1} a & b \u{1} c/d");
        // Broken markup ends the text instead of failing.
        assert_eq!(visible_text("a.html", "x <p title=\"y"), "x \u{1} y");
        assert_eq!(
            visible_text("a.html", "&#xZZ; &#99999999; &unknown; &"),
            "&#xzz; &#99999999; &unknown; &"
        );
    }

    #[test]
    fn an_entity_split_by_inline_markup_is_read_joined() {
        assert_eq!(read("a.html", "<p>a &am<b></b>p; b</p>"), "a & b");
        assert_eq!(read("a.html", "<p>&#8<i>2;aj</i></p>"), "raj");
        // A block tag puts a space into the entity, which then is none.
        assert_eq!(read("a.html", "a &am<p>p; b"), "a &am p; b");
    }

    #[test]
    fn entities_at_the_ends_and_bare_ampersands_stay_as_written() {
        assert_eq!(read("a.md", "x &amp"), "x &amp");
        assert_eq!(read("a.html", "&amp;"), "&");
        assert_eq!(read("a.html", "&&amp;&;"), "&&&;");
        assert_eq!(read("a.html", "&#x20AC;&#8364;"), "€€");
        // `;` more than ten bytes away ends no reference.
        assert_eq!(read("a.html", "&#0000000065;"), "&#0000000065;");
        assert_eq!(read("a.html", "&#00000065;"), "a");
        assert_eq!(read("a.html", "&#000000065;"), "&#000000065;");
        assert_eq!(read("a.txt", "A &amp; B"), "a &amp; b");
        let long = "& ".repeat(10_000);
        assert_eq!(read("a.html", &long).len(), long.len() - 1);
    }

    #[test]
    fn non_ascii_letters_are_lowercased_as_str_does() {
        assert_eq!(read("a.txt", "ΟΔΟΣ ΣΟΦΟΣ"), "οδος σοφος");
        assert_eq!(read("a.txt", "ΣΑΣ. Σ ΑΣ'Α"), "σας. σ ασ'α");
        assert_eq!(read("a.txt", "ÉCOLE İstanbul ǅ ẞ"), "école i̇stanbul ǆ ß");
        // A word begun in plain ASCII and finished with a non-ASCII letter, and back.
        assert_eq!(read("a.txt", "ABÇD EF ÀB CD"), "abçd ef àb cd");
        assert_eq!(read("a.html", "<p>AB<b>ΟΣ</b> CD</p>"), "abος cd");
        assert_eq!(read("a.html", "ΑΣ&#x41; &#931;"), "ασa σ");
    }

    #[test]
    fn whitespace_of_every_kind_collapses() {
        assert_eq!(read("a.txt", "  a \t\n\u{b}\u{c}\r b  "), "a b");
        assert_eq!(
            read("a.txt", "a\u{a0}\u{2003}\u{3000}\u{85}b\u{1c}c"),
            "a b\u{1c}c"
        );
        assert_eq!(read("a.html", "a&nbsp;&#9;&#x2003;b&#32;"), "a b");
        assert_eq!(read("a.html", ""), "");
        assert_eq!(read("a.html", "<p title=' '>  </p>"), "");
        assert_eq!(read("a.html", "<p title='x'></p>"), " \u{1} x");
        assert_eq!(read("a.html", "<!---->"), " \u{1} ");
    }

    #[test]
    fn inline_elements_are_found_whatever_their_case() {
        assert!(INLINE_ELEMENTS.iter().all(|e| e.len() <= 8));
        for e in INLINE_ELEMENTS {
            assert!(is_inline(&format!("<{}>", e.to_uppercase())), "{e}");
            assert!(is_inline(&format!("</{e} x>")), "{e}");
        }
        for tag in [
            "<p>",
            "<strongest>",
            "<spanspan>",
            "<>",
            "</>",
            "<br/>",
            "<spa>",
            "<ab>",
        ] {
            assert!(!is_inline(tag), "{tag}");
        }
    }

    #[test]
    fn tags_attributes_and_comments() {
        assert_eq!(
            read("a.html", "<P>x</P><SPAN>y</SPAN><a href=u>z</a><br/>w"),
            "x y\u{1}".replace('\u{1}', "z w \u{1} u")
        );
        assert_eq!(
            read("a.html", "a<//b>b<img alt=\"x > y\" src=q>"),
            "ab \u{1} x > y \u{1} q"
        );
        assert_eq!(
            read("a.html", "é<b title=\"Σ\">x<!-- never closed"),
            "éx \u{1} σ \u{1} never closed"
        );
    }

    #[test]
    fn a_reused_buffer_reads_each_file_as_a_fresh_one() {
        let mut scratch = Scratch::default();
        let mut out = String::new();
        for (path, content) in [
            ("a.html", "<p title='T'>Long visible TEXT here</p>"),
            ("b.html", "<b>x</b>"),
            ("c.md", "*Emphasis* &amp; more"),
            ("d.css", "body { margin: 0 }"),
        ] {
            out.clear();
            push_visible_text(&mut out, &mut scratch, path, content);
            assert_eq!(out, reference::visible_text(path, content));
        }
    }

    /// Pieces that meet in odd ways: split entities, tags mid-word, quotes, every kind of
    /// whitespace, letters whose lowercase depends on their neighbours.
    const PIECES: &[&str] = &[
        "<b>",
        "</b>",
        "<p>",
        "</p>",
        "<span class='x'>",
        "<img alt=\"",
        "\">",
        "<!--",
        "-->",
        "<",
        ">",
        "=",
        "\"",
        "'",
        "&amp;",
        "&am",
        "p;",
        "&#x41;",
        "&#931;",
        "&#",
        "x2F",
        ";",
        "&nbsp;",
        "&",
        "Σ",
        "σ",
        "ΑΣ",
        "İ",
        "ǅ",
        "É",
        "\u{300}",
        ":",
        ".",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "\u{2003}",
        "\u{b}",
        "\u{85}",
        "\u{1}",
        "word",
        "Word",
        "WORD",
        "x",
        "1,200,000",
        "*",
        "_",
        "#",
        "- ",
        "`",
        "\\",
        "[a](b)",
    ];

    fn pieces() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn reads_as_the_reference_does(text in pieces(), path in prop::sample::select(&["a.html", "a.md", "a.css"][..])) {
            let mut out = String::from("kept");
            push_visible_text(&mut out, &mut Scratch::default(), path, &text);
            prop_assert_eq!(&out[4..], reference::visible_text(path, &text));
        }

        #[test]
        fn reads_any_text_as_the_reference_does(text in any::<String>(), path in prop::sample::select(&["a.html", "a.md", "a.css"][..])) {
            let mut out = String::new();
            push_visible_text(&mut out, &mut Scratch::default(), path, &text);
            prop_assert_eq!(out, reference::visible_text(path, &text));
        }
    }
}
