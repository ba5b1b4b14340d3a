//! `progress.html` and `progress.md`: one reviewed quarter as both companies may read it.

use super::{
    base, change, checklist_item, esc, macros, md, md_cell, num, quarter_links_html,
    quarter_links_md, some, Layout,
};
use crate::view::shared::{
    SharedCommitment, SharedEvent, SharedGoal, SharedMilestone, SharedNotesSection,
    SharedProgress as View,
};

pub fn html(out: &mut String, v: &View, root: &str) {
    base(
        out,
        Layout {
            root,
            title: &|out| {
                esc(out, &v.parties.them);
                out.push_str(" and ");
                esc(out, &v.parties.us);
                out.push_str(" · Progress ");
                esc(out, &v.quarter);
            },
            body_class: "shared progress printable",
            nav: &|out| nav(out, v),
            content: &|out| content(out, v),
            footer: &|out| {
                esc(out, &v.parties.us);
                out.push_str(" and ");
                esc(out, &v.parties.them);
                out.push_str(" · progress ");
                esc(out, &v.quarter);
            },
        },
    );
}

fn nav(out: &mut String, v: &View) {
    out.push_str("<a href=\"index.html\">");
    esc(out, &v.parties.them);
    out.push_str(" and ");
    esc(out, &v.parties.us);
    out.push_str("</a> › <span aria-current=\"page\">Progress ");
    esc(out, &v.quarter);
    out.push_str("</span>");
    quarter_links_html(out, &v.previous, &v.next);
}

fn content(out: &mut String, v: &View) {
    out.push_str(
        "\n<header class=\"page-head\">\n<p class=\"eyebrow\">Joint progress report</p>\n<h1>",
    );
    esc(out, &v.parties.us);
    out.push_str(" and ");
    esc(out, &v.parties.them);
    out.push_str(" — ");
    esc(out, &v.quarter);
    out.push_str("</h1>\n<p>");
    esc(out, &v.period_start);
    out.push_str(" to ");
    esc(out, &v.period_end);
    out.push_str("</p>\n</header>\n");
    if v.shared_summary.is_some() {
        out.push_str("<section id=\"summary\"><h2>Summary</h2>");
        macros::rich(out, v.shared_summary.as_ref());
        out.push_str("</section>");
    }
    out.push_str("\n<section id=\"milestones\">\n<h2>Milestones this quarter</h2>\n");
    milestones_html(out, v);
    out.push_str("\n</section>\n<section id=\"commitments\">\n<h2>Commitments</h2>\n<h3>Kept this quarter</h3>\n");
    kept_html(out, &v.kept);
    out.push_str("\n<h3>Open</h3>\n");
    open_html(out, &v.open);
    out.push_str("\n</section>\n<section id=\"goals\">\n<h2>Joint goals</h2>\n");
    goals_html(out, &v.goals);
    out.push_str("\n</section>\n");
    if let Some(notes) = notes(v) {
        notes_html(out, notes);
    }
    if !v.events.is_empty() {
        events_html(out, &v.events);
    }
    out.push('\n');
}

/// `{% if notes %}`: present and not empty.
fn notes(v: &View) -> Option<&[SharedNotesSection]> {
    v.notes.as_deref().filter(|n| !n.is_empty())
}

fn milestones_html(out: &mut String, v: &View) {
    if v.milestones_met.is_empty() && v.milestones_due.is_empty() {
        out.push_str("<p class=\"muted\">No milestones fell in this quarter.</p>");
        return;
    }
    out.push('\n');
    for (heading, list) in [("Met", &v.milestones_met), ("Due", &v.milestones_due)] {
        if !list.is_empty() {
            out.push_str("<h3>");
            out.push_str(heading);
            out.push_str("</h3><ul>");
            for x in list.iter() {
                goal_milestone_html(out, x);
            }
            out.push_str("</ul>");
        }
        out.push('\n');
    }
}

fn goal_milestone_html(out: &mut String, x: &SharedMilestone) {
    out.push_str("<li>");
    esc(out, &x.goal);
    out.push_str(": ");
    macros::milestone(out, &x.milestone);
    out.push_str("</li>");
}

fn kept_html(out: &mut String, kept: &[SharedCommitment]) {
    if kept.is_empty() {
        out.push_str("<p class=\"muted\">None this quarter.</p>");
        return;
    }
    out.push_str("<ul>");
    for c in kept {
        out.push_str("<li>");
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

fn open_html(out: &mut String, open: &[SharedCommitment]) {
    if open.is_empty() {
        out.push_str("<p class=\"muted\">None open.</p>");
        return;
    }
    out.push_str("<ul>");
    for c in open {
        out.push_str("<li>");
        esc(out, &c.what);
        out.push_str(" <span class=\"muted\">");
        match some(&c.due) {
            Some(due) => {
                out.push_str("due ");
                esc(out, due);
            }
            None => out.push_str("ongoing"),
        }
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}

fn goals_html(out: &mut String, goals: &[SharedGoal]) {
    if goals.is_empty() {
        out.push_str("<p class=\"muted\">No joint goals.</p>");
        return;
    }
    for g in goals {
        out.push_str("<article class=\"goal\"><h3>");
        esc(out, &g.title);
        out.push_str(" <span class=\"muted\">");
        num(out, g.done);
        out.push_str(" of ");
        num(out, g.milestones.len());
        out.push_str(" milestones done</span></h3>");
        macros::milestone_list(out, &g.milestones);
        out.push_str("</article>");
    }
}

fn notes_html(out: &mut String, notes: &[SharedNotesSection]) {
    out.push_str(
        "<section id=\"plan-changes\">\n\
         <h2>Changes to the joint plan since the previous review</h2>\n",
    );
    for s in notes {
        out.push_str("<h3>");
        esc(out, s.title);
        out.push_str("</h3>\n<ul>");
        for c in &s.changes {
            out.push_str("<li>");
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
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn events_html(out: &mut String, events: &[SharedEvent]) {
    out.push_str("<section id=\"events\"><h2>What happened</h2><ul>");
    for e in events {
        out.push_str("<li><span class=\"date\">");
        esc(out, &e.date);
        out.push_str("</span> <strong>");
        esc(out, &e.title);
        out.push_str("</strong>");
        macros::rich(out, e.note.as_ref());
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
}

pub fn markdown(out: &mut String, v: &View, _root: &str) {
    out.push_str("# ");
    md(out, &v.parties.us);
    out.push_str(" and ");
    md(out, &v.parties.them);
    out.push_str(" — ");
    out.push_str(&v.quarter);
    out.push_str("\n\nJoint progress report · ");
    out.push_str(&v.period_start);
    out.push_str(" to ");
    out.push_str(&v.period_end);
    out.push_str("\n\n[Shared folder](index.md)");
    quarter_links_md(out, &v.previous, &v.next);
    out.push('\n');
    if let Some(summary) = &v.shared_summary {
        out.push_str("\n## Summary\n\n");
        out.push_str(&summary.md);
        out.push('\n');
    }
    out.push_str("\n## Milestones this quarter\n");
    milestones_md(out, v);
    out.push_str("\n## Commitments\n\n### Kept this quarter\n");
    kept_md(out, &v.kept);
    out.push_str("\n### Open\n");
    open_md(out, &v.open);
    out.push_str("\n## Joint goals\n");
    goals_md(out, &v.goals);
    if let Some(notes) = notes(v) {
        notes_md(out, notes);
    }
    if !v.events.is_empty() {
        events_md(out, &v.events);
    }
    out.push('\n');
}

fn milestones_md(out: &mut String, v: &View) {
    if v.milestones_met.is_empty() && v.milestones_due.is_empty() {
        out.push_str("\nNo milestones fell in this quarter.\n");
        return;
    }
    if !v.milestones_met.is_empty() {
        out.push_str("\n### Met\n\n");
        for x in &v.milestones_met {
            goal_milestone_md(out, x);
            out.push_str(", done ");
            out.push_str(x.milestone.done.as_deref().unwrap_or_default());
            out.push('\n');
        }
    }
    if !v.milestones_due.is_empty() {
        out.push_str("\n### Due\n\n");
        for x in &v.milestones_due {
            goal_milestone_md(out, x);
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
}

/// `- goal: title — due date`, the start of a line under Met and Due.
fn goal_milestone_md(out: &mut String, x: &SharedMilestone) {
    out.push_str("- ");
    md(out, &x.goal);
    out.push_str(": ");
    md(out, &x.milestone.title);
    out.push_str(" — due ");
    out.push_str(&x.milestone.due);
}

fn kept_md(out: &mut String, kept: &[SharedCommitment]) {
    if kept.is_empty() {
        out.push_str("\nNone this quarter.\n");
        return;
    }
    out.push('\n');
    for c in kept {
        out.push_str("- ");
        md(out, &c.what);
        if let Some(due) = some(&c.due) {
            out.push_str(" — due ");
            out.push_str(due);
        }
        out.push('\n');
    }
}

fn open_md(out: &mut String, open: &[SharedCommitment]) {
    if open.is_empty() {
        out.push_str("\nNone open.\n");
        return;
    }
    out.push('\n');
    for c in open {
        out.push_str("- ");
        md(out, &c.what);
        out.push_str(" — ");
        match some(&c.due) {
            Some(due) => {
                out.push_str("due ");
                out.push_str(due);
            }
            None => out.push_str("ongoing"),
        }
        out.push('\n');
    }
}

fn goals_md(out: &mut String, goals: &[SharedGoal]) {
    if goals.is_empty() {
        out.push_str("\nNo joint goals.\n");
        return;
    }
    for g in goals {
        out.push_str("\n### ");
        md(out, &g.title);
        out.push_str(" (");
        num(out, g.done);
        out.push_str(" of ");
        num(out, g.milestones.len());
        out.push_str(" milestones done)\n\n");
        for ms in &g.milestones {
            checklist_item(out, ms);
            out.push('\n');
        }
    }
}

fn notes_md(out: &mut String, notes: &[SharedNotesSection]) {
    out.push_str("\n## Changes to the joint plan since the previous review\n");
    for s in notes {
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
            out.push('\n');
        }
    }
}

fn events_md(out: &mut String, events: &[SharedEvent]) {
    out.push_str("\n## What happened\n\n");
    for e in events {
        out.push_str("- ");
        out.push_str(&e.date);
        out.push_str(": **");
        md(out, &e.title);
        out.push_str("**");
        if let Some(note) = &e.note {
            out.push_str(" — ");
            md_cell(out, &note.md);
        }
        out.push('\n');
    }
}
