//! The authoring workflow as a user meets it: `rapport init`, `rapport new`, then `check`
//! and `build` on the result; the JSON Schema editors complete and validate with; shell
//! completions, `--help`, `--version` and usage errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use support::{rapport, Run};

/// Every subcommand, in the order `--help` lists them.
const SUBCOMMANDS: [&str; 9] = [
    "check",
    "build",
    "init",
    "new",
    "serve",
    "schema",
    "completions",
    "statement",
    "diff",
];

fn ok(run: Run) -> Run {
    assert_ne!(run.code, 101, "rapport panicked:\n{}", run.stderr);
    assert_eq!(
        run.code, 0,
        "expected exit 0, got {}:\n{}{}",
        run.code, run.stdout, run.stderr
    );
    run
}

fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A temporary folder with a fresh workspace `ws` made by `rapport init ws`.
fn initialised() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    ok(rapport(tmp.path(), &["init", "ws"]));
    let ws = tmp.path().join("ws");
    (tmp, ws)
}

/// The schema `rapport schema --file <file>` prints.
fn schema(file: &str) -> Value {
    let run = ok(rapport(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["schema", "--file", file],
    ));
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

/// What a YAML file is to an editor: JSON data, with dates and quarters as strings. YAML 1.2
/// booleans only, as rapport and the YAML language server read them: `counterpart_wants: yes`
/// is the word `yes`, not `true`.
fn yaml_value(text: &str) -> Value {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options::<Value>(text, options).unwrap()
}

/// Every schema violation in `yaml`, as `path: message` lines.
fn violations(schema: &Value, yaml: &str) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap();
    let instance = yaml_value(yaml);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn init_new_check_and_build_make_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let run = ok(rapport(tmp.path(), &["init", "ws"]));
    let ws = tmp.path().join("ws");
    for file in [
        "ws/rapport.yaml",
        "ws/accounts/example-customer.yaml",
        "ws/.gitignore",
        "ws/rapport-account.schema.json",
        "ws/rapport-config.schema.json",
    ] {
        assert!(
            run.stdout.contains(file),
            "{file} not reported:\n{}",
            run.stdout
        );
        assert!(tmp.path().join(file).is_file(), "{file} not written");
    }
    for next in [
        "rapport new northwind-supply --kind supplier --workspace ws\n",
        "rapport serve ws\n",
        "rapport build ws\n",
    ] {
        assert!(
            run.stdout.contains(next),
            "`{next}` not suggested:\n{}",
            run.stdout
        );
    }

    let run = ok(rapport(
        tmp.path(),
        &[
            "new",
            "northwind-supply",
            "--kind",
            "supplier",
            "--name",
            "Northwind Supply Co.",
            "--workspace",
            "ws",
        ],
    ));
    assert!(
        run.stdout.contains("ws/accounts/northwind-supply.yaml"),
        "{}",
        run.stdout
    );
    // Inside the workspace, `--workspace` is not needed.
    ok(rapport(&ws, &["new", "helix-labs", "--kind", "partner"]));
    let supplier = read(ws.join("accounts/northwind-supply.yaml"));
    assert!(
        supplier.contains("\nname: Northwind Supply Co.\nkind: supplier\n"),
        "{supplier}"
    );
    let partner = read(ws.join("accounts/helix-labs.yaml"));
    assert!(
        partner.contains("\nname: Helix Labs\nkind: partner\n"),
        "{partner}"
    );

    let run = ok(rapport(tmp.path(), &["check", "ws"]));
    assert_eq!(
        run.stderr, "ok: 3 accounts, 0 warnings\n",
        "a fresh workspace has no warnings"
    );

    ok(rapport(
        tmp.path(),
        &["build", "ws", "--as-of", "2026-11-26"],
    ));
    let site = ws.join("site");
    for page in [
        "internal/index.html",
        "internal/accounts/example-customer/index.html",
        "internal/accounts/example-customer/2026-Q1.html",
        "internal/accounts/northwind-supply/index.html",
        "internal/accounts/helix-labs/index.html",
        "shared/example-customer/statement.html",
    ] {
        assert!(site.join(page).is_file(), "{page} not built");
    }
    let portfolio = read(site.join("internal/index.md"));
    for name in ["Brightwater Foods", "Northwind Supply Co.", "Helix Labs"] {
        assert!(portfolio.contains(name), "{name} not in the portfolio");
    }
}

#[test]
fn init_writes_schema_lines_that_resolve() {
    let (_tmp, ws) = initialised();
    let first_line = |path: &Path| read(path).lines().next().unwrap_or_default().to_string();
    assert_eq!(
        first_line(&ws.join("rapport.yaml")),
        "# yaml-language-server: $schema=rapport-config.schema.json"
    );
    assert_eq!(
        first_line(&ws.join("accounts/example-customer.yaml")),
        "# yaml-language-server: $schema=../rapport-account.schema.json"
    );
    assert!(ws.join("accounts/../rapport-account.schema.json").is_file());
    let shipped: Value =
        serde_json::from_str(&read(ws.join("rapport-account.schema.json"))).unwrap();
    assert_eq!(shipped, schema("account"));
    let shipped: Value =
        serde_json::from_str(&read(ws.join("rapport-config.schema.json"))).unwrap();
    assert_eq!(shipped, schema("config"));
    assert!(read(ws.join(".gitignore")).lines().any(|l| l == "/site/"));
}

#[test]
fn init_explains_every_setting() {
    let (_tmp, ws) = initialised();
    let config = read(ws.join("rapport.yaml"));
    for setting in [
        "organisation",
        "title",
        "fiscal_year_start",
        "stale_after_days",
        "escalate_after_days",
        "health",
        "scores",
        "commitments",
        "milestones",
        "disputes",
        "coverage",
    ] {
        let line = config
            .lines()
            .position(|l| l.trim_start().starts_with(&format!("{setting}:")))
            .unwrap_or_else(|| panic!("no `{setting}` in\n{config}"));
        let lines: Vec<&str> = config.lines().collect();
        let commented =
            lines[line].contains(" # ") || lines[line - 1].trim_start().starts_with('#');
        assert!(commented, "`{setting}` has no comment");
    }
}

#[test]
fn init_accepts_an_empty_folder_and_the_current_one() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("empty")).unwrap();
    ok(rapport(tmp.path(), &["init", "empty"]));
    ok(rapport(tmp.path(), &["check", "empty"]));

    // A freshly cloned empty repository holds only `.git`.
    let clone = tmp.path().join("clone");
    fs::create_dir_all(clone.join(".git")).unwrap();
    ok(rapport(tmp.path(), &["init", "clone"]));
    assert!(clone.join("accounts/example-customer.yaml").is_file());

    let here = tmp.path().join("here");
    fs::create_dir(&here).unwrap();
    let run = ok(rapport(&here, &["init"]));
    // In the current folder the next commands need no path.
    assert!(run.stdout.contains("rapport serve\n"), "{}", run.stdout);
    ok(rapport(&here, &["check"]));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("notes");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("todo.txt"), "mine").unwrap();
    let run = rapport(tmp.path(), &["init", "notes"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: notes is not empty\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help: "), "{}", run.stderr);
    assert_eq!(listing(&dir), ["todo.txt"], "nothing was added");
    assert_eq!(read(dir.join("todo.txt")), "mine");

    // Twice on the same folder: the second run points at `rapport new` instead.
    let (tmp, ws) = initialised();
    let before = listing(&ws);
    let run = rapport(tmp.path(), &["init", "ws"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("rapport new ID --workspace ws"),
        "{}",
        run.stderr
    );
    assert_eq!(listing(&ws), before);

    let run = rapport(tmp.path(), &["init", "ws/rapport.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is a file, not a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_refuses_an_existing_account() {
    let (tmp, ws) = initialised();
    let file = ws.join("accounts/example-customer.yaml");
    fs::write(&file, "name: Mine\nkind: customer\n").unwrap();
    let run = rapport(
        tmp.path(),
        &["new", "example-customer", "--workspace", "ws"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: ws/accounts/example-customer.yaml already exists\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        read(&file),
        "name: Mine\nkind: customer\n",
        "never overwritten"
    );

    // `x.yml` is account `x` too.
    fs::write(
        ws.join("accounts/other.yml"),
        "name: Other\nkind: partner\n",
    )
    .unwrap();
    let run = rapport(tmp.path(), &["new", "other", "--workspace", "ws"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("other.yml already exists"),
        "{}",
        run.stderr
    );
    assert!(!ws.join("accounts/other.yaml").exists());
}

#[test]
fn new_refuses_a_bad_id_as_invalid_input() {
    let (tmp, ws) = initialised();
    let before = listing(&ws.join("accounts"));
    for (id, suggestion) in [
        ("Northwind", Some("northwind")),
        ("north_wind", Some("north-wind")),
        ("north wind", Some("north-wind")),
        ("../escape", Some("escape")),
        ("", None),
    ] {
        let run = rapport(tmp.path(), &["new", id, "--workspace", "ws"]);
        assert_eq!(
            run.code, 1,
            "`{id}`: invalid input, not a usage error:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("[a-z0-9-]+"),
            "the rule is not stated:\n{}",
            run.stderr
        );
        if let Some(s) = suggestion {
            assert!(run.stderr.contains(&format!("try `{s}`")), "{}", run.stderr);
        }
    }
    assert_eq!(listing(&ws.join("accounts")), before, "nothing was written");
    assert!(!tmp.path().join("escape.yaml").exists());
}

#[test]
fn new_needs_a_workspace() {
    let tmp = tempfile::tempdir().unwrap();
    let run = rapport(tmp.path(), &["new", "northwind"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("has no rapport.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("rapport init"), "{}", run.stderr);
    assert!(listing(tmp.path()).is_empty(), "nothing was written");

    let run = rapport(tmp.path(), &["new", "northwind", "--workspace", "missing"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("rapport init missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_restores_a_missing_schema_so_the_schema_line_resolves() {
    let (tmp, ws) = initialised();
    fs::remove_file(ws.join("rapport-account.schema.json")).unwrap();
    let run = ok(rapport(tmp.path(), &["new", "acme", "--workspace", "ws"]));
    assert!(
        run.stdout.contains("ws/rapport-account.schema.json"),
        "{}",
        run.stdout
    );
    let written: Value =
        serde_json::from_str(&read(ws.join("rapport-account.schema.json"))).unwrap();
    assert_eq!(written, schema("account"));
    assert!(read(ws.join("accounts/acme.yaml"))
        .starts_with("# yaml-language-server: $schema=../rapport-account.schema.json\n"));
}

#[test]
fn uncommenting_the_template_gives_a_valid_account() {
    let (tmp, ws) = initialised();
    ok(rapport(
        tmp.path(),
        &["new", "acme", "--workspace", "ws", "--kind", "supplier"],
    ));
    let file = ws.join("accounts/acme.yaml");
    // What Ctrl+/ does to a selected block: drop the leading `# ` of each YAML line.
    let uncommented: String = read(&file)
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.starts_with(' ') || rest.split(':').next().is_some_and(is_key) => {
                rest
            }
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(uncommented.contains("\npeople:\n"), "{uncommented}");
    fs::write(&file, &uncommented).unwrap();
    let run = ok(rapport(tmp.path(), &["check", "ws", "--quiet"]));
    assert_eq!(run.stderr, "", "the uncommented template has warnings");
    ok(rapport(
        tmp.path(),
        &["build", "ws", "--as-of", "2026-11-26"],
    ));
    assert!(violations(&schema("account"), &uncommented).is_empty());
}

fn is_key(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

#[test]
fn names_are_written_so_that_they_read_back() {
    let (tmp, ws) = initialised();
    for (id, name) in [
        ("quoted", "Acme: \"Best\" #1"),
        ("yes-corp", "Yes"),
        ("numbers", "2024 Ventures"),
        ("accents", "Société Générale d'Équipement"),
    ] {
        ok(rapport(
            tmp.path(),
            &["new", id, "--name", name, "--workspace", "ws"],
        ));
        let written = yaml_value(&read(ws.join(format!("accounts/{id}.yaml"))));
        assert_eq!(written["name"], name);
    }
    ok(rapport(tmp.path(), &["check", "ws"]));
    let run = rapport(
        tmp.path(),
        &["new", "blank", "--name", "  ", "--workspace", "ws"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the account name is blank"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_schema_validates_the_sample_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let account = schema("account");
    let mut checked = 0;
    for entry in fs::read_dir(root.join("accounts")).unwrap() {
        let path = entry.unwrap().path();
        let found = violations(&account, &read(&path));
        assert!(
            found.is_empty(),
            "{}:\n{}",
            path.display(),
            found.join("\n")
        );
        checked += 1;
    }
    assert_eq!(checked, 6, "every sample account");
    let found = violations(&schema("config"), &read(root.join("rapport.yaml")));
    assert!(
        found.is_empty(),
        "sample-data/rapport.yaml:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_schema_validates_what_init_and_new_write() {
    let (tmp, ws) = initialised();
    ok(rapport(tmp.path(), &["new", "acme", "--workspace", "ws"]));
    let account = schema("account");
    for file in ["accounts/example-customer.yaml", "accounts/acme.yaml"] {
        let found = violations(&account, &read(ws.join(file)));
        assert!(found.is_empty(), "{file}:\n{}", found.join("\n"));
    }
    let found = violations(&schema("config"), &read(ws.join("rapport.yaml")));
    assert!(found.is_empty(), "rapport.yaml:\n{}", found.join("\n"));
}

#[test]
fn the_schema_rejects_typos_and_bad_values() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let sample = read(root.join("accounts/northwind-supply.yaml"));
    let account = schema("account");
    for (from, to, at) in [
        ("\nstage: preferred\n", "\nstag: preferred\n", ""),
        (
            "    role: Procurement Manager\n",
            "    rolle: Procurement Manager\n",
            "/people/0",
        ),
        (
            "  - quarter: 2025-Q2\n",
            "  - quarter: 2025-Q5\n",
            "/reviews/0/quarter",
        ),
        ("\nkind: supplier\n", "\nkind: vendor\n", "/kind"),
        (
            "  - date: 2019-02-01\n",
            "  - date: 2019-02-31\n",
            "/events/0/date",
        ),
        ("    side: us\n", "    side: ours\n", "/people/0/side"),
    ] {
        assert!(sample.contains(from), "`{from}` not in the sample");
        let found = violations(&account, &sample.replacen(from, to, 1));
        assert!(
            found.iter().any(|v| v.starts_with(&format!("{at}: "))),
            "`{}` not caught at `{at}`: {found:?}",
            to.trim()
        );
    }
    // The US spelling is the typo users make most in rapport.yaml.
    let config = read(root.join("rapport.yaml")).replace("organisation:", "organization:");
    let found = violations(&schema("config"), &config);
    assert!(
        found.iter().any(|v| v.contains("organization")),
        "{found:?}"
    );
}

/// Every object schema in `value`, with its JSON pointer.
fn objects<'v>(value: &'v Value, at: String, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) => {
            if map.get("type") == Some(&Value::from("object")) {
                out.push((at.clone(), value));
            }
            for (key, child) in map {
                objects(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schema_is_strict_and_self_describing_for_editors() {
    for file in ["account", "config"] {
        let schema = schema(file);
        // Draft 7: what the YAML language server in VS Code, Neovim and Helix understands.
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert!(
            jsonschema::meta::is_valid(&schema),
            "{file}: not a valid JSON Schema"
        );
        assert!(schema["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("rapport ")));
        let mut found = Vec::new();
        objects(&schema, String::new(), &mut found);
        assert!(found.len() > 2, "{file}: no object schemas found");
        for (at, object) in found {
            let has_properties = object.get("properties").is_some();
            let is_map = object["additionalProperties"].is_object();
            assert!(
                is_map || (has_properties && object["additionalProperties"] == Value::Bool(false)),
                "{file}: {at} accepts unknown fields"
            );
        }
        for (name, def) in schema["definitions"].as_object().unwrap() {
            assert!(
                def["description"].is_string(),
                "{file}: {name} has no description"
            );
        }
    }
    let account = schema("account");
    assert_eq!(account["required"], serde_json::json!(["name", "kind"]));
    assert_eq!(
        account["definitions"]["AccountKind"]["enum"],
        serde_json::json!(["customer", "supplier", "partner"])
    );
    assert_eq!(
        account["definitions"]["Person"]["required"],
        serde_json::json!(["id", "name", "side"])
    );
    assert_eq!(
        account["definitions"]["Cadence"]["enum"],
        serde_json::json!(["weekly", "monthly", "quarterly", "yearly", "ad-hoc"])
    );
    assert_eq!(
        schema("config")["required"],
        serde_json::json!(["organisation"])
    );
}

#[test]
fn completions_cover_every_subcommand() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in ["bash", "zsh", "fish"] {
        let run = ok(rapport(here, &["completions", shell]));
        for sub in SUBCOMMANDS {
            assert!(run.stdout.contains(sub), "{shell} completions lack `{sub}`");
        }
        assert!(
            run.stdout.contains("workspace"),
            "{shell} completions lack options"
        );
        assert!(
            run.stdout.contains("supplier"),
            "{shell} completions lack `--kind` values"
        );
    }
}

#[test]
fn version_and_help() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = ok(rapport(here, &["--version"]));
    assert_eq!(
        run.stdout,
        format!("rapport {}\n", env!("CARGO_PKG_VERSION"))
    );

    let run = ok(rapport(here, &["--help"]));
    let listed: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert_eq!(listed, SUBCOMMANDS, "--help lists every subcommand");
    for sub in SUBCOMMANDS {
        let run = ok(rapport(here, &[sub, "--help"]));
        let example = run
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("Example"))
            .nth(1)
            .unwrap_or_else(|| panic!("`rapport {sub} --help` has no example:\n{}", run.stdout));
        assert!(
            example.trim_start().starts_with(&format!("rapport {sub}")),
            "the example of `{sub}` does not run it: {example}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        &["build", "--no-such-flag"][..],
        &["new", "acme", "--kind", "vendor"],
        &["no-such-command"],
        &["completions", "tcsh"],
    ] {
        let run = rapport(here, args);
        assert_eq!(run.code, 2, "{args:?}:\n{}", run.stderr);
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn every_field_has_a_description_and_ranges_are_checked() {
    for file in ["account", "config"] {
        let schema = schema(file);
        let mut types = vec![("(root)".to_string(), &schema)];
        types.extend(
            schema["definitions"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(n, d)| (n.clone(), d)),
        );
        for (name, def) in types {
            for (field, property) in def["properties"].as_object().into_iter().flatten() {
                let text = property["description"].as_str().unwrap_or_default();
                assert!(
                    !text.is_empty(),
                    "{file}: {name}.{field} has no description"
                );
                assert!(
                    !text.contains('\n') || text.contains("\n\n"),
                    "{name}.{field}: {text:?}"
                );
            }
        }
    }
    let account = schema("account");
    let weight = &account["definitions"]["Criterion"]["properties"]["weight"];
    assert_eq!(
        (&weight["minimum"], &weight["maximum"]),
        (&Value::from(1), &Value::from(5))
    );
    let sample = read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/accounts/northwind-supply.yaml"),
    );
    for (from, to) in [
        ("pricing-accuracy: 1,", "pricing-accuracy: 6,"),
        ("    weight: 5\n", "    weight: 0\n"),
    ] {
        assert!(sample.contains(from));
        assert!(
            !violations(&account, &sample.replacen(from, to, 1)).is_empty(),
            "`{to}` passes the schema"
        );
    }
    let config = schema("config");
    assert_eq!(config["properties"]["fiscal_year_start"]["maximum"], 12);
}
