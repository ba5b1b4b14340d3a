//! Putting a finished staging folder in the output's place so that there is no moment
//! without a site: on Linux one `renameat2(RENAME_EXCHANGE)` swaps the two folders
//! atomically, and the old site, now under the staging name, is removed afterwards.
//! Where that call does not exist (other systems, old kernels: ENOSYS) or the filesystem
//! refuses it (EINVAL), two renames do the job with a short gap between them.

use super::{io_error, SiteError};
use std::fs;
use std::io;
use std::path::Path;

/// Replaces `out` (in `parent`, named `name`) by `staging`.
pub fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), SiteError> {
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return fs::rename(staging, out).map_err(io_error(out));
        }
        Err(e) => return Err(io_error(out)(e)),
        // Checked again here, just before the rename: whatever took the output's place
        // since the build began is never renamed away unless it is a folder.
        Ok(meta) if !meta.is_dir() => {
            return Err(SiteError::Refused {
                path: out.display().to_string(),
                reason: "it is no longer a folder (something replaced it during the build)".into(),
            });
        }
        Ok(_) => {}
    }
    match exchange(staging, out) {
        Ok(()) => {
            // `staging` now holds the previous site.
            let _ = fs::remove_dir_all(staging);
            Ok(())
        }
        Err(e) if unsupported(&e) => rename_twice(staging, out, parent, name),
        Err(e) => Err(io_error(out)(e)),
    }
}

/// Whether an exchange failed because the system or filesystem cannot do it, rather
/// than because of the folders.
fn unsupported(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Unsupported
        || matches!(error.raw_os_error(), Some(code) if is_unsupported_errno(code))
}

#[cfg(target_os = "linux")]
fn is_unsupported_errno(code: i32) -> bool {
    use rustix::io::Errno;
    [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP]
        .iter()
        .any(|e| e.raw_os_error() == code)
}

#[cfg(not(target_os = "linux"))]
fn is_unsupported_errno(_code: i32) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn exchange(staging: &Path, out: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, staging, CWD, out, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_staging: &Path, _out: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// The portable swap: the old site aside, the new one in, the old one removed; the old
/// one is put back if the second rename fails.
fn rename_twice(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), SiteError> {
    let old = parent.join(format!(".{name}.rapport-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&old);
    fs::rename(out, &old).map_err(io_error(out))?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(io_error(out)(e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn folder_with(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        fs::create_dir_all(&path).unwrap();
        fs::write(path.join("page.html"), text).unwrap();
        path
    }

    #[test]
    fn both_ways_replace_the_site_and_leave_nothing_beside_it() {
        for exchange_first in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            let out = folder_with(dir.path(), "site", "old");
            let staging = folder_with(dir.path(), ".site.rapport-new-1", "new");
            if exchange_first {
                swap(&staging, &out, dir.path(), "site").unwrap();
            } else {
                rename_twice(&staging, &out, dir.path(), "site").unwrap();
            }
            assert_eq!(fs::read_to_string(out.join("page.html")).unwrap(), "new");
            assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        }
    }

    #[test]
    fn what_is_not_a_folder_is_never_renamed_away() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::write(&out, "a file of the user's").unwrap();
        let staging = folder_with(dir.path(), ".site.rapport-new-1", "new");
        assert!(swap(&staging, &out, dir.path(), "site").is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "a file of the user's");
    }
}
