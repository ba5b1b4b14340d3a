//! What the portfolio's data files take from each account, kept per account: its entry of
//! `portfolio.json`, its events in the internal calendars and its words in the search
//! index. A full build makes them once, in parallel; after `serve` re-reads an edited
//! account only that account's share is made again, and the files are put together from
//! the shares as they stand, so an edit costs one account's work plus the copying, not the
//! whole portfolio's.
//!
//! [`Affected`] says which of the portfolio's files an edit can change, so that `serve`
//! renders and writes only those.

use super::search::SearchIndex;
use crate::analyze::Analysis;
use crate::format::ical::WrittenEvent;
use crate::i18n::Messages;
use crate::model::Workspace;
use crate::view::{self, owners, portfolio, PortfolioSelection};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Each account's share of the portfolio's data files; index `i` is account `i`'s.
pub struct PortfolioParts {
    pub search: SearchIndex,
    /// Events in `internal/calendar.ics` and the owner's calendar.
    pub events: Vec<Vec<WrittenEvent>>,
    /// Entries of `portfolio.json`.
    pub json: Vec<String>,
}

impl PortfolioParts {
    /// The shares of every account; calendar entries in `messages`' words.
    pub fn new(workspace: &Workspace, analysis: &Analysis, messages: &Messages) -> PortfolioParts {
        let ((events, json), search) = rayon::join(
            || {
                (0..workspace.accounts.len())
                    .into_par_iter()
                    .map(|i| account_share(workspace, analysis, messages, i))
                    .unzip()
            },
            || SearchIndex::new(workspace),
        );
        PortfolioParts {
            search,
            events,
            json,
        }
    }

    /// Makes the share of the account at `index` again; returns the search shards that
    /// changed.
    pub fn replace(
        &mut self,
        workspace: &Workspace,
        analysis: &Analysis,
        messages: &Messages,
        index: usize,
    ) -> BTreeSet<String> {
        let (events, json) = account_share(workspace, analysis, messages, index);
        self.events[index] = events;
        self.json[index] = json;
        self.search.replace(index, &workspace.accounts[index])
    }
}

fn account_share(
    workspace: &Workspace,
    analysis: &Analysis,
    messages: &Messages,
    index: usize,
) -> (Vec<WrittenEvent>, String) {
    (
        view::calendar::account_events(workspace, analysis, messages, index),
        portfolio::account_json_text(&workspace.accounts[index], &analysis.accounts[index]),
    )
}

/// The portfolio files an edit can change beyond those that sum up every account (the
/// portfolio and owners' indexes, `portfolio.json`, `internal/calendar.ics`, the search
/// page and `docs.js`, always written again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affected {
    /// List pages and owners' pages (and owners' calendars).
    pub pages: PortfolioSelection,
    /// Search shards.
    pub shards: BTreeSet<String>,
}

/// What the pages of the accounts at `indices` depend on before an edit, to compare with
/// after it: see [`Affected::between`].
pub struct Before {
    owners: BTreeSet<String>,
    lists: Vec<portfolio::ListLink>,
    has_actions: bool,
}

impl Before {
    pub fn of(workspace: &Workspace, indices: &[usize]) -> Before {
        Before {
            owners: indices
                .iter()
                .map(|&i| owners::slug(&workspace.accounts[i]))
                .collect(),
            lists: portfolio::list_links(workspace),
            has_actions: portfolio::has_actions(workspace),
        }
    }
}

impl Affected {
    /// The pages an edit of the accounts at `indices` changes: the owners' pages of their
    /// owners before and after, and the list pages that list them (every list page when
    /// the links between them or the actions column changed). `shards` are the search
    /// shards the edit touched.
    pub fn between(
        before: Before,
        workspace: &Workspace,
        indices: &[usize],
        shards: BTreeSet<String>,
    ) -> Affected {
        let mut owners = before.owners;
        owners.extend(
            indices
                .iter()
                .map(|&i| owners::slug(&workspace.accounts[i])),
        );
        let lists_now = portfolio::list_links(workspace);
        let every_list =
            lists_now != before.lists || portfolio::has_actions(workspace) != before.has_actions;
        let lists = if every_list {
            lists_now.iter().map(|l| l.number).collect()
        } else if lists_now.is_empty() {
            BTreeSet::new()
        } else {
            indices
                .iter()
                .map(|&i| i / portfolio::LIST_PAGE_SIZE + 1)
                .collect()
        };
        Affected {
            pages: PortfolioSelection { lists, owners },
            shards,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::build::Prepared;
    use crate::model::{AccountFile, Workspace};
    use crate::paths;
    use crate::render::Renderer;
    use crate::site::OutputFile;
    use crate::test_support::{file, workspace};
    use std::collections::BTreeMap;

    const AS_OF: &str = "2026-05-01";
    /// More than one list page (250 accounts each).
    const ACCOUNTS: usize = 260;

    fn body(owner: &str, name: &str, notes: &str) -> String {
        format!(
            "owner: {owner}\npeople:\n  - {{ id: {owner}, name: {name}, side: us, notes: {notes} }}\n"
        )
    }

    /// Accounts owned by three people, one account (a007) by a fourth, alone.
    fn accounts() -> Vec<AccountFile> {
        (0..ACCOUNTS)
            .map(|i| {
                let (owner, name) = match (i, i % 3) {
                    (7, _) => ("solo", "Sam Solo"),
                    (_, 0) => ("dana", "Dana Whitfield"),
                    (_, 1) => ("ben", "Ben Carter"),
                    _ => ("nora", "Nora Quint"),
                };
                file(&format!("a{i:03}"), &body(owner, name, "steady buyer"))
            })
            .collect()
    }

    fn prepared(ws: Workspace) -> Prepared {
        let renderer = Renderer::new(None).unwrap();
        Prepared::new(ws, renderer, AS_OF.parse().unwrap(), false)
    }

    fn by_path(files: Vec<OutputFile>) -> BTreeMap<String, Vec<u8>> {
        files.into_iter().map(|f| (f.path, f.bytes)).collect()
    }

    /// Edits the accounts as `edit` says, in a served workspace and from scratch, and
    /// checks that the partial rebuild writes every portfolio file the edit changed, as a
    /// full build writes it, and removes every file a full build no longer has.
    /// `untouched` are files the partial rebuild must not write.
    fn check(what: &str, untouched: &[&str], edit: impl Fn(&mut Vec<AccountFile>) -> Vec<usize>) {
        let mut served = prepared(workspace(accounts()));
        let old = by_path(served.portfolio_files(None).unwrap());
        let mut edited = accounts();
        let indices = edit(&mut edited);
        let affected =
            served.replace_accounts(indices.iter().map(|&i| (i, edited[i].clone())).collect());
        let partial = by_path(served.portfolio_files(Some(&affected)).unwrap());
        let stale = served.stale_portfolio_files(&affected);
        let fresh = by_path(prepared(workspace(edited)).portfolio_files(None).unwrap());
        let changed: Vec<&String> = fresh
            .iter()
            .filter(|(path, bytes)| old.get(*path) != Some(*bytes))
            .map(|(path, _)| path)
            .collect();
        assert!(!changed.is_empty(), "{what}: the edit changed nothing");
        for path in changed {
            assert!(
                partial.contains_key(path),
                "{what}: {path} changed but was not written"
            );
        }
        for (path, bytes) in &partial {
            assert_eq!(
                Some(bytes),
                fresh.get(path),
                "{what}: {path} differs from a full build"
            );
        }
        for path in old.keys().filter(|p| !fresh.contains_key(*p)) {
            assert!(
                stale.contains(path),
                "{what}: {path} should have been removed"
            );
        }
        for path in &stale {
            assert!(
                !fresh.contains_key(path),
                "{what}: {path} removed but still built"
            );
        }
        for path in untouched {
            assert!(
                !partial.contains_key(*path),
                "{what}: {path} was written again"
            );
        }
    }

    #[test]
    fn an_edit_rewrites_the_portfolio_files_it_changes_as_a_full_build_would() {
        // An owner and a list page that edits of accounts on the first list page, owned
        // by others, have nothing to do with.
        let nora = format!("{}.html", paths::owner("nora-quint"));
        let second_list = format!("{}.html", paths::account_list(2));
        let unrelated = [nora.as_str(), second_list.as_str()];
        let owner = |i: usize, owner: &'static str, name: &'static str| {
            move |accounts: &mut Vec<AccountFile>| {
                let id = format!("a{i:03}");
                accounts[i] = file(&id, &body(owner, name, "steady buyer"));
                vec![i]
            }
        };
        check("a new owner", &unrelated, owner(4, "zed", "Zed Newman"));
        check(
            "the only account of an owner moves",
            &unrelated,
            owner(7, "dana", "Dana Whitfield"),
        );
        check(
            "an owner's spelling",
            &unrelated,
            owner(0, "dana", "DANA  Whitfield"),
        );
        check("a word only one account has", &unrelated, |accounts| {
            accounts[3] = file("a003", &body("dana", "Dana Whitfield", "zqxv quarrel"));
            vec![3]
        });
        check("the last name of a list page", &[&nora], |accounts| {
            let mut renamed = file("a249", &body("ben", "Ben Carter", "steady buyer"));
            renamed.account.name = "Zz Renamed".into();
            accounts[249] = renamed;
            vec![249]
        });
        check(
            "the first review action of the portfolio",
            &[],
            |accounts| {
                let action =
                    "reviews:\n  - quarter: 2026-Q1\n    actions:\n      - what: Call back\n";
                let text = body("nora", "Nora Quint", "steady buyer") + action;
                accounts[100] = file("a100", &text);
                vec![100]
            },
        );
        check("two accounts at once", &[&nora], |accounts| {
            accounts[1] = file("a001", &body("zed", "Zed Newman", "steady buyer"));
            accounts[258] = file("a258", &body("ben", "Ben Carter", "quiet account"));
            vec![1, 258]
        });
    }
}
