//! The typed account format: `rapport.yaml` and `accounts/*.yaml` exactly as DESIGN.md fixes
//! them. Serde types only; no IO and no logic beyond defaults and small accessors.
//!
//! References and range-checked values are `Spanned` so that `validate` can point at the
//! exact line and column of a problem found after parsing.

mod account;
mod config;
pub mod date;
mod quarter;
mod score;

pub use account::*;
pub use config::*;
pub use quarter::Quarter;
pub use score::{Score, SCORE_HELP};

use std::path::PathBuf;

/// A value with the line and column it was read from.
pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// A calendar date as written in YAML (`2026-03-31`).
pub type Date = chrono::NaiveDate;

/// One loaded account file: its id (the file stem), where it came from, its text (for
/// diagnostics) and the parsed account.
#[derive(Debug, Clone)]
pub struct AccountFile {
    pub id: String,
    pub path: PathBuf,
    pub source: String,
    pub account: Account,
}

/// A loaded workspace: configuration and accounts sorted by id.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub config_path: PathBuf,
    pub config_source: String,
    pub config: Config,
    pub accounts: Vec<AccountFile>,
}

impl Workspace {
    /// The same workspace (root and configuration) holding only `accounts`: what
    /// validating or reading the history of a few accounts needs.
    pub fn with_accounts(&self, accounts: Vec<AccountFile>) -> Workspace {
        Workspace {
            root: self.root.clone(),
            config_path: self.config_path.clone(),
            config_source: self.config_source.clone(),
            config: self.config.clone(),
            accounts,
        }
    }

    /// The account with this id, if any.
    pub fn account(&self, id: &str) -> Option<&AccountFile> {
        self.accounts
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.accounts[i])
    }
}
