//! `rapport schema`: the JSON Schema of the account format, derived from the model.

use crate::cli::{SchemaArgs, SchemaKind};

/// The JSON Schema of an account file or of rapport.yaml, pretty-printed.
pub fn schema_text(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Account => schemars::schema_for!(crate::model::Account),
        SchemaKind::Config => schemars::schema_for!(crate::model::Config),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

pub fn run(args: SchemaArgs) -> u8 {
    print!("{}", schema_text(args.file));
    crate::EXIT_OK
}
