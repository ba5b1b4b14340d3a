//! One normal form for every text the leak guard compares: the needles made from internal
//! notes, the shareable texts that excuse them, and the text of every file searched.
//!
//! Two texts a reader cannot tell apart must compare equal, so the form is: code points a
//! reader does not see removed (Unicode's Default_Ignorable_Code_Point set, soft hyphens,
//! zero-width characters, bidi controls, variation selectors, and control characters);
//! compatibility decomposition (NFKD: the same equivalence as the NFKC of the issue, but a
//! combining mark written after a phrase cannot fuse with its last letter and so hide it);
//! lower case; words separated by single spaces, none at either end.
//!
//! Needles and texts go through the same function, so the form only has to be the same on
//! both sides; and it is computed word by word (nothing in it looks past whitespace), so a
//! note copied into a page between spaces is found as the exact string its needle is.

use unicode_normalization::UnicodeNormalization;

/// Whether a reader sees nothing of `c`: a Default_Ignorable_Code_Point (Unicode 16,
/// DerivedCoreProperties.txt; the list is short and stable, so it is kept here rather than
/// taken from a crate), or a control character that is not whitespace. Such a character
/// inside a word (`Se\u{AD}cret`) must not keep the guard from reading the word.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    ) || (c.is_control() && !c.is_whitespace())
}

/// Appends `text` in the normal form: invisible characters removed, NFKD, lower case,
/// words separated by single spaces, no space at either end of what is appended. Linear in
/// the length of `text`: ASCII is lower-cased as it is copied, a byte at a time in one pass
/// (most words are a few bytes long, and a copy and a second pass per word cost more than
/// the bytes), and only words that hold another character are decomposed.
pub(super) fn push_normalised(out: &mut String, text: &str) {
    let base = out.len();
    // ASCII never grows: a separator is written only where whitespace was read.
    out.reserve(text.len());
    let mut word = Word {
        start: None,
        rich: false,
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_graphic() {
            if word.start.is_none() {
                word.begin(out, base);
            }
            out.push(char::from(b.to_ascii_lowercase()));
            at += 1;
        } else if b.is_ascii() {
            // `char::is_whitespace` on ASCII: vertical tab and form feed included; any other
            // ASCII control is invisible and dropped.
            if matches!(b, b'\t'..=b'\r' | b' ') && word.start.is_some() {
                word.end(out, base);
            }
            at += 1;
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            if c.is_whitespace() {
                word.end(out, base);
            } else {
                word.begin(out, base);
                out.push(c);
                word.rich = true;
            }
        }
    }
    word.end(out, base);
}

/// The word being written: where it starts in the output, and whether it holds a
/// non-ASCII character (and so must be folded as a whole when it ends).
struct Word {
    start: Option<usize>,
    rich: bool,
}

impl Word {
    #[inline]
    fn begin(&mut self, out: &mut String, base: usize) {
        if self.start.is_none() {
            if out.len() > base {
                out.push(' ');
            }
            self.start = Some(out.len());
        }
    }

    /// Folds a word with non-ASCII characters. Folding may leave nothing (a word of zero
    /// width characters), whose separator is then taken back, or several words (NFKD
    /// turns `¨` into a space and a combining mark).
    #[inline]
    fn end(&mut self, out: &mut String, base: usize) {
        let Some(start) = self.start.take() else {
            return;
        };
        if std::mem::take(&mut self.rich) {
            fold_word(out, start, base);
        }
    }
}

/// Folds the word written from `start` on, in place (see [`Word::end`]).
fn fold_word(out: &mut String, start: usize, base: usize) {
    let folded = fold(out.get(start..).unwrap_or_default());
    out.truncate(start);
    for (i, piece) in folded.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(piece);
    }
    if out.len() == start && start > base {
        // The space written before the word that vanished.
        out.truncate(start - 1);
    }
}

/// One word (or any text) in the normal form but for whitespace. Lower case is applied to
/// the whole word, so a final `Σ` becomes `ς` as `str::to_lowercase` decides from its
/// context, which never reaches past whitespace; decomposing again afterwards keeps the
/// result decomposed whatever lower case produced.
fn fold(word: &str) -> String {
    let decomposed: String = word.chars().filter(|&c| !is_invisible(c)).nfkd().collect();
    decomposed
        .to_lowercase()
        .chars()
        .nfkd()
        .filter(|&c| !is_invisible(c))
        .collect()
}

/// `text` in the normal form, as a new string.
#[cfg(test)]
pub(super) fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(&mut out, text);
    out
}

/// The normal form computed the plain way, over the whole text at once: the yardstick for
/// the word-by-word one.
#[cfg(test)]
pub(super) fn reference(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> String {
        let out = normalised(text);
        assert_eq!(out, reference(text), "{text:?}");
        out
    }

    #[test]
    fn invisible_characters_vanish_inside_words_and_between_them() {
        for hidden in [
            "Se\u{ad}cret",
            "Se\u{200b}cret",
            "Se\u{200c}cret",
            "Se\u{200d}cret",
            "Se\u{2060}cret",
            "Se\u{feff}cret",
            "Se\u{202e}cret",
            "Se\u{fe0f}cret",
            "Se\u{e0041}cret",
            "Se\u{1}cret",
            "Se\u{9c}cret",
            "\u{ad}Secret\u{200b}",
        ] {
            assert_eq!(check(hidden), "secret", "{hidden:?}");
        }
        assert_eq!(check("a \u{200b} b"), "a b");
        assert_eq!(check("\u{200b} a"), "a");
        assert_eq!(check("a \u{200b}"), "a");
    }

    #[test]
    fn composed_and_decomposed_letters_compare_equal() {
        assert_eq!(check("Caf\u{e9}"), check("Cafe\u{301}"));
        assert_eq!(check("CAF\u{c9}"), check("cafe\u{301}"));
        // Compatibility forms: ligatures, full-width letters, a no-break space.
        assert_eq!(check("\u{fb01}nal"), "final");
        assert_eq!(check("\u{ff33}ecret"), "secret");
        assert_eq!(check("a\u{a0}b"), "a b");
        // A soft hyphen between a letter and its accent.
        assert_eq!(check("e\u{ad}\u{301}"), check("\u{e9}"));
    }

    #[test]
    fn lower_case_whole_words_and_whitespace_of_every_kind() {
        assert_eq!(check("ΟΔΟΣ ΣΟΦΟΣ"), "οδος σοφος");
        assert_eq!(check("  a \t\n\u{b}\u{c}\r b  "), "a b");
        assert_eq!(check("a\u{a0}\u{2003}\u{3000}\u{85}b"), "a b");
        assert_eq!(check("x\u{a8}y"), "x \u{308}y");
        assert_eq!(check(""), "");
        let mut out = String::from("kept");
        push_normalised(&mut out, " A ");
        // No space before the first word: the caller separates what it appends.
        assert_eq!(out, "kepta");
    }

    proptest! {
        #[test]
        fn word_by_word_is_the_plain_way(text in any::<String>()) {
            prop_assert_eq!(normalised(&text), reference(&text));
        }

        #[test]
        fn is_idempotent(text in any::<String>()) {
            let once = normalised(&text);
            prop_assert_eq!(normalised(&once), once.clone());
        }
    }
}
