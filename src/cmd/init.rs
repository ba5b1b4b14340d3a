//! `rapport init` (being built; see the issue tracker).

pub fn run(args: crate::cli::InitArgs) -> u8 {
    let _ = args;
    eprintln!("error: `rapport init` is not available in this build yet");
    crate::EXIT_USAGE
}
