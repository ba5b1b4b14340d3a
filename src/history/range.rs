//! The semantic diff of one account between two revisions a user names (`rapport diff`):
//! the same comparison a review pack shows, for pull-request review of account notes.

use super::git::{Blob, GitError, Repo};
use super::{notes_diff, snapshot, End, NotesDiff, Revision, Snapshot};
use crate::load::ACCOUNTS_DIR;
use crate::model::Account;
use crate::yaml::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why two revisions could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum RangeError {
    #[error("{} is not inside a git repository", .0.display())]
    NotGit(PathBuf),
    #[error("`{0}` is not an account id")]
    BadAccount(String),
    #[error("`{0}` is not a revision of this repository")]
    BadRevision(String),
    #[error("no account `{id}`: {file} exists neither at {from} nor at {to}")]
    UnknownAccount {
        id: String,
        file: String,
        from: String,
        to: String,
    },
    #[error("{file} in the working tree could not be read: {why}")]
    WorkingTree { file: String, why: String },
    #[error(transparent)]
    Git(#[from] GitError),
}

impl RangeError {
    /// What the user can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            RangeError::NotGit(_) => "rapport diff compares git revisions of the account notes: run it on a workspace inside a git repository",
            RangeError::BadAccount(_) => "give the file stem of an account under accounts/, e.g. northwind-supply",
            RangeError::BadRevision(_) => "give a commit, tag or branch, e.g. HEAD~3, v1.0 or main; `git log -- accounts/` lists the commits",
            RangeError::UnknownAccount { .. } => "check the spelling; `ls accounts/` lists the accounts of the working tree",
            RangeError::WorkingTree { .. } => "fix the file (`rapport check` shows where), or compare two commits with --to",
            RangeError::Git(GitError::Spawn(_)) => "install git, or put it on PATH",
            RangeError::Git(_) => "check that git works in this folder: `git status`",
        }
    }
}

/// Compares `account` between revision `from` and revision `to` (`None`: the working
/// tree) in the workspace at `root`.
pub fn compare_revisions(
    root: &Path,
    account: &str,
    from: &str,
    to: Option<&str>,
) -> Result<NotesDiff, RangeError> {
    let valid = !account.is_empty()
        && !account.starts_with('.')
        && !account.contains(['/', '\\', '\n', '\r', '\0', ':']);
    if !valid {
        return Err(RangeError::BadAccount(account.to_string()));
    }
    let repo = Repo::discover(root)?.ok_or_else(|| RangeError::NotGit(root.to_path_buf()))?;
    let resolve = |rev: &str| {
        repo.resolve(rev)
            .map_err(|_| RangeError::BadRevision(rev.to_string()))
    };
    let from_id = resolve(from)?;
    let to_id = to.map(resolve).transpose()?;
    let relative =
        account_file(root, &repo, account, &from_id, to_id.as_deref())?.ok_or_else(|| {
            RangeError::UnknownAccount {
                id: account.to_string(),
                file: format!("{ACCOUNTS_DIR}/{account}.yaml"),
                from: from.to_string(),
                to: to.unwrap_or("the working tree").to_string(),
            }
        })?;
    let path = repo.path_of(&relative);
    let range = format!("{from_id}..{}", to_id.as_deref().unwrap_or("HEAD"));
    let mut commits = repo.log(Some(&range), &[relative.as_str()])?;
    commits.reverse();
    let mut wanted: Vec<(String, String)> = commits
        .iter()
        .map(|c| (c.id.clone(), path.clone()))
        .collect();
    wanted.push((from_id.clone(), path.clone()));
    wanted.extend(to_id.iter().map(|id| (id.clone(), path.clone())));
    let blobs = repo.blobs(&wanted, MAX_FILE_BYTES)?;
    let revision = |id: &str, commit: super::CommitRef| Revision {
        snapshot: Arc::new(
            blobs
                .get(&(id.to_string(), path.clone()))
                .map_or(Snapshot::Absent, snapshot),
        ),
        commit,
    };
    let details = |id: &str| repo.commit(id).map(|c| c.reference());
    let base = revision(&from_id, details(&from_id)?);
    let steps: Vec<Revision> = commits
        .iter()
        .map(|c| revision(&c.id, c.reference()))
        .collect();
    let working;
    let end = match &to_id {
        Some(id) => End::Commit(revision(id, details(id)?)),
        None => {
            working = read_working_tree(root, &relative)?;
            End::WorkingTree(&working)
        }
    };
    let mut diff = notes_diff(&relative, &base, &steps, end);
    if to_id.is_none() {
        diff.removed = !root.join(&relative).exists();
    }
    Ok(diff)
}

/// The account's file, relative to the workspace: `.yaml` or `.yml`, whichever the working
/// tree has, else whichever exists at either revision; `None` if none does.
fn account_file(
    root: &Path,
    repo: &Repo,
    account: &str,
    from: &str,
    to: Option<&str>,
) -> Result<Option<String>, RangeError> {
    let candidates = [
        format!("{ACCOUNTS_DIR}/{account}.yaml"),
        format!("{ACCOUNTS_DIR}/{account}.yml"),
    ];
    if let Some(on_disk) = candidates.iter().find(|c| root.join(c).is_file()) {
        return Ok(Some(on_disk.clone()));
    }
    let ends: Vec<&str> = std::iter::once(from).chain(to).collect();
    let wanted: Vec<(String, String)> = ends
        .iter()
        .flat_map(|end| {
            candidates
                .iter()
                .map(|c| (end.to_string(), repo.path_of(c)))
        })
        .collect();
    let found = repo.blobs(&wanted, MAX_FILE_BYTES)?;
    Ok(candidates
        .iter()
        .find(|c| {
            ends.iter().any(|end| {
                found
                    .get(&(end.to_string(), repo.path_of(c)))
                    .is_some_and(|b| !matches!(b, Blob::Missing))
            })
        })
        .cloned())
}

/// The account file as it is on disk; an absent file is an empty account.
fn read_working_tree(root: &Path, relative: &str) -> Result<Account, RangeError> {
    let path = root.join(relative);
    if !path.exists() {
        return Ok(super::diff::empty_account());
    }
    let problem = |why: String| RangeError::WorkingTree {
        file: relative.to_string(),
        why,
    };
    let bytes = crate::workspace_file::read_bounded(&path, MAX_FILE_BYTES)
        .map_err(|e| problem(e.to_string()))?;
    let blob = Blob::Bytes {
        oid: String::new(),
        bytes,
    };
    match snapshot(&blob) {
        Snapshot::Parsed(account) => Ok(*account),
        Snapshot::Unreadable(why) => Err(problem(why)),
        Snapshot::Absent => Ok(super::diff::empty_account()),
    }
}
