//! `rapport build`: the pipeline from a workspace folder to a written site, in the order
//! of its steps:
//!
//! 1. load and 2. validate (`crate::check`): every problem of every file at once;
//! 3. analyze, and read the git history ([`Prepared::new`]);
//! 4. view, 5. render and 6. leak guard, one account at a time on every core
//!    ([`Prepared::account_files`]), the portfolio beside them;
//! 7. write into a staging folder and swap it in whole (`site`), printing PDFs first
//!    when asked.
//!
//! `serve` runs steps 4 to 6 through the same [`Prepared`] for the accounts a user edits.

mod portfolio_parts;
mod prepared;
mod progress;
mod search;

pub use portfolio_parts::Affected;
pub use prepared::{render_pages, Prepared};

use crate::diagnostic::Diagnostic;
use crate::leak::Leak;
use crate::model::{Date, Workspace};
use crate::pdf::{self, PdfError, PdfOptions, Printed};
use crate::render::{RenderError, Renderer};
use crate::site::{self, SiteError, Staging};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a build needs besides the workspace.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub out: PathBuf,
    pub as_of: Date,
    /// Read git history for the "what changed in our notes" sections.
    pub history: bool,
    /// Also print review packs and statements to PDF.
    pub pdf: Option<PdfOptions>,
    /// Show a progress bar on a terminal when the build takes more than a moment.
    pub progress: bool,
}

impl BuildOptions {
    /// A plain build into `out` at `as_of`: with history, without PDFs.
    pub fn new(out: impl Into<PathBuf>, as_of: Date) -> BuildOptions {
        BuildOptions {
            out: out.into(),
            as_of,
            history: true,
            pdf: None,
            progress: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildSummary {
    pub accounts: usize,
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
    /// How many PDFs `--pdf` printed, and in how long.
    pub printed: Option<Printed>,
}

/// Why a build failed. In every case nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the workspace has errors")]
    Invalid(Vec<Diagnostic>),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("{}", leak_message(.0))]
    Leak(Vec<Leak>),
    #[error(transparent)]
    Site(#[from] SiteError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

fn leak_message(leaks: &[Leak]) -> String {
    let mut text = format!(
        "the build was stopped: {} internal text(s) would reach shared output",
        leaks.len()
    );
    for leak in leaks {
        text.push_str("\n  - ");
        text.push_str(&leak.to_string());
    }
    text.push_str("\n  help: a template or a field prints internal data into a shared page; fix it before sharing anything");
    text
}

/// Builds the site of the workspace at `root`.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    build_prepared(root, options).map(|(summary, _)| summary)
}

/// Builds the site and returns, beside the summary, the prepared workspace it was built
/// from, for `serve` to rebuild parts of it later.
pub fn build_prepared(
    root: &Path,
    options: &BuildOptions,
) -> Result<(BuildSummary, Prepared), BuildError> {
    let checked = crate::check_for_build(root);
    let Some(workspace) = checked.workspace else {
        return Err(BuildError::Invalid(checked.diagnostics));
    };
    site::check_out_dir(&options.out, root)?;
    let renderer = match checked.renderer {
        Some(renderer) => renderer,
        None => Renderer::new(Some(&root.join("templates"))).map_err(BuildError::Invalid)?,
    };
    let prepared = Prepared::new(workspace, renderer, options.as_of, options.history);
    let staging = Staging::create(&options.out)?;
    let progress = progress::Progress::new(prepared.workspace().accounts.len(), options.progress);
    // The portfolio lists every account; building it beside the accounts' pages keeps
    // both cores busy to the end instead of leaving it for last.
    let (accounts, portfolio) = rayon::join(
        || write_accounts(&staging, &prepared, &progress),
        || prepared.portfolio_files(None),
    );
    progress.finish();
    let (pages, files) = accounts?;
    let portfolio = portfolio?;
    staging.write(&portfolio)?;
    let mut failure = None;
    let mut printed = None;
    staging
        .commit(|dir| match &options.pdf {
            Some(pdf_options) => print_and_guard(dir, pdf_options, &prepared)
                .map(|done| printed = Some(done))
                .map_err(|e| {
                    let message = e.to_string();
                    failure = Some(e);
                    message
                }),
            None => Ok(()),
        })
        .map_err(|e| failure.take().unwrap_or(BuildError::Site(e)))?;
    let summary = BuildSummary {
        accounts: prepared.workspace().accounts.len(),
        pages: pages + portfolio.iter().filter(|f| f.path.ends_with(".md")).count(),
        files: files + portfolio.len(),
        warnings: checked.diagnostics,
        printed,
    };
    Ok((summary, prepared))
}

/// Prints the review packs and statements in the staging folder `dir`, then runs the leak
/// guard over the text of every shared PDF: a template can put into print what the HTML
/// guard never saw (a frame of another file, generated content), and the PDF is what is
/// sent to the other company.
fn print_and_guard(
    dir: &Path,
    options: &PdfOptions,
    prepared: &Prepared,
) -> Result<Printed, BuildError> {
    let printed = pdf::print_all(dir, options, prepared.workspace().config.paper)?;
    let leaks: Vec<Leak> = prepared
        .workspace()
        .accounts
        .par_iter()
        .map(|account| -> Result<Vec<Leak>, BuildError> {
            let folder = crate::paths::shared_folder(&account.id);
            let mut texts = Vec::new();
            // Every PDF of the account's shared folder: today the statement only.
            let mut pdfs: Vec<String> = std::fs::read_dir(dir.join(&folder))
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|name| name.ends_with(".pdf"))
                .collect();
            pdfs.sort();
            for name in pdfs {
                let page = format!("{folder}/{name}");
                let unreadable = |reason: String| {
                    BuildError::Pdf(PdfError::Pages {
                        failures: vec![pdf::PageFailure {
                            page: page.clone(),
                            reason,
                        }],
                        total: printed.pdfs,
                        untried: 0,
                    })
                };
                let bytes =
                    std::fs::read(dir.join(&page)).map_err(|e| unreadable(e.to_string()))?;
                let text = pdf::text::extract(&bytes).map_err(unreadable)?;
                // `.txt`: the guard reads it as the plain text it is.
                texts.push((format!("{page}.txt"), text));
            }
            let files: Vec<(&str, &[u8])> = texts
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_bytes()))
                .collect();
            Ok(crate::leak::scan_account(account, &files))
        })
        .collect::<Result<Vec<Vec<Leak>>, BuildError>>()?
        .into_iter()
        .flatten()
        .collect();
    if leaks.is_empty() {
        Ok(printed)
    } else {
        Err(BuildError::Leak(leaks))
    }
}

/// Renders, in memory, every page that goes through one of the workspace's template
/// overrides, so that `check` finds the errors a build would meet: the first problem of
/// each template file. Nothing is written. `renderer` is the one checking made, if it
/// could make one.
pub fn check_overrides(
    root: &Path,
    workspace: Workspace,
    renderer: Option<Renderer>,
    as_of: Date,
) -> Vec<Diagnostic> {
    let renderer = match renderer {
        Some(renderer) => renderer,
        None => match Renderer::new(Some(&root.join("templates"))) {
            Ok(renderer) => renderer,
            Err(diagnostics) => return diagnostics,
        },
    };
    Prepared::new(workspace, renderer, as_of, false).override_problems()
}

/// Renders, guards and writes every account's pages, one account at a time per thread, so
/// memory holds a few accounts' pages rather than the whole site. Returns the number of
/// pages and files written. Every leak of every account is reported, not only the first.
fn write_accounts(
    staging: &Staging,
    prepared: &Prepared,
    progress: &progress::Progress,
) -> Result<(usize, usize), BuildError> {
    let results: Vec<Result<(usize, usize), BuildError>> = (0..prepared.workspace().accounts.len())
        .into_par_iter()
        .map(|index| {
            let files = prepared.account_files(index)?;
            staging.write(&files)?;
            progress.account_done();
            // Each page is written as .html and .md; the stylesheets and calendar are files
            // but not pages.
            let pages = files.iter().filter(|f| f.path.ends_with(".md")).count();
            Ok((pages, files.len()))
        })
        .collect();
    let mut totals = (0, 0);
    let mut leaks = Vec::new();
    let mut first_error = None;
    for result in results {
        match result {
            Ok((pages, files)) => {
                totals.0 += pages;
                totals.1 += files;
            }
            Err(BuildError::Leak(found)) => leaks.extend(found),
            Err(other) => {
                first_error.get_or_insert(other);
            }
        }
    }
    if !leaks.is_empty() {
        return Err(BuildError::Leak(leaks));
    }
    match first_error {
        Some(error) => Err(error),
        None => Ok(totals),
    }
}
