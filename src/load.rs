//! Reads a workspace from disk: `rapport.yaml` and every `accounts/*.yaml`, found with walkdir
//! in sorted order and parsed in parallel. Every file that cannot be read becomes a
//! diagnostic; loading never stops at the first bad file.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Account, AccountFile, Config, Workspace};
use crate::workspace_file::{self, ReadError};
use crate::yaml::{self, YamlError};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The configuration file at the workspace root.
pub const CONFIG_FILE: &str = "rapport.yaml";
/// The folder of account files.
pub const ACCOUNTS_DIR: &str = "accounts";

/// A workspace that could not be loaded: why, and the account files that did parse, which
/// `check` still validates.
#[derive(Debug)]
pub struct Unloaded {
    pub problems: Vec<Diagnostic>,
    pub accounts: Vec<AccountFile>,
}

/// Loads the workspace at `root`. Returns the workspace with the accounts that parsed, and
/// every problem met on the way; the caller decides whether problems are fatal.
pub fn load(root: &Path) -> Result<(Workspace, Vec<Diagnostic>), Unloaded> {
    if !root.is_dir() {
        let message = if root.exists() {
            "the workspace is a file, not a folder"
        } else {
            "workspace folder not found"
        };
        return Err(Unloaded {
            problems: vec![Diagnostic::error(Code::NotAWorkspace, root, message)
                .help("give the path of a folder that holds rapport.yaml and accounts/, or create one with `rapport init DIR`")],
            accounts: Vec::new(),
        });
    }
    let config_path = root.join(CONFIG_FILE);
    let canonical_root = workspace_file::canonical_root(root);
    let mut problems = Vec::new();
    // A link that points nowhere is a rapport.yaml too: reading it says so.
    let config = if config_path.symlink_metadata().is_ok() {
        match read_file(&canonical_root, &config_path)
            .map_err(|e| vec![e])
            .and_then(|source| yaml::parse_all::<Config>(&source).map(|config| (source, config)))
        {
            Ok(config) => Some(config),
            Err(found) => {
                problems.extend(found.into_iter().map(|e| to_diagnostic(&config_path, e)));
                None
            }
        }
    } else {
        problems.push(
            Diagnostic::error(Code::NotAWorkspace, &config_path, "missing rapport.yaml: this folder is not a rapport workspace").help(
                "create rapport.yaml with at least `organisation: Your Company`, or run `rapport init DIR` for a new workspace",
            ),
        );
        None
    };

    let (paths, mut walk_problems) = account_paths(root);
    problems.append(&mut walk_problems);
    let parsed: Vec<Result<AccountFile, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|p| load_account(&canonical_root, p))
        .collect();
    let mut accounts = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(account) => accounts.push(account),
            Err(found) => problems.extend(found),
        }
    }
    accounts.sort_by(|a, b| a.id.cmp(&b.id));

    match config {
        Some((config_source, config)) => Ok((
            Workspace {
                root: root.to_path_buf(),
                config_path,
                config_source,
                config,
                accounts,
            },
            problems,
        )),
        None => Err(Unloaded { problems, accounts }),
    }
}

/// The workspace a command given `start` works on. Given the current folder (`.`, the
/// default) where there is no `rapport.yaml`, the nearest folder above that has one, the way
/// git and cargo find their roots (as a relative path, `..` or `../..`, so that messages
/// name files as the user sees them from where they stand). Any other path is taken as
/// given, and a folder without `rapport.yaml` is reported by `load`.
pub fn find_workspace(start: &Path) -> PathBuf {
    if start != Path::new(".") || start.join(CONFIG_FILE).exists() {
        return start.to_path_buf();
    }
    let mut candidate = PathBuf::new();
    // Deep enough for any real folder tree; a bound keeps a loop of links from spinning.
    for _ in 0..64 {
        candidate.push("..");
        if candidate.join(CONFIG_FILE).is_file() {
            return candidate;
        }
        let at_root = std::fs::canonicalize(&candidate)
            .map(|c| c.parent().is_none())
            .unwrap_or(true);
        if at_root {
            break;
        }
    }
    start.to_path_buf()
}

/// `*.yaml` / `*.yml`, but not what editors write beside a file while saving it
/// (`.name.yaml.swp`, `name.yaml~`, and Emacs' `.#name.yaml` lock and `#name.yaml#`): an
/// editor's lock file must not become a second, broken account. Other odd names, hidden
/// ones included, are loaded and refused as ids, so no file is silently ignored.
pub fn is_account_file_name(name: &str) -> bool {
    (name.ends_with(".yaml") || name.ends_with(".yml"))
        && !name.starts_with(".#")
        && !name.starts_with('#')
}

/// Every account file under `accounts/` (see [`is_account_file_name`]), sorted. Symlinks are followed only when
/// they resolve inside the workspace.
fn account_paths(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let dir = root.join(ACCOUNTS_DIR);
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (paths, problems);
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for entry in walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.clone());
                problems.push(Diagnostic::error(
                    Code::UnreadableFile,
                    path,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if !is_account_file_name(&entry.file_name().to_string_lossy()) {
            continue;
        }
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                _ => {
                    problems.push(
                        Diagnostic::error(
                            Code::LinkOutsideWorkspace,
                            path,
                            "symbolic link that points outside the workspace (or nowhere)",
                        )
                        .help("copy the account file into accounts/ instead of linking to it"),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        paths.push(path.to_path_buf());
    }
    (paths, problems)
}

/// Reads and parses one account file, with the limits and messages of the full load: every
/// structural problem of the file, or the account. `canonical_root` is the workspace's
/// folder as [`workspace_file::canonical_root`] gives it.
pub fn load_account(canonical_root: &Path, path: &Path) -> Result<AccountFile, Vec<Diagnostic>> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = read_file(canonical_root, path).map_err(|e| vec![to_diagnostic(path, e)])?;
    let account = yaml::parse_all::<Account>(&source).map_err(|found| {
        found
            .into_iter()
            .map(|e| to_diagnostic(path, e))
            .collect::<Vec<_>>()
    })?;
    Ok(AccountFile {
        id,
        path: path.to_path_buf(),
        source,
        account,
    })
}

/// Reads a workspace file (inside the workspace, regular, under the size limit) and checks
/// its encoding.
fn read_file(canonical_root: &Path, path: &Path) -> Result<String, YamlError> {
    let bytes = workspace_file::read(canonical_root, path, yaml::MAX_FILE_BYTES).map_err(|e| {
        let (code, help) = match &e {
            ReadError::TooLarge { .. } => (
                Code::FileTooLarge,
                "split the history into a smaller file; an account file is usually under 100 KB",
            ),
            ReadError::Outside => (
                Code::LinkOutsideWorkspace,
                "copy the file into the workspace instead of linking to it",
            ),
            ReadError::NotRegular => (Code::UnreadableFile, "replace it with a regular YAML file"),
            ReadError::Io(_) => (
                Code::UnreadableFile,
                "check that the file exists and that you may read it",
            ),
        };
        YamlError::new(code, e.to_string()).help(help)
    })?;
    yaml::decode(&bytes).map(str::to_owned)
}

/// Wraps a YAML problem with the file it was found in.
pub fn to_diagnostic(path: &Path, problem: YamlError) -> Diagnostic {
    let mut d = Diagnostic::error(problem.code, path, problem.message)
        .at(problem.position)
        .path(problem.path);
    d.help = problem.help;
    d
}

/// The text of the file a diagnostic points into, for the source excerpt under the message.
/// Read only when a position is known and the file is within the size limit, so reporting
/// a problem never reads a huge or hostile file that loading refused.
pub fn source_of(diagnostic: &Diagnostic) -> Option<String> {
    diagnostic.position?;
    let bytes = workspace_file::read_bounded(&diagnostic.file, yaml::MAX_FILE_BYTES).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Some(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Position;

    #[test]
    fn editor_lock_and_backup_files_are_not_accounts() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let accounts = dir.path().join(ACCOUNTS_DIR);
        std::fs::create_dir(&accounts).unwrap_or_else(|e| panic!("{e}"));
        for name in [
            "acme.yaml",
            "beta.yml",
            ".#acme.yaml",
            "#acme.yaml#",
            ".acme.yaml.swp",
            "acme.yaml~",
            "notes.txt",
        ] {
            std::fs::write(accounts.join(name), "not: [valid").unwrap_or_else(|e| panic!("{e}"));
        }
        let (paths, problems) = account_paths(dir.path());
        assert!(problems.is_empty());
        let names: Vec<_> = paths
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert_eq!(names, ["acme.yaml", "beta.yml"]);
    }

    #[test]
    fn source_is_read_only_for_placed_diagnostics_of_small_files() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let small = dir.path().join("small.yaml");
        let huge = dir.path().join("huge.yaml");
        std::fs::write(&small, "\u{feff}name: A\n").unwrap_or_else(|e| panic!("{e}"));
        let file = std::fs::File::create(&huge).unwrap_or_else(|e| panic!("{e}"));
        file.set_len(yaml::MAX_FILE_BYTES + 1)
            .unwrap_or_else(|e| panic!("{e}"));
        let at = Some(Position { line: 1, column: 1 });
        assert_eq!(
            source_of(&Diagnostic::error(Code::YamlSyntax, &small, "m").at(at)).as_deref(),
            Some("name: A\n")
        );
        assert_eq!(
            source_of(&Diagnostic::error(Code::YamlSyntax, &small, "m")),
            None
        );
        assert_eq!(
            source_of(&Diagnostic::error(Code::YamlSyntax, &huge, "m").at(at)),
            None
        );
        assert_eq!(
            source_of(&Diagnostic::error(Code::YamlSyntax, dir.path(), "m").at(at)),
            None
        );
    }
}
