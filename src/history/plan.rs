//! Which revisions each review pack compares, and reading them all in two git calls.
//!
//! A review's date is its `date`, else the last day of its quarter. A review pack compares
//! the notes at the last commit on or before the previous review's date with the notes at
//! the last commit on or before its own date, or with the working tree when its quarter is
//! the current one (or later). When no commit touching `accounts/` is that old, the notes
//! were not in git yet and the pack has no such section.

use super::git::{Blob, Commit, Repo};
use super::{snapshot, History, ReviewPlan, Revision, Snapshot};
use crate::analyze::{Analysis, FiscalCalendar};
use crate::load::ACCOUNTS_DIR;
use crate::model::{AccountFile, Date, Quarter, Review, Workspace};
use crate::yaml::MAX_FILE_BYTES;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Reads the history of every account of the workspace. Any failure to read git leaves
/// the history empty: the pages lose a section, the build goes on.
pub fn collect(workspace: &Workspace, analysis: &Analysis) -> History {
    let Ok(Some(repo)) = Repo::discover(&workspace.root) else {
        return History::none();
    };
    let log = match repo.log(None, &[ACCOUNTS_DIR]) {
        Ok(log) if !log.is_empty() => log,
        _ => return History::none(),
    };
    let drafts = plan(workspace, analysis, &repo, &log);
    let timelines = timelines(workspace, &repo, &log, analysis.as_of);
    match read(&repo, &log, &drafts, &timelines) {
        Some(snapshots) => {
            let mut history = assemble(&log, &snapshots, drafts);
            history.statements = statement_versions(workspace, &log, &snapshots, &timelines);
            history.status_dates = status_dates(workspace, &log, &snapshots, &timelines);
            history
        }
        None => History::none(),
    }
}

/// Every commit that touched an account's file up to as-of, oldest first: the versions its
/// statement went through (a commit dated after as-of has not happened yet).
struct Timeline {
    id: String,
    path: String,
    commits: Vec<usize>,
}

fn timelines(workspace: &Workspace, repo: &Repo, log: &[Commit], as_of: Date) -> Vec<Timeline> {
    let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, commit) in log.iter().enumerate().filter(|(_, c)| c.date <= as_of) {
        for f in &commit.files {
            by_file.entry(f.as_str()).or_default().push(k);
        }
    }
    workspace
        .accounts
        .iter()
        .filter(|file| {
            let versioned = file
                .account
                .statement
                .as_ref()
                .is_some_and(|s| s.tracks_signatures());
            versioned || super::outcomes::undated(&file.account).next().is_some()
        })
        .filter_map(|file| {
            let path = repo.path_of(&relative_path(file)?);
            let mut commits = by_file.get(path.as_str())?.clone();
            commits.reverse();
            Some(Timeline {
                id: file.id.clone(),
                path,
                commits,
            })
        })
        .collect()
}

/// The parsed versions of a timeline's file, oldest first, with their commit dates;
/// versions that did not parse are left out.
fn versions<'a>(
    log: &[Commit],
    snapshots: &'a BTreeMap<(String, String), Arc<Snapshot>>,
    timeline: &Timeline,
) -> Vec<(Date, &'a crate::model::Account)> {
    timeline
        .commits
        .iter()
        .filter_map(|&k| {
            let snapshot = snapshots.get(&(log[k].id.clone(), timeline.path.clone()))?;
            match snapshot.as_ref() {
                Snapshot::Parsed(account) => Some((log[k].date, account.as_ref())),
                _ => None,
            }
        })
        .collect()
}

/// For each account, the commit date that gave each undated outcome its status.
fn status_dates(
    workspace: &Workspace,
    log: &[Commit],
    snapshots: &BTreeMap<(String, String), Arc<Snapshot>>,
    timelines: &[Timeline],
) -> BTreeMap<String, BTreeMap<usize, Date>> {
    let mut out = BTreeMap::new();
    for timeline in timelines {
        let Some(current) = workspace.account(&timeline.id) else {
            continue;
        };
        let dates =
            super::outcomes::status_dates(&versions(log, snapshots, timeline), &current.account);
        if !dates.is_empty() {
            out.insert(timeline.id.clone(), dates);
        }
    }
    out
}

/// The earlier versions of each account's statement, read from its file's history.
fn statement_versions(
    workspace: &Workspace,
    log: &[Commit],
    snapshots: &BTreeMap<(String, String), Arc<Snapshot>>,
    timelines: &[Timeline],
) -> BTreeMap<String, Vec<super::StatementVersion>> {
    let mut out = BTreeMap::new();
    for timeline in timelines {
        let Some(current) = workspace.account(&timeline.id) else {
            continue;
        };
        let past: Vec<&crate::model::Account> = versions(log, snapshots, timeline)
            .into_iter()
            .map(|(_, account)| account)
            .collect();
        let versions = super::statement::earlier_versions(&past, &current.account);
        if !versions.is_empty() {
            out.insert(timeline.id.clone(), versions);
        }
    }
    out
}

/// A review's comparison, as indices into the log.
struct Draft {
    key: (String, Quarter),
    /// Relative to the workspace, for messages.
    file: String,
    /// Relative to the repository root, for git.
    path: String,
    from: usize,
    /// Oldest first.
    steps: Vec<usize>,
    /// `None`: the working tree.
    to: Option<usize>,
}

/// Which commits every review pack compares.
fn plan(workspace: &Workspace, analysis: &Analysis, repo: &Repo, log: &[Commit]) -> Vec<Draft> {
    let graph = Graph::new(log);
    let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, commit) in log.iter().enumerate() {
        for f in &commit.files {
            by_file.entry(f.as_str()).or_default().push(k);
        }
    }
    // Consecutive reviews share their ends: each set of ancestors is walked once.
    let mut ancestors: HashMap<usize, Arc<Vec<bool>>> = HashMap::new();
    let mut ancestors_of = |k: usize| {
        ancestors
            .entry(k)
            .or_insert_with(|| Arc::new(graph.ancestors(k)))
            .clone()
    };
    let calendar = FiscalCalendar::new(workspace.config.fiscal_year_start());
    let mut drafts = Vec::new();
    for (file, account) in workspace.accounts.iter().zip(&analysis.accounts) {
        let Some(relative) = relative_path(file) else {
            continue;
        };
        let path = repo.path_of(&relative);
        let touching = by_file.get(path.as_str()).map_or(&[][..], Vec::as_slice);
        let reviews = &file.account.reviews;
        for period in &account.periods {
            let Some(previous) = period.previous_review else {
                continue;
            };
            let since = review_date(&reviews[previous], &calendar);
            let until = review_date(&reviews[period.review], &calendar);
            let Some(from) = graph.last_on_or_before(since) else {
                continue;
            };
            let to = if period.quarter >= account.current_quarter {
                None
            } else {
                match graph.last_on_or_before(until) {
                    Some(to) if since <= until => Some(to),
                    _ => continue,
                }
            };
            let before = ancestors_of(from);
            let reachable = to.map(&mut ancestors_of);
            let steps = touching
                .iter()
                .rev()
                .copied()
                .filter(|&k| !before[k] && reachable.as_ref().is_none_or(|r| r[k]))
                .collect();
            drafts.push(Draft {
                key: (file.id.clone(), period.quarter),
                file: relative.clone(),
                path: path.clone(),
                from,
                steps,
                to,
            });
        }
    }
    drafts
}

/// The history from the drafts and the versions read for them.
fn assemble(
    log: &[Commit],
    snapshots: &BTreeMap<(String, String), Arc<Snapshot>>,
    drafts: Vec<Draft>,
) -> History {
    let revision = |k: usize, path: &str| -> Option<Revision> {
        let snapshot = snapshots.get(&(log[k].id.clone(), path.to_string()))?;
        Some(Revision {
            commit: log[k].reference(),
            snapshot: snapshot.clone(),
        })
    };
    let mut history = History::none();
    for d in drafts {
        let base = revision(d.from, &d.path);
        let steps: Option<Vec<Revision>> = d.steps.iter().map(|&k| revision(k, &d.path)).collect();
        let (Some(base), Some(steps)) = (base, steps) else {
            continue;
        };
        let to = match d.to.map(|k| revision(k, &d.path)) {
            Some(None) => continue,
            Some(to) => to,
            None => None,
        };
        history.reviews.insert(
            d.key,
            ReviewPlan {
                file: d.file,
                base,
                steps,
                to,
            },
        );
    }
    history
}

/// `accounts/<file name>`, if the name can be a line of a `cat-file --batch` request.
fn relative_path(file: &AccountFile) -> Option<String> {
    let name = file.path.file_name()?.to_str()?;
    (!name.contains(['\n', '\r', '\0'])).then(|| format!("{ACCOUNTS_DIR}/{name}"))
}

/// The date a review was held: its `date`, else the last day of its quarter.
pub fn review_date(review: &Review, calendar: &FiscalCalendar) -> Date {
    review
        .date
        .unwrap_or_else(|| calendar.end(review.quarter.value))
}

/// Every file version the drafts need, read in one batch and parsed in parallel.
fn read(
    repo: &Repo,
    log: &[Commit],
    drafts: &[Draft],
    timelines: &[Timeline],
) -> Option<BTreeMap<(String, String), Arc<Snapshot>>> {
    let wanted: BTreeSet<(String, String)> = drafts
        .iter()
        .flat_map(|d| {
            std::iter::once(d.from)
                .chain(d.steps.iter().copied())
                .chain(d.to)
                .map(|k| (log[k].id.clone(), d.path.clone()))
        })
        .chain(timelines.iter().flat_map(|t| {
            t.commits
                .iter()
                .map(|&k| (log[k].id.clone(), t.path.clone()))
        }))
        .collect();
    let wanted: Vec<(String, String)> = wanted.into_iter().collect();
    let blobs: BTreeMap<(String, String), Blob> = repo.blobs(&wanted, MAX_FILE_BYTES).ok()?;
    // A version that did not change between two points is one object: parse it once.
    let mut unique: BTreeMap<&str, &Blob> = BTreeMap::new();
    for blob in blobs.values() {
        if let Blob::Bytes { oid, .. } = blob {
            unique.insert(oid.as_str(), blob);
        }
    }
    let parsed: HashMap<&str, Arc<Snapshot>> = unique
        .into_par_iter()
        .map(|(oid, blob)| (oid, Arc::new(snapshot(blob))))
        .collect();
    let out = blobs
        .iter()
        .map(|(key, blob)| {
            let snapshot = match blob {
                Blob::Bytes { oid, .. } => parsed.get(oid.as_str()).cloned(),
                _ => None,
            };
            (
                key.clone(),
                snapshot.unwrap_or_else(|| Arc::new(super::snapshot(blob))),
            )
        })
        .collect();
    Some(out)
}

/// The path-limited commit graph, indexed like the log (newest first).
struct Graph<'a> {
    log: &'a [Commit],
    parents: Vec<Vec<usize>>,
}

impl<'a> Graph<'a> {
    fn new(log: &'a [Commit]) -> Graph<'a> {
        let index: HashMap<&str, usize> = log
            .iter()
            .enumerate()
            .map(|(k, c)| (c.id.as_str(), k))
            .collect();
        let parents = log
            .iter()
            .map(|c| {
                c.parents
                    .iter()
                    .filter_map(|p| index.get(p.as_str()).copied())
                    .collect()
            })
            .collect();
        Graph { log, parents }
    }

    /// The newest commit dated on or before `date`.
    fn last_on_or_before(&self, date: Date) -> Option<usize> {
        self.log.iter().position(|c| c.date <= date)
    }

    /// Which commits are `start` or its ancestors.
    fn ancestors(&self, start: usize) -> Vec<bool> {
        let mut seen = vec![false; self.log.len()];
        let mut stack = vec![start];
        while let Some(k) = stack.pop() {
            if std::mem::replace(&mut seen[k], true) {
                continue;
            }
            stack.extend(self.parents[k].iter().copied().filter(|&p| !seen[p]));
        }
        seen
    }
}
