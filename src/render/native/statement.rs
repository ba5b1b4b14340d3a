//! `statement.html` and `statement.md`: the joint commitment statement.

use super::{
    base, checklist_item, esc, esc_join, macros, md, md_cell, num, people_with_roles, some, Layout,
};
use crate::view::common::{PersonName, Rich};
use crate::view::shared::{
    SharedCommitment, SharedCommitments, SharedCommittee, SharedGoal, SharedStatement as View,
};

/// Between the forums of the escalation path.
const STEP: &str = " → ";

pub fn html(out: &mut String, v: &View, root: &str) {
    base(
        out,
        Layout {
            root,
            title: &|out| esc(out, &v.title),
            body_class: "shared statement printable",
            nav: &|out| {
                out.push_str("<a href=\"index.html\">");
                esc(out, &v.parties.them);
                out.push_str(" and ");
                esc(out, &v.parties.us);
                out.push_str("</a> › <span aria-current=\"page\">Joint statement</span>");
            },
            content: &|out| content(out, v),
            footer: &|out| {
                esc(out, &v.title);
                out.push_str(" · ");
                esc(out, &v.parties.us);
                out.push_str(" and ");
                esc(out, &v.parties.them);
            },
        },
    );
}

fn content(out: &mut String, v: &View) {
    out.push_str(
        "\n<header class=\"page-head\">\n<p class=\"eyebrow\">Joint commitment statement</p>\n<h1>",
    );
    esc(out, &v.title);
    out.push_str("</h1>\n<p class=\"parties\"><strong>");
    esc(out, &v.parties.us);
    out.push_str("</strong> and <strong>");
    esc(out, &v.parties.them);
    out.push_str("</strong>");
    if let Some(date) = some(&v.date) {
        out.push_str(" · ");
        esc(out, date);
    }
    out.push_str("</p>\n</header>\n\n");
    if v.vision.is_some() {
        out.push_str("<section id=\"vision\">\n<h2>Our shared vision</h2>\n");
        macros::rich(out, v.vision.as_ref());
        out.push_str("\n</section>");
    }
    out.push_str("\n\n<section id=\"commitments\">\n<h2>What we commit to</h2>\n");
    commitments_html(out, &v.commitments);
    out.push_str("\n</section>\n\n");
    if !v.behaviours_us.is_empty() || !v.behaviours_them.is_empty() {
        behaviours_html(out, v);
    }
    out.push_str("\n\n<section id=\"goals\">\n<h2>Joint goals</h2>\n");
    goals_html(out, &v.goals);
    out.push_str("\n</section>\n\n<section id=\"governance\">\n<h2>Governance</h2>\n");
    governance_html(out, &v.governance);
    out.push('\n');
    if v.escalation_path.len() > 1 {
        out.push_str(
            "<h3>Escalation path</h3><p>An issue that one forum cannot settle goes to the next: ",
        );
        esc_join(out, &v.escalation_path, STEP);
        out.push_str(".</p>");
    }
    out.push_str(
        "\n</section>\n\n<section id=\"signatories\" class=\"signatures\">\n<h2>Signatories</h2>\n",
    );
    signatories_html(out, &v.signatories);
    out.push_str("\n</section>\n");
}

fn commitments_html(out: &mut String, groups: &[SharedCommitments]) {
    if groups.is_empty() {
        out.push_str("<p class=\"muted\">No commitments recorded yet.</p>");
        return;
    }
    for group in groups {
        out.push_str("<h3>");
        esc(out, &group.heading);
        out.push_str("</h3>\n<ul class=\"commitments\">");
        for c in &group.items {
            commitment_html(out, c);
        }
        out.push_str("</ul>\n");
    }
}

fn commitment_html(out: &mut String, c: &SharedCommitment) {
    out.push_str("<li>");
    esc(out, &c.what);
    out.push_str(" <span class=\"muted\">");
    match some(&c.due) {
        Some(due) => {
            out.push_str("by <time>");
            esc(out, due);
            out.push_str("</time>");
        }
        None => out.push_str("ongoing"),
    }
    out.push_str("</span>");
    if c.status != "open" {
        out.push_str(" <span class=\"status status-");
        esc(out, &c.status);
        out.push_str("\">");
        esc(out, &c.status);
        out.push_str("</span>");
    }
    macros::rich(out, c.evidence.as_ref());
    out.push_str("</li>");
}

fn behaviours_html(out: &mut String, v: &View) {
    out.push_str(
        "<section id=\"behaviours\">\n<h2>How we will behave</h2>\n<div class=\"two-col\">\n",
    );
    for (party, list) in [
        (&v.parties.us, &v.behaviours_us),
        (&v.parties.them, &v.behaviours_them),
    ] {
        out.push_str("<div><h3>");
        esc(out, party);
        out.push_str("</h3>");
        macros::rich_list(out, list, "—");
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>");
}

fn goals_html(out: &mut String, goals: &[SharedGoal]) {
    if goals.is_empty() {
        out.push_str("<p class=\"muted\">No joint goals yet.</p>");
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
        if !g.owners.is_empty() {
            out.push_str("<p class=\"muted\">Owners: ");
            macros::people(out, &g.owners);
            out.push_str("</p>");
        }
        macros::rich(out, g.note.as_ref());
        macros::milestone_list(out, &g.milestones);
        out.push_str("</article>");
    }
}

fn governance_html(out: &mut String, committees: &[SharedCommittee]) {
    if committees.is_empty() {
        out.push_str("<p class=\"muted\">No joint committees yet.</p>");
        return;
    }
    for c in committees {
        out.push_str("<article class=\"committee\"><h3>");
        esc(out, &c.name);
        if let Some(cadence) = some(&c.cadence) {
            out.push_str(" <span class=\"muted\">");
            esc(out, cadence);
            out.push_str("</span>");
        }
        out.push_str("</h3>");
        if !c.members.is_empty() {
            out.push_str("<p>Members: ");
            people_with_roles(out, &c.members, esc);
            out.push_str("</p>");
        }
        macros::rich(out, c.purpose.as_ref());
        out.push_str("</article>");
    }
}

fn signatories_html(out: &mut String, signatories: &[PersonName]) {
    if signatories.is_empty() {
        out.push_str("<p class=\"muted\">No signatories named.</p>");
        return;
    }
    out.push_str("<div class=\"signature-grid\">");
    for p in signatories {
        out.push_str("<div class=\"signature\"><div class=\"line\"></div><strong>");
        esc(out, &p.name);
        out.push_str("</strong>");
        if let Some(role) = some(&p.role) {
            out.push_str("<br>");
            esc(out, role);
        }
        out.push_str("<br><span class=\"muted\">");
        esc(out, &p.company);
        out.push_str("</span></div>");
    }
    out.push_str("</div>");
}

pub fn markdown(out: &mut String, v: &View, _root: &str) {
    out.push_str("# ");
    md(out, &v.title);
    out.push_str("\n\nJoint commitment statement · **");
    md(out, &v.parties.us);
    out.push_str("** and **");
    md(out, &v.parties.them);
    out.push_str("**");
    if let Some(date) = some(&v.date) {
        out.push_str(" · ");
        out.push_str(date);
    }
    out.push_str("\n\n[Shared folder](index.md)\n");
    if let Some(vision) = &v.vision {
        out.push_str("\n## Our shared vision\n\n");
        out.push_str(&vision.md);
        out.push('\n');
    }
    out.push_str("\n## What we commit to\n");
    commitments_md(out, &v.commitments);
    if !v.behaviours_us.is_empty() || !v.behaviours_them.is_empty() {
        out.push_str("\n## How we will behave\n");
        behaviours_md(out, &v.parties.us, &v.behaviours_us);
        behaviours_md(out, &v.parties.them, &v.behaviours_them);
    }
    out.push_str("\n## Joint goals\n");
    goals_md(out, &v.goals);
    out.push_str("\n## Governance\n");
    governance_md(out, &v.governance);
    if v.escalation_path.len() > 1 {
        out.push_str(
            "\n### Escalation path\n\nAn issue that one forum cannot settle goes to the next: ",
        );
        for (i, step) in v.escalation_path.iter().enumerate() {
            if i > 0 {
                md(out, STEP);
            }
            md(out, step);
        }
        out.push_str(".\n");
    }
    out.push_str("\n## Signatories\n");
    signatories_md(out, &v.signatories);
}

fn commitments_md(out: &mut String, groups: &[SharedCommitments]) {
    if groups.is_empty() {
        out.push_str("\nNo commitments recorded yet.\n");
        return;
    }
    for group in groups {
        out.push_str("\n### ");
        md(out, &group.heading);
        out.push_str("\n\n");
        for c in &group.items {
            out.push_str("- ");
            md(out, &c.what);
            out.push_str(" — ");
            match some(&c.due) {
                Some(due) => {
                    out.push_str("by ");
                    out.push_str(due);
                }
                None => out.push_str("ongoing"),
            }
            if c.status != "open" {
                out.push_str(" (");
                out.push_str(&c.status);
                out.push(')');
            }
            if let Some(evidence) = &c.evidence {
                out.push_str("\n  ");
                md_cell(out, &evidence.md);
            }
            out.push('\n');
        }
    }
}

/// One party's behaviours, or a dash when it has none.
fn behaviours_md(out: &mut String, party: &str, list: &[Rich]) {
    out.push_str("\n### ");
    md(out, party);
    out.push_str("\n\n");
    if list.is_empty() {
        out.push_str("- —\n");
    }
    for r in list {
        out.push_str("- ");
        md_cell(out, &r.md);
        out.push('\n');
    }
}

fn goals_md(out: &mut String, goals: &[SharedGoal]) {
    if goals.is_empty() {
        out.push_str("\nNo joint goals yet.\n");
        return;
    }
    for g in goals {
        out.push_str("\n### ");
        md(out, &g.title);
        out.push_str(" (");
        num(out, g.done);
        out.push_str(" of ");
        num(out, g.milestones.len());
        out.push_str(" milestones done)\n");
        if !g.owners.is_empty() {
            out.push_str("\nOwners: ");
            for (i, p) in g.owners.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                md(out, &p.name);
            }
            out.push('\n');
        }
        if let Some(note) = &g.note {
            out.push('\n');
            out.push_str(&note.md);
            out.push('\n');
        }
        out.push('\n');
        for ms in &g.milestones {
            checklist_item(out, ms);
            out.push('\n');
        }
    }
}

fn governance_md(out: &mut String, committees: &[SharedCommittee]) {
    if committees.is_empty() {
        out.push_str("\nNo joint committees yet.\n");
        return;
    }
    for c in committees {
        out.push_str("\n### ");
        md(out, &c.name);
        if let Some(cadence) = some(&c.cadence) {
            out.push_str(" (");
            out.push_str(cadence);
            out.push(')');
        }
        out.push('\n');
        if !c.members.is_empty() {
            out.push_str("\nMembers: ");
            people_with_roles(out, &c.members, md);
            out.push('\n');
        }
        if let Some(purpose) = &c.purpose {
            out.push('\n');
            out.push_str(&purpose.md);
            out.push('\n');
        }
    }
}

fn signatories_md(out: &mut String, signatories: &[PersonName]) {
    if signatories.is_empty() {
        out.push_str("\nNo signatories named.\n");
        return;
    }
    out.push_str("\n| Name | Role | Company | Signature |\n|---|---|---|---|\n");
    for p in signatories {
        out.push_str("| ");
        md(out, &p.name);
        out.push_str(" | ");
        md(out, p.role.as_deref().unwrap_or_default());
        out.push_str(" | ");
        md(out, &p.company);
        out.push_str(" | |\n");
    }
}
