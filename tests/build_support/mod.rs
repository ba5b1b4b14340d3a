//! Helpers for the `rapport build` tests: a workspace written into a temporary folder, the
//! binary run on it, the output read back as a tree of files, and small readers for the
//! Markdown pages (a section under a heading, a table row) so facts are asserted where a
//! reader would look for them.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date every build in these tests uses, so that "overdue" and "current" never depend
/// on the day the tests run.
pub const AS_OF: &str = "2026-11-26";

/// The rapport.yaml of hand-made workspaces.
pub const CONFIG: &str = "organisation: Acme Components\n";

/// The project's own sample workspace.
pub fn sample_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// Copies the folder `from` into `to` (created), for tests that change a copy of a
/// workspace such as the sample.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `rapport` with `args` in `dir`, with extra environment variables.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .expect("run rapport")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a failed build: exit 1 (not a panic, not a usage error) and a message.
pub fn assert_fails(output: &Output) -> String {
    let text = stderr(output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "expected exit 1, got {:?}:\n{text}",
        output.status.code()
    );
    assert!(!text.trim().is_empty(), "a failed build must say why");
    text
}

pub fn assert_ok(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "build failed:\n{}",
        stderr(output)
    );
}

/// Builds the sample workspace into `out` as of [`AS_OF`].
pub fn build_sample(out: &Path, extra: &[&str], env: &[(&str, &str)]) {
    let sample = sample_data();
    let mut args = vec![
        "build",
        sample.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--as-of",
        AS_OF,
    ];
    args.extend_from_slice(extra);
    assert_ok(&run_in(Path::new(env!("CARGO_MANIFEST_DIR")), &args, env));
}

/// A workspace `ws/` in a temporary folder; builds go to `site/` beside it, so the folder
/// holds exactly `ws/` and `site/` and anything else there is a leftover of the build.
pub struct Workspace {
    tmp: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let tmp = tempfile::tempdir().expect("temp dir");
        let ws = Workspace { tmp };
        ws.file("rapport.yaml", CONFIG)
    }

    /// A workspace with one account file `accounts/<id>.yaml`.
    pub fn with_account(id: &str, yaml: &str) -> Workspace {
        Workspace::new().file(&format!("accounts/{id}.yaml"), yaml)
    }

    /// Writes `ws/<path>`, creating folders.
    pub fn file(self, path: &str, text: &str) -> Workspace {
        self.write(path, text);
        self
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create folder");
        std::fs::write(path, text).expect("write file");
    }

    /// The temporary folder that holds `ws/` and `site/`.
    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }

    pub fn root(&self) -> PathBuf {
        self.dir().join("ws")
    }

    pub fn site(&self) -> PathBuf {
        self.dir().join("site")
    }

    /// `rapport <args>`, run in the temporary folder.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.dir(), args, &[])
    }

    /// `rapport build ws --out site --as-of AS_OF`, whatever the outcome.
    pub fn try_build(&self) -> Output {
        self.run(&["build", "ws", "--out", "site", "--as-of", AS_OF])
    }

    /// Builds and asserts success.
    pub fn build(&self) -> Output {
        let output = self.try_build();
        assert_ok(&output);
        output
    }

    /// A page of the built site, as text.
    pub fn page(&self, path: &str) -> String {
        let path = self.site().join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Every file under `dir` (hidden ones included), by path relative to `dir` with `/`.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).expect("inside root");
                let key = relative.to_string_lossy().replace('\\', "/");
                files.insert(key, std::fs::read(&path).expect("read file"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// Asserts two trees are byte-identical, listing every missing, unexpected and differing
/// file (with the first differing line of text files).
pub fn assert_same_tree(
    expected: &BTreeMap<String, Vec<u8>>,
    actual: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let mut report = String::new();
    for path in expected.keys().filter(|p| !actual.contains_key(*p)) {
        writeln!(report, "missing: {path}").unwrap();
    }
    for path in actual.keys().filter(|p| !expected.contains_key(*p)) {
        writeln!(report, "unexpected: {path}").unwrap();
    }
    for (path, bytes) in expected {
        if let Some(other) = actual.get(path).filter(|other| *other != bytes) {
            writeln!(report, "differs: {path}{}", first_difference(bytes, other)).unwrap();
        }
    }
    assert!(report.is_empty(), "{what}:\n{report}");
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    a.lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| format!(" (line {}:\n    - {x}\n    + {y})", i + 1))
        .unwrap_or_else(|| " (one is a prefix of the other)".into())
}

/// Asserts that the set of paths in `tree` is exactly `expected`, naming both missing and
/// unexpected paths.
pub fn assert_paths(tree: &BTreeMap<String, Vec<u8>>, expected: &[&str]) {
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|p| !tree.contains_key(*p))
        .collect();
    let unexpected: Vec<&String> = tree
        .keys()
        .filter(|p| !expected.contains(&p.as_str()))
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing: {missing:#?}\nunexpected: {unexpected:#?}"
    );
}

/// The names in `dir` that start with a dot: staging or backup folders a build left behind.
pub fn hidden_entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with('.'))
        .collect()
}

/// The body of the Markdown section under the heading line `heading` (e.g. `### Events`),
/// up to the next heading of the same or a higher level; `None` if there is no such heading.
pub fn section<'a>(page: &'a str, heading: &str) -> Option<&'a str> {
    let level = heading.bytes().take_while(|b| *b == b'#').count();
    let marker = format!("\n{heading}\n");
    let start = match page.strip_prefix(&marker[1..]) {
        Some(_) => marker.len() - 1,
        None => page.find(&marker)? + marker.len(),
    };
    let rest = &page[start..];
    let mut end = 0;
    for line in rest.split_inclusive('\n') {
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        if hashes > 0 && hashes <= level && line.as_bytes().get(hashes) == Some(&b' ') {
            break;
        }
        end += line.len();
    }
    Some(&rest[..end])
}

/// The cells of a Markdown table line, trimmed (escaped pipes `\|` stay inside a cell).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '|' if !escaped => cells.push(String::new()),
            c => cells.last_mut().expect("one cell").push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// The cell in the column headed `column` of the first table row whose first cell is
/// `first`.
pub fn cell(page: &str, first: &str, column: &str) -> String {
    let mut header: Option<Vec<String>> = None;
    for line in page.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let row = cells(line);
        let Some(head) = &header else {
            header = Some(row);
            continue;
        };
        if row.first().map(String::as_str) == Some(first) {
            let index = head
                .iter()
                .position(|c| c == column)
                .unwrap_or_else(|| panic!("no column `{column}` in {head:?}"));
            return row.get(index).cloned().unwrap_or_default();
        }
    }
    panic!("no table row starting with `{first}` in\n{page}")
}
