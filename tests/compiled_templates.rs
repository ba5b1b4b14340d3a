//! The compiled forms of the built-in templates write exactly what the template files
//! write through tera: on the sample workspace and on generated portfolios of several
//! seeds, every page, both formats, byte for byte.
//!
//! (Debug builds also check each compiled page against its template as it is rendered, so
//! every other test's workspace is compared too; this test holds in release builds.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

// The generator's module is shared with the example; this test uses only part of it.
#[allow(dead_code)]
#[path = "../examples/gen/mod.rs"]
mod generator;

use rapport::analyze::analyze;
use rapport::history::History;
use rapport::model::Workspace;
use rapport::render::{Engine, Renderer};
use rapport::view;
use std::path::Path;

fn load(root: &Path) -> Workspace {
    let (workspace, diagnostics) = rapport::check(root);
    workspace.unwrap_or_else(|| panic!("{} is invalid: {diagnostics:?}", root.display()))
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(want: &str, got: &str) -> String {
    let pair = want
        .lines()
        .zip(got.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b);
    match pair {
        Some((n, (a, b))) => format!("line {}:\n  template: {a}\n  compiled: {b}", n + 1),
        None => format!(
            "one text stops early ({} lines against {})",
            want.lines().count(),
            got.lines().count()
        ),
    }
}

/// Renders every page of `workspace` with both engines; returns the pages compared.
fn compare(workspace: &Workspace, as_of: rapport::model::Date) -> usize {
    let templates = Renderer::with_engine(None, Engine::Templates).expect("built-in templates");
    let compiled = Renderer::with_engine(None, Engine::Compiled).expect("built-in templates");
    let analysis = analyze(workspace, as_of);
    let pages = view::all_pages(workspace, &analysis, &History::none());
    let mut failures = Vec::new();
    for page in &pages {
        let want = templates.render(page).expect("template render");
        let got = compiled.render(page).expect("compiled render");
        for (format, want, got) in [("html", &want.html, &got.html), ("md", &want.md, &got.md)] {
            if want != got {
                failures.push(format!(
                    "{}.{format}: {}",
                    page.path,
                    first_difference(want, got)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} pages differ; the first:\n{}",
        failures.len(),
        pages.len(),
        failures[..failures.len().min(5)].join("\n")
    );
    pages.len()
}

#[test]
fn sample_workspace_renders_the_same_with_both_engines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let workspace = load(&root);
    let as_of = generator::anchor();
    let pages = compare(&workspace, as_of);
    assert!(
        pages > 6 * 3,
        "every account's pages were compared ({pages})"
    );
}

#[test]
fn generated_portfolios_render_the_same_with_both_engines() {
    for seed in [1, 2, 3, 4] {
        let dir = tempfile::tempdir().expect("temporary folder");
        generator::write_workspace(dir.path(), 40, seed).expect("generated workspace");
        let workspace = load(dir.path());
        compare(&workspace, generator::anchor());
    }
}

#[test]
fn an_override_is_rendered_by_tera_and_the_rest_stays_compiled() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("workspace");
    generator::write_workspace(&root, 3, 9).expect("generated workspace");
    let templates = root.join("templates");
    std::fs::create_dir_all(&templates).expect("templates folder");
    std::fs::write(
        templates.join("base.html"),
        "<html>OVERRIDDEN BASE {% block content %}{% endblock content %}</html>",
    )
    .expect("override");
    std::fs::write(templates.join("statement.md"), "OVERRIDDEN STATEMENT").expect("override");
    let workspace = load(&root);
    let renderer = Renderer::new(Some(&templates)).expect("templates with overrides");
    let reference = Renderer::with_engine(None, Engine::Templates).expect("built-in templates");
    let analysis = analyze(&workspace, generator::anchor());
    for page in view::all_pages(&workspace, &analysis, &History::none()) {
        let out = renderer.render(&page).expect("render");
        let plain = reference.render(&page).expect("render");
        assert!(
            out.html.starts_with("<html>OVERRIDDEN BASE"),
            "{}",
            page.path
        );
        if page.template() == "statement" {
            assert!(out.md.starts_with("OVERRIDDEN STATEMENT"), "{}", page.path);
        } else {
            assert_eq!(out.md, plain.md, "{}.md keeps the built-in form", page.path);
        }
    }
}
