//! Diagnostics as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), which
//! code-scanning tools (GitHub code scanning, GitLab, IDE viewers) read. Every rule code is
//! listed in the tool's rules; each diagnostic is a result pointing at its file and span,
//! with the YAML path as its logical location.

use super::{display_path, Code, Diagnostic, Position, Severity};
use serde_json::{json, Value};

/// The SARIF log; `ends[i]` is where the span of `diagnostics[i]` ends.
pub fn sarif(diagnostics: &[Diagnostic], ends: &[Option<Position>]) -> String {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "shortDescription": { "text": code.summary() },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| result(d, ends.get(i).copied().flatten()))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "rapport",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn result(d: &Diagnostic, end: Option<Position>) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let path = display_path(&d.file);
    let mut artifact = json!({ "uri": uri(&path) });
    if !path.starts_with('/') {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut physical = json!({ "artifactLocation": artifact });
    if let Some(start) = d.position {
        let mut region = json!({ "startLine": start.line, "startColumn": start.column });
        if let Some(end) = end {
            region["endLine"] = json!(end.line);
            region["endColumn"] = json!(end.column);
        }
        physical["region"] = region;
    }
    let mut location = json!({ "physicalLocation": physical });
    if !d.path.is_empty() {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": d.path }]);
    }
    let rule_index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": { "text": text },
        "locations": [location],
    })
}

/// A file path as a URI reference: `./` dropped, every byte outside the unreserved set and
/// `/` percent-encoded; absolute paths as `file://` URIs.
fn uri(path: &str) -> String {
    let mut path = path;
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("./ws/accounts/a b.yaml"), "ws/accounts/a%20b.yaml");
        assert_eq!(uri("/tmp/x#y.yaml"), "file:///tmp/x%23y.yaml");
        assert_eq!(uri("../accounts/ü.yaml"), "../accounts/%C3%BC.yaml");
    }
}
