//! Blanks one entry (a `key: value` or a list item) out of YAML text for `recover`: its
//! characters become spaces and the lines nested under it become empty, so that every other
//! value keeps its line and column and the text still reads as YAML.

use super::locate::{segments, Locator, Segment};
use crate::diagnostic::Position;

/// How to find where the entry to blank starts.
#[derive(Debug, Clone, Copy)]
pub(super) enum Start {
    /// The entry's key is at this position (the second of two equal keys).
    Exactly(Option<Position>),
    /// The problem was found at this position, on the entry's line or inside it.
    Near(Option<Position>),
}

/// Blanks the entry at `path` out of `work`. False when the entry cannot be found or is the
/// whole file; `work` is then unchanged.
pub(super) fn blank(work: &mut String, path: &str, start: Start) -> bool {
    let Some(segments) = segments(path) else {
        return false;
    };
    let Some(last) = segments.last() else {
        return false;
    };
    let mut lines: Vec<Vec<char>> = work.split('\n').map(|l| l.chars().collect()).collect();
    let found = match start {
        Start::Exactly(at) => at.and_then(|at| entry_at(&lines, at, last)),
        Start::Near(at) => at.and_then(|at| entry_near(&lines, at, last)).or_else(|| {
            let at = Locator::new(work).entry_start(path)?;
            entry_at(&lines, at, last)
        }),
    };
    let Some(entry) = found else {
        return false;
    };
    if entry.in_flow {
        if !blank_flow_entry(&mut lines, entry.line, entry.column) {
            return false;
        }
    } else {
        blank_block_entry(&mut lines, entry.line, entry.column, entry.is_key);
    }
    *work = lines
        .iter()
        .map(|l| l.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    true
}

/// Where an entry starts, 0-based, and how it is written.
struct Entry {
    line: usize,
    column: usize,
    is_key: bool,
    in_flow: bool,
}

/// The entry whose key (or list item value) is at `at`.
fn entry_at(lines: &[Vec<char>], at: Position, last: &Segment<'_>) -> Option<Entry> {
    let line = at.line.checked_sub(1)?;
    let text = lines.get(line)?;
    let column = at.column.saturating_sub(1);
    if column >= text.len() {
        return None;
    }
    let before = previous_char(lines, line, column);
    match last {
        Segment::Key(_) => {
            // A key in a flow mapping follows `{` or `,` (on its line, or at the end of an
            // earlier one when the mapping spans lines and nothing else is on this line).
            let same_line = before.is_some_and(|(l, _, _)| l == line);
            let in_flow = flow_depth(&text[..column]) > 0
                || (!same_line && matches!(before, Some((_, _, '{'))));
            Some(Entry {
                line,
                column,
                is_key: true,
                in_flow,
            })
        }
        // A list item's position is its value: a block item's dash comes before it, maybe
        // on an earlier line (`-` alone, then the item's mapping); a flow item follows `[`
        // or `,`.
        Segment::Index(_) => match before? {
            (l, c, '-') => Some(Entry {
                line: l,
                column: c,
                is_key: false,
                in_flow: false,
            }),
            (_, _, '[' | ',') => Some(Entry {
                line,
                column,
                is_key: false,
                in_flow: true,
            }),
            _ => None,
        },
    }
}

/// The nearest character before `column` of `line` that is not a space, looking back over
/// blank lines: its line, column and the character.
fn previous_char(lines: &[Vec<char>], line: usize, column: usize) -> Option<(usize, usize, char)> {
    let mut l = line;
    let mut end = column.min(lines.get(line)?.len());
    loop {
        let text = &lines[l];
        if let Some(c) = (0..end).rev().find(|&c| !text[c].is_whitespace()) {
            return Some((l, c, text[c]));
        }
        l = l.checked_sub(1)?;
        end = lines[l].len();
    }
}

/// The entry of a problem found at `at`: for a key, the key written on that line before the
/// problem (`due:` in `due: 2026-13-01`); for a list item, the item whose value starts there.
fn entry_near(lines: &[Vec<char>], at: Position, last: &Segment<'_>) -> Option<Entry> {
    let line = at.line.checked_sub(1)?;
    let text = lines.get(line)?;
    let column = at.column.saturating_sub(1).min(text.len());
    match last {
        Segment::Key(key) => {
            let key: Vec<char> = key.chars().collect();
            let start = (0..=column).rev().find(|&i| is_key_at(text, i, &key))?;
            entry_at(
                lines,
                Position {
                    line: at.line,
                    column: start + 1,
                },
                last,
            )
        }
        Segment::Index(_) => entry_at(lines, at, last),
    }
}

/// Whether `key:` (or `"key":`, `'key':`) starts at `i`, where a key can start.
fn is_key_at(text: &[char], i: usize, key: &[char]) -> bool {
    let quoted = matches!(text.get(i), Some('"' | '\''));
    let name_at = i + usize::from(quoted);
    let after = name_at + key.len();
    let boundary = i == 0 || matches!(text[i - 1], ' ' | '{' | ',' | '-' | '?');
    boundary && text.get(name_at..after) == Some(key) && {
        let colon = after + usize::from(quoted);
        (!quoted || text.get(after) == text.get(i))
            && text.get(colon) == Some(&':')
            && text
                .get(colon + 1)
                .is_none_or(|c| matches!(c, ' ' | ',' | '}' | ']'))
    }
}

/// How many flow collections (`{`, `[`) are open at the end of `prefix`, outside quotes.
fn flow_depth(prefix: &[char]) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, &c) in prefix.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' if i == 0 || matches!(prefix[i - 1], ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(c);
                }
                '#' if i == 0 || prefix[i - 1] == ' ' => break,
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    depth
}

/// Blanks a block entry: from its start to the end of its line, and every following line
/// indented deeper (or, under a key, a list at the key's own indentation).
fn blank_block_entry(lines: &mut [Vec<char>], line: usize, column: usize, is_key: bool) {
    for c in lines[line].iter_mut().skip(column) {
        *c = ' ';
    }
    for next in lines.iter_mut().skip(line + 1) {
        let indent = next.iter().take_while(|&&c| c == ' ').count();
        let content = &next[indent..];
        if content.iter().all(|c| c.is_whitespace()) || content.first() == Some(&'#') {
            continue;
        }
        let list_item = content.first() == Some(&'-') && content.get(1).is_none_or(|&c| c == ' ');
        let nested = indent > column || (is_key && indent == column && list_item);
        if !nested {
            break;
        }
        next.clear();
    }
}

/// Blanks a flow entry (`due: x` in `{title: A, due: x}`): up to and with the comma after
/// it, or up to the bracket that closes its collection. False if the text ends first.
fn blank_flow_entry(lines: &mut [Vec<char>], line: usize, column: usize) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut at = (line, column);
    loop {
        let (l, c) = at;
        let Some(text) = lines.get(l) else {
            return false;
        };
        let Some(&ch) = text.get(c) else {
            at = (l + 1, 0);
            continue;
        };
        let previous = c.checked_sub(1).and_then(|p| text.get(p)).copied();
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' if previous.is_none_or(|p| matches!(p, ' ' | '[' | '{' | ',' | ':')) => {
                    quote = Some(ch);
                }
                '[' | '{' => depth += 1,
                ']' | '}' if depth == 0 => break,
                ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    cells.push(at);
                    break;
                }
                _ => {}
            },
        }
        cells.push(at);
        at = (l, c + 1);
    }
    for (l, c) in cells {
        lines[l][c] = ' ';
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str, path: &str, start: Start) -> Option<String> {
        let mut work = text.to_string();
        blank(&mut work, path, start).then_some(work)
    }

    fn near(line: usize, column: usize) -> Start {
        Start::Near(Some(Position { line, column }))
    }

    #[test]
    fn block_entries_keep_lines_and_lose_what_is_nested() {
        let none = Start::Near(None);
        assert_eq!(
            blanked("a: 1\nb:\n  c: 2\n  d:\n    - x\ne: 3\n", "b.d", none).as_deref(),
            Some("a: 1\nb:\n  c: 2\n    \n\ne: 3\n")
        );
        assert_eq!(
            blanked("l:\n- id: x\n  t: 1\n- id: y\nz: 1\n", "l[0]", none).as_deref(),
            Some("l:\n       \n\n- id: y\nz: 1\n")
        );
        assert_eq!(
            blanked("l:\n- id: x\n  t: 1\n", "l[0].id", none).as_deref(),
            Some("l:\n-      \n  t: 1\n")
        );
        assert_eq!(blanked("l:\n- 1\n", "l", none).as_deref(), Some("  \n\n"));
        assert_eq!(blanked("l: 1\n", "", none), None);
    }

    #[test]
    fn a_problem_on_a_value_blanks_its_key() {
        // The text does not parse (a later syntax error), so the position is all there is.
        let text = "a:\n  due: 2026-13-01\n  b: 1\nc: [\n";
        assert_eq!(
            blanked(text, "a.due", near(2, 8)).as_deref(),
            Some("a:\n                 \n  b: 1\nc: [\n")
        );
        assert_eq!(blanked(text, "a.nope", near(2, 8)), None);
    }

    #[test]
    fn flow_entries_are_blanked_inside_their_brackets() {
        let text = "m: [{title: A, colour: red}, {title: B}]\n";
        assert_eq!(
            blanked(text, "m[0].colour", near(1, 16)).as_deref(),
            Some("m: [{title: A,            }, {title: B}]\n")
        );
        assert_eq!(
            blanked(text, "m[0]", near(1, 5)).as_deref(),
            Some("m: [                         {title: B}]\n")
        );
        assert_eq!(
            blanked("s: {x: 9, y: 'a, b'}\n", "s.y", near(1, 14)).as_deref(),
            Some("s: {x: 9,          }\n")
        );
    }

    #[test]
    fn a_list_item_whose_dash_is_on_its_own_line() {
        // `- quarter: x` with its first key blanked: the item starts at the lone dash.
        let text = "r:\n  -            \n    scores: 1\n  - quarter: b\n";
        assert_eq!(
            blanked(text, "r[0]", near(3, 5)).as_deref(),
            Some("r:\n               \n\n  - quarter: b\n")
        );
        let text = "m: [\n  {title: A, colour: red},\n  {title: B}\n]\n";
        assert_eq!(
            blanked(text, "m[0]", near(2, 3)).as_deref(),
            Some("m: [\n                          \n  {title: B}\n]\n")
        );
    }

    #[test]
    fn the_second_of_two_keys_is_blanked() {
        let text = "a: 1\nb: 2\na: 3\n";
        let second = Start::Exactly(Some(Position { line: 3, column: 1 }));
        assert_eq!(
            blanked(text, "a", second).as_deref(),
            Some("a: 1\nb: 2\n    \n")
        );
    }

    #[test]
    fn depth_ignores_quoted_brackets_and_apostrophes() {
        let depth = |s: &str| flow_depth(&s.chars().collect::<Vec<_>>());
        assert_eq!(depth("a: [x, '[', {b: "), 2);
        assert_eq!(depth("title: Don't [stop] "), 0);
        assert_eq!(depth("a: 1 # [ "), 0);
    }
}
