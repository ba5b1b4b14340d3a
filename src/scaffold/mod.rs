//! New workspaces (`rapport init`) and new account files (`rapport new`): which files,
//! where, and why they may not be written. The commented texts are files beside this one
//! (see `texts`); `write` puts each in place. With `site`, the only code that writes into a
//! workspace.

mod texts;
mod write;

use crate::cli::SchemaKind;
use crate::diagnostic::{display_path, Code, Diagnostic};
use crate::load::{ACCOUNTS_DIR, CONFIG_FILE};
use crate::model::AccountKind;
use crate::schema::{file_name as schema_file, schema_text};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use texts::{account_text, CONFIG_TEMPLATE, EXAMPLE_ACCOUNT_TEXT, GITIGNORE};
use write::write_new;

/// The example account `init` writes, under `accounts/`.
pub const EXAMPLE_ACCOUNT: &str = "example-customer";

/// Why a workspace or an account file was not created.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{} is not empty", display_path(dir))]
    NotEmpty { dir: PathBuf, workspace: bool },
    #[error("{} is a file, not a folder", display_path(.0))]
    NotAFolder(PathBuf),
    #[error("{} is not a rapport workspace: it has no rapport.yaml", display_path(.0))]
    NotAWorkspace(PathBuf),
    #[error("workspace folder {} not found", display_path(.0))]
    NoWorkspace(PathBuf),
    #[error("`{id}` is not a valid account id")]
    BadId {
        id: String,
        suggestion: Option<String>,
        path: PathBuf,
    },
    #[error("the account name is blank")]
    BlankName(PathBuf),
    #[error("{} already exists", display_path(.0))]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", display_path(path))]
    Io { path: PathBuf, source: io::Error },
}

impl ScaffoldError {
    /// The error as a diagnostic: the file or folder it is about, and what to do.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let code = match self {
            ScaffoldError::NotEmpty { .. } => Code::NotEmpty,
            ScaffoldError::NotAFolder(_)
            | ScaffoldError::NotAWorkspace(_)
            | ScaffoldError::NoWorkspace(_) => Code::NotAWorkspace,
            ScaffoldError::BadId { .. } => Code::InvalidId,
            ScaffoldError::BlankName(_) => Code::BlankText,
            ScaffoldError::Exists(_) => Code::AlreadyExists,
            ScaffoldError::Io { .. } => Code::WriteFailed,
        };
        let (path, help) = match self {
            ScaffoldError::NotEmpty { dir, workspace: true } => (dir.clone(), format!(
                "it is already a rapport workspace: add an account with `rapport new ID --workspace {}`",
                shell_word(dir)
            )),
            ScaffoldError::NotEmpty { dir, workspace: false } => (
                dir.clone(),
                "`rapport init` only writes into a new or empty folder, so it never overwrites your files: name a new folder".to_string(),
            ),
            ScaffoldError::NotAFolder(path) => (path.clone(), "name a new folder".to_string()),
            ScaffoldError::NotAWorkspace(dir) | ScaffoldError::NoWorkspace(dir) => (dir.clone(), format!(
                "run `rapport new` inside a workspace or name one with `--workspace DIR`; create a workspace with `rapport init {}`",
                shell_word(dir)
            )),
            ScaffoldError::BadId { suggestion, path, .. } => (
                path.clone(),
                match suggestion {
                    Some(s) => format!("an account id is the file name: lowercase letters, digits and dashes only ([a-z0-9-]+); try `{s}`"),
                    None => "an account id is the file name: lowercase letters, digits and dashes only ([a-z0-9-]+), e.g. `northwind-supply`".to_string(),
                },
            ),
            ScaffoldError::BlankName(path) => (
                path.clone(),
                "give the other company's name, e.g. --name \"Northwind Supply Co.\", or leave --name out to use the id".to_string(),
            ),
            ScaffoldError::Exists(path) => (
                path.clone(),
                "rapport never overwrites an account: edit that file, or choose another id".to_string(),
            ),
            ScaffoldError::Io { path, .. } => (
                path.clone(),
                "check that the folder exists and that you may write to it".to_string(),
            ),
        };
        Diagnostic::error(code, path, self.to_string()).help(help)
    }
}

/// One file that was written, and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub path: PathBuf,
    pub purpose: &'static str,
}

/// Makes a new workspace in `dir`, which must be absent or empty (a lone `.git` is allowed,
/// so a freshly cloned empty repository can become a workspace). On failure, whatever this
/// call had written is removed again.
pub fn init(dir: &Path) -> Result<Vec<Created>, ScaffoldError> {
    let made_dir = prepare_empty_dir(dir)?;
    let mut created = Vec::new();
    let result = write_workspace(dir, &mut created);
    if result.is_err() {
        for file in created.iter().rev() {
            let _ = fs::remove_file(&file.path);
        }
        let _ = fs::remove_dir(dir.join(ACCOUNTS_DIR));
        if made_dir {
            let _ = fs::remove_dir(dir);
        }
    }
    result.map(|()| created)
}

/// Checks that `dir` is absent or empty and creates it; `true` when this call created it.
fn prepare_empty_dir(dir: &Path) -> Result<bool, ScaffoldError> {
    let io_error = |source| ScaffoldError::Io {
        path: dir.to_path_buf(),
        source,
    };
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(ScaffoldError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            let mut entries = fs::read_dir(dir).map_err(io_error)?;
            let occupied = entries.any(|e| e.map_or(true, |e| e.file_name() != ".git"));
            if occupied {
                let workspace = dir.join(CONFIG_FILE).exists();
                return Err(ScaffoldError::NotEmpty {
                    dir: dir.to_path_buf(),
                    workspace,
                });
            }
            Ok(false)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(io_error)?;
            Ok(true)
        }
        Err(e) => Err(io_error(e)),
    }
}

fn write_workspace(dir: &Path, created: &mut Vec<Created>) -> Result<(), ScaffoldError> {
    let accounts = dir.join(ACCOUNTS_DIR);
    fs::create_dir(&accounts).map_err(|source| ScaffoldError::Io {
        path: accounts.clone(),
        source,
    })?;
    let account_schema = schema_text(SchemaKind::Account);
    let config_schema = schema_text(SchemaKind::Config);
    let files: [(PathBuf, &str, &'static str); 5] = [
        (
            dir.join(CONFIG_FILE),
            CONFIG_TEMPLATE,
            "settings: organisation, fiscal year, alert thresholds, health weights",
        ),
        (
            accounts.join(format!("{EXAMPLE_ACCOUNT}.yaml")),
            EXAMPLE_ACCOUNT_TEXT,
            "an example account showing every section: edit it or delete it",
        ),
        (
            dir.join(".gitignore"),
            GITIGNORE,
            "keeps the built site out of git",
        ),
        (
            dir.join(schema_file(SchemaKind::Account)),
            &account_schema,
            "lets editors complete and check account files",
        ),
        (
            dir.join(schema_file(SchemaKind::Config)),
            &config_schema,
            "lets editors complete and check rapport.yaml",
        ),
    ];
    for (path, text, purpose) in files {
        write_new(&path, text)?;
        created.push(Created { path, purpose });
    }
    Ok(())
}

/// What `rapport new` is asked to write.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    /// The account id, which becomes the file name.
    pub id: &'a str,
    pub kind: AccountKind,
    /// The other company's name; `None` makes one from the id.
    pub name: Option<&'a str>,
}

/// Writes `accounts/<id>.yaml` in the workspace from the commented template, and the account
/// schema beside rapport.yaml if it is missing, so the file's schema line never dangles.
pub fn new_account(
    workspace: &Path,
    request: NewAccount<'_>,
) -> Result<Vec<Created>, ScaffoldError> {
    let id = request.id;
    let accounts = workspace.join(ACCOUNTS_DIR);
    let path = accounts.join(format!("{id}.yaml"));
    if !crate::validate::is_id(id) {
        let suggestion = suggested_id(id);
        return Err(ScaffoldError::BadId {
            id: id.to_string(),
            suggestion,
            path,
        });
    }
    let name = match request.name {
        Some(name) if name.trim().is_empty() => return Err(ScaffoldError::BlankName(path)),
        Some(name) => name.trim().to_string(),
        None => name_from_id(id),
    };
    if !workspace.is_dir() {
        return Err(ScaffoldError::NoWorkspace(workspace.to_path_buf()));
    }
    if !workspace.join(CONFIG_FILE).is_file() {
        return Err(ScaffoldError::NotAWorkspace(workspace.to_path_buf()));
    }
    // `a.yaml` and `a.yml` would both be account `a`, so either blocks the id.
    for ext in ["yaml", "yml"] {
        let path = accounts.join(format!("{id}.{ext}"));
        if fs::symlink_metadata(&path).is_ok() {
            return Err(ScaffoldError::Exists(path));
        }
    }
    fs::create_dir_all(&accounts).map_err(|source| ScaffoldError::Io {
        path: accounts.clone(),
        source,
    })?;
    let mut created = Vec::new();
    let schema = workspace.join(schema_file(SchemaKind::Account));
    if fs::symlink_metadata(&schema).is_err() {
        match write_new(&schema, &schema_text(SchemaKind::Account)) {
            Ok(()) => created.push(Created {
                path: schema,
                purpose: "lets editors complete and check account files",
            }),
            // Written meanwhile by someone else: the schema line resolves all the same.
            Err(ScaffoldError::Exists(_)) => {}
            Err(e) => return Err(e),
        }
    }
    write_new(&path, &account_text(id, request.kind, &name))?;
    created.push(Created {
        path,
        purpose: "the new account: uncomment the sections you need and fill them in",
    });
    Ok(created)
}

/// `northwind-supply` as `Northwind Supply`.
pub fn name_from_id(id: &str) -> String {
    let words: Vec<String> = id
        .split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        id.to_string()
    } else {
        words.join(" ")
    }
}

/// `Northwind Supply Co.` as `northwind-supply-co`: the nearest valid id, if any.
fn suggested_id(text: &str) -> Option<String> {
    crate::validate::slug(text)
}

/// A path as messages show it, without a leading `./`.
pub fn shown(path: &Path) -> String {
    display_path(path.strip_prefix(".").unwrap_or(path))
}

/// `path` as a word to paste into a shell.
pub fn shell_word(path: &Path) -> String {
    let text = display_path(path);
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+:@".contains(c));
    if safe {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_come_from_ids_in_words() {
        assert_eq!(name_from_id("northwind-supply"), "Northwind Supply");
        assert_eq!(name_from_id("acme-2"), "Acme 2");
        assert_eq!(name_from_id("a--b-"), "A B");
        assert_eq!(name_from_id("---"), "---");
    }

    #[test]
    fn suggested_ids_are_valid_ids() {
        assert_eq!(
            suggested_id("Northwind Supply Co.").as_deref(),
            Some("northwind-supply-co")
        );
        assert_eq!(suggested_id("ACME_2").as_deref(), Some("acme-2"));
        assert_eq!(suggested_id("!!!"), None);
    }

    #[test]
    fn shell_words_survive_pasting() {
        assert_eq!(shell_word(Path::new("my-accounts")), "my-accounts");
        assert_eq!(shell_word(Path::new("my accounts")), "'my accounts'");
        assert_eq!(shell_word(Path::new("it's")), r"'it'\''s'");
    }
}
