//! Names that are not UTF-8 (Linux allows any bytes but `/` and NUL in a name): a workspace
//! folder and an account file named with byte 0xFF are printed lossily, with `U+FFFD`, in
//! every output format and by `build`, with a `non-unicode-name` warning saying why, and
//! never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_os = "linux")]

mod support;
use support::VALID;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary folder holding the workspace `ws\xff` with one valid account and, when
/// `bad_file`, `accounts/bad\xff.yaml` too.
fn workspace(bad_file: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join(OsStr::from_bytes(b"ws\xff"));
    std::fs::create_dir_all(ws.join("accounts")).unwrap();
    std::fs::write(ws.join("rapport.yaml"), "organisation: Acme\n").unwrap();
    std::fs::write(ws.join("accounts/northwind.yaml"), VALID).unwrap();
    if bad_file {
        let name = OsStr::from_bytes(b"bad\xff.yaml");
        std::fs::write(ws.join("accounts").join(name), VALID.replace("dana", "dan")).unwrap();
    }
    (dir, ws)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rapport(dir: &Path, args: &[&OsStr]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_ne!(run.code, 101, "rapport panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn os(text: &str) -> &OsStr {
    OsStr::new(text)
}

#[test]
fn every_format_prints_names_that_are_not_utf8_lossily_and_says_so() {
    let (dir, _) = workspace(true);
    let ws = OsStr::from_bytes(b"ws\xff");
    for format in ["human", "json", "sarif", "github"] {
        let run = rapport(dir.path(), &[os("check"), ws, os("--format"), os(format)]);
        assert_eq!(run.code, 1, "{format}: {}{}", run.stdout, run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains("non-unicode-name"), "{format}: {all}");
        assert!(all.contains("invalid-id"), "{format}: {all}");
        match format {
            "json" | "sarif" => {
                let json: serde_json::Value = serde_json::from_str(&run.stdout)
                    .unwrap_or_else(|e| panic!("{format} is not JSON ({e}): {}", run.stdout));
                let text = json.to_string();
                assert!(
                    text.contains("bad\u{fffd}.yaml") || text.contains("bad%EF%BF%BD.yaml"),
                    "{format}: {text}"
                );
            }
            "human" => assert!(run.stderr.contains("ws\u{fffd}/accounts/bad\u{fffd}.yaml")),
            _ => assert!(
                run.stdout.contains("bad%EF%BF%BD.yaml") || run.stdout.contains("bad\u{fffd}.yaml"),
                "{}",
                run.stdout
            ),
        }
    }
    let run = rapport(dir.path(), &[os("build"), ws, os("--no-history")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("non-unicode-name"), "{}", run.stderr);
}

#[test]
fn a_workspace_folder_that_is_not_utf8_builds_with_a_warning() {
    let (dir, ws_path) = workspace(false);
    let ws = OsStr::from_bytes(b"ws\xff");
    for format in ["human", "json", "sarif", "github"] {
        let run = rapport(dir.path(), &[os("check"), ws, os("--format"), os(format)]);
        assert_eq!(run.code, 0, "{format}: {}{}", run.stdout, run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains("non-unicode-name"), "{format}: {all}");
    }
    let run = rapport(dir.path(), &[os("build"), ws, os("--no-history")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("ws\u{fffd}"), "{}", run.stderr);
    assert!(ws_path.join("site/internal/index.html").is_file());
    let run = rapport(
        &ws_path.join("accounts"),
        &[os("check"), os("--format"), os("json")],
    );
    assert_eq!(run.code, 0, "found from inside: {}", run.stderr);
}
