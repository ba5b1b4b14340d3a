//! The internal site's search index: every word of every account's texts (name, people,
//! goals, commitments, events, disputes, notes: all that `leak::classify` finds, internal
//! and shared), so `internal/search.html` finds an account by any of them.
//!
//! Why a small generated index rather than Pagefind: the site is meant to be opened from
//! disk (`file://`), where a page may not `fetch` other files, and Pagefind loads its
//! index with `fetch` and runs WebAssembly (which the Content-Security-Policy would have to
//! allow). Here the index is plain script files, loaded as `<script src>` (allowed from the
//! page's own folder): `search/docs.js` lists the accounts, and one shard per two-letter
//! word prefix (`search/<hex of the prefix>.js`) maps each word to the accounts holding it,
//! so a query loads only the shards of its words and no file grows with the portfolio as
//! a whole. The index is internal only: it is written under `internal/search/`, never in a
//! shared folder.

use crate::leak;
use crate::model::{AccountFile, Workspace};
use crate::paths;
use crate::site::OutputFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Words shorter than this are not indexed (the search page says so).
const MIN_WORD_CHARS: usize = 2;
/// Longer "words" are URLs or identifiers; their first characters are indexed.
const MAX_WORD_CHARS: usize = 32;

/// The words of `text`: runs of letters and digits, lower case.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(|w| {
            if w.is_ascii() {
                // One byte a character: the same cut and case, without a second string.
                w.get(..MAX_WORD_CHARS).unwrap_or(w).to_ascii_lowercase()
            } else {
                w.chars()
                    .take(MAX_WORD_CHARS)
                    .collect::<String>()
                    .to_lowercase()
            }
        })
}

/// The shard a word is in: the hex of its first two characters' UTF-8.
pub fn shard_key(word: &str) -> String {
    use std::fmt::Write;
    let prefix_len: usize = word.chars().take(2).map(char::len_utf8).sum();
    let mut key = String::with_capacity(2 * prefix_len);
    for b in word.bytes().take(prefix_len) {
        let _ = write!(key, "{b:02x}");
    }
    key
}

/// The search index of a workspace, kept whole in memory so that `serve` can take an edited
/// account's words out and put its new ones in, and write only the shards that changed.
pub struct SearchIndex {
    /// Each account's distinct words, sorted.
    words: Vec<Vec<String>>,
    /// Each account's entry of `docs.js`: name, page, kind and owner.
    docs: Vec<serde_json::Value>,
    /// shard -> word -> the indices of the accounts that hold it, ascending.
    shards: BTreeMap<String, BTreeMap<String, Vec<usize>>>,
}

impl SearchIndex {
    /// The index of every account of `workspace`; the words of each are found in parallel.
    pub fn new(workspace: &Workspace) -> SearchIndex {
        let (words, docs): (Vec<Vec<String>>, Vec<serde_json::Value>) = workspace
            .accounts
            .par_iter()
            .map(|file| (account_words(file), doc(file)))
            .unzip();
        // Each distinct word is looked up by hash while the accounts are gone through, and
        // copied and put in its shard once: a large portfolio repeats its words millions of
        // times.
        let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, account) in words.iter().enumerate() {
            for word in account {
                holders.entry(word.as_str()).or_default().push(i);
            }
        }
        let mut shards: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (word, accounts) in holders {
            shards
                .entry(shard_key(word))
                .or_default()
                .insert(word.to_string(), accounts);
        }
        SearchIndex {
            words,
            docs,
            shards,
        }
    }

    /// Indexes the account at `index` again from `file`; returns the keys of the shards
    /// whose contents changed (some may now be empty: see [`SearchIndex::has_shard`]).
    pub fn replace(&mut self, index: usize, file: &AccountFile) -> BTreeSet<String> {
        let new = account_words(file);
        let old = std::mem::replace(&mut self.words[index], new.clone());
        self.docs[index] = doc(file);
        let mut touched = BTreeSet::new();
        for word in old.iter().filter(|w| new.binary_search(w).is_err()) {
            let key = shard_key(word);
            if let Some(shard) = self.shards.get_mut(&key) {
                if let Some(holders) = shard.get_mut(word) {
                    if let Ok(at) = holders.binary_search(&index) {
                        holders.remove(at);
                    }
                    if holders.is_empty() {
                        shard.remove(word);
                    }
                }
                if shard.is_empty() {
                    self.shards.remove(&key);
                }
            }
            touched.insert(key);
        }
        for word in new.iter().filter(|w| old.binary_search(w).is_err()) {
            let key = shard_key(word);
            let holders = self
                .shards
                .entry(key.clone())
                .or_default()
                .entry(word.clone())
                .or_default();
            if let Err(at) = holders.binary_search(&index) {
                holders.insert(at, index);
            }
            touched.insert(key);
        }
        touched
    }

    /// Whether a shard has any word.
    pub fn has_shard(&self, key: &str) -> bool {
        self.shards.contains_key(key)
    }

    /// `internal/search/docs.js` and the shards: every shard, or only those in `only`
    /// that still have words.
    pub fn files(&self, only: Option<&BTreeSet<String>>) -> Vec<OutputFile> {
        let mut files = vec![OutputFile {
            path: paths::search_file("docs"),
            bytes: format!(
                "rapportSearch.docs({});\n",
                serde_json::Value::Array(self.docs.clone())
            )
            .into_bytes(),
        }];
        let shards = self
            .shards
            .iter()
            .filter(|(key, _)| only.is_none_or(|keys| keys.contains(*key)));
        files.extend(shards.map(|(key, words)| {
            OutputFile {
                path: paths::search_file(key),
                bytes: format!(
                    "rapportSearch.shard({}, {});\n",
                    serde_json::Value::String(key.clone()),
                    serde_json::to_string(words).unwrap_or_else(|_| "{}".into())
                )
                .into_bytes(),
            }
        }));
        files
    }
}

/// The distinct words of one account's texts, sorted.
fn account_words(file: &AccountFile) -> Vec<String> {
    let account = &file.account;
    let classified = leak::classify(account);
    let texts = classified
        .internal
        .iter()
        .map(|(_, t)| t.as_str())
        .chain(classified.shared.iter().map(String::as_str))
        .chain([account.name.as_str(), file.id.as_str()]);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for text in texts {
        seen.extend(words(text));
    }
    seen.into_iter().collect()
}

/// One account's entry of `docs.js`: [name, page, "kind · owner"].
fn doc(file: &AccountFile) -> serde_json::Value {
    let owner = crate::view::owners::owner_name(file).unwrap_or_default();
    serde_json::json!([
        file.account.name,
        format!("accounts/{}/index.html", file.id),
        format!("{} · {}", file.account.kind, owner).trim_end_matches(" · "),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_runs_of_letters_and_digits() {
        let found: Vec<String> = words("Müller's Q3-plan: x, 2026 ÉTÉ").collect();
        assert_eq!(found, ["müller", "q3", "plan", "2026", "été"]);
    }

    #[test]
    fn long_words_are_cut_and_shards_are_named_by_the_hex_of_two_characters() {
        let long = "a".repeat(100);
        assert_eq!(words(&long).next().map(|w| w.len()), Some(MAX_WORD_CHARS));
        assert_eq!(shard_key("northwind"), "6e6f");
        assert_eq!(shard_key("über"), "c3bc62");
    }
}
