//! `build --pdf`: prints review packs and statements to PDF with a local Chromium. (Being built.)

use std::path::{Path, PathBuf};

/// Where to find the browser.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The executable named with `--chrome`, if any.
    pub chrome: Option<PathBuf>,
}

/// Why PDFs could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("PDF printing is not available in this build yet")]
    Unavailable,
}

/// Prints every review pack and statement under `site_root` to a PDF beside its HTML.
pub fn print_all(site_root: &Path, options: &PdfOptions) -> Result<usize, PdfError> {
    let _ = (site_root, options);
    Err(PdfError::Unavailable)
}
