//! One writer per output folder: a lock file beside the output, `.<name>.rapport-lock`,
//! held with the operating system's advisory lock (`flock` on Unix, `LockFileEx` on
//! Windows, through `std::fs::File::try_lock`). The OS releases it when the process ends,
//! however it ends, so a killed build never leaves a stale lock behind; the pid written
//! into the file is only there for the message. On Unix the holder removes the file when
//! it is done, so nothing is left beside the output; a process that locked the file just
//! as it was removed sees that the path no longer names its file and tries again.
//!
//! `serve` holds the lock for as long as it runs and its full rebuilds take it again:
//! an advisory lock conflicts between two opens of the file even in one process, so the
//! process keeps a table of the locks it holds and hands out the same one.

use super::SiteError;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

/// The lock files this process holds, by path.
static HELD: Mutex<BTreeMap<PathBuf, Weak<Held>>> = Mutex::new(BTreeMap::new());

struct Held {
    /// Closing the file releases the lock.
    _file: File,
    path: PathBuf,
}

impl Drop for Held {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this), so whoever opens the
        // path next gets a new file; see `same_file`.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether `path` still names the open `file`: false when its holder removed it between
/// our open and our lock.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

/// Holds the output folder's lock until dropped (the last clone, within one process).
#[derive(Clone)]
pub struct OutputLock {
    _held: Arc<Held>,
}

/// The lock file of the output folder `name` in `parent`.
pub fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.rapport-lock"))
}

impl OutputLock {
    /// Takes the lock of the output `out` (`parent/name`), or fails at once, naming the
    /// process that holds it, when another process does.
    pub fn acquire(out: &Path, parent: &Path, name: &str) -> Result<OutputLock, SiteError> {
        let path = lock_path(parent, name);
        // A poisoned table only means another thread panicked holding it; the table itself
        // is still a valid map.
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(lock) = held.get(&path).and_then(Weak::upgrade) {
            return Ok(OutputLock { _held: lock });
        }
        let io = |source| SiteError::Io {
            path: path.display().to_string(),
            source,
        };
        fs::create_dir_all(parent).map_err(io)?;
        let mut file = loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) if same_file(&file, &path) => break file,
                // The holder removed it as we locked it: open the path anew.
                Ok(()) => continue,
                Err(fs::TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = (&file).take(64).read_to_string(&mut text);
                    let pid = text.trim();
                    let holder = if pid.is_empty() {
                        String::new()
                    } else {
                        format!(" (pid {pid})")
                    };
                    return Err(SiteError::Busy {
                        path: out.display().to_string(),
                        holder,
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        };
        // Only the message reads the pid; failing to write it costs nothing else.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()));
        let lock = Arc::new(Held {
            _file: file,
            path: path.clone(),
        });
        held.retain(|_, weak| weak.strong_count() > 0);
        held.insert(path, Arc::downgrade(&lock));
        Ok(OutputLock { _held: lock })
    }
}
