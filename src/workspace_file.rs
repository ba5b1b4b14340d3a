//! Reads a file of the workspace (`rapport.yaml`, an account, a template override) the one
//! safe way: a regular file whose real path is inside the workspace (never followed through
//! a symbolic link out of it), never a FIFO, socket or device (which could hang a read or
//! never end it), and never more than a limit of bytes, whatever the file's size says.

use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why a workspace file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("it is a symbolic link that points outside the workspace")]
    Outside,
    #[error("it is not a regular file (a folder, FIFO, socket or device)")]
    NotRegular,
    #[error("the file is {:.1} MiB, over the {} limit for one file", *.size as f64 / (1 << 20) as f64, limit_text(*.limit))]
    TooLarge { size: u64, limit: u64 },
}

fn limit_text(limit: u64) -> String {
    if limit >= 1 << 20 {
        format!("{} MiB", limit >> 20)
    } else {
        format!("{limit} bytes")
    }
}

/// The workspace's folder as the file system resolves it, to test paths against; the path as
/// given when it cannot be resolved (it does not exist, and neither will its files).
pub fn canonical_root(root: &Path) -> PathBuf {
    // `Path::new("")` is the current folder (the parent of `templates`), and every path
    // starts with it: it must be resolved, not compared.
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// The bytes of `path`, which must resolve inside `canonical_root` (see [`canonical_root`])
/// and be a regular file of at most `limit` bytes.
pub fn read(canonical_root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let real = path.canonicalize()?;
    if !real.starts_with(canonical_root) {
        return Err(ReadError::Outside);
    }
    read_bounded(&real, limit)
}

/// The bytes of `path` if it is a regular file of at most `limit` bytes, wherever it is:
/// for a file already read once (the source line under a diagnostic).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let real = path;
    if !std::fs::metadata(real)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = open_without_blocking(real)?;
    // Checked again on the open file: the path may have been swapped since.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // A file that grows while it is read stops at the limit, not at the end of the disk.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens for reading; on Unix without waiting for a writer, so that a FIFO put in place
/// between the check and the open cannot hang the run.
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_inside_only_and_within_the_limit() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let ws = dir.path().join("ws");
        std::fs::create_dir(&ws).unwrap_or_else(|e| panic!("{e}"));
        let root = canonical_root(&ws);
        std::fs::write(ws.join("a.yaml"), "name: A\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("secret"), "x").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read(&root, &ws.join("a.yaml"), 100).ok(),
            Some(b"name: A\n".to_vec())
        );
        assert!(matches!(
            read(&root, &ws.join("a.yaml"), 3),
            Err(ReadError::TooLarge { size: 8, limit: 3 })
        ));
        assert!(matches!(read(&root, &ws, 100), Err(ReadError::NotRegular)));
        assert!(matches!(
            read(&root, &ws.join("none"), 100),
            Err(ReadError::Io(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), ws.join("out.yaml"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(matches!(
                read(&root, &ws.join("out.yaml"), 100),
                Err(ReadError::Outside)
            ));
            std::os::unix::fs::symlink(ws.join("a.yaml"), ws.join("in.yaml"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(read(&root, &ws.join("in.yaml"), 100).is_ok());
            std::os::unix::fs::symlink("/dev/zero", ws.join("zero.yaml"))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(matches!(
                read(&root, &ws.join("zero.yaml"), 100),
                Err(ReadError::Outside)
            ));
            let fifo = ws.join("fifo.yaml");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert!(matches!(
                    read(&root, &fifo, 100),
                    Err(ReadError::NotRegular)
                ));
            }
        }
    }
}
