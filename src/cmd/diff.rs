//! `rapport diff`: what changed in an account's notes between two git revisions, one line
//! per change grouped by section, or a JSON list.

use crate::cli::{DiffArgs, Format, Verbosity};
use crate::history::{compare_revisions, Change, NotesDiff, Section};

pub fn run(args: DiffArgs, say: Verbosity) -> u8 {
    let workspace = crate::load::find_workspace(&args.workspace);
    if say == Verbosity::Verbose {
        eprintln!("workspace: {}", crate::diagnostic::display_path(&workspace));
    }
    let diff = match compare_revisions(&workspace, &args.account, &args.from, args.to.as_deref()) {
        Ok(diff) => diff,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("  = help: {}", e.help());
            return crate::EXIT_INVALID;
        }
    };
    for problem in &diff.problems {
        eprintln!("warning: {problem}");
    }
    match args.format {
        Format::Human => print!("{}", human(&diff)),
        Format::Json | Format::Github | Format::Sarif => {
            let text = serde_json::to_string_pretty(&diff.changes).unwrap_or_default();
            println!("{text}");
        }
    }
    crate::EXIT_OK
}

/// The terminal report: a heading line, then each section with one line per change.
pub fn human(diff: &NotesDiff) -> String {
    let count = match diff.changes.len() {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    };
    let mut text = format!(
        "{}: {count} from {} to {}\n",
        diff.file,
        diff.from.describe(),
        diff.to.describe()
    );
    if diff.created {
        text.push_str(&format!(
            "{} did not exist at {}: everything in it is new\n",
            diff.file,
            diff.from.describe()
        ));
    }
    let mut section: Option<Section> = None;
    for change in &diff.changes {
        if section != Some(change.section) {
            section = Some(change.section);
            text.push_str(&format!("\n{}\n", change.section.title()));
        }
        text.push_str(&format!("  {}\n", line(change)));
    }
    text
}

/// `milestone slipped: Forecasts › First forecast: 2026-03-31 → 2026-04-30 (30 days
/// later) · 1a2b3c4 Dana 2026-02-01`.
fn line(c: &Change) -> String {
    let mut text = format!("{}: {}", c.label(), c.subject);
    match c.shown() {
        (Some(from), Some(to)) => text.push_str(&format!(": {from} → {to}")),
        (None, Some(to)) => text.push_str(&format!(": {to}")),
        (Some(from), None) => text.push_str(&format!(": was {from}")),
        (None, None) => {}
    }
    if let Some(detail) = &c.detail {
        text.push_str(&format!(" ({detail})"));
    }
    let mut by: Vec<String> = c
        .commits
        .iter()
        .map(|k| format!("{} {} {}", k.short(), k.author, k.date))
        .collect();
    if c.uncommitted {
        by.push("not committed yet".into());
    }
    if !by.is_empty() {
        text.push_str(&format!(" · {}", by.join("; ")));
    }
    text
}
