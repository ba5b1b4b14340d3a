//! `shared-index.html` and `shared-index.md`: the other company's folder index.

use super::{base, esc, esc_or, macros, md, md_cell, md_or, some, Layout, STATEMENT_TITLE};
use crate::view::shared::SharedIndex;

pub fn html(out: &mut String, v: &SharedIndex, root: &str) {
    let parties = |out: &mut String| {
        esc(out, &v.parties.them);
        out.push_str(" and ");
        esc(out, &v.parties.us);
    };
    base(
        out,
        Layout {
            root,
            title: &parties,
            body_class: "shared shared-index",
            nav: &|out| {
                out.push_str("<span aria-current=\"page\">");
                parties(out);
                out.push_str("</span>");
            },
            content: &|out| content(out, v),
            footer: &|out| {
                esc(out, &v.parties.us);
                out.push_str(" and ");
                esc(out, &v.parties.them);
            },
        },
    );
}

fn content(out: &mut String, v: &SharedIndex) {
    out.push_str("\n<header class=\"page-head\">\n<p class=\"eyebrow\">Shared documents</p>\n<h1>");
    esc(out, &v.parties.us);
    out.push_str(" and ");
    esc(out, &v.parties.them);
    out.push_str(
        "</h1>\n</header>\n<section id=\"documents\">\n<h2>Documents</h2>\n<ul>\n\
         <li><a href=\"statement.html\">",
    );
    esc_or(out, v.statement_title.as_deref(), STATEMENT_TITLE);
    out.push_str("</a></li>\n");
    for q in &v.quarters {
        out.push_str("<li><a href=\"");
        esc(out, q);
        out.push_str(".html\">Progress report ");
        esc(out, q);
        out.push_str("</a></li>");
    }
    out.push_str("\n</ul>\n</section>\n");
    if !v.events.is_empty() {
        out.push_str("<section id=\"history\"><h2>Shared history</h2><ol class=\"timeline\">");
        for e in &v.events {
            out.push_str("<li class=\"event\"><span class=\"date\">");
            esc(out, &e.date);
            out.push_str("</span> <strong>");
            esc(out, &e.title);
            out.push_str("</strong>");
            if !e.people.is_empty() {
                out.push_str(" <span class=\"muted\">— ");
                macros::people(out, &e.people);
                out.push_str("</span>");
            }
            macros::rich(out, e.note.as_ref());
            out.push_str("</li>");
        }
        out.push_str("</ol></section>");
    }
    out.push('\n');
    if !v.disputes.is_empty() {
        out.push_str("<section id=\"disputes\"><h2>Issues we are resolving together</h2><ul>");
        for d in &v.disputes {
            out.push_str("<li><strong>");
            esc(out, &d.title);
            out.push_str("</strong> <span class=\"muted\">opened ");
            esc(out, &d.opened);
            if let Some(resolved) = some(&d.resolved) {
                out.push_str(", resolved ");
                esc(out, resolved);
            }
            if let Some(amount) = some(&d.amount) {
                out.push_str(", ");
                esc(out, amount);
            }
            out.push_str("</span>");
            macros::rich(out, d.note.as_ref());
            out.push_str("</li>");
        }
        out.push_str("</ul></section>");
    }
    out.push('\n');
}

pub fn markdown(out: &mut String, v: &SharedIndex, _root: &str) {
    out.push_str("# ");
    md(out, &v.parties.us);
    out.push_str(" and ");
    md(out, &v.parties.them);
    out.push_str("\n\nShared documents\n\n## Documents\n\n- [");
    md_or(out, v.statement_title.as_deref(), STATEMENT_TITLE);
    out.push_str("](statement.md)\n");
    for q in &v.quarters {
        out.push_str("- [Progress report ");
        out.push_str(q);
        out.push_str("](");
        out.push_str(q);
        out.push_str(".md)\n");
    }
    if !v.events.is_empty() {
        out.push_str("\n## Shared history\n\n");
        for e in &v.events {
            out.push_str("- **");
            out.push_str(&e.date);
            out.push_str("** ");
            md(out, &e.title);
            if !e.people.is_empty() {
                out.push_str(" — ");
                for (i, p) in e.people.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    md(out, &p.name);
                }
            }
            if let Some(note) = &e.note {
                out.push_str(": ");
                md_cell(out, &note.md);
            }
            out.push('\n');
        }
    }
    if !v.disputes.is_empty() {
        out.push_str("\n## Issues we are resolving together\n\n");
        for d in &v.disputes {
            out.push_str("- **");
            md(out, &d.title);
            out.push_str("** — opened ");
            out.push_str(&d.opened);
            if let Some(resolved) = some(&d.resolved) {
                out.push_str(", resolved ");
                out.push_str(resolved);
            }
            if let Some(amount) = some(&d.amount) {
                out.push_str(", ");
                md(out, amount);
            }
            if let Some(note) = &d.note {
                out.push_str(": ");
                md_cell(out, &note.md);
            }
            out.push('\n');
        }
    }
}
