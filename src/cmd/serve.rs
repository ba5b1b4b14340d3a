//! `rapport serve`: build, serve on 127.0.0.1, rebuild on change; Ctrl-C stops it.

use crate::cli::{ServeArgs, Verbosity};
use crate::serve::{Options, Serve};
use std::sync::atomic::{AtomicBool, Ordering};

pub fn run(mut args: ServeArgs, say: Verbosity, today: chrono::NaiveDate) -> u8 {
    args.workspace = crate::load::find_workspace(&args.workspace);
    let options = Options {
        out: args
            .out
            .clone()
            .unwrap_or_else(|| args.workspace.join("site")),
        workspace: args.workspace,
        as_of: args.as_of.unwrap_or(today),
        port: args.port,
        history: true,
        verbosity: say,
    };
    let serve = match Serve::start(&options) {
        Ok(serve) => serve,
        Err(e) => {
            eprintln!("error: {e}");
            return crate::EXIT_INVALID;
        }
    };
    let stopper = serve.stopper();
    let pressed = AtomicBool::new(false);
    // The first Ctrl-C lets the build in progress finish, so no half-written staging
    // folder is left; a second one stops at once.
    let handler = ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            eprintln!(
                "stopped at once: a build that was running may have left a `.*.rapport-new-*` folder beside the output folder; delete it"
            );
            std::process::exit(130);
        }
        eprintln!("stopping (after the build in progress, if any; Ctrl-C again to stop at once)");
        stopper.stop();
    });
    if let Err(e) = handler {
        eprintln!("warning: Ctrl-C will not stop the server cleanly: {e}");
    }
    serve.run(|url| println!("serving {url} (Ctrl-C to stop)"));
    crate::EXIT_OK
}
