//! "Did you mean" suggestions for misspelt field names and values.

/// The known name closest to `input`, if it is close enough to be a likely typo.
pub fn nearest<'a, S: AsRef<str>>(input: &str, known: &'a [S]) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    known
        .iter()
        .map(|k| {
            (
                strsim::damerau_levenshtein(&input_lower, k.as_ref()),
                k.as_ref(),
            )
        })
        .filter(|(distance, k)| *distance <= (k.len().max(input.len()) / 3).max(1))
        .min_by_key(|(distance, k)| (*distance, *k))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_names_only() {
        let known = ["name", "kind", "commitments", "criteria"];
        assert_eq!(nearest("comitments", &known), Some("commitments"));
        assert_eq!(nearest("Kind", &known), Some("kind"));
        assert_eq!(nearest("zebra", &known), None);
    }
}
