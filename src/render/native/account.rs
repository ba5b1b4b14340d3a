//! `account.html` and `account.md`: the internal account page, everything our team knows
//! about one relationship.

use super::{
    alert_items_md, base, checklist_item, esc, esc_join, esc_or, join, macros, md, md_cell, md_or,
    num, some, Layout, STATEMENT_TITLE,
};
use crate::view::account::{AccountPage, CoveragePerson, MilestoneView};
use crate::view::common::PersonName;

pub fn html(out: &mut String, v: &AccountPage, root: &str) {
    base(
        out,
        Layout {
            root,
            title: &|out| {
                esc(out, &v.name);
                out.push_str(" · ");
                esc(out, &v.site.title);
            },
            body_class: "internal account",
            nav: &|out| {
                out.push_str("<a href=\"");
                out.push_str(root);
                out.push_str("index.html\">Portfolio</a> › <span aria-current=\"page\">");
                esc(out, &v.name);
                out.push_str("</span> · <a href=\"#reviews\">Review packs</a> · <a href=\"");
                out.push_str(root);
                out.push_str("../shared/");
                esc(out, &v.id);
                out.push_str("/index.html\">Shared folder</a>");
            },
            content: &|out| content(out, v, root),
            footer: &|out| {
                esc(out, &v.site.title);
                out.push_str(" · ");
                esc(out, &v.name);
                out.push_str(" · internal · as of ");
                esc(out, &v.site.as_of);
            },
        },
    );
}

fn content(out: &mut String, v: &AccountPage, root: &str) {
    page_head(out, v);
    glance(out, v);
    salvage(out, v);
    out.push_str("\n\n");
    turnaround(out, v);
    out.push_str("\n\n");
    coverage(out, v);
    timeline(out, v);
    disputes(out, v);
    goals(out, v);
    commitments(out, v);
    criteria(out, v);
    governance(out, v);
    balance_sheets(out, v);
    statement(out, v, root);
    reviews(out, v, root);
}

fn page_head(out: &mut String, v: &AccountPage) {
    out.push_str("\n<header class=\"page-head\">\n<p class=\"eyebrow\">");
    esc(out, &v.kind);
    if let Some(stage) = some(&v.stage) {
        out.push_str(" · ");
        esc(out, stage);
    }
    if let Some(since) = some(&v.since) {
        out.push_str(" · since ");
        esc(out, since);
    }
    out.push_str(" · internal</p>\n<h1>");
    esc(out, &v.name);
    out.push_str("</h1>\n<p>");
    if let Some(owner) = &v.owner {
        out.push_str("Relationship owner: ");
        macros::person_role(out, owner);
    }
    out.push_str("</p>\n</header>\n\n");
}

fn glance(out: &mut String, v: &AccountPage) {
    let g = &v.glance;
    out.push_str(
        "<section id=\"glance\" class=\"glance\">\n<h2>At a glance</h2>\n\
         <dl class=\"figures\">\n<div><dt>Health</dt><dd>",
    );
    macros::health_badge(out, v.health.score, v.health.band);
    out.push(' ');
    out.push_str(&v.health.sparkline);
    out.push_str("</dd></div>\n<div><dt>Commitment keep rate</dt><dd>");
    esc_or(out, g.keep_rate.as_deref(), "–");
    out.push_str(" <span class=\"muted\">(");
    num(out, g.commitments_open);
    out.push_str(" open)</span></dd></div>\n<div><dt>Open disputes</dt><dd>");
    num(out, g.open_disputes);
    if !g.exposure.is_empty() {
        out.push_str(" <span class=\"muted\">(");
        esc_join(out, &g.exposure, "; ");
        out.push_str(")</span>");
    }
    out.push_str("</dd></div>\n<div><dt>Overdue milestones</dt><dd>");
    num(out, g.overdue_milestones);
    out.push_str("</dd></div>\n<div><dt>Last contact</dt><dd>");
    esc_or(out, g.last_contact.as_deref(), "never");
    out.push_str("</dd></div>\n<div><dt>Next review</dt><dd>");
    esc(out, &g.next_review);
    out.push_str(" <span class=\"muted\">by <time>");
    esc(out, &g.next_review_due);
    out.push_str("</time></span></dd></div>\n<div><dt>Their contacts</dt><dd>");
    num(out, g.their_contacts);
    out.push_str("</dd></div>\n</dl>\n");
    macros::alerts(out, &v.alerts);
    out.push('\n');
    macros::health_breakdown(out, &v.health);
    out.push('\n');
    if !v.health.trend.is_empty() {
        out.push_str("<p class=\"muted\">Health at the end of each reviewed quarter: ");
        for (i, t) in v.health.trend.iter().enumerate() {
            esc(out, &t.quarter);
            out.push(' ');
            match t.score {
                Some(score) => num(out, score),
                None => out.push('–'),
            }
            if i + 1 < v.health.trend.len() {
                out.push_str(" · ");
            }
        }
        out.push_str("</p>");
    }
    out.push_str("\n</section>\n\n");
}

fn salvage(out: &mut String, v: &AccountPage) {
    let Some(s) = &v.salvage else {
        return;
    };
    out.push_str(
        "<section id=\"salvage\">\n<h2>Salvage panel</h2>\n<dl class=\"figures\">\n\
         <div><dt>Worth to us per year</dt><dd>",
    );
    esc_or(out, s.annual_amount.as_deref(), "–");
    out.push_str("</dd></div>\n<div><dt>Do we need it?</dt><dd>");
    esc_or(out, s.need.as_deref(), "–");
    out.push_str("</dd></div>\n<div><dt>Do we want it?</dt><dd>");
    esc_or(out, s.want.as_deref(), "–");
    out.push_str("</dd></div>\n<div><dt>Do they want it?</dt><dd class=\"willing-");
    esc(out, &s.counterpart_wants);
    out.push_str("\">");
    esc(out, &s.counterpart_wants);
    out.push_str("</dd></div>\n<div><dt>Their decision makers</dt><dd>");
    if s.their_decision_makers.is_empty() {
        out.push_str("none known");
    } else {
        macros::people(out, &s.their_decision_makers);
    }
    out.push_str("</dd></div>\n</dl>\n<div class=\"two-col\">\n<div><h3>Alternatives</h3>");
    match &s.alternatives {
        Some(r) => macros::rich(out, Some(r)),
        None => out.push_str("<p class=\"muted\">Not assessed.</p>"),
    }
    out.push_str("</div>\n<div><h3>Impact of loss</h3>");
    match &s.impact_of_loss {
        Some(r) => macros::rich(out, Some(r)),
        None => out.push_str("<p class=\"muted\">Not assessed.</p>"),
    }
    out.push_str("</div>\n</div>\n</section>");
}

fn turnaround(out: &mut String, v: &AccountPage) {
    let Some(t) = &v.turnaround else {
        return;
    };
    out.push_str("<section id=\"turnaround\">\n<h2>Turnaround</h2>\n<p>Cycle ");
    num(out, t.cycle);
    if let Some(started) = some(&t.started) {
        out.push_str(", started ");
        esc(out, started);
    }
    out.push_str(" · current step: <strong>");
    esc(out, &t.current);
    out.push_str("</strong></p>\n<ol class=\"strip\">");
    for s in &t.steps {
        out.push_str("<li class=\"step step-");
        esc(out, s.state);
        out.push('"');
        if s.state == "current" {
            out.push_str(" aria-current=\"step\"");
        }
        out.push_str("><span class=\"step-name\">");
        esc(out, &s.label);
        out.push_str("</span></li>");
    }
    out.push_str("</ol>\n<dl class=\"evidence\">");
    for s in &t.steps {
        if let Some(evidence) = &s.evidence {
            out.push_str("<dt>");
            esc(out, &s.label);
            out.push_str("</dt><dd>");
            out.push_str(&evidence.html);
            out.push_str("</dd>");
        }
    }
    out.push_str("</dl>\n</section>");
}

/// The " sponsor" and " decides" tags after a name in the coverage matrix.
fn coverage_tags(out: &mut String, p: &CoveragePerson) {
    if p.sponsor {
        out.push_str(" <span class=\"tag\">sponsor</span>");
    }
    if p.decision_maker {
        out.push_str(" <span class=\"tag\">decides</span>");
    }
}

fn coverage(out: &mut String, v: &AccountPage) {
    let c = &v.coverage;
    out.push_str("<section id=\"coverage\">\n<h2>Stakeholder coverage</h2>\n");
    if c.rows.is_empty() {
        out.push_str("<p class=\"warning\">No contacts on their side.</p>");
    } else {
        out.push_str("<table class=\"matrix\">\n<thead><tr><th>Their people</th><th>Level</th>");
        for o in &c.ours {
            out.push_str("<th class=\"ours\">");
            esc(out, &o.person.name);
            coverage_tags(out, o);
            out.push_str("</th>");
        }
        out.push_str("</tr></thead>\n<tbody>");
        for r in &c.rows {
            out.push_str("<tr");
            if !r.covered {
                out.push_str(" class=\"uncovered\"");
            }
            out.push_str("><th scope=\"row\">");
            esc(out, &r.theirs.person.name);
            if let Some(role) = some(&r.theirs.person.role) {
                out.push_str(" <span class=\"muted\">");
                esc(out, role);
                out.push_str("</span>");
            }
            coverage_tags(out, &r.theirs);
            out.push_str("</th><td>");
            esc_or(out, r.theirs.level.as_deref(), "–");
            out.push_str("</td>");
            for &covered in &r.covered_by {
                out.push_str("<td class=\"cell\">");
                if covered {
                    out.push('●');
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody>\n</table>\n<p class=\"levels\">");
        for l in &c.levels {
            out.push_str("<span class=\"level ");
            out.push_str(if l.covered {
                "level-covered"
            } else if l.theirs > 0 {
                "level-gap"
            } else {
                "level-none"
            });
            out.push_str("\">");
            esc(out, &l.level);
            out.push_str(": ");
            out.push_str(if l.theirs == 0 {
                "no one"
            } else if l.covered {
                "covered"
            } else {
                "not covered"
            });
            out.push_str("</span> ");
        }
        out.push_str("</p>\n");
    }
    out.push_str("\n</section>\n\n");
}

fn timeline(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if v.timeline.is_empty() {
        out.push_str("<p class=\"muted\">No events recorded.</p>");
    } else {
        out.push_str("<ol class=\"timeline\">");
        for e in &v.timeline {
            out.push_str("<li class=\"event sentiment-");
            esc_or(out, e.sentiment.as_deref(), "none");
            out.push_str("\"><span class=\"date\">");
            esc(out, &e.date);
            out.push_str("</span> <span class=\"kind\">");
            esc_or(out, e.kind.as_deref(), "event");
            out.push_str("</span> <strong>");
            esc(out, &e.title);
            out.push_str("</strong>");
            if e.shared {
                out.push_str(" <span class=\"tag\">shared</span>");
            }
            if !e.people.is_empty() {
                out.push_str(" <span class=\"muted\">— ");
                macros::people(out, &e.people);
                out.push_str("</span>");
            }
            macros::rich(out, e.note.as_ref());
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    out.push_str("\n</section>\n\n");
}

fn disputes(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"disputes\">\n<h2>Disputes</h2>\n");
    if v.disputes.is_empty() {
        out.push_str("<p class=\"muted\">No disputes recorded.</p>");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Dispute</th><th>Opened</th><th>Resolved</th>\
             <th class=\"num\">Amount</th><th class=\"num\">Age (days)</th>\
             <th>Escalated to</th><th>Owner</th></tr></thead>\n<tbody>",
        );
        for d in &v.disputes {
            out.push_str("<tr class=\"");
            out.push_str(if d.open { "open" } else { "closed" });
            out.push_str("\"><td><strong>");
            esc(out, &d.title);
            out.push_str("</strong>");
            if d.shared {
                out.push_str(" <span class=\"tag\">shared</span>");
            }
            macros::rich(out, d.note.as_ref());
            out.push_str("</td><td><time>");
            esc(out, &d.opened);
            out.push_str("</time></td><td><time>");
            esc_or(out, d.resolved.as_deref(), "open");
            out.push_str("</time></td><td class=\"num\">");
            esc_or(out, d.amount.as_deref(), "–");
            out.push_str("</td><td class=\"num\">");
            num(out, d.age_days);
            out.push_str("</td><td>");
            esc_or(out, d.escalated_to.as_deref(), "not escalated");
            out.push_str("</td><td>");
            match &d.owner {
                Some(owner) => esc(out, &owner.name),
                None => out.push('–'),
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody>\n</table>");
    }
    out.push_str("\n</section>\n\n");
}

fn goals(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"goals\">\n<h2>Joint goals and milestones</h2>\n");
    for g in &v.goals {
        out.push_str("<article class=\"goal\">\n<h3>");
        esc(out, &g.title);
        out.push_str(" <span class=\"muted\">");
        num(out, g.done);
        out.push_str(" of ");
        num(out, g.milestones.len());
        out.push_str(" milestones done</span>");
        if !g.shared {
            out.push_str(" <span class=\"tag tag-internal\">internal</span>");
        }
        out.push_str("</h3>\n");
        if !g.owners.is_empty() {
            out.push_str("<p class=\"muted\">Owners: ");
            macros::people(out, &g.owners);
            out.push_str("</p>");
        }
        out.push('\n');
        macros::rich(out, g.note.as_ref());
        out.push('\n');
        macros::milestone_list(out, &g.milestones);
        out.push_str("\n</article>");
    }
    if v.goals.is_empty() {
        out.push_str("<p class=\"muted\">No joint goals.</p>");
    }
    out.push_str("\n</section>\n\n");
}

fn commitments(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"commitments\">\n<h2>Commitments ledger</h2>\n");
    for group in &v.commitments {
        out.push_str("<h3>");
        esc(out, &group.heading);
        out.push_str(
            "</h3>\n<table>\n<thead><tr><th>Commitment</th><th>Made</th><th>Due</th>\
             <th>Status</th></tr></thead>\n<tbody>",
        );
        for c in &group.items {
            out.push_str("<tr><td>");
            esc(out, &c.what);
            if !c.shared {
                out.push_str(" <span class=\"tag tag-internal\">internal</span>");
            }
            macros::rich(out, c.evidence.as_ref());
            out.push_str("</td><td><time>");
            esc(out, &c.made);
            out.push_str("</time></td><td><time>");
            esc_or(out, c.due.as_deref(), "ongoing");
            out.push_str("</time></td><td><span class=\"status status-");
            esc(out, &c.status);
            out.push_str("\">");
            esc(out, &c.status);
            out.push_str("</span>");
            if c.overdue {
                out.push_str(" <span class=\"status status-overdue\">overdue</span>");
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody>\n</table>");
    }
    if v.commitments.is_empty() {
        out.push_str("<p class=\"muted\">No commitments recorded.</p>");
    }
    out.push_str("\n</section>\n\n");
}

fn criteria(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"criteria\">\n<h2>Success criteria</h2>\n");
    if v.criteria.is_empty() {
        out.push_str("<p class=\"muted\">No success criteria defined.</p>");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Criterion</th><th class=\"num\">Weight</th>\
             <th>Illustrations</th>",
        );
        for q in &v.score_quarters {
            out.push_str("<th class=\"num\">");
            esc(out, q);
            out.push_str("</th>");
        }
        out.push_str("</tr></thead>\n<tbody>");
        for c in &v.criteria {
            out.push_str("<tr><td>");
            esc(out, &c.name);
            out.push_str("</td><td class=\"num\">");
            num(out, c.weight);
            out.push_str("</td><td>");
            esc_join(out, &c.illustrations, "; ");
            out.push_str("</td>");
            for s in &c.scores {
                out.push_str("<td class=\"num\">");
                match s {
                    Some(score) => num(out, score),
                    None => out.push('–'),
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody>\n</table>\n");
        if !v.score_chart.is_empty() {
            out.push_str("<figure class=\"chart-figure\">");
            out.push_str(&v.score_chart);
            out.push_str(
                "<figcaption>Scores per criterion (1–5) at each review.</figcaption></figure>",
            );
        }
        out.push('\n');
    }
    out.push_str("\n</section>\n\n");
}

fn governance(out: &mut String, v: &AccountPage) {
    out.push_str("<section id=\"governance\">\n<h2>Governance</h2>\n");
    for c in &v.governance {
        out.push_str("<article class=\"committee\"><h3>");
        esc(out, &c.name);
        if let Some(cadence) = some(&c.cadence) {
            out.push_str(" <span class=\"muted\">");
            esc(out, cadence);
            out.push_str("</span>");
        }
        if !c.shared {
            out.push_str(" <span class=\"tag tag-internal\">internal</span>");
        }
        out.push_str("</h3>");
        if !c.members.is_empty() {
            out.push_str("<p>Members: ");
            macros::people(out, &c.members);
            out.push_str("</p>");
        }
        macros::rich(out, c.purpose.as_ref());
        out.push_str("</article>");
    }
    if v.governance.is_empty() {
        out.push_str("<p class=\"muted\">No joint committees.</p>");
    }
    out.push_str("\n</section>\n\n");
}

fn balance_sheets(out: &mut String, v: &AccountPage) {
    if !v.balance_sheets.is_empty() {
        out.push_str("<section id=\"balance-sheets\">\n<h2>Personal balance sheets</h2>\n");
        for b in &v.balance_sheets {
            out.push_str("<article class=\"balance-sheet\"><h3>");
            macros::person_role(out, &b.person);
            out.push_str("</h3>\n");
            if !b.assets.is_empty() || !b.liabilities.is_empty() {
                out.push_str("<div class=\"two-col\"><div><h4>Assets</h4>");
                macros::rich_list(out, &b.assets, "None noted.");
                out.push_str("</div><div><h4>Liabilities</h4>");
                macros::rich_list(out, &b.liabilities, "None noted.");
                out.push_str("</div></div>");
            }
            out.push('\n');
            if let Some(notes) = &b.notes {
                out.push_str("<h4>Notes</h4>");
                macros::rich(out, Some(notes));
            }
            out.push_str("</article>");
        }
        out.push_str("\n</section>");
    }
    out.push_str("\n\n");
}

fn statement(out: &mut String, v: &AccountPage, root: &str) {
    out.push_str("<section id=\"statement\">\n<h2>Joint statement</h2>\n");
    match &v.statement {
        Some(s) => {
            out.push_str("<p><strong>");
            esc_or(out, s.title.as_deref(), STATEMENT_TITLE);
            out.push_str("</strong>");
            if let Some(date) = some(&s.date) {
                out.push_str(" · ");
                esc(out, date);
            }
            if !s.signatories.is_empty() {
                out.push_str(" · signed by ");
                macros::people(out, &s.signatories);
            }
            out.push_str("</p>\n");
            macros::rich(out, s.vision.as_ref());
            out.push('\n');
            if !s.behaviours_us.is_empty() || !s.behaviours_them.is_empty() {
                out.push_str("<div class=\"two-col\"><div><h3>Our behaviours</h3>");
                macros::rich_list(out, &s.behaviours_us, "None stated.");
                out.push_str("</div><div><h3>Theirs</h3>");
                macros::rich_list(out, &s.behaviours_them, "None stated.");
                out.push_str("</div></div>");
            }
            out.push('\n');
        }
        None => out.push_str(
            "<p class=\"muted\">No joint statement written yet; the shared statement lists \
             the shared commitments, goals and governance.</p>",
        ),
    }
    out.push_str("\n<p><a href=\"");
    out.push_str(root);
    out.push_str("../shared/");
    esc(out, &v.id);
    out.push_str(
        "/statement.html\">The statement as the other company receives it</a></p>\n\
         </section>\n\n",
    );
}

fn reviews(out: &mut String, v: &AccountPage, root: &str) {
    out.push_str("<section id=\"reviews\">\n<h2>Review packs</h2>\n");
    if v.reviews.is_empty() {
        out.push_str("<p class=\"muted\">No reviews yet.</p>");
    } else {
        out.push_str("<ul class=\"inline-list\">");
        for q in &v.reviews {
            out.push_str("<li><a href=\"");
            esc(out, q);
            out.push_str(".html\">");
            esc(out, q);
            out.push_str("</a></li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("\n<p>Shared with ");
    esc(out, &v.name);
    out.push_str(": <a href=\"");
    out.push_str(root);
    out.push_str("../shared/");
    esc(out, &v.id);
    out.push_str("/statement.html\">joint statement</a> · <a href=\"");
    out.push_str(root);
    out.push_str("../shared/");
    esc(out, &v.id);
    out.push_str("/index.html\">shared folder</a></p>\n</section>\n");
}

/// `{% for p in list %}{{ p.name | md }}{% if not loop.last %}, {% endif %}{% endfor %}`.
fn md_names(out: &mut String, list: &[PersonName]) {
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        md(out, &p.name);
    }
}

/// `{{ list | join(sep=sep) | md }}`: the filter works character by character, so each
/// item can be escaped on its own (the separators have nothing to escape).
fn md_join(out: &mut String, items: &[String], sep: &str) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            md(out, sep);
        }
        md(out, item);
    }
}

/// `{% if items %}\nHEADING\n{% for r in items %}\n- {{ r.md | md_cell }}{% endfor %}\n{% endif %}`.
fn md_rich_items(out: &mut String, heading: &str, items: &[crate::view::common::Rich]) {
    if items.is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    for r in items {
        out.push_str("\n- ");
        md_cell(out, &r.md);
    }
    out.push('\n');
}

pub fn markdown(out: &mut String, v: &AccountPage, root: &str) {
    md_head(out, v, root);
    md_glance(out, v);
    md_health(out, v);
    md_salvage(out, v);
    md_turnaround(out, v);
    md_coverage(out, v);
    md_timeline(out, v);
    md_disputes(out, v);
    md_goals(out, v);
    md_commitments(out, v);
    md_criteria(out, v);
    md_governance(out, v);
    md_balance_sheets(out, v);
    md_statement(out, v, root);
    md_reviews(out, v);
}

fn md_head(out: &mut String, v: &AccountPage, root: &str) {
    out.push_str("# ");
    md(out, &v.name);
    out.push_str("\n\n");
    out.push_str(&v.kind);
    if let Some(stage) = some(&v.stage) {
        out.push_str(" · ");
        out.push_str(stage);
    }
    if let Some(since) = some(&v.since) {
        out.push_str(" · since ");
        out.push_str(since);
    }
    out.push_str(" · internal · as of ");
    out.push_str(&v.site.as_of);
    if let Some(owner) = &v.owner {
        out.push_str(" · relationship owner: ");
        md(out, &owner.name);
    }
    out.push_str("\n\n[Portfolio](");
    out.push_str(root);
    out.push_str("index.md) · [Shared folder](");
    out.push_str(root);
    out.push_str("../shared/");
    out.push_str(&v.id);
    out.push_str("/index.md) · [Joint statement](");
    out.push_str(root);
    out.push_str("../shared/");
    out.push_str(&v.id);
    out.push_str("/statement.md)\n\n");
}

fn md_glance(out: &mut String, v: &AccountPage) {
    let g = &v.glance;
    out.push_str(
        "## At a glance\n\n| Health | Keep rate | Open disputes | Overdue milestones | \
         Last contact | Next review | Their contacts |\n|--:|--:|---|--:|---|---|--:|\n| ",
    );
    match v.health.score {
        Some(score) => num(out, score),
        None => out.push('–'),
    }
    out.push_str(" | ");
    out.push_str(g.keep_rate.as_deref().unwrap_or("–"));
    out.push_str(" (");
    num(out, g.commitments_open);
    out.push_str(" open) | ");
    num(out, g.open_disputes);
    if !g.exposure.is_empty() {
        out.push_str(" (");
        md_join(out, &g.exposure, "; ");
        out.push(')');
    }
    out.push_str(" | ");
    num(out, g.overdue_milestones);
    out.push_str(" | ");
    out.push_str(g.last_contact.as_deref().unwrap_or("never"));
    out.push_str(" | ");
    out.push_str(&g.next_review);
    out.push_str(" by ");
    out.push_str(&g.next_review_due);
    out.push_str(" | ");
    num(out, g.their_contacts);
    out.push_str(" |\n");
    if !v.alerts.is_empty() {
        out.push_str("\n### Alerts\n\n");
        alert_items_md(out, &v.alerts);
    }
}

fn md_health(out: &mut String, v: &AccountPage) {
    let h = &v.health;
    out.push_str("\n### Why this score\n");
    match h.score {
        Some(score) => {
            out.push_str(
                "\n| Component | Weight | Value | Points | How |\n|---|--:|--:|--:|---|\n",
            );
            for c in &h.components {
                out.push_str("| ");
                out.push_str(&c.name);
                out.push_str(" | ");
                out.push_str(&c.weight);
                out.push_str(" | ");
                out.push_str(&c.value);
                out.push_str(" | ");
                out.push_str(&c.contribution);
                out.push_str(" | ");
                md(out, &c.explanation);
                out.push_str(" |\n");
            }
            out.push_str("| **Health** | | | **");
            num(out, score);
            out.push_str("** | |\n");
            if !h.left_out.is_empty() {
                out.push_str("\nLeft out for lack of data (the other weights are rescaled): ");
                join(out, &h.left_out, ", ");
                out.push_str(".\n");
            }
        }
        None => out.push_str("\nNo health score yet: no component has data.\n"),
    }
    if !h.trend.is_empty() {
        out.push_str("\nHealth at the end of each reviewed quarter: ");
        for (i, t) in h.trend.iter().enumerate() {
            out.push_str(&t.quarter);
            out.push(' ');
            match t.score {
                Some(score) => num(out, score),
                None => out.push('–'),
            }
            if i + 1 < h.trend.len() {
                out.push_str(" · ");
            }
        }
        out.push('\n');
    }
}

fn md_salvage(out: &mut String, v: &AccountPage) {
    let Some(s) = &v.salvage else {
        return;
    };
    out.push_str(
        "\n## Salvage panel\n\n| Worth to us per year | Need | Want | Do they want it? | \
         Their decision makers |\n|---|---|---|---|---|\n| ",
    );
    md_or(out, s.annual_amount.as_deref(), "–");
    out.push_str(" | ");
    out.push_str(s.need.as_deref().unwrap_or("–"));
    out.push_str(" | ");
    out.push_str(s.want.as_deref().unwrap_or("–"));
    out.push_str(" | ");
    out.push_str(&s.counterpart_wants);
    out.push_str(" | ");
    if s.their_decision_makers.is_empty() {
        out.push_str("none known");
    } else {
        md_names(out, &s.their_decision_makers);
    }
    out.push_str(" |\n\n### Alternatives\n\n");
    match &s.alternatives {
        Some(r) => out.push_str(&r.md),
        None => out.push_str("Not assessed."),
    }
    out.push_str("\n\n### Impact of loss\n\n");
    match &s.impact_of_loss {
        Some(r) => out.push_str(&r.md),
        None => out.push_str("Not assessed."),
    }
    out.push('\n');
}

fn md_turnaround(out: &mut String, v: &AccountPage) {
    let Some(t) = &v.turnaround else {
        return;
    };
    out.push_str("\n## Turnaround\n\nCycle ");
    num(out, t.cycle);
    if let Some(started) = some(&t.started) {
        out.push_str(", started ");
        out.push_str(started);
    }
    out.push_str(" · current step: **");
    out.push_str(&t.current);
    out.push_str("**\n\n");
    for (i, s) in t.steps.iter().enumerate() {
        num(out, i + 1);
        out.push_str(". ");
        match s.state {
            "current" => {
                out.push_str("**");
                out.push_str(&s.label);
                out.push_str("** ← current");
            }
            "done" => {
                out.push_str("~~");
                out.push_str(&s.label);
                out.push_str("~~ done");
            }
            _ => out.push_str(&s.label),
        }
        out.push('\n');
    }
    for s in &t.steps {
        if let Some(evidence) = &s.evidence {
            out.push_str("\n### ");
            out.push_str(&s.label);
            out.push_str("\n\n");
            out.push_str(&evidence.md);
            out.push('\n');
        }
    }
}

/// The " (sponsor)" and " (decides)" marks after a name in the coverage table.
fn md_coverage_tags(out: &mut String, p: &CoveragePerson) {
    if p.sponsor {
        out.push_str(" (sponsor)");
    }
    if p.decision_maker {
        out.push_str(" (decides)");
    }
}

fn md_coverage(out: &mut String, v: &AccountPage) {
    let c = &v.coverage;
    out.push_str("\n## Stakeholder coverage\n");
    if c.rows.is_empty() {
        out.push_str("\n**No contacts on their side.**\n");
        return;
    }
    out.push_str("\n| Their people | Level |");
    for o in &c.ours {
        out.push(' ');
        md(out, &o.person.name);
        md_coverage_tags(out, o);
        out.push_str(" |");
    }
    out.push_str("\n|---|---|");
    for _ in &c.ours {
        out.push_str(":-:|");
    }
    out.push('\n');
    for r in &c.rows {
        out.push_str("| ");
        md(out, &r.theirs.person.name);
        if let Some(role) = some(&r.theirs.person.role) {
            out.push_str(", ");
            md(out, role);
        }
        md_coverage_tags(out, &r.theirs);
        if !r.covered {
            out.push_str(" — **not covered**");
        }
        out.push_str(" | ");
        out.push_str(r.theirs.level.as_deref().unwrap_or("–"));
        out.push_str(" |");
        for &covered in &r.covered_by {
            out.push(' ');
            if covered {
                out.push('●');
            }
            out.push_str(" |");
        }
        out.push('\n');
    }
    out.push_str("\nLevels: ");
    for (i, l) in c.levels.iter().enumerate() {
        out.push_str(&l.level);
        out.push(' ');
        out.push_str(if l.theirs == 0 {
            "(no one)"
        } else if l.covered {
            "(covered)"
        } else {
            "(**not covered**)"
        });
        if i + 1 < c.levels.len() {
            out.push_str(" · ");
        }
    }
    out.push('\n');
}

fn md_timeline(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Timeline\n");
    if v.timeline.is_empty() {
        out.push_str("\nNo events recorded.\n");
        return;
    }
    out.push('\n');
    for e in &v.timeline {
        out.push_str("- **");
        out.push_str(&e.date);
        out.push_str("** ");
        out.push_str(e.kind.as_deref().unwrap_or("event"));
        out.push_str(": ");
        md(out, &e.title);
        if let Some(sentiment) = some(&e.sentiment) {
            out.push_str(" (");
            out.push_str(sentiment);
            out.push(')');
        }
        if e.shared {
            out.push_str(" [shared]");
        }
        if !e.people.is_empty() {
            out.push_str(" — ");
            md_names(out, &e.people);
        }
        if let Some(note) = &e.note {
            out.push_str("\n  ");
            md_cell(out, &note.md);
        }
        out.push('\n');
    }
}

fn md_disputes(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Disputes\n");
    if v.disputes.is_empty() {
        out.push_str("\nNo disputes recorded.\n");
        return;
    }
    out.push_str(
        "\n| Dispute | Opened | Resolved | Amount | Age (days) | Escalated to | Owner |\n\
         |---|---|---|--:|--:|---|---|\n",
    );
    for d in &v.disputes {
        out.push_str("| ");
        md(out, &d.title);
        if d.shared {
            out.push_str(" [shared]");
        }
        out.push_str(" | ");
        out.push_str(&d.opened);
        out.push_str(" | ");
        out.push_str(d.resolved.as_deref().unwrap_or("open"));
        out.push_str(" | ");
        md_or(out, d.amount.as_deref(), "–");
        out.push_str(" | ");
        num(out, d.age_days);
        out.push_str(" | ");
        out.push_str(d.escalated_to.as_deref().unwrap_or("not escalated"));
        out.push_str(" | ");
        match &d.owner {
            Some(owner) => md(out, &owner.name),
            None => out.push('–'),
        }
        out.push_str(" |\n");
    }
    for d in &v.disputes {
        if let Some(note) = &d.note {
            out.push_str("\n### ");
            md(out, &d.title);
            out.push_str("\n\n");
            out.push_str(&note.md);
            out.push('\n');
        }
    }
}

/// One milestone as a checklist item.
fn md_milestone(out: &mut String, ms: &MilestoneView) {
    checklist_item(out, ms);
    out.push_str(match ms.status {
        "met" => " (met)\n",
        "late" => " (met late)\n",
        "overdue" => " (**overdue**)\n",
        _ => " (open)\n",
    });
}

fn md_goals(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Joint goals and milestones\n");
    for g in &v.goals {
        out.push_str("\n### ");
        md(out, &g.title);
        out.push_str(" (");
        num(out, g.done);
        out.push_str(" of ");
        num(out, g.milestones.len());
        out.push_str(" milestones done)");
        if !g.shared {
            out.push_str(" [internal]");
        }
        out.push('\n');
        if !g.owners.is_empty() {
            out.push_str("\nOwners: ");
            md_names(out, &g.owners);
            out.push('\n');
        }
        if let Some(note) = &g.note {
            out.push('\n');
            out.push_str(&note.md);
            out.push('\n');
        }
        out.push('\n');
        for ms in &g.milestones {
            md_milestone(out, ms);
        }
    }
    if v.goals.is_empty() {
        out.push_str("\nNo joint goals.\n");
    }
}

fn md_commitments(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Commitments ledger\n");
    for group in &v.commitments {
        out.push_str("\n### ");
        out.push_str(&group.heading);
        out.push_str("\n\n| Commitment | Made | Due | Status |\n|---|---|---|---|\n");
        for c in &group.items {
            out.push_str("| ");
            md(out, &c.what);
            if !c.shared {
                out.push_str(" [internal]");
            }
            if let Some(evidence) = &c.evidence {
                out.push_str(" — ");
                md_cell(out, &evidence.md);
            }
            out.push_str(" | ");
            out.push_str(&c.made);
            out.push_str(" | ");
            out.push_str(c.due.as_deref().unwrap_or("ongoing"));
            out.push_str(" | ");
            out.push_str(&c.status);
            if c.overdue {
                out.push_str(" (**overdue**)");
            }
            out.push_str(" |\n");
        }
    }
    if v.commitments.is_empty() {
        out.push_str("\nNo commitments recorded.\n");
    }
}

fn md_criteria(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Success criteria\n");
    if v.criteria.is_empty() {
        out.push_str("\nNo success criteria defined.\n");
        return;
    }
    out.push_str("\n| Criterion | Weight | Illustrations |");
    for q in &v.score_quarters {
        out.push(' ');
        out.push_str(q);
        out.push_str(" |");
    }
    out.push_str("\n|---|--:|---|");
    for _ in &v.score_quarters {
        out.push_str("--:|");
    }
    out.push('\n');
    for c in &v.criteria {
        out.push_str("| ");
        md(out, &c.name);
        out.push_str(" | ");
        num(out, c.weight);
        out.push_str(" | ");
        md_join(out, &c.illustrations, "; ");
        out.push_str(" |");
        for s in &c.scores {
            out.push(' ');
            match s {
                Some(score) => num(out, score),
                None => out.push('–'),
            }
            out.push_str(" |");
        }
        out.push('\n');
    }
}

fn md_governance(out: &mut String, v: &AccountPage) {
    out.push_str("\n## Governance\n");
    for c in &v.governance {
        out.push_str("\n### ");
        md(out, &c.name);
        if let Some(cadence) = some(&c.cadence) {
            out.push_str(" (");
            out.push_str(cadence);
            out.push(')');
        }
        if !c.shared {
            out.push_str(" [internal]");
        }
        out.push('\n');
        if !c.members.is_empty() {
            out.push_str("\nMembers: ");
            md_names(out, &c.members);
            out.push('\n');
        }
        if let Some(purpose) = &c.purpose {
            out.push('\n');
            out.push_str(&purpose.md);
            out.push('\n');
        }
    }
    if v.governance.is_empty() {
        out.push_str("\nNo joint committees.\n");
    }
}

fn md_balance_sheets(out: &mut String, v: &AccountPage) {
    if v.balance_sheets.is_empty() {
        return;
    }
    out.push_str("\n## Personal balance sheets\n");
    for b in &v.balance_sheets {
        out.push_str("\n### ");
        md(out, &b.person.name);
        if let Some(role) = some(&b.person.role) {
            out.push_str(", ");
            md(out, role);
        }
        out.push_str(" (");
        md(out, &b.person.company);
        out.push_str(")\n");
        md_rich_items(out, "Assets:", &b.assets);
        md_rich_items(out, "Liabilities:", &b.liabilities);
        if let Some(notes) = &b.notes {
            out.push_str("\nNotes:\n\n");
            out.push_str(&notes.md);
            out.push('\n');
        }
    }
}

fn md_statement(out: &mut String, v: &AccountPage, root: &str) {
    out.push_str("\n## Joint statement\n");
    match &v.statement {
        Some(s) => {
            out.push_str("\n**");
            md_or(out, s.title.as_deref(), STATEMENT_TITLE);
            out.push_str("**");
            if let Some(date) = some(&s.date) {
                out.push_str(" · ");
                out.push_str(date);
            }
            if !s.signatories.is_empty() {
                out.push_str(" · signed by ");
                md_names(out, &s.signatories);
            }
            out.push('\n');
            if let Some(vision) = &s.vision {
                out.push('\n');
                out.push_str(&vision.md);
                out.push('\n');
            }
            md_rich_items(out, "Our behaviours:", &s.behaviours_us);
            md_rich_items(out, "Theirs:", &s.behaviours_them);
        }
        None => out.push_str(
            "\nNo joint statement written yet; the shared statement lists the shared \
             commitments, goals and governance.\n",
        ),
    }
    out.push_str("\n[The statement as the other company receives it](");
    out.push_str(root);
    out.push_str("../shared/");
    out.push_str(&v.id);
    out.push_str("/statement.md)\n\n");
}

fn md_reviews(out: &mut String, v: &AccountPage) {
    out.push_str("## Review packs\n");
    if v.reviews.is_empty() {
        out.push_str("\nNo reviews yet.\n");
        return;
    }
    out.push('\n');
    for q in &v.reviews {
        out.push_str("- [");
        out.push_str(q);
        out.push_str("](");
        out.push_str(q);
        out.push_str(".md)\n");
    }
}
