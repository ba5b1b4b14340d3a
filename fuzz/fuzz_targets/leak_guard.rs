//! Fuzz target: the leak guard's readers and search on arbitrary text. The input is split
//! at its first NUL byte: before it, an internal note of an account; after it, a page that
//! is searched as a shared HTML file, a shared Markdown file, a stylesheet and a template
//! override of each kind. Any panic is a finding (the guard reads whatever a template or a
//! note produced), and so is a page that holds the note, written plainly between two
//! paragraphs, without the guard finding it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::leak::{scan_account, scan_overrides, Overrides};
use rapport::model::{Account, AccountFile};

fuzz_target!(|data: &[u8]| {
    let (note, page) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &data[..0]),
    };
    let Ok(note) = std::str::from_utf8(note) else {
        return;
    };
    let Some(file) = account(note) else {
        return;
    };
    for path in ["shared/f/a.html", "shared/f/a.md", "shared/f/style.css"] {
        let _ = scan_account(&file, &[(path, page)]);
    }
    let page_text = String::from_utf8_lossy(page);
    let overrides = Overrides::from_sources([
        ("ws/templates/statement.html", page_text.as_ref()),
        ("ws/templates/statement.md", page_text.as_ref()),
    ]);
    let _ = scan_overrides(&file, &overrides);

    // A note of plain words, copied into a page as it is, is always found.
    let plain = note
        .split_whitespace()
        .all(|w| w.chars().all(|c| c.is_ascii_alphanumeric()));
    let words = note.split_whitespace().count();
    if plain && words >= 2 && note.split_whitespace().map(str::len).sum::<usize>() + words > 17 {
        let html = format!("<p>x</p><p>{note}</p><p>y</p>");
        let md = format!("x\n\n{note}\n\ny\n");
        assert!(!scan_account(&file, &[("a.html", html.as_bytes())]).is_empty(), "{note:?}");
        assert!(!scan_account(&file, &[("a.md", md.as_bytes())]).is_empty(), "{note:?}");
    }
});

/// An account whose one internal text is `note`: the title of an internal event.
fn account(note: &str) -> Option<AccountFile> {
    // A YAML double-quoted scalar with every character but printable ASCII escaped.
    let mut quoted = String::from("\"");
    for c in note.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            ' '..='~' => quoted.push(c),
            _ => quoted.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    quoted.push('"');
    let yaml = format!(
        "name: Fuzz\nkind: customer\nevents:\n  - date: 2026-01-10\n    title: {quoted}\n    visibility: internal\n"
    );
    let account = rapport::yaml::parse::<Account>(&yaml).ok()?;
    Some(AccountFile {
        id: "f".into(),
        path: "ws/accounts/f.yaml".into(),
        source: yaml,
        account,
    })
}
