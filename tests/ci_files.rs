//! The CI files users copy into an account repository (`docs/ci/`, `.pre-commit-hooks.yaml`)
//! and `docs/ci.md` that explains them: every YAML file parses, the pre-commit hook has what
//! pre-commit requires, each workflow checks, comments `rapport diff --format markdown` and
//! never sends the internal site to a Pages host, every `rapport` command they write uses
//! flags and values the real CLI accepts, and every relative link of docs/ci.md resolves.
//! A workflow that fails only once a user has copied it is a bug found far too late.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const SUBCOMMANDS: [&str; 8] = [
    "check",
    "build",
    "init",
    "new",
    "serve",
    "schema",
    "completions",
    "diff",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&read(path))
        .unwrap_or_else(|e| panic!("{} does not parse as YAML: {e}", path.display()))
}

/// Every YAML file under `docs/ci/`, sorted.
fn workflow_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("docs/ci"), &mut files);
    files.sort();
    assert!(
        files.len() >= 2,
        "expected the GitHub and GitLab files: {files:?}"
    );
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_ci_file_parses_as_yaml() {
    for path in workflow_files() {
        let value = yaml(&path);
        assert!(value.is_object(), "{}: not a mapping", relative(&path));
    }
    assert!(yaml(&root().join(".pre-commit-hooks.yaml")).is_array());
}

#[test]
fn every_yaml_block_in_docs_ci_parses() {
    let text = read(&root().join("docs/ci.md"));
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(&text) {
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang)))
                if lang.as_ref() == "yaml" =>
            {
                current = Some(String::new());
            }
            Event::Text(t) => {
                if let Some(block) = current.as_mut() {
                    block.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    assert!(blocks.len() >= 2, "the pre-commit examples: {blocks:?}");
    for block in blocks {
        let value: Value = serde_saphyr::from_str(&block)
            .unwrap_or_else(|e| panic!("a YAML block of docs/ci.md does not parse: {e}\n{block}"));
        assert!(value["repos"].is_array(), "{block}");
    }
}

#[test]
fn the_pre_commit_hook_runs_rapport_check_once_on_workspace_files() {
    let hooks = yaml(&root().join(".pre-commit-hooks.yaml"));
    let hooks = hooks.as_array().unwrap();
    for hook in hooks {
        for key in ["id", "name", "entry", "language"] {
            assert!(hook[key].is_string(), "a hook without `{key}`: {hook}");
        }
    }
    let check = hooks
        .iter()
        .find(|h| h["id"] == "rapport-check")
        .expect("a hook with id rapport-check");
    assert_eq!(check["entry"], "rapport check");
    assert_eq!(check["language"], "rust");
    // rapport takes a workspace, not file names.
    assert_eq!(check["pass_filenames"], false);
    let files = check["files"].as_str().expect("a `files` pattern");
    for part in ["accounts/", "rapport\\.yaml", "templates/"] {
        assert!(files.contains(part), "`files` misses {part}: {files}");
    }
}

#[test]
fn each_workflow_checks_and_comments_the_markdown_diff() {
    for path in workflow_files() {
        let name = relative(&path);
        let text = read(&path);
        for needed in [
            "rapport check",
            "rapport diff",
            "--format markdown",
            "rapport build",
        ] {
            assert!(text.contains(needed), "{name} does not run `{needed}`");
        }
        // The internal site never goes to a Pages host.
        for pages in ["upload-pages-artifact", "deploy-pages", "gh-pages"] {
            assert!(!text.contains(pages), "{name} publishes to Pages ({pages})");
        }
        let value = yaml(&path);
        assert!(
            value.get("pages").is_none(),
            "{name} has a GitLab Pages job"
        );
    }
}

#[test]
fn the_github_workflow_reads_full_history_and_may_comment() {
    let path = root().join("docs/ci/github/rapport.yml");
    let workflow = yaml(&path);
    let jobs = workflow["jobs"].as_object().expect("jobs");
    for (name, job) in jobs {
        let checkouts: Vec<&Value> = job["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/checkout@"))
            })
            .collect();
        assert_eq!(checkouts.len(), 1, "job {name}: one checkout");
        assert_eq!(
            checkouts[0]["with"]["fetch-depth"], 0,
            "job {name}: rapport reads git history, so fetch-depth must be 0"
        );
    }
    // Pull requests comment, main publishes (and `on` is a key, not YAML 1.1's `true`).
    let on = workflow["on"].as_object().expect("an `on` mapping");
    assert!(on.contains_key("pull_request"), "{on:?}");
    assert_eq!(on["push"]["branches"], serde_json::json!(["main"]));
    assert_eq!(jobs["review"]["permissions"]["pull-requests"], "write");
    // The top-level token can only read.
    assert_eq!(
        workflow["permissions"],
        serde_json::json!({ "contents": "read" })
    );
    let publish = serde_json::to_string(&jobs["publish"]).unwrap();
    assert!(
        publish.contains("github.event.repository.private"),
        "the publish job must refuse a public repository"
    );
}

#[test]
fn the_gitlab_job_reads_full_history_and_keeps_artifacts_private() {
    let path = root().join("docs/ci/gitlab/rapport.gitlab-ci.yml");
    let ci = yaml(&path);
    assert_eq!(ci["variables"]["GIT_DEPTH"], "0");
    let publish = &ci["rapport-publish"];
    assert_eq!(publish["artifacts"]["access"], "developer");
    let script = serde_json::to_string(&publish["script"]).unwrap();
    assert!(
        script.contains("CI_PROJECT_VISIBILITY"),
        "the publish job must refuse a project that is not private"
    );
}

/// One `rapport SUBCOMMAND …` written in a file: its flags and their values.
#[derive(Debug)]
struct Invocation {
    at: String,
    subcommand: String,
    flags: Flags,
}

/// `(flag, value)`: the value only for `--format`, the one flag whose values are checked.
type Flags = Vec<(String, Option<String>)>;

/// Shell and Markdown punctuation around a word.
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | ',' | '.' | ';' | ')' | '(' | ':'))
}

/// Whether `word` ends a Markdown code span, perhaps followed by punctuation: `site`,
fn closes_code(word: &str) -> bool {
    word.trim_end_matches([',', '.', ';', ':', ')'])
        .ends_with('`')
}

/// Every `rapport SUBCOMMAND …` in `text`, to the end of its command: a pipe, a
/// redirection, `;`, `&&`, the end of a code span or of the line.
fn invocations(name: &str, text: &str) -> Vec<Invocation> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let word = word.trim_start_matches(['`', '(', '"', '$']);
            if word != "rapport" {
                continue;
            }
            let Some(sub) = words.get(i + 1) else {
                continue;
            };
            let ends_here = closes_code(sub);
            let sub = trim_word(sub);
            if !SUBCOMMANDS.contains(&sub) {
                continue;
            }
            let mut invocation = Invocation {
                at: format!("{name}:{}", number + 1),
                subcommand: sub.to_string(),
                flags: Vec::new(),
            };
            // A subcommand that closes its code span has no flags.
            let tail = if ends_here { &[][..] } else { &words[i + 2..] };
            let mut rest = tail.iter();
            while let Some(raw) = rest.next() {
                if matches!(
                    *raw,
                    "|" | "||" | "&&" | ";" | ">" | ">>" | "2>" | "<" | "#"
                ) {
                    break;
                }
                let word = trim_word(raw);
                if word.starts_with('-') && word.len() > 1 && word != "--" {
                    let (flag, inline) = match word.split_once('=') {
                        Some((flag, value)) => (flag, Some(value.to_string())),
                        None => (word, None),
                    };
                    let value = match (flag, inline) {
                        ("--format", Some(value)) => Some(value),
                        ("--format", None) if !closes_code(raw) => {
                            rest.next().map(|v| trim_word(v).to_string())
                        }
                        _ => None,
                    };
                    invocation.flags.push((flag.to_string(), value));
                }
                if closes_code(raw) || raw.ends_with(';') {
                    break;
                }
            }
            found.push(invocation);
        }
    }
    found
}

/// `rapport SUBCOMMAND --help`.
fn help(subcommand: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args([subcommand, "--help"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "rapport {subcommand} --help failed"
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Whether `help` lists `flag` (`--as-of`, `-q`) as an option of its own, not as the start
/// of a longer one.
fn lists_flag(help: &str, flag: &str) -> bool {
    help.match_indices(flag).any(|(i, _)| {
        let before = help[..i].chars().next_back();
        let after = help[i + flag.len()..].chars().next();
        matches!(before, Some(' ' | '\n'))
            && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Whether `help` lists `value` among `--format`'s values, in either of clap's layouts:
/// `- json: …` (values with docs) or `[possible values: human, json]`.
fn lists_format(help: &str, value: &str) -> bool {
    help.lines().any(|line| {
        let line = line.trim();
        line.strip_prefix("- ")
            .and_then(|l| l.split(':').next())
            .is_some_and(|v| v.trim() == value)
            || line
                .strip_prefix("[possible values: ")
                .is_some_and(|l| l.trim_end_matches(']').split(", ").any(|v| v == value))
    })
}

#[test]
fn every_rapport_command_in_the_ci_files_and_docs_is_accepted_by_the_cli() {
    let mut files = workflow_files();
    files.push(root().join(".pre-commit-hooks.yaml"));
    files.push(root().join("docs/ci.md"));
    let mut all = Vec::new();
    for path in &files {
        let found = invocations(&relative(path), &read(path));
        assert!(
            !found.is_empty(),
            "no rapport command in {}",
            relative(path)
        );
        all.extend(found);
    }
    let used: BTreeSet<&str> = all.iter().map(|i| i.subcommand.as_str()).collect();
    for needed in ["check", "diff", "build"] {
        assert!(
            used.contains(needed),
            "no `rapport {needed}` found: {all:?}"
        );
    }
    let helps: BTreeMap<&str, String> = used.iter().map(|s| (*s, help(s))).collect();
    let mut problems = Vec::new();
    for invocation in &all {
        let help = &helps[invocation.subcommand.as_str()];
        for (flag, value) in &invocation.flags {
            if !lists_flag(help, flag) {
                problems.push(format!(
                    "{}: rapport {} has no {flag}",
                    invocation.at, invocation.subcommand
                ));
            }
            let Some(value) = value else { continue };
            if lists_format(help, value) {
                continue;
            }
            problems.push(format!(
                "{}: rapport {} has no --format {value}",
                invocation.at, invocation.subcommand
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_command_reader_finds_flags_and_stops_at_the_end_of_a_command() {
    let found = invocations(
        "t",
        "run `rapport check --format sarif > out.sarif` then rapport diff \"$id\" --from \"$base\" --format=markdown >> c.md; rapport's site\n- run: rapport build . --out site # --pdf\n(`rapport check ws`, `rapport new x --kind partner`)",
    );
    let flags: Vec<(&str, Flags)> = found
        .iter()
        .map(|i| (i.subcommand.as_str(), i.flags.clone()))
        .collect();
    assert_eq!(
        flags,
        [
            ("check", vec![("--format".into(), Some("sarif".into()))]),
            (
                "diff",
                vec![
                    ("--from".into(), None),
                    ("--format".into(), Some("markdown".into()))
                ]
            ),
            ("build", vec![("--out".into(), None)]),
            ("check", vec![]),
            ("new", vec![("--kind".into(), None)]),
        ]
    );
    let help = "  -q, --quiet\n      --deny-warnings\n          - json: One\n";
    assert!(lists_flag(help, "-q") && lists_flag(help, "--quiet"));
    assert!(!lists_flag(help, "--deny") && !lists_flag(help, "--pdf"));
    assert!(lists_format(help, "json") && !lists_format(help, "sarif"));
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as dashes.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn every_relative_link_in_docs_ci_resolves_and_every_ci_file_is_linked() {
    let docs = root().join("docs");
    let text = read(&docs.join("ci.md"));
    let mut links = Vec::new();
    let mut anchors = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => anchors.extend(heading.take().map(|h| anchor(&h))),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    let mut linked = BTreeSet::new();
    for link in &links {
        if link.contains("://") || link.starts_with("mailto:") {
            continue;
        }
        let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
        if file.is_empty() {
            assert!(
                anchors.contains(fragment),
                "docs/ci.md: no heading #{fragment}"
            );
            continue;
        }
        let target = docs.join(file);
        assert!(
            target.exists(),
            "docs/ci.md links {link}, which does not exist"
        );
        linked.insert(target.canonicalize().unwrap());
    }
    let mut copied = workflow_files();
    copied.push(root().join(".pre-commit-hooks.yaml"));
    for file in copied {
        assert!(
            linked.contains(&file.canonicalize().unwrap()),
            "docs/ci.md does not link {}",
            relative(&file)
        );
    }
    // The warning is said plainly, not only implied by the workflows.
    assert!(
        text.contains("**`site/internal/` must never go to a public host.**"),
        "docs/ci.md must warn that internal/ never goes to a public host"
    );
}

#[test]
fn the_readme_links_docs_ci() {
    assert!(read(&root().join("README.md")).contains("(docs/ci.md)"));
}
