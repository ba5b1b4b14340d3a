//! rapport: a static report generator for business relationships.
//!
//! A build runs these steps, each in its own module, data flowing one way:
//!
//! 1. [`load`]: `rapport.yaml` and every account file, through [`yaml`];
//! 2. [`validate`]: every rule, every problem of every file in one run ([`check`] is 1 + 2,
//!    plus the workspace's template overrides, compiled by [`render`]);
//! 3. [`analyze`] and [`history`]: figures, alerts, health; what changed between reviews;
//! 4. [`view`]: one view model per page and audience, the only place deciding who sees what;
//! 5. [`render`]: tera 2, every page from `templates/`, with [`format`](mod@format) below it;
//! 6. [`leak`]: every shared file searched for the account's internal text;
//! 7. [`site`]: a staging folder, swapped in whole; paths from [`paths`].
//!
//! [`build`] strings steps 3 to 7 together for `rapport build` and `rapport serve`.

pub mod analyze;
pub mod build;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod format;
pub mod history;
pub mod leak;
pub mod linkcheck;
pub mod load;
pub mod model;
pub mod paths;
pub mod pdf;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod suggest;
pub mod validate;
pub mod view;
pub mod yaml;

use cli::{Cli, Command, Format};
use diagnostic::Diagnostic;
use model::Workspace;
use std::path::Path;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for invalid input.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Runs one command; `today` is the only clock reading, used as the default `--as-of`.
pub fn run(cli: Cli, today: chrono::NaiveDate) -> u8 {
    match cli.command {
        Command::Check(args) => cmd::check::run(args, today),
        Command::Build(args) => cmd::build::run(args, today),
        Command::Init(args) => cmd::init::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Serve(args) => cmd::serve::run(args, today),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Diff(args) => cmd::diff::run(args),
    }
}

/// Loads and validates a workspace. The workspace is returned only when it has no errors.
/// Template overrides are checked too: a build would fail on them.
pub fn check(root: &Path) -> (Option<Workspace>, Vec<Diagnostic>) {
    let templates = render::check_templates(&root.join("templates"));
    let (workspace, mut diagnostics) = match load::load(root) {
        Ok(loaded) => loaded,
        Err(unloaded) => {
            // The account files that parsed are still checked, so that a broken
            // rapport.yaml does not hide their problems until it is fixed.
            let mut diagnostics = unloaded.problems;
            diagnostics.extend(validate::validate_files(&unloaded.accounts));
            diagnostics.extend(templates);
            return (None, sorted(diagnostics));
        }
    };
    diagnostics.extend(validate::validate(&workspace));
    diagnostics.extend(templates);
    let diagnostics = sorted(diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        (None, diagnostics)
    } else {
        (Some(workspace), diagnostics)
    }
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostic::sort(&mut diagnostics);
    diagnostics
}

pub fn exit_code(diagnostics: &[Diagnostic]) -> u8 {
    if diagnostics.iter().any(Diagnostic::is_error) {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

/// Prints diagnostics to stderr (human) or stdout (JSON), with the source line where known.
pub fn report(diagnostics: &[Diagnostic], format: Format) {
    match format {
        Format::Human => {
            for d in diagnostics {
                let source = load::source_of(d);
                eprint!("{}", d.render(source.as_deref()));
                eprintln!();
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            if errors > 0 {
                eprintln!("error: {errors} error(s), {warnings} warning(s)");
            }
        }
        Format::Json => {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let doc = serde_json::json!({
                "errors": errors,
                "warnings": diagnostics.len() - errors,
                "diagnostics": diagnostics,
            });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
}
