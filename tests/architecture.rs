//! The shape of the code, checked: the top-level modules of `src/` import one another
//! without a cycle (data flows one way: load, validate, analyze, view, render, write), the
//! formatting helpers sit below the view and the renderer, and nothing in the repository
//! points at a file outside it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/view/account.rs` -> `view`);
/// `None` for `lib.rs` and `main.rs`, which wire everything.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" | "main.rs" => None,
        name => Some(name.trim_end_matches(".rs").to_string()),
    }
}

/// The top-level modules a file names through `crate::`, whether as `crate::x::y`, in a
/// `use crate::{x, y::z}` group, or through `super::` from a file directly under its
/// module's folder.
fn referenced_modules(text: &str, depth: usize) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // A group: each entry's first name, at brace depth zero.
            let mut level = 0;
            let mut entry_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => level += 1,
                    '}' if level == 0 => break,
                    '}' => level -= 1,
                    ',' if level == 0 => entry_start = true,
                    c if c.is_whitespace() => {}
                    _ if entry_start && level == 0 => {
                        found.insert(ident(&group[j..]));
                        entry_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    // `super::` from a module's own files reaches the crate root only from `src/x/mod.rs`
    // (depth 1 meaning the file is `src/x.rs` or `src/x/mod.rs`) or with `super::super`.
    let supers = "super::".repeat(depth);
    for (i, _) in text.match_indices(&supers) {
        let rest = &text[i + supers.len()..];
        if !rest.starts_with("super::") {
            found.insert(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty() && m != "self");
    found
}

/// The top-level module graph of `src/`: module -> modules it imports.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = manifest_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = top_module(&src, file) else {
            continue;
        };
        let relative = file.strip_prefix(&src).unwrap();
        // How many `super::` reach the crate root from this file.
        let parts = relative.components().count();
        let is_mod_file = file.file_name().is_some_and(|n| n == "mod.rs");
        let depth = if is_mod_file { parts - 1 } else { parts };
        let text = std::fs::read_to_string(file).unwrap();
        let edges = graph.entry(module.clone()).or_default();
        for target in referenced_modules(&text, depth) {
            if target != module && modules.contains(&target) {
                edges.insert(target);
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the list of modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_module_graph_has_no_cycle() {
    let graph = module_graph();
    assert!(graph.len() > 10, "too few modules found: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("module cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn formatting_sits_below_the_view_and_the_renderer() {
    let graph = module_graph();
    let below = ["format", "paths", "model", "diagnostic"];
    let above = ["view", "render", "build", "serve", "cmd", "leak", "history"];
    for low in below {
        for high in above {
            assert!(
                !graph.get(low).is_some_and(|edges| edges.contains(high)),
                "{low} imports {high}: {:?}",
                graph.get(low)
            );
        }
    }
    for (module, edges) in &graph {
        assert!(
            !edges.contains("cmd"),
            "{module} imports cmd, which only wires arguments"
        );
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_reads_grouped_imports() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph).unwrap(),
        ["a", "b", "c", "a"].map(String::from)
    );
    let found = referenced_modules(
        "use crate::{model::{A, B}, view, format::x};\nlet y = crate::paths::P;\nuse super::render::R;",
        1,
    );
    let expected: BTreeSet<String> = ["format", "model", "paths", "render", "view"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}

/// Files a contributor reads: none may point at a file outside the repository.
#[test]
fn nothing_points_outside_the_repository() {
    let root = manifest_dir();
    let mut files = Vec::new();
    for dir in [
        "src",
        "tests",
        "benches",
        "examples",
        "docs",
        "templates",
        "bench",
    ] {
        let dir = root.join(dir);
        if dir.is_dir() {
            collect_text_files(&dir, &mut files);
        }
    }
    for name in [
        "README.md",
        "ARCHITECTURE.md",
        "CONTRIBUTING.md",
        "CHANGELOG.md",
        "SECURITY.md",
    ] {
        let path = root.join(name);
        if path.is_file() {
            files.push(path);
        }
    }
    // The team's shared folder beside the repository (design notes, research, the bench
    // kit): a contributor with a clone does not have it. `../shared/<id>/` links between
    // the two audiences of a built site are a different thing and are fine.
    let outside = [
        "shared/DESIGN.md",
        "shared/STYLE.md",
        "shared/seeds",
        "shared/research",
        "shared/bench",
        "shared/hooks",
    ];
    for file in files {
        if file.ends_with("tests/architecture.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for needle in outside {
            assert!(
                !text.contains(needle),
                "{} mentions `{needle}`, a file outside the repository",
                file.display()
            );
        }
    }
}

fn collect_text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("snapshots") {
                collect_text_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| {
            ["rs", "md", "html", "css", "yaml", "sh", "toml"]
                .contains(&e.to_str().unwrap_or_default())
        }) {
            out.push(path);
        }
    }
}
