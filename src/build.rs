//! `rapport build`: the pipeline from a workspace folder to a written site.
//! load -> validate -> analyze -> view -> render -> leak guard -> atomic write.

use crate::analyze;
use crate::diagnostic::Diagnostic;
use crate::history::{self, History};
use crate::pdf::{self, PdfError, PdfOptions};
use crate::leak::{self, Leak};
use crate::model::{Date, Workspace};
use crate::render::{RenderError, Renderer};
use crate::site::{self, OutputFile, SiteError};
use crate::view::{self, Page};
use rayon::prelude::*;
use std::collections::BTreeMap;
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
    let Some(workspace) = workspace else {
        return Err(BuildError::Invalid(diagnostics));
    };
    site::check_out_dir(&options.out, root)?;
    let renderer = Renderer::new(Some(&root.join("templates")))?;
    let analysis = analyze::analyze(&workspace, options.as_of);
    let history = if options.history {
        history::collect(&workspace, &analysis)
    } else {
        History::none()
    };
    let pages = view::all_pages(&workspace, &analysis, &history);
    let mut files = render_pages(&renderer, &pages)?;
    files.extend(assets(&workspace, &renderer, &analysis));
    guard(&workspace, &files)?;
    let mut pdf_error = None;
    site::write_atomically(&options.out, &files, |staging| match &options.pdf {
        Some(pdf_options) => pdf::print_all(staging, pdf_options).map(drop).map_err(|e| {
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
        pages: pages.len(),
        files: files.len(),
        warnings: diagnostics,
    })
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

/// The stylesheet (once for the internal tree, once per shared folder so each can travel
/// alone) and `portfolio.json`.
fn assets(
    workspace: &Workspace,
    renderer: &Renderer,
    analysis: &analyze::Analysis,
) -> Vec<OutputFile> {
    let css = renderer.stylesheet().as_bytes().to_vec();
    let mut files = vec![OutputFile {
        path: "internal/style.css".into(),
        bytes: css.clone(),
    }];
    for account in &workspace.accounts {
        files.push(OutputFile {
            path: format!("shared/{}/style.css", account.id),
            bytes: css.clone(),
        });
    }
    let json = view::portfolio::portfolio_json(workspace, analysis);
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    files.push(OutputFile {
        path: "internal/portfolio.json".into(),
        bytes: text.into_bytes(),
    });
    files
}

/// The leak guard over every file of the shared tree, account by account.
fn guard(workspace: &Workspace, files: &[OutputFile]) -> Result<(), BuildError> {
    let mut by_account: BTreeMap<&str, Vec<(&str, &[u8])>> = BTreeMap::new();
    for file in files {
        if let Some(id) = file
            .path
            .strip_prefix("shared/")
            .and_then(|rest| rest.split('/').next())
        {
            by_account
                .entry(id)
                .or_default()
                .push((file.path.as_str(), file.bytes.as_slice()));
        }
    }
    let leaks: Vec<Leak> = workspace
        .accounts
        .par_iter()
        .flat_map_iter(|account| {
            let shared = by_account
                .get(account.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            leak::scan_account(account, shared)
        })
        .collect();
    if leaks.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Leak(leaks))
    }
}
