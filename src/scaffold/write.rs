//! Writes the files of `init` and `new`: each through a temporary file linked into place,
//! so a reader (or `rapport serve` watching the folder) never sees half a file, and an
//! existing file is never replaced.

use super::ScaffoldError;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Writes a file that must not exist yet: the text goes to a temporary file in the same
/// folder, which is then hard-linked to `path` (the link fails if `path` exists, unlike a
/// rename, which would replace it) and removed. Where the file system has no hard links, it
/// falls back to a rename after checking that `path` is still free.
pub(super) fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io_error = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (temp, mut file) = create_temp(dir, &name).map_err(io_error)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| match fs::hard_link(&temp, path) {
        Err(e)
            if e.kind() != io::ErrorKind::AlreadyExists && fs::symlink_metadata(path).is_err() =>
        {
            fs::rename(&temp, path)
        }
        other => other,
    });
    let _ = fs::remove_file(&temp);
    match placed {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(ScaffoldError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io_error(e)),
    }
}

/// A fresh hidden file beside the target; its name does not end in `.yaml`, so a workspace
/// load never mistakes it for an account.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(
            ".{name}.rapport-tmp-{}-{attempt}",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        write_new(&path, "first").unwrap();
        assert!(matches!(
            write_new(&path, "second"),
            Err(ScaffoldError::Exists(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.yaml"], "no temporary file is left behind");
    }
}
