//! What the browser tests share: finding Chromium, or saying loudly that a test did not run.
//!
//! Where no Chromium is installed a browser test prints `SKIPPED: …` and passes, unless
//! RAPPORT_REQUIRE_BROWSER=1 (set by .ci/run), where it fails.

use std::io::Write;
use std::path::PathBuf;

/// Whether CI asked for every browser test to run.
pub fn browser_required() -> bool {
    std::env::var("RAPPORT_REQUIRE_BROWSER").as_deref() == Ok("1")
}

/// Says on stderr that `test` did not run for want of `what`. Straight to stderr: libtest
/// hides `eprintln!` output of passing tests, and a skip must be seen.
pub fn skipped(test: &str, what: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {what} not found; {test} did not run"
    );
}

/// The installed browser, or `None` after saying the test is skipped.
pub fn browser_or_skip(test: &str) -> Option<PathBuf> {
    match rapport::pdf::find_browser(None) {
        Ok(path) => Some(path),
        Err(e) if browser_required() => panic!("RAPPORT_REQUIRE_BROWSER=1 but no browser: {e}"),
        Err(_) => {
            skipped(test, "chromium (install it, or set CHROME)");
            None
        }
    }
}
