//! Finds the line and column of a YAML path (`events[3].title`) in a file that already
//! parsed. The model carries positions (`Spanned`) only on references and range-checked
//! values; for the few rules that flag another field, the file is read a second time into
//! a tree of positions, with the same reader and limits, and only when such a problem
//! exists.

use crate::diagnostic::Position;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// The position of the value at `path` in `text`, or `None` when the text does not parse
/// or the path is not in it. An empty path is the whole document.
pub fn locate(text: &str, path: &str) -> Option<Position> {
    Locator::new(text).position(path)
}

/// A file read into a tree of positions, to look up several paths with one read.
pub struct Locator {
    root: Option<Spanned<Node>>,
}

impl Locator {
    /// Reads `text`; a text that does not parse locates nothing.
    pub fn new(text: &str) -> Locator {
        let mut options = super::options();
        // `.nan` is legal in a typed number (validate reports it); let the tree accept it too.
        options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
        // A file with a key twice is located too, to report its other problems in the same
        // run; a path names the first of the two.
        options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
        Locator {
            root: serde_saphyr::from_str_with_options(text, options).ok(),
        }
    }

    /// Whether the text parsed, so that the locator can answer at all.
    pub fn parsed(&self) -> bool {
        self.root.is_some()
    }

    /// The position of the value at `path`, if it is in the file.
    pub fn position(&self, path: &str) -> Option<Position> {
        Position::from_location(&self.node(path)?.referenced)
    }

    /// Where the entry at `path` starts: the key of a mapping entry (of its last occurrence
    /// when the key is written twice), or the value of a list item.
    pub fn entry_start(&self, path: &str) -> Option<Position> {
        let segments = segments(path)?;
        let (last, parents) = segments.split_last()?;
        let mut node = self.root.as_ref()?;
        for segment in parents {
            node = child(node, segment)?;
        }
        match (&node.value, last) {
            (Node::Map(entries), Segment::Key(key)) => entries
                .iter()
                .rev()
                .find(|entry| entry.key == *key)
                .and_then(|entry| entry.key_at),
            (Node::Seq(items), Segment::Index(i)) => {
                Position::from_location(&items.get(*i)?.referenced)
            }
            _ => None,
        }
    }

    /// The keys of the mapping at `path`, or `None` when there is no mapping there.
    pub fn keys(&self, path: &str) -> Option<Vec<&str>> {
        match &self.node(path)?.value {
            Node::Map(entries) => Some(entries.iter().map(|e| e.key.as_str()).collect()),
            _ => None,
        }
    }

    fn node(&self, path: &str) -> Option<&Spanned<Node>> {
        let mut node = self.root.as_ref()?;
        for segment in segments(path)? {
            node = child(node, &segment)?;
        }
        Some(node)
    }
}

fn child<'n>(node: &'n Spanned<Node>, segment: &Segment<'_>) -> Option<&'n Spanned<Node>> {
    match (&node.value, segment) {
        (Node::Map(entries), Segment::Key(key)) => entries
            .iter()
            .find(|entry| entry.key == *key)
            .map(|entry| &entry.value),
        (Node::Seq(items), Segment::Index(i)) => items.get(*i),
        _ => None,
    }
}

/// One step of a YAML path.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// `reviews[1].scores.reliability` as `reviews`, `1`, `scores`, `reliability`.
pub(super) fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    if path.is_empty() {
        return Some(out);
    }
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            out.push(Segment::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// Any YAML value, with the position of every value inside it. Its depth is bounded by the
/// reader's depth limit, so reading it cannot exhaust the stack.
enum Node {
    Scalar,
    Seq(Vec<Spanned<Node>>),
    Map(Vec<Entry>),
}

/// One `key: value` of a mapping, with where its key is written.
struct Entry {
    key: String,
    key_at: Option<Position>,
    value: Spanned<Node>,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<Spanned<KeyText>, Spanned<Node>>()? {
            entries.push(Entry {
                key: key.value.0,
                key_at: Position::from_location(&key.referenced),
                value,
            });
        }
        Ok(Node::Map(entries))
    }
}

/// A mapping key as text; keys that are not scalars never match a path.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KeyText, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText(String::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyText, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(KeyText(String::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyText, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(KeyText(String::new()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "name: A\nevents:\n  - date: 2026-01-01\n    title: ''\n  - {date: 2026-02-01, title: x}\nreviews:\n  - quarter: 2026-Q1\n    scores: {a: 1}\n";

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_values_in_block_and_flow_style() {
        assert_eq!(locate(ACCOUNT, "name"), at(1, 7));
        assert_eq!(locate(ACCOUNT, "events[0].title"), at(4, 12));
        assert_eq!(locate(ACCOUNT, "events[1].title"), at(5, 31));
        assert_eq!(locate(ACCOUNT, "events[1]"), at(5, 5));
        assert_eq!(locate(ACCOUNT, "reviews[0].scores.a"), at(8, 17));
        assert_eq!(locate("a: .nan\nb: x\n", "b"), at(2, 4));
        assert_eq!(locate(ACCOUNT, ""), at(1, 1));
    }

    #[test]
    fn finds_where_entries_start() {
        let locator = Locator::new(ACCOUNT);
        assert_eq!(locator.entry_start("events[0].title"), at(4, 5));
        assert_eq!(locator.entry_start("events[1]"), at(5, 5));
        assert_eq!(locator.entry_start("reviews[0].scores.a"), at(8, 14));
        assert_eq!(locator.entry_start(""), None);
        let twice = Locator::new("a: 1\nb: 2\na: 3\n");
        assert_eq!(twice.entry_start("a"), at(3, 1));
        assert_eq!(twice.keys(""), Some(vec!["a", "b", "a"]));
        assert_eq!(twice.keys("a"), None);
    }

    #[test]
    fn misses_are_none() {
        assert_eq!(locate(ACCOUNT, "events[2]"), None);
        assert_eq!(locate(ACCOUNT, "name.x"), None);
        assert_eq!(locate(ACCOUNT, "events[x]"), None);
        assert_eq!(locate("a: [", "a"), None);
    }

    #[test]
    fn splits_paths() {
        assert_eq!(
            segments("reviews[1].scores.reliability"),
            Some(vec![
                Segment::Key("reviews"),
                Segment::Index(1),
                Segment::Key("scores"),
                Segment::Key("reliability")
            ])
        );
        assert_eq!(
            segments("a[0][2]"),
            Some(vec![
                Segment::Key("a"),
                Segment::Index(0),
                Segment::Index(2)
            ])
        );
    }
}
