//! A small builder for integration tests: a workspace in a temporary folder, `rapport`
//! run on it, and what came out. Paths in messages read `ws/accounts/...` because the
//! binary runs from the temporary folder with `ws` as its argument.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A valid account without warnings: the starting point of tests that break one thing.
pub const VALID: &str = "\
name: Northwind Supply Co.
kind: supplier
owner: dana
people:
  - id: dana
    name: Dana Whitfield
    side: us
    covers: [raj]
  - id: raj
    name: Raj Patel
    side: them
";

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    /// Asserts exit code 1 (invalid input) and no panic.
    pub fn invalid(&self) -> &Run {
        assert_ne!(self.code, 101, "rapport panicked:\n{}", self.stderr);
        assert_eq!(
            self.code, 1,
            "expected exit 1, got {}:\n{}",
            self.code, self.stderr
        );
        self
    }

    /// Asserts that the human output holds an error with this message, location, YAML
    /// path (empty: none shown) and hint.
    pub fn error(&self, message: &str, location: &str, path: &str, help: &str) -> &Run {
        self.diagnostic("error", message, location, path, help)
    }

    pub fn warning(&self, message: &str, location: &str, path: &str, help: &str) -> &Run {
        self.diagnostic("warning", message, location, path, help)
    }

    fn diagnostic(
        &self,
        label: &str,
        message: &str,
        location: &str,
        path: &str,
        help: &str,
    ) -> &Run {
        let head = match path {
            "" => format!("{label}: {message}\n  --> {location}\n"),
            path => format!("{label}: {message}\n  --> {location}\n   = at: {path}\n"),
        };
        let Some(start) = self.stderr.find(&head) else {
            panic!("no diagnostic\n{head}in\n{}", self.stderr);
        };
        let rest = &self.stderr[start..];
        let this = &rest[..rest.find("\n\n").unwrap_or(rest.len())];
        assert!(
            this.contains(&format!("   = help: {help}\n"))
                || this.ends_with(&format!("   = help: {help}")),
            "hint `{help}` not in\n{this}"
        );
        self
    }
}

/// Runs `rapport` with `args` in `dir`.
pub fn rapport(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run rapport");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

/// A workspace `ws/` in a temporary folder: `rapport.yaml` and `accounts/`.
pub struct Workspace {
    tmp: tempfile::TempDir,
}

pub const CONFIG: &str = "organisation: Acme Components\n";

impl Workspace {
    pub fn new() -> Workspace {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(tmp.path().join("ws/accounts")).expect("accounts dir");
        Workspace { tmp }.config(CONFIG)
    }

    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("ws")
    }

    pub fn config(self, text: &str) -> Workspace {
        std::fs::write(self.root().join("rapport.yaml"), text).expect("write rapport.yaml");
        self
    }

    pub fn without_config(self) -> Workspace {
        std::fs::remove_file(self.root().join("rapport.yaml")).expect("remove rapport.yaml");
        self
    }

    /// Writes `accounts/<file>`.
    pub fn account(self, file: &str, text: impl AsRef<[u8]>) -> Workspace {
        std::fs::write(self.root().join("accounts").join(file), text).expect("write account");
        self
    }

    /// `rapport check ws`, human output.
    pub fn check(&self) -> Run {
        rapport(self.tmp.path(), &["check", "ws"])
    }

    /// `rapport check ws --format json`, parsed.
    pub fn check_json(&self) -> (Run, serde_json::Value) {
        let run = rapport(self.tmp.path(), &["check", "ws", "--format", "json"]);
        let json = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
        (run, json)
    }
}
