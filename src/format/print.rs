//! The printed page: `page.css`, written beside `style.css` in every audience folder, sets
//! the paper size from `rapport.yaml` and the running marks every printed page carries:
//! "Internal — do not forward" on internal pages, the two companies' names on shared ones,
//! and the page numbers, all in the body font.
//!
//! It is a file of its own, not part of `style.css`, because it is generated from the
//! workspace (paper, names) while `style.css` is a template a workspace may replace: a
//! replaced stylesheet keeps the right paper and marks, and may still restyle them
//! (it is linked after this one).

use crate::model::Paper;

/// The words of the page numbers, "Page 2 of 5", in the folder's language (`i18n`, which
/// this module does not import: `format` sits below it).
#[derive(Debug, Clone, Copy)]
pub struct PageWords<'a> {
    pub page: &'a str,
    pub of: &'a str,
}

/// The body font of `style.css`: page-margin boxes do not inherit it from the page.
const BODY_FONT: &str = r#"-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#;

/// The `page.css` of one audience folder: `marking` runs at the top of every page, the page
/// numbers in `words` at the bottom.
pub fn page_css(paper: Paper, marking: &str, words: PageWords) -> String {
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let marking = css_string(marking);
    let page = css_string(&format!("{} ", words.page));
    let of = css_string(&format!(" {} ", words.of));
    format!(
        "/* rapport: the printed page, generated from rapport.yaml (paper: {paper}). */\n\
@page {{ size: {size}; margin: 18mm 14mm 18mm;\n\
\x20 @top-left {{ content: {marking}; font: 8pt {BODY_FONT}; color: #5f6b7a; }}\n\
\x20 @bottom-right {{ content: {page} counter(page) {of} counter(pages); font: 8pt {BODY_FONT}; color: #5f6b7a; }} }}\n"
    )
}

/// `text` as a CSS string literal: quotes, backslashes and control characters escaped, so
/// a company name cannot end the string or the rule.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // A hexadecimal escape ends with a space, which CSS swallows.
            c if c.is_control() || c == '<' || c == '>' => {
                out.push_str(&format!("\\{:x} ", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: PageWords<'static> = PageWords {
        page: "Page",
        of: "of",
    };

    #[test]
    fn the_paper_size_follows_the_workspace() {
        assert!(page_css(Paper::A4, "x", ENGLISH).contains("size: A4;"));
        assert!(page_css(Paper::Letter, "x", ENGLISH).contains("size: letter;"));
    }

    #[test]
    fn the_marking_runs_at_the_top_of_every_page_in_the_body_font() {
        let css = page_css(Paper::A4, "Internal — do not forward", ENGLISH);
        assert!(css.contains(
            "@top-left { content: \"Internal — do not forward\"; font: 8pt -apple-system"
        ));
        assert!(css.contains("@bottom-right { content: \"Page \" counter(page)"));
    }

    #[test]
    fn the_page_numbers_read_in_the_folders_language() {
        let words = PageWords {
            page: "Seite",
            of: "von",
        };
        let css = page_css(Paper::A4, "x", words);
        assert!(css.contains("content: \"Seite \" counter(page) \" von \" counter(pages);"));
    }

    #[test]
    fn a_name_cannot_break_out_of_its_string() {
        let css = page_css(Paper::A4, "A \"B\" \\ C\n}</style>", ENGLISH);
        assert!(
            css.contains(r#"content: "A \"B\" \\ C\a }\3c /style\3e ";"#),
            "{css}"
        );
    }
}
