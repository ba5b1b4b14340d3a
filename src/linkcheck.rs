//! A link checker over a built site: every relative link, asset and anchor in its HTML,
//! CSS and Markdown files must resolve to a file inside the site folder.
//!
//! Pages are opened from disk as often as from a web server, so the rules are those of
//! `file://`: a link to a folder does not find its `index.html`, and a root-absolute link
//! (`/style.css`) means the root of the disk. Checking one `shared/<account>/` folder as
//! its own site proves that folder can be sent alone.

use pulldown_cmark::{Event, Parser, Tag};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::path::Path;

/// A link that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file holding the link, relative to the site root, with `/` separators.
    pub file: String,
    /// The link as written (HTML entities decoded).
    pub link: String,
    pub why: Why,
}

/// Why a link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// No file at the target.
    NotFound,
    /// The target is a folder; from disk a browser shows a listing, not its index.
    Folder,
    /// The target climbs out of the site folder.
    OutsideSite,
    /// The target file has no element with this `id` (or `<a name>`).
    NoSuchAnchor,
    /// Starts with `/`: breaks when the site is opened from disk or hosted in a subfolder.
    RootAbsolute,
    /// A scheme other than http, https, mailto, tel and data, such as `file:`.
    Scheme(String),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::NotFound => f.write_str("no such file in the site"),
            Why::Folder => f.write_str("links to a folder, not a file"),
            Why::OutsideSite => f.write_str("points outside the site folder"),
            Why::NoSuchAnchor => f.write_str("the target has no element with this id"),
            Why::RootAbsolute => f.write_str("root-absolute path; use a relative link"),
            Why::Scheme(scheme) => write!(f, "`{scheme}:` links do not travel with the site"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: `{}`: {}", self.file, self.link, self.why)
    }
}

/// What one file links to and which anchors it offers.
#[derive(Debug, Default)]
struct Scanned {
    links: Vec<String>,
    anchors: BTreeSet<String>,
    /// Markdown anchors come from the host's heading slugs, which differ between hosts,
    /// so fragments into Markdown files are not checked.
    check_fragments: bool,
}

/// Checks every `.html`, `.css` and `.md` file under `root`; the problems come sorted.
pub fn check_site(root: &Path) -> io::Result<Vec<Problem>> {
    let mut files = BTreeMap::new();
    let mut folders = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        let relative = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            folders.insert(relative);
            continue;
        }
        let scanned = match extension(&relative) {
            "html" | "htm" => scan_html(&read(entry.path())?),
            "css" => Scanned {
                links: css_links(&read(entry.path())?),
                ..Scanned::default()
            },
            "md" => scan_markdown(&read(entry.path())?),
            _ => Scanned::default(),
        };
        files.insert(relative, scanned);
    }
    let mut problems = Vec::new();
    for (file, scanned) in &files {
        for link in &scanned.links {
            if let Some(why) = check_link(file, link, &files, &folders) {
                problems.push(Problem {
                    file: file.clone(),
                    link: link.clone(),
                    why,
                });
            }
        }
    }
    problems.sort();
    problems.dedup();
    Ok(problems)
}

fn read(path: &Path) -> io::Result<String> {
    Ok(String::from_utf8_lossy(&std::fs::read(path)?).into_owned())
}

fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// `None` when `link`, written in `file`, resolves.
fn check_link(
    file: &str,
    link: &str,
    files: &BTreeMap<String, Scanned>,
    folders: &BTreeSet<String>,
) -> Option<Why> {
    let link = link.trim();
    if link.is_empty() || link.starts_with("//") {
        return None;
    }
    if let Some(scheme) = scheme(link) {
        let external = ["http", "https", "mailto", "tel", "data"];
        return (!external.contains(&scheme.as_str())).then_some(Why::Scheme(scheme));
    }
    if link.starts_with('/') {
        return Some(Why::RootAbsolute);
    }
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let target = if path.is_empty() {
        file.to_string()
    } else {
        let base = file.rsplit_once('/').map_or("", |(dir, _)| dir);
        match resolve(base, &percent_decode(path)) {
            Ok(target) => target,
            Err(why) => return Some(why),
        }
    };
    let Some(scanned) = files.get(&target) else {
        return Some(if folders.contains(&target) || target.is_empty() {
            Why::Folder
        } else {
            Why::NotFound
        });
    };
    let fragment = percent_decode(fragment);
    if !fragment.is_empty() && scanned.check_fragments && !scanned.anchors.contains(&fragment) {
        return Some(Why::NoSuchAnchor);
    }
    None
}

/// Resolves `path` against the folder `base` (both relative to the site root), or
/// `OutsideSite` when it climbs above the root.
fn resolve(base: &str, path: &str) -> Result<String, Why> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(Why::OutsideSite)?;
            }
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

/// The lower-cased scheme of an absolute URL (`https:`, `mailto:`), if it has one.
fn scheme(link: &str) -> Option<String> {
    let (head, _) = link.split_once(':')?;
    let mut chars = head.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts_with_letter && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)))
        .then(|| head.to_ascii_lowercase())
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Links (`href`, `src`, `xlink:href`, CSS `url()` in `<style>`) and anchors (`id`,
/// `<a name>`) of an HTML document. Comments and scripts are skipped.
fn scan_html(text: &str) -> Scanned {
    let mut scanned = Scanned {
        check_fragments: true,
        ..Scanned::default()
    };
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(StartTag {
            name: tag,
            attributes,
            rest: after,
        }) = parse_tag(rest)
        else {
            rest = &rest[1..];
            continue;
        };
        rest = after;
        for (name, value) in attributes {
            match name.as_str() {
                "href" | "src" | "xlink:href" => scanned.links.push(value),
                "id" => {
                    scanned.anchors.insert(value);
                }
                "name" if tag == "a" => {
                    scanned.anchors.insert(value);
                }
                _ => {}
            }
        }
        if tag == "script" || tag == "style" {
            let close = format!("</{tag}");
            let end = find_ignore_case(rest, &close).unwrap_or(rest.len());
            if tag == "style" {
                scanned.links.extend(css_links(&rest[..end]));
            }
            rest = &rest[end..];
        }
    }
    scanned
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// An HTML start tag: lower-case name, attributes (names lower-cased, values
/// entity-decoded), and the text after its `>`.
#[derive(Debug)]
struct StartTag<'a> {
    name: String,
    attributes: Vec<(String, String)>,
    rest: &'a str,
}

/// Parses the start tag at the beginning of `text` (`<name attr="v" …>`).
/// End tags, doctypes and stray `<` give `None`.
fn parse_tag(text: &str) -> Option<StartTag<'_>> {
    let body = text.strip_prefix('<')?;
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = body
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    let tag = body[..name_end].to_ascii_lowercase();
    let mut rest = &body[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if let Some(after) = rest.strip_prefix('>') {
            return Some(StartTag {
                name: tag,
                attributes,
                rest: after,
            });
        }
        if rest.is_empty() {
            return Some(StartTag {
                name: tag,
                attributes,
                rest,
            });
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || "=>/".contains(c))
            .unwrap_or(rest.len())
            .max(1);
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            attributes.push((name, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, after) = match after_eq.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &after_eq[1..];
                let end = inner.find(quote).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        attributes.push((name, decode_entities(value)));
        rest = after;
    }
}

/// Decodes the character references a template engine writes into attributes
/// (`&#x2F;`, `&amp;`, …); unknown ones are left as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|end| *end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
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

/// Targets of `url(…)` and `@import "…"` in a stylesheet.
fn css_links(css: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut rest = css;
    while let Some(at) = find_ignore_case(rest, "url(") {
        let inner = &rest[at + 4..];
        let end = inner.find(')').unwrap_or(inner.len());
        let value = inner[..end].trim().trim_matches(|c| c == '"' || c == '\'');
        links.push(value.to_string());
        rest = &inner[end..];
    }
    let mut rest = css;
    while let Some(at) = find_ignore_case(rest, "@import") {
        let after = rest[at + 7..].trim_start();
        if let Some(quote @ ('"' | '\'')) = after.chars().next() {
            let inner = &after[1..];
            let end = inner.find(quote).unwrap_or(inner.len());
            links.push(inner[..end].to_string());
        }
        rest = &rest[at + 7..];
    }
    links
}

/// Link and image targets of a Markdown document, and those of HTML written inside it.
fn scan_markdown(text: &str) -> Scanned {
    let mut scanned = Scanned::default();
    for event in Parser::new_ext(text, pulldown_cmark::Options::all()) {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                scanned.links.push(dest_url.into_string());
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                scanned.links.extend(scan_html(&html).links);
            }
            _ => {}
        }
    }
    scanned
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// A site in a temporary folder from (path, content) pairs.
    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        dir
    }

    fn problems(files: &[(&str, &str)]) -> Vec<(String, String, Why)> {
        let dir = site(files);
        check_site(dir.path())
            .unwrap()
            .into_iter()
            .map(|p| (p.file, p.link, p.why))
            .collect()
    }

    fn one(file: &str, link: &str, why: Why) -> Vec<(String, String, Why)> {
        vec![(file.to_string(), link.to_string(), why)]
    }

    #[test]
    fn a_sound_site_has_no_problems() {
        let page = r##"<!doctype html><html><head><link rel="stylesheet" href="..&#x2F;style.css"></head>
            <body><nav><a href="../index.html#top">home</a> <a href="b.html#sec-2">b</a>
            <a href="#local">here</a> <a href="#">top</a> <a href="">self</a>
            <a href="https://example.com/x">out</a> <a href="mailto:a@b.c">mail</a>
            <a href="//cdn.example.com/x">proto-relative</a> <a href="data.json?v=1">data</a>
            <img src='pic%20one.svg'><svg><use xlink:href="#local"/></svg></nav>
            <h2 id="local">x</h2></body></html>"##;
        let found = problems(&[
            ("index.html", "<p id=top>x</p>"),
            (
                "style.css",
                "body { background: url('img/bg.svg') } @import \"more.css\";",
            ),
            ("more.css", ""),
            ("img/bg.svg", "<svg/>"),
            ("docs/a.html", page),
            ("docs/b.html", "<a name=\"sec-2\"></a>"),
            ("docs/data.json", "{}"),
            ("docs/pic one.svg", "<svg/>"),
            (
                "docs/a.md",
                "[b](b.md) ![pic](pic%20one.svg) [web](https://x.y)\n\n[ref]: ../index.md",
            ),
            ("docs/b.md", "<a href=\"a.md\">a</a>"),
            (
                "index.md",
                "[heading anchors are not checked](docs/a.md#anything)",
            ),
        ]);
        assert_eq!(found, []);
    }

    #[test]
    fn a_missing_page_or_asset_is_reported_with_its_file() {
        assert_eq!(
            problems(&[
                (
                    "a/index.html",
                    "<link href=\"..&#x2F;style.css\"><img src=\"x.png\">"
                ),
                ("style.css", "")
            ]),
            one("a/index.html", "x.png", Why::NotFound)
        );
        assert_eq!(
            problems(&[("index.md", "see [the pack](accounts/x/2026-Q3.md)")]),
            one("index.md", "accounts/x/2026-Q3.md", Why::NotFound)
        );
        assert_eq!(
            problems(&[("s.css", "h1 { background: url(gone.png) }")]),
            one("s.css", "gone.png", Why::NotFound)
        );
        assert_eq!(
            problems(&[(
                "p.html",
                "<style>h1 { background: url(\"gone.png\") }</style>"
            )]),
            one("p.html", "gone.png", Why::NotFound)
        );
    }

    #[test]
    fn a_missing_anchor_is_reported() {
        assert_eq!(
            problems(&[
                ("a.html", "<a href=\"b.html#nope\">b</a>"),
                ("b.html", "<h2 id=\"yes\">")
            ]),
            one("a.html", "b.html#nope", Why::NoSuchAnchor)
        );
        assert_eq!(
            problems(&[("a.html", "<a href=\"#gone\">x</a><meta name=\"gone\">")]),
            one("a.html", "#gone", Why::NoSuchAnchor)
        );
    }

    #[test]
    fn links_that_only_work_on_one_machine_are_reported() {
        assert_eq!(
            problems(&[
                ("a.html", "<a href=\"/index.html\">x</a>"),
                ("index.html", "")
            ]),
            one("a.html", "/index.html", Why::RootAbsolute)
        );
        assert_eq!(
            problems(&[("a.html", "<a href=\"file:///home/me/site/b.html\">x</a>")]),
            one(
                "a.html",
                "file:///home/me/site/b.html",
                Why::Scheme("file".into())
            )
        );
        assert_eq!(
            problems(&[("a/b.html", "<a href=\"../../secret.html\">x</a>")]),
            one("a/b.html", "../../secret.html", Why::OutsideSite)
        );
        assert_eq!(
            problems(&[("a.html", "<a href=\"sub/\">x</a>"), ("sub/index.html", "")]),
            one("a.html", "sub/", Why::Folder)
        );
    }

    #[test]
    fn scripts_and_comments_are_not_links() {
        let page =
            "<!-- <a href=\"gone.html\"> --><script>let s = '<img src=\"gone.png\">';</script>\
                    <SCRIPT src=\"app.js\"></SCRIPT><p>1 < 2</p>";
        assert_eq!(
            problems(&[("a.html", page)]),
            one("a.html", "app.js", Why::NotFound)
        );
    }

    #[test]
    fn attributes_are_read_in_every_html_spelling() {
        let StartTag {
            name: tag,
            attributes,
            rest,
        } = parse_tag(
            "<A HREF=x.html data-x='1' hidden id = \"a&amp;b\" title=\"&#47;&lt;&bogus;\">after",
        )
        .unwrap();
        assert_eq!(tag, "a");
        assert_eq!(
            attributes,
            [
                ("href".to_string(), "x.html".to_string()),
                ("data-x".into(), "1".into()),
                ("hidden".into(), String::new()),
                ("id".into(), "a&b".into()),
                ("title".into(), "/<&bogus;".into()),
            ]
        );
        assert_eq!(rest, "after");
        assert!(parse_tag("</a>").is_none());
        assert!(parse_tag("<!doctype html>").is_none());
        assert!(parse_tag("< 2").is_none());
    }

    #[test]
    fn schemes_are_recognised() {
        assert_eq!(scheme("HTTPS://x").as_deref(), Some("https"));
        assert_eq!(scheme("mailto:a@b").as_deref(), Some("mailto"));
        assert_eq!(scheme("2026-Q3.html"), None);
        assert_eq!(scheme("a/b:c.html"), None);
        assert_eq!(percent_decode("a%20b%2"), "a b%2");
    }
}
