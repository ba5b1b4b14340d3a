//! The text of a printed PDF, for the leak guard: what a reader of the PDF can select
//! and copy. Chromium writes its text with CID fonts and a ToUnicode map per font, which
//! `pdf-extract` (pure Rust, over `lopdf`) reads back to Unicode.

/// The text of `pdf`. A PDF whose text cannot be read is an error, not an empty text: a
/// document the guard cannot read must not be shared unread.
pub fn extract(pdf: &[u8]) -> Result<String, String> {
    // pdf-extract panics on some malformed input rather than failing; the PDFs here come
    // from the browser, but a panic must still not take the build down with it.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(pdf));
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(format!("cannot read the text of the PDF: {e}")),
        Err(_) => Err("cannot read the text of the PDF: the reader failed".into()),
    }
}
