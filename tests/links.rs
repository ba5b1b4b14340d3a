//! The built sample site has no broken link, anchor or asset, each shared folder holds
//! together on its own, and the link checker really catches what it claims to.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rapport::linkcheck::{check_site, Problem, Why};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the project's sample workspace into `<dir>/site` and returns that folder.
fn build_sample(dir: &Path) -> PathBuf {
    let out = dir.join("site");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("build")
        .arg(&sample)
        .arg("--out")
        .arg(&out)
        .args(["--as-of", "2026-11-26"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

fn count_files(root: &Path, extension: &str) -> usize {
    walk(root)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .count()
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_sample_site_has_no_broken_link_anchor_or_asset() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_sample(dir.path());
    // The checker must have had something to check: every page, both formats.
    assert!(count_files(&site, "html") > 60, "too few pages built");
    assert_eq!(count_files(&site, "html"), count_files(&site, "md"));
    let problems = check_site(&site).unwrap();
    assert!(problems.is_empty(), "broken links:{}", listing(&problems));
}

#[test]
fn each_shared_folder_can_be_sent_alone() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_sample(dir.path());
    let mut folders: Vec<PathBuf> = std::fs::read_dir(site.join("shared"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    assert_eq!(folders.len(), 6, "one shared folder per sample account");
    for folder in folders {
        // Checked as a site of its own, any link into internal/ or a sibling folder
        // points outside it.
        let problems = check_site(&folder).unwrap();
        assert!(
            problems.is_empty(),
            "{} does not stand alone:{}",
            folder.display(),
            listing(&problems)
        );
        assert!(folder.join("style.css").is_file());
    }
}

#[test]
fn a_missing_stylesheet_in_the_built_site_is_reported_on_every_page_using_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_sample(dir.path());
    std::fs::remove_file(site.join("shared/northwind-supply/style.css")).unwrap();
    let problems = check_site(&site).unwrap();
    assert!(!problems.is_empty());
    for problem in &problems {
        assert!(
            problem.file.starts_with("shared/northwind-supply/") && problem.file.ends_with(".html"),
            "unexpected problem {problem}"
        );
        assert_eq!(
            (problem.link.as_str(), &problem.why),
            ("style.css", &Why::NotFound)
        );
    }
    let pages = count_files(&site.join("shared/northwind-supply"), "html");
    assert_eq!(
        problems.len(),
        pages,
        "every page of the folder uses the stylesheet"
    );
}

#[test]
fn the_checker_catches_broken_links_in_a_crafted_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "internal/index.html",
        r#"<link rel="stylesheet" href="style.css">
        <a href="accounts&#x2F;acme&#x2F;index.html">Acme</a>
        <a href="accounts/acme/2026-Q3.html#scores">pack</a>
        <a href="https://example.com/">web</a>"#,
    );
    write(
        "internal/accounts/acme/index.html",
        r#"<h2 id="reviews">Reviews</h2>"#,
    );
    write(
        "internal/accounts/acme/index.md",
        "[Portfolio](../../index.md) · [Q3](2026-Q3.md) · [site](https://example.com)",
    );
    write("internal/index.md", "[Acme](accounts/acme/index.md)");
    write(
        "shared/acme/statement.html",
        r##"<link rel="stylesheet" href="style.css"><a href="../../internal/index.html#gone">x</a>"##,
    );
    write("shared/acme/style.css", "");
    let found: Vec<(String, String, Why)> = check_site(root)
        .unwrap()
        .into_iter()
        .map(|p| (p.file, p.link, p.why))
        .collect();
    let expected = [
        (
            "internal/accounts/acme/index.md",
            "2026-Q3.md",
            Why::NotFound,
        ),
        (
            "internal/index.html",
            "accounts/acme/2026-Q3.html#scores",
            Why::NotFound,
        ),
        ("internal/index.html", "style.css", Why::NotFound),
        (
            "shared/acme/statement.html",
            "../../internal/index.html#gone",
            Why::NoSuchAnchor,
        ),
    ]
    .map(|(f, l, w)| (f.to_string(), l.to_string(), w));
    assert_eq!(found, expected);
    // The shared folder on its own: its link into internal/ leaves it.
    let alone = check_site(&root.join("shared/acme")).unwrap();
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].why, Why::OutsideSite);
    assert_eq!(
        alone[0].to_string(),
        "statement.html: `../../internal/index.html#gone`: points outside the site folder"
    );
}
