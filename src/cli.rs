//! Command-line definitions (clap). Only argument shapes live here; `cmd/` wires each
//! subcommand to the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// rapport turns a folder of account YAML files into account reviews, quarterly review
/// packs and joint commitment statements.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every command takes.
#[derive(Debug, Clone, Copy, Args)]
pub struct GlobalArgs {
    /// Print problems and results only: no success, summary or progress lines.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more: the workspace found, and what each step did and how long it took.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to colour terminal output: auto (when stderr is a terminal and NO_COLOR is not
    /// set), always or never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl GlobalArgs {
    /// How much to say.
    pub fn verbosity(self) -> Verbosity {
        if self.quiet {
            Verbosity::Quiet
        } else if self.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}

/// How much a command says besides its problems and results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a workspace and report every problem at once.
    #[command(
        after_help = "Examples:\n  rapport check sample-data\n  rapport check --format json . > problems.json\n  rapport check --format github --deny-warnings\n  rapport check --format sarif > rapport.sarif"
    )]
    Check(CheckArgs),
    /// Build the site: portfolio, account pages, review packs and shared statements.
    #[command(
        after_help = "Examples:\n  rapport build sample-data\n  rapport build . --out /tmp/site --as-of 2026-11-26\n  rapport build . --pdf"
    )]
    Build(BuildArgs),
    /// Create a new workspace with a commented rapport.yaml and one example account.
    #[command(after_help = "Example:\n  rapport init my-accounts && rapport build my-accounts")]
    Init(InitArgs),
    /// Add an account file from a commented template.
    #[command(
        after_help = "Example:\n  rapport new northwind-supply --kind supplier --name \"Northwind Supply Co.\""
    )]
    New(NewArgs),
    /// Build, serve the site on 127.0.0.1, rebuild on change and reload the page.
    #[command(after_help = "Example:\n  rapport serve sample-data --port 8080")]
    Serve(ServeArgs),
    /// Print the JSON Schema of the account format (for editor completion).
    #[command(after_help = "Example:\n  rapport schema > rapport-account.schema.json")]
    Schema(SchemaArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  rapport completions bash > ~/.local/share/bash-completion/completions/rapport"
    )]
    Completions(CompletionsArgs),
    /// Print the fingerprint of an account's joint statement, or the text it is computed from.
    #[command(
        after_help = "Examples:\n  rapport statement northwind-supply --fingerprint\n  rapport statement northwind-supply | sha256sum   # the fingerprint's first 16 hex digits"
    )]
    Statement(StatementArgs),
    /// Show what changed in an account's notes between two git revisions.
    #[command(after_help = "Example:\n  rapport diff northwind-supply --from HEAD~3 --to HEAD")]
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The workspace folder (holds rapport.yaml and accounts/). Default: the current
    /// folder, or the nearest folder above it that holds rapport.yaml.
    #[arg(default_value = ".")]
    pub workspace: PathBuf,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The workspace folder (holds rapport.yaml and accounts/).
    #[arg(default_value = ".")]
    pub workspace: PathBuf,
    /// Output folder (default: WORKSPACE/site).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The date that decides what is overdue, stale and current (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Output format of diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also print each review pack and statement to PDF with a local Chromium or Chrome.
    #[arg(long)]
    pub pdf: bool,
    /// The Chromium or Chrome executable to print PDFs with (default: found on PATH).
    #[arg(long, value_name = "PATH", requires = "pdf")]
    pub chrome: Option<PathBuf>,
    /// Leave out the "what changed in our notes" section read from git history.
    #[arg(long)]
    pub no_history: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (must be empty or absent).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The account id: lowercase letters, digits and dashes; it becomes accounts/ID.yaml.
    pub id: String,
    /// What the other company is to us.
    #[arg(long, value_enum, default_value_t = KindArg::Customer)]
    pub kind: KindArg,
    /// The other company's name (default: the id in words).
    #[arg(long)]
    pub name: Option<String>,
    /// The workspace folder.
    #[arg(long, default_value = ".")]
    pub workspace: PathBuf,
}

/// `--kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Customer,
    Supplier,
    Partner,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The workspace folder.
    #[arg(default_value = ".")]
    pub workspace: PathBuf,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8123)]
    pub port: u16,
    /// Output folder (default: WORKSPACE/site).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The date that decides what is overdue, stale and current (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema to print.
    #[arg(long, value_enum, default_value_t = SchemaKind::Account)]
    pub file: SchemaKind,
}

/// The two file formats of a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// accounts/*.yaml
    Account,
    /// rapport.yaml
    Config,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print completions for.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    /// The account id (the file stem under accounts/).
    pub account: String,
    /// Print only the fingerprint (`3f2a 91c0 b7de 4410`); without it, the canonical text
    /// the fingerprint is the SHA-256 of.
    #[arg(long)]
    pub fingerprint: bool,
    /// The workspace folder.
    #[arg(long, default_value = ".")]
    pub workspace: PathBuf,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The account id (the file stem under accounts/).
    pub account: String,
    /// The older revision (a commit, tag or branch).
    #[arg(long)]
    pub from: String,
    /// The newer revision (default: the working tree).
    #[arg(long)]
    pub to: Option<String>,
    /// The workspace folder.
    #[arg(long, default_value = ".")]
    pub workspace: PathBuf,
    /// Output format: `markdown` is for a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// `rapport diff --format` values: its own list, because a report of changes has a Markdown
/// form that diagnostics do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, grouped by section.
    Human,
    /// The list of changes as JSON.
    Json,
    /// Markdown for a pull or merge request comment; text from the account and from git is
    /// escaped, so it cannot add markup, HTML, @mentions or issue references.
    Markdown,
}

/// How diagnostics and reports are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: like rustc, with file:line:col, the source line and a hint.
    Human,
    /// One JSON document, for editors and CI.
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request's lines.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-11-26"))
}
