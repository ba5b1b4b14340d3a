//! `macros.html`: the pieces several HTML pages share.

use super::{esc, esc_join, num};
use crate::view::account::{AlertView, MilestoneView};
use crate::view::common::{PersonName, Rich};
use crate::view::health::HealthView;

/// `m::people(list)`: names with their company as a tooltip, comma separated.
pub fn people(out: &mut String, list: &[PersonName]) {
    for (i, p) in list.iter().enumerate() {
        out.push_str("<span class=\"person\" title=\"");
        esc(out, &p.company);
        out.push_str("\">");
        esc(out, &p.name);
        out.push_str("</span>");
        if i + 1 < list.len() {
            out.push_str(", ");
        }
    }
}

/// `m::person_role(p)`: name in bold, role and company after it.
pub fn person_role(out: &mut String, p: &PersonName) {
    out.push_str("<strong>");
    esc(out, &p.name);
    out.push_str("</strong>");
    if let Some(role) = p.role.as_deref().filter(|r| !r.is_empty()) {
        out.push_str(", ");
        esc(out, role);
    }
    if !p.company.is_empty() {
        out.push_str(" <span class=\"muted\">(");
        esc(out, &p.company);
        out.push_str(")</span>");
    }
}

/// `m::rich(r)`: a note's HTML in its box, nothing when there is no note.
pub fn rich(out: &mut String, r: Option<&Rich>) {
    if let Some(r) = r {
        out.push_str("<div class=\"note\">");
        out.push_str(&r.html);
        out.push_str("</div>");
    }
}

/// `m::rich_list(items, empty)`: a list of notes, or `empty` in muted text.
pub fn rich_list(out: &mut String, items: &[Rich], empty: &str) {
    if items.is_empty() {
        out.push_str("<p class=\"muted\">");
        esc(out, empty);
        out.push_str("</p>");
        return;
    }
    out.push_str("<ul>");
    for r in items {
        out.push_str("<li>");
        out.push_str(&r.html);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// `m::milestone(m)`: status badge, title and dates.
pub fn milestone(out: &mut String, m: &MilestoneView) {
    out.push_str("<span class=\"status status-");
    esc(out, m.status);
    out.push_str("\">");
    out.push_str(match m.status {
        "met" => "met",
        "late" => "met late",
        "overdue" => "overdue",
        _ => "open",
    });
    out.push_str("</span> ");
    esc(out, &m.title);
    out.push_str(" <span class=\"muted\">due <time>");
    esc(out, &m.due);
    out.push_str("</time>");
    if let Some(done) = m.done.as_deref().filter(|d| !d.is_empty()) {
        out.push_str(", done <time>");
        esc(out, done);
        out.push_str("</time>");
    }
    out.push_str("</span>");
}

/// A goal's milestones as a list, nothing when it has none (the same markup on every
/// page that lists goals).
pub fn milestone_list(out: &mut String, milestones: &[MilestoneView]) {
    if milestones.is_empty() {
        return;
    }
    out.push_str("<ul class=\"milestones\">");
    for ms in milestones {
        out.push_str("<li>");
        milestone(out, ms);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// `m::alerts(list)`: the alerts with their severity badges, or "No alerts."
pub fn alerts(out: &mut String, list: &[AlertView]) {
    if list.is_empty() {
        out.push_str("<p class=\"muted\">No alerts.</p>");
        return;
    }
    out.push_str("<ul class=\"alerts\">");
    for a in list {
        out.push_str("<li class=\"alert alert-");
        esc(out, &a.severity);
        out.push_str("\"><span class=\"badge badge-");
        esc(out, &a.severity);
        out.push_str("\">");
        esc(out, &a.severity);
        out.push_str("</span> <code>");
        esc(out, &a.code);
        out.push_str("</code> ");
        esc(out, &a.message);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// `m::health_breakdown(h)`: how the score was reached, component by component.
pub fn health_breakdown(out: &mut String, h: &HealthView) {
    let Some(score) = h.score else {
        out.push_str("<p class=\"muted\">No health score yet: no component has data.</p>");
        return;
    };
    out.push_str("<table class=\"breakdown\"><caption>Why this score: ");
    num(out, score);
    out.push_str(
        " / 100</caption><thead><tr><th>Component</th><th class=\"num\">Weight</th>\
         <th class=\"num\">Value</th><th class=\"num\">Points</th><th>How</th></tr></thead><tbody>",
    );
    for c in &h.components {
        out.push_str("<tr><td>");
        esc(out, &c.name);
        out.push_str("</td><td class=\"num\">");
        esc(out, &c.weight);
        out.push_str("</td><td class=\"num\">");
        esc(out, &c.value);
        out.push_str("</td><td class=\"num\">");
        esc(out, &c.contribution);
        out.push_str("</td><td>");
        esc(out, &c.explanation);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    if !h.left_out.is_empty() {
        out.push_str(
            "<p class=\"muted\">Left out for lack of data (the other weights are rescaled): ",
        );
        esc_join(out, &h.left_out, ", ");
        out.push_str(".</p>");
    }
}

/// `m::health_badge(h)`: the score in its band's colour, or a dash.
pub fn health_badge(out: &mut String, score: Option<i64>, band: &str) {
    match score {
        Some(score) => {
            out.push_str("<span class=\"health health-");
            esc(out, band);
            out.push_str("\">");
            num(out, score);
            out.push_str("</span>");
        }
        None => out.push_str("<span class=\"health health-none\">–</span>"),
    }
}
