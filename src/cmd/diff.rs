//! `rapport diff`: what changed in an account's notes between two git revisions, one line
//! per change grouped by section, a JSON list, or Markdown for a pull-request comment; in
//! English, like every message of the command line.

use crate::cli::{DiffArgs, DiffFormat, Verbosity};
use crate::format::markdown_text::{code_span, escape_comment_text};
use crate::history::{compare_revisions, Change, NotesDiff, Point, Section};
use crate::i18n::{Messages, Words};
use crate::model::Language;

/// The command line's words: English, from rapport's own catalogue.
fn english() -> Words<'static> {
    Messages::built_in().words(Language::En)
}

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
        DiffFormat::Human => print!("{}", human(&diff)),
        DiffFormat::Json => {
            let text = serde_json::to_string_pretty(&diff.changes).unwrap_or_default();
            println!("{text}");
        }
        DiffFormat::Markdown => print!("{}", markdown(&args.account, &diff)),
    }
    crate::EXIT_OK
}

/// The terminal report: a heading line, then each section with one line per change.
pub fn human(diff: &NotesDiff) -> String {
    let mut text = format!(
        "{}: {} from {} to {}\n",
        diff.file,
        count(diff.changes.len()),
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
    if diff.removed {
        text.push_str(&format!(
            "{} does not exist {}: everything in it was removed\n",
            diff.file,
            match diff.to.commit {
                Some(_) => format!("at {}", diff.to.describe()),
                None => "in the working tree".to_string(),
            }
        ));
    }
    let mut section: Option<Section> = None;
    for change in &diff.changes {
        if section != Some(change.section) {
            section = Some(change.section);
            text.push_str(&format!("\n{}\n", change.section.title(english())));
        }
        text.push_str(&format!("  {}\n", line(change)));
    }
    text
}

fn count(changes: usize) -> String {
    match changes {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    }
}

/// The pull-request comment: a heading naming the account and both revisions, then each
/// section as a sub-heading with one bullet per change. Everything that comes from the
/// account file or from git (names, wording, authors, messages) is escaped: a pull request
/// can set any author name and any text, and the comment must not let it add markup, HTML,
/// a mention that notifies someone, or a reference to another issue.
pub fn markdown(account: &str, diff: &NotesDiff) -> String {
    let mut text = format!(
        "## {}: {} from {} to {}\n\n",
        code_span(account),
        count(diff.changes.len()),
        short(&diff.from),
        short(&diff.to)
    );
    text.push_str(&format!(
        "{} at {} compared with {}",
        code_span(&diff.file),
        long(&diff.from),
        long(&diff.to)
    ));
    if !diff.commits.is_empty() {
        let mut authors: Vec<&str> = diff.commits.iter().map(|c| c.author.as_str()).collect();
        authors.sort_unstable();
        authors.dedup();
        let commits = match diff.commits.len() {
            1 => "1 commit".to_string(),
            n => format!("{n} commits"),
        };
        text.push_str(&format!(
            ": {commits} by {}",
            escape_comment_text(&authors.join(", "))
        ));
    }
    text.push_str(".\n");
    if diff.created {
        text.push_str(&format!(
            "\n**New account file:** it did not exist at {}, so everything in it is new.\n",
            short(&diff.from)
        ));
    }
    if diff.removed {
        text.push_str(&format!(
            "\n**Account file removed:** it does not exist {}, so everything in it was removed.\n",
            match diff.to.commit {
                Some(_) => format!("at {}", short(&diff.to)),
                None => "in the working tree".to_string(),
            }
        ));
    }
    for problem in &diff.problems {
        text.push_str(&format!(
            "\n> **warning:** {}\n",
            escape_comment_text(problem)
        ));
    }
    if diff.changes.is_empty() {
        // A new or removed file with nothing in it that rapport compares: "no changes"
        // would contradict the line above.
        text.push_str(if diff.created || diff.removed {
            "\nIt holds nothing that rapport compares (people, commitments, goals and the like).\n"
        } else {
            "\nNo changes to the account notes between these revisions.\n"
        });
    }
    let mut section: Option<Section> = None;
    for change in &diff.changes {
        if section != Some(change.section) {
            section = Some(change.section);
            text.push_str(&format!("\n### {}\n\n", change.section.title(english())));
        }
        text.push_str(&format!("- {}\n", markdown_line(change)));
    }
    text
}

/// `` `1a2b3c4` ``, or `the working tree`.
fn short(point: &Point) -> String {
    match &point.commit {
        Some(c) => code_span(c.short()),
        None => "the working tree".to_string(),
    }
}

/// `` `1a2b3c4` (2026-04-09, Dana Whitfield) ``, or `the working tree`.
fn long(point: &Point) -> String {
    match &point.commit {
        Some(c) => format!(
            "{} ({}, {})",
            code_span(c.short()),
            escape_comment_text(&c.date),
            escape_comment_text(&c.author)
        ),
        None => "the working tree".to_string(),
    }
}

/// `milestone slipped: **Forecasts › First forecast**: 2026-03-31 → 2026-04-30 (30 days
/// later) — `1a2b3c4` Dana, 2026-02-01`, as the review pack's Markdown writes it.
fn markdown_line(c: &Change) -> String {
    let words = english();
    let mut text = format!(
        "{}: **{}**",
        c.label(words),
        escape_comment_text(words.say(&c.subject).trim())
    );
    match c.shown() {
        (Some(from), Some(to)) => text.push_str(&format!(
            ": {} → {}",
            escape_comment_text(&words.say(&from)),
            escape_comment_text(&words.say(&to))
        )),
        (None, Some(to)) => text.push_str(&format!(": {}", escape_comment_text(&words.say(&to)))),
        (Some(from), None) => {
            text.push_str(&format!(": was {}", escape_comment_text(&words.say(&from))))
        }
        (None, None) => {}
    }
    if let Some(detail) = &c.detail {
        text.push_str(&format!(" ({})", escape_comment_text(&words.say(detail))));
    }
    let mut by: Vec<String> = c
        .commits
        .iter()
        .map(|k| {
            format!(
                "{} {}, {}",
                code_span(k.short()),
                escape_comment_text(&k.author),
                escape_comment_text(&k.date)
            )
        })
        .collect();
    if c.uncommitted {
        by.push("not committed yet".into());
    }
    if !by.is_empty() {
        text.push_str(&format!(" — {}", by.join("; ")));
    }
    text
}

/// `milestone slipped: Forecasts › First forecast: 2026-03-31 → 2026-04-30 (30 days
/// later) · 1a2b3c4 Dana 2026-02-01`.
fn line(c: &Change) -> String {
    let mut text = format!("{}: {}", c.label(english()), c.subject);
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
