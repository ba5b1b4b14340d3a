//! `rapport serve` (being built; see the issue tracker).

pub fn run(args: crate::cli::ServeArgs, today: chrono::NaiveDate) -> u8 {
    let _ = today;
    let _ = args;
    eprintln!("error: `rapport serve` is not available in this build yet");
    crate::EXIT_USAGE
}
