//! The layout of a built site: every output path rapport writes, in one place. `view`
//! names pages with it, `build` and `serve` place files with it, `pdf` finds what to print
//! with it, and the leak guard finds an account's shared files with it.
//!
//! Page paths are relative to the output root and have no extension: each page is written
//! as `PATH.html` and `PATH.md`.

/// The folder for our own account team.
pub const INTERNAL: &str = "internal";
/// The folder holding one folder per account for the other company.
pub const SHARED: &str = "shared";
/// The portfolio page.
pub const PORTFOLIO: &str = "internal/index";
/// The portfolio's figures for spreadsheets and BI.
pub const PORTFOLIO_JSON: &str = "internal/portfolio.json";
/// The internal site's stylesheet.
pub const INTERNAL_STYLESHEET: &str = "internal/style.css";
/// The internal site's table sorting and filtering script.
pub const INTERNAL_TABLE_SCRIPT: &str = "internal/tables.js";
/// The search page of the internal site, its script, and its index files.
pub const SEARCH: &str = "internal/search";
pub const INTERNAL_SEARCH_SCRIPT: &str = "internal/search.js";
/// One file of the search index (`build/search.rs`): `docs` or a shard key.
pub fn search_file(name: &str) -> String {
    format!("internal/search/{name}.js")
}
/// The internal site's printed-page rules (`format::print`).
pub const INTERNAL_PAGE_CSS: &str = "internal/page.css";
/// The file name of a statement page, inside an account's shared folder.
pub const STATEMENT_FILE: &str = "statement.html";
/// Every account's dated items, for our own team (docs/calendars.md).
pub const INTERNAL_CALENDAR: &str = "internal/calendar.ics";
/// The file name of an account's shared calendar, inside its shared folder.
pub const CALENDAR_FILE: &str = "calendar.ics";

/// An account's internal folder: its page and review packs.
pub fn account_folder(id: &str) -> String {
    format!("internal/accounts/{id}")
}

/// An account's shared folder: everything that may go to the other company and nothing
/// else.
pub fn shared_folder(id: &str) -> String {
    format!("shared/{id}")
}

/// Whether an output file lies in an account's shared folder.
pub fn in_shared_folder(file: &str, id: &str) -> bool {
    file.strip_prefix("shared/")
        .and_then(|rest| rest.strip_prefix(id))
        .is_some_and(|rest| rest.starts_with('/'))
}

pub fn account(id: &str) -> String {
    format!("internal/accounts/{id}/index")
}

pub fn review_pack(id: &str, quarter: &str) -> String {
    format!("internal/accounts/{id}/{quarter}")
}

pub fn shared_index(id: &str) -> String {
    format!("shared/{id}/index")
}

pub fn statement(id: &str) -> String {
    format!("shared/{id}/statement")
}

pub fn progress(id: &str, quarter: &str) -> String {
    format!("shared/{id}/{quarter}")
}

/// The stylesheet of an account's shared folder: each folder is complete on its own.
pub fn shared_stylesheet(id: &str) -> String {
    format!("shared/{id}/style.css")
}

/// An account's shared calendar: its shared dated items only.
pub fn shared_calendar(id: &str) -> String {
    format!("shared/{id}/{CALENDAR_FILE}")
}

/// The printed-page rules of an account's shared folder (`format::print`).
pub fn shared_page_css(id: &str) -> String {
    format!("shared/{id}/page.css")
}

/// The index of relationship owners.
pub const OWNERS: &str = "internal/owners/index";

/// An owner's page ("my accounts").
pub fn owner(slug: &str) -> String {
    format!("internal/owners/{slug}")
}

/// An owner's name as a file name: its letters and digits in lower case, every other run
/// of characters one `-`, none at either end. Two spellings with the same slug are one
/// owner.
pub fn owner_slug(owner: &str) -> String {
    let mut slug = String::with_capacity(owner.len());
    for c in owner.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("owner");
    }
    if slug.len() > MAX_SLUG_BYTES {
        // A long name keeps its start, readable, and a digest of the rest, distinct.
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(slug.as_bytes());
        let mut cut = MAX_SLUG_BYTES - 9;
        while !slug.is_char_boundary(cut) {
            cut -= 1;
        }
        slug.truncate(cut);
        let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        slug = format!("{}-{hex}", slug.trim_end_matches('-'));
    }
    slug
}

/// File names stay far below every file system's limit (255 bytes).
const MAX_SLUG_BYTES: usize = 64;

/// The calendar of one owner's accounts (`slug` from [`owner_slug`]).
pub fn owner_calendar(slug: &str) -> String {
    format!("internal/owners/{slug}.ics")
}

/// Page `number` (from 1) of the list of every account, when the portfolio is too large
/// to list them on its own page.
pub fn account_list(number: usize) -> String {
    format!("internal/list/{number}")
}

/// `../` repeated to reach the audience root (`internal/` or `shared/<id>/`) from a page.
pub fn relative_root(page: &str) -> String {
    let depth = page.matches('/').count();
    let audience_depth = if page.starts_with("shared/") { 2 } else { 1 };
    "../".repeat(depth.saturating_sub(audience_depth))
}

/// Whether an output file (relative to the output root) is printed by `build --pdf`:
/// review packs (`internal/accounts/<id>/<YYYY-Qn>.html`) and statements
/// (`shared/<id>/statement.html`).
pub fn is_printable(file: &str) -> bool {
    let parts: Vec<&str> = file.split('/').collect();
    match parts.as_slice() {
        ["internal", "accounts", _, name] => name.strip_suffix(".html").is_some_and(is_quarter),
        ["shared", _, name] => *name == STATEMENT_FILE,
        _ => false,
    }
}

/// `YYYY-Qn`, the stem of a review pack or progress page.
fn is_quarter(stem: &str) -> bool {
    let bytes = stem.as_bytes();
    bytes.len() == 7
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && &bytes[4..6] == b"-Q"
        && (b'1'..=b'4').contains(&bytes[6])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_slugs_fold_case_and_punctuation() {
        assert_eq!(owner_slug("Dana Whitfield"), "dana-whitfield");
        assert_eq!(owner_slug("  dana   WHITFIELD "), "dana-whitfield");
        assert_eq!(owner_slug("D. Whitfield"), "d-whitfield");
        assert_eq!(owner_slug("José Núñez"), "josé-núñez");
        assert_eq!(owner_slug("../.."), "owner");
        let long = owner_slug(&"Name ".repeat(40));
        assert!(long.len() <= 64 && long.starts_with("name-name-"), "{long}");
        assert_ne!(long, owner_slug(&"Name ".repeat(41)));
    }

    #[test]
    fn relative_roots_reach_the_audience_root() {
        assert_eq!(relative_root("internal/index"), "");
        assert_eq!(relative_root("internal/accounts/a/index"), "../../");
        assert_eq!(relative_root("shared/a/statement"), "");
    }

    #[test]
    fn pages_land_in_their_audience_folder() {
        assert!(account("a").starts_with(&account_folder("a")));
        assert!(review_pack("a", "2026-Q1").starts_with(&account_folder("a")));
        for shared in [
            shared_index("a"),
            statement("a"),
            progress("a", "2026-Q1"),
            shared_stylesheet("a"),
            shared_calendar("a"),
        ] {
            assert!(in_shared_folder(&shared, "a"), "{shared}");
            assert!(shared.starts_with(&shared_folder("a")), "{shared}");
        }
        assert!(!in_shared_folder("shared/ab/index.html", "a"));
        assert!(!in_shared_folder("internal/accounts/a/index.html", "a"));
    }

    #[test]
    fn owner_slugs_fold_spellings_together() {
        assert_eq!(owner_slug("dana"), "dana");
        assert_eq!(owner_slug("Dana Smith"), "dana-smith");
        assert_eq!(owner_slug("  dana--smith "), "dana-smith");
        assert_eq!(owner_slug("Zoë O'Neil"), "zoë-o-neil");
        assert_eq!(owner_slug("---"), "owner");
        assert_eq!(owner_calendar("dana"), "internal/owners/dana.ics");
        assert!(!in_shared_folder(&owner_calendar("a"), "a"));
    }

    #[test]
    fn review_pack_stems_are_quarters() {
        assert!(is_quarter("2026-Q3"));
        assert!(is_quarter("1999-Q1"));
        assert!(!is_quarter("2026-Q5"));
        assert!(!is_quarter("index"));
        assert!(!is_quarter("2026-Q3x"));
        assert!(!is_quarter("26-Q3"));
    }

    #[test]
    fn prints_review_packs_and_statements_only() {
        let printable: Vec<&str> = [
            "internal/index.html",
            "internal/accounts/a/index.html",
            "internal/accounts/a/2026-Q1.html",
            "internal/accounts/a/2026-Q1.md",
            "internal/accounts/b/2025-Q4.html",
            "shared/a/statement.html",
            "shared/a/statement.md",
            "shared/a/2026-Q1.html",
            "shared/a/index.html",
        ]
        .into_iter()
        .filter(|f| is_printable(f))
        .collect();
        assert_eq!(
            printable,
            [
                "internal/accounts/a/2026-Q1.html",
                "internal/accounts/b/2025-Q4.html",
                "shared/a/statement.html"
            ]
        );
    }
}
