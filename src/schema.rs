//! The JSON Schema of an account file or of rapport.yaml, derived from the model so that it
//! cannot drift from what `rapport check` accepts: printed by `rapport schema`, written
//! into workspaces by `rapport init` and `rapport new`.

use crate::cli::SchemaKind;
use schemars::generate::SchemaSettings;

/// The file name a workspace keeps the schema under; `init` and `new` point the
/// `# yaml-language-server: $schema=…` line of the files they write at it.
pub fn file_name(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Account => "rapport-account.schema.json",
        SchemaKind::Config => "rapport-config.schema.json",
    }
}

/// The JSON Schema of an account file or of rapport.yaml, pretty-printed, ending in a newline.
///
/// Draft 7, not schemars' default 2020-12: the YAML language server behind VS Code, Neovim,
/// Helix and Zed completes and validates with a draft-7 engine and does not understand the
/// newer drafts, so a 2020-12 schema would give editors no help at all.
pub fn schema_text(kind: SchemaKind) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let (mut schema, title, about) = match kind {
        SchemaKind::Account => (
            generator.into_root_schema_for::<crate::model::Account>(),
            "rapport account file",
            "One file per customer, supplier or partner, at accounts/<id>.yaml; the file name \
             is the account id.",
        ),
        SchemaKind::Config => (
            generator.into_root_schema_for::<crate::model::Config>(),
            "rapport workspace settings",
            "rapport.yaml at the root of a workspace.",
        ),
    };
    // The root type's own doc comment stays first; what the file is and how to refresh the
    // schema follow, so an editor's hover on the file says both.
    let model_doc = schema
        .get("description")
        .and_then(serde_json::Value::as_str)
        .map(|doc| format!("{} ", unwrap_lines(doc)))
        .unwrap_or_default();
    let description = format!(
        "{model_doc}{about} Written by rapport {}; `rapport schema --file {}` prints the current one.",
        env!("CARGO_PKG_VERSION"),
        match kind {
            SchemaKind::Account => "account",
            SchemaKind::Config => "config",
        }
    );
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    if let Some(root) = schema.as_object_mut() {
        root.values_mut().for_each(unwrap_descriptions);
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Joins the hard-wrapped lines of doc comments, which schemars keeps, so that an editor's
/// hover flows the text to its own width; paragraph breaks stay.
fn unwrap_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    serde_json::Value::String(text) if key == "description" => {
                        *text = unwrap_lines(text);
                    }
                    _ => unwrap_descriptions(child),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

/// `text` with single line breaks turned into spaces; blank lines between paragraphs stay.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_flow_but_keep_paragraphs() {
        assert_eq!(
            unwrap_lines("One account: everything\nwe know.\n\nSecond."),
            "One account: everything we know.\n\nSecond."
        );
        let mut value = serde_json::json!({
            "properties": { "a": { "description": "wrapped\nline", "default": "keep\nme" } }
        });
        unwrap_descriptions(&mut value);
        assert_eq!(value["properties"]["a"]["description"], "wrapped line");
        assert_eq!(value["properties"]["a"]["default"], "keep\nme");
    }
}
