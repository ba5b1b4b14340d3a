//! `rapport init [DIR]`: make a new workspace and say what to run next.

use crate::cli::InitArgs;
use crate::diagnostic::display_path;
use crate::scaffold::{self, shell_word, Created};
use std::io::Write as _;
use std::path::Path;

pub fn run(args: InitArgs) -> u8 {
    match scaffold::init(&args.dir) {
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
    let width = created
        .iter()
        .map(|c| display_path(&c.path).len())
        .max()
        .unwrap_or(0);
    let mut out = format!("Created a rapport workspace in {}:\n", display_path(dir));
    for file in created {
        out.push_str(&format!(
            "  {:width$}  {}\n",
            display_path(&file.path),
            file.purpose
        ));
    }
    let config = display_path(&dir.join(crate::load::CONFIG_FILE));
    out.push_str(&format!(
        "\nNext:\n  \
         1. Put your company's name in {config} (`organisation`).\n  \
         2. Add an account:        rapport new northwind-supply --kind supplier{ws_flag}\n  \
         3. Preview as you edit:   rapport serve{ws}\n  \
         4. Build the site:        rapport build{ws}\n"
    ));
    out
}
