#![allow(clippy::unwrap_used, clippy::expect_used)]
use rapport::leak::scan_account;
use rapport::model::AccountFile;

#[test]
fn timing() {
    for kb in std::env::var("KBS").unwrap_or("100".into()).split(',') {
        let kb: usize = kb.parse().unwrap();
        let note = long_note(kb * 1024);
        let yaml = format!(
            "name: Acme\nkind: customer\npeople:\n  - id: raj\n    name: Raj Patel\n    side: them\n    notes: \"{note}\"\n\
             events:\n  - date: 2026-01-12\n    title: Kickoff\n    visibility: shared\n    note: \"{note}\"\n"
        );
        let file = AccountFile {
            id: "acme".into(),
            path: "a".into(),
            source: yaml.clone(),
            account: rapport::yaml::parse(&yaml).unwrap(),
        };
        let page = format!("<html><body><p>{note}</p></body></html>");
        let started = std::time::Instant::now();
        let found = scan_account(&file, &[("shared/acme/index.html", page.as_bytes())]);
        eprintln!(
            "TIMING {kb} kB: {:?} ({} leaks)",
            started.elapsed(),
            found.len()
        );
    }
}

/// About `bytes` bytes of distinct sentences on one line.
fn long_note(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "supply", "quarter", "plant", "delivery", "review", "shift", "order", "contract", "price",
        "volume", "rebate", "audit", "forecast", "team", "call", "visit",
    ];
    let mut note = String::with_capacity(bytes + 64);
    let mut i: usize = 0;
    while note.len() < bytes {
        let w = WORDS[i % WORDS.len()];
        let v = WORDS[(i / WORDS.len() + i * 7) % WORDS.len()];
        note.push_str(&format!("{w} {v} {i} "));
        i += 1;
    }
    note.trim_end().to_string()
}
