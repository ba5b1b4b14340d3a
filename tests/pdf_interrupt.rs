//! Ctrl-C during `rapport build --pdf`: the browser and everything it started are gone,
//! and so are the staging folder, the private copies and the browser profile.
//!
//! Linux only (processes are read from /proc). Where no Chromium is installed the test
//! prints `SKIPPED: chromium not found` and passes, unless RAPPORT_REQUIRE_BROWSER=1
//! (set by .ci/run), where it fails.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
use browser_support::browser_or_skip;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One process as /proc shows it.
struct Process {
    pid: u32,
    parent: u32,
    group: u32,
    zombie: bool,
    command: String,
}

fn processes() -> Vec<Process> {
    let mut list = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (name) state ppid pgrp …`; the name may hold spaces and parentheses.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let command = std::fs::read(entry.path().join("cmdline"))
            .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
            .unwrap_or_default();
        list.push(Process {
            pid,
            parent: fields[1].parse().unwrap_or(0),
            group: fields[2].parse().unwrap_or(0),
            zombie: fields[0] == "Z",
            command,
        });
    }
    list
}

#[test]
fn ctrl_c_during_build_pdf_leaves_no_browser_and_no_folders_behind() {
    let Some(browser) = browser_or_skip("the Ctrl-C test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The build's temporary folders (profile, private copies) go here, to be counted.
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let out = dir.path().join("site");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let logs = tempfile::tempdir().unwrap();
    let stderr_path = logs.path().join("stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("build")
        .arg(&sample)
        .arg("--out")
        .arg(&out)
        .args(["--as-of", "2026-11-26", "--no-history", "--pdf", "--chrome"])
        .arg(&browser)
        .env("TMPDIR", &tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let ours = child.id();

    // Wait for our browser: a child of rapport started with a pipe to it.
    let started = Instant::now();
    let browser_process = loop {
        let found = processes()
            .into_iter()
            .find(|p| p.parent == ours && p.command.contains("--remote-debugging-pipe"));
        if let Some(found) = found {
            break found;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "rapport ended ({status}) before its browser was seen:\n{}",
                std::fs::read_to_string(&stderr_path).unwrap()
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no browser started within 120 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let profile = browser_process
        .command
        .split(' ')
        .find_map(|a| a.strip_prefix("--user-data-dir="))
        .expect("the browser has a profile of its own")
        .to_string();
    assert!(profile.starts_with(tmp.to_str().unwrap()), "{profile}");
    // Let it get into printing: a few renderers up.
    std::thread::sleep(Duration::from_millis(500));

    let sent = Command::new("kill")
        .args(["-INT", &ours.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("rapport still running 30 s after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&stderr_path).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");

    // Every process of the browser's group, or naming its profile, is gone (processes
    // killed a moment ago may take a little while to be reaped: zombies are not counted).
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left: Vec<String> = processes()
            .into_iter()
            .filter(|p| !p.zombie && p.pid != std::process::id())
            .filter(|p| p.group == browser_process.pid || p.command.contains(&profile))
            .map(|p| format!("{} {}", p.pid, p.command))
            .collect();
        if left.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "browser processes left after Ctrl-C:\n{}",
            left.join("\n")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "tmp")
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
    let temporary: Vec<String> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        temporary.is_empty(),
        "temporary folders left: {temporary:?}"
    );
}
