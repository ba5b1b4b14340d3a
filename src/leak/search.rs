//! Finds needles in the text of a shared file: every occurrence, overlapping ones
//! included, through a prefix filter or, where many needles share a prefix, an
//! Aho-Corasick automaton; and whether an amount found stands alone as a number.

use super::needles::Needles;

/// One occurrence of a needle in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Hit {
    pub(super) end: usize,
    /// Longer first among hits that end together.
    longer: std::cmp::Reverse<usize>,
    /// The needle's id in `Needles::list`.
    pub(super) needle: usize,
    pub(super) start: usize,
}

/// Needles that may share one prefix before the prefix filter stops paying: every position
/// that starts with it is compared with each of them, so a page of near-identical phrases
/// would take quadratic time. Such an account is searched with an Aho-Corasick automaton,
/// linear whatever the input, instead.
const MAX_SHARED_PREFIX: usize = 64;

/// How one account's needles are searched for (see [`Finder`]).
pub(super) enum Search {
    Prefixes(Box<Finder>),
    Automaton(aho_corasick::AhoCorasick),
}

impl Search {
    pub(super) fn new(needles: &Needles) -> Self {
        let finder = Finder::new(needles);
        if finder.widest_prefix() <= MAX_SHARED_PREFIX {
            return Search::Prefixes(Box::new(finder));
        }
        // Overlapping search needs the standard match kind, the builder's default.
        match aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(needles.list.iter().map(|n| needles.text(n)))
        {
            Ok(automaton) => Search::Automaton(automaton),
            // Too large for an automaton: the filter is slower here but still exact.
            Err(_) => Search::Prefixes(Box::new(finder)),
        }
    }

    /// Replaces `hits` with every occurrence in `text`, sorted as [`Finder::find_all`]
    /// sorts them.
    pub(super) fn find_all(&self, needles: &Needles, text: &str, hits: &mut Vec<Hit>) {
        match self {
            Search::Prefixes(finder) => finder.find_all(needles, text, hits),
            Search::Automaton(automaton) => {
                hits.clear();
                hits.extend(
                    automaton
                        .find_overlapping_iter(text)
                        .map(|m| Hit::new(m.start(), m.len(), m.pattern().as_usize())),
                );
                hits.sort_unstable();
            }
        }
    }
}

/// Finds every occurrence of every needle of an account, overlapping ones included. The
/// first bytes of the needles rule out most positions with one look: four for every needle,
/// then eight for long ones (every phrase) and four for shorter (amounts); anything
/// shorter still is compared everywhere. An Aho-Corasick automaton cost more to build than
/// to run on an account's few dozen pages; this costs a sort.
pub(super) struct Finder {
    first: Filter,
    long: Prefixes,
    short: Prefixes,
    tiny: Vec<usize>,
}

impl Finder {
    fn new(needles: &Needles) -> Self {
        let mut finder = Finder {
            first: Filter::default(),
            long: Prefixes::default(),
            short: Prefixes::default(),
            tiny: Vec::new(),
        };
        for (id, needle) in needles.list.iter().enumerate() {
            let bytes = needles.text(needle).as_bytes();
            if let Some(key) = key4(bytes) {
                finder.first.insert(key);
            }
            if let Some(key) = key8(bytes) {
                finder.long.insert(key, id);
            } else if let Some(key) = key4(bytes) {
                finder.short.insert(key, id);
            } else {
                finder.tiny.push(id);
            }
        }
        finder.long.keys.sort_unstable();
        finder.short.keys.sort_unstable();
        finder
    }

    /// The most needles compared at one position: the longest run of one prefix, or every
    /// needle too short to have one.
    fn widest_prefix(&self) -> usize {
        let widest = |keys: &[(u64, usize)]| {
            keys.chunk_by(|a, b| a.0 == b.0)
                .map(<[_]>::len)
                .max()
                .unwrap_or(0)
        };
        widest(&self.long.keys)
            .max(widest(&self.short.keys))
            .max(self.tiny.len())
    }

    /// Replaces `hits` with the occurrences in `text`, in the order a left to right search
    /// meets their ends.
    fn find_all(&self, needles: &Needles, text: &str, hits: &mut Vec<Hit>) {
        hits.clear();
        let bytes = text.as_bytes();
        let mut check = |prefixes: &Prefixes, key: u64, start: usize| {
            if !prefixes.filter.may_hold(key) {
                return;
            }
            for id in prefixes.with_key(key) {
                let needle = needles.text(&needles.list[id]).as_bytes();
                if bytes[start..].starts_with(needle) {
                    hits.push(Hit::new(start, needle.len(), id));
                }
            }
        };
        for (start, window) in bytes.windows(8).enumerate() {
            let Some(key) = key8(window) else {
                continue;
            };
            let short = key & 0xffff_ffff;
            if self.first.may_hold(short) {
                check(&self.long, key, start);
                check(&self.short, short, start);
            }
        }
        // The last seven positions have no eight bytes to look at.
        let tail = bytes.len().saturating_sub(7);
        for (start, window) in bytes[tail..].windows(4).enumerate() {
            if let Some(key) = key4(window) {
                check(&self.short, key, tail + start);
            }
        }
        for &id in &self.tiny {
            let needle = needles.text(&needles.list[id]).as_bytes();
            if needle.is_empty() {
                continue;
            }
            for (start, window) in bytes.windows(needle.len()).enumerate() {
                if window == needle {
                    hits.push(Hit::new(start, needle.len(), id));
                }
            }
        }
        hits.sort_unstable();
    }
}

impl Hit {
    fn new(start: usize, len: usize, needle: usize) -> Self {
        Hit {
            end: start + len,
            longer: std::cmp::Reverse(len),
            needle,
            start,
        }
    }
}

/// The first eight bytes of `bytes` as a number, if it has them.
fn key8(bytes: &[u8]) -> Option<u64> {
    bytes
        .first_chunk::<8>()
        .map(|chunk| u64::from_le_bytes(*chunk))
}

/// The first four bytes of `bytes` as a number, if it has them: the low half of `key8`.
fn key4(bytes: &[u8]) -> Option<u64> {
    bytes
        .first_chunk::<4>()
        .map(|chunk| u64::from(u32::from_le_bytes(*chunk)))
}

/// A bit per hashed prefix: a clear bit rules a position out. 2^14 bits, 2 KiB, small
/// enough to stay in the fastest cache while a page is read.
struct Filter([u64; 256]);

impl Default for Filter {
    fn default() -> Self {
        Filter([0; 256])
    }
}

impl Filter {
    fn slot(key: u64) -> (usize, u64) {
        let slot = key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50;
        ((slot >> 6) as usize & 0xff, 1 << (slot & 63))
    }

    fn insert(&mut self, key: u64) {
        let (word, bit) = Self::slot(key);
        self.0[word] |= bit;
    }

    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let (word, bit) = Self::slot(key);
        self.0[word] & bit != 0
    }
}

/// Needle prefixes of one length: the filter, then the sorted (prefix, needle) pairs.
#[derive(Default)]
struct Prefixes {
    filter: Filter,
    keys: Vec<(u64, usize)>,
}

impl Prefixes {
    fn insert(&mut self, key: u64, id: usize) {
        self.filter.insert(key);
        self.keys.push((key, id));
    }

    /// The needles with this prefix, in id order.
    fn with_key(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let from = self.keys.partition_point(|&(k, _)| k < key);
        self.keys[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, id)| id)
    }
}

pub(super) fn is_amount(needle: &str) -> bool {
    needle
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// An amount found inside a longer number is not that amount.
pub(super) fn number_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !after.is_some_and(|c| {
            c.is_ascii_digit()
                || (c == ',' || c == '.')
                    && text[end + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use crate::leak::scan_account;
    use crate::leak::tests::{account, ACCOUNT};

    #[test]
    fn finds_amounts_only_as_whole_numbers() {
        let file = account(ACCOUNT);
        assert_eq!(
            scan_account(&file, &[("a.html", b"<td>USD 1,200,000</td>")]).len(),
            1
        );
        assert_eq!(
            scan_account(&file, &[("a.md", b"worth 1200000 a year")]).len(),
            1
        );
        assert!(scan_account(&file, &[("a.md", b"ref 91200000")]).is_empty());
    }

    #[test]
    fn a_needle_at_the_very_end_of_a_file_is_found() {
        let file = account(ACCOUNT);
        for (path, bytes) in [
            (
                "a.html",
                &b"<p>x</p>qualifying their competitor Blue Forge as a fallback"[..],
            ),
            (
                "a.md",
                b"We are quietly qualifying their competitor Blue Forge as a FALLBACK",
            ),
            (
                "a.css",
                b"/* raj hates long meetings and will not read decks",
            ),
            (
                "a.html",
                b"<p title=\"raj hates long meetings and will not read decks\">",
            ),
        ] {
            let leaks = scan_account(&file, &[(path, bytes)]);
            assert_eq!(leaks.len(), 1, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn amounts_at_the_ends_of_a_file_and_next_to_punctuation() {
        let file = account(ACCOUNT);
        for (bytes, found) in [
            (&b"1,200,000"[..], true),
            (b"1200000", true),
            (b"(1,200,000).", true),
            (b"1,200,000.", true),
            (b"1,200,000, then", true),
            (b"1,200,000.5", false),
            (b"1,200,0000", false),
            (b"11,200,000", false),
            (b".1200000", false),
            (b"1,200,000,5", false),
        ] {
            let leaks = scan_account(&file, &[("a.md", bytes)]);
            assert_eq!(
                !leaks.is_empty(),
                found,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
