//! The text of a printed PDF, for the leak guard: what a reader of the PDF can select
//! and copy. Chromium writes its text with CID fonts and a ToUnicode map per font, which
//! `pdf-extract` (pure Rust, over `lopdf`) reads back to Unicode, one glyph at a time.
//!
//! The glyphs are put together here rather than by pdf-extract's own plain-text writer:
//! that one adds a space wherever a glyph starts past where the previous one ended, and
//! Chromium's fonts often lack the widths it needs, so a heading came out as
//! "Our shared vi si o n" and a needle would miss it. Chromium draws the spaces between
//! words as glyphs of their own, so none need guessing inside a line; a space is added
//! only at a jump (another table cell, another line).

use pdf_extract::{output_doc, Document, MediaBox, OutputDev, OutputError, Transform};

/// The text of `pdf`. A PDF whose text cannot be read is an error, not an empty text: a
/// document the guard cannot read must not be shared unread.
pub fn extract(pdf: &[u8]) -> Result<String, String> {
    // pdf-extract panics on some malformed input rather than failing; the PDFs here come
    // from the browser, but a panic must still not take the build down with it.
    let result = std::panic::catch_unwind(|| -> Result<String, OutputError> {
        let document = Document::load_mem(pdf)?;
        let mut text = Glyphs::default();
        output_doc(&document, &mut text)?;
        Ok(text.out)
    });
    match result {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(format!("cannot read the text of the PDF: {e}")),
        Err(_) => Err("cannot read the text of the PDF: the reader failed".into()),
    }
}

/// Glyphs in drawing order, joined as described in the module documentation.
#[derive(Default)]
struct Glyphs {
    out: String,
    /// Where the previous glyph started, and its size, on this page.
    last: Option<(f64, f64, f64)>,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.last = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.out.push('\n');
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        _width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, trm.m32);
        // The glyph's size on the page: the font size scaled by the text matrix.
        let size = (font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt()).max(1.0);
        if let Some((last_x, last_y, last_size)) = self.last {
            let em = size.max(last_size);
            if (y - last_y).abs() > em * 0.5 {
                self.out.push('\n');
            } else if x < last_x || x > last_x + em * 1.5 {
                // Back to the left, or further than any glyph is wide: another cell.
                self.out.push(' ');
            }
        }
        self.out.push_str(char);
        self.last = Some((x, y, size));
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_is_not_a_pdf_is_an_error() {
        assert!(super::extract(b"<html>")
            .unwrap_err()
            .contains("cannot read"));
    }
}
