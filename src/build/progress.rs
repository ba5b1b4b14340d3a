//! The progress bar of a build on a terminal: accounts rendered, guarded and written so
//! far. It appears only when stderr is a terminal, the user did not ask for `--quiet`, and
//! the build has already taken longer than a moment (a small workspace builds without a
//! flicker); it is cleared before the summary line.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long a build runs before its progress is worth showing.
const A_MOMENT: Duration = Duration::from_millis(700);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    /// Whether the bar may ever be drawn.
    wanted: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// Progress over `accounts`, drawn only if `wanted` and stderr is a terminal.
    pub fn new(accounts: usize, wanted: bool) -> Progress {
        let bar =
            ProgressBar::with_draw_target(Some(accounts as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("building {bar:30} {pos}/{len} accounts ({eta} left)")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            wanted: wanted && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// One more account done.
    pub fn account_done(&self) {
        use std::sync::atomic::Ordering;
        if self.wanted
            && self.started.elapsed() > A_MOMENT
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    /// Clears the bar, so the summary line stands alone.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_even_when_nothing_is_drawn() {
        let progress = Progress::new(3, false);
        for _ in 0..3 {
            progress.account_done();
        }
        assert_eq!(progress.bar.position(), 3);
        assert!(!progress.shown.load(std::sync::atomic::Ordering::Relaxed));
        progress.finish();
    }
}
