//! `rapport serve`: build, serve on 127.0.0.1, rebuild on change; Ctrl-C, SIGTERM or
//! SIGHUP stops it.

use crate::cli::{ServeArgs, Verbosity};
use crate::serve::{Options, Serve};
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long a stop waits for the build in progress before the process exits anyway. A
/// staging folder left by that build is removed by the next one, and the output's lock
/// goes with the process.
const GRACE: Duration = Duration::from_secs(3);

/// Writes a line on stderr, ignoring failure: after SIGHUP the terminal is gone, and a
/// write that fails (or a panic from `eprintln!`) must not keep the server alive.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

pub fn run(mut args: ServeArgs, say_level: Verbosity, today: chrono::NaiveDate) -> u8 {
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
        verbosity: say_level,
    };
    let serve = match Serve::start(&options) {
        Ok(serve) => serve,
        Err(e) => {
            say(&format!("error: {e}"));
            return crate::EXIT_INVALID;
        }
    };
    let stopper = serve.stopper();
    let pressed = AtomicBool::new(false);
    // The first signal asks the loop to stop after the build in progress, so no
    // half-written staging folder is left, and starts a timer that exits regardless after
    // GRACE; a second signal exits at once. Nothing here can block or fail before the stop
    // is asked for and the timer runs: the message is written last, errors ignored.
    let handler = ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        stopper.stop();
        let _ = std::thread::Builder::new()
            .name("rapport-stop".into())
            .spawn(|| {
                std::thread::sleep(GRACE);
                std::process::exit(130);
            });
        say("stopping (after the build in progress, if any; Ctrl-C again to stop at once)");
    });
    if let Err(e) = handler {
        say(&format!(
            "warning: Ctrl-C will not stop the server cleanly: {e}"
        ));
    }
    serve.run(|url| {
        let _ = writeln!(std::io::stdout(), "serving {url} (Ctrl-C to stop)");
        let _ = std::io::stdout().flush();
    });
    crate::EXIT_OK
}
