//! What is done to every PDF the browser returns: checked, made reproducible, written.

use super::isolate::Job;
use std::fs;

/// Checks the PDF of `job`, blanks its timestamps and writes it beside the HTML.
pub fn deliver(job: &Job, mut bytes: Vec<u8>) -> Result<(), String> {
    check_pdf(&bytes)?;
    blank_timestamps(&mut bytes);
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
    fn only_pdfs_pass_the_output_check() {
        assert!(check_pdf(b"%PDF-1.4\n...").is_ok());
        assert!(check_pdf(b"").unwrap_err().contains("empty"));
        assert!(check_pdf(b"<html>").unwrap_err().contains("not a PDF"));
    }
}
