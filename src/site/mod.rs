//! The only code that writes to the output directory. A build is rendered in memory,
//! written into a temporary directory beside the output, and swapped in at the end, so a
//! failed build leaves the previous site untouched. `serve`'s partial rebuilds replace
//! single files in place instead (`update`).

mod lock;
mod swap;
mod update;

pub use lock::OutputLock;
pub use update::{remove_files, remove_stale, write_changed};

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file that marks a folder as rapport output, so `--out` never overwrites anything else.
pub const MARKER: &str = ".rapport-site";

/// One file to write, relative to the output root.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Why the output directory cannot be used or written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("refusing to write the site into {path}: {reason}")]
    Refused { path: String, reason: String },
    #[error("another rapport build is writing {path}{holder}; wait for it to finish or stop it")]
    Busy { path: String, holder: String },
    #[error("cannot write {path}: {source}")]
    Io { path: String, source: io::Error },
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Refuses output directories that would destroy user data: `/`, the workspace itself or
/// a folder above it, its `accounts/` or `templates/` (also through a symbolic link on the
/// way), anything that exists and is not a folder (a file, a FIFO, a device, a link to
/// one: the swap would rename it away), and any non-empty folder that is not an earlier
/// rapport output.
pub fn check_out_dir(out: &Path, workspace: &Path) -> Result<(), SiteError> {
    let refuse = |reason: &str| SiteError::Refused {
        path: out.display().to_string(),
        reason: reason.to_string(),
    };
    let lexical = lexical_absolute(out);
    if let Ok(meta) = fs::symlink_metadata(&lexical) {
        let link = meta.file_type().is_symlink();
        let what = match (fs::metadata(&lexical), link) {
            (Ok(target), _) if target.is_dir() => None,
            (Ok(target), false) if target.is_file() => Some("a file"),
            (Ok(target), true) if target.is_file() => Some("a symbolic link to a file"),
            (Ok(_), false) => Some("a FIFO, socket or device"),
            (Ok(_), true) => Some("a symbolic link to a FIFO, socket or device"),
            (Err(_), _) => Some("a symbolic link that leads nowhere"),
        };
        if let Some(what) = what {
            return Err(refuse(&format!(
                "it exists and is {what}, not a folder; choose a folder or a new name"
            )));
        }
    }
    let out_abs = absolute(out);
    let ws_abs = absolute(workspace);
    if out_abs.parent().is_none() {
        return Err(refuse("it is the filesystem root"));
    }
    if ws_abs.starts_with(&out_abs) {
        return Err(refuse("it is the workspace or a folder that contains it"));
    }
    for protected in ["accounts", "templates"] {
        if out_abs.starts_with(ws_abs.join(protected)) {
            return Err(refuse(&format!(
                "it is inside the workspace's {protected}/ folder"
            )));
        }
    }
    if out_abs.is_dir() && !out_abs.join(MARKER).is_file() {
        let empty = fs::read_dir(&out_abs)
            .map_err(io_error(&out_abs))?
            .next()
            .is_none();
        if !empty {
            return Err(refuse(&format!(
                "it is a non-empty folder that rapport did not create (no {MARKER} marker); choose an empty or new folder"
            )));
        }
    }
    Ok(())
}

/// A path made absolute and cleaned of `.` and `..` without touching the filesystem.
fn lexical_absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

/// A path made absolute, cleaned, and with symbolic links resolved as far as it exists:
/// the nearest existing ancestor is canonicalised and the rest appended, so a folder that
/// does not exist yet under a link into the workspace's `accounts/` is recognised as
/// being inside it.
fn absolute(path: &Path) -> PathBuf {
    let clean = lexical_absolute(path);
    let mut existing = clean.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut resolved = real;
            resolved.extend(rest.iter().rev());
            return resolved;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return clean,
        }
    }
}

/// The prefix of the staging folders of the output `name`: `.<name>.rapport-new-<pid>`
/// while a build writes, `.<name>.rapport-old-<pid>` for the previous site during the
/// fallback swap.
fn staging_prefixes(name: &str) -> [String; 2] {
    [
        format!(".{name}.rapport-new-"),
        format!(".{name}.rapport-old-"),
    ]
}

/// Removes the staging folders a killed build left beside the output: only folders
/// (never a link or file) whose name is one of ours for this output followed by a pid.
/// The caller holds the output's lock, so no live build is using them.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = staging_prefixes(name);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let ours = prefixes.iter().any(|prefix| {
            file_name
                .strip_prefix(prefix.as_str())
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if ours && is_dir {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// A fresh folder beside the output that a build fills, account by account, and that
/// replaces the output only when everything is written. Dropped without `commit`, it is
/// removed and the output is untouched. It holds the output's lock from creation to
/// drop, so two builds never write one output at once.
pub struct Staging {
    root: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    committed: bool,
    _lock: OutputLock,
}

/// Takes the lock of the output folder `out` for as long as the result is kept: `serve`
/// holds it while it runs. Fails at once when another process holds it.
pub fn lock_output(out: &Path) -> Result<OutputLock, SiteError> {
    let (out, parent, name) = locate(out);
    OutputLock::acquire(&out, &parent, &name)
}

/// The output folder resolved, its parent and its name.
fn locate(out: &Path) -> (PathBuf, PathBuf, String) {
    let out = absolute(out);
    let parent = out
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    (out, parent, name)
}

impl Staging {
    /// Takes the output's lock, removes what killed builds left, and creates the staging
    /// folder for `out` (beside it, so the final swap is a rename).
    pub fn create(out: &Path) -> Result<Staging, SiteError> {
        let (out, parent, name) = locate(out);
        fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let lock = OutputLock::acquire(&out, &parent, &name)?;
        remove_leftovers(&parent, &name);
        let root = parent.join(format!(".{name}.rapport-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).map_err(io_error(&root))?;
        Ok(Staging {
            root,
            out,
            parent,
            name,
            committed: false,
            _lock: lock,
        })
    }

    /// Writes files (paths relative to the output root), creating their folders.
    pub fn write(&self, files: &[OutputFile]) -> Result<(), SiteError> {
        let mut dirs: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| Path::new(&f.path).parent().map(|p| self.root.join(p)))
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in &dirs {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        files.iter().try_for_each(|file| {
            let path = self.root.join(&file.path);
            fs::write(&path, &file.bytes).map_err(io_error(&path))
        })
    }

    /// Writes the marker, lets `finish` add to the folder (PDFs), then swaps it in.
    pub fn commit(
        mut self,
        finish: impl FnOnce(&Path) -> Result<(), String>,
    ) -> Result<(), SiteError> {
        let marker = self.root.join(MARKER);
        fs::write(
            &marker,
            b"This folder was written by rapport build; it is replaced on every build.\n",
        )
        .map_err(io_error(&marker))?;
        finish(&self.root).map_err(|reason| SiteError::Refused {
            path: self.out.display().to_string(),
            reason,
        })?;
        swap::swap(&self.root, &self.out, &self.parent, &self.name)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

/// Writes every file into a fresh staging folder beside `out`, lets `finish` add to it
/// (PDFs), then replaces `out` with it. On any error `out` is untouched.
pub fn write_atomically(
    out: &Path,
    files: &[OutputFile],
    finish: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), SiteError> {
    let staging = Staging::create(out)?;
    staging.write(files)?;
    staging.commit(finish)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_output_folders() {
        let ws = tempfile::tempdir().unwrap();
        let root = ws.path();
        fs::create_dir_all(root.join("accounts")).unwrap();
        assert!(check_out_dir(Path::new("/"), root).is_err());
        assert!(check_out_dir(root, root).is_err());
        assert!(check_out_dir(&root.join("accounts"), root).is_err());
        assert!(check_out_dir(&root.join("accounts/x"), root).is_err());
        assert!(check_out_dir(&root.join(".."), root).is_err());
        let other = root.join("notes");
        fs::create_dir_all(&other).unwrap();
        fs::write(other.join("keep.txt"), "mine").unwrap();
        assert!(check_out_dir(&other, root).is_err());
        assert!(check_out_dir(&root.join("site"), root).is_ok());
        fs::write(other.join(MARKER), "").unwrap();
        assert!(check_out_dir(&other, root).is_ok());
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let file = |p: &str, b: &str| OutputFile {
            path: p.into(),
            bytes: b.as_bytes().to_vec(),
        };
        write_atomically(
            &out,
            &[file("a/x.html", "1"), file("b.md", "2")],
            |_| Ok(()),
        )
        .unwrap();
        write_atomically(&out, &[file("a/y.html", "3")], |_| Ok(())).unwrap();
        let failed = write_atomically(&out, &[file("c.html", "4")], |_| Err("no".into()));
        assert!(failed.is_err());
        assert_eq!(
            fs::read_to_string(out.join("a/y.html")).unwrap(),
            "3",
            "a failed finish keeps the old site"
        );
        assert!(
            !out.join("a/x.html").exists(),
            "stale files from the previous build are gone"
        );
        assert_eq!(fs::read_to_string(out.join("a/y.html")).unwrap(), "3");
        assert!(out.join(MARKER).exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }
}
