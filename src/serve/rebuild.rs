//! The rebuilds of `rapport serve`. The first build and every fallback are the library's
//! full `build`; after it the workspace, its analysis and the template engine stay in
//! memory, so that an edit to existing account files re-renders only those accounts'
//! pages and the pages that list every account (the portfolio and `portfolio.json`).
//!
//! Adding, removing or renaming an account file, and any change to `rapport.yaml` or the
//! templates, falls back to a full build: those can change every page.

use super::output;
use super::watch::Change;
use crate::analyze::{self, Analysis};
use crate::build::{self, BuildError, BuildOptions, BuildSummary};
use crate::diagnostic::{self, Diagnostic};
use crate::history::{self, History};
use crate::leak;
use crate::model::{Account, AccountFile, Date, Quarter, Workspace};
use crate::paths;
use crate::render::Renderer;
use crate::site::OutputFile;
use crate::view;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The site being served and what is needed to rebuild part of it.
pub struct Site {
    /// The workspace as the user gave it, so messages name files the way they typed them.
    root: PathBuf,
    options: BuildOptions,
    /// The last good build, in memory; `None` until a full build succeeds.
    state: Option<State>,
    /// Built once and kept until a template changes.
    renderer: Option<Renderer>,
    /// Account files edited since the last good build (an invalid edit keeps them here
    /// until it is fixed).
    pending: BTreeSet<PathBuf>,
    /// Set when the output on disk may no longer match `state`: the next rebuild is full.
    full_needed: bool,
}

struct State {
    workspace: Workspace,
    analysis: Analysis,
    /// Read from git by the last full build.
    history: History,
    /// The history of accounts whose reviews moved since then, read again: which
    /// revisions a review pack compares depends on the review dates.
    reread: BTreeMap<String, History>,
}

impl State {
    fn history_of(&self, index: usize) -> &History {
        let id = &self.workspace.accounts[index].id;
        self.reread.get(id).unwrap_or(&self.history)
    }
}

/// What a successful rebuild did.
#[derive(Debug)]
pub enum Outcome {
    Full(BuildSummary),
    Accounts {
        ids: Vec<String>,
        /// Files written and removed, relative to the output folder.
        written: Vec<String>,
        removed: Vec<String>,
        warnings: Vec<Diagnostic>,
    },
    /// The edited files hold the text already built (saved without a change).
    Unchanged,
}

/// Why a rebuild failed; the site on disk is the last good one.
#[derive(Debug)]
pub enum Failure {
    Invalid(Vec<Diagnostic>),
    Other(String),
}

impl From<BuildError> for Failure {
    fn from(e: BuildError) -> Failure {
        match e {
            BuildError::Invalid(diagnostics) => Failure::Invalid(diagnostics),
            other => Failure::Other(other.to_string()),
        }
    }
}

impl Site {
    pub fn new(root: PathBuf, options: BuildOptions) -> Site {
        Site {
            root,
            options,
            state: None,
            renderer: None,
            pending: BTreeSet::new(),
            full_needed: true,
        }
    }

    /// Rebuilds after `changes`: only the edited accounts when that is enough, else all.
    /// A partial rebuild calls `written` with the files it wrote or removed as soon as they
    /// are on disk (the account's pages before the portfolio), so open pages reload early.
    pub fn rebuild(
        &mut self,
        changes: &BTreeSet<Change>,
        written: &Written<'_>,
    ) -> Result<Outcome, Failure> {
        let mut full = self.full_needed;
        for change in changes {
            match change {
                Change::Account(path) => {
                    self.pending.insert(path.clone());
                }
                Change::Templates => {
                    self.renderer = None;
                    full = true;
                }
                Change::Config | Change::AccountsFolder | Change::Rescan => full = true,
            }
        }
        match self.edited_accounts().filter(|_| !full) {
            Some(indices) => self.accounts(&indices, written),
            None => self.full(),
        }
    }

    /// A full build through the library, then the state it was built from, read again.
    pub fn full(&mut self) -> Result<Outcome, Failure> {
        self.full_needed = true;
        self.pending.clear();
        let summary = build::build(&self.root, &self.options)?;
        // `build` keeps its workspace to itself; read it again for later partial rebuilds.
        // If a file changed in between, its event is queued and rebuilds it next.
        let (workspace, diagnostics) = crate::check(&self.root);
        let Some(workspace) = workspace else {
            return Err(Failure::Invalid(diagnostics));
        };
        let renderer = match self.renderer.take() {
            Some(renderer) => renderer,
            None => Renderer::new(Some(&self.root.join(super::watch::TEMPLATES_DIR)))
                .map_err(Failure::Invalid)?,
        };
        let analysis = analyze::analyze(&workspace, self.options.as_of);
        let history = if self.options.history {
            history::collect(&workspace, &analysis)
        } else {
            History::none()
        };
        self.state = Some(State {
            workspace,
            analysis,
            history,
            reread: BTreeMap::new(),
        });
        self.renderer = Some(renderer);
        self.full_needed = false;
        Ok(Outcome::Full(summary))
    }

    /// The indices of the pending account files, if each is an existing account still at
    /// the same path; `None` when an account was added, removed or renamed.
    fn edited_accounts(&self) -> Option<Vec<usize>> {
        let state = self.state.as_ref()?;
        let accounts = &state.workspace.accounts;
        let mut indices = Vec::with_capacity(self.pending.len());
        for path in &self.pending {
            let id = path.file_stem()?.to_str()?;
            let index = accounts.binary_search_by(|a| a.id.as_str().cmp(id)).ok()?;
            let same_file = accounts[index].path.file_name() == path.file_name();
            // A link is left to the full load, which decides whether it may be followed.
            let plain_file = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
            if !same_file || !plain_file {
                return None;
            }
            indices.push(index);
        }
        Some(indices)
    }

    /// Rebuilds the pages of the accounts at `indices` and the portfolio.
    fn accounts(
        &mut self,
        indices: &[usize],
        on_written: &Written<'_>,
    ) -> Result<Outcome, Failure> {
        let (Some(state), Some(renderer)) = (self.state.as_mut(), self.renderer.as_ref()) else {
            return self.full();
        };
        let workspace = &mut state.workspace;
        let mut fresh = Vec::with_capacity(indices.len());
        let mut problems = Vec::new();
        for &index in indices {
            match read_account(&workspace.accounts[index].path) {
                Ok(file) if file.source == workspace.accounts[index].source => {}
                Ok(file) => fresh.push((index, file)),
                Err(problem) => problems.push(*problem),
            }
        }
        if !problems.is_empty() {
            diagnostic::sort(&mut problems);
            return Err(Failure::Invalid(problems));
        }
        if fresh.is_empty() {
            self.pending.clear();
            return Ok(Outcome::Unchanged);
        }
        let (indices, files): (Vec<usize>, Vec<AccountFile>) = fresh.into_iter().unzip();
        let (files, diagnostics) = validate_edited(workspace, files);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Failure::Invalid(diagnostics));
        }
        let mut moved = Vec::new();
        for (&index, file) in indices.iter().zip(files) {
            if schedule(&file.account) != schedule(&workspace.accounts[index].account) {
                moved.push(index);
            }
            workspace.accounts[index] = file;
        }
        for &index in &indices {
            state.analysis.accounts[index] = analyze::analyze_account(
                &workspace.config,
                &workspace.accounts[index],
                self.options.as_of,
            );
        }
        if self.options.history {
            for index in moved {
                let history = reread_history(workspace, &state.analysis, index);
                let id = workspace.accounts[index].id.clone();
                state.reread.insert(id, history);
            }
        }
        // From here on the output may be partly written: a failure makes the next rebuild
        // full, which brings disk and memory back together.
        self.full_needed = true;
        let (written, removed) =
            write_pages(state, renderer, &self.options.out, &indices, on_written)?;
        self.full_needed = false;
        self.pending.clear();
        Ok(Outcome::Accounts {
            ids: indices
                .iter()
                .map(|&i| state.workspace.accounts[i].id.clone())
                .collect(),
            written,
            removed,
            warnings: diagnostics,
        })
    }
}

/// Validates edited account files against the workspace's configuration; returns them
/// and their diagnostics.
///
/// Every rule of `validate` concerns one file, except that two files may not define the
/// same id, which an edit in place cannot cause. So only the edited files are validated:
/// validating the whole workspace locates positions in every file again, which takes
/// seconds for 10,000 accounts.
fn validate_edited(
    workspace: &Workspace,
    files: Vec<AccountFile>,
) -> (Vec<AccountFile>, Vec<Diagnostic>) {
    let paths: BTreeSet<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let edited = Workspace {
        root: workspace.root.clone(),
        config_path: workspace.config_path.clone(),
        config_source: workspace.config_source.clone(),
        config: workspace.config.clone(),
        accounts: files,
    };
    // The configuration's own warnings were shown by the full build.
    let mut diagnostics: Vec<Diagnostic> = crate::validate::validate(&edited)
        .into_iter()
        .filter(|d| d.is_error() || paths.contains(&d.file))
        .collect();
    diagnostic::sort(&mut diagnostics);
    (edited.accounts, diagnostics)
}

/// When an account's reviews were held: what its history plan depends on.
fn schedule(account: &Account) -> Vec<(Quarter, Option<Date>)> {
    account
        .reviews
        .iter()
        .map(|r| (r.quarter.value, r.date))
        .collect()
}

/// The git history of one account, read for it alone.
fn reread_history(workspace: &Workspace, analysis: &Analysis, index: usize) -> History {
    let one = Workspace {
        root: workspace.root.clone(),
        config_path: workspace.config_path.clone(),
        config_source: workspace.config_source.clone(),
        config: workspace.config.clone(),
        accounts: vec![workspace.accounts[index].clone()],
    };
    let analysis = Analysis {
        as_of: analysis.as_of,
        accounts: vec![analysis.accounts[index].clone()],
    };
    history::collect(&one, &analysis)
}

/// Called with the files of a partial rebuild as soon as they are written or removed.
pub type Written<'a> = dyn Fn(Vec<String>) + Sync + 'a;

/// Renders, checks and writes the pages of the accounts at `indices`, and the portfolio
/// beside them (on another thread): account pages first, since they are what the user is
/// looking at. Returns the files written and removed.
fn write_pages(
    state: &State,
    renderer: &Renderer,
    out: &Path,
    indices: &[usize],
    on_written: &Written<'_>,
) -> Result<(Vec<String>, Vec<String>), Failure> {
    let (accounts, portfolio) = rayon::join(
        || -> Result<(Vec<String>, Vec<String>), Failure> {
            let pages: Vec<view::Page> = indices
                .iter()
                .flat_map(|&i| {
                    view::account_pages(&state.workspace, &state.analysis, state.history_of(i), i)
                })
                .collect();
            let files = build::render_pages(renderer, &pages).map_err(BuildError::from)?;
            let stylesheets = guard(&state.workspace, renderer, indices, &files)?;
            let written = output::write_changed(out, &files).map_err(BuildError::from)?;
            let mut keep: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
            keep.extend(stylesheets.iter().map(String::as_str));
            let mut removed = Vec::new();
            for &i in indices {
                let id = &state.workspace.accounts[i].id;
                for dir in [paths::account_folder(id), paths::shared_folder(id)] {
                    removed
                        .extend(output::remove_stale(out, &dir, &keep).map_err(BuildError::from)?);
                }
            }
            on_written(written.iter().chain(&removed).cloned().collect());
            Ok((written, removed))
        },
        || -> Result<Vec<OutputFile>, Failure> {
            // Both list every account: seconds for 10,000 accounts, so side by side.
            let (page, json) = rayon::join(
                || {
                    let page = view::portfolio_page(&state.workspace, &state.analysis);
                    build::render_pages(renderer, &[page]).map_err(BuildError::from)
                },
                || portfolio_json(&state.workspace, &state.analysis),
            );
            let mut files = page?;
            files.push(json);
            Ok(files)
        },
    );
    let (mut written, removed) = accounts?;
    let portfolio = output::write_changed(out, &portfolio?).map_err(BuildError::from)?;
    on_written(portfolio.clone());
    written.extend(portfolio);
    Ok((written, removed))
}

/// `internal/portfolio.json` exactly as the full build writes it.
fn portfolio_json(workspace: &Workspace, analysis: &Analysis) -> OutputFile {
    OutputFile {
        path: paths::PORTFOLIO_JSON.into(),
        bytes: view::portfolio::portfolio_json(workspace, analysis).into_bytes(),
    }
}

/// The leak guard over the shared files of the rebuilt accounts, a workspace's own
/// stylesheet included as in the full build. Returns the stylesheet paths, which stay on disk.
fn guard(
    workspace: &Workspace,
    renderer: &Renderer,
    indices: &[usize],
    files: &[OutputFile],
) -> Result<Vec<String>, Failure> {
    let stylesheet = leak::Stylesheet::of(renderer);
    let mut stylesheets = Vec::with_capacity(indices.len());
    let mut leaks = Vec::new();
    for &i in indices {
        let account = &workspace.accounts[i];
        leaks.extend(leak::guard_account(account, files, stylesheet));
        stylesheets.push(format!("shared/{}/style.css", account.id));
    }
    if leaks.is_empty() {
        Ok(stylesheets)
    } else {
        Err(BuildError::Leak(leaks).into())
    }
}

/// Reads and parses one account file with the limits and messages of the full load.
fn read_account(path: &Path) -> Result<AccountFile, Box<Diagnostic>> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cannot_read =
        |e: std::io::Error| Box::new(Diagnostic::error(path, format!("cannot read: {e}")));
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    if size > crate::yaml::MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                path,
                format!(
                    "the file is {:.1} MiB, over the 4 MiB limit for one file",
                    size as f64 / (1 << 20) as f64
                ),
            )
            .help("split the history into a smaller file; an account file is usually under 100 KB"),
        ));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    let yaml_problem = |e| Box::new(crate::load::to_diagnostic(path, e));
    let source = crate::yaml::decode(&bytes)
        .map_err(yaml_problem)?
        .to_owned();
    let account = crate::yaml::parse::<Account>(&source).map_err(yaml_problem)?;
    Ok(AccountFile {
        id,
        path: path.to_path_buf(),
        source,
        account,
    })
}
