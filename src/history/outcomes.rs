//! When a commitment became kept, broken or withdrawn, read from git when the file does not
//! say (`closed`): the date of the commit from which on the file has recorded its status.

use crate::model::{Account, Commitment, CommitmentStatus, Date};
use std::collections::BTreeMap;

/// The commitments of `account` whose outcome has no date: settled, without `closed`.
pub fn undated(account: &Account) -> impl Iterator<Item = (usize, &Commitment)> {
    account
        .commitments
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status != CommitmentStatus::Open && c.closed.is_none())
}

/// For each undated outcome of `current`, the date of the commit that changed its status to
/// the current one: from then on every committed version records it, and an earlier version
/// recorded another status. `versions` are the file's versions in git, oldest first, with
/// their commit dates. A commitment is followed by its wording. One that was written down
/// with its outcome already (git cannot tell when that happened), one whose status is not
/// committed yet, or one reworded since, gets no date.
pub fn status_dates(versions: &[(Date, &Account)], current: &Account) -> BTreeMap<usize, Date> {
    let mut out = BTreeMap::new();
    for (index, commitment) in undated(current) {
        let mut since = None;
        let mut was_other = false;
        for (date, account) in versions {
            let status = account
                .commitments
                .iter()
                .find(|c| c.what == commitment.what)
                .map(|c| c.status);
            since = match status {
                Some(s) if s == commitment.status => match since {
                    Some(earlier) => Some(earlier),
                    None if was_other => Some(*date),
                    None => None,
                },
                Some(_) => {
                    was_other = true;
                    None
                }
                None => None,
            };
        }
        if let Some(date) = since {
            out.insert(index, date);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn account(status: &str) -> Account {
        crate::yaml::parse(&format!(
            "name: T\nkind: customer\ncommitments:\n  - {{ by: us, what: Pay on time, made: 2026-01-10, status: {status} }}\n"
        ))
        .unwrap()
    }

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn the_commit_that_recorded_the_status_dates_the_outcome() {
        let (open, kept, broken) = (account("open"), account("kept"), account("broken"));
        let history = [
            (d("2026-01-10"), &open),
            (d("2026-03-05"), &kept),
            (d("2026-04-01"), &kept),
        ];
        assert_eq!(
            status_dates(&history, &kept),
            BTreeMap::from([(0, d("2026-03-05"))])
        );
        // Kept, then broken, then kept again: the last change counts.
        let flipped = [
            (d("2026-01-10"), &kept),
            (d("2026-02-01"), &broken),
            (d("2026-05-01"), &kept),
        ];
        assert_eq!(
            status_dates(&flipped, &kept),
            BTreeMap::from([(0, d("2026-05-01"))])
        );
        // Not committed yet: no date from git.
        assert!(status_dates(&[(d("2026-01-10"), &open)], &kept).is_empty());
        // Written down as kept from the start: git cannot say when it was kept.
        assert!(status_dates(&[(d("2026-01-10"), &kept)], &kept).is_empty());
    }
}
