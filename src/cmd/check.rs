//! `rapport check`: validate a workspace and print every problem.

use crate::cli::CheckArgs;

pub fn run(args: CheckArgs) -> u8 {
    let (_, diagnostics) = crate::check(&args.workspace);
    crate::report(&diagnostics, args.format);
    crate::exit_code(&diagnostics)
}
