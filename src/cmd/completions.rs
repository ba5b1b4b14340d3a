//! `rapport completions SHELL`: a completion script for bash, zsh, fish, elvish or PowerShell.

use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;

pub fn run(args: CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "rapport", &mut std::io::stdout());
    crate::EXIT_OK
}
