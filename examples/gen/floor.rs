//! The write floor: how long this machine takes just to write the files of a built site,
//! with no parsing, analysis or rendering. The site is read into memory first (not
//! timed), then written the way `rapport build` writes (folders first, then the files in
//! parallel on every core), so the difference to a build is rapport's own work.

use rayon::prelude::*;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a floor measurement wrote and how long the writing took.
pub struct Floor {
    pub files: usize,
    pub bytes: u64,
    pub write: Duration,
}

/// Copies every file under `site` into the new folder `out` and times only the writing.
pub fn measure(site: &Path, out: &Path) -> io::Result<Floor> {
    if out.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} exists; the floor is measured into a new folder",
                out.display()
            ),
        ));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    read_tree(site, Path::new(""), &mut files)?;
    files.sort();
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    let started = Instant::now();
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|(p, _)| p.parent().map(|d| out.join(d)))
        .collect();
    dirs.push(out.to_path_buf());
    dirs.sort();
    dirs.dedup();
    for dir in &dirs {
        fs::create_dir_all(dir)?;
    }
    files
        .par_iter()
        .try_for_each(|(path, content)| fs::write(out.join(path), content))?;
    Ok(Floor {
        files: files.len(),
        bytes,
        write: started.elapsed(),
    })
}

fn read_tree(root: &Path, relative: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) -> io::Result<()> {
    for entry in fs::read_dir(root.join(relative))? {
        let entry = entry?;
        let path = relative.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            read_tree(root, &path, out)?;
        } else if kind.is_file() {
            let content = fs::read(root.join(&path))?;
            out.push((path, content));
        }
    }
    Ok(())
}
