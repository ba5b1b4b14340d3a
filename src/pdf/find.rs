//! Finding the browser: `--chrome`, `$CHROME`, the usual names on `PATH`, then where
//! macOS puts it.

use super::PdfError;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// Executable names tried on `PATH`, most specific first.
pub const BROWSER_NAMES: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// Where macOS puts the browsers, which are not on `PATH` there.
const WELL_KNOWN: [&str; 2] = [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/// The browser to print with: `--chrome`, else `$CHROME`, else the first of
/// [`BROWSER_NAMES`] on `PATH`, else a well-known macOS location.
pub fn find_browser(chrome: Option<&Path>) -> Result<PathBuf, PdfError> {
    let named = |path: &Path, named_by: &'static str| {
        resolve(path).ok_or_else(|| PdfError::BadBrowser {
            path: path.to_path_buf(),
            named_by,
        })
    };
    if let Some(path) = chrome {
        return named(path, "--chrome");
    }
    if let Some(value) = std::env::var_os("CHROME").filter(|v| !v.is_empty()) {
        return named(Path::new(&value), "the CHROME environment variable");
    }
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    BROWSER_NAMES
        .iter()
        .find_map(|name| on_path(&path_var, name))
        .or_else(|| {
            WELL_KNOWN
                .iter()
                .map(PathBuf::from)
                .find(|p| is_executable(p))
        })
        .ok_or(PdfError::NoBrowser)
}

/// A path as given, or a bare name looked up on `PATH` (`--chrome chromium` works).
fn resolve(path: &Path) -> Option<PathBuf> {
    if path.components().count() == 1 && !path.has_root() {
        if let Some(found) = on_path(&std::env::var_os("PATH").unwrap_or_default(), path) {
            return Some(found);
        }
    }
    is_executable(path).then(|| path.to_path_buf())
}

fn on_path(path_var: &OsString, name: impl AsRef<Path>) -> Option<PathBuf> {
    let mut file = name.as_ref().as_os_str().to_owned();
    file.push(std::env::consts::EXE_SUFFIX);
    std::env::split_paths(path_var)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(&file))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_explicit_browser_must_exist() {
        let err = find_browser(Some(Path::new("/no/such/chromium"))).unwrap_err();
        assert!(matches!(
            err,
            PdfError::BadBrowser {
                named_by: "--chrome",
                ..
            }
        ));
        let text = err.to_string();
        assert!(text.contains("/no/such/chromium") && text.contains("apt-get install chromium"));
    }
}
