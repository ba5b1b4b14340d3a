//! Properties of the leak guard. An internal phrase hidden by any combination of the ways
//! of writing it that a reader cannot see (character references named, decimal and hex,
//! with and without `;`, with leading zeros; soft hyphens and zero-width characters;
//! empty comments and inline or unknown tags inside words; decomposed accents; intra-word
//! emphasis), in HTML and in Markdown, is found; and pages of ordinary text written the
//! same ways, with no internal phrase, are not flagged.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod leak_support;

use leak_support::account;
use proptest::prelude::*;
use rapport::leak::scan_account;

/// The internal phrases and the fields they are in.
const PHRASES: &[(&str, &str)] = &[
    ("events[0].title", "Quietly met Blue Forge in Essen"),
    (
        "events[1].title",
        "Réunion secrète à Düsseldorf chez Müller",
    ),
    (
        "people[0].notes",
        "Raj hates long meetings and will not read decks",
    ),
];

/// Ordinary words for harmless pages: the internal phrases' words except one of each
/// (`quietly`, `réunion`, `hates`), so no page can hold a whole phrase, and the account's
/// shared texts.
const VOCABULARY: &[&str] = &[
    "met",
    "Blue",
    "Forge",
    "in",
    "Essen",
    "secrète",
    "à",
    "Düsseldorf",
    "chez",
    "Müller",
    "Raj",
    "long",
    "meetings",
    "and",
    "will",
    "not",
    "read",
    "decks",
    "Joint",
    "kickoff",
    "workshop",
    "Rotterdam",
    "Acme",
    "Patel",
    "quarter",
    "delivery",
    "1,250,000",
    "120,000",
    "2026",
    "the",
    "plant",
    "Éa",
    "naïve",
    "café",
    "ﬁnal",
];

/// Choices read one after another from the bytes proptest draws (and shrinks); past the
/// end, every choice is the first, the plain one.
struct Choices<'a>(std::slice::Iter<'a, u8>);

impl Choices<'_> {
    fn pick(&mut self, n: usize) -> usize {
        self.0.next().map_or(0, |&b| usize::from(b) % n)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Html,
    Markdown,
}

/// A page being written: the reference written last without `;`, if any, gets one when
/// what follows would extend it (`&#70` before `0`). In Markdown, a reference that follows
/// one without `;` is decoded by the Markdown reader first, and could extend it then
/// (`&#x73&#101;` reads `&#x73e`): such a pair gets the `;` too.
struct Page {
    text: String,
    open_reference: Option<fn(char) -> bool>,
    markdown: bool,
}

impl Page {
    fn push(&mut self, piece: &str) {
        if piece.is_empty() {
            return;
        }
        if let Some(extends) = self.open_reference.take() {
            if piece
                .chars()
                .next()
                .is_some_and(|c| extends(c) || (self.markdown && c == '&'))
            {
                self.text.push(';');
            }
        }
        self.text.push_str(piece);
    }
}

/// The named references used for a character, where HTML has one: accented letters, and
/// the double-struck letters (`&Fopf;`, 𝔽) that compatibility decomposition reads as `F`.
fn named(c: char) -> Option<String> {
    let name = match c {
        'é' => "eacute",
        'è' => "egrave",
        'à' => "agrave",
        'ü' => "uuml",
        'É' => "Eacute",
        'ï' => "iuml",
        c if c.is_ascii_alphabetic() => return Some(format!("&{c}opf;")),
        _ => return None,
    };
    Some(format!("&{name};"))
}

/// Writes one character in one of the ways a reader sees as that character.
fn encode(page: &mut Page, c: char, format: Format, choices: &mut Choices) {
    let code = c as u32;
    let zeros = "0".repeat(choices.pick(4));
    match (choices.pick(8), format) {
        (1, _) => page.push(&format!("&#{code};")),
        (2, _) => page.push(&format!("&#x{code:X};")),
        // CommonMark allows seven decimal and six hex digits at most.
        (3, Format::Markdown) if format!("{zeros}{code}").len() <= 7 => {
            page.push(&format!("&#{zeros}{code};"))
        }
        (3, Format::Html) => page.push(&format!("&#{zeros}{code};")),
        (4, Format::Markdown) if format!("{zeros}{code:x}").len() <= 6 => {
            page.push(&format!("&#x{zeros}{code:x};"))
        }
        (4, Format::Html) => page.push(&format!("&#x{zeros}{code:x};")),
        // Without `;`: CommonMark shows these as written, but Markdown is also read as HTML.
        (5, _) => {
            page.push(&format!("&#{zeros}{code}"));
            page.open_reference = Some(|c| c.is_ascii_digit());
        }
        (6, _) => {
            page.push(&format!("&#X{zeros}{code:X}"));
            page.open_reference = Some(|c| c.is_ascii_hexdigit());
        }
        (7, _) => match named(c) {
            Some(reference) => page.push(&reference),
            None => page.push(&c.to_string()),
        },
        _ => page.push(&c.to_string()),
    }
}

/// Something a reader does not see, to put between two letters of a word.
fn glue(format: Format, choices: &mut Choices) -> &'static str {
    const BOTH: &[&str] = &[
        "\u{ad}",
        "&shy;",
        "&#173;",
        "\u{200b}",
        "&#8203;",
        "&#x200B;",
        "\u{200c}",
        "\u{200d}",
        "&zwj;",
        "\u{2060}",
        "\u{feff}",
        "&#xFEFF;",
        "<!---->",
        "<!-- x -->",
        "<foo></foo>",
        "<x-y>",
        "<b></b>",
        "<wbr>",
        "<span class=\"k\">",
        "</span>",
    ];
    const HTML: &[&str] = &["<em>", "</em>", "<i>", "</b>", "&ZeroWidthSpace;"];
    // Mostly nothing: a word with glue between every letter is one case among many.
    if choices.pick(3) != 2 {
        return "";
    }
    let i = choices.pick(BOTH.len() + HTML.len());
    match BOTH.get(i) {
        Some(g) => g,
        None if format == Format::Html => HTML[i - BOTH.len()],
        None => BOTH[0],
    }
}

fn space(format: Format, choices: &mut Choices) -> &'static str {
    match (choices.pick(5), format) {
        (1, _) => "\n",
        (2, _) => "&nbsp;",
        (3, _) => "&#32;",
        (4, Format::Html) => "  <b> </b>",
        _ => " ",
    }
}

/// `phrase` written so that a reader sees it, and nothing else of what was chosen.
fn disguise(phrase: &str, format: Format, choices: &mut Choices) -> String {
    let mut page = Page {
        text: String::new(),
        open_reference: None,
        markdown: format == Format::Markdown,
    };
    for (w, word) in phrase.split(' ').enumerate() {
        if w > 0 {
            page.push(space(format, choices));
        }
        // Some letters decomposed (NFD): `é` as `e` and a combining accent.
        let mut letters: Vec<char> = Vec::new();
        for c in word.chars() {
            if choices.pick(2) == 1 {
                letters.extend(unicode_nfd(c));
            } else {
                letters.push(c);
            }
        }
        // Markdown: emphasis inside the word, between letters left plain, where
        // CommonMark reads `*` as emphasis.
        let emphasis = if format == Format::Markdown && letters.len() >= 3 && choices.pick(2) == 1 {
            let i = 1 + choices.pick(letters.len() - 2);
            let j = i + 1 + choices.pick(letters.len() - 1 - i);
            let plain = |k: usize| letters.get(k).is_some_and(|c| c.is_alphanumeric());
            (plain(i - 1) && plain(i) && plain(j - 1) && plain(j))
                .then(|| (i, j, ["*", "**", "***"][choices.pick(3)]))
        } else {
            None
        };
        let plain_at =
            |k: usize| emphasis.is_some_and(|(i, j, _)| [i - 1, i, j - 1, j].contains(&k));
        for (k, &c) in letters.iter().enumerate() {
            if k > 0 {
                match emphasis {
                    Some((i, j, marks)) if k == i || k == j => page.push(marks),
                    _ if plain_at(k) || plain_at(k - 1) => {}
                    _ => page.push(glue(format, choices)),
                }
            }
            if plain_at(k) {
                page.push(&c.to_string());
            } else {
                encode(&mut page, c, format, choices);
            }
        }
    }
    page.push(" ");
    page.text
}

/// The canonical decomposition of the few accented letters the phrases hold.
fn unicode_nfd(c: char) -> Vec<char> {
    match c {
        'é' => vec!['e', '\u{301}'],
        'è' => vec!['e', '\u{300}'],
        'à' => vec!['a', '\u{300}'],
        'ü' => vec!['u', '\u{308}'],
        'É' => vec!['E', '\u{301}'],
        'ï' => vec!['i', '\u{308}'],
        c => vec![c],
    }
}

fn wrap(body: &str, format: Format) -> (&'static str, String) {
    match format {
        Format::Html => (
            "shared/acme/statement.html",
            format!(
                "<!DOCTYPE html><html><head><title>Acme</title></head><body><main><h1>Acme</h1><p>{body}</p></main></body></html>"
            ),
        ),
        Format::Markdown => (
            "shared/acme/statement.md",
            format!("# Acme\n\nA statement.\n\n{body}\n"),
        ),
    }
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Html), Just(Format::Markdown)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_disguised_internal_phrase_is_found(
        phrase in 0..PHRASES.len(),
        format in format(),
        choices in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let (field, text) = PHRASES[phrase];
        let body = disguise(text, format, &mut Choices(choices.iter()));
        let (path, page) = wrap(&body, format);
        let leaks = scan_account(&account(), &[(path, page.as_bytes())]);
        prop_assert!(leaks.iter().any(|l| l.field == field), "{} not found in {:?}: {:?}", field, page, leaks);
    }

    #[test]
    fn ordinary_text_written_the_same_ways_is_not_flagged(
        words in prop::collection::vec(prop::sample::select(VOCABULARY), 1..40),
        markup in prop::collection::vec(prop::sample::select(&["", "", "", "</p><p>", "<br>", "<td>", "<b>", "</b>", "<!-- note -->", "<img alt=\"Acme\">"][..]), 40),
        format in format(),
        choices in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut choices = Choices(choices.iter());
        let mut body = String::new();
        for (i, word) in words.iter().enumerate() {
            body.push_str(&disguise(word, format, &mut choices));
            if format == Format::Html {
                body.push_str(markup[i % markup.len()]);
            }
        }
        let (path, page) = wrap(&body, format);
        let leaks = scan_account(&account(), &[(path, page.as_bytes())]);
        prop_assert!(leaks.is_empty(), "{:?}: {:?}", page, leaks);
    }
}

#[test]
fn the_generator_writes_what_a_reader_sees() {
    // Without choices every letter is plain: the page holds the phrase as it is.
    for (_, phrase) in PHRASES {
        for format in [Format::Html, Format::Markdown] {
            assert_eq!(
                disguise(phrase, format, &mut Choices([].iter())),
                format!("{phrase} ")
            );
        }
    }
    // With some, the phrase is disguised, and still found (by the properties above).
    let bytes: Vec<u8> = (0..=255).collect();
    let text = disguise(PHRASES[0].1, Format::Html, &mut Choices(bytes.iter()));
    assert_ne!(text, format!("{} ", PHRASES[0].1));
}
