//! `build --pdf`: prints every review pack and statement to a PDF beside its HTML, with a
//! local Chromium or Chrome run headless.
//!
//! The build calls this on its staging folder after the leak guard has passed and before
//! the swap, so a PDF is only ever made from HTML that may be shown to its audience, and a
//! failed print leaves the previous site untouched. PDFs are made byte-for-byte
//! reproducible by blanking the two timestamps Chromium writes into them.

use crate::paths;
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where to find the browser.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The executable named with `--chrome`, if any.
    pub chrome: Option<PathBuf>,
}

/// Executable names tried on `PATH`, most specific first.
pub const BROWSER_NAMES: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// Where macOS puts the browsers, which are not on `PATH` there.
const WELL_KNOWN: [&str; 2] = [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

const INSTALL_HINT: &str = "install Chromium (`apt-get install chromium`, or `brew install --cask chromium` on macOS), or pass --chrome PATH";

/// A page normally prints in about a second; a browser still running after this long is
/// hung (a known failure mode of headless Chromium in containers) and is killed.
const PAGE_TIMEOUT: Duration = Duration::from_secs(90);

/// Chromium is itself multi-process, so a few printers at once saturate a machine.
const MAX_PRINTERS: usize = 4;

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
    #[error("{}", failures_message(.failures, *.total, *.untried))]
    Pages {
        failures: Vec<PageFailure>,
        total: usize,
        /// Pages not tried because a browser hung: the next would most likely hang too.
        untried: usize,
    },
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

/// Prints every review pack and statement under `site_root` to a PDF beside its HTML, and
/// returns how many were printed.
pub fn print_all(site_root: &Path, options: &PdfOptions) -> Result<usize, PdfError> {
    let browser = find_browser(options.chrome.as_deref())?;
    print_with(&browser, site_root, PAGE_TIMEOUT)
}

/// [`print_all`] with a given browser and time limit per page.
fn print_with(browser: &Path, site_root: &Path, timeout: Duration) -> Result<usize, PdfError> {
    let root = fs::canonicalize(site_root).map_err(|source| PdfError::Scan {
        path: site_root.to_path_buf(),
        source,
    })?;
    let pages = printable_pages(&root)?;
    let next = AtomicUsize::new(0);
    let tried = AtomicUsize::new(0);
    let hung = AtomicBool::new(false);
    let failures = Mutex::new(Vec::new());
    let printers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_PRINTERS)
        .min(pages.len());
    std::thread::scope(|scope| {
        for _ in 0..printers {
            // Each printer takes the next page until none is left.
            scope.spawn(|| {
                while let Some(page) = pages.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if hung.load(Ordering::Relaxed) {
                        break;
                    }
                    tried.fetch_add(1, Ordering::Relaxed);
                    if let Err(failure) = print_page(browser, &root, page, timeout) {
                        if matches!(failure, Failure::TimedOut(_)) {
                            hung.store(true, Ordering::Relaxed);
                        }
                        if let Ok(mut list) = failures.lock() {
                            list.push(PageFailure {
                                page: page.clone(),
                                reason: failure.to_string(),
                            });
                        }
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    if failures.is_empty() {
        Ok(pages.len())
    } else {
        failures.sort_by(|a, b| a.page.cmp(&b.page));
        Err(PdfError::Pages {
            failures,
            total: pages.len(),
            untried: pages.len() - tried.into_inner(),
        })
    }
}

/// The browser to print with: `--chrome`, else `$CHROME`, else the first of
/// [`BROWSER_NAMES`] on `PATH`, else a well-known macOS location.
pub fn find_browser(chrome: Option<&Path>) -> Result<PathBuf, PdfError> {
    let named = |path: &Path, named_by: &'static str| {
        resolve(path).ok_or_else(|| PdfError::BadBrowser {
            path: path.to_path_buf(),
            named_by,
        })
    };
    if let Some(path) = chrome {
        return named(path, "--chrome");
    }
    if let Some(value) = std::env::var_os("CHROME").filter(|v| !v.is_empty()) {
        return named(Path::new(&value), "the CHROME environment variable");
    }
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    BROWSER_NAMES
        .iter()
        .find_map(|name| on_path(&path_var, name))
        .or_else(|| {
            WELL_KNOWN
                .iter()
                .map(PathBuf::from)
                .find(|p| is_executable(p))
        })
        .ok_or(PdfError::NoBrowser)
}

/// A path as given, or a bare name looked up on `PATH` (`--chrome chromium` works).
fn resolve(path: &Path) -> Option<PathBuf> {
    if path.components().count() == 1 && !path.has_root() {
        if let Some(found) = on_path(&std::env::var_os("PATH").unwrap_or_default(), path) {
            return Some(found);
        }
    }
    is_executable(path).then(|| path.to_path_buf())
}

fn on_path(path_var: &OsString, name: impl AsRef<Path>) -> Option<PathBuf> {
    let mut file = name.as_ref().as_os_str().to_owned();
    file.push(std::env::consts::EXE_SUFFIX);
    std::env::split_paths(path_var)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(&file))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
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

/// Prints `root/page` (an `.html` path) to the `.pdf` beside it, with one attempt more
/// when the browser fails outright: a fresh headless Chromium occasionally dies at start
/// in a loaded container. A timeout is not retried: it would only double the wait, and
/// stops the printing of the pages not yet started.
fn print_page(browser: &Path, root: &Path, page: &str, timeout: Duration) -> Result<(), Failure> {
    let html = root.join(page);
    let pdf = html.with_extension("pdf");
    match print_once(browser, &html, &pdf, timeout) {
        Err(Failure::Failed(_)) => print_once(browser, &html, &pdf, timeout),
        other => other,
    }?;
    let mut bytes =
        fs::read(&pdf).map_err(|e| Failure::Failed(format!("cannot read the PDF: {e}")))?;
    check_pdf(&bytes).map_err(Failure::Failed)?;
    if blank_timestamps(&mut bytes) {
        fs::write(&pdf, &bytes)
            .map_err(|e| Failure::Failed(format!("cannot write the PDF: {e}")))?;
    }
    Ok(())
}

#[derive(Debug)]
enum Failure {
    TimedOut(Duration),
    Failed(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::TimedOut(limit) => write!(
                f,
                "the browser was still running after {:.1} s and was stopped",
                limit.as_secs_f64()
            ),
            Failure::Failed(reason) => f.write_str(reason),
        }
    }
}

fn print_once(browser: &Path, html: &Path, pdf: &Path, timeout: Duration) -> Result<(), Failure> {
    let failed = |what: &str, e: io::Error| Failure::Failed(format!("{what}: {e}"));
    // A fresh profile per run: no state shared between prints, no lock left by a killed one.
    let profile = tempfile::Builder::new()
        .prefix("rapport-chromium-")
        .tempdir()
        .map_err(|e| failed("cannot make a browser profile folder", e))?;
    let log_path = profile.path().join("browser.log");
    // The log goes to a file, not a pipe: Chromium writes a lot to stderr, and a full pipe
    // nobody reads would block it and look like a hang.
    let log = fs::File::create(&log_path).map_err(|e| failed("cannot make a log file", e))?;
    let _ = fs::remove_file(pdf);
    let mut child = Command::new(browser)
        .args(print_args(profile.path(), pdf, html))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .map_err(|e| failed(&format!("cannot start {}", browser.display()), e))?;
    let status = wait_with_timeout(&mut child, timeout)
        .map_err(|e| failed("cannot wait for the browser", e))?
        .ok_or(Failure::TimedOut(timeout))?;
    let log = fs::read(&log_path).unwrap_or_default();
    if !status.success() {
        return Err(Failure::Failed(format!(
            "the browser failed ({status}){}",
            log_tail(&log)
        )));
    }
    if !pdf.is_file() {
        return Err(Failure::Failed(format!(
            "the browser wrote no PDF{}",
            log_tail(&log)
        )));
    }
    Ok(())
}

/// Headless flags that work as root in a container without a sandbox, a GPU or a
/// network: nothing is fetched, synced or updated while printing.
fn print_args(profile: &Path, pdf: &Path, html: &Path) -> Vec<OsString> {
    let with_value = |flag: &str, value: &Path| {
        let mut arg = OsString::from(flag);
        arg.push(value);
        arg
    };
    let mut args: Vec<OsString> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--mute-audio",
        // Our pages need no network; a stray external URL must not be fetched.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        // No date, title and file path in the margins (the path would be the staging
        // folder). The first flag is current Chromium's, the second older versions'.
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    args.push(with_value("--user-data-dir=", profile));
    args.push(with_value("--print-to-pdf=", pdf));
    args.push(OsString::from(file_url(html)));
    args
}

/// Waits for `child` at most `timeout`; a child still running then is killed and `None`
/// returned.
fn wait_with_timeout(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            // Killing the browser process closes its IPC channels, which ends its
            // renderer and helper processes too.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The last lines of the browser's log that say something, for an error message. D-Bus
/// and sandbox complaints are printed on every run in a container and say nothing.
fn log_tail(log: &[u8]) -> String {
    let text = String::from_utf8_lossy(log);
    let noise = [
        "dbus",
        "D-Bus",
        "sandbox",
        "unexpected operator",
        "bytes written to file",
    ];
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !noise.iter().any(|n| l.contains(n)))
        .collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    if tail.is_empty() {
        String::new()
    } else {
        format!(": {}", tail.join(" / "))
    }
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

/// A PDF the browser wrote: not empty, and a PDF.
fn check_pdf(bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() {
        Err("the browser wrote an empty PDF".into())
    } else if !bytes.starts_with(b"%PDF-") {
        Err("the browser wrote a file that is not a PDF".into())
    } else {
        Ok(())
    }
}

/// Blanks `/CreationDate (D:…)` and `/ModDate (D:…)` with spaces of the same length, so
/// object offsets stay valid and the same build gives the same bytes. Both entries are
/// optional in PDF. Returns whether anything changed.
fn blank_timestamps(bytes: &mut [u8]) -> bool {
    let mut changed = false;
    for key in [&b"/CreationDate"[..], &b"/ModDate"[..]] {
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key).map(|i| i + from) {
            from = at + key.len();
            let rest = &bytes[from..];
            let open = rest.iter().take_while(|b| **b == b' ').count();
            if !rest[open..].starts_with(b"(D:") {
                continue;
            }
            let Some(close) = rest[open..].iter().take(40).position(|b| *b == b')') else {
                continue;
            };
            let end = from + open + close + 1;
            let date = &bytes[from + open + 1..end - 1];
            if date
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+-':".contains(b))
            {
                bytes[at..end].fill(b' ');
                changed = true;
                from = end;
            }
        }
    }
    changed
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
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
    fn timestamps_are_blanked_in_place() {
        let mut pdf = b"%PDF-1.4\n<</Producer (Skia/PDF m148)\n/CreationDate (D:20261126140756+00'00')\n/ModDate (D:20261126140757+00'00')>>\nxref".to_vec();
        let before = pdf.len();
        assert!(blank_timestamps(&mut pdf));
        assert_eq!(
            pdf.len(),
            before,
            "offsets in the xref table must stay valid"
        );
        let text = String::from_utf8(pdf.clone()).unwrap();
        assert!(!text.contains("CreationDate") && !text.contains("ModDate"));
        assert!(!text.contains("2026"));
        assert!(text.contains("/Producer (Skia/PDF m148)") && text.ends_with(">>\nxref"));
        assert!(!blank_timestamps(&mut pdf), "nothing left to blank");
    }

    #[test]
    fn only_pdfs_pass_the_output_check() {
        assert!(check_pdf(b"%PDF-1.4\n...").is_ok());
        assert!(check_pdf(b"").unwrap_err().contains("empty"));
        assert!(check_pdf(b"<html>").unwrap_err().contains("not a PDF"));
    }

    #[test]
    fn the_log_tail_skips_container_noise() {
        let log = b"[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus\n\
            [1:2:FATAL:zygote_host.cc] No usable sandbox!\n\
            [1:2:ERROR:headless.cc] Print failed: page is empty\n";
        assert_eq!(
            log_tail(log),
            ": [1:2:ERROR:headless.cc] Print failed: page is empty"
        );
        assert_eq!(log_tail(b"[1:2:ERROR:dbus/bus.cc] x\n"), "");
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_browser_is_killed_at_the_deadline() {
        let mut child = Command::new("sleep").arg("30").spawn().unwrap();
        let status = wait_with_timeout(&mut child, Duration::from_millis(100)).unwrap();
        assert!(status.is_none());
        assert!(child.try_wait().unwrap().is_some(), "the process is gone");
        let mut quick = Command::new("true").spawn().unwrap();
        let status = wait_with_timeout(&mut quick, Duration::from_secs(30)).unwrap();
        assert!(status.is_some_and(|s| s.success()));
    }

    /// A site with `n` review packs of one account.
    fn site_with_packs(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("internal/accounts/acme");
        fs::create_dir_all(&folder).unwrap();
        for q in 0..n {
            let stem = format!("{}-Q{}", 2020 + q / 4, q % 4 + 1);
            fs::write(folder.join(format!("{stem}.html")), "<h1>x</h1>").unwrap();
        }
        dir
    }

    #[cfg(unix)]
    fn script(dir: &Path, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("browser.sh");
        fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_browser_stops_the_printing_and_is_named() {
        let site = site_with_packs(12);
        let bin = tempfile::tempdir().unwrap();
        let hanging = script(bin.path(), "exec sleep 30");
        let err = print_with(&hanging, site.path(), Duration::from_millis(200)).unwrap_err();
        let PdfError::Pages {
            failures,
            total,
            untried,
        } = &err
        else {
            panic!("unexpected {err}");
        };
        assert_eq!(*total, 12);
        assert!(!failures.is_empty() && failures.len() <= MAX_PRINTERS);
        assert_eq!(failures.len() + untried, 12, "every page is accounted for");
        assert!(failures[0].reason.contains("still running after 0.2 s"));
        assert!(err
            .to_string()
            .contains("were not tried after the browser hung"));
        // The stopped browsers wrote nothing, and nothing else was printed.
        let pdfs = fs::read_dir(site.path().join("internal/accounts/acme"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "pdf")
            })
            .count();
        assert_eq!(pdfs, 0);
    }

    #[cfg(unix)]
    #[test]
    fn an_explicit_browser_must_exist() {
        let err = find_browser(Some(Path::new("/no/such/chromium"))).unwrap_err();
        assert!(matches!(
            err,
            PdfError::BadBrowser {
                named_by: "--chrome",
                ..
            }
        ));
        let text = err.to_string();
        assert!(text.contains("/no/such/chromium") && text.contains("apt-get install chromium"));
    }
}
