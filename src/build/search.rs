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
use crate::model::Workspace;
use crate::paths;
use crate::site::OutputFile;
use std::collections::{BTreeMap, BTreeSet};

/// Words shorter than this are not indexed (the search page says so).
const MIN_WORD_CHARS: usize = 2;
/// Longer "words" are URLs or identifiers; their first characters are indexed.
const MAX_WORD_CHARS: usize = 32;

/// The words of `text`: runs of letters and digits, lower case.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(|w| {
            w.chars()
                .take(MAX_WORD_CHARS)
                .collect::<String>()
                .to_lowercase()
        })
}

/// The shard a word is in: the hex of its first two characters' UTF-8.
pub fn shard_key(word: &str) -> String {
    let prefix: String = word.chars().take(2).collect();
    prefix.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The index files: `internal/search/docs.js` and the shards.
pub fn index_files(workspace: &Workspace) -> Vec<OutputFile> {
    // shard -> word -> account indices (ascending, as accounts are visited in order)
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    let mut docs = Vec::with_capacity(workspace.accounts.len());
    for (i, file) in workspace.accounts.iter().enumerate() {
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
        for word in seen {
            shards
                .entry(shard_key(&word))
                .or_default()
                .entry(word)
                .or_default()
                .push(i);
        }
        let owner = crate::view::owners::owner_name(file).unwrap_or_default();
        docs.push(serde_json::json!([
            account.name,
            format!("accounts/{}/index.html", file.id),
            format!("{} · {}", account.kind, owner).trim_end_matches(" · "),
        ]));
    }
    let mut files = vec![OutputFile {
        path: paths::search_file("docs"),
        bytes: format!("rapportSearch.docs({});\n", serde_json::Value::Array(docs)).into_bytes(),
    }];
    files.extend(shards.into_iter().map(|(key, words)| {
        OutputFile {
            path: paths::search_file(&key),
            bytes: format!(
                "rapportSearch.shard({}, {});\n",
                serde_json::Value::String(key.clone()),
                serde_json::to_string(&words).unwrap_or_else(|_| "{}".into())
            )
            .into_bytes(),
        }
    }));
    files
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
