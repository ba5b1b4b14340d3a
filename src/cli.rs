//! Command-line definitions (clap). Only argument shapes live here; `lib.rs` does the work.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// rapport turns a folder of account YAML files into account reviews, quarterly review
/// packs and joint commitment statements.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a workspace and report every problem at once.
    #[command(
        after_help = "Example:\n  rapport check sample-data\n  rapport check --format json . > problems.json"
    )]
    Check {
        /// The workspace folder (holds rapport.yaml and accounts/).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// Output format of the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Build the site: portfolio, account pages, review packs and shared statements.
    #[command(
        after_help = "Example:\n  rapport build sample-data --as-of 2026-11-26\n  rapport build . --out /tmp/site"
    )]
    Build {
        /// The workspace folder (holds rapport.yaml and accounts/).
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// Output folder (default: WORKSPACE/site).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The date that decides what is overdue, stale and current (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Output format of diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Like rustc: message, file:line:col, source line with a caret, and a hint.
    Human,
    /// One JSON document with every diagnostic, for editors and CI.
    Json,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-11-26"))
}
