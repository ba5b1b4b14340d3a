//! A small YAML writer for generated account files: block mappings and lists, plain
//! scalars where they are unambiguous, double quotes otherwise, and literal blocks (`|`)
//! for multi-line Markdown, as people write them by hand.

/// An indented YAML document being written line by line.
#[derive(Debug, Default)]
pub struct Doc {
    out: String,
}

impl Doc {
    pub fn with_capacity(bytes: usize) -> Doc {
        Doc {
            out: String::with_capacity(bytes),
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self, indent: usize) {
        for _ in 0..indent {
            self.out.push(' ');
        }
    }

    /// `key:` opening a nested mapping or list.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push_str(":\n");
    }

    /// `key: value` with a value that is already valid YAML (a number, a date, an enum word).
    pub fn raw(&mut self, indent: usize, key: &str, value: impl std::fmt::Display) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push_str(": ");
        self.out.push_str(&value.to_string());
        self.out.push('\n');
    }

    /// `- key: value` starting a list item whose other fields sit at `indent + 2`.
    pub fn item_raw(&mut self, indent: usize, key: &str, value: impl std::fmt::Display) {
        self.indent(indent);
        self.out.push_str("- ");
        self.out.push_str(key);
        self.out.push_str(": ");
        self.out.push_str(&value.to_string());
        self.out.push('\n');
    }

    /// `- key: text` starting a list item with a text value.
    pub fn item_text(&mut self, indent: usize, key: &str, text: &str) {
        self.indent(indent);
        self.out.push_str("- ");
        self.text_value(indent + 2, key, text);
    }

    /// `key: text`: plain, quoted or a literal block, whichever the text needs.
    pub fn text(&mut self, indent: usize, key: &str, text: &str) {
        self.indent(indent);
        self.text_value(indent, key, text);
    }

    fn text_value(&mut self, indent: usize, key: &str, text: &str) {
        self.out.push_str(key);
        self.out.push(':');
        self.scalar_after_key(indent, text);
    }

    /// Writes ` value\n`, or ` |\n` and the indented block for multi-line text.
    fn scalar_after_key(&mut self, indent: usize, text: &str) {
        if text.contains('\n') {
            self.out.push_str(" |\n");
            for line in text.trim_end_matches('\n').split('\n') {
                if !line.is_empty() {
                    self.indent(indent + 2);
                    self.out.push_str(line);
                }
                self.out.push('\n');
            }
        } else {
            self.out.push(' ');
            self.out.push_str(&scalar(text));
            self.out.push('\n');
        }
    }

    /// `key: [a, b]` for a list of ids.
    pub fn ids(&mut self, indent: usize, key: &str, ids: &[&str]) {
        self.indent(indent);
        self.out.push_str(key);
        self.out.push_str(": [");
        self.out.push_str(&ids.join(", "));
        self.out.push_str("]\n");
    }

    /// `key:` and one `- text` line (or block) per item.
    pub fn texts(&mut self, indent: usize, key: &str, items: &[String]) {
        self.open(indent, key);
        for item in items {
            self.indent(indent + 2);
            self.out.push('-');
            self.scalar_after_key(indent + 2, item);
        }
    }
}

/// A text as a YAML scalar: plain when it cannot be read as anything else, otherwise a
/// double-quoted string.
pub fn scalar(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && !text.ends_with(' ')
        && text.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, ' ' | ',' | '.' | '\'' | '(' | ')' | '/' | '&' | '-')
        })
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "on" | "off" | "true" | "false" | "null" | "y" | "n"
        );
    if plain {
        text.to_string()
    } else {
        quote(text)
    }
}

/// A YAML double-quoted string (the JSON escapes are valid YAML escapes).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
