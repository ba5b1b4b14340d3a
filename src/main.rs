//! The `rapport` binary: parse arguments, run, map the outcome to an exit code
//! (0 ok, 1 invalid input, 2 usage).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match rapport::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let today = chrono::Local::now().date_naive();
    ExitCode::from(rapport::run(cli, today))
}
