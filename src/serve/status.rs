//! What the rebuilds publish to the server: the site version the reload script compares,
//! the problems shown while the workspace does not build, and which pages recent rebuilds
//! wrote, so an open page reloads only when it changed.

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The published state of the site: its version, which the reload script compares; the
/// problems that stopped the last rebuild, if it failed; and which pages recent rebuilds
/// wrote, so that an open page reloads only when it changed.
pub struct Status {
    current: Mutex<Published>,
    changed: Condvar,
    /// Differs between runs, so a page left open across a restart reloads.
    run: u32,
}

struct Published {
    generation: u64,
    error: Option<String>,
    /// The latest rebuilds, oldest first: their generation and the files they wrote or
    /// removed (`None`: possibly every page, as after a full build or an error).
    recent: VecDeque<(u64, Option<BTreeSet<String>>)>,
}

/// Rebuilds remembered for [`Status::wait_for_change`]; a page older than all of them
/// reloads.
const RECENT: usize = 64;

impl Status {
    pub fn new() -> Status {
        Status {
            current: Mutex::new(Published {
                generation: 0,
                error: None,
                recent: VecDeque::new(),
            }),
            changed: Condvar::new(),
            run: std::process::id(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Published> {
        // Plain data updated in one step; a panicked writer cannot leave it half-updated.
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn version_of(&self, generation: u64) -> String {
        format!("{}-{generation}", self.run)
    }

    /// The current version.
    pub fn version(&self) -> String {
        self.version_of(self.lock().generation)
    }

    /// The current version and error, read together.
    pub fn snapshot(&self) -> (String, Option<String>) {
        let published = self.lock();
        (
            self.version_of(published.generation),
            published.error.clone(),
        )
    }

    /// A new version of the site. `pages` are the files written or removed (relative to
    /// the output folder); `None` means any page may have changed. `error` is the text
    /// shown instead of every page until the next good rebuild.
    pub fn publish(&self, error: Option<String>, pages: Option<BTreeSet<String>>) {
        let mut published = self.lock();
        published.generation += 1;
        // Entering or leaving the error state changes every page.
        let everything = error.is_some() || published.error.is_some();
        let generation = published.generation;
        published
            .recent
            .push_back((generation, pages.filter(|_| !everything)));
        while published.recent.len() > RECENT {
            published.recent.pop_front();
        }
        published.error = error;
        self.changed.notify_all();
    }

    pub fn has_error(&self) -> bool {
        self.lock().error.is_some()
    }

    /// Waits up to `timeout` until the page at `page` (a file path relative to the output
    /// folder; `None`: any page) served at version `since` is out of date. Returns the
    /// version to reload at, or `since` when the page is still current.
    pub fn wait_for_change(&self, since: &str, page: Option<&str>, timeout: Duration) -> String {
        let published = self.lock();
        let (published, _) = self
            .changed
            .wait_timeout_while(published, timeout, |p| !self.outdated(p, since, page))
            .unwrap_or_else(|e| e.into_inner());
        if self.outdated(&published, since, page) {
            self.version_of(published.generation)
        } else {
            since.to_string()
        }
    }

    fn outdated(&self, published: &Published, since: &str, page: Option<&str>) -> bool {
        let Some(served) = since
            .strip_prefix(&format!("{}-", self.run))
            .and_then(|g| g.parse::<u64>().ok())
        else {
            return true;
        };
        if served >= published.generation {
            return served > published.generation;
        }
        let Some(page) = page else { return true };
        let remembered = published
            .recent
            .front()
            .is_some_and(|(oldest, _)| *oldest <= served + 1);
        !remembered
            || published
                .recent
                .iter()
                .filter(|(generation, _)| *generation > served)
                .any(|(_, pages)| pages.as_ref().is_none_or(|p| p.contains(page)))
    }
}

impl Default for Status {
    fn default() -> Status {
        Status::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_waiting_poll_returns_when_a_rebuild_is_published() {
        let status = Arc::new(Status::new());
        status.publish(None, None);
        let first = status.version();
        let long = Duration::from_secs(30);
        assert_eq!(
            status.wait_for_change("an older run", None, long),
            first,
            "a version from another run returns at once"
        );
        let publisher = Arc::clone(&status);
        let waiter = std::thread::spawn(move || {
            // Published from here on: the poll below may start before or after it.
            publisher.publish(Some("error: broken\n".into()), None);
        });
        let next = status.wait_for_change(&first, None, long);
        waiter.join().ok();
        assert_ne!(next, first);
        let (version, error) = status.snapshot();
        assert_eq!(version, next);
        assert_eq!(error.as_deref(), Some("error: broken\n"));
    }

    #[test]
    fn an_open_page_reloads_only_when_a_rebuild_wrote_it() {
        let status = Status::new();
        status.publish(None, None);
        let served = status.version();
        let page = |p: &str| Some(p.to_string());
        let pages = |list: &[&str]| Some(list.iter().map(|p| p.to_string()).collect());
        status.publish(None, pages(&["internal/accounts/a/index.html"]));
        let short = Duration::from_millis(1);
        let b = Some("internal/accounts/b/index.html");
        assert_eq!(
            status.wait_for_change(&served, b, short),
            served,
            "b is current"
        );
        let a = page("internal/accounts/a/index.html");
        assert_eq!(
            status.wait_for_change(&served, a.as_deref(), short),
            status.version()
        );
        status.publish(Some("error: x\n".into()), pages(&["internal/index.html"]));
        assert_ne!(
            status.wait_for_change(&served, b, short),
            served,
            "an error changes every page"
        );
        let now = status.version();
        for _ in 0..RECENT + 1 {
            status.publish(None, pages(&["internal/index.html"]));
        }
        assert_ne!(
            status.wait_for_change(&now, b, short),
            now,
            "a page older than what is remembered reloads"
        );
    }
}
