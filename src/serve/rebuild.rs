//! The rebuilds of `rapport serve`. The first build and every fallback are the library's
//! full `build`; after it the workspace, its analysis and the template engine stay in
//! memory, so that an edit to existing account files re-renders only those accounts'
//! pages and the pages that list every account (the portfolio and `portfolio.json`).
//!
//! Adding, removing or renaming an account file, and any change to `rapport.yaml` or the
//! templates, falls back to a full build: those can change every page.

use super::watch::Change;
use crate::build::{self, Affected, BuildError, BuildOptions, BuildSummary, Prepared};
use crate::diagnostic::{self, Diagnostic};
use crate::model::AccountFile;
use crate::paths;
use crate::site::{self, OutputFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The site being served and what is needed to rebuild part of it.
pub struct Site {
    /// The workspace as the user gave it, so messages name files the way they typed them.
    root: PathBuf,
    options: BuildOptions,
    /// The workspace of the last good build, ready to render; `None` until a full build
    /// succeeds.
    prepared: Option<Prepared>,
    /// Account files edited since the last good build (an invalid edit keeps them here
    /// until it is fixed).
    pending: BTreeSet<PathBuf>,
    /// Set when the output on disk may no longer match `prepared`: the next rebuild is full.
    full_needed: bool,
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
            prepared: None,
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
                Change::Templates | Change::Config | Change::AccountsFolder | Change::Rescan => {
                    full = true
                }
            }
        }
        match self.edited_accounts().filter(|_| !full) {
            Some(indices) => self.accounts(&indices, written),
            None => self.full(),
        }
    }

    /// A full build through the library, keeping what it was built from.
    pub fn full(&mut self) -> Result<Outcome, Failure> {
        self.full_needed = true;
        self.pending.clear();
        self.prepared = None;
        let (summary, prepared) = build::build_prepared(&self.root, &self.options)?;
        self.prepared = Some(prepared);
        self.full_needed = false;
        Ok(Outcome::Full(summary))
    }

    /// The indices of the pending account files, if each is an existing account still at
    /// the same path; `None` when an account was added, removed or renamed.
    fn edited_accounts(&self) -> Option<Vec<usize>> {
        let accounts = &self.prepared.as_ref()?.workspace().accounts;
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
        let Some(prepared) = self.prepared.as_mut() else {
            return self.full();
        };
        let mut fresh = Vec::with_capacity(indices.len());
        let mut problems = Vec::new();
        let root = crate::workspace_file::canonical_root(&prepared.workspace().root);
        for &index in indices {
            let path = &prepared.workspace().accounts[index].path;
            match crate::load::load_account(&root, path) {
                Ok(file) if !prepared.source_changed(index, &file.source) => {}
                Ok(file) => fresh.push((index, file)),
                Err(found) => problems.extend(found),
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
        let diagnostics = crate::validate::validate_accounts(&files);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Failure::Invalid(diagnostics));
        }
        let affected = prepared.replace_accounts(indices.iter().copied().zip(files).collect());
        // From here on the output may be partly written: a failure makes the next rebuild
        // full, which brings disk and memory back together.
        self.full_needed = true;
        let (written, removed) =
            write_pages(prepared, &self.options.out, &indices, &affected, on_written)?;
        self.full_needed = false;
        self.pending.clear();
        Ok(Outcome::Accounts {
            ids: indices
                .iter()
                .map(|&i| prepared.workspace().accounts[i].id.clone())
                .collect(),
            written,
            removed,
            warnings: diagnostics,
        })
    }
}

/// Called with the files of a partial rebuild as soon as they are written or removed.
pub type Written<'a> = dyn Fn(Vec<String>) + Sync + 'a;

/// Renders, guards and writes the pages of the accounts at `indices`, and the portfolio
/// files the edit `affected` beside them (on another thread): account pages first, since
/// they are what the user is looking at. Returns the files written and removed.
fn write_pages(
    prepared: &Prepared,
    out: &Path,
    indices: &[usize],
    affected: &Affected,
    on_written: &Written<'_>,
) -> Result<(Vec<String>, Vec<String>), Failure> {
    let (accounts, portfolio) = rayon::join(
        || -> Result<(Vec<String>, Vec<String>), Failure> {
            let mut files = Vec::new();
            let mut leaks = Vec::new();
            for &i in indices {
                match prepared.account_files(i) {
                    Ok(account_files) => files.extend(account_files),
                    Err(BuildError::Leak(found)) => leaks.extend(found),
                    Err(other) => return Err(other.into()),
                }
            }
            if !leaks.is_empty() {
                return Err(BuildError::Leak(leaks).into());
            }
            let written = site::write_changed(out, &files).map_err(BuildError::from)?;
            let keep: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
            let mut removed = Vec::new();
            for &i in indices {
                let id = &prepared.workspace().accounts[i].id;
                for dir in [paths::account_folder(id), paths::shared_folder(id)] {
                    removed.extend(site::remove_stale(out, &dir, &keep).map_err(BuildError::from)?);
                }
            }
            on_written(written.iter().chain(&removed).cloned().collect());
            Ok((written, removed))
        },
        || -> Result<Vec<OutputFile>, Failure> { Ok(prepared.portfolio_files(Some(affected))?) },
    );
    let (mut written, mut removed) = accounts?;
    let portfolio = site::write_changed(out, &portfolio?).map_err(BuildError::from)?;
    let stale = prepared.stale_portfolio_files(affected);
    let gone = site::remove_files(out, &stale).map_err(BuildError::from)?;
    on_written(portfolio.iter().chain(&gone).cloned().collect());
    written.extend(portfolio);
    removed.extend(gone);
    Ok((written, removed))
}
