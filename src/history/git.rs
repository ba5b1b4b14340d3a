//! Reads revisions of account files with the `git` binary: one `git log` for the history
//! of a folder and one `git cat-file --batch` for every file version needed, whatever the
//! number of accounts and reviews.
//!
//! Only read-only plumbing is run (`rev-parse`, `log`, `cat-file`): none of them runs
//! hooks. The child never inherits a `GIT_DIR` or index from a calling hook, never asks
//! for credentials and never fetches missing objects from a remote.

use super::diff::CommitRef;
use crate::model::Date;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why git could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(String),
    #[error("git {command} failed: {message}")]
    Failed { command: String, message: String },
    #[error("unexpected output from git {0}")]
    Output(String),
}

/// One commit of a path-limited log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    /// Rewritten to the nearest ancestors that touch the logged paths.
    pub parents: Vec<String>,
    /// The committer date, in the committer's time zone: what "on or before a date" means.
    pub date: Date,
    pub author: String,
    /// Paths touched, relative to the repository root.
    pub files: Vec<String>,
}

impl Commit {
    pub fn reference(&self) -> CommitRef {
        CommitRef {
            id: self.id.clone(),
            author: self.author.clone(),
            date: self.date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// One version of a file read from git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    /// The file did not exist in that revision.
    Missing,
    /// The file is larger than the limit for one account file; its size in bytes.
    TooLarge(u64),
    /// The content and its object id (equal ids: equal content, read once).
    Bytes { oid: String, bytes: Vec<u8> },
}

/// A git work tree that contains a workspace.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The workspace folder; git runs there.
    dir: PathBuf,
    /// The workspace's path inside the repository, `""` or ending in `/`.
    prefix: String,
}

impl Repo {
    /// The repository around `dir`: `None` if `dir` is not inside a git work tree, an
    /// error if git cannot be run at all.
    pub fn discover(dir: &Path) -> Result<Option<Repo>, GitError> {
        let output = match git(
            dir,
            &["rev-parse", "--is-inside-work-tree", "--show-prefix"],
        ) {
            Ok(output) => output,
            Err(GitError::Spawn(e)) => return Err(GitError::Spawn(e)),
            Err(_) => return Ok(None),
        };
        let mut lines = output.lines();
        if lines.next() != Some("true") {
            return Ok(None);
        }
        Ok(Some(Repo {
            dir: dir.to_path_buf(),
            prefix: lines.next().unwrap_or_default().to_string(),
        }))
    }

    /// The path of a workspace file inside the repository: `sample-data/accounts/x.yaml`.
    pub fn path_of(&self, workspace_relative: &str) -> String {
        format!("{}{}", self.prefix, workspace_relative)
    }

    /// The full id of a revision that names a commit.
    pub fn resolve(&self, revision: &str) -> Result<String, GitError> {
        if revision.starts_with('-') || revision.contains(['\n', '\0']) {
            return Err(GitError::Failed {
                command: "rev-parse".into(),
                message: format!("`{revision}` is not a revision"),
            });
        }
        let spec = format!("{revision}^{{commit}}");
        let out = git(&self.dir, &["rev-parse", "--verify", "--quiet", &spec])?;
        let id = out.lines().next().unwrap_or_default().trim().to_string();
        if id.is_empty() {
            return Err(GitError::Output("rev-parse".into()));
        }
        Ok(id)
    }

    /// Commits that touched `paths` (relative to the workspace), newest first (no parent
    /// before its children), limited to `range` (`A..B`) or everything reachable from
    /// HEAD. A repository without commits has an empty history.
    pub fn log(&self, range: Option<&str>, paths: &[&str]) -> Result<Vec<Commit>, GitError> {
        let head = match range {
            Some(range) => range.to_string(),
            None if self.resolve("HEAD").is_err() => return Ok(Vec::new()),
            None => "HEAD".to_string(),
        };
        self.run_log(&[], &head, paths)
    }

    /// The commit a full id names.
    pub fn commit(&self, id: &str) -> Result<Commit, GitError> {
        self.run_log(&["-1"], id, &[])?
            .into_iter()
            .next()
            .ok_or_else(|| GitError::Output("log".into()))
    }

    fn run_log(
        &self,
        options: &[&str],
        revision: &str,
        paths: &[&str],
    ) -> Result<Vec<Commit>, GitError> {
        let mut args = vec!["log"];
        args.extend(options);
        args.extend([
            "--date-order",
            "--parents",
            "--no-renames",
            "--no-ext-diff",
            "--no-textconv",
            "-z",
            "--name-only",
            "--format=%x1e%H%x1f%P%x1f%cI%x1f%aN",
            revision,
            "--",
        ]);
        args.extend(paths);
        let bytes = git_bytes(&self.dir, &args)?;
        parse_log(&String::from_utf8_lossy(&bytes))
    }

    /// The file at each `(commit, path)`, path relative to the repository root, in one
    /// `git cat-file --batch`. Files over `limit` bytes are skipped, not read into memory.
    pub fn blobs(
        &self,
        wanted: &[(String, String)],
        limit: u64,
    ) -> Result<BTreeMap<(String, String), Blob>, GitError> {
        let mut out = BTreeMap::new();
        if wanted.is_empty() {
            return Ok(out);
        }
        let mut child = command(&self.dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| GitError::Spawn(e.to_string()))?;
        let mut input = String::new();
        for (commit, path) in wanted {
            input.push_str(&format!("{commit}:{path}\n"));
        }
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| GitError::Spawn("no stdin".into()))?;
        // Written from a thread: git answers while it reads, and a full pipe either way
        // would otherwise block both sides.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| GitError::Spawn("no stdout".into()))?;
        let mut reader = BufReader::new(stdout);
        let mut result = Ok(());
        for key in wanted {
            match read_blob(&mut reader, limit) {
                Ok(blob) => {
                    out.insert(key.clone(), blob);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        // Closing our end stops git if it is still answering; then both are reaped.
        drop(reader);
        let _ = writer.join();
        let _ = child.wait();
        result.map(|()| out)
    }
}

/// One answer of `cat-file --batch`: `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n`.
fn read_blob(reader: &mut impl BufRead, limit: u64) -> Result<Blob, GitError> {
    let bad = || GitError::Output("cat-file".into());
    let mut header = Vec::new();
    reader.read_until(b'\n', &mut header).map_err(|_| bad())?;
    let header = String::from_utf8_lossy(&header);
    let header = header.trim_end();
    // The name asked for is echoed before `missing`, and may contain spaces.
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Ok(Blob::Missing);
    }
    let mut fields = header.rsplitn(3, ' ');
    let (Some(size), Some(kind), Some(oid)) = (fields.next(), fields.next(), fields.next()) else {
        return Err(bad());
    };
    let size: u64 = size.parse().map_err(|_| bad())?;
    // The content and the newline after it.
    let mut body = reader.take(size + 1);
    if kind != "blob" || size > limit {
        std::io::copy(&mut body, &mut std::io::sink()).map_err(|_| bad())?;
        return Ok(if kind == "blob" {
            Blob::TooLarge(size)
        } else {
            Blob::Missing
        });
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    body.read_to_end(&mut bytes).map_err(|_| bad())?;
    if bytes.pop() != Some(b'\n') || bytes.len() as u64 != size {
        return Err(bad());
    }
    Ok(Blob::Bytes {
        oid: oid.to_string(),
        bytes,
    })
}

/// Records of `git log -z --name-only --format=%x1e%H%x1f%P%x1f%cI%x1f%aN`.
fn parse_log(text: &str) -> Result<Vec<Commit>, GitError> {
    let bad = || GitError::Output("log".into());
    let mut commits = Vec::new();
    for record in text.split('\x1e').filter(|r| !r.is_empty()) {
        let (header, files) = record.split_once('\0').unwrap_or((record, ""));
        let mut fields = header.splitn(4, '\x1f');
        let (Some(id), Some(parents), Some(date), Some(author)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let date = date
            .get(..10)
            .and_then(|d| Date::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(bad)?;
        commits.push(Commit {
            id: id.to_string(),
            parents: parents.split_whitespace().map(str::to_string).collect(),
            date,
            author: author.trim_end_matches('\n').to_string(),
            files: files
                .split('\0')
                .map(|f| f.trim_start_matches('\n'))
                .filter(|f| !f.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    Ok(commits)
}

/// `git` with settings that make its output machine-readable and its behaviour inert: no
/// pager, no colour, no quoting of paths, no locks taken, no prompts, no lazy fetches.
fn command(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .args([
            "--no-pager",
            "-c",
            "core.quotepath=off",
            "-c",
            "color.ui=false",
            "-c",
            "log.showSignature=false",
            "-c",
            "core.fsmonitor=false",
        ])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_PREFIX")
        .stdin(Stdio::null());
    c
}

fn git_bytes(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let output = command(dir)
        .args(args)
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| GitError::Spawn(e.to_string()))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitError::Failed {
            command: args.first().copied().unwrap_or_default().to_string(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    git_bytes(dir, args).map(|b| String::from_utf8_lossy(&b).into_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_log_records_with_files() {
        let text = "\x1eaaa\x1fbbb ccc\x1f2026-02-01T23:30:00-05:00\x1fDana W\0\naccounts/a.yaml\0accounts/b.yaml\0\x1ebbb\x1f\x1f2026-01-01T10:00:00Z\x1fSam\0\naccounts/a.yaml\0";
        let log = parse_log(text).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].parents, vec!["bbb", "ccc"]);
        assert_eq!(log[0].date.to_string(), "2026-02-01");
        assert_eq!(log[0].author, "Dana W");
        assert_eq!(log[0].files, vec!["accounts/a.yaml", "accounts/b.yaml"]);
        assert!(log[1].parents.is_empty());
    }

    #[test]
    fn reads_batch_answers_of_every_shape() {
        let text = b"abc blob 3\nhi\n\nx:y missing\nabc blob 5\nlarge\nabc tree 2\nxx\n";
        let mut reader = BufReader::new(&text[..]);
        let hi = Blob::Bytes {
            oid: "abc".into(),
            bytes: b"hi\n".to_vec(),
        };
        assert_eq!(read_blob(&mut reader, 4).unwrap(), hi);
        assert_eq!(read_blob(&mut reader, 4).unwrap(), Blob::Missing);
        assert_eq!(read_blob(&mut reader, 4).unwrap(), Blob::TooLarge(5));
        assert_eq!(read_blob(&mut reader, 4).unwrap(), Blob::Missing);
        assert!(read_blob(&mut reader, 4).is_err());
    }
}
