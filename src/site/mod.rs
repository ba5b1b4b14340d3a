//! The only code that writes to the output directory. A build is rendered in memory,
//! written into a temporary directory beside the output, and swapped in at the end, so a
//! failed build leaves the previous site untouched. `serve`'s partial rebuilds replace
//! single files in place instead (`update`).

mod update;

pub use update::{remove_stale, write_changed};

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
/// a folder above it, its `accounts/` or `templates/`, and any non-empty folder that is
/// not an earlier rapport output.
pub fn check_out_dir(out: &Path, workspace: &Path) -> Result<(), SiteError> {
    let refuse = |reason: &str| SiteError::Refused {
        path: out.display().to_string(),
        reason: reason.to_string(),
    };
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
    if out_abs.is_file() {
        return Err(refuse("it is a file"));
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

/// A path made absolute and cleaned of `.` and `..` without touching the filesystem, so
/// that comparisons work for folders that do not exist yet.
fn absolute(path: &Path) -> PathBuf {
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
    // Resolve symlinks where the folder exists, so a link to the workspace is recognised.
    clean.canonicalize().unwrap_or(clean)
}

/// A fresh folder beside the output that a build fills, account by account, and that
/// replaces the output only when everything is written. Dropped without `commit`, it is
/// removed and the output is untouched.
pub struct Staging {
    root: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder for `out` (beside it, so the final swap is a rename).
    pub fn create(out: &Path) -> Result<Staging, SiteError> {
        let out = absolute(out);
        let parent = out
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        let root = parent.join(format!(".{name}.rapport-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).map_err(io_error(&root))?;
        Ok(Staging {
            root,
            out,
            parent,
            name,
            committed: false,
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
        swap(&self.root, &self.out, &self.parent, &self.name)?;
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

fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), SiteError> {
    if out.exists() {
        let old = parent.join(format!(".{name}.rapport-old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&old);
        fs::rename(out, &old).map_err(io_error(out))?;
        if let Err(e) = fs::rename(staging, out) {
            // Put the previous site back before reporting.
            let _ = fs::rename(&old, out);
            return Err(io_error(out)(e));
        }
        let _ = fs::remove_dir_all(&old);
    } else {
        fs::rename(staging, out).map_err(io_error(out))?;
    }
    Ok(())
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
