//! The leak guard: the last step of every build. It collects every internal-only text and
//! number of each account and searches the account's shared files for them, and the text
//! typed into the workspace's template overrides for the texts of every account; any hit
//! fails the build before anything is written.
//!
//! Output is guarded through one entry point, [`guard_account`]. Which fields are internal
//! is decided in `classify`; `needles` turns those texts into search patterns, `search`
//! finds them, and `text` reads a file as its readers see it (`html` for HTML, `template`
//! for a template override), in the one normal form of `normalise`, so that no encoding a
//! reader cannot tell from the plain text hides a phrase.

mod classify;
mod html;
mod needles;
mod normalise;
mod search;
mod template;
mod text;

pub use classify::{classify, Classified};

use crate::i18n::Messages;
use crate::model::AccountFile;
use crate::paths;
use crate::render::{Renderer, BUILT_IN};
use crate::site::OutputFile;
use needles::{allowed_text, Needles};
use search::{is_amount, number_boundaries, Hit, Search};
use std::path::Path;

/// Internal text found where it must not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    pub account: String,
    pub field: String,
    /// The shared file, or the template override, that holds the text.
    pub file: String,
    pub text: String,
    pub place: Place,
}

/// Where a leak was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A file of the account's shared folder.
    SharedFile,
    /// The text typed into a template override or a message catalogue of the workspace's,
    /// which reaches the pages of every account whatever their data.
    TemplateOverride,
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = match self.place {
            Place::SharedFile => "appears in shared file",
            // A workspace's message catalogue is guarded as a template override is.
            Place::TemplateOverride if self.file.ends_with(".ftl") => {
                "is typed into message catalogue"
            }
            Place::TemplateOverride => "is typed into template override",
        };
        write!(
            f,
            "internal field `{}` of account `{}` {place} {}: \"{}\"",
            self.field, self.account, self.file, self.text
        )
    }
}

/// The stylesheet written into every shared folder, as far as the guard is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stylesheet<'a> {
    /// rapport's own: it holds no account's text, so it is not searched.
    BuiltIn,
    /// The workspace's own, with its text: it may hold anything, so it is searched in every
    /// account's shared folder.
    Workspace(&'a str),
}

impl<'a> Stylesheet<'a> {
    /// The stylesheet `renderer` writes.
    pub fn of(renderer: &'a Renderer) -> Self {
        if renderer.stylesheet_overridden() {
            Stylesheet::Workspace(renderer.stylesheet())
        } else {
            Stylesheet::BuiltIn
        }
    }
}

/// The largest template override the renderer reads (`render`); a larger file fails the
/// build before the guard runs.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The text typed into the workspace's page template overrides, read once per build as
/// the readers of their pages see it, to be searched for the internal text of every
/// account. The stylesheet is not among them: it is written into every shared folder and
/// searched there ([`Stylesheet`]).
#[derive(Debug, Default)]
pub struct Overrides {
    /// (the override's path, its typed text normalised).
    files: Vec<(String, String)>,
}

impl Overrides {
    /// No override: the built-in templates type no account's text.
    pub fn none() -> Self {
        Overrides::default()
    }

    /// Reads the overrides in `dir` (a workspace's `templates` folder) as the renderer
    /// does: a file of a built-in template's name, inside the workspace, of bounded size,
    /// UTF-8. A file that cannot be read has already failed the renderer, so it is passed
    /// over here. The workspace's message catalogues come from `messages`, as the renderer
    /// read them: their text reaches pages through `t`, as a template's typed text does.
    pub fn read(dir: &Path, messages: &Messages) -> Self {
        let catalogues: Vec<(String, String)> = messages
            .files()
            .iter()
            .map(|file| (file.path.display().to_string(), file.text.clone()))
            .collect();
        if dir.symlink_metadata().is_err() {
            return Overrides::from_sources_and_catalogues(std::iter::empty(), &catalogues);
        }
        let root = crate::workspace_file::canonical_root(dir.parent().unwrap_or(dir));
        let mut sources = Vec::new();
        for (name, _) in BUILT_IN {
            let path = dir.join(name);
            if !(name.ends_with(".html") || name.ends_with(".md"))
                || path.symlink_metadata().is_err()
            {
                continue;
            }
            let read = crate::workspace_file::read(&root, &path, MAX_TEMPLATE_BYTES);
            if let Some(text) = read.ok().and_then(|bytes| String::from_utf8(bytes).ok()) {
                sources.push((path.display().to_string(), text));
            }
        }
        Overrides::from_sources_and_catalogues(
            sources.iter().map(|(p, t)| (p.as_str(), t.as_str())),
            &catalogues,
        )
    }

    /// The overrides with these template sources and these (path, catalogue text) pairs.
    /// A message may be printed on an HTML page (escaped, so read as it is) or a Markdown
    /// one (as written), so its text is read as Markdown, both as written and as rendered.
    fn from_sources_and_catalogues<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
        catalogues: &[(String, String)],
    ) -> Self {
        let mut overrides = Overrides::from_sources(sources);
        let mut scratch = text::Scratch::default();
        for (path, source) in catalogues {
            let mut out = String::new();
            let typed = crate::i18n::typed_text(source);
            text::push_visible_text(&mut out, &mut scratch, &format!("{path}.md"), &typed);
            overrides.files.push((path.clone(), out));
        }
        overrides
    }

    /// The overrides with these (path, template text) pairs; the path's extension says
    /// how the page is read (`.html` or `.md`).
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut scratch = text::Scratch::default();
        let files = sources
            .into_iter()
            .map(|(path, source)| {
                let mut out = String::new();
                let typed = template::typed_text(source);
                text::push_visible_text(&mut out, &mut scratch, path, &typed);
                (path.to_string(), out)
            })
            .collect();
        Overrides { files }
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The leak guard over one account's output: its shared files among `files` (those under
/// `shared/<id>/`; other accounts' and internal files may be there too and are passed
/// over), its shared `style.css` when the workspace wrote it, and the text typed into the
/// workspace's template `overrides`. The stylesheet is judged from `stylesheet`, whether
/// or not `files` holds a copy, so a partial rebuild that does not write it again is
/// guarded as the full build is. Every account is guarded, so the overrides are searched
/// for the internal text of every account.
pub fn guard_account(
    account: &AccountFile,
    files: &[OutputFile],
    stylesheet: Stylesheet<'_>,
    overrides: &Overrides,
) -> Vec<Leak> {
    let stylesheet_path = paths::shared_stylesheet(&account.id);
    let mut shared: Vec<(&str, &[u8])> = files
        .iter()
        .filter(|f| paths::in_shared_folder(&f.path, &account.id) && f.path != stylesheet_path)
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    if let Stylesheet::Workspace(css) = stylesheet {
        shared.push((&stylesheet_path, css.as_bytes()));
    }
    scan(account, &shared, overrides)
}

/// Searches the given files, all taken as shared, for the internal texts and amounts of one
/// account. Output is guarded through [`guard_account`], which chooses the files; this is
/// the search alone, for files made up by tests, benchmarks and the fuzzer.
pub fn scan_account(file: &AccountFile, shared_files: &[(&str, &[u8])]) -> Vec<Leak> {
    scan(file, shared_files, &Overrides::none())
}

/// Searches the override texts alone for the internal texts of one account.
pub fn scan_overrides(file: &AccountFile, overrides: &Overrides) -> Vec<Leak> {
    scan(file, &[], overrides)
}

fn scan(file: &AccountFile, shared_files: &[(&str, &[u8])], overrides: &Overrides) -> Vec<Leak> {
    let classified = classify(&file.account);
    let needles = Needles::collect(&classified);
    if needles.list.is_empty() {
        return Vec::new();
    }
    let mut guard = Guard {
        file,
        shared: &classified.shared,
        finder: Search::new(&needles),
        needles,
        hits: Vec::new(),
        allowed: None,
        reported: std::collections::HashSet::new(),
        leaks: Vec::new(),
    };
    let mut text = String::new();
    let mut scratch = text::Scratch::default();
    for (path, bytes) in shared_files {
        let content = match std::str::from_utf8(bytes) {
            Ok(content) => std::borrow::Cow::Borrowed(content),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        text.clear();
        text::push_visible_text(&mut text, &mut scratch, path, &content);
        guard.search(path, &text, Place::SharedFile);
    }
    for (path, text) in &overrides.files {
        guard.search(path, text, Place::TemplateOverride);
    }
    guard.leaks
}

/// One account's search over its files.
struct Guard<'a> {
    file: &'a AccountFile,
    shared: &'a [String],
    needles: Needles<'a>,
    finder: Search,
    hits: Vec<Hit>,
    /// Whether each needle also appears in the account's shareable text, which excuses it;
    /// worked out for all needles at once, by one search of that text, when the first hit
    /// needs it. (Asking it of each needle with `str::contains` made an 800 kB note pasted
    /// into a shared field take 39 s: every window of the note, over the whole text.)
    allowed: Option<Vec<bool>>,
    /// The fields already reported for the file being searched, by name (two texts may
    /// share a field's name).
    reported: std::collections::HashSet<&'a str>,
    leaks: Vec<Leak>,
}

impl<'a> Guard<'a> {
    /// Searches one file's normalised text.
    fn search(&mut self, path: &str, text: &str, place: Place) {
        self.finder.find_all(&self.needles, text, &mut self.hits);
        self.reported.clear();
        // Every occurrence is found, allowed needles' too; this loop keeps the ones a left
        // to right search for the leaking needles alone would report: the earliest-ending
        // (then longest, then first) leaking hit that starts after the previous one.
        let mut resume = 0;
        for index in 0..self.hits.len() {
            let hit = self.hits[index];
            if hit.start < resume || !self.leaking(hit.needle) {
                continue;
            }
            let Some(needle) = self.needles.list.get(hit.needle) else {
                continue;
            };
            resume = hit.end;
            let needle_text = self.needles.text(needle);
            if is_amount(needle_text) && !number_boundaries(text, hit.start, hit.end) {
                continue;
            }
            let field = self.needles.fields[needle.field];
            // The set answers for this file; the list, asked once per field, for a file of
            // the same name searched before (as the tests' made-up files may be).
            if !self.reported.insert(field)
                || self
                    .leaks
                    .iter()
                    .any(|l| l.field == field && l.file == path)
            {
                continue;
            }
            self.leaks.push(Leak {
                account: self.file.id.clone(),
                field: field.to_string(),
                file: path.to_string(),
                text: needle_text.to_string(),
                place,
            });
        }
    }

    /// Whether a needle found is a leak: it is not also written in a shareable field.
    fn leaking(&mut self, id: usize) -> bool {
        let allowed = self.allowed.get_or_insert_with(|| {
            let mut allowed = vec![false; self.needles.list.len()];
            let mut hits = Vec::new();
            self.finder
                .find_all(&self.needles, &allowed_text(self.shared), &mut hits);
            for hit in hits {
                allowed[hit.needle] = true;
            }
            allowed
        });
        !allowed.get(id).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::markdown;
    use aho_corasick::AhoCorasick;
    use needles::{amount_needles, MIN_CHARS, WINDOW_WORDS};

    pub(super) fn account(yaml: &str) -> AccountFile {
        AccountFile {
            id: "acme".into(),
            path: "accounts/acme.yaml".into(),
            source: yaml.into(),
            account: crate::yaml::parse(yaml).unwrap(),
        }
    }

    pub(super) const ACCOUNT: &str = "name: Acme\nkind: customer\nvalue:\n  annual_amount: 1200000\n  alternatives: \"We are **quietly qualifying** their competitor Blue Forge as a fallback\"\npeople:\n  - id: raj\n    name: Raj Patel\n    side: them\n    notes: Raj hates long meetings and will not read decks\n";

    #[test]
    fn finds_internal_text_in_shared_html_and_markdown() {
        let file = account(ACCOUNT);
        let html = b"<p>We are <strong>quietly qualifying</strong> their competitor Blue Forge as a fallback</p>";
        let leaks = scan_account(&file, &[("shared/acme/statement.html", html)]);
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!(leaks[0].field, "value.alternatives");
        let md = b"Raj hates *long meetings* and will not read decks";
        let leaks = scan_account(&file, &[("shared/acme/statement.md", md)]);
        assert_eq!(leaks[0].field, "people[0].notes");
    }

    #[test]
    fn shared_text_and_short_words_are_not_leaks() {
        let file = account(ACCOUNT);
        assert!(scan_account(&file, &[("a.html", b"<p>Acme and Raj Patel met.</p>")]).is_empty());
    }

    #[test]
    fn a_shared_phrase_does_not_hide_the_leak_that_overlaps_it() {
        // The first window of the note is also a shared event title; the window after it
        // is not, and the page holds both.
        let yaml = format!(
            "{ACCOUNT}events:\n  - date: 2026-01-12\n    title: Raj hates long meetings and will not read\n    visibility: shared\n"
        );
        let file = account(&yaml);
        let leaks = scan_account(
            &file,
            &[("a.md", b"raj hates long meetings and will not read decks")],
        );
        assert_eq!(leaks.len(), 1, "{leaks:?}");
        assert_eq!(leaks[0].text, "hates long meetings and will not read decks");
        assert!(scan_account(
            &file,
            &[("a.md", b"raj hates long meetings and will not read")]
        )
        .is_empty());
    }

    #[test]
    fn needles_sharing_one_prefix_are_searched_in_linear_time_with_the_same_result() {
        // 100 internal event notes that all begin "we told them ": the prefix filter would
        // compare each of them at every position of a page full of such phrases.
        let mut yaml = format!("{ACCOUNT}events:\n");
        for i in 0..100 {
            yaml.push_str(&format!(
                "  - date: 2026-01-12\n    title: Call {i}\n    note: We told them story {i} of many\n"
            ));
        }
        let file = account(&yaml);
        let classified = classify(&file.account);
        let needles = Needles::collect(&classified);
        assert!(matches!(Search::new(&needles), Search::Automaton(_)));
        let page: String = (0..100)
            .map(|i| format!("<p>we told them story {i} of many</p>"))
            .collect();
        let files = [("shared/acme/statement.html", page.as_bytes())];
        let leaks = scan_account(&file, &files);
        assert_eq!(leaks.len(), 100, "{leaks:?}");
        assert_eq!(leaks, reference_scan(&file, &files));
    }

    fn output(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn named(leaks: &[Leak]) -> Vec<(&str, &str)> {
        leaks
            .iter()
            .map(|l| (l.field.as_str(), l.file.as_str()))
            .collect()
    }

    const NOTE: &str = "Raj hates long meetings and will not read decks";

    #[test]
    fn the_guard_of_an_account_reads_its_shared_folder_only() {
        let file = account(ACCOUNT);
        let files = [
            output("internal/accounts/acme/index.md", NOTE),
            output("shared/acme-2/index.md", NOTE),
            output("shared/acme.md", NOTE),
            output("shared/acme/statement.md", NOTE),
        ];
        for stylesheet in [Stylesheet::BuiltIn, Stylesheet::Workspace("body {}")] {
            assert_eq!(
                named(&guard_account(
                    &file,
                    &files,
                    stylesheet,
                    &Overrides::none()
                )),
                [("people[0].notes", "shared/acme/statement.md")]
            );
        }
    }

    #[test]
    fn the_guard_of_an_account_searches_a_workspace_stylesheet_only() {
        let file = account(ACCOUNT);
        let css = format!("body {{ margin: 0 }}\n/* {NOTE} */\n");
        let written = [output("shared/acme/style.css", &css)];
        // The built-in stylesheet is not searched, even where its file holds the text.
        assert!(guard_account(&file, &written, Stylesheet::BuiltIn, &Overrides::none()).is_empty());
        // A workspace's is, whether this build writes the file again or not.
        let expected = [("people[0].notes", "shared/acme/style.css")];
        for files in [&written[..], &[]] {
            let leaks = guard_account(
                &file,
                files,
                Stylesheet::Workspace(&css),
                &Overrides::none(),
            );
            assert_eq!(named(&leaks), expected);
        }
    }

    #[test]
    fn the_stylesheet_of_a_renderer_is_the_workspace_s_when_it_wrote_one() {
        let built_in = Renderer::new(None).unwrap();
        assert_eq!(Stylesheet::of(&built_in), Stylesheet::BuiltIn);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("style.css"), "body { margin: 0 }").unwrap();
        let own = Renderer::new(Some(dir.path())).unwrap();
        assert_eq!(
            Stylesheet::of(&own),
            Stylesheet::Workspace("body { margin: 0 }")
        );
    }

    /// The guard as it was written first: every needle its own string, the shareable
    /// phrases removed before the search. The yardstick for the one-pass guard.
    fn reference_scan(file: &AccountFile, shared_files: &[(&str, &[u8])]) -> Vec<Leak> {
        use text::reference::{normalise, visible_text};
        fn phrases(markdown_text: &str) -> Vec<String> {
            markdown::to_plain_blocks(markdown_text)
                .iter()
                .map(|b| normalise(b))
                .filter(|b| !b.is_empty())
                .collect()
        }
        fn needles(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            for block in phrases(text) {
                let words: Vec<&str> = block.split(' ').collect();
                if words.len() <= WINDOW_WORDS {
                    if block.chars().count() >= MIN_CHARS && words.len() >= 2 {
                        out.push(block);
                    }
                } else {
                    out.extend(words.windows(WINDOW_WORDS).map(|w| w.join(" ")));
                }
            }
            out
        }
        let classified = classify(&file.account);
        let allowed = classified
            .shared
            .iter()
            .map(|t| phrases(t).join(" \u{1} "))
            .collect::<Vec<_>>()
            .join(" \u{1} ");
        let mut patterns: Vec<(String, String)> = Vec::new();
        for (field, text) in &classified.internal {
            patterns.extend(needles(text).into_iter().map(|n| (field.clone(), n)));
        }
        for (field, amount) in &classified.internal_amounts {
            patterns.extend(
                amount_needles(*amount)
                    .into_iter()
                    .map(|n| (field.clone(), n)),
            );
        }
        patterns.retain(|(_, needle)| !allowed.contains(needle.as_str()));
        patterns.sort();
        patterns.dedup();
        if patterns.is_empty() {
            return Vec::new();
        }
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|(_, n)| n))
            .unwrap();
        let mut leaks = Vec::new();
        for (path, bytes) in shared_files {
            let text = visible_text(path, &String::from_utf8_lossy(bytes));
            for hit in automaton.find_iter(&text) {
                let (field, needle) = &patterns[hit.pattern().as_usize()];
                if is_amount(needle) && !number_boundaries(&text, hit.start(), hit.end()) {
                    continue;
                }
                let leak = Leak {
                    account: file.id.clone(),
                    field: field.clone(),
                    file: path.to_string(),
                    text: needle.clone(),
                    place: Place::SharedFile,
                };
                if !leaks
                    .iter()
                    .any(|l: &Leak| l.field == leak.field && l.file == leak.file)
                {
                    leaks.push(leak);
                }
            }
        }
        leaks
    }

    /// Few words, so that texts overlap each other and the pages made of them: shared and
    /// internal phrases collide, windows overlap, the same phrase sits in two fields.
    const WORDS: &[&str] = &[
        "we",
        "are",
        "Quietly",
        "qualifying",
        "their",
        "ΣΟΦΟΣ",
        "blue",
        "forge",
        "as",
        "a",
        "fallback",
        "1,200,000",
        "1200000",
        "plant’s",
        "*second*",
        "shift",
        "\\n\\n",
        "- ",
    ];
    const MARKUP: &[&str] = &[
        " ",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<!-- ",
        " -->",
        "<img alt=\"",
        "\">",
        "&nbsp;",
        "&amp;",
        "\n",
        "*",
        "1",
        ".",
        ",",
    ];

    fn words() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(prop::sample::select(WORDS), 1..20).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn scans_as_the_reference_does(
            texts in proptest::collection::vec(words(), 6),
            amounts in proptest::collection::vec(proptest::sample::select(&[1200000.0, 318500.5, 999.0, 12000.0][..]), 2),
            pieces in proptest::collection::vec((0..6usize, 0..20usize, 1..12usize, 0..MARKUP.len()), 0..30),
            files in proptest::collection::vec(proptest::sample::select(&["s/a.html", "s/b.md", "s/c.css"][..]), 1..4),
        ) {
            let yaml = format!(
                "name: Acme\nkind: customer\nvalue:\n  annual_amount: {}\n  alternatives: \"{}\"\n\
                 people:\n  - id: raj\n    name: Raj Patel\n    side: them\n    role: \"{}\"\n    notes: \"{}\"\n\
                 events:\n  - date: 2026-01-10\n    title: \"{}\"\n    visibility: internal\n\
                 \x20 - date: 2026-01-12\n    title: \"{}\"\n    visibility: shared\n\
                 \x20   note: \"{}\"\n\
                 disputes:\n  - id: rebate\n    opened: 2025-01-01\n    amount: {}\n",
                amounts[0], texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], amounts[1],
            );
            let file = account(&yaml);
            // Pages made of runs of words from the texts, with markup between them.
            let sources: Vec<Vec<&str>> = texts.iter().map(|t| t.split(' ').collect()).collect();
            let pages: Vec<(String, Vec<u8>)> = files
                .iter()
                .enumerate()
                .map(|(f, path)| {
                    let mut page = String::new();
                    for (i, &(text, start, len, markup)) in pieces.iter().enumerate() {
                        if i % files.len() != f {
                            continue;
                        }
                        let words = &sources[text];
                        let start = start % words.len();
                        let end = (start + len).min(words.len());
                        page.push_str(&words[start..end].join(" ").replace("\\n", "\n"));
                        page.push_str(MARKUP[markup]);
                    }
                    (path.to_string(), page.into_bytes())
                })
                .collect();
            let shared: Vec<(&str, &[u8])> =
                pages.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
            proptest::prop_assert_eq!(scan_account(&file, &shared), reference_scan(&file, &shared));
        }
    }
}
