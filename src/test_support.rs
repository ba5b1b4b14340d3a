//! Account files and workspaces made from YAML text, for the library's unit tests.

#![allow(clippy::unwrap_used)]

use crate::model::{Account, AccountFile, Workspace};
use std::path::PathBuf;

/// The account `id`: a customer named `id`, with the fields of `body` (YAML lines).
pub fn file(id: &str, body: &str) -> AccountFile {
    let source = format!("name: {id}\nkind: customer\n{body}");
    let account: Account = crate::yaml::parse(&source).unwrap();
    AccountFile {
        id: id.into(),
        path: PathBuf::from(format!("{id}.yaml")),
        source,
        account,
    }
}

/// A workspace of organisation "X" holding `accounts` (in id order, as loading gives them).
pub fn workspace(accounts: Vec<AccountFile>) -> Workspace {
    Workspace {
        root: PathBuf::from("."),
        config_path: PathBuf::from("rapport.yaml"),
        config_source: "organisation: X\n".into(),
        config: crate::yaml::parse("organisation: X\n").unwrap(),
        accounts,
    }
}
