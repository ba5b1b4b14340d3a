//! `rapport build`: build the site and print a one-line summary.

use crate::build::{build, BuildError, BuildOptions};
use crate::cli::{BuildArgs, Verbosity};
use crate::diagnostic::display_path;
use crate::pdf::PdfOptions;

pub fn run(mut args: BuildArgs, say: Verbosity, today: chrono::NaiveDate) -> u8 {
    args.workspace = crate::load::find_workspace(&args.workspace);
    let options = BuildOptions {
        out: args
            .out
            .clone()
            .unwrap_or_else(|| args.workspace.join("site")),
        as_of: args.as_of.unwrap_or(today),
        history: !args.no_history,
        pdf: args.pdf.then(|| PdfOptions {
            chrome: args.chrome.clone(),
        }),
    };
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
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("nothing was written; the previous site, if any, is unchanged");
            crate::EXIT_INVALID
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
