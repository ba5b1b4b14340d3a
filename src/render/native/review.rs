//! `review.html` and `review.md`: the internal review pack of one account and quarter.

use super::{
    alert_items_md, base, change, esc, esc_join, esc_or, join, macros, md, md_cell, num,
    people_with_roles, quarter_links_html, quarter_links_md, some, Layout,
};
use crate::view::account::DisputeView;
use crate::view::common::Rich;
use crate::view::review::{GoalMilestone, NoteChange, NotesView, PeriodCommitment, ReviewPack};

const NO_DELTA: &str = "new";
const NO_KIND: &str = "event";

pub fn html(out: &mut String, v: &ReviewPack, root: &str) {
    base(
        out,
        Layout {
            root,
            title: &|out| {
                esc(out, &v.name);
                out.push_str(" · Review ");
                esc(out, &v.quarter);
                out.push_str(" · ");
                esc(out, &v.site.title);
            },
            body_class: "internal review printable",
            nav: &|out| nav(out, v, root),
            content: &|out| content(out, v),
            footer: &|out| {
                esc(out, &v.name);
                out.push_str(" · review ");
                esc(out, &v.quarter);
                out.push_str(" · internal — do not forward · as of ");
                esc(out, &v.site.as_of);
            },
        },
    );
}

fn nav(out: &mut String, v: &ReviewPack, root: &str) {
    out.push_str("<a href=\"");
    out.push_str(root);
    out.push_str("index.html\">Portfolio</a> › <a href=\"index.html\">");
    esc(out, &v.name);
    out.push_str("</a> › <span aria-current=\"page\">Review ");
    esc(out, &v.quarter);
    out.push_str("</span>");
    quarter_links_html(out, &v.previous, &v.next);
}

fn content(out: &mut String, v: &ReviewPack) {
    header(out, v);
    out.push_str("\n\n<section id=\"scores\">\n<h2>Scores</h2>\n");
    scores(out, v);
    out.push_str("\n</section>\n\n<section id=\"summary\">\n<h2>Summary</h2>\n");
    summary(out, v);
    out.push_str("\n</section>\n\n<section id=\"balance\">\n<h2>Successes and failures</h2>\n");
    balance(out, v);
    out.push_str("\n</section>\n\n<section id=\"changes\">\n<h2>What changed in the period</h2>\n");
    changes(out, v);
    out.push_str("\n</section>\n\n");
    if let Some(notes) = &v.notes {
        notes_history(out, notes);
    }
    out.push_str("<section id=\"recognition\">\n<h2>Recognition</h2>\n");
    macros::rich_list(out, &v.recognition, "None recorded.");
    out.push_str("\n</section>\n\n<section id=\"next-steps\">\n<h2>Next steps</h2>\n");
    macros::rich_list(out, &v.next_steps, "None recorded.");
    out.push_str("\n</section>\n\n<section id=\"alerts\">\n<h2>Open alerts today</h2>\n");
    macros::alerts(out, &v.alerts);
    out.push_str("\n</section>\n");
}

fn header(out: &mut String, v: &ReviewPack) {
    out.push_str(
        "\n<header class=\"page-head\">\n\
         <p class=\"eyebrow\">Quarterly review pack · internal</p>\n<h1>",
    );
    esc(out, &v.name);
    out.push_str(" — ");
    esc(out, &v.quarter);
    out.push_str("</h1>\n<p>");
    esc(out, &v.period_start);
    out.push_str(" to ");
    esc(out, &v.period_end);
    if let Some(date) = some(&v.date) {
        out.push_str(" · reviewed ");
        esc(out, date);
    }
    if let Some(health) = v.health {
        out.push_str(" · health at quarter end: <strong>");
        num(out, health);
        out.push_str("</strong>");
    }
    out.push_str("</p>\n");
    if !v.attendees.is_empty() {
        out.push_str("<p>Attendees: ");
        people_with_roles(out, &v.attendees, esc);
        out.push_str("</p>");
    }
    out.push_str("\n</header>");
}

fn scores(out: &mut String, v: &ReviewPack) {
    if v.scores.is_empty() {
        out.push_str("<p class=\"muted\">No scores recorded in this review.</p>");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Criterion</th><th class=\"num\">Weight</th>\
         <th class=\"num\">Previous</th><th class=\"num\">Score</th>\
         <th class=\"num\">Change</th></tr></thead>\n<tbody>",
    );
    for s in &v.scores {
        out.push_str("<tr class=\"delta-");
        esc(out, s.direction);
        out.push_str("\"><td>");
        esc(out, &s.criterion);
        out.push_str("</td><td class=\"num\">");
        num(out, s.weight);
        out.push_str("</td><td class=\"num\">");
        match s.previous {
            Some(previous) => num(out, previous),
            None => out.push('–'),
        }
        out.push_str("</td><td class=\"num\"><strong>");
        num(out, s.score);
        out.push_str("</strong></td><td class=\"num\">");
        esc_or(out, s.delta.as_deref(), NO_DELTA);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody>\n</table>");
}

fn summary(out: &mut String, v: &ReviewPack) {
    if v.summary.is_some() {
        out.push_str("<h3>Internal summary</h3>");
        macros::rich(out, v.summary.as_ref());
    }
    out.push('\n');
    if v.shared_summary.is_some() {
        out.push_str("<h3>Summary shared with ");
        esc(out, &v.name);
        out.push_str("</h3>");
        macros::rich(out, v.shared_summary.as_ref());
    }
    out.push('\n');
    if v.summary.is_none() && v.shared_summary.is_none() {
        out.push_str("<p class=\"muted\">No summary written.</p>");
    }
}

fn balance(out: &mut String, v: &ReviewPack) {
    if v.balance.is_empty() {
        out.push_str("<p class=\"muted\">None recorded.</p>");
        return;
    }
    out.push_str(
        "<table class=\"side-by-side\">\n\
         <thead><tr><th>Successes</th><th>Failures</th></tr></thead>\n<tbody>",
    );
    for row in &v.balance {
        out.push_str("<tr><td>");
        if let Some(success) = &row.success {
            out.push_str(&success.html);
        }
        out.push_str("</td><td>");
        if let Some(failure) = &row.failure {
            out.push_str(&failure.html);
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody>\n</table>");
}

fn changes(out: &mut String, v: &ReviewPack) {
    let c = &v.changes;
    if c.empty {
        out.push_str("<p class=\"muted\">Nothing recorded in this quarter.</p>");
    }
    out.push('\n');
    if !c.events.is_empty() {
        out.push_str("<h3>Events</h3><ul>");
        for e in &c.events {
            out.push_str("<li><span class=\"date\">");
            esc(out, &e.date);
            out.push_str("</span> ");
            esc_or(out, e.kind.as_deref(), NO_KIND);
            out.push_str(": <strong>");
            esc(out, &e.title);
            out.push_str("</strong>");
            if let Some(sentiment) = some(&e.sentiment) {
                out.push_str(" <span class=\"muted\">(");
                esc(out, sentiment);
                out.push_str(")</span>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push('\n');
    goal_milestones(out, "Milestones met", &c.milestones_met);
    out.push('\n');
    goal_milestones(out, "Milestones missed", &c.milestones_missed);
    out.push('\n');
    commitments_due(out, "Commitments kept", &c.commitments_kept);
    out.push('\n');
    commitments_due(out, "Commitments broken", &c.commitments_broken);
    out.push('\n');
    if !c.commitments_made.is_empty() {
        out.push_str("<h3>Commitments made</h3><ul>");
        for m in &c.commitments_made {
            out.push_str("<li><span class=\"by\">");
            esc(out, &m.by);
            out.push_str("</span> ");
            esc(out, &m.what);
            out.push_str(" <span class=\"status status-");
            esc(out, &m.status);
            out.push_str("\">");
            esc(out, &m.status);
            out.push_str("</span></li>");
        }
        out.push_str("</ul>");
    }
    out.push('\n');
    disputes(out, "Disputes opened", "opened", &c.disputes_opened, |d| {
        Some(d.opened.as_str())
    });
    out.push('\n');
    disputes(
        out,
        "Disputes resolved",
        "resolved",
        &c.disputes_resolved,
        |d| d.resolved.as_deref(),
    );
}

fn goal_milestones(out: &mut String, heading: &str, list: &[GoalMilestone]) {
    if list.is_empty() {
        return;
    }
    out.push_str("<h3>");
    out.push_str(heading);
    out.push_str("</h3><ul>");
    for x in list {
        out.push_str("<li>");
        esc(out, &x.goal);
        out.push_str(": ");
        macros::milestone(out, &x.milestone);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// Kept and broken commitments: who, what and when it was due.
fn commitments_due(out: &mut String, heading: &str, list: &[PeriodCommitment]) {
    if list.is_empty() {
        return;
    }
    out.push_str("<h3>");
    out.push_str(heading);
    out.push_str("</h3><ul>");
    for c in list {
        out.push_str("<li><span class=\"by\">");
        esc(out, &c.by);
        out.push_str("</span> ");
        esc(out, &c.what);
        if let Some(due) = some(&c.due) {
            out.push_str(" <span class=\"muted\">due ");
            esc(out, due);
            out.push_str("</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// Opened or resolved disputes, with the date `when` picks (a missing one prints nothing,
/// as tera prints null).
fn disputes(
    out: &mut String,
    heading: &str,
    verb: &str,
    list: &[DisputeView],
    when: fn(&DisputeView) -> Option<&str>,
) {
    if list.is_empty() {
        return;
    }
    out.push_str("<h3>");
    out.push_str(heading);
    out.push_str("</h3><ul>");
    for d in list {
        out.push_str("<li>");
        esc(out, &d.title);
        out.push_str(" <span class=\"muted\">");
        out.push_str(verb);
        out.push(' ');
        esc(out, when(d).unwrap_or_default());
        if let Some(amount) = some(&d.amount) {
            out.push_str(", ");
            esc(out, amount);
        }
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}

fn notes_history(out: &mut String, notes: &NotesView) {
    out.push_str(
        "<section id=\"notes-history\">\n\
         <h2>What changed in our notes since the previous review</h2>\n\
         <p class=\"muted\">The account file at ",
    );
    esc(out, &notes.from);
    out.push_str(" compared with ");
    esc(out, &notes.to);
    if notes.commit_count > 0 {
        out.push_str(": ");
        num(out, notes.commit_count);
        out.push_str(" commit");
        if notes.commit_count != 1 {
            out.push('s');
        }
        out.push_str(" by ");
        esc_join(out, &notes.authors, ", ");
    }
    out.push_str(".</p>\n");
    if notes.created {
        out.push_str(
            "<p>The account file was added to git after the previous review: \
             everything in it is new.</p>",
        );
    }
    out.push('\n');
    if !notes.problems.is_empty() {
        out.push_str("<ul class=\"alerts\">");
        for p in &notes.problems {
            out.push_str(
                "<li class=\"alert alert-warning\">\
                 <span class=\"badge badge-warning\">warning</span> ",
            );
            esc(out, p);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push('\n');
    for s in &notes.sections {
        out.push_str("<h3>");
        esc(out, s.title);
        out.push_str("</h3>\n<ul class=\"notes-changes\">");
        for c in &s.changes {
            out.push_str("<li class=\"change change-");
            esc(out, c.kind);
            out.push_str("\">");
            esc(out, c.label);
            out.push_str(": <strong>");
            esc(out, &c.subject);
            out.push_str("</strong>");
            change(out, &c.from, &c.to, esc);
            if let Some(detail) = some(&c.detail) {
                out.push_str(" <em>(");
                esc(out, detail);
                out.push_str(")</em>");
            }
            out.push_str(" <span class=\"muted\">— ");
            for (i, k) in c.commits.iter().enumerate() {
                out.push_str("<code>");
                esc(out, &k.id);
                out.push_str("</code> ");
                esc(out, &k.author);
                out.push_str(", ");
                esc(out, &k.date);
                if i + 1 < c.commits.len() {
                    out.push_str("; ");
                }
            }
            uncommitted(out, c);
            out.push_str("</span></li>");
        }
        out.push_str("</ul>\n");
    }
    if notes.sections.is_empty() {
        out.push_str("<p class=\"muted\">No changes to the notes since the previous review.</p>");
    }
    out.push_str("\n</section>\n\n");
}

fn uncommitted(out: &mut String, c: &NoteChange) {
    if c.uncommitted {
        if !c.commits.is_empty() {
            out.push_str("; ");
        }
        out.push_str("not committed yet");
    }
}

pub fn markdown(out: &mut String, v: &ReviewPack, _root: &str) {
    md_header(out, v);
    out.push_str("\n## Scores\n");
    md_scores(out, v);
    out.push_str("\n## Summary\n");
    md_summary(out, v);
    out.push_str("\n## Successes and failures\n");
    md_balance(out, v);
    out.push_str("\n## What changed in the period\n");
    md_changes(out, v);
    out.push('\n');
    if let Some(notes) = &v.notes {
        md_notes_history(out, notes);
    }
    out.push_str("## Recognition\n");
    md_rich_list(out, &v.recognition);
    out.push_str("\n## Next steps\n");
    md_rich_list(out, &v.next_steps);
    out.push_str("\n## Open alerts today\n");
    if v.alerts.is_empty() {
        out.push_str("\nNo alerts.\n");
    } else {
        out.push('\n');
        alert_items_md(out, &v.alerts);
    }
}

fn md_header(out: &mut String, v: &ReviewPack) {
    out.push_str("# ");
    md(out, &v.name);
    out.push_str(" — ");
    out.push_str(&v.quarter);
    out.push_str("\n\nQuarterly review pack · internal · ");
    out.push_str(&v.period_start);
    out.push_str(" to ");
    out.push_str(&v.period_end);
    if let Some(date) = some(&v.date) {
        out.push_str(" · reviewed ");
        out.push_str(date);
    }
    if let Some(health) = v.health {
        out.push_str(" · health at quarter end: **");
        num(out, health);
        out.push_str("**");
    }
    out.push_str("\n\n[");
    md(out, &v.name);
    out.push_str("](index.md)");
    quarter_links_md(out, &v.previous, &v.next);
    out.push('\n');
    if !v.attendees.is_empty() {
        out.push_str("\nAttendees: ");
        people_with_roles(out, &v.attendees, md);
        out.push('\n');
    }
}

fn md_scores(out: &mut String, v: &ReviewPack) {
    if v.scores.is_empty() {
        out.push_str("\nNo scores recorded in this review.\n");
        return;
    }
    out.push_str("\n| Criterion | Weight | Previous | Score | Change |\n|---|--:|--:|--:|--:|\n");
    for s in &v.scores {
        out.push_str("| ");
        md(out, &s.criterion);
        out.push_str(" | ");
        num(out, s.weight);
        out.push_str(" | ");
        match s.previous {
            Some(previous) => num(out, previous),
            None => out.push('–'),
        }
        out.push_str(" | **");
        num(out, s.score);
        out.push_str("** | ");
        out.push_str(s.delta.as_deref().unwrap_or(NO_DELTA));
        out.push_str(" |\n");
    }
}

fn md_summary(out: &mut String, v: &ReviewPack) {
    if let Some(summary) = &v.summary {
        out.push_str("\n**Internal summary.** ");
        out.push_str(&summary.md);
        out.push('\n');
    }
    if let Some(shared) = &v.shared_summary {
        out.push_str("\n**Summary shared with ");
        md(out, &v.name);
        out.push_str(".** ");
        out.push_str(&shared.md);
        out.push('\n');
    }
    if v.summary.is_none() && v.shared_summary.is_none() {
        out.push_str("\nNo summary written.\n");
    }
}

fn md_balance(out: &mut String, v: &ReviewPack) {
    if v.balance.is_empty() {
        out.push_str("\nNone recorded.\n");
        return;
    }
    out.push_str("\n| Successes | Failures |\n|---|---|\n");
    for row in &v.balance {
        out.push_str("| ");
        if let Some(success) = &row.success {
            md_cell(out, &success.md);
        }
        out.push_str(" | ");
        if let Some(failure) = &row.failure {
            md_cell(out, &failure.md);
        }
        out.push_str(" |\n");
    }
}

fn md_changes(out: &mut String, v: &ReviewPack) {
    let c = &v.changes;
    if c.empty {
        out.push_str("\nNothing recorded in this quarter.\n");
    }
    if !c.events.is_empty() {
        out.push_str("\n### Events\n\n");
        for e in &c.events {
            out.push_str("- ");
            out.push_str(&e.date);
            out.push(' ');
            out.push_str(e.kind.as_deref().unwrap_or(NO_KIND));
            out.push_str(": **");
            md(out, &e.title);
            out.push_str("**");
            if let Some(sentiment) = some(&e.sentiment) {
                out.push_str(" (");
                out.push_str(sentiment);
                out.push(')');
            }
            out.push('\n');
        }
    }
    if !c.milestones_met.is_empty() {
        out.push_str("\n### Milestones met\n\n");
        for x in &c.milestones_met {
            md_goal_milestone(out, x);
            out.push_str(", done ");
            out.push_str(x.milestone.done.as_deref().unwrap_or_default());
            if x.milestone.status == "late" {
                out.push_str(" (late)");
            }
            out.push('\n');
        }
    }
    if !c.milestones_missed.is_empty() {
        out.push_str("\n### Milestones missed\n\n");
        for x in &c.milestones_missed {
            md_goal_milestone(out, x);
            match some(&x.milestone.done) {
                Some(done) => {
                    out.push_str(", done ");
                    out.push_str(done);
                }
                None => out.push_str(", not done"),
            }
            out.push('\n');
        }
    }
    md_commitments_due(out, "Commitments kept", &c.commitments_kept);
    md_commitments_due(out, "Commitments broken", &c.commitments_broken);
    if !c.commitments_made.is_empty() {
        out.push_str("\n### Commitments made\n\n");
        for m in &c.commitments_made {
            out.push_str("- (");
            out.push_str(&m.by);
            out.push_str(") ");
            md(out, &m.what);
            out.push_str(" — ");
            out.push_str(&m.status);
            out.push('\n');
        }
    }
    md_disputes(out, "Disputes opened", "opened", &c.disputes_opened, |d| {
        Some(d.opened.as_str())
    });
    md_disputes(
        out,
        "Disputes resolved",
        "resolved",
        &c.disputes_resolved,
        |d| d.resolved.as_deref(),
    );
}

/// The start of a milestone line, up to its due date.
fn md_goal_milestone(out: &mut String, x: &GoalMilestone) {
    out.push_str("- ");
    md(out, &x.goal);
    out.push_str(": ");
    md(out, &x.milestone.title);
    out.push_str(" — due ");
    out.push_str(&x.milestone.due);
}

fn md_commitments_due(out: &mut String, heading: &str, list: &[PeriodCommitment]) {
    if list.is_empty() {
        return;
    }
    out.push_str("\n### ");
    out.push_str(heading);
    out.push_str("\n\n");
    for c in list {
        out.push_str("- (");
        out.push_str(&c.by);
        out.push_str(") ");
        md(out, &c.what);
        if let Some(due) = some(&c.due) {
            out.push_str(" — due ");
            out.push_str(due);
        }
        out.push('\n');
    }
}

fn md_disputes(
    out: &mut String,
    heading: &str,
    verb: &str,
    list: &[DisputeView],
    when: fn(&DisputeView) -> Option<&str>,
) {
    if list.is_empty() {
        return;
    }
    out.push_str("\n### ");
    out.push_str(heading);
    out.push_str("\n\n");
    for d in list {
        out.push_str("- ");
        md(out, &d.title);
        out.push_str(" — ");
        out.push_str(verb);
        out.push(' ');
        out.push_str(when(d).unwrap_or_default());
        if let Some(amount) = some(&d.amount) {
            out.push_str(", ");
            md(out, amount);
        }
        out.push('\n');
    }
}

fn md_notes_history(out: &mut String, notes: &NotesView) {
    out.push_str("## What changed in our notes since the previous review\n\nThe account file at ");
    md(out, &notes.from);
    out.push_str(" compared with ");
    md(out, &notes.to);
    if notes.commit_count > 0 {
        out.push_str(": ");
        num(out, notes.commit_count);
        out.push_str(" commit");
        if notes.commit_count != 1 {
            out.push('s');
        }
        out.push_str(" by ");
        // `md` escapes character by character, so escaping the joined text is the same
        // as escaping each name and the separator.
        let mut authors = String::new();
        join(&mut authors, &notes.authors, ", ");
        md(out, &authors);
    }
    out.push_str(".\n");
    if notes.created {
        out.push_str(
            "\nThe account file was added to git after the previous review: \
             everything in it is new.\n",
        );
    }
    for p in &notes.problems {
        out.push_str("\n> **warning:** ");
        md(out, p);
        out.push('\n');
    }
    for s in &notes.sections {
        out.push_str("\n### ");
        out.push_str(s.title);
        out.push_str("\n\n");
        for c in &s.changes {
            out.push_str("- ");
            out.push_str(c.label);
            out.push_str(": **");
            md(out, &c.subject);
            out.push_str("**");
            change(out, &c.from, &c.to, md);
            if let Some(detail) = some(&c.detail) {
                out.push_str(" (");
                out.push_str(detail);
                out.push(')');
            }
            out.push_str(" — ");
            for (i, k) in c.commits.iter().enumerate() {
                out.push('`');
                out.push_str(&k.id);
                out.push_str("` ");
                md(out, &k.author);
                out.push_str(", ");
                out.push_str(&k.date);
                if i + 1 < c.commits.len() {
                    out.push_str("; ");
                }
            }
            uncommitted(out, c);
            out.push('\n');
        }
    }
    if notes.sections.is_empty() {
        out.push_str("\nNo changes to the notes since the previous review.\n");
    }
    out.push('\n');
}

/// Recognition and next steps: one item a line, or "None recorded."
fn md_rich_list(out: &mut String, items: &[Rich]) {
    if items.is_empty() {
        out.push_str("\nNone recorded.\n");
        return;
    }
    out.push('\n');
    for r in items {
        out.push_str("- ");
        md_cell(out, &r.md);
        out.push('\n');
    }
}
