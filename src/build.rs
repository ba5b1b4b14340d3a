//! `rapport build`: the pipeline from a workspace folder to a written site.
//! load -> validate -> analyze -> view -> render -> leak guard -> atomic write.

use crate::analyze;
use crate::diagnostic::Diagnostic;
use crate::history::{self, History};
use crate::leak::{self, Leak};
use crate::model::{Date, Workspace};
use crate::paths;
use crate::pdf::{self, PdfError, PdfOptions};
use crate::render::{RenderError, Renderer};
use crate::site::{self, OutputFile, SiteError, Staging};
use crate::view::{self, Page};
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
}

impl BuildOptions {
    /// A plain build into `out` at `as_of`: with history, without PDFs.
    pub fn new(out: impl Into<PathBuf>, as_of: Date) -> BuildOptions {
        BuildOptions {
            out: out.into(),
            as_of,
            history: true,
            pdf: None,
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
    let (workspace, diagnostics) = crate::check(root);
    let Some(mut workspace) = workspace else {
        return Err(BuildError::Invalid(diagnostics));
    };
    // The file texts only place validation's diagnostics, which exist by now; freeing them
    // saves their whole size (140 MB at 10,000 accounts) for the rest of the build.
    for account in &mut workspace.accounts {
        account.source = String::new();
    }
    site::check_out_dir(&options.out, root)?;
    let renderer = Renderer::new(Some(&root.join("templates"))).map_err(BuildError::Invalid)?;
    let analysis = analyze::analyze(&workspace, options.as_of);
    let history = if options.history {
        history::collect(&workspace, &analysis)
    } else {
        History::none()
    };
    let staging = Staging::create(&options.out)?;
    // The portfolio lists every account; building it beside the accounts' pages keeps
    // both cores busy to the end instead of leaving it for last.
    let (accounts, portfolio) = rayon::join(
        || write_accounts(&staging, &workspace, &analysis, &history, &renderer),
        || portfolio_files(&workspace, &analysis, &renderer),
    );
    let (pages, files) = accounts?;
    let portfolio = portfolio?;
    staging.write(&portfolio)?;
    let mut pdf_error = None;
    staging
        .commit(|dir| match &options.pdf {
            Some(pdf_options) => pdf::print_all(dir, pdf_options).map(drop).map_err(|e| {
                let message = e.to_string();
                pdf_error = Some(e);
                message
            }),
            None => Ok(()),
        })
        .map_err(|e| match pdf_error.take() {
            Some(pdf) => BuildError::Pdf(pdf),
            None => BuildError::Site(e),
        })?;
    Ok(BuildSummary {
        accounts: workspace.accounts.len(),
        pages: pages + 1,
        files: files + portfolio.len(),
        warnings: diagnostics,
    })
}

/// Renders, in memory, every page that goes through one of the workspace's template
/// overrides, so that `check` finds the errors a build would meet: the first problem of
/// each template file. Nothing is written.
pub fn check_overrides(root: &Path, workspace: &Workspace, as_of: Date) -> Vec<Diagnostic> {
    let renderer = match Renderer::new(Some(&root.join("templates"))) {
        Ok(renderer) => renderer,
        Err(diagnostics) => return diagnostics,
    };
    let analysis = analyze::analyze(workspace, as_of);
    let history = History::none();
    let mut pages = vec![view::portfolio_page(workspace, &analysis)];
    pages.extend(
        (0..workspace.accounts.len())
            .flat_map(|i| view::account_pages(workspace, &analysis, &history, i)),
    );
    let mut problems: Vec<Diagnostic> = Vec::new();
    for page in pages
        .iter()
        .filter(|p| renderer.uses_override(p.template()))
    {
        if let Err(e) = renderer.render(page) {
            if !problems.iter().any(|d| d.file == e.diagnostic.file) {
                problems.push(*e.diagnostic);
            }
        }
    }
    problems
}

/// Renders, guards and writes every account's pages, one account at a time per thread, so
/// memory holds a few accounts' pages rather than the whole site. Returns the number of
/// pages and files written. Every leak of every account is reported, not only the first.
fn write_accounts(
    staging: &Staging,
    workspace: &Workspace,
    analysis: &analyze::Analysis,
    history: &History,
    renderer: &Renderer,
) -> Result<(usize, usize), BuildError> {
    let results: Vec<Result<(usize, usize), BuildError>> = (0..workspace.accounts.len())
        .into_par_iter()
        .map(|index| {
            let pages = view::account_pages(workspace, analysis, history, index);
            let files = account_files(workspace, renderer, index, &pages)?;
            staging.write(&files)?;
            Ok((pages.len(), files.len()))
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

/// The rendered files of one account, with its shared folder's stylesheet, after the leak
/// guard has searched its shared files (the stylesheet too if the workspace wrote its own;
/// the built-in one holds no account's text).
pub fn account_files(
    workspace: &Workspace,
    renderer: &Renderer,
    index: usize,
    pages: &[Page],
) -> Result<Vec<OutputFile>, BuildError> {
    let account = &workspace.accounts[index];
    let mut files = render_pages(renderer, pages)?;
    files.push(OutputFile {
        path: paths::shared_stylesheet(&account.id),
        bytes: renderer.stylesheet().as_bytes().to_vec(),
    });
    let leaks = leak::guard_account(account, &files, leak::Stylesheet::of(renderer));
    if leaks.is_empty() {
        Ok(files)
    } else {
        Err(BuildError::Leak(leaks))
    }
}

/// The portfolio page, the internal stylesheet and `portfolio.json`.
fn portfolio_files(
    workspace: &Workspace,
    analysis: &analyze::Analysis,
    renderer: &Renderer,
) -> Result<Vec<OutputFile>, BuildError> {
    let (page, json) = rayon::join(
        || render_pages(renderer, &[view::portfolio_page(workspace, analysis)]),
        || view::portfolio::portfolio_json(workspace, analysis),
    );
    let mut files = page?;
    files.push(OutputFile {
        path: paths::INTERNAL_STYLESHEET.into(),
        bytes: renderer.stylesheet().as_bytes().to_vec(),
    });
    files.push(OutputFile {
        path: paths::PORTFOLIO_JSON.into(),
        bytes: json.into_bytes(),
    });
    Ok(files)
}

/// Renders every page as `.html` and `.md`, in parallel, keeping page order.
pub fn render_pages(renderer: &Renderer, pages: &[Page]) -> Result<Vec<OutputFile>, RenderError> {
    let rendered: Vec<Result<[OutputFile; 2], RenderError>> = pages
        .par_iter()
        .map(|page| {
            let out = renderer.render(page)?;
            Ok([
                OutputFile {
                    path: format!("{}.html", page.path),
                    bytes: out.html.into_bytes(),
                },
                OutputFile {
                    path: format!("{}.md", page.path),
                    bytes: out.md.into_bytes(),
                },
            ])
        })
        .collect();
    let mut files = Vec::with_capacity(pages.len() * 2);
    for pair in rendered {
        files.extend(pair?);
    }
    Ok(files)
}
