//! The versions a joint statement went through, from its file's history: each earlier
//! version's number and date, and what the next version changed.

use super::diff::{self, ChangeKind, Section};
use super::StatementVersion;
use crate::model::Account;

/// The versions before the current one, oldest first. `past` are the file's versions in
/// git, oldest first; `current` is the account as loaded now. A version is known by the
/// last revision that still carried its number. Only revisions that number their statement
/// (`version` or `signed` written) count: a statement from before versions were kept is not
/// an earlier version of anything.
pub fn earlier_versions(past: &[&Account], current: &Account) -> Vec<StatementVersion> {
    let Some(now) = &current.statement else {
        return Vec::new();
    };
    let mut last_of_each: Vec<&Account> = Vec::new();
    for account in past.iter().copied().chain(std::iter::once(current)) {
        let Some(statement) = account.statement.as_ref().filter(|s| s.tracks_signatures()) else {
            continue;
        };
        match last_of_each.last_mut() {
            Some(last) if version(last) == Some(statement.version.value) => *last = account,
            _ => last_of_each.push(account),
        }
    }
    let mut versions = Vec::new();
    for pair in last_of_each.windows(2) {
        let (older, newer) = (pair[0], pair[1]);
        let Some(number) = version(older) else {
            continue;
        };
        if number >= now.version.value {
            continue;
        }
        versions.push(StatementVersion {
            version: number,
            date: older.statement.as_ref().and_then(|s| s.date),
            changes: statement_changes(older, newer),
        });
    }
    versions
}

fn version(account: &Account) -> Option<i64> {
    account.statement.as_ref().map(|s| s.version.value)
}

/// The changes to the statement's content between two versions: not its number, and not
/// the signatures, which belong to each version.
fn statement_changes(older: &Account, newer: &Account) -> Vec<diff::Change> {
    let only_statement = |a: &Account| Account {
        statement: a.statement.clone(),
        people: a.people.clone(),
        ..diff::empty_account()
    };
    diff::compare(&only_statement(older), &only_statement(newer))
        .changes
        .into_iter()
        .filter(|c| c.section == Section::Statement)
        .filter(|c| {
            !matches!(
                c.kind,
                ChangeKind::StatementVersion | ChangeKind::StatementSigned
            )
        })
        .collect()
}
