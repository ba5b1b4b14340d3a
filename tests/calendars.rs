//! The calendars (docs/calendars.md) of the sample: written by every build, byte for byte
//! the same twice, and read by an independent parser (Python's `icalendar`), with UIDs
//! that stay the same when the as-of date moves.
//!
//! Where python3 or its `icalendar` package is missing the parser test prints `SKIPPED`
//! and passes, unless RAPPORT_REQUIRE_BROWSER=1 (set by .ci/run, which installs it), where
//! it fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod site_audit;

use site_audit::{rapport, read_tree_bytes, sample_data};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::Command;

const SAMPLE_ACCOUNTS: &[&str] = &[
    "harbour-marine",
    "helix-wafer",
    "kestrel-robotics",
    "meridian-cycle",
    "northwind-supply",
    "orbis-distribution",
];

/// Builds the sample at `as_of` into `out` and returns its .ics files.
fn calendars(out: &Path, as_of: &str) -> BTreeMap<String, Vec<u8>> {
    let (code, _, stderr) = rapport(
        out.parent().unwrap(),
        &[
            "build",
            sample_data().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--as-of",
            as_of,
            "--no-history",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    read_tree_bytes(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".ics"))
        .collect()
}

#[test]
fn every_build_writes_the_same_calendars() {
    let tmp = tempfile::tempdir().unwrap();
    let first = calendars(&tmp.path().join("a"), "2026-11-26");
    let second = calendars(&tmp.path().join("b"), "2026-11-26");
    let mut expected: BTreeSet<String> = SAMPLE_ACCOUNTS
        .iter()
        .map(|id| format!("shared/{id}/calendar.ics"))
        .collect();
    expected.insert("internal/calendar.ics".into());
    for path in &expected {
        assert!(first.contains_key(path), "no {path}: {:?}", first.keys());
    }
    // Every sample account has an owner.
    let owners = first
        .keys()
        .filter(|p| p.starts_with("internal/owners/"))
        .count();
    assert!(owners >= 1, "{:?}", first.keys());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between two builds");
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{path}");
        assert!(text.ends_with("END:VCALENDAR\r\n"), "{path}");
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{path}: a line over 75 octets: {line:?}");
            assert!(!line.contains('\n'), "{path}: a bare LF in {line:?}");
        }
    }
    let internal = std::str::from_utf8(&first["internal/calendar.ics"]).unwrap();
    assert!(internal.matches("BEGIN:VEVENT").count() > 20, "{internal}");
    assert!(
        internal.contains("DTSTAMP:20261126T000000Z\r\n"),
        "{internal}"
    );
}

/// Parses each file with Python's `icalendar` and prints, per file, one line per event:
/// `path<TAB>uid<TAB>summary`.
const PARSE: &str = r#"
import sys, icalendar
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = cal.walk("VEVENT")
    assert cal.get("VERSION") == "2.0", path
    for e in events:
        start = e.decoded("DTSTART")
        assert type(start).__name__ == "date", (path, start)
        assert e.get("DTSTAMP") is not None, path
        print(path + "\t" + str(e["UID"]) + "\t" + str(e["SUMMARY"]).replace("\n", " "))
"#;

/// Whether Python's `icalendar` is there; says SKIPPED (or fails under CI) when not.
fn python_icalendar_or_skip() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var("RAPPORT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("RAPPORT_REQUIRE_BROWSER=1 but python3 -c 'import icalendar' failed");
        }
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: python3 with icalendar not found; the .ics parser test did not run \
             (python3 -m pip install icalendar)"
        );
    }
    found
}

/// (file, uid, summary) of every event, as Python's `icalendar` reads them.
fn parsed(site: &Path, files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String, String)> {
    let mut command = Command::new("python3");
    command.args(["-c", PARSE]).current_dir(site);
    command.args(files.keys());
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "python's icalendar failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            let mut next = || parts.next().unwrap().to_string();
            (next(), next(), next())
        })
        .collect()
}

#[test]
fn an_independent_parser_reads_every_calendar_and_uids_survive_a_new_as_of() {
    if !python_icalendar_or_skip() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (early_site, late_site) = (tmp.path().join("early"), tmp.path().join("late"));
    let early_files = calendars(&early_site, "2026-08-20");
    let late_files = calendars(&late_site, "2026-09-10");
    let early = parsed(&early_site, &early_files);
    let late = parsed(&late_site, &late_files);
    for (files, events) in [(&early_files, &early), (&late_files, &late)] {
        // Every file parsed, and every event of it was read.
        for (path, bytes) in files {
            let written = String::from_utf8_lossy(bytes)
                .matches("BEGIN:VEVENT")
                .count();
            let read = events.iter().filter(|(p, _, _)| p == path).count();
            assert_eq!(written, read, "{path}");
        }
        // A UID is unique within its file.
        let mut seen = BTreeSet::new();
        for (path, uid, _) in events.iter() {
            assert!(seen.insert((path, uid)), "{path}: {uid} twice");
            assert!(uid.ends_with("@rapport"), "{uid}");
        }
    }
    // The same item (same file and summary) has the same UID at both as-of dates.
    let by_item = |events: &[(String, String, String)]| -> BTreeMap<(String, String), String> {
        events
            .iter()
            .map(|(p, u, s)| ((p.clone(), s.clone()), u.clone()))
            .collect()
    };
    let (early, late) = (by_item(&early), by_item(&late));
    let mut common = 0;
    for (item, uid) in &early {
        if let Some(later) = late.get(item) {
            assert_eq!(uid, later, "{item:?}: the UID changed with the as-of date");
            common += 1;
        }
    }
    assert!(common > 50, "only {common} items in both builds");
    // And the summaries a partner reads are what the shared views say, never an internal
    // kind of item: no review due dates in a shared calendar.
    for (path, summary) in early.keys() {
        if path.starts_with("shared/") {
            assert!(
                !summary.starts_with("Quarterly review"),
                "{path}: {summary}"
            );
        }
    }
}
