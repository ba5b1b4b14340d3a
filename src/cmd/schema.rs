//! `rapport schema`: prints the JSON Schema of an account file or of rapport.yaml.

use crate::cli::SchemaArgs;
use crate::schema::schema_text;
use std::io::Write as _;

pub fn run(args: SchemaArgs) -> u8 {
    // Not `print!`, which panics when the reader goes away (`rapport schema | head`).
    let _ = std::io::stdout().write_all(schema_text(args.file).as_bytes());
    crate::EXIT_OK
}
