//! Diagnostics for people, like rustc: `error: message`, `--> file:line:col`, the YAML
//! path, the source line with the span underlined, the hint and the rule code (as rustc's
//! lint notes end its messages); in colour when the
//! terminal wants it. Text from account files is never sent raw to the terminal: control
//! characters (an ESC that would start an escape sequence) and invisible direction marks
//! are shown escaped.

use super::{display_path, Diagnostic, Severity};
use anstyle::{AnsiColor, Style};
use std::borrow::Cow;
use std::fmt::Write as _;

/// Longest source line shown in full; longer lines are cut around the column.
const MAX_SHOWN: usize = 100;

pub(super) fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    let paint = |style: Style, text: &str| -> String {
        if color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    };
    let (label, tone) = match d.severity {
        Severity::Error => ("error", AnsiColor::Red),
        Severity::Warning => ("warning", AnsiColor::Yellow),
    };
    let tone = Style::new().bold().fg_color(Some(tone.into()));
    let blue = Style::new().bold().fg_color(Some(AnsiColor::Blue.into()));
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        paint(tone, label),
        paint(bold, &format!(": {}", printable(&d.message)))
    );
    let file = printable(&display_path(&d.file)).into_owned();
    let place = match d.position {
        Some(p) => format!("{file}:{}:{}", p.line, p.column),
        None => file,
    };
    let _ = writeln!(out, "  {} {place}", paint(blue, "-->"));
    if !d.path.is_empty() {
        let _ = writeln!(out, "   {} {}", paint(blue, "= at:"), printable(&d.path));
    }
    if let (Some(p), Some(text)) = (d.position, source) {
        if let Some(line) = p.line.checked_sub(1).and_then(|i| text.lines().nth(i)) {
            let width = d
                .end(source)
                .map_or(1, |end| end.column.saturating_sub(p.column));
            let number = p.line.to_string();
            let gutter = " ".repeat(number.len());
            let (shown, caret, carets) = excerpt(line, p.column, width);
            let bar = paint(blue, "|");
            let _ = writeln!(out, "{gutter} {bar}");
            let _ = writeln!(out, "{} {bar} {shown}", paint(blue, &number));
            let _ = writeln!(
                out,
                "{gutter} {bar} {}{}",
                " ".repeat(caret),
                paint(tone, &"^".repeat(carets))
            );
        }
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "   {} {}", paint(blue, "= help:"), printable(help));
    }
    // Last, as rustc's lint notes are: the stable code to look up or filter on.
    let _ = writeln!(
        out,
        "   {} {}",
        paint(blue, "= code:"),
        paint(dim, d.code.as_str())
    );
    out
}

/// `text` with every character a terminal would act on or hide shown as an escape:
/// control characters (`\u{1b}`, `\r`…), bidirectional overrides and zero-width marks.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_printable(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_printable(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// C0 and C1 controls, DEL, and the invisible formatting characters that can reorder or
/// hide text on screen (the "Trojan Source" characters, zero-width spaces and joiners).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{061c}')
}

/// The source line as shown under a message (tabs as spaces, other characters as
/// [`printable`] shows them, long lines cut around the column with `...`), how many
/// columns precede the span, and how many the span covers.
fn excerpt(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    // One cell per source character, as it is shown.
    let cells: Vec<String> = line
        .chars()
        .map(|c| match c {
            '\t' => " ".to_string(),
            c => {
                let mut cell = String::new();
                push_printable(&mut cell, c);
                cell
            }
        })
        .collect();
    let start_cell = column.saturating_sub(1).min(cells.len());
    let end_cell = (start_cell + width.max(1)).min(cells.len()).max(start_cell);
    let (first, last) = if cells.len() <= MAX_SHOWN {
        (0, cells.len())
    } else {
        let first = start_cell
            .saturating_sub(MAX_SHOWN / 2)
            .min(cells.len() - MAX_SHOWN);
        (first, first + MAX_SHOWN)
    };
    let mut shown = String::new();
    if first > 0 {
        shown.push_str("...");
    }
    let columns = |range: &[String]| range.iter().map(|c| c.chars().count()).sum::<usize>();
    let caret = usize::from(first > 0) * 3 + columns(&cells[first..start_cell.max(first)]);
    for cell in &cells[first..last] {
        shown.push_str(cell);
    }
    if last < cells.len() {
        shown.push_str("...");
    }
    let covered = columns(&cells[start_cell.min(last)..end_cell.min(last)]).max(1);
    (shown, caret, covered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Position};

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, caret, _) = excerpt(&line, 501, 1);
        assert_eq!(shown.chars().count(), 106);
        assert!(shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(shown.chars().nth(caret), Some('X'));
        let (shown, caret, _) = excerpt(&line, 3, 1);
        assert!(!shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(caret, 2);
        let (shown, caret, _) = excerpt(&line, 1001, 1);
        assert!(shown.starts_with("...") && !shown.ends_with("..."));
        assert_eq!(shown.chars().nth(caret), Some('b'));
        assert_eq!(excerpt("\tab", 9, 1), (" ab".to_string(), 3, 1));
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_follows() {
        assert_eq!(printable("plain"), Cow::Borrowed("plain"));
        assert_eq!(printable("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(printable("x\u{202e}y\r\n"), "x\\u{202e}y\\r\\n");
        let (shown, caret, width) = excerpt("a: \u{1b}]0;x\u{7} b", 11, 1);
        assert_eq!(shown, "a: \\u{1b}]0;x\\u{7} b");
        assert_eq!(shown.chars().nth(caret), Some('b'));
        assert_eq!(width, 1);
        let (_, caret, width) = excerpt("k: \u{1b}", 4, 1);
        assert_eq!((caret, width), (3, 6));
    }

    #[test]
    fn colour_only_when_asked() {
        let d = Diagnostic::error(Code::UnknownField, "a.yaml", "unknown field `x`")
            .at(Some(Position { line: 1, column: 1 }))
            .help("h");
        let plain = render(&d, Some("x: 1\n"), false);
        assert!(!plain.contains('\u{1b}'));
        assert!(plain.contains("1 | x: 1\n  | ^\n"), "{plain}");
        let styled = render(&d, Some("x: 1\n"), true);
        assert!(styled.contains("\u{1b}["), "{styled}");
        assert_eq!(strip_styles(&styled), plain);
    }

    /// The text without ANSI style sequences.
    fn strip_styles(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
