//! `rapport check`: validate a workspace and print every problem.

use crate::cli::CheckArgs;

/// `today` places "overdue" and the current quarter when template overrides are tried.
pub fn run(args: CheckArgs, today: chrono::NaiveDate) -> u8 {
    let (workspace, mut diagnostics) = crate::check(&args.workspace);
    if let Some(workspace) = workspace {
        diagnostics.extend(crate::build::check_overrides(
            &args.workspace,
            workspace,
            today,
        ));
        crate::diagnostic::sort(&mut diagnostics);
    }
    crate::report(&diagnostics, args.format);
    crate::exit_code(&diagnostics)
}
