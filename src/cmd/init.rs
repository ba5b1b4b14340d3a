//! `rapport init [DIR]`: make a new workspace and say what to run next.

use crate::cli::{InitArgs, Verbosity};
use crate::diagnostic::display_path;
use crate::scaffold::{self, shell_word, shown, Created};
use std::io::Write as _;
use std::path::Path;

pub fn run(args: InitArgs, say: Verbosity) -> u8 {
    match scaffold::init(&args.dir) {
        Ok(_) if say == Verbosity::Quiet => crate::EXIT_OK,
        Ok(created) => {
            // One write, errors ignored: `print!` would panic if stdout is a closed pipe.
            let _ = std::io::stdout().write_all(summary(&args.dir, &created).as_bytes());
            crate::EXIT_OK
        }
        Err(e) => {
            eprint!("{}", e.to_diagnostic().render(None));
            crate::EXIT_INVALID
        }
    }
}

/// The files written and the next commands, with the workspace argument spelled as the
/// user can paste it (left out when it is the current folder).
fn summary(dir: &Path, created: &[Created]) -> String {
    let here = dir == Path::new(".");
    let (ws, ws_flag) = if here {
        (String::new(), String::new())
    } else {
        (
            format!(" {}", shell_word(dir)),
            format!(" --workspace {}", shell_word(dir)),
        )
    };
    let place = if here {
        "the current folder".to_string()
    } else {
        display_path(dir)
    };
    let mut out = format!(
        "Created a rapport workspace in {place}:\n{}",
        listing(created)
    );
    let config = shown(&dir.join(crate::load::CONFIG_FILE));
    out.push_str(&format!(
        "\nNext:\n  \
         1. Put your company's name in {config} (`organisation`).\n  \
         2. Add an account:        rapport new northwind-supply --kind supplier{ws_flag}\n  \
         3. Preview as you edit:   rapport serve{ws}\n  \
         4. Build the site:        rapport build{ws}\n"
    ));
    out
}

/// One line per file written: its path, then what it is for, in aligned columns.
pub(crate) fn listing(created: &[Created]) -> String {
    let width = created
        .iter()
        .map(|c| shown(&c.path).len())
        .max()
        .unwrap_or(0);
    created
        .iter()
        .map(|c| format!("  {:width$}  {}\n", shown(&c.path), c.purpose))
        .collect()
}
