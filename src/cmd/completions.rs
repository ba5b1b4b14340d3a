//! `rapport completions SHELL`: a completion script for bash, zsh, fish, elvish or PowerShell.

use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;

pub fn run(args: CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    // Generated into memory first: clap_complete panics on a closed pipe (`| head`).
    let mut buffer = Vec::new();
    clap_complete::generate(args.shell, &mut command, "rapport", &mut buffer);
    let _ = std::io::Write::write_all(&mut std::io::stdout(), &buffer);
    crate::EXIT_OK
}
