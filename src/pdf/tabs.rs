//! Printing over the DevTools protocol: one browser, [`MAX_TABS`] tabs, each tab taking
//! the next page until none is left, `Page.printToPDF` for each.

use super::browser::Browser;
use super::cdp::{self, CdpError, Event, Policy};
use super::isolate::Job;
use super::{file_url, interrupted, output, paper_inches, PageFailure, PdfError, Settings};
use base64::Engine as _;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Tabs printing at once. Layout and PDF writing are single-threaded per tab, so a few
/// tabs keep a small machine's cores busy; more only queue for them.
const MAX_TABS: usize = 4;

/// Prints every job with one browser.
pub fn print(settings: &Settings<'_>, jobs: &[Job]) -> Result<(), PdfError> {
    if jobs.is_empty() {
        return Ok(());
    }
    let hung = AtomicBool::new(false);
    let stop = || interrupted() || hung.load(Ordering::Relaxed);
    let browser_error = |reason: String| {
        if interrupted() {
            PdfError::Interrupted
        } else {
            PdfError::Browser {
                path: settings.browser.to_path_buf(),
                reason,
            }
        }
    };
    let browser =
        Browser::launch(settings.browser, settings.timeout, &stop).map_err(browser_error)?;
    let mut tabs = Vec::new();
    for _ in 0..MAX_TABS.min(jobs.len()) {
        let deadline = Instant::now() + settings.timeout;
        let tab = Tab::open(&browser, deadline, &stop)
            .map_err(|e| browser_error(format!("cannot open a tab: {}", browser.failure(&e))))?;
        tabs.push(tab);
    }
    let next = AtomicUsize::new(0);
    let tried = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for tab in &tabs {
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if stop() {
                        break;
                    }
                    tried.fetch_add(1, Ordering::Relaxed);
                    let deadline = Instant::now() + settings.timeout;
                    let printed = tab
                        .print(&browser, job, settings, deadline, &stop)
                        .and_then(|bytes| output::deliver(job, bytes).map_err(Failure::Failed));
                    match printed {
                        Ok(()) => settings.progress.tick(),
                        Err(Failure::Stopped) => break,
                        Err(failure) => {
                            if matches!(failure, Failure::TimedOut) {
                                hung.store(true, Ordering::Relaxed);
                            }
                            let reason = failure.describe(settings.timeout, &browser);
                            if let Ok(mut list) = failures.lock() {
                                list.push(PageFailure {
                                    page: job.page.clone(),
                                    reason,
                                });
                            }
                        }
                    }
                }
            });
        }
    });
    drop(tabs);
    drop(browser);
    if interrupted() {
        return Err(PdfError::Interrupted);
    }
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    if failures.is_empty() {
        return Ok(());
    }
    failures.sort_by(|a, b| a.page.cmp(&b.page));
    Err(PdfError::Pages {
        failures,
        total: jobs.len(),
        untried: jobs.len().saturating_sub(tried.into_inner()),
    })
}

#[derive(Debug)]
enum Failure {
    TimedOut,
    /// Interrupted, or another tab hung: not this page's failure.
    Stopped,
    Cdp(CdpError),
    Failed(String),
}

impl Failure {
    fn describe(&self, timeout: Duration, browser: &Browser) -> String {
        match self {
            Failure::TimedOut => format!(
                "the page was not printed after {:.1} s; the browser was stopped",
                timeout.as_secs_f64()
            ),
            Failure::Stopped => "stopped".into(),
            Failure::Cdp(e) => browser.failure(e),
            Failure::Failed(reason) => reason.clone(),
        }
    }
}

/// One tab, attached, with the domains printing needs enabled.
struct Tab {
    session: String,
    events: Mutex<Receiver<Event>>,
}

impl Tab {
    fn open(
        browser: &Browser,
        deadline: Instant,
        stop: &dyn Fn() -> bool,
    ) -> Result<Tab, CdpError> {
        let session = browser.open_tab(deadline, stop)?;
        let events = browser.connection().events(&session);
        // Every request the tab makes is paused until the policy set for the page in
        // print has judged it (`cdp::Connection::judge`): a file of the page's own copy
        // goes on, anything else fails.
        browser.call(
            Some(&session),
            "Fetch.enable",
            json!({ "patterns": [{ "urlPattern": "*" }] }),
            deadline,
            stop,
        )?;
        browser.call(Some(&session), "Page.enable", json!({}), deadline, stop)?;
        Ok(Tab {
            session,
            events: Mutex::new(events),
        })
    }

    /// Loads `job`'s page and prints it; the PDF's bytes.
    fn print(
        &self,
        browser: &Browser,
        job: &Job,
        settings: &Settings<'_>,
        deadline: Instant,
        stop: &dyn Fn() -> bool,
    ) -> Result<Vec<u8>, Failure> {
        let from_cdp = |e: CdpError| match e {
            CdpError::TimedOut if stop() => Failure::Stopped,
            CdpError::TimedOut => Failure::TimedOut,
            other => Failure::Cdp(other),
        };
        let events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        // The load event of the previous page must not be taken for this one's.
        while events.try_recv().is_ok() {}
        let connection = browser.connection();
        connection.set_policy(
            &self.session,
            Policy {
                folder_url: format!("{}/", file_url(&job.folder)),
            },
        );
        let navigated = browser
            .call(
                Some(&self.session),
                "Page.navigate",
                json!({ "url": file_url(&job.html) }),
                deadline,
                stop,
            )
            .map_err(from_cdp)?;
        if let Some(error) = navigated.get("errorText").and_then(Value::as_str) {
            if !error.is_empty() {
                return Err(Failure::Failed(format!("the page did not load: {error}")));
            }
        }
        loop {
            match cdp::wait(&events, deadline, stop) {
                Some(Ok(event)) if event.method == "Page.loadEventFired" => break,
                Some(Ok(_)) => {}
                Some(Err(())) => return Err(Failure::Cdp(CdpError::Closed)),
                None if stop() => return Err(Failure::Stopped),
                None => return Err(Failure::TimedOut),
            }
        }
        let (width, height) = paper_inches(settings.paper);
        let printed = browser
            .call(
                Some(&self.session),
                "Page.printToPDF",
                json!({
                    "paperWidth": width,
                    "paperHeight": height,
                    // The stylesheet's `@page` decides when it sets a size.
                    "preferCSSPageSize": true,
                    "printBackground": true,
                    // The print CSS carries the running marks; Chromium's own header
                    // and footer would show the temporary file path and the date.
                    "displayHeaderFooter": false,
                }),
                deadline,
                stop,
            )
            .map_err(from_cdp)?;
        let data = printed
            .get("data")
            .and_then(Value::as_str)
            .ok_or_else(|| Failure::Failed("the browser returned no PDF".into()))?;
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| Failure::Failed(format!("the browser returned a garbled PDF: {e}")))
    }
}
