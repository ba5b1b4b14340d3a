//! `gen-portfolio`: writes a deterministic synthetic rapport workspace for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen-portfolio -- --accounts 10000 --out /tmp/portfolio --seed 1
//! cargo run --release -- build /tmp/portfolio --out /tmp/site --as-of 2026-11-26
//! ```
//!
//! The same `--accounts` and `--seed` always give the same bytes, and account `i` is the
//! same whatever `--accounts` is, so a 1,000-account portfolio is a prefix of a
//! 10,000-account one.

// Shared with benches/pipeline.rs; some of it (the checks) only the tests use.
#[allow(dead_code)]
#[path = "gen/mod.rs"]
mod generator;

// The generator's tests live beside it but run with this example (`test = true` in
// Cargo.toml), not with the benches that share the module.
#[cfg(test)]
#[path = "gen/tests.rs"]
mod tests;

use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Writes a synthetic rapport workspace: rapport.yaml and accounts/*.yaml.
#[derive(Debug, Parser)]
#[command(name = "gen-portfolio")]
struct Args {
    /// How many accounts to write.
    #[arg(long, required_unless_present = "write_floor_from")]
    accounts: Option<usize>,
    /// The workspace folder: new, empty, or an earlier gen-portfolio output.
    #[arg(long)]
    out: PathBuf,
    /// Different seeds give different portfolios of the same shape.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Instead of generating: copy the built site SITE into the new folder --out and
    /// report how long writing its files took (the write floor of bench/run.sh).
    #[arg(long, value_name = "SITE", conflicts_with = "accounts")]
    write_floor_from: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(site) = &args.write_floor_from {
        return write_floor(site, &args.out);
    }
    let accounts = args.accounts.unwrap_or_default();
    let started = std::time::Instant::now();
    match generator::write_workspace(&args.out, accounts, args.seed) {
        Ok(summary) => {
            let mean = summary.bytes / summary.accounts.max(1) as u64;
            eprintln!(
                "wrote {} accounts ({:.1} MiB, {mean} bytes per account on average) to {} in {:.2} s; digest {:016x}",
                summary.accounts,
                summary.bytes as f64 / (1024.0 * 1024.0),
                args.out.display(),
                started.elapsed().as_secs_f64(),
                summary.digest,
            );
            eprintln!(
                "build it with: rapport build {} --as-of {}",
                args.out.display(),
                generator::ANCHOR
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_floor(site: &Path, out: &Path) -> ExitCode {
    match generator::floor::measure(site, out) {
        Ok(floor) => {
            // One line on stdout for scripts: files, bytes, seconds.
            println!(
                "{} {} {:.3}",
                floor.files,
                floor.bytes,
                floor.write.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot measure the write floor: {e}");
            ExitCode::from(1)
        }
    }
}
