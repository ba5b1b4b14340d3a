//! Where the text a diagnostic points at ends: the token at its position (a key, a quoted
//! or plain value, a bracketed collection), so that terminals can underline it and JSON,
//! GitHub and SARIF can mark it.

use super::Position;

/// The position just after the token that starts at `position` in `source` (on the same
/// line; a column one past the token's last character). `None` when the line is unknown.
pub fn end_of(source: Option<&str>, position: Option<Position>) -> Option<Position> {
    let position = position?;
    let line = source?.lines().nth(position.line.checked_sub(1)?)?;
    let chars: Vec<char> = line.chars().collect();
    let start = position.column.saturating_sub(1);
    let width = token_width(&chars, start).max(1);
    Some(Position {
        line: position.line,
        column: position.column + width,
    })
}

/// How many characters the token at `start` spans.
fn token_width(chars: &[char], start: usize) -> usize {
    let Some(&first) = chars.get(start) else {
        return 0;
    };
    let rest = &chars[start..];
    match first {
        '"' | '\'' => rest[1..]
            .iter()
            .position(|&c| c == first)
            .map_or(rest.len(), |end| end + 2),
        '[' | '{' => {
            let close = if first == '[' { ']' } else { '}' };
            let mut depth = 0usize;
            for (i, &c) in rest.iter().enumerate() {
                if c == first {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
            }
            trimmed_len(rest)
        }
        _ => {
            let mut end = rest.len();
            for (i, &c) in rest.iter().enumerate() {
                let next = rest.get(i + 1).copied();
                let ends_key = c == ':' && next.is_none_or(|n| n == ' ');
                let comment = c == '#' && i > 0 && rest[i - 1] == ' ';
                if ends_key || comment || matches!(c, ',' | ']' | '}') {
                    end = i;
                    break;
                }
            }
            trimmed_len(&rest[..end])
        }
    }
}

fn trimmed_len(chars: &[char]) -> usize {
    chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(line: &str, column: usize) -> Option<usize> {
        let at = Some(Position { line: 1, column });
        end_of(Some(line), at).map(|end| end.column - column)
    }

    #[test]
    fn spans_keys_values_and_collections() {
        assert_eq!(width("comitments: []", 1), Some(10));
        assert_eq!(width("kind: custmer # note", 7), Some(7));
        assert_eq!(width("since: '2026-1-5' ", 8), Some(10));
        assert_eq!(width("scores: { quality: 6, qualty: 3 }", 20), Some(1));
        assert_eq!(width("scores: { quality: 6, qualty: 3 }", 9), Some(25));
        assert_eq!(width("url: http://x", 6), Some(8));
        assert_eq!(width("a: b", 9), Some(1));
        assert_eq!(
            end_of(Some("a: b"), Some(Position { line: 3, column: 1 })),
            None
        );
    }
}
