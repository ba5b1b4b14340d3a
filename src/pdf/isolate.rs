//! Private copies of each audience's folder to print from.
//!
//! A statement is printed from a fresh copy of `shared/<id>/` alone, and review packs
//! from a copy of `internal/` alone, so a relative path out of the folder (a template
//! override's `<iframe src="../../internal/…">`) names a file that does not exist. The
//! browser's request policy refuses such paths as well; the copy is the second wall.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One page to print.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its path in the site, `/`-separated: how errors name it.
    pub page: String,
    /// The HTML in the private copy.
    pub html: PathBuf,
    /// The private copy's root: the only folder the page may load files from.
    pub folder: PathBuf,
    /// Where its PDF goes: beside the HTML in the staging folder.
    pub pdf: PathBuf,
}

/// The private copies, removed when dropped, and the pages to print from them.
pub struct Copies {
    pub jobs: Vec<Job>,
    _dirs: Vec<tempfile::TempDir>,
}

impl Copies {
    /// Copies the audience folder of each of `pages` (paths relative to `root`, as
    /// `paths::is_printable` names them) once, and lists the jobs.
    pub fn make(root: &Path, pages: &[String]) -> io::Result<Copies> {
        let mut copies: BTreeMap<String, (tempfile::TempDir, PathBuf)> = BTreeMap::new();
        let mut jobs = Vec::with_capacity(pages.len());
        for page in pages {
            let Some((folder, inside)) = audience_folder(page) else {
                return Err(io::Error::other(format!("{page} is in no audience folder")));
            };
            if !copies.contains_key(&folder) {
                let dir = tempfile::Builder::new()
                    .prefix("rapport-print-")
                    .tempdir()?;
                // The URL the page is loaded from must be the one the policy compares
                // with: no symbolic link in it (macOS's /var is one).
                let canonical = fs::canonicalize(dir.path())?;
                copy_tree(&root.join(&folder), &canonical)?;
                copies.insert(folder.clone(), (dir, canonical));
            }
            let Some((_, copy)) = copies.get(&folder) else {
                continue;
            };
            jobs.push(Job {
                page: page.clone(),
                html: copy.join(inside),
                folder: copy.clone(),
                pdf: root.join(page).with_extension("pdf"),
            });
        }
        Ok(Copies {
            jobs,
            _dirs: copies.into_values().map(|(dir, _)| dir).collect(),
        })
    }
}

/// The audience folder a page belongs to (`internal` or `shared/<id>`) and its path
/// inside it.
fn audience_folder(page: &str) -> Option<(String, String)> {
    if let Some(inside) = page.strip_prefix("internal/") {
        return Some(("internal".into(), inside.into()));
    }
    let rest = page.strip_prefix("shared/")?;
    let (id, inside) = rest.split_once('/')?;
    Some((format!("shared/{id}"), inside.into()))
}

/// Copies the regular files and folders under `from` into `to`. Symbolic links are not
/// followed (the build writes none; one would point outside the copy).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.map_err(io::Error::other)?;
        let Ok(relative) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn each_audience_is_copied_alone() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for file in [
            "internal/style.css",
            "internal/accounts/a/2026-Q1.html",
            "shared/a/statement.html",
            "shared/a/style.css",
            "shared/b/statement.html",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file).unwrap();
        }
        let pages = [
            "internal/accounts/a/2026-Q1.html".to_string(),
            "shared/a/statement.html".to_string(),
            "shared/b/statement.html".to_string(),
        ];
        let copies = Copies::make(root, &pages).unwrap();
        let [pack, a, b] = &copies.jobs[..] else {
            panic!("{:?}", copies.jobs);
        };
        assert!(pack.folder.join("style.css").is_file());
        assert_eq!(pack.html, pack.folder.join("accounts/a/2026-Q1.html"));
        assert_eq!(pack.pdf, root.join("internal/accounts/a/2026-Q1.pdf"));
        assert_eq!(a.html, a.folder.join("statement.html"));
        assert!(a.folder.join("style.css").is_file());
        // Nothing of another audience or account is in a shared copy.
        let names: Vec<_> = fs::read_dir(&b.folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["statement.html"]);
        assert_ne!(a.folder, b.folder);
        let folders = [pack.folder.clone(), a.folder.clone()];
        drop(copies);
        assert!(folders.iter().all(|f| !f.exists()), "copies removed");
    }
}
