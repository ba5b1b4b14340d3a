//! The leak guard sees through every way of writing a phrase that a reader cannot tell
//! from the phrase itself: one test per class of disguise, in HTML and in Markdown; text
//! typed into a template override, for every account; and a search that stays linear when
//! a long internal note is also pasted into a shared field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;
mod leak_support;

use leak_support::{account, ACCOUNT};
use rapport::leak::{scan_account, scan_overrides, Leak, Overrides, Place};
use rapport::model::AccountFile;

fn leaks(path: &str, content: &str) -> Vec<Leak> {
    scan_account(&account(), &[(path, content.as_bytes())])
}

/// Each page holds the internal event title once, disguised; the guard must find it.
#[track_caller]
fn assert_found(path: &str, pages: &[&str]) {
    for page in pages {
        let found = leaks(path, page);
        assert!(
            found.iter().any(|l| l.field.starts_with("events[")),
            "not found in {path}: {page:?}\n{found:?}"
        );
    }
}

/// Pages a reader sees as "Quietly met Blue Forge in Essen", `Forge` written as `word`.
fn html_with(word: &str) -> String {
    format!("<html><body><h1>Acme</h1><p>Quietly met Blue {word} in Essen</p></body></html>")
}

fn md_with(word: &str) -> String {
    format!("# Acme\n\nQuietly met Blue {word} in Essen\n")
}

#[test]
fn plain_text_is_found_and_harmless_text_is_not() {
    assert_found("a.html", &[&html_with("Forge")]);
    assert_found("a.md", &[&md_with("Forge")]);
    assert!(leaks("a.html", &html_with("Steel")).is_empty());
    assert!(leaks("a.md", "Joint kickoff workshop in Rotterdam with Raj Patel").is_empty());
}

#[test]
fn soft_hyphens() {
    for word in [
        "Fo&shy;rge",
        "Fo\u{ad}rge",
        "Fo&#173;rge",
        "F&shy;o&shy;r&shy;g&shy;e",
    ] {
        assert_found("a.html", &[&html_with(word)]);
    }
    for word in ["Fo&shy;rge", "Fo\u{ad}rge", "Fo&#173;rge"] {
        assert_found("a.md", &[&md_with(word)]);
    }
}

#[test]
fn zero_width_characters() {
    for c in ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'] {
        let raw = format!("Fo{c}rge");
        let decimal = format!("Fo&#{};rge", c as u32);
        let hex = format!("Fo&#x{:X};rge", c as u32);
        for word in [&raw, &decimal, &hex] {
            assert_found("a.html", &[&html_with(word)]);
            assert_found("a.md", &[&md_with(word)]);
        }
    }
    assert_found("a.html", &[&html_with("Fo&ZeroWidthSpace;rge")]);
    assert_found("a.md", &[&md_with("Fo&zwj;r&zwnj;ge")]);
    // Other invisible characters of the same class: bidi controls, variation selectors,
    // a word joiner's neighbours, tag characters.
    for c in [
        '\u{202e}',
        '\u{2066}',
        '\u{fe0f}',
        '\u{180e}',
        '\u{e0041}',
        '\u{34f}',
    ] {
        assert_found("a.html", &[&html_with(&format!("Fo{c}rge"))]);
    }
}

#[test]
fn decomposed_accents_against_a_composed_note() {
    // The note is composed (NFC) in the account file.
    let nfd = "Re\u{301}union secre\u{300}te a\u{300} Du\u{308}sseldorf chez Mu\u{308}ller";
    let html = format!("<p>{nfd}</p>");
    let entities = "R&#233;union secr&egrave;te &agrave; D&uuml;sseldorf chez Mu&#x308;ller";
    assert_found("a.html", &[&html, &format!("<p>{entities}</p>")]);
    assert_found("a.md", &[nfd, entities]);
    // Compatibility forms: full-width letters and ligatures.
    assert_found(
        "a.html",
        &[&html_with("\u{ff26}orge"), &html_with("Fo&#xFF52;ge")],
    );
}

#[test]
fn empty_comments_and_unknown_inline_elements_inside_words() {
    for word in [
        "Fo<!---->rge",
        "Fo<!-- -->rge",
        "Fo<!-- anything -->rge",
        "Fo<foo>rge",
        "Fo<foo></foo>rge",
        "Fo<x-y>r</x-y>ge",
        "Fo<b>r</b>ge",
        "Fo<span class=\"x\">rg</span>e",
        "Fo<wbr>rge",
        "Fo<em></em>rge",
    ] {
        assert_found("a.html", &[&html_with(word)]);
        assert_found("a.md", &[&md_with(word)]);
    }
}

#[test]
fn numeric_references_without_semicolon_or_with_leading_zeros() {
    for word in [
        "&#70orge",
        "&#070orge",
        "&#0000070;orge",
        "&#x46orge",
        "&#x000046;orge",
        "Fo&#114ge",
        "Forg&#101",
    ] {
        assert_found("a.html", &[&html_with(word)]);
    }
    // CommonMark wants the `;` and at most seven digits, but the guard reads references as
    // a browser does: a converter may hand them to one as they are.
    for word in [
        "&#0000070;orge",
        "&#x0046;orge",
        "Fo&#X72;ge",
        "&#70orge",
        "&#00000000070orge",
        "&#x46orge",
    ] {
        assert_found("a.md", &[&md_with(word)]);
    }
    // Inline HTML in a Markdown page is read as HTML (text between tags is Markdown's,
    // which shows `&#70orge` as written).
    assert_found(
        "a.md",
        &["x <abbr title=\"Quietly met Blue &#70orge in Essen\">y</abbr>"],
    );
}

#[test]
fn a_stray_quote_in_an_attribute_name_does_not_derail_the_reading() {
    assert_found(
        "a.html",
        &[
            "<p a\"b>Quietly met Blue Forge in Essen</p><p c\">x</p>",
            "<p a'b>Quietly met Blue Forge in Essen</p><p c'>x</p>",
            "<p title=\"x\"y\"z>Quietly met Blue Forge in Essen</p>\"",
            "<p =\"x>Quietly met Blue Forge in Essen</p><i y=\">",
        ],
    );
    assert_found(
        "a.md",
        &["<span a\"b>Quietly met Blue Forge in Essen</span><i c\">x</i>"],
    );
}

#[test]
fn intra_word_emphasis_in_markdown() {
    for word in [
        "Fo*rg*e",
        "Fo**rg**e",
        "F***org***e",
        "Fo~~rg~~e",
        "*Fo*rge",
        "Fo*r*g*e*",
    ] {
        assert_found("a.md", &[&md_with(word)]);
    }
    assert_found(
        "a.md",
        &[
            "Quietly *met* Blue **Fo*rg*e** in _Essen_",
            "Quietly met Blue Fo`rg`e in Essen",
        ],
    );
}

#[test]
fn markdown_link_titles_destinations_definitions_and_fence_info_strings() {
    let phrase = "Quietly met Blue Fo&#114;ge in Essen";
    assert_found(
        "a.md",
        &[
            &format!("See [this](http://example.com \"{phrase}\")."),
            &format!("See [this](http://example.com '{phrase}')."),
            &format!("See ![img](i.png ({phrase}))."),
            &format!("See [this](<{phrase}>)."),
            &format!("See [this][x].\n\n[x]: http://example.com \"{phrase}\"\n"),
            &format!("Text.\n\n[unused]: <{phrase}>\n"),
            &format!("Text.\n\n[{phrase}]: http://example.com\n"),
            &format!("```text {phrase}\ncode\n```\n"),
            &format!("~~~ {phrase}\ncode\n~~~\n"),
            "![Quietly met *Blue* Fo&#114;ge in Essen](i.png)",
        ],
    );
}

#[test]
fn html_attributes_comments_and_raw_text_are_searched() {
    let phrase = "Quietly met Blue Fo&#114;ge in Essen";
    assert_found(
        "a.html",
        &[
            &format!("<img alt=\"{phrase}\">"),
            &format!("<p title='{phrase}'>x</p>"),
            &format!("<input placeholder=\"{phrase}\" value=\"{phrase}\">"),
            &format!("<span aria-label=\"{phrase}\"></span>"),
            &format!("<meta name=description content=\"{phrase}\">"),
            // A repeated attribute: a browser uses the first, the source shows both.
            &format!("<p title=x title=\"{phrase}\">y</p>"),
            &format!("<p title=\"{phrase}\" TITLE=x>y</p>"),
            "<!-- Quietly met Blue Fo\u{ad}rge in Essen -->",
            "<script>let s = 'Quietly met Blue Forge in Essen';</script>",
            "<style>/* Quietly met Blue Fo\u{200b}rge in Essen */</style>",
            &format!("<textarea>{phrase}</textarea>"),
            &format!("<title>{phrase}</title>"),
        ],
    );
}

#[test]
fn long_notes_and_amounts_are_found_through_the_same_disguises() {
    let found = leaks(
        "a.html",
        "<p>R&#97;j h<b>a</b>tes long meet\u{ad}ings and will not re<!---->ad decks</p>",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field, "people[0].notes");
    let found = leaks(
        "a.md",
        "Raj ha*te*s long meetings and will not read de&#99;ks",
    );
    assert_eq!(found[0].field, "people[0].notes");
    let found = leaks("a.html", "<td>1,2&#48;0,000</td>");
    assert_eq!(found[0].field, "value.annual_amount");
    assert!(leaks("a.html", "<td>11,200,000</td>").is_empty());
}

#[test]
fn text_typed_into_a_template_override_is_searched_for_every_account() {
    let file = account();
    for (path, template) in [
        (
            "ws/templates/statement.html",
            "{% extends \"base.html\" %}{% block content %}<p>Quietly met Blue Fo{{ '' }}rge in Essen</p>{% endblock content %}",
        ),
        (
            "ws/templates/statement.md",
            "# {{ title }}\n\nQuietly met Blue Fo*rg*e in Essen\n",
        ),
        ("ws/templates/base.html", "<p>{{ 'Quietly met Blue ' ~ \"Forge in Essen\" }}</p>"),
        ("ws/templates/progress.html", "<p title=\"Quietly met Blue Fo&shy;rge in Essen\"></p>"),
    ] {
        let overrides = Overrides::from_sources([(path, template)]);
        let found = scan_overrides(&file, &overrides);
        assert_eq!(found.len(), 1, "{path}: {found:?}");
        assert_eq!(found[0].place, Place::TemplateOverride);
        assert_eq!(found[0].file, path);
        assert!(found[0].to_string().contains("template override"), "{}", found[0]);
    }
    // Variables, comments and shared text are no leak.
    let overrides = Overrides::from_sources([(
        "ws/templates/account.html",
        "<p>{{ title }} {# Quietly met Blue Forge in Essen #} Joint kickoff workshop in Rotterdam</p>",
    )]);
    assert!(scan_overrides(&file, &overrides).is_empty());
}

#[test]
fn a_build_fails_when_an_override_types_another_account_s_internal_text() {
    use build_support::{assert_fails, Workspace};
    let other = "name: Northwind Supply\nkind: supplier\n";
    let ws = Workspace::with_account("acme", ACCOUNT).file("accounts/northwind.yaml", other);
    ws.build();
    // Northwind's statement would print Acme's internal event title: its own guard does
    // not know the text, Acme's does.
    ws.write(
        "templates/statement.md",
        "# {{ title }}\n\nQuietly met Blue Fo\u{200b}rge in Essen\n",
    );
    let message = assert_fails(&ws.try_build());
    assert!(message.contains("template override"), "{message}");
    assert!(message.contains("templates/statement.md"), "{message}");
    assert!(message.contains("`acme`"), "{message}");
}

/// The account of a long internal note whose text is also in a shared event's note, after
/// `filler` bytes of other text, and a page that shows the note.
fn pasted_note(note_bytes: usize, filler: usize) -> (AccountFile, String) {
    let note = long_note(note_bytes, 0);
    let shared = format!("{} {note}", long_note(filler, 1));
    let yaml = format!(
        "name: Acme\nkind: customer\npeople:\n  - id: raj\n    name: Raj Patel\n    side: them\n    notes: \"{note}\"\n\
         events:\n  - date: 2026-01-12\n    title: Kickoff\n    visibility: shared\n    note: \"{shared}\"\n"
    );
    let file = AccountFile {
        id: "acme".into(),
        path: "accounts/acme.yaml".into(),
        source: yaml.clone(),
        account: rapport::yaml::parse(&yaml).unwrap(),
    };
    (file, format!("<html><body><p>{note}</p></body></html>"))
}

/// Scans the page of `pasted_note`, which holds no leak (the shared field excuses every
/// window of the note), and returns how long it took.
fn time_pasted_note(note_bytes: usize, filler: usize) -> std::time::Duration {
    let (file, page) = pasted_note(note_bytes, filler);
    let started = std::time::Instant::now();
    let found = scan_account(&file, &[("shared/acme/index.html", page.as_bytes())]);
    let elapsed = started.elapsed();
    assert!(found.is_empty(), "{:?}", found.first());
    elapsed
}

#[test]
fn a_long_note_also_pasted_into_a_shared_field_is_searched_in_linear_time() {
    // Each of the note's 16,000 windows of words is found on the page, and each is excused
    // by the shared field, whose 1.5 MB come before the note: looking each window up in it
    // alone took 10 s and more; one search of it for all takes a fraction of that.
    let elapsed = time_pasted_note(100 * 1024, 1500 * 1024);
    eprintln!("100 kB note, 1.6 MB shared field: {elapsed:?}");
    assert!(elapsed.as_secs() < 8, "{elapsed:?}");
}

/// The figure of the issue, for a release build:
/// `cargo test --release --test leak_disguise -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement: slow without optimisation"]
fn an_800_kb_note_also_pasted_into_a_shared_field() {
    for kb in [100, 200, 400, 800] {
        let elapsed = time_pasted_note(kb * 1024, 0);
        eprintln!("{kb} kB note, also in a shared field: {elapsed:?}");
    }
}

/// About `bytes` bytes of distinct sentences on one line; `kind` 1 gives sentences that
/// share no window of words with kind 0's.
fn long_note(bytes: usize, kind: usize) -> String {
    const WORDS: &[&str] = &[
        "supply", "quarter", "plant", "delivery", "review", "shift", "order", "contract", "price",
        "volume", "rebate", "audit", "forecast", "team", "call", "visit",
    ];
    let mut note = String::with_capacity(bytes + 64);
    let mut i: usize = 0;
    while note.len() < bytes {
        let w = WORDS[i % WORDS.len()];
        let v = WORDS[(i / WORDS.len() + i * 7) % WORDS.len()];
        if kind == 0 {
            note.push_str(&format!("{w} {v} {i} "));
        } else {
            note.push_str(&format!("{v} n{i} {w} "));
        }
        i += 1;
    }
    note.trim_end().to_string()
}
