//! `rapport new` (being built; see the issue tracker).

pub fn run(args: crate::cli::NewArgs) -> u8 {
    let _ = args;
    eprintln!("error: `rapport new` is not available in this build yet");
    crate::EXIT_USAGE
}
