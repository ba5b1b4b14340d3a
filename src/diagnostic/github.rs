//! Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), which
//! GitHub shows as annotations on the pull request's lines. The syntax and its escapes:
//! data escapes `%`, CR and LF; property values also `:` and `,`.

use super::{display_path, printable, Diagnostic, Position, Severity};
use std::fmt::Write as _;

/// One workflow command per diagnostic, each on its own line; `ends[i]` is where the span
/// of `diagnostics[i]` ends.
pub fn github(diagnostics: &[Diagnostic], ends: &[Option<Position>]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = vec![("file", file_property(d))];
        if let Some(p) = d.position {
            properties.push(("line", p.line.to_string()));
            properties.push(("col", p.column.to_string()));
            if let Some(end) = ends.get(i).copied().flatten() {
                properties.push(("endLine", end.line.to_string()));
                properties.push(("endColumn", end.column.to_string()));
            }
        }
        properties.push(("title", format!("rapport {}", d.code)));
        let properties: Vec<String> = properties
            .into_iter()
            .map(|(key, value)| format!("{key}={}", escape_property(&value)))
            .collect();
        let mut message = printable(&d.message).into_owned();
        if !d.path.is_empty() {
            let _ = write!(message, "\nat: {}", printable(&d.path));
        }
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {}", printable(help));
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&message)
        );
    }
    out
}

/// The file as GitHub expects it: relative to where the job runs, without `./`.
fn file_property(d: &Diagnostic) -> String {
    let path = display_path(&d.file);
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    printable(path).into_owned()
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    #[test]
    fn escapes_data_and_properties() {
        let d = Diagnostic::warning(Code::WrongSide, "./ws/a,b:c.yaml", "100% sure\r\nnot")
            .at(Some(Position { line: 2, column: 3 }))
            .help("x");
        let end = Some(Position { line: 2, column: 7 });
        assert_eq!(
            github(&[d], &[end]),
            "::warning file=ws/a%2Cb%3Ac.yaml,line=2,col=3,endLine=2,endColumn=7,title=rapport wrong-side::100%25 sure\\r\\nnot%0Ahelp: x\n"
        );
    }
}
