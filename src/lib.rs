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
pub mod i18n;
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
#[cfg(test)]
mod test_support;
pub mod validate;
pub mod view;
pub mod workspace_file;
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
    let _ = COLOR.set(choose_color(cli.global.color));
    let _ = QUIET.set(cli.global.quiet);
    let say = cli.global.verbosity();
    match cli.command {
        Command::Check(args) => cmd::check::run(args, say, today),
        Command::Build(args) => cmd::build::run(args, say, today),
        Command::Init(args) => cmd::init::run(args, say),
        Command::New(args) => cmd::new::run(args, say),
        Command::Serve(args) => cmd::serve::run(args, say, today),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Diff(args) => cmd::diff::run(args, say),
        Command::Statement(args) => cmd::statement::run(args, today),
    }
}

/// Loads and validates a workspace. The workspace is returned only when it has no errors.
/// Template overrides are checked too: a build would fail on them.
pub fn check(root: &Path) -> (Option<Workspace>, Vec<Diagnostic>) {
    let checked = check_for_build(root);
    (checked.workspace, checked.diagnostics)
}

/// What [`check_for_build`] found.
pub struct Checked {
    /// The workspace, when it has no errors.
    pub workspace: Option<Workspace>,
    /// The renderer of the workspace's templates, when they have no errors.
    pub renderer: Option<render::Renderer>,
    pub diagnostics: Vec<Diagnostic>,
}

/// [`check`], keeping the renderer that checking the templates made, for the build that
/// follows. The templates are read while the account files are.
pub fn check_for_build(root: &Path) -> Checked {
    let ((renderer, mut templates), loaded) = rayon::join(
        || render::check_templates(&root.join("templates")),
        || load::load(root),
    );
    if root.to_str().is_none() {
        // Every path printed starts with the workspace's; say once why they look wrong.
        templates.push(non_utf8_name(root));
    }
    let (workspace, mut diagnostics) = match loaded {
        Ok(loaded) => loaded,
        Err(unloaded) => {
            // The account files that parsed are still checked, so that a broken
            // rapport.yaml does not hide their problems until it is fixed.
            let mut diagnostics = unloaded.problems;
            diagnostics.extend(validate::validate_files(&unloaded.accounts));
            diagnostics.extend(templates);
            return Checked {
                workspace: None,
                renderer,
                diagnostics: sorted(diagnostics),
            };
        }
    };
    diagnostics.extend(validate::validate(&workspace));
    diagnostics.extend(templates);
    let diagnostics = sorted(diagnostics);
    let workspace = (!diagnostics.iter().any(Diagnostic::is_error)).then_some(workspace);
    Checked {
        workspace,
        renderer,
        diagnostics,
    }
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.extend(non_utf8_names(&diagnostics));
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

/// Whether human output to stderr is coloured; set once by [`run`] from `--color`.
static COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
/// Whether `--quiet` leaves out the count line under the diagnostics; set once by [`run`].
static QUIET: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Decides colour for this process: `--color always|never`, or for `auto` a terminal on
/// stderr, `NO_COLOR` unset or empty (no-color.org) and a `TERM` other than `dumb`.
pub fn choose_color(choice: cli::ColorChoice) -> bool {
    use std::io::IsTerminal as _;
    match choice {
        cli::ColorChoice::Always => true,
        cli::ColorChoice::Never => false,
        cli::ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                && std::io::stderr().is_terminal()
        }
    }
}

/// Prints diagnostics: for people on stderr (like rustc, with the source line), as JSON,
/// GitHub workflow commands or SARIF on stdout.
pub fn report(diagnostics: &[Diagnostic], format: Format) {
    use std::io::Write as _;
    let sources = Sources::default();
    let machine = |text: String| {
        // One write, errors ignored: a closed pipe must not panic the run.
        let _ = std::io::stdout().write_all(text.as_bytes());
    };
    let ends = || -> Vec<_> {
        diagnostics
            .iter()
            .map(|d| d.end(sources.of(d).as_deref()))
            .collect()
    };
    match format {
        Format::Human => {
            let color = *COLOR.get().unwrap_or(&false);
            let mut text = String::new();
            for d in diagnostics {
                text.push_str(&d.render_styled(sources.of(d).as_deref(), color));
                text.push('\n');
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            if errors > 0 && !*QUIET.get().unwrap_or(&false) {
                let label = if color {
                    "\u{1b}[1;31merror\u{1b}[0m"
                } else {
                    "error"
                };
                text.push_str(&format!(
                    "{label}: {errors} error(s), {warnings} warning(s)\n"
                ));
            }
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Format::Json => machine(diagnostic::json(diagnostics, &ends()) + "\n"),
        Format::Github => machine(diagnostic::github(diagnostics, &ends())),
        Format::Sarif => machine(diagnostic::sarif(diagnostics, &ends()) + "\n"),
    }
}

/// A warning that `path`'s name is not UTF-8, so every output shows it lossily.
fn non_utf8_name(path: &Path) -> Diagnostic {
    Diagnostic::warning(
        diagnostic::Code::NonUtf8Name,
        path,
        "this name is not UTF-8: it is shown with `\u{fffd}` in place of the bytes that are not",
    )
    .help("rename it to a UTF-8 name, so that messages and reports show it as it is")
}

/// One [`non_utf8_name`] warning for each file that diagnostics name whose own name (not
/// only its workspace folder's) is not UTF-8.
fn non_utf8_names(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut names = std::collections::BTreeSet::new();
    for d in diagnostics {
        if d.code == diagnostic::Code::NonUtf8Name {
            continue;
        }
        if d.file.file_name().is_some_and(|n| n.to_str().is_none()) {
            names.insert(d.file.clone());
        }
    }
    names.into_iter().map(|p| non_utf8_name(&p)).collect()
}

/// The text of each file diagnostics point into, read once per file.
#[derive(Default)]
struct Sources(
    std::cell::RefCell<std::collections::HashMap<std::path::PathBuf, Option<std::rc::Rc<str>>>>,
);

impl Sources {
    fn of(&self, d: &Diagnostic) -> Option<std::rc::Rc<str>> {
        d.position?;
        let mut cache = self.0.borrow_mut();
        cache
            .entry(d.file.clone())
            .or_insert_with(|| load::source_of(d).map(std::rc::Rc::from))
            .clone()
    }
}
