//! The `rapport` binary: parse arguments, run, map the outcome to an exit code
//! (0 ok, 1 invalid input, 2 usage).

use clap::Parser;
use std::process::ExitCode;

// A build allocates millions of short-lived strings from two rayon threads; glibc's
// malloc serialises them on its arenas and took a fifth of the profile. jemalloc's
// thread caches halve the build's CPU time (figures in bench/README.md).
// jemalloc does not support MSVC, where the system allocator stays.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
