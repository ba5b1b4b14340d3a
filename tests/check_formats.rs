//! The output of `rapport check` as other programs and terminals read it: SARIF that
//! validates against the SARIF 2.1.0 schema, GitHub workflow commands that follow their
//! syntax and escapes, no escape sequence from a file ever reaching the terminal, colour
//! only when wanted; the workspace found from a folder inside it; `-q` and `-v` on every
//! command; and docs/diagnostics.md listing exactly the codes the binary has.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use rapport::diagnostic::{printable, Code};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{rapport, Run, Workspace, VALID};

/// A valid account with one warning (a dispute resolved before it was opened).
const WARNED: &str = "\
name: Harbour Marine
kind: customer
disputes:
  - id: pricing
    opened: 2026-03-01
    resolved: 2026-02-01
";

/// The workspace folder of [`hostile`]: a colon, a comma and a percent sign.
const HOSTILE: &str = "w:s,1%";

/// A workspace whose names and values hold what workflow commands, URIs and terminals give
/// a meaning to: `%`, `,` and `:` in the folder, a file name and values; `%0A` written out;
/// CR and LF in a key; ESC and BEL in values and in a file name; a warning, a syntax error,
/// and a diagnostic without a position.
fn hostile() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join(HOSTILE);
    std::fs::create_dir_all(root.join("accounts")).unwrap();
    std::fs::write(root.join("rapport.yaml"), support::CONFIG).unwrap();
    let accounts = root.join("accounts");
    let write = |file: &str, text: &str| std::fs::write(accounts.join(file), text).unwrap();
    write(
        "north,west.yaml",
        "name: North West\nkind: customer\nowner: \"x%0A,y:z %2C 100%\"\n",
    );
    write(
        "south.yaml",
        "name: South\nkind: \"50%, a:b\"\n\"colour\\r\\nred\": 1\n",
    );
    write(
        "evil.yaml",
        "name: Evil\nkind: \"evil\\e]0;pwned\\a\\e[31m\"\n",
    );
    write(
        "\u{1b}]0;title\u{7}.yaml",
        "name: T\nkind: customer\nowner: \"\\e]0;pwned\\a\"\n",
    );
    write("warned.yaml", WARNED);
    write("broken.yaml", "name: Broken\nkind: partner\npeople: [\n");
    tmp
}

/// The JSON document of `rapport ARGS --format json` run in `dir`.
fn json_of(dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = rapport(dir, &all);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

fn diagnostics(json: &Value) -> &Vec<Value> {
    json["diagnostics"].as_array().unwrap()
}

// SARIF ------------------------------------------------------------------------------------

fn sarif_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Every violation of the SARIF 2.1.0 schema in `log`.
fn violations(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Whether `uri` is a URI reference (RFC 3986). The draft-04 schema says
/// `"format": "uri-reference"`, a format draft-04 validators do not know and so do not check;
/// a draft-07 validator does.
fn is_uri_reference(uri: &str) -> bool {
    let schema = serde_json::json!({ "type": "string", "format": "uri-reference" });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
        .is_valid(&Value::from(uri))
}

/// `%XX` escapes decoded, as bytes; `None` for a `%` without two hex digits.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Runs `rapport check ARGS --format sarif` in `dir`: exit `code`, a log valid against the
/// schema, and one result per JSON diagnostic, saying the same. Returns the log.
fn valid_sarif(dir: &Path, args: &[&str], code: i32) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "sarif"]);
    let run = rapport(dir, &all);
    assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{}", run.stdout));
    let problems = violations(&sarif_validator(), &log);
    assert!(
        problems.is_empty(),
        "{args:?}: the SARIF output breaks the SARIF 2.1.0 schema:\n{}\n\n{}",
        problems.join("\n"),
        run.stdout
    );

    let run_log = &log["runs"][0];
    let rules: Vec<&str> = run_log["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(rules, codes, "every code is a rule, in order");

    let json = json_of(dir, args);
    let expected = diagnostics(&json);
    let results = run_log["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len(), "{}", run.stdout);
    for (result, d) in results.iter().zip(expected) {
        let code = d["code"].as_str().unwrap();
        assert_eq!(result["ruleId"], code);
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], code);
        assert_eq!(result["level"], d["severity"]);
        let text = result["message"]["text"].as_str().unwrap();
        assert!(
            text.starts_with(d["message"].as_str().unwrap()),
            "{text} / {d}"
        );
        let physical = &result["locations"][0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        let file = d["file"].as_str().unwrap();
        let decoded = percent_decode(uri.strip_prefix("file://").unwrap_or(uri)).unwrap();
        assert_eq!(decoded, file, "uri {uri}");
        assert!(is_uri_reference(uri), "not a URI reference: {uri}");
        // A relative path must not read as a scheme (`w:s/…` would be scheme `w`).
        if !uri.starts_with("file:///") {
            assert!(!uri.split('/').next().unwrap().contains(':'), "{uri}");
        }
        let region = &physical["region"];
        for (sarif, json) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(
                region.get(sarif),
                d.get(json),
                "{sarif} of {}",
                result["message"]
            );
        }
        let logical = &result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"];
        assert_eq!(logical.as_str(), d["path"].as_str(), "{result}");
    }
    log
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    // Errors and a warning, every kind of character in names and values, a diagnostic
    // without a position, a syntax error.
    let tmp = hostile();
    let log = valid_sarif(tmp.path(), &["check", HOSTILE], 1);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let ids: BTreeSet<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    for id in [
        "invalid-id",
        "dangling-reference",
        "unknown-value",
        "unknown-field",
        "yaml-syntax",
        "dates-out-of-order",
    ] {
        assert!(ids.contains(id), "no {id} in {ids:?}");
    }
    assert!(results.iter().any(|r| r["level"] == "warning"));
    assert!(
        results.iter().any(|r| r["locations"][0]["physicalLocation"]
            .get("region")
            .is_none()),
        "a diagnostic without a position"
    );
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"w%3As%2C1%25/accounts/north%2Cwest.yaml"),
        "{uris:?}"
    );

    // An absolute workspace path gives file:// URIs.
    let absolute = tmp.path().join(HOSTILE);
    let log = valid_sarif(tmp.path(), &["check", absolute.to_str().unwrap()], 1);
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with("file:///"), "{uri}");

    // A valid workspace: no results; found from a folder inside it: `../` paths.
    let ws = Workspace::new().account("northwind.yaml", VALID);
    let log = valid_sarif(ws.root().parent().unwrap(), &["check", "ws"], 0);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    let ws = ws.account("broken.yaml", "name: B\nkind: custmer\n");
    let sub = ws.root().join("accounts/sub");
    std::fs::create_dir_all(&sub).unwrap();
    valid_sarif(&sub, &["check"], 1);
}

#[test]
fn the_sarif_schema_check_rejects_a_broken_log() {
    // The validation above proves something only if the validator does reject logs that
    // break the schema.
    let tmp = hostile();
    let run = rapport(tmp.path(), &["check", HOSTILE, "--format", "sarif"]);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let validator = sarif_validator();
    assert_eq!(violations(&validator, &log), Vec::<String>::new());
    let mut bad_level = log.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    let mut bad_line = log.clone();
    bad_line["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    let mut bad_version = log.clone();
    bad_version["version"] = "2.0.0".into();
    let mut bad_uri = log;
    bad_uri["$schema"] = "a b:\\c".into();
    for (what, broken) in [
        ("level", bad_level),
        ("startLine", bad_line),
        ("version", bad_version),
        ("uri", bad_uri),
    ] {
        assert!(
            !violations(&validator, &broken).is_empty(),
            "a log with a bad {what} passes"
        );
    }
    assert!(!is_uri_reference("a b:\\c") && !is_uri_reference("100%"));
    assert!(is_uri_reference("w%3As%2C1%25/accounts/north%2Cwest.yaml"));
}

// GitHub workflow commands -----------------------------------------------------------------

/// One workflow command, its properties and data as written (escaped).
#[derive(Debug)]
struct WorkflowCommand<'a> {
    command: &'a str,
    properties: Vec<(&'a str, &'a str)>,
    data: &'a str,
}

const PROPERTY_KEYS: [&str; 6] = ["file", "line", "col", "endLine", "endColumn", "title"];

/// Parses `line` as
/// `^::(error|warning|notice) ((KEY)=[^,:]*)(,(KEY)=[^,:]*)*::[^\r\n]*$`, KEY one of
/// [`PROPERTY_KEYS`].
fn parse_workflow_command(line: &str) -> Result<WorkflowCommand<'_>, String> {
    let rest = line.strip_prefix("::").ok_or("does not start with `::`")?;
    let (command, mut rest) = rest.split_once(' ').ok_or("no space after the command")?;
    if !["error", "warning", "notice"].contains(&command) {
        return Err(format!("unknown command `{command}`"));
    }
    let mut properties = Vec::new();
    loop {
        let (key, after) = rest.split_once('=').ok_or("a property without `=`")?;
        if !PROPERTY_KEYS.contains(&key) {
            return Err(format!("unknown property `{key}`"));
        }
        let end = after
            .find([',', ':'])
            .ok_or("the properties do not end with `::`")?;
        properties.push((key, &after[..end]));
        match &after[end..] {
            next if next.starts_with(',') => rest = &next[1..],
            next if next.starts_with("::") => {
                let data = &next[2..];
                if data.contains(['\r', '\n']) {
                    return Err("raw CR or LF in the data".into());
                }
                return Ok(WorkflowCommand {
                    command,
                    properties,
                    data,
                });
            }
            _ => return Err(format!("a raw `:` in the value of `{key}`")),
        }
    }
}

/// Decodes the escapes of a workflow command: `%25`, `%0D`, `%0A`, and in property values
/// also `%3A` and `%2C`. A `%` that starts none of them is an error: it was not escaped.
fn unescape(text: &str, property: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let escape = rest.get(at..at + 3).unwrap_or(&rest[at..]);
        let decoded = match escape {
            "%25" => '%',
            "%0D" => '\r',
            "%0A" => '\n',
            "%3A" if property => ':',
            "%2C" if property => ',',
            _ => return Err(format!("`%` not escaped as %25 at `{escape}` in `{text}`")),
        };
        out.push(decoded);
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

#[test]
fn github_output_follows_the_workflow_command_syntax() {
    let tmp = hostile();
    let run = rapport(tmp.path(), &["check", HOSTILE, "--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "", "the github format writes to stdout only");
    assert!(run.stdout.ends_with('\n'));
    assert!(
        !run.stdout.contains(['\u{1b}', '\u{7}', '\r']),
        "raw control characters:\n{}",
        run.stdout
    );
    let json = json_of(tmp.path(), &["check", HOSTILE]);
    let expected = diagnostics(&json);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), expected.len(), "one line per diagnostic");
    for (line, d) in lines.iter().zip(expected) {
        let command = parse_workflow_command(line).unwrap_or_else(|e| panic!("{e}:\n{line}"));
        assert_eq!(command.command, d["severity"].as_str().unwrap(), "{line}");
        let mut properties = Vec::new();
        for (key, value) in &command.properties {
            let value = unescape(value, true).unwrap_or_else(|e| panic!("{e}:\n{line}"));
            properties.push((key.to_string(), value));
        }
        let property = |key: &str| {
            properties
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        // The properties say what the JSON says, once decoded.
        let file = printable(d["file"].as_str().unwrap()).into_owned();
        assert_eq!(property("file"), Some(file), "{line}");
        for (key, json_key) in [
            ("line", "line"),
            ("col", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(
                property(key),
                d.get(json_key).map(|n| n.to_string()),
                "{key} in {line}"
            );
        }
        assert_eq!(
            property("title"),
            Some(format!("rapport {}", d["code"].as_str().unwrap())),
            "{line}"
        );
        // The data is the message, the YAML path and the hint, control characters shown
        // escaped, and nothing else.
        let mut message = printable(d["message"].as_str().unwrap()).into_owned();
        if let Some(path) = d["path"].as_str() {
            message.push_str(&format!("\nat: {}", printable(path)));
        }
        if let Some(help) = d["help"].as_str() {
            message.push_str(&format!("\nhelp: {}", printable(help)));
        }
        assert_eq!(
            unescape(command.data, false).unwrap_or_else(|e| panic!("{e}:\n{line}")),
            message,
            "{line}"
        );
    }
    // What the test data was for: each special character reached a property or the data.
    let stdout = &run.stdout;
    for expected in [
        "file=w%3As%2C1%25/accounts/north%2Cwest.yaml,",
        "unknown person `x%250A,y:z %252C 100%25` in `owner`",
        "unknown value `50%25, a:b` for `kind`",
        "unknown field `colour\\r\\nred`",
        "unknown value `evil\\u{1b}]0;pwned\\u{7}\\u{1b}[31m` for `kind`",
        "::warning file=w%3As%2C1%25/accounts/warned.yaml,line=6,col=15,endLine=6,endColumn=25,title=rapport dates-out-of-order::",
    ] {
        assert!(stdout.contains(expected), "no `{expected}` in\n{stdout}");
    }
}

#[test]
fn the_workflow_command_check_rejects_what_github_would_misread() {
    for bad in [
        "::error file=a:b.yaml,line=1::m",
        "::error file=a,b.yaml::m",
        "::error line=1,colour=2::m",
        "::fail file=a.yaml::m",
        "::error ::m",
        "::error file=a.yaml",
        "error file=a.yaml::m",
        "::error file=a.yaml::m\r",
    ] {
        assert!(parse_workflow_command(bad).is_err(), "{bad} passes");
    }
    let good = parse_workflow_command("::warning file=a%2Cb.yaml,line=2::x: y, 100%25").unwrap();
    assert_eq!(
        good.properties,
        [("file", "a%2Cb.yaml"), ("line", "2")],
        "{good:?}"
    );
    assert_eq!(unescape(good.data, false).unwrap(), "x: y, 100%");
    assert!(unescape("100%", false).is_err());
    assert!(unescape("a%3Ab", false).is_err());
    assert_eq!(unescape("a%3Ab%2Cc", true).unwrap(), "a:b,c");
}

// The workspace found from a folder inside it ----------------------------------------------

#[test]
fn check_without_a_workspace_argument_works_from_a_folder_inside_the_workspace() {
    let ws = Workspace::new().account("northwind.yaml", VALID).account(
        "harbour.yaml",
        VALID.replace("Northwind Supply Co.", "Harbour"),
    );
    for folder in ["accounts/sub", "templates"] {
        std::fs::create_dir_all(ws.root().join(folder)).unwrap();
    }
    for (folder, up) in [
        ("accounts", ".."),
        ("accounts/sub", "../.."),
        ("templates", ".."),
    ] {
        let here = ws.root().join(folder);
        let run = rapport(&here, &["check"]);
        assert_eq!(
            (run.code, run.stderr.as_str(), run.stdout.as_str()),
            (0, "ok: 2 accounts, 0 warnings\n", ""),
            "from {folder}"
        );
        let verbose = rapport(&here, &["check", "-v"]);
        assert!(
            verbose.stderr.starts_with(&format!("workspace: {up}\n")),
            "from {folder}: {}",
            verbose.stderr
        );
    }
    // A warning is reported with the path from where the user is.
    let ws = ws.account("warned.yaml", WARNED);
    let run = rapport(&ws.root().join("accounts"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("  --> ../accounts/warned.yaml:6:15\n")
            && run.stderr.ends_with("ok: 3 accounts, 1 warning\n"),
        "{}",
        run.stderr
    );
    // A broken workspace fails from inside too, with every problem, rapport.yaml included.
    let ws = ws
        .account("broken.yaml", "name: Broken\nkind: custmer\n")
        .config("organisation: Acme\ntitel: Reviews\n");
    for (folder, up) in [
        ("accounts", ".."),
        ("accounts/sub", "../.."),
        ("templates", ".."),
    ] {
        let run = rapport(&ws.root().join(folder), &["check"]);
        run.invalid();
        for at in [
            format!("  --> {up}/accounts/broken.yaml:2:7\n"),
            format!("  --> {up}/rapport.yaml:2:1\n"),
        ] {
            assert!(
                run.stderr.contains(&at),
                "from {folder}: no {at}{}",
                run.stderr
            );
        }
        assert!(
            run.stderr.ends_with("error: 2 error(s), 1 warning(s)\n"),
            "{}",
            run.stderr
        );
    }
}

// Colour and escape sequences --------------------------------------------------------------

/// A workspace whose diagnostics quote escape sequences from the files: a terminal title
/// (`ESC ] 0 ; … BEL`) and a colour (`ESC [ 31 m`), in values, a key and a file name.
fn escapes() -> Workspace {
    Workspace::new()
        .account(
            "evil.yaml",
            "name: Evil\nkind: \"evil\\e]0;pwned\\a\\e[31m\"\n\"\\e[2Jcolour\": red\n",
        )
        .account(
            "owner.yaml",
            "name: Owner\nkind: customer\nowner: \"\\e]0;pwned\\a\"\n",
        )
        .account("x\u{1b}]0;t\u{7}.yaml", "name: File\nkind: customer\n")
}

/// What [`escapes`] reports, as shown: every control character escaped.
const ESCAPED: [&str; 4] = [
    "error: unknown value `evil\\u{1b}]0;pwned\\u{7}\\u{1b}[31m` for `kind`\n",
    "error: unknown field `\\u{1b}[2Jcolour`\n",
    "error: unknown person `\\u{1b}]0;pwned\\u{7}` in `owner`\n",
    "  --> ws/accounts/x\\u{1b}]0;t\\u{7}.yaml\n",
];

fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: std::time::Duration::ZERO,
    }
}

/// `text` without SGR sequences (`ESC [ digits and ; m`); `Err` at any other escape.
fn strip_sgr(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let params = after.strip_prefix('[').ok_or_else(|| {
            format!(
                "ESC not followed by `[`: {:?}",
                &after[..after.len().min(12)]
            )
        })?;
        let end = params
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .ok_or("an unfinished escape sequence")?;
        if !params[end..].starts_with('m') {
            return Err(format!("not a style: ESC [{}", &params[..=end]));
        }
        rest = &params[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[test]
fn escape_sequences_from_files_never_reach_the_terminal() {
    let ws = escapes();
    let dir = ws.root().parent().unwrap().to_path_buf();
    let never = rapport(&dir, &["check", "ws", "--color", "never"]);
    never.invalid();
    for text in [&never.stdout, &never.stderr] {
        assert!(
            !text.contains(['\u{1b}', '\u{7}']),
            "raw ESC or BEL with --color never:\n{text}"
        );
    }
    for expected in ESCAPED {
        assert!(
            never.stderr.contains(expected),
            "no {expected}in\n{}",
            never.stderr
        );
    }

    let always = rapport(&dir, &["check", "ws", "--color", "always"]);
    always.invalid();
    assert!(
        always.stderr.contains('\u{1b}'),
        "no colour with --color always"
    );
    assert!(
        !always.stderr.contains('\u{7}') && !always.stderr.contains("\u{1b}]"),
        "the file's title sequence reached the terminal:\n{:?}",
        always.stderr
    );
    // Every escape is one of our styles, and without them the text is the plain one.
    let plain = strip_sgr(&always.stderr).unwrap_or_else(|e| panic!("{e} in\n{:?}", always.stderr));
    assert_eq!(plain, never.stderr);

    // The machine formats are never coloured and never hold a raw ESC.
    for format in ["json", "github", "sarif"] {
        let run = rapport(
            &dir,
            &["check", "ws", "--format", format, "--color", "always"],
        );
        assert_eq!(run.code, 1);
        assert!(
            !run.stdout.contains(['\u{1b}', '\u{7}']),
            "{format}:\n{}",
            run.stdout
        );
    }
    let json = json_of(&dir, &["check", "ws"]);
    assert!(
        diagnostics(&json)
            .iter()
            .any(|d| d["message"] == "unknown value `evil\u{1b}]0;pwned\u{7}\u{1b}[31m` for `kind`"),
        "JSON keeps the value, escaped by JSON:\n{json:#}"
    );
}

#[test]
fn color_never_wins_over_a_terminal_and_color_always_over_no_color() {
    // Piped output is never coloured under `auto`, so what NO_COLOR does under `auto` is
    // tested on a terminal (below); here, what the flag does whatever the environment says.
    let ws = escapes();
    let dir = ws.root().parent().unwrap().to_path_buf();
    let never = run_with_env(
        &dir,
        &["check", "ws", "--color", "never"],
        &[("CLICOLOR_FORCE", "1"), ("FORCE_COLOR", "1")],
    );
    assert_eq!(never.code, 1, "{}", never.stderr);
    assert!(
        !never.stdout.contains('\u{1b}') && !never.stderr.contains('\u{1b}'),
        "{}",
        never.stderr
    );
    // An option given for one run overrides NO_COLOR (no-color.org).
    let always = run_with_env(
        &dir,
        &["check", "ws", "--color", "always"],
        &[("NO_COLOR", "1")],
    );
    assert!(always.stderr.contains("\u{1b}["), "{}", always.stderr);
}

/// Runs the binary with stdout and stderr on a pseudo-terminal (util-linux `script`), so
/// that `--color auto` sees a terminal. `None` where `script` is not available.
fn on_a_terminal(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    let available = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        eprintln!("skipped: no `script` to run rapport on a terminal");
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut command = quote(env!("CARGO_BIN_EXE_rapport"));
    for arg in args {
        command.push(' ');
        command.push_str(&quote(arg));
    }
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn on_a_terminal_colour_is_on_unless_no_color_is_set() {
    let ws = escapes();
    let dir: PathBuf = ws.root().parent().unwrap().to_path_buf();
    let Some(coloured) = on_a_terminal(&dir, &["check", "ws"], &[]) else {
        return;
    };
    assert!(
        coloured.contains("\u{1b}[") && coloured.contains("unknown person"),
        "no colour on a terminal:\n{coloured:?}"
    );
    // Only our styles: the files' title sequences and BEL stay escaped on a terminal too.
    assert!(
        strip_sgr(&coloured).is_ok() && !coloured.contains('\u{7}'),
        "{coloured:?}"
    );
    // no-color.org: set and not empty turns colour off; empty does not.
    let plain = on_a_terminal(&dir, &["check", "ws"], &[("NO_COLOR", "1")]).unwrap();
    assert!(
        !plain.contains('\u{1b}') && plain.contains("unknown person"),
        "NO_COLOR=1 on a terminal:\n{plain:?}"
    );
    let never = on_a_terminal(&dir, &["check", "ws", "--color", "never"], &[]).unwrap();
    assert!(!never.contains('\u{1b}'), "{never:?}");
    let empty = on_a_terminal(&dir, &["check", "ws"], &[("NO_COLOR", "")]).unwrap();
    assert!(empty.contains("\u{1b}["), "NO_COLOR= (empty):\n{empty:?}");
    let dumb = on_a_terminal(&dir, &["check", "ws"], &[("TERM", "dumb")]).unwrap();
    assert!(!dumb.contains('\u{1b}'), "TERM=dumb:\n{dumb:?}");
}

// -q and -v --------------------------------------------------------------------------------

/// Every subcommand, with the arguments it needs to start.
fn every_command(ws: &str) -> Vec<Vec<String>> {
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect();
    vec![
        owned(&["check", ws]),
        owned(&["build", ws]),
        owned(&["init", "new-workspace"]),
        owned(&["new", "acme-corp", "--workspace", ws]),
        owned(&["serve", "nowhere", "--port", "0"]),
        owned(&["schema"]),
        owned(&["completions", "bash"]),
        owned(&["statement", "northwind", "--fingerprint", "--workspace", ws]),
        owned(&["diff", "northwind", "--from", "HEAD", "--workspace", ws]),
    ]
}

#[test]
fn quiet_and_verbose_are_on_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let commands = every_command("ws");
    assert_eq!(commands.len(), 9);
    for command in &commands {
        let name = command[0].as_str();
        let help = rapport(tmp.path(), &[name, "--help"]);
        assert_eq!(help.code, 0, "{name} --help: {}", help.stderr);
        for flag in ["-q, --quiet", "-v, --verbose"] {
            assert!(
                help.stdout
                    .lines()
                    .any(|l| l.trim_start().starts_with(flag)),
                "`rapport {name} --help` does not list {flag}:\n{}",
                help.stdout
            );
        }
        // Both at once is a usage error, before anything runs.
        for both in [["-q", "-v"], ["--verbose", "--quiet"]] {
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.extend(both);
            let run = rapport(tmp.path(), &args);
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
        }
    }
    assert!(
        !tmp.path().join("new-workspace").exists(),
        "`init -q -v` ran"
    );
}

#[test]
fn check_quiet_says_nothing_on_a_valid_workspace_and_verbose_names_the_workspace() {
    let ws = Workspace::new().account("northwind.yaml", VALID);
    let dir = ws.root().parent().unwrap().to_path_buf();
    for args in [
        ["check", "ws", "-q"],
        ["check", "ws", "--quiet"],
        ["-q", "check", "ws"],
    ] {
        let run = rapport(&dir, &args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (0, "", ""),
            "{args:?}"
        );
    }
    let run = rapport(&dir, &["check", "ws", "-v"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.first(), Some(&"workspace: ws"), "{}", run.stderr);
    assert!(
        lines.iter().any(|l| l.starts_with("checked in ")),
        "{}",
        run.stderr
    );
    assert_eq!(lines.last(), Some(&"ok: 1 account, 0 warnings"));
    // Quiet never hides a problem.
    let broken = ws.account("broken.yaml", "name: B\nkind: custmer\n");
    let run = rapport(broken.root().parent().unwrap(), &["check", "ws", "-q"]);
    run.invalid();
    assert!(
        run.stderr.starts_with(
            "error: unknown value `custmer` for `kind`\n  --> ws/accounts/broken.yaml:2:7\n"
        ),
        "{}",
        run.stderr
    );
}

// docs/diagnostics.md ----------------------------------------------------------------------

#[test]
fn docs_diagnostics_md_lists_every_code_the_binary_can_emit() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("docs/diagnostics.md cannot be read ({e}): it lists every code")
    });
    let mut documented = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("### `") {
            let code = rest.strip_suffix('`').unwrap_or_else(|| {
                panic!("line {}: a heading that is not ### `code`: {line}", i + 1)
            });
            documented.push(code.to_string());
        }
    }
    let documented_set: BTreeSet<&str> = documented.iter().map(String::as_str).collect();
    assert_eq!(
        documented_set.len(),
        documented.len(),
        "a code documented twice: {documented:?}"
    );
    let known: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let undocumented: Vec<&&str> = known.difference(&documented_set).collect();
    let unknown: Vec<&&str> = documented_set.difference(&known).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "docs/diagnostics.md and the binary disagree:\n\
         codes the binary emits that have no `### `code`` heading: {undocumented:?}\n\
         codes documented that the binary does not have (renamed or removed?): {unknown:?}"
    );
}
