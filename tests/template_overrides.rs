//! Template overrides run on tera 2, like the built-in templates. A broken override is
//! reported by `check` and by `build` at its file, line and column with a fix, and the
//! previous site stays as it was; templates reach nothing outside the page's view.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_fails, assert_ok, assert_same_tree, stderr, tree, Workspace};

const ACCOUNT: &str = "\
name: Northwind Supply
kind: supplier
people:
  - { id: dana, name: Dana Whitfield, side: us, covers: [raj] }
  - { id: raj, name: Raj Patel, side: them }
criteria:
  - { id: reliability, name: Reliability, weight: 3 }
reviews:
  - { quarter: 2026-Q1, scores: { reliability: 2 } }
";

/// A workspace with a good site built, then `template` overridden with `text`.
fn with_override(template: &str, text: &str) -> Workspace {
    let ws = Workspace::with_account("northwind", ACCOUNT);
    ws.build();
    ws.write(&format!("templates/{template}"), text);
    ws
}

/// `check` and `build` both fail with a message that contains every one of `expected`;
/// the build leaves the previous site untouched. Returns the check's message.
fn assert_reported(ws: &Workspace, expected: &[&str]) -> String {
    let check = assert_fails(&ws.run(&["check", "ws"]));
    let before = tree(&ws.site());
    let build = assert_fails(&ws.try_build());
    assert_same_tree(
        &before,
        &tree(&ws.site()),
        "a failed build changed the site",
    );
    for message in [&check, &build] {
        for text in expected {
            assert!(message.contains(text), "`{text}` not in\n{message}");
        }
    }
    check
}

#[test]
fn a_syntax_error_is_placed_at_its_line_with_a_fix() {
    let ws = with_override(
        "statement.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ title </h1>\n{% endblock content %}\n",
    );
    let message = assert_reported(&ws, &["ws/templates/statement.html:3:", "help:"]);
    assert!(message.contains("3 | <h1>{{ title </h1>"), "{message}");
    assert!(message.contains("delete the override"), "{message}");
}

#[test]
fn a_runtime_error_is_found_by_check_before_any_build() {
    let ws = with_override(
        "review.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ quarter }}</p>\n<p>{{ no_such_field }}</p>\n{% endblock content %}\n",
    );
    let message = assert_reported(
        &ws,
        &[
            "ws/templates/review.html:4:",
            "no_such_field",
            "docs/templates.md",
        ],
    );
    assert!(
        message.contains("4 | <p>{{ no_such_field }}</p>"),
        "{message}"
    );
}

#[test]
fn a_tera_1_override_is_told_how_to_port_it() {
    let ws = with_override(
        "account.html",
        "{% extends \"base.html\" %}\n{% import \"macros.html\" as m %}\n{% block content %}{{ m::people(list=goals) }}{% endblock content %}\n",
    );
    assert_reported(
        &ws,
        &[
            "ws/templates/account.html:2:",
            "tera 1",
            "component",
            "CHANGELOG.md",
        ],
    );
}

#[test]
fn every_broken_override_is_reported_in_one_run() {
    let ws = with_override("statement.md", "# {{ title \n");
    ws.write("templates/progress.md", "{% if %}\n");
    let message = assert_reported(
        &ws,
        &[
            "ws/templates/statement.md:1:",
            "ws/templates/progress.md:1:",
        ],
    );
    assert!(message.contains("2 error(s)"), "{message}");
}

#[test]
fn templates_cannot_read_the_environment_or_files() {
    for call in [
        "get_env(name=\"HOME\")",
        "load_data(path=\"/etc/passwd\")",
        "now()",
    ] {
        let ws = with_override("shared-index.md", &format!("# x\n{{{{ {call} }}}}\n"));
        let function = &call[..call.find('(').unwrap()];
        assert_reported(
            &ws,
            &[
                "ws/templates/shared-index.md:2:",
                &format!("Unknown function `{function}`"),
            ],
        );
    }
}

#[test]
fn a_working_override_replaces_the_built_in_page() {
    let ws = with_override(
        "statement.md",
        "# {{ title | md }}\n\nBetween {{ parties.us | md }} and {{ parties.them | md }}.\n",
    );
    assert_ok(&ws.run(&["check", "ws"]));
    let output = ws.build();
    assert!(stderr(&output).contains("built 1 account"));
    assert_eq!(
        ws.page("shared/northwind/statement.md"),
        "# Joint commitment statement: Acme Components and Northwind Supply\n\nBetween Acme Components and Northwind Supply.\n"
    );
}

#[test]
fn a_left_over_or_misspelt_template_gets_a_warning() {
    let ws = with_override("macros.html", "{% macro x() %}{% endmacro x %}\n");
    ws.write("templates/statment.html", "<p>typo</p>\n");
    let output = ws.run(&["check", "ws"]);
    assert_ok(&output);
    let message = stderr(&output);
    for text in [
        "warning: this file is not a template rapport uses; it is ignored",
        "ws/templates/macros.html",
        "components.html",
        "ws/templates/statment.html",
        "did you mean `statement.html`?",
    ] {
        assert!(message.contains(text), "`{text}` not in\n{message}");
    }
}

/// docs/templates.md names every variable each page's template receives, in that page's
/// section, so an override author can rely on it.
#[test]
fn the_template_guide_lists_every_variable_of_every_page() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"),
    )
    .unwrap();
    let root = build_support::sample_data();
    let (workspace, _) = rapport::check(&root);
    let renderer = rapport::render::Renderer::new(None).unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let prepared = rapport::build::Prepared::new(workspace.unwrap(), renderer, as_of, false);
    let mut pages = prepared.portfolio_pages(None);
    for index in 0..prepared.workspace().accounts.len() {
        pages.extend(prepared.account_pages(index));
    }
    let mut checked = std::collections::BTreeSet::new();
    for page in &pages {
        let heading = format!("\n### {} (", page.template());
        let start = guide
            .find(&heading)
            .unwrap_or_else(|| panic!("no section `{heading}` in docs/templates.md"));
        let section = &guide[start + 1..];
        let section = &section[..section.find("\n### ").unwrap_or(section.len())];
        let view = serde_json::to_value(&page.view).unwrap();
        for key in view.as_object().unwrap().keys() {
            assert!(
                section.contains(&format!("`{key}`")),
                "docs/templates.md does not list `{key}` under {}",
                page.template()
            );
            checked.insert((page.template(), key.clone()));
        }
    }
    assert!(checked.len() > 60, "{checked:?}");
}
