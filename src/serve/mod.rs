//! `rapport serve`: builds the site, serves it on 127.0.0.1, watches the workspace and
//! rebuilds on change (only the edited accounts' pages and the portfolio when that is
//! enough), and reloads open pages through a small script added to HTML responses, never
//! to the files on disk.
//!
//! Threads: the caller's thread waits for file events and rebuilds, one rebuild at a time;
//! the HTTP server answers requests on its own threads and reads what the rebuilds publish
//! in [`Status`].

mod http;
mod rebuild;
mod status;
mod watch;

pub use http::{content_type, error_page, inject_reload, resolve, Target, VERSION_PATH};
pub use status::Status;
pub use watch::{classify, Change};

use crate::build::BuildOptions;
use crate::cli::{Format, Verbosity};
use crate::diagnostic::{display_path, Diagnostic};
use crate::model::Date;
use rebuild::{Failure, Outcome, Site};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Prints a line on stderr, ignoring failure: with the terminal gone (SIGHUP) or stderr a
/// closed pipe, `eprintln!` would panic and take the server down mid-build.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Quiet time after the last file event before rebuilding: an editor's save (truncate,
/// writes, rename) and `git checkout` come as bursts of events.
const QUIET: Duration = Duration::from_millis(50);
/// Quiet time after an event that completes a file: the rest of a burst (the next files of
/// a checkout) follows within microseconds, and a late straggler only costs one more
/// partial rebuild.
const SETTLED_QUIET: Duration = Duration::from_millis(10);
/// Longest a burst may postpone a rebuild.
const MAX_DELAY: Duration = Duration::from_millis(500);

/// What `rapport serve` needs.
#[derive(Debug, Clone)]
pub struct Options {
    pub workspace: PathBuf,
    pub out: PathBuf,
    pub as_of: Date,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Read git history, as `rapport build` does by default.
    pub history: bool,
    /// Quiet: problems only; verbose: every file a rebuild writes.
    pub verbosity: Verbosity,
}

/// Why serving could not start. Problems in the workspace's files are not among them: the
/// server starts anyway and shows them until they are fixed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("workspace folder not found: {0}")]
    NoWorkspace(String),
    #[error(transparent)]
    Site(#[from] crate::site::SiteError),
    #[error("cannot listen on 127.0.0.1:{port}: {detail}")]
    Bind { port: u16, detail: String },
    #[error("cannot watch {path} for changes: {detail}")]
    Watch { path: String, detail: String },
}

enum Message {
    File(notify::Result<notify::Event>),
    Stop,
}

/// Asks a running [`Serve`] to stop after the rebuild in progress, if any.
#[derive(Clone)]
pub struct Stopper(Sender<Message>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(Message::Stop);
    }
}

/// A started preview: built, listening, watching.
pub struct Serve {
    url: String,
    root: PathBuf,
    out: PathBuf,
    site: Site,
    status: Arc<Status>,
    server: http::Server,
    watch: watch::Watch,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    say: Verbosity,
    /// The output folder's lock, held while serving: a `rapport build` into the same
    /// folder fails at once rather than swapping a folder away under the server.
    _lock: crate::site::OutputLock,
}

impl Serve {
    /// Checks the folders, listens on the port and starts watching. Nothing is built or
    /// answered before [`Serve::run`], so a Ctrl-C handler can be installed first.
    pub fn start(options: &Options) -> Result<Serve, ServeError> {
        let root = options
            .workspace
            .canonicalize()
            .ok()
            .filter(|r| r.is_dir())
            .ok_or_else(|| ServeError::NoWorkspace(display_path(&options.workspace)))?;
        crate::site::check_out_dir(&options.out, &options.workspace)?;
        let lock = crate::site::lock_output(&options.out)?;
        let out = std::path::absolute(&options.out).unwrap_or_else(|_| options.out.clone());
        let server = http::Server::bind(options.port).map_err(|detail| ServeError::Bind {
            port: options.port,
            detail,
        })?;
        let (sender, receiver) = mpsc::channel();
        let events = sender.clone();
        // Watch before building, so an edit made during the first build is not missed.
        let watch = watch::Watch::start(&root, move |event| {
            let _ = events.send(Message::File(event));
        })
        .map_err(|e| ServeError::Watch {
            path: display_path(&options.workspace),
            detail: e.to_string(),
        })?;
        let build_options = BuildOptions {
            history: options.history,
            ..BuildOptions::new(&options.out, options.as_of)
        };
        Ok(Serve {
            url: format!("http://{}/", server.addr()),
            root,
            out,
            site: Site::new(options.workspace.clone(), build_options),
            status: Arc::new(Status::new()),
            server,
            watch,
            sender,
            receiver,
            say: options.verbosity,
            _lock: lock,
        })
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.sender.clone())
    }

    /// Builds the whole site, starts answering requests, calls `ready` with the URL, then
    /// rebuilds on every change until stopped, and closes the server. A workspace with
    /// errors is served too: its problems are printed and shown in the browser until fixed.
    /// A stop asked for during a build takes effect when that build is done, so no
    /// half-written folder is left.
    pub fn run(mut self, ready: impl FnOnce(&str)) {
        let started = Instant::now();
        let result = self.site.full();
        report(&self.status, result, started, None, self.say);
        self.server
            .start(self.out.clone(), Arc::clone(&self.status));
        ready(&self.url);
        while let Some(changes) = self.next_changes() {
            if changes.contains(&Change::AccountsFolder) || changes.contains(&Change::Templates) {
                self.watch.refresh();
            }
            let started = Instant::now();
            let status = &self.status;
            // The first files a partial rebuild writes are the edited accounts' pages.
            let pages_done: Mutex<Option<Duration>> = Mutex::new(None);
            let written = |pages: Vec<String>| {
                if let Ok(mut done) = pages_done.lock() {
                    done.get_or_insert_with(|| started.elapsed());
                }
                if !pages.is_empty() {
                    status.publish(None, Some(pages.into_iter().collect()));
                }
            };
            let result = self.site.rebuild(&changes, &written);
            let pages_done = pages_done.into_inner().ok().flatten();
            report(&self.status, result, started, pages_done, self.say);
        }
        self.server.stop();
    }

    /// Waits for the next burst of changes that matter; `None` when asked to stop.
    fn next_changes(&self) -> Option<BTreeSet<Change>> {
        let mut changes = BTreeSet::new();
        let mut burst: Option<Burst> = None;
        loop {
            let message = match &burst {
                None => self.receiver.recv().ok()?,
                Some(burst) => {
                    let left = burst.deadline().saturating_duration_since(Instant::now());
                    match self.receiver.recv_timeout(left) {
                        Ok(message) => message,
                        Err(RecvTimeoutError::Timeout) => return Some(changes),
                        Err(RecvTimeoutError::Disconnected) => return None,
                    }
                }
            };
            let (found, settled) = match message {
                Message::Stop => return None,
                Message::File(Ok(event)) => (
                    watch::classify(&self.root, &self.out, &event),
                    watch::settles(&event.kind),
                ),
                Message::File(Err(e)) => {
                    note!("warning: file watching: {e}; rebuilding everything");
                    (vec![Change::Rescan], false)
                }
            };
            // Events that are not changes (our own reads) neither start nor extend a burst.
            if !found.is_empty() {
                changes.extend(found);
                burst
                    .get_or_insert_with(|| Burst::new(Instant::now()))
                    .note(Instant::now(), settled);
            }
        }
    }
}

/// A burst of file events, and when it is over.
struct Burst {
    first: Instant,
    quiet_until: Instant,
}

impl Burst {
    fn new(now: Instant) -> Burst {
        Burst {
            first: now,
            quiet_until: now + QUIET,
        }
    }

    /// A change at `now`. After one that completes a file (closed after writing, renamed
    /// into place, removed) a short silence is enough; while a file may still be being
    /// written, wait for the longer one.
    fn note(&mut self, now: Instant, settled: bool) {
        self.quiet_until = now + if settled { SETTLED_QUIET } else { QUIET };
    }

    /// When to rebuild if nothing else happens.
    fn deadline(&self) -> Instant {
        self.quiet_until.min(self.first + MAX_DELAY)
    }
}

/// Prints what a rebuild did and publishes it to the browser; `pages_done` is when a
/// partial rebuild had written the edited accounts' own pages.
fn report(
    status: &Status,
    result: Result<Outcome, Failure>,
    started: Instant,
    pages_done: Option<Duration>,
    say: Verbosity,
) {
    let elapsed = started.elapsed();
    match result {
        Ok(Outcome::Full(summary)) => {
            crate::report(&summary.warnings, Format::Human);
            if say == Verbosity::Quiet {
                status.publish(None, None);
                return;
            }
            note!(
                "built {} accounts: {} pages ({} files), {} warning(s), in {:.2} s",
                summary.accounts,
                summary.pages,
                summary.files,
                summary.warnings.len(),
                elapsed.as_secs_f64()
            );
            status.publish(None, None);
        }
        Ok(Outcome::Accounts {
            ids,
            written,
            removed,
            warnings,
        }) => {
            // Pages were published as they were written; what remains is leaving the error
            // state when the fix changed no page.
            if status.has_error() {
                status.publish(None, None);
            }
            crate::report(&warnings, Format::Human);
            if say == Verbosity::Verbose {
                for file in written.iter().chain(&removed) {
                    note!("  {}", display_path(std::path::Path::new(file)));
                }
            }
            if say == Verbosity::Quiet {
                return;
            }
            let pages_ms = pages_done.unwrap_or(elapsed).as_millis();
            note!(
                "rebuilt {}: {} file(s) written, {} removed; its pages in {pages_ms} ms, the portfolio in {} ms",
                ids.join(", "),
                written.len(),
                removed.len(),
                elapsed.as_millis()
            );
        }
        Ok(Outcome::Unchanged) => {
            if status.has_error() {
                if say != Verbosity::Quiet {
                    note!("fixed: the site is back to its last build");
                }
                status.publish(None, None);
            }
        }
        Err(Failure::Invalid(diagnostics)) => {
            crate::report(&diagnostics, Format::Human);
            note!("the site was not rebuilt; fix the file(s) above and save");
            status.publish(Some(diagnostics_text(&diagnostics)), None);
        }
        Err(Failure::Other(message)) => {
            note!("error: {message}");
            note!("the site was not rebuilt; the last good build is still served");
            status.publish(Some(format!("error: {message}\n")), None);
        }
    }
}

/// Diagnostics as the terminal shows them, for the error page.
fn diagnostics_text(diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    for d in diagnostics {
        let source = crate::load::source_of(d);
        text.push_str(&d.render(source.as_deref()));
        text.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    text.push_str(&format!(
        "error: {errors} error(s), {} warning(s)\n",
        diagnostics.len() - errors
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_ends_after_its_quiet_time_or_its_longest_delay() {
        let start = Instant::now();
        let ms = Duration::from_millis;
        let mut burst = Burst::new(start);
        assert_eq!(burst.deadline(), start + QUIET);
        burst.note(start + ms(5), true);
        assert_eq!(burst.deadline(), start + ms(5) + SETTLED_QUIET);
        burst.note(start + ms(8), false);
        assert_eq!(burst.deadline(), start + ms(8) + QUIET);
        burst.note(start + ms(490), false);
        assert_eq!(
            burst.deadline(),
            start + MAX_DELAY,
            "a stream of edits cannot starve"
        );
    }
}
