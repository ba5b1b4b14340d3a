//! Writing an incremental rebuild into the existing output folder: each changed file goes
//! through a temporary file in its own folder and a rename, so a browser never reads half a
//! page; a file whose bytes are unchanged is left alone; a page an account no longer has
//! (a review taken out) is removed.
//!
//! Full builds do not come here: they go through [`super::Staging`], which swaps in a
//! whole new folder.

use super::{OutputFile, SiteError};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

fn io_error(path: &Path, source: io::Error) -> SiteError {
    SiteError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Writes the files whose content differs from what is on disk; returns their paths, in
/// the order of `files`. Files are compared and written in parallel: an edit's portfolio
/// files are tens of megabytes at 10,000 accounts.
pub fn write_changed(out: &Path, files: &[OutputFile]) -> Result<Vec<String>, SiteError> {
    let results: Vec<Result<Option<String>, SiteError>> = files
        .par_iter()
        .map(|file| {
            let path = out.join(&file.path);
            if same_bytes(&path, &file.bytes) {
                return Ok(None);
            }
            replace(&path, &file.bytes)?;
            Ok(Some(file.path.clone()))
        })
        .collect();
    let mut written = Vec::new();
    for result in results {
        written.extend(result?);
    }
    Ok(written)
}

/// Whether the file at `path` holds exactly `bytes`: sizes first, which spares reading a
/// changed portfolio; then the contents a block at a time, never the whole file at once.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let same_size = fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64);
    if !same_size {
        return false;
    }
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut block = vec![0; 64 * 1024];
    let mut rest = bytes;
    loop {
        match io::Read::read(&mut file, &mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io_error(path, io::ErrorKind::InvalidInput.into()));
    };
    fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let temp = dir.join(format!(
        ".{}.rapport-tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = fs::write(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(io_error(path, e));
    }
    Ok(())
}

/// Removes the files directly in `out/dir` that are not in `keep` (paths relative to
/// `out`, as in [`OutputFile::path`]); returns their paths. A folder that does not exist
/// has nothing to remove.
pub fn remove_stale(
    out: &Path,
    dir: &str,
    keep: &BTreeSet<&str>,
) -> Result<Vec<String>, SiteError> {
    let folder = out.join(dir);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&folder, e)),
    };
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&folder, e))?;
        let name = entry.file_name();
        let relative = format!("{dir}/{}", name.to_string_lossy());
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        if is_file && !keep.contains(relative.as_str()) {
            fs::remove_file(entry.path()).map_err(|e| io_error(&entry.path(), e))?;
            removed.push(relative);
        }
    }
    Ok(removed)
}

/// Removes the files at `paths` (relative to `out`) that exist; returns those it removed.
pub fn remove_files(out: &Path, paths: &[String]) -> Result<Vec<String>, SiteError> {
    let mut removed = Vec::new();
    for relative in paths {
        let path = out.join(relative);
        match fs::remove_file(&path) {
            Ok(()) => removed.push(relative.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&path, e)),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
    }

    #[test]
    fn writes_only_what_changed_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let first = [file("a/x.html", "1"), file("a/y.md", "2")];
        assert_eq!(write_changed(out, &first).unwrap(), ["a/x.html", "a/y.md"]);
        #[cfg(unix)]
        let before = inode(&out.join("a/y.md"));
        let second = [file("a/x.html", "changed"), file("a/y.md", "2")];
        assert_eq!(write_changed(out, &second).unwrap(), ["a/x.html"]);
        assert_eq!(fs::read_to_string(out.join("a/x.html")).unwrap(), "changed");
        #[cfg(unix)]
        assert_eq!(
            inode(&out.join("a/y.md")),
            before,
            "an unchanged file is not rewritten"
        );
        let names: Vec<_> = fs::read_dir(out.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
    }

    #[test]
    fn a_file_of_the_same_size_is_compared_block_by_block() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        // Larger than one block, differing only in the last byte of the second.
        let big = "x".repeat(100_000);
        let mut changed = big.clone();
        changed.replace_range(99_999.., "y");
        write_changed(out, &[file("p.json", &big)]).unwrap();
        assert!(write_changed(out, &[file("p.json", &big)])
            .unwrap()
            .is_empty());
        assert_eq!(
            write_changed(out, &[file("p.json", &changed)]).unwrap(),
            ["p.json"]
        );
        assert_eq!(fs::read_to_string(out.join("p.json")).unwrap(), changed);
    }

    #[test]
    fn removes_pages_that_are_no_longer_built() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        write_changed(
            out,
            &[file("s/a/old.html", "1"), file("s/a/keep.html", "2")],
        )
        .unwrap();
        fs::create_dir_all(out.join("s/a/sub")).unwrap();
        let keep = BTreeSet::from(["s/a/keep.html"]);
        assert_eq!(remove_stale(out, "s/a", &keep).unwrap(), ["s/a/old.html"]);
        assert!(!out.join("s/a/old.html").exists());
        assert!(out.join("s/a/keep.html").exists());
        assert!(out.join("s/a/sub").is_dir(), "folders are not touched");
        assert!(remove_stale(out, "s/missing", &keep).unwrap().is_empty());
    }
}
