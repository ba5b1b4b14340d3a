//! `rapport new ID`: add an account file from the commented template.

use crate::cli::{KindArg, NewArgs, Verbosity};
use crate::model::AccountKind;
use crate::scaffold::{self, shell_word, NewAccount};
use std::io::Write as _;
use std::path::Path;

pub fn run(args: NewArgs, say: Verbosity) -> u8 {
    let kind = match args.kind {
        KindArg::Customer => AccountKind::Customer,
        KindArg::Supplier => AccountKind::Supplier,
        KindArg::Partner => AccountKind::Partner,
    };
    let request = NewAccount {
        id: &args.id,
        kind,
        name: args.name.as_deref(),
    };
    let workspace = crate::load::find_workspace(&args.workspace);
    match scaffold::new_account(&workspace, request) {
        Ok(_) if say == Verbosity::Quiet => crate::EXIT_OK,
        Ok(created) => {
            let mut out = format!("Created:\n{}", super::init::listing(&created));
            let ws = if workspace == Path::new(".") {
                String::new()
            } else {
                format!(" {}", shell_word(&workspace))
            };
            out.push_str(&format!(
                "Next: `rapport check{ws}`, or `rapport serve{ws}` to watch the pages as you edit.\n"
            ));
            // One write, errors ignored: `println!` would panic if stdout is a closed pipe.
            let _ = std::io::stdout().write_all(out.as_bytes());
            crate::EXIT_OK
        }
        Err(e) => {
            eprint!("{}", e.to_diagnostic().render(None));
            crate::EXIT_INVALID
        }
    }
}
