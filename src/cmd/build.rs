//! `rapport build`: build the site and print a one-line summary.

use crate::build::{build, BuildError, BuildOptions};
use crate::cli::{BuildArgs, Verbosity};
use crate::diagnostic::display_path;
use crate::pdf::{PdfError, PdfOptions};
use std::sync::atomic::{AtomicBool, Ordering};

pub fn run(mut args: BuildArgs, say: Verbosity, today: chrono::NaiveDate) -> u8 {
    args.workspace = crate::load::find_workspace(&args.workspace);
    let options = BuildOptions {
        out: args
            .out
            .clone()
            .unwrap_or_else(|| args.workspace.join("site")),
        as_of: args.as_of.unwrap_or(today),
        history: !args.no_history,
        progress: say != Verbosity::Quiet,
        pdf: args.pdf.then(|| PdfOptions {
            chrome: args.chrome.clone(),
            progress: say != Verbosity::Quiet,
        }),
    };
    if options.pdf.is_some() {
        stop_printing_on_ctrl_c();
    }
    if say == Verbosity::Verbose {
        eprintln!(
            "workspace: {}\nas of: {}\noutput: {}{}",
            display_path(&args.workspace),
            options.as_of,
            display_path(&options.out),
            if options.history {
                ""
            } else {
                "\ngit history: left out (--no-history)"
            }
        );
    }
    let started = std::time::Instant::now();
    match build(&args.workspace, &options) {
        Ok(summary) => {
            crate::report(&summary.warnings, args.format);
            if say == Verbosity::Quiet {
                return crate::EXIT_OK;
            }
            if let Some(printed) = summary.printed {
                let seconds = printed.elapsed.as_secs_f64();
                eprintln!(
                    "printed {} PDFs in {seconds:.1} s ({:.1} pages/s)",
                    printed.pdfs,
                    printed.pdfs as f64 / seconds.max(0.001)
                );
            }
            eprintln!(
                "built {}: {} pages ({} files), {} warning(s), in {:.2} s\nopen {}",
                plural(summary.accounts, "account"),
                summary.pages,
                summary.files,
                summary.warnings.len(),
                started.elapsed().as_secs_f64(),
                display_path(&options.out.join("internal").join("index.html"))
            );
            crate::EXIT_OK
        }
        Err(BuildError::Invalid(diagnostics)) => {
            crate::report(&diagnostics, args.format);
            crate::EXIT_INVALID
        }
        Err(BuildError::Render(e)) => {
            crate::report(std::slice::from_ref(&*e.diagnostic), args.format);
            eprintln!("the page that failed: {}", e.page);
            eprintln!("nothing was written; the previous site, if any, is unchanged");
            crate::EXIT_INVALID
        }
        Err(BuildError::Pdf(PdfError::Interrupted)) => {
            eprintln!("interrupted: nothing was written; the previous site, if any, is unchanged");
            EXIT_INTERRUPTED
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("nothing was written; the previous site, if any, is unchanged");
            crate::EXIT_INVALID
        }
    }
}

/// The shell's code for a process ended by SIGINT (128 + 2).
const EXIT_INTERRUPTED: u8 = 130;

/// Ctrl-C or SIGTERM while PDFs print: the first asks the printer to stop, which closes
/// the browser and removes the staging folder and temporary copies on its way out (the
/// default would end rapport and leave all three behind); a second one ends at once.
fn stop_printing_on_ctrl_c() {
    let pressed = AtomicBool::new(false);
    let handler = ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
        crate::pdf::interrupt();
    });
    if let Err(e) = handler {
        eprintln!("warning: Ctrl-C may leave a browser and a staging folder behind: {e}");
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
