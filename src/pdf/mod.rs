//! `build --pdf`: prints every review pack and statement to a PDF beside its HTML, with a
//! local Chromium or Chrome run headless.
//!
//! The build calls this on its staging folder after the leak guard has passed and before
//! the swap, so a failed print leaves the previous site untouched. Each page is printed
//! from a private copy of its audience's folder only (`isolate`), and the browser may
//! load nothing but files of that copy (`cdp::Policy`): a template that frames
//! `../../internal/…` or a `file:///` path gets an empty frame, not internal text. The
//! build then reads the text of every shared PDF ([`text`]) through the leak guard.
//!
//! One browser prints the whole run, a few tabs at once, over the DevTools protocol
//! (`browser`, `cdp`, `tabs`); `RAPPORT_PDF_ENGINE=process` (for the benchmark that
//! compares them, and the only way on systems without Unix pipes) starts one browser per
//! page instead (`process`). PDFs are made byte-for-byte reproducible by blanking the
//! two timestamps Chromium writes into them (`output`).

mod browser;
mod cdp;
mod find;
mod isolate;
mod output;
mod process;
mod tabs;
pub mod text;

pub use find::{find_browser, BROWSER_NAMES};

use crate::model::Paper;
use crate::paths;
use std::fmt;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Where to find the browser, and whether to show progress.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The executable named with `--chrome`, if any.
    pub chrome: Option<PathBuf>,
    /// A counter on stderr while printing (for a terminal, not with `-q`).
    pub progress: bool,
}

const INSTALL_HINT: &str = "install Chromium (`apt-get install chromium`, or `brew install --cask chromium` on macOS), or pass --chrome PATH";

/// A page normally prints in well under a second; a page still not printed after this
/// long means a hung browser (a known failure mode of headless Chromium in containers).
const PAGE_TIMEOUT: Duration = Duration::from_secs(90);

/// Why PDFs could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("no Chromium or Chrome was found to print PDFs (looked on PATH for {})\n  help: {INSTALL_HINT}", BROWSER_NAMES.join(", "))]
    NoBrowser,
    #[error("the browser `{}` given by {named_by} was not found or is not executable\n  help: {INSTALL_HINT}", path.display())]
    BadBrowser {
        path: PathBuf,
        named_by: &'static str,
    },
    #[error("cannot list the pages to print in {}: {source}", path.display())]
    Scan { path: PathBuf, source: io::Error },
    #[error("cannot copy the pages to print: {0}")]
    Isolate(io::Error),
    #[error("the browser `{}` could not be used to print PDFs: {reason}\n  help: {INSTALL_HINT}", path.display())]
    Browser { path: PathBuf, reason: String },
    #[error("{}", failures_message(.failures, *.total, *.untried))]
    Pages {
        failures: Vec<PageFailure>,
        total: usize,
        /// Pages not tried because a browser hung: the next would most likely hang too.
        untried: usize,
    },
    #[error("interrupted while printing PDFs")]
    Interrupted,
}

/// One page that did not print, named by its path in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFailure {
    pub page: String,
    pub reason: String,
}

impl fmt::Display for PageFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.page, self.reason)
    }
}

fn failures_message(failures: &[PageFailure], total: usize, untried: usize) -> String {
    let mut text = format!(
        "{} of {total} page(s) could not be printed to PDF",
        failures.len()
    );
    for failure in failures {
        text.push_str("\n  - ");
        text.push_str(&failure.to_string());
    }
    if untried > 0 {
        text.push_str(&format!(
            "\n  {untried} more page(s) were not tried after the browser hung"
        ));
    }
    text
}

/// What [`print_all`] did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Printed {
    pub pdfs: usize,
    pub elapsed: Duration,
}

/// Set by [`interrupt`]: every wait of the printer looks at it and gives up.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks a running (or coming) [`print_all`] to stop at once: it closes the browser,
/// removes its temporary folders and returns [`PdfError::Interrupted`]. Called from the
/// Ctrl-C / SIGTERM handler that `build --pdf` installs.
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Which way to drive the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Engine {
    /// One browser, several tabs, over the DevTools protocol.
    Tabs,
    /// One browser process per page with `--print-to-pdf`: the approach before the
    /// DevTools one, kept for the benchmark that compares them and for systems where
    /// the pipe cannot be set up.
    Process,
}

impl Engine {
    fn chosen() -> Engine {
        if cfg!(not(unix)) || std::env::var("RAPPORT_PDF_ENGINE").as_deref() == Ok("process") {
            Engine::Process
        } else {
            Engine::Tabs
        }
    }
}

/// Prints every review pack and statement under `site_root` to a PDF beside its HTML on
/// `paper` (which the pages' CSS `@page` may override).
pub fn print_all(
    site_root: &Path,
    options: &PdfOptions,
    paper: Paper,
) -> Result<Printed, PdfError> {
    let started = Instant::now();
    if interrupted() {
        return Err(PdfError::Interrupted);
    }
    let browser = find_browser(options.chrome.as_deref())?;
    let root = fs::canonicalize(site_root).map_err(|source| PdfError::Scan {
        path: site_root.to_path_buf(),
        source,
    })?;
    let pages = printable_pages(&root)?;
    let copies = isolate::Copies::make(&root, &pages).map_err(PdfError::Isolate)?;
    let progress = Progress::new(options.progress && io::stderr().is_terminal(), pages.len());
    let settings = Settings {
        browser: &browser,
        paper,
        timeout: PAGE_TIMEOUT,
        progress: &progress,
    };
    let result = match Engine::chosen() {
        Engine::Tabs => tabs::print(&settings, &copies.jobs),
        Engine::Process => process::print(&settings, &copies.jobs),
    };
    progress.finish();
    // The copies go before the error is reported, whatever it is.
    drop(copies);
    if interrupted() {
        return Err(PdfError::Interrupted);
    }
    result.map(|()| Printed {
        pdfs: pages.len(),
        elapsed: started.elapsed(),
    })
}

/// What both engines are given.
struct Settings<'a> {
    browser: &'a Path,
    paper: Paper,
    timeout: Duration,
    progress: &'a Progress,
}

/// Paper width and height in inches, as `Page.printToPDF` takes them.
fn paper_inches(paper: Paper) -> (f64, f64) {
    match paper {
        Paper::A4 => (8.27, 11.69),
        Paper::Letter => (8.5, 11.0),
    }
}

/// A counter on stderr, redrawn in place: `printing PDFs: 12/33`.
struct Progress {
    shown: bool,
    total: usize,
    done: AtomicUsize,
}

impl Progress {
    fn new(shown: bool, total: usize) -> Progress {
        Progress {
            shown: shown && total > 0,
            total,
            done: AtomicUsize::new(0),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\rprinting PDFs: {done}/{}", self.total);
            let _ = err.flush();
        }
    }

    fn finish(&self) {
        if self.shown {
            // Clears the counter line: the build's summary follows.
            let _ = write!(io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// The pages `paths::is_printable` names (review packs and statements), as sorted paths
/// relative to `root`.
fn printable_pages(root: &Path) -> Result<Vec<String>, PdfError> {
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        let entry = entry.map_err(|e| PdfError::Scan {
            path: e.path().unwrap_or(root).to_path_buf(),
            source: io::Error::other(e),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        // Output paths are `/`-separated whatever the platform.
        let relative: Option<Vec<&str>> = entry
            .path()
            .strip_prefix(root)
            .ok()
            .map(|r| r.components().map(|c| c.as_os_str().to_str()).collect())
            .and_then(|parts: Option<Vec<&str>>| parts);
        if let Some(relative) = relative.map(|parts| parts.join("/")) {
            if paths::is_printable(&relative) {
                pages.push(relative);
            }
        }
    }
    pages.sort();
    Ok(pages)
}

/// A `file://` URL for an absolute path, percent-encoding everything but unreserved
/// characters and `/` (a folder named `Q3 #1` must not become a fragment).
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn finds_review_packs_and_statements_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "internal/index.html",
            "internal/accounts/a/index.html",
            "internal/accounts/a/2026-Q1.html",
            "internal/accounts/a/2026-Q1.md",
            "internal/accounts/b/2025-Q4.html",
            "shared/a/statement.html",
            "shared/a/2026-Q1.html",
            "shared/a/index.html",
            "shared/b/index.html",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        assert_eq!(
            printable_pages(root).unwrap(),
            [
                "internal/accounts/a/2026-Q1.html",
                "internal/accounts/b/2025-Q4.html",
                "shared/a/statement.html"
            ]
        );
        let empty = tempfile::tempdir().unwrap();
        assert!(printable_pages(empty.path()).unwrap().is_empty());
    }

    #[test]
    fn file_urls_escape_what_would_change_their_meaning() {
        assert_eq!(
            file_url(Path::new("/tmp/My Site/#1/a%b.html")),
            "file:///tmp/My%20Site/%231/a%25b.html"
        );
        assert_eq!(
            file_url(Path::new("/x/2026-Q3.html")),
            "file:///x/2026-Q3.html"
        );
    }

    #[test]
    fn paper_sizes_are_in_inches() {
        assert_eq!(paper_inches(Paper::A4), (8.27, 11.69));
        assert_eq!(paper_inches(Paper::Letter), (8.5, 11.0));
    }
}
