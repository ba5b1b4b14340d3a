//! Pages on paper: the portfolio, an account page, a review pack and a statement of the
//! sample are printed by headless Chromium at A4 and at Letter (`paper:` in rapport.yaml),
//! and the PDFs are read back with poppler's `pdftotext -bbox` (each word with its box):
//! the paper size is the one asked for, no word lies outside the page (no column cut off
//! or pushed past the edge), every table header is on paper, every page of an internal
//! PDF carries the internal marking and every page of a shared one the two companies'
//! names.
//!
//! Where Chromium or pdftotext is missing these tests print `SKIPPED` and pass, unless
//! RAPPORT_REQUIRE_BROWSER=1 (set by .ci/run, which installs both), where they fail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod build_support;
use browser_support::browser_or_skip;
use build_support::copy_dir;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ACCOUNT: &str = "northwind-supply";
const US_AND_THEM: &str = "Acme Components and Northwind Supply Co.";
const INTERNAL_MARKING: &str = "Internal — do not forward";
/// A hung browser must fail the test, not hang CI.
const DEADLINE: Duration = Duration::from_secs(120);

/// Chromium and pdftotext, or `None` after saying the test is skipped.
fn tools_or_skip(test: &str) -> Option<PathBuf> {
    let pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !pdftotext {
        assert!(
            !browser_support::browser_required(),
            "RAPPORT_REQUIRE_BROWSER=1 but pdftotext (poppler-utils) is missing"
        );
        browser_support::skipped(test, "pdftotext (poppler-utils)");
        return None;
    }
    browser_or_skip(test)
}

/// Runs `command` to completion, killing it at the deadline; panics unless it succeeds.
fn run(command: &mut Command) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{command:?} failed: {status}");
}

/// The sample workspace built with `paper` into `out`.
fn build_sample(paper: &str, workspace: &Path, out: &Path) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    copy_dir(&sample, workspace);
    let config = workspace.join("rapport.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\npaper: {paper}\n")).unwrap();
    run(Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["build", "-q", "--as-of", "2026-09-30", "--out"])
        .arg(out)
        .arg(workspace));
}

/// One printed page: its size in points and its words with their boxes.
#[derive(Debug)]
struct Sheet {
    width: f64,
    height: f64,
    words: Vec<Word>,
}

#[derive(Debug)]
struct Word {
    x_min: f64,
    x_max: f64,
    text: String,
}

impl Sheet {
    fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }
}

/// `page` of the built site printed by Chromium, read back page by page.
fn print(browser: &Path, site: &Path, page: &str, scratch: &Path) -> Vec<Sheet> {
    let pdf = scratch.join(format!("{}.pdf", page.replace('/', "_")));
    let profile = tempfile::tempdir().unwrap();
    run(Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", site.join(page).display())));
    let bbox = scratch.join("bbox.html");
    run(Command::new("pdftotext").arg("-bbox").arg(&pdf).arg(&bbox));
    sheets(&std::fs::read_to_string(&bbox).unwrap())
}

/// The pages of `pdftotext -bbox` output: `<page width=".." height="..">` holding
/// `<word xMin=".." yMin=".." xMax=".." yMax="..">text</word>` lines.
fn sheets(bbox: &str) -> Vec<Sheet> {
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut sheets = Vec::new();
    for line in bbox.lines().map(str::trim) {
        if line.starts_with("<page ") {
            sheets.push(Sheet {
                width: attribute(line, "width"),
                height: attribute(line, "height"),
                words: Vec::new(),
            });
        } else if line.starts_with("<word ") {
            let text_start = line.find('>').unwrap() + 1;
            let text_end = line.rfind("</word>").unwrap();
            sheets.last_mut().unwrap().words.push(Word {
                x_min: attribute(line, "xMin"),
                x_max: attribute(line, "xMax"),
                text: unescape(&line[text_start..text_end]),
            });
        }
    }
    sheets
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The words of every `<th>` of an HTML page.
fn header_words(html: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<th") {
        let open_end = start + rest[start..].find('>').unwrap() + 1;
        let close = open_end + rest[open_end..].find("</th>").unwrap();
        let cell = strip_tags(&rest[open_end..close]);
        words.extend(cell.split_whitespace().map(unescape));
        rest = &rest[close..];
    }
    words
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Checks every sheet of `page`: the paper size, nothing off the page, every table header
/// printed, the running mark on every page.
fn check_printed(page: &str, site: &Path, sheets: &[Sheet], paper: (f64, f64), mark: &str) {
    assert!(!sheets.is_empty(), "{page}: no page printed");
    for (number, sheet) in sheets.iter().enumerate() {
        let number = number + 1;
        assert!(
            (sheet.width - paper.0).abs() < 1.0 && (sheet.height - paper.1).abs() < 1.0,
            "{page} page {number}: {}×{} pt, expected {}×{}",
            sheet.width,
            sheet.height,
            paper.0,
            paper.1
        );
        for word in &sheet.words {
            assert!(
                word.x_min >= 0.0 && word.x_max <= sheet.width,
                "{page} page {number}: `{}` lies outside the paper ({}..{} of {})",
                word.text,
                word.x_min,
                word.x_max,
                sheet.width
            );
        }
        assert!(
            sheet.text().contains(mark),
            "{page} page {number} does not carry `{mark}`:\n{}",
            sheet.text()
        );
    }
    let printed: String = sheets.iter().map(Sheet::text).collect::<Vec<_>>().join(" ");
    let html = std::fs::read_to_string(site.join(page)).unwrap();
    for word in header_words(&html) {
        assert!(
            printed.contains(&word),
            "{page}: the table header word `{word}` is not on paper (a column cut off)"
        );
    }
}

fn check_paper(paper: &str, size: (f64, f64)) {
    let Some(browser) = tools_or_skip(&format!("print at {paper}")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (workspace, site) = (dir.path().join("ws"), dir.path().join("site"));
    build_sample(paper, &workspace, &site);
    let pages = [
        ("internal/index.html", INTERNAL_MARKING),
        (
            "internal/accounts/northwind-supply/index.html",
            INTERNAL_MARKING,
        ),
        (
            "internal/accounts/northwind-supply/2026-Q3.html",
            INTERNAL_MARKING,
        ),
        ("shared/northwind-supply/statement.html", US_AND_THEM),
        ("shared/northwind-supply/index.html", US_AND_THEM),
    ];
    for (page, mark) in pages {
        assert!(page.contains(ACCOUNT) || page == "internal/index.html");
        let sheets = print(&browser, &site, page, dir.path());
        check_printed(page, &site, &sheets, size, mark);
    }
}

#[test]
fn pages_print_whole_on_a4_with_their_marks() {
    check_paper("a4", (595.0, 842.0));
}

#[test]
fn pages_print_whole_on_letter_with_their_marks() {
    check_paper("letter", (612.0, 792.0));
}

#[test]
fn the_sheet_reader_reads_poppler_s_bbox_format() {
    let bbox = r#"<doc>
  <page width="595.000000" height="842.000000">
    <word xMin="40.0" yMin="10.0" xMax="80.5" yMax="20.0">Internal</word>
    <word xMin="81.0" yMin="10.0" xMax="90.0" yMax="20.0">&amp;</word>
  </page>
  <page width="595.000000" height="842.000000">
  </page>
</doc>"#;
    let sheets = sheets(bbox);
    assert_eq!(sheets.len(), 2);
    assert_eq!(sheets[0].text(), "Internal &");
    assert_eq!(sheets[0].words[0].x_max, 80.5);
    assert!(sheets[1].words.is_empty());
    assert_eq!(
        header_words("<th class=\"num\">Keep <b>rate</b></th><td>x</td><th>A &amp; B</th>"),
        ["Keep", "rate", "A", "&", "B"]
    );
}
