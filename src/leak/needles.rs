//! Turns an account's internal texts and amounts into needles, the exact strings the
//! guard searches for: each Markdown block normalised as a reader sees it, cut into
//! windows of words when long; each amount in the forms a page prints it. Also the
//! shareable texts in the same form, which excuse a needle that they contain.

use super::classify::Classified;
use super::normalise;
use crate::format;
use crate::format::markdown;

/// Words in a row that make a phrase distinctive enough to be a leak if it appears in a
/// shared file. Shorter texts are compared whole.
pub(super) const WINDOW_WORDS: usize = 8;
/// Texts shorter than this (after normalising) are too common to prove a leak.
pub(super) const MIN_CHARS: usize = 16;
/// Amounts below this are too common to prove a leak.
const MIN_AMOUNT: f64 = 1000.0;

/// The internal texts and amounts of one account as search patterns. Every needle is a
/// range of one buffer: a long block normalises to single-spaced words, so each window of
/// `WINDOW_WORDS` words is a slice of it and needs no string of its own.
#[derive(Debug, Default)]
pub(super) struct Needles<'a> {
    /// The field path of each internal text and amount, as `Needle::field` counts them.
    pub(super) fields: Vec<&'a str>,
    /// The needles' texts, normalised, one after another.
    text: String,
    /// Sorted by field name, then text, without duplicates: a search reports needle ids
    /// into this list.
    pub(super) list: Vec<Needle>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Needle {
    pub(super) field: usize,
    start: usize,
    end: usize,
}

impl<'a> Needles<'a> {
    pub(super) fn collect(classified: &'a Classified) -> Self {
        let mut needles = Needles::default();
        let mut spaces = Vec::new();
        for (field, text) in &classified.internal {
            needles.fields.push(field);
            let field = needles.fields.len() - 1;
            for_each_block(text, |block| needles.add_block(field, block, &mut spaces));
        }
        for (field, amount) in &classified.internal_amounts {
            needles.fields.push(field);
            let field = needles.fields.len() - 1;
            for form in amount_needles(*amount) {
                let start = needles.text.len();
                needles.text.push_str(&form);
                needles.push(field, start, needles.text.len());
            }
        }
        // Patterns are ordered by field name, then text: which field a hit reports when two
        // hold the same phrase depends on it. Fields are ranked once, so that sorting the
        // needles compares numbers before texts; fields of one name share a rank.
        let mut by_name: Vec<usize> = (0..needles.fields.len()).collect();
        by_name.sort_by_key(|&field| needles.fields[field]);
        let mut rank = vec![0; needles.fields.len()];
        for (i, pair) in by_name.windows(2).enumerate() {
            let same = needles.fields[pair[0]] == needles.fields[pair[1]];
            rank[pair[1]] = if same { rank[pair[0]] } else { i + 1 };
        }
        let mut list = std::mem::take(&mut needles.list);
        let key = |n: &Needle| (rank[n.field], needles.text(n));
        list.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        list.dedup_by(|a, b| key(a) == key(b));
        needles.list = list;
        needles
    }

    /// The needles of one block of an internal text: a short block whole, a long one as
    /// every run of `WINDOW_WORDS` words, so a partial copy is caught too.
    fn add_block(&mut self, field: usize, block: &str, spaces: &mut Vec<usize>) {
        let start = self.text.len();
        normalise::push_normalised(&mut self.text, block);
        let end = self.text.len();
        let Some(normalised) = self.text.get(start..) else {
            return;
        };
        if normalised.is_empty() {
            return;
        }
        spaces.clear();
        spaces.extend(
            normalised
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| start + i),
        );
        let words = spaces.len() + 1;
        if words <= WINDOW_WORDS {
            if normalised.chars().count() >= MIN_CHARS && words >= 2 {
                self.push(field, start, end);
            }
            return;
        }
        // Word `k` starts after space `k - 1` and ends at space `k` (or the block's end).
        for first in 0..=words - WINDOW_WORDS {
            let from = if first == 0 {
                start
            } else {
                spaces[first - 1] + 1
            };
            let last = first + WINDOW_WORDS - 1;
            let to = spaces.get(last).copied().unwrap_or(end);
            self.push(field, from, to);
        }
    }

    fn push(&mut self, field: usize, start: usize, end: usize) {
        self.list.push(Needle { field, start, end });
    }

    pub(super) fn text(&self, needle: &Needle) -> &str {
        self.text.get(needle.start..needle.end).unwrap_or_default()
    }
}

/// The forms in which an amount could appear on a page.
pub(super) fn amount_needles(amount: f64) -> Vec<String> {
    if amount.abs() < MIN_AMOUNT {
        return Vec::new();
    }
    let mut forms = vec![format::amount(amount)];
    if amount.fract() == 0.0 {
        forms.push(format!("{}", amount as i64));
    } else {
        forms.push(format!("{amount}"));
    }
    forms.dedup();
    forms
}

/// Calls `each` with the plain text of every block of a Markdown note (paragraphs, list
/// items, table cells, headings), so that no phrase runs across two blocks.
fn for_each_block(text: &str, mut each: impl FnMut(&str)) {
    if is_one_plain_paragraph(text) {
        each(text);
    } else {
        for block in markdown::to_plain_blocks(text) {
            each(&block);
        }
    }
}

/// Bytes that mean something to Markdown inside a line (with the extensions the notes are
/// rendered with), or start a block after spaces.
const MARKDOWN_SYNTAX: &[u8] = b"\\`*_[]!<>&~|#";

/// Whether Markdown reads `text` as one paragraph of exactly its own text: one line that
/// starts with a letter (no block can start so) and holds no byte that means anything
/// inside a line. Most notes are such a line, and this spares them the parser.
fn is_one_plain_paragraph(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && text.bytes().all(|b| {
            b >= 0x80 || (b == b' ' || b.is_ascii_graphic()) && !MARKDOWN_SYNTAX.contains(&b)
        })
}

/// The shareable texts as one string, block by block, pieces kept apart by a character no
/// needle contains: a needle found in it was also written where it may be shared.
pub(super) fn allowed_text(shared: &[String]) -> String {
    let mut out = String::new();
    for (i, text) in shared.iter().enumerate() {
        if i > 0 {
            out.push_str(" \u{1} ");
        }
        let mut first = true;
        for_each_block(text, |block| {
            let mark = out.len();
            if !first {
                out.push_str(" \u{1} ");
            }
            let start = out.len();
            normalise::push_normalised(&mut out, block);
            if out.len() == start {
                out.truncate(mark);
            } else {
                first = false;
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_notes_are_one_plain_paragraph() {
        for text in [
            "Omar is hesitant about the volume.",
            "Mood is irritated since the certification (and Q3), 40% off: why?",
            "Raj's boss - and mentor - retires in March; lead-time 3/4 = \"late\"",
            "A ’quoted’ Éa text\u{a0}with non-ASCII",
        ] {
            assert!(is_one_plain_paragraph(text), "{text}");
        }
        for text in [
            "",
            " indented",
            "1. a list",
            "- a list",
            "two\nlines",
            "a *b*",
            "a `b`",
            "a &amp; b",
            "see [x](y)",
            "tab\there",
            "nul\0",
        ] {
            assert!(!is_one_plain_paragraph(text), "{text}");
        }
    }

    /// Pieces of notes, plain and otherwise: the one-line shortcut must agree with the
    /// Markdown parser whenever it is taken (and a change of Markdown options that would
    /// make it wrong fails here).
    const NOTE_PIECES: &[&str] = &[
        "word",
        "Word",
        "a",
        " ",
        "  ",
        ".",
        ",",
        ":",
        ";",
        "?",
        "'",
        "\"",
        "(",
        ")",
        "/",
        "%",
        "+",
        "-",
        "--",
        "---",
        "=",
        "...",
        "$x$",
        "^2",
        "{#id}",
        "@",
        "www.example.com",
        "http://x.y/z",
        "a@b.c",
        "1.",
        "2)",
        "\u{a0}",
        "é",
        "’",
        "\u{2003}",
        "*",
        "_",
        "`",
        "[",
        "]",
        "!",
        "<",
        ">",
        "&",
        "~",
        "|",
        "#",
        "\\",
        "\n",
        "\t",
        "\r",
    ];

    proptest::proptest! {
        #[test]
        fn a_plain_line_is_read_as_markdown_reads_it(
            first in proptest::sample::select(&["A", "z", "1", " ", "-", "#"][..]),
            pieces in proptest::collection::vec(proptest::sample::select(NOTE_PIECES), 0..16),
        ) {
            let text = format!("{first}{}", pieces.concat());
            let read = |block: &str| {
                let mut out = String::new();
                normalise::push_normalised(&mut out, block);
                out
            };
            let mut blocks = Vec::new();
            for_each_block(&text, |block| blocks.push(read(block)));
            blocks.retain(|b| !b.is_empty());
            let mut parsed: Vec<String> =
                markdown::to_plain_blocks(&text).iter().map(|b| read(b)).collect();
            parsed.retain(|b| !b.is_empty());
            proptest::prop_assert_eq!(blocks, parsed, "{:?}", text);
        }
    }
}
