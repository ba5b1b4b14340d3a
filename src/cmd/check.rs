//! `rapport check`: validate a workspace and print every problem.

use crate::cli::{CheckArgs, Format, Verbosity};
use crate::diagnostic::{display_path, Diagnostic};

/// `today` places "overdue" and the current quarter when template overrides are tried.
pub fn run(args: CheckArgs, say: Verbosity, today: chrono::NaiveDate) -> u8 {
    let started = std::time::Instant::now();
    let root = crate::load::find_workspace(&args.workspace);
    if say == Verbosity::Verbose {
        eprintln!("workspace: {}", display_path(&root));
    }
    let checked = crate::check_for_build(&root);
    let mut diagnostics = checked.diagnostics;
    let accounts = checked.workspace.as_ref().map(|w| w.accounts.len());
    if let Some(workspace) = checked.workspace {
        diagnostics.extend(crate::build::check_overrides(
            &root,
            workspace,
            checked.renderer,
            today,
        ));
        crate::diagnostic::sort(&mut diagnostics);
    }
    crate::report(&diagnostics, args.format);
    let warnings = diagnostics.iter().filter(|d| !d.is_error()).count();
    let failed =
        diagnostics.iter().any(Diagnostic::is_error) || (args.deny_warnings && warnings > 0);
    if say == Verbosity::Verbose {
        eprintln!("checked in {} ms", started.elapsed().as_millis());
    }
    if let (Some(accounts), false, Format::Human, false) =
        (accounts, failed, args.format, say == Verbosity::Quiet)
    {
        eprintln!(
            "ok: {}, {}",
            count(accounts, "account"),
            count(warnings, "warning")
        );
    } else if failed && args.deny_warnings && !diagnostics.iter().any(Diagnostic::is_error) {
        eprintln!("error: {} and --deny-warnings", count(warnings, "warning"));
    }
    if failed {
        crate::EXIT_INVALID
    } else {
        crate::EXIT_OK
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
