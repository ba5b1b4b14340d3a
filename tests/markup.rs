//! Hostile markup: an account whose every text field (names, titles, notes, statement
//! vision and behaviours, commitments, milestones, people, criteria, currencies) carries
//! script tags, event attributes and `javascript:`/`data:`/`vbscript:` links builds into
//! pages that run nothing: every value is escaped, notes are sanitized, raw HTML in notes
//! is shown as text, and no link of a note points anywhere but the web.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod format_walk;
mod site_audit;

use format_walk::{Field, Generator};
use site_audit::{build_ok, html_injections, is_dangerous_url, links, tags};
use std::collections::BTreeMap;
use std::path::Path;

/// Attacks on HTML and Markdown, one per line of the classic XSS cheat sheets.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><svg/onload=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[y](JaVaScRiPt:alert(1))",
    "[z](java&#x73;cript:alert(1))",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=x>",
    "<style>body{display:none}</style>",
    "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">a</a>",
    "<div style=\"background:url(javascript:alert(1))\">d</div>",
    "<base href=\"//evil.example/\"><form action=javascript:alert(1)><button>go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "</title></textarea><script>alert(1)</script>",
    "{{ root }}{% if true %}tera{% endif %}",
    "<!-- an unclosed comment",
];

/// Writes a workspace with two accounts: one with all payloads inline in every text
/// field, one with each on its own paragraph (block-level HTML in Markdown behaves
/// differently from inline HTML).
fn hostile_workspace(root: &Path) {
    let schema = format_walk::account_schema();
    std::fs::create_dir_all(root.join("accounts")).unwrap();
    std::fs::write(root.join("rapport.yaml"), "organisation: Acme Components\n").unwrap();
    for (id, separator) in [("inline", " "), ("block", "\n\n")] {
        let payload = PAYLOADS.join(separator);
        let mut generator = Generator::new(&schema, |_: &Field| payload.clone());
        let account = generator.account();
        std::fs::write(
            root.join(format!("accounts/{id}.yaml")),
            serde_json::to_string_pretty(&account).unwrap(),
        )
        .unwrap();
    }
}

fn hostile_site() -> (tempfile::TempDir, BTreeMap<String, String>) {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    hostile_workspace(&ws);
    let files = build_ok(&ws, &tmp.path().join("site"));
    (tmp, files)
}

#[test]
fn no_html_page_runs_anything() {
    let (_tmp, files) = hostile_site();
    let pages: Vec<(&String, &String)> =
        files.iter().filter(|(p, _)| p.ends_with(".html")).collect();
    assert!(pages.len() >= 10, "{:?}", files.keys());
    let mut found = Vec::new();
    for (path, html) in &pages {
        found.extend(html_injections(path, html));
    }
    assert!(
        found.is_empty(),
        "{} injection(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn no_markdown_page_links_to_code_or_carries_raw_html() {
    let (_tmp, files) = hostile_site();
    let mut found = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".md")) {
        for link in links(path, text) {
            if is_dangerous_url(&link.target) {
                found.push(format!("{path}: link to `{}`", link.target));
            }
        }
        // Raw HTML that a Markdown viewer would pass through to the browser.
        let lower = text.to_ascii_lowercase();
        for needle in [
            "<script", "<iframe", "<object", "<style", "<img", "<svg", "<a ", "<embed",
        ] {
            if lower.contains(needle) {
                found.push(format!("{path}: raw `{needle}`"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} problem(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn raw_html_in_notes_is_shown_as_text() {
    let (_tmp, files) = hostile_site();
    for id in ["inline", "block"] {
        // The vision is a Markdown note; the statement shows it in both formats.
        let html = &files[&format!("shared/{id}/statement.html")];
        let vision = section(html, "vision");
        assert!(
            vision.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{id}: raw HTML in a note is not shown as text:\n{vision}"
        );
        assert!(vision.contains("&lt;iframe src="), "{id}:\n{vision}");
        let md = &files[&format!("shared/{id}/statement.md")];
        assert!(
            md.contains("&lt;script>alert(1)&lt;/script>"),
            "{id}:\n{md}"
        );
        // A person's note on the internal account page: the same rule.
        let account = &files[&format!("internal/accounts/{id}/index.html")];
        assert!(
            account.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{id}"
        );
    }
}

#[test]
fn plain_text_fields_are_escaped_not_interpreted() {
    let (_tmp, files) = hostile_site();
    let html = &files["shared/inline/statement.html"];
    // The account name is the other party's name in the heading: text, escaped by tera.
    let heading = html
        .find("<p class=\"parties\">")
        .map(|i| &html[i..])
        .unwrap();
    assert!(
        heading.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        &heading[..heading.len().min(600)]
    );
    // Template syntax in data is data, never evaluated.
    assert!(html.contains("{{ root }}{% if true %}tera{% endif %}"));
    let md = &files["shared/inline/statement.md"];
    let title = md.lines().next().unwrap();
    assert!(
        title.starts_with("# &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{title}"
    );
    // An unclosed comment in a name does not swallow the rest of the page.
    assert!(html.trim_end().ends_with("</html>"));
    assert!(!html.contains("<!-- an unclosed comment"));
}

#[test]
fn hostile_criteria_names_do_not_break_the_svg_charts() {
    let (_tmp, files) = hostile_site();
    let page = &files["internal/accounts/inline/index.html"];
    let svgs = tags(page).into_iter().filter(|t| t.name == "svg").count();
    assert!(svgs >= 1, "no chart drawn");
    assert!(html_injections("account", page).is_empty());
}

/// The slice of a page from `<section id="NAME"` to its end.
fn section<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{name}\""))
        .unwrap_or_else(|| panic!("no section {name}"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

// The audit helpers themselves: a blind scanner would pass every test above.

#[test]
fn the_tag_reader_finds_smuggled_attributes_but_not_escaped_text() {
    let t =
        tags("<p>&lt;svg onload=x&gt;</p><img src=x onerror=alert(1)><a href='java&#x73;cript:x'>");
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(t[1].attrs[1], ("onerror".into(), "alert(1)".into()));
    assert!(is_dangerous_url(&t[2].attrs[0].1));
    assert!(html_injections("a.html", "<p>&lt;svg onload=x&gt;</p>").is_empty());
    for bad in [
        "<script>x</script>",
        "<img src=x onerror=y>",
        "<svg/onload=y>",
        "<a href=\" javascript:x\">",
        "<a href=\"&#x64;ata:text/html,x\">",
        "<img src=vbscript:x>",
        "<p style=\"x\">",
        "<iframe>",
    ] {
        assert!(!html_injections("a.html", bad).is_empty(), "{bad}");
    }
}

#[test]
fn the_link_checker_resolves_links_relative_to_their_file() {
    use site_audit::stays_in_shared_folder as ok;
    assert!(ok("shared/a/x.html", "statement.html").is_ok());
    assert!(ok("shared/a/x.html", "#top").is_ok());
    assert!(ok("shared/a/x.html", "https://e.com/").is_ok());
    assert!(ok("shared/a/x.html", "mailto:a@e.com").is_ok());
    assert!(ok("shared/a/x.html", "../b/index.html").is_err());
    assert!(ok("shared/a/x.html", "../../internal/index.html").is_err());
    assert!(ok("shared/a/x.html", "%2e%2e/b/x.html").is_err());
    assert!(ok("shared/a/x.html", "/etc/passwd").is_err());
    assert!(ok("shared/a/x.html", "//evil.example/").is_err());
    assert!(ok("shared/a/x.html", "JaVa\tScript:x").is_err());
    let md_links = links(
        "shared/a/x.md",
        "[a](../b.md) ![i](x.png) <https://e.com>\n\n[r]: ../../internal\n",
    );
    let targets: Vec<&str> = md_links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(
        targets,
        ["../../internal", "../b.md", "x.png", "https://e.com"]
    );
}
