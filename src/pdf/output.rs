//! What is done to every PDF the browser returns: checked, made reproducible, written.

use super::isolate::Job;
use std::fs;

/// Checks the PDF of `job`, blanks its timestamps and writes it beside the HTML.
pub fn deliver(job: &Job, mut bytes: Vec<u8>) -> Result<(), String> {
    check_pdf(&bytes)?;
    blank_timestamps(&mut bytes);
    renumber_node_ids(&mut bytes);
    fs::write(&job.pdf, &bytes).map_err(|e| format!("cannot write the PDF: {e}"))
}

/// A PDF the browser wrote: not empty, and a PDF.
pub fn check_pdf(bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() {
        Err("the browser wrote an empty PDF".into())
    } else if !bytes.starts_with(b"%PDF-") {
        Err("the browser wrote a file that is not a PDF".into())
    } else {
        Ok(())
    }
}

/// Blanks `/CreationDate (D:…)` and `/ModDate (D:…)` with spaces of the same length, so
/// object offsets stay valid and the same build gives the same bytes. Both entries are
/// optional in PDF. Returns whether anything changed. (Skia writes no document `/ID`,
/// the other varying entry PDFs may have; `tests/browser.rs` compares two builds.)
pub fn blank_timestamps(bytes: &mut [u8]) -> bool {
    let mut changed = false;
    for key in [&b"/CreationDate"[..], &b"/ModDate"[..]] {
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key).map(|i| i + from) {
            from = at + key.len();
            let rest = &bytes[from..];
            let open = rest.iter().take_while(|b| **b == b' ').count();
            if !rest[open..].starts_with(b"(D:") {
                continue;
            }
            let Some(close) = rest[open..].iter().take(40).position(|b| *b == b')') else {
                continue;
            };
            let end = from + open + close + 1;
            let date = &bytes[from + open + 1..end - 1];
            if date
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+-':".contains(b))
            {
                bytes[at..end].fill(b' ');
                changed = true;
                from = end;
            }
        }
    }
    changed
}

/// The literal strings a tagged PDF names its structure elements by, `(node00000694)`,
/// are DOM node ids: a counter of the renderer, so the same page printed after other
/// pages in the same tab gets other numbers. They are renumbered here by rank, 1 for the
/// smallest, at the same width: offsets stay valid, and so does the sort order of the
/// `/IDTree` name tree that maps them to elements. Returns whether anything changed.
pub fn renumber_node_ids(bytes: &mut [u8]) -> bool {
    const PREFIX: &[u8] = b"(node";
    const DIGITS: usize = 8;
    let ids = || {
        let bytes: &[u8] = bytes;
        (0..bytes.len().saturating_sub(PREFIX.len() + DIGITS))
            .filter(move |&at| {
                bytes[at..].starts_with(PREFIX)
                    && bytes[at + PREFIX.len()..at + PREFIX.len() + DIGITS]
                        .iter()
                        .all(u8::is_ascii_digit)
                    && bytes.get(at + PREFIX.len() + DIGITS) == Some(&b')')
            })
            .map(|at| at + PREFIX.len())
    };
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'))
    };
    let mut numbers: Vec<u64> = ids().map(|at| number(&bytes[at..at + DIGITS])).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let places: Vec<usize> = ids().collect();
    let mut changed = false;
    for at in places {
        let old = number(&bytes[at..at + DIGITS]);
        let rank = numbers.binary_search(&old).unwrap_or(0) + 1;
        let new = format!("{rank:0width$}", width = DIGITS);
        if new.as_bytes() != &bytes[at..at + DIGITS] {
            bytes[at..at + DIGITS].copy_from_slice(new.as_bytes());
            changed = true;
        }
    }
    changed
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn timestamps_are_blanked_in_place() {
        let mut pdf = b"%PDF-1.4\n<</Producer (Skia/PDF m148)\n/CreationDate (D:20261126140756+00'00')\n/ModDate (D:20261126140757+00'00')>>\nxref".to_vec();
        let before = pdf.len();
        assert!(blank_timestamps(&mut pdf));
        assert_eq!(
            pdf.len(),
            before,
            "offsets in the xref table must stay valid"
        );
        let text = String::from_utf8(pdf.clone()).unwrap();
        assert!(!text.contains("CreationDate") && !text.contains("ModDate"));
        assert!(!text.contains("2026"));
        assert!(text.contains("/Producer (Skia/PDF m148)") && text.ends_with(">>\nxref"));
        assert!(!blank_timestamps(&mut pdf), "nothing left to blank");
    }

    #[test]
    fn node_ids_are_renumbered_by_rank_in_place() {
        let pdf = |ids: [&str; 3]| {
            format!(
                "<</S /TH /ID (node{})>>\n<</S /TD /ID (node{})>>\n<</Names [(node{}) 3 0 R (node{}) 4 0 R] /Limits [(node{}) (node{})]>> (node1) (node123456789)",
                ids[0], ids[1], ids[0], ids[1], ids[0], ids[2]
            )
            .into_bytes()
        };
        let mut first = pdf(["00000694", "00000700", "00000700"]);
        let mut second = pdf(["00000475", "00000481", "00000481"]);
        let before = first.len();
        assert!(renumber_node_ids(&mut first));
        assert!(renumber_node_ids(&mut second));
        assert_eq!(first.len(), before);
        assert_eq!(first, second, "the same page prints the same bytes");
        assert_eq!(first, pdf(["00000001", "00000002", "00000002"]));
        assert!(!renumber_node_ids(&mut first), "already in rank order");
    }

    #[test]
    fn only_pdfs_pass_the_output_check() {
        assert!(check_pdf(b"%PDF-1.4\n...").is_ok());
        assert!(check_pdf(b"").unwrap_err().contains("empty"));
        assert!(check_pdf(b"<html>").unwrap_err().contains("not a PDF"));
    }
}
