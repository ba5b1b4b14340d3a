//! `rapport diff` (being built; see the issue tracker).

pub fn run(args: crate::cli::DiffArgs) -> u8 {
    let _ = args;
    eprintln!("error: `rapport diff` is not available in this build yet");
    crate::EXIT_USAGE
}
