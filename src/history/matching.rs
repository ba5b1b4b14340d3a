//! Pairs the items of two versions of a list that has no ids (commitments, milestones,
//! committees, events), so that an edited item is reported as edited, not as removed and
//! added. Identity first, then a weaker key (same party and date), then similar wording.

/// Wording at least this similar (0..1) pairs two items that share nothing else.
pub const SIMILAR: f64 = 0.6;

/// How two versions of a list line up.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pairs {
    /// (old index, new index), by new index.
    pub pairs: Vec<(usize, usize)>,
    /// New indices with no old partner, ascending.
    pub added: Vec<usize>,
    /// Old indices with no new partner, ascending.
    pub removed: Vec<usize>,
}

/// What the matcher needs to know about one kind of item.
pub struct Rules<'f, T> {
    /// The same item, unchanged in what identifies it.
    pub same: &'f dyn Fn(&T, &T) -> bool,
    /// Probably the same item, edited (e.g. same party and date, new wording).
    pub close: &'f dyn Fn(&T, &T) -> bool,
    /// The wording compared by similarity.
    pub text: &'f dyn Fn(&T) -> &str,
}

/// How alike two wordings are, 0..1: the better of edit distance (typos, small edits) and
/// bigram overlap (reordered words).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    strsim::normalized_levenshtein(&a, &b).max(strsim::sorensen_dice(&a, &b))
}

/// Pairs `old` with `new`.
pub fn pair<T>(old: &[T], new: &[T], rules: &Rules<'_, T>) -> Pairs {
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut pairs = Vec::new();
    // Identical items: the one at the same position first, so duplicates keep their order.
    for (j, n) in new.iter().enumerate() {
        let same_place = old.get(j).filter(|o| !old_used[j] && (rules.same)(o, n));
        let found = match same_place {
            Some(_) => Some(j),
            None => (0..old.len()).find(|&i| !old_used[i] && (rules.same)(&old[i], n)),
        };
        if let Some(i) = found {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
        }
    }
    // Edited items: close ones at any similarity, then any at high similarity.
    for close_only in [true, false] {
        let mut candidates = Vec::new();
        for (i, o) in old.iter().enumerate().filter(|(i, _)| !old_used[*i]) {
            for (j, n) in new.iter().enumerate().filter(|(j, _)| !new_used[*j]) {
                if close_only && !(rules.close)(o, n) {
                    continue;
                }
                let score = similarity((rules.text)(o), (rules.text)(n));
                if close_only || score >= SIMILAR {
                    candidates.push((i != j, -score, i.abs_diff(j), j, i));
                }
            }
        }
        candidates.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
        });
        for (_, _, _, j, i) in candidates {
            if !old_used[i] && !new_used[j] {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_by_key(|&(_, j)| j);
    Pairs {
        pairs,
        added: (0..new.len()).filter(|&j| !new_used[j]).collect(),
        removed: (0..old.len()).filter(|&i| !old_used[i]).collect(),
    }
}

/// Pairs items that carry an id; an id that appears twice pairs in order.
pub fn pair_by_id<T>(old: &[T], new: &[T], id: impl Fn(&T) -> &str) -> Pairs {
    let same = |a: &T, b: &T| id(a) == id(b);
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut added = Vec::new();
    for (j, n) in new.iter().enumerate() {
        match (0..old.len()).find(|&i| !old_used[i] && same(&old[i], n)) {
            Some(i) => {
                old_used[i] = true;
                pairs.push((i, j));
            }
            None => added.push(j),
        }
    }
    Pairs {
        pairs,
        added,
        removed: (0..old.len()).filter(|&i| !old_used[i]).collect(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn texts<'a>(old: &'a [&'a str], new: &'a [&'a str]) -> Pairs {
        pair(
            old,
            new,
            &Rules {
                same: &|a: &&str, b: &&str| a == b,
                close: &|_: &&str, _: &&str| false,
                text: &|t: &&str| t,
            },
        )
    }

    #[test]
    fn a_reworded_item_pairs_with_its_old_wording() {
        let p = texts(
            &[
                "Raise pricing discrepancies within 10 days",
                "Share forecasts",
            ],
            &[
                "Share forecasts",
                "Raise any pricing discrepancy within 5 working days",
            ],
        );
        assert_eq!(p.pairs, vec![(1, 0), (0, 1)]);
        assert!(p.added.is_empty() && p.removed.is_empty());
    }

    #[test]
    fn unrelated_items_are_added_and_removed() {
        let p = texts(&["Weekly call"], &["Quarterly audit of invoices"]);
        assert!(p.pairs.is_empty());
        assert_eq!((p.added, p.removed), (vec![0], vec![0]));
    }

    #[test]
    fn close_items_pair_at_any_similarity_same_position_first() {
        let rules = Rules {
            same: &|a: &(u8, &str), b: &(u8, &str)| a == b,
            close: &|a: &(u8, &str), b: &(u8, &str)| a.0 == b.0,
            text: &|t: &(u8, &str)| t.1,
        };
        let p = pair(&[(1, "aaa"), (1, "bbb")], &[(1, "xxx"), (1, "yyy")], &rules);
        assert_eq!(p.pairs, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn duplicate_ids_pair_in_order() {
        let p = pair_by_id(&["a", "a", "b"], &["a", "c", "a"], |s| s);
        assert_eq!(p.pairs, vec![(0, 0), (1, 2)]);
        assert_eq!((p.added, p.removed), (vec![1], vec![2]));
    }
}
