//! `--out` and the swap: what exists and is not a folder is refused and left alone, a new
//! output that leads into the workspace's own folders is refused, the swap never leaves
//! the output missing, a killed build's staging folders are cleared by the next one, and
//! two writers of one output exclude each other through a lock the OS releases.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

mod support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use support::{rapport, Run, Workspace, VALID};

fn workspace() -> Workspace {
    Workspace::new().account("northwind.yaml", VALID)
}

fn build(ws: &Workspace, out: &Path) -> Run {
    rapport(
        ws.root().parent().unwrap(),
        &[
            "build",
            "ws",
            "--no-history",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

#[test]
fn an_output_that_exists_and_is_not_a_folder_is_refused_and_kept() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let fifo = fifo.as_path();
    assert!(Command::new("mkfifo").arg(fifo).status().unwrap().success());
    let file = dir.path().join("notes.txt");
    let file = file.as_path();
    fs::write(file, "mine").unwrap();
    let to_file = &dir.path().join("to-file");
    symlink(file, to_file).unwrap();
    let to_device = &dir.path().join("to-null");
    symlink("/dev/null", to_device).unwrap();
    let dangling = &dir.path().join("dangling");
    symlink(dir.path().join("nothing-here"), dangling).unwrap();
    for out in [
        fifo,
        file,
        to_file,
        to_device,
        dangling,
        Path::new("/dev/null"),
    ] {
        let run = build(&ws, out);
        run.invalid();
        assert!(
            run.stderr.contains("refusing to write the site into")
                && run.stderr.contains("not a folder"),
            "{}: {}",
            out.display(),
            run.stderr
        );
    }
    assert!(fs::symlink_metadata(fifo)
        .unwrap()
        .file_type()
        .is_fifo_like());
    assert_eq!(fs::read_to_string(file).unwrap(), "mine");
    assert_eq!(fs::read_link(to_file).unwrap(), file);
    assert_eq!(fs::read_link(to_device).unwrap(), Path::new("/dev/null"));
    assert!(fs::symlink_metadata(dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 5, "nothing added beside them: {names:?}");
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn a_new_output_reached_through_a_link_into_accounts_or_templates_is_refused() {
    let ws = workspace();
    fs::create_dir_all(ws.root().join("templates")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for protected in ["accounts", "templates"] {
        let link = dir.path().join(format!("link-{protected}"));
        symlink(ws.root().join(protected), &link).unwrap();
        for out in [link.join("site"), link.join("deeper/still/site")] {
            let run = build(&ws, &out);
            run.invalid();
            assert!(
                run.stderr
                    .contains(&format!("inside the workspace's {protected}/ folder")),
                "{}",
                run.stderr
            );
        }
    }
    let accounts: Vec<_> = fs::read_dir(ws.root().join("accounts")).unwrap().collect();
    assert_eq!(accounts.len(), 1, "nothing written into accounts/");
    assert_eq!(
        fs::read_dir(ws.root().join("templates")).unwrap().count(),
        0
    );
}

#[test]
fn staging_folders_of_a_killed_build_are_removed_by_the_next_one_and_only_those() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    for name in [".site.rapport-new-4242", ".site.rapport-old-4243"] {
        fs::create_dir_all(dir.path().join(name).join("internal")).unwrap();
        fs::write(dir.path().join(name).join("internal/index.html"), "stale").unwrap();
    }
    // Not ours: another output's staging, a name that only looks like ours, a file.
    for name in [".other.rapport-new-1", ".site.rapport-new-x1", "keep"] {
        fs::create_dir_all(dir.path().join(name)).unwrap();
    }
    fs::write(
        dir.path().join(".site.rapport-new-77"),
        "a file, not a folder",
    )
    .unwrap();
    let run = build(&ws, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".rapport-lock"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".other.rapport-new-1",
            ".site.rapport-new-77",
            ".site.rapport-new-x1",
            "keep",
            "site"
        ]
    );
}

#[test]
fn a_second_writer_of_the_same_output_fails_at_once_naming_the_first() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(dir.path().join(".site.rapport-lock"))
        .unwrap();
    lock.try_lock().unwrap();
    fs::write(dir.path().join(".site.rapport-lock"), "31337\n").unwrap();
    let run = build(&ws, &out);
    run.invalid();
    assert!(
        run.stderr.contains("another rapport build is writing") && run.stderr.contains("pid 31337"),
        "{}",
        run.stderr
    );
    assert!(!out.exists(), "nothing written");
    // The lock goes with its holder, however it ends.
    drop(lock);
    let run = build(&ws, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = build(&ws, &out);
    assert_eq!(
        run.code, 0,
        "a finished build leaves no lock held: {}",
        run.stderr
    );
}

#[test]
fn the_output_is_never_missing_while_builds_replace_it() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    assert_eq!(build(&ws, &out).code, 0);
    let marker = out.join(".rapport-site");
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let done = std::sync::Arc::clone(&done);
        let marker = marker.clone();
        std::thread::spawn(move || {
            let mut missing = 0u32;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                if fs::symlink_metadata(&marker).is_err() {
                    missing += 1;
                }
            }
            missing
        })
    };
    for _ in 0..15 {
        assert_eq!(build(&ws, &out).code, 0);
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(
        watcher.join().unwrap(),
        0,
        "the site was missing at some moment"
    );
}
