//! The engine before the DevTools one: one headless browser process per page with
//! `--print-to-pdf`. Kept for `RAPPORT_PDF_ENGINE=process`, which `scripts/bench-pdf.sh`
//! uses to compare the two, and for systems where the pipe cannot be set up. It prints
//! from the same private copies, but cannot refuse requests: the copy is its only wall.
//! The paper size comes from the pages' CSS `@page` alone.

use super::isolate::Job;
use super::{file_url, interrupted, output, PageFailure, PdfError, Settings};
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Chromium is itself multi-process, so a few printers at once saturate a machine.
const MAX_PRINTERS: usize = 4;

/// Prints every job, each with a browser of its own.
pub fn print(settings: &Settings<'_>, jobs: &[Job]) -> Result<(), PdfError> {
    let next = AtomicUsize::new(0);
    let tried = AtomicUsize::new(0);
    let hung = AtomicBool::new(false);
    let failures = Mutex::new(Vec::new());
    let printers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_PRINTERS)
        .min(jobs.len());
    std::thread::scope(|scope| {
        for _ in 0..printers {
            // Each printer takes the next page until none is left.
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if hung.load(Ordering::Relaxed) || interrupted() {
                        break;
                    }
                    tried.fetch_add(1, Ordering::Relaxed);
                    match print_page(settings.browser, job, settings.timeout) {
                        Ok(()) => settings.progress.tick(),
                        Err(failure) => {
                            if matches!(failure, Failure::TimedOut(_)) {
                                hung.store(true, Ordering::Relaxed);
                            }
                            if let Ok(mut list) = failures.lock() {
                                list.push(PageFailure {
                                    page: job.page.clone(),
                                    reason: failure.to_string(),
                                });
                            }
                        }
                    }
                }
            });
        }
    });
    if interrupted() {
        return Err(PdfError::Interrupted);
    }
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    if failures.is_empty() {
        Ok(())
    } else {
        failures.sort_by(|a, b| a.page.cmp(&b.page));
        Err(PdfError::Pages {
            failures,
            total: jobs.len(),
            untried: jobs.len() - tried.into_inner(),
        })
    }
}

/// Prints one job, with one attempt more when the browser fails outright: a fresh
/// headless Chromium occasionally dies at start in a loaded container. A timeout is not
/// retried: it would only double the wait, and stops the printing of the pages not yet
/// started.
fn print_page(browser: &Path, job: &Job, timeout: Duration) -> Result<(), Failure> {
    let pdf = job.html.with_extension("pdf");
    match print_once(browser, &job.html, &pdf, timeout) {
        Err(Failure::Failed(_)) => print_once(browser, &job.html, &pdf, timeout),
        other => other,
    }?;
    let bytes = fs::read(&pdf).map_err(|e| Failure::Failed(format!("cannot read the PDF: {e}")))?;
    output::deliver(job, bytes).map_err(Failure::Failed)
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

/// The flags of one page's browser in the old engine: the common headless ones, and
/// printing straight to a file.
fn print_args(profile: &Path, pdf: &Path, html: &Path) -> Vec<OsString> {
    let with_value = |flag: &str, value: &Path| {
        let mut arg = OsString::from(flag);
        arg.push(value);
        arg
    };
    let mut args: Vec<OsString> = super::browser::HEADLESS_FLAGS
        .iter()
        .chain(&[
            // No date, title and file path in the margins (the path would be the temporary
            // folder). The first flag is current Chromium's, the second older versions'.
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .map(OsString::from)
        .collect();
    args.push(with_value("--user-data-dir=", profile));
    args.push(with_value("--print-to-pdf=", pdf));
    args.push(OsString::from(file_url(html)));
    args
}

/// Waits for `child` at most `timeout`; a child still running then, or when the run is
/// interrupted, is killed and `None` returned.
fn wait_with_timeout(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline || interrupted() {
            // Killing the browser process closes its IPC channels, which ends its
            // renderer and helper processes too.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The last lines of a browser's log that say something, for an error message. D-Bus
/// and sandbox complaints are printed on every run in a container and say nothing.
pub fn log_tail(log: &[u8]) -> String {
    let text = String::from_utf8_lossy(log);
    let noise = [
        "dbus",
        "D-Bus",
        "sandbox",
        "unexpected operator",
        "bytes written to file",
        "DevTools listening",
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::model::Paper;
    use std::path::PathBuf;

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

    #[cfg(unix)]
    #[test]
    fn a_hung_browser_stops_the_printing_and_is_named() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let jobs: Vec<Job> = (0..12)
            .map(|q| {
                let page = format!(
                    "internal/accounts/acme/{}-Q{}.html",
                    2020 + q / 4,
                    q % 4 + 1
                );
                Job {
                    html: dir.path().join(&page),
                    folder: dir.path().to_path_buf(),
                    pdf: dir.path().join(&page).with_extension("pdf"),
                    page,
                }
            })
            .collect();
        let hanging = dir.path().join("browser.sh");
        fs::write(&hanging, "#!/bin/sh\nexec sleep 30\n").unwrap();
        fs::set_permissions(&hanging, fs::Permissions::from_mode(0o755)).unwrap();
        let progress = super::super::Progress::new(false, jobs.len());
        let settings = Settings {
            browser: &hanging,
            paper: Paper::A4,
            timeout: Duration::from_millis(200),
            progress: &progress,
        };
        let err = print(&settings, &jobs).unwrap_err();
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
        let pdfs: Vec<PathBuf> = jobs
            .iter()
            .map(|j| j.pdf.clone())
            .filter(|p| p.exists())
            .collect();
        assert!(pdfs.is_empty(), "nothing was printed");
    }
}
