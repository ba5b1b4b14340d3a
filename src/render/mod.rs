//! Rendering: one tera engine built from the embedded templates, then the workspace's own
//! `templates/` overrides (file by file), and the page renderer that turns a view model
//! into `.html` and `.md` text. Built-in templates that no override touches run as
//! compiled Rust (`native`), which writes the same bytes several times faster.

pub mod chart;
pub mod markdown;
mod native;

use crate::view::Page;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use tera::Tera;

/// The built-in templates and assets, embedded in the binary. A file of the same name in a
/// workspace's `templates/` folder replaces the built-in one.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    (
        "portfolio.html",
        include_str!("../../templates/portfolio.html"),
    ),
    ("portfolio.md", include_str!("../../templates/portfolio.md")),
    ("account.html", include_str!("../../templates/account.html")),
    ("account.md", include_str!("../../templates/account.md")),
    ("review.html", include_str!("../../templates/review.html")),
    ("review.md", include_str!("../../templates/review.md")),
    (
        "statement.html",
        include_str!("../../templates/statement.html"),
    ),
    ("statement.md", include_str!("../../templates/statement.md")),
    (
        "progress.html",
        include_str!("../../templates/progress.html"),
    ),
    ("progress.md", include_str!("../../templates/progress.md")),
    (
        "shared-index.html",
        include_str!("../../templates/shared-index.html"),
    ),
    (
        "shared-index.md",
        include_str!("../../templates/shared-index.md"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

/// A template problem, naming the template file and, where tera knows it, the line.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template {name}: {detail}")]
    Template { name: String, detail: String },
    #[error("cannot read template override {path}: {detail}")]
    Override { path: String, detail: String },
}

/// How built-in templates are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Built-in templates run as compiled Rust; a template a workspace overrides (or whose
    /// `base.html` or `macros.html` it overrides) goes through tera. The default.
    Compiled,
    /// Every page through tera, exactly as the template files read: the reference the
    /// compiled renderers are tested against.
    Templates,
}

/// The two files every page is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Html,
    Markdown,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// The template engine and the stylesheet, built once per build and shared by all threads.
pub struct Renderer {
    tera: Tera,
    stylesheet: String,
    /// Templates replaced by a workspace file, so errors can name the file at fault.
    overrides: BTreeMap<String, PathBuf>,
    /// Templates and formats (`account`, HTML) rendered by compiled Rust rather than tera.
    compiled: BTreeSet<(&'static str, Format)>,
}

/// The text of one page in both formats.
pub struct Rendered {
    pub html: String,
    pub md: String,
}

impl Renderer {
    /// Builds the engine from the built-in templates and the overrides in `overrides_dir`
    /// (usually `WORKSPACE/templates`), if that folder exists.
    pub fn new(overrides_dir: Option<&Path>) -> Result<Renderer, RenderError> {
        Renderer::with_engine(overrides_dir, Engine::Compiled)
    }

    /// Like [`Renderer::new`], choosing how built-in templates are rendered.
    pub fn with_engine(
        overrides_dir: Option<&Path>,
        engine: Engine,
    ) -> Result<Renderer, RenderError> {
        let mut sources: HashMap<String, String> = BUILT_IN
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        let mut overrides = BTreeMap::new();
        if let Some(dir) = overrides_dir.filter(|d| d.is_dir()) {
            for (name, _) in BUILT_IN {
                let path = dir.join(name);
                if path.is_file() {
                    let text =
                        std::fs::read_to_string(&path).map_err(|e| RenderError::Override {
                            path: path.display().to_string(),
                            detail: e.to_string(),
                        })?;
                    sources.insert(name.to_string(), text);
                    overrides.insert(name.to_string(), path);
                }
            }
        }
        let stylesheet = sources.remove("style.css").unwrap_or_default();
        let compiled = match engine {
            Engine::Templates => BTreeSet::new(),
            Engine::Compiled => native::TEMPLATES
                .iter()
                .flat_map(|&name| [(name, Format::Html), (name, Format::Markdown)])
                .filter(|&(name, format)| {
                    let overridden = |file: &str| overrides.contains_key(file);
                    let html_parts = format == Format::Html
                        && (overridden("base.html") || overridden("macros.html"));
                    !overridden(&format!("{name}.{}", format.extension())) && !html_parts
                })
                .collect(),
        };
        let mut tera = Tera::default();
        // Parsing the templates is the slowest part of starting a build, and with no
        // override every page is compiled. Debug builds parse them to check every page.
        let every_page_compiled = compiled.len() == 2 * native::TEMPLATES.len();
        if cfg!(debug_assertions) || !every_page_compiled {
            tera.autoescape_on(vec![".html"]);
            tera.register_filter("md", md_filter);
            tera.register_filter("md_cell", md_cell_filter);
            let mut templates: Vec<(String, String)> = sources.into_iter().collect();
            templates.sort();
            tera.add_raw_templates(templates)
                .map_err(|e| template_error(&e, &overrides))?;
        }
        Ok(Renderer {
            tera,
            stylesheet,
            overrides,
            compiled,
        })
    }

    pub fn stylesheet(&self) -> &str {
        &self.stylesheet
    }

    /// Whether the stylesheet comes from the workspace (and so may hold any text) rather
    /// than from rapport.
    pub fn stylesheet_overridden(&self) -> bool {
        self.overrides.contains_key("style.css")
    }

    /// Renders one page as HTML and Markdown.
    pub fn render(&self, page: &Page) -> Result<Rendered, RenderError> {
        // The tera context is built only if some format of the page needs tera.
        let mut context = None;
        let html = self.render_format(page, Format::Html, &mut context)?;
        let md = self.render_format(page, Format::Markdown, &mut context)?;
        Ok(Rendered {
            html: one_final_newline(html),
            md: one_final_newline(md),
        })
    }

    fn render_format(
        &self,
        page: &Page,
        format: Format,
        context: &mut Option<tera::Context>,
    ) -> Result<String, RenderError> {
        if self.compiled.contains(&(page.template(), format)) {
            let text = native::render(page, format);
            // Debug builds (every test run) check each compiled page against its template.
            #[cfg(debug_assertions)]
            {
                let file = format!("{}.{}", page.template(), format.extension());
                let reference = self.render_template(page, &file, context)?;
                native::assert_same(&file, &page.path, &reference, &text);
            }
            Ok(text)
        } else {
            let file = format!("{}.{}", page.template(), format.extension());
            self.render_template(page, &file, context)
        }
    }

    fn render_template(
        &self,
        page: &Page,
        file: &str,
        context: &mut Option<tera::Context>,
    ) -> Result<String, RenderError> {
        let context = context.get_or_insert_with(|| page.context());
        self.tera
            .render(file, context)
            .map_err(|e| template_error(&e, &self.overrides))
    }
}

/// Template files end however their last tag ends; pages end with exactly one newline.
fn one_final_newline(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// `../` repeated to reach the audience root (`internal/` or `shared/<id>/`) from a page.
pub(crate) fn relative_root(path: &str) -> String {
    let depth = path.matches('/').count();
    let audience_depth = if path.starts_with("shared/") { 2 } else { 1 };
    "../".repeat(depth.saturating_sub(audience_depth))
}

/// Flattens tera's error chain into one message; tera puts the template name and the line
/// in different links of the chain.
fn template_error(error: &tera::Error, overrides: &BTreeMap<String, PathBuf>) -> RenderError {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        parts.push(e.to_string());
        source = e.source();
    }
    let name = parts
        .iter()
        .find_map(|p| {
            p.split('\'')
                .nth(1)
                .filter(|n| n.ends_with(".html") || n.ends_with(".md"))
        })
        .unwrap_or("?");
    let name = match overrides.get(name) {
        Some(path) => format!("{name} (the workspace override {})", path.display()),
        None => format!("{name} (built in)"),
    };
    RenderError::Template {
        name,
        detail: parts.join(": ").replace('\n', " "),
    }
}

/// Plain text for Markdown pages: `<`, `>` and `|` cannot start markup or break a table,
/// and a line break cannot end a list item.
fn md_filter(value: &tera::Value, _: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(escape_markdown_text(&text)))
}

/// Rich Markdown inside a table cell: on one line, pipes escaped.
fn md_cell_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let mut out = String::new();
    push_markdown_cell(&mut out, value.as_str().unwrap_or_default());
    Ok(tera::Value::String(out))
}

/// Appends rich Markdown as one table-cell line: blank lines dropped, the others trimmed
/// and joined by spaces, pipes escaped.
pub(crate) fn push_markdown_cell(out: &mut String, text: &str) {
    let lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in line.split('|').enumerate() {
            if j > 0 {
                out.push_str("\\|");
            }
            out.push_str(part);
        }
    }
}

pub fn escape_markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_markdown_text(&mut out, text);
    out
}

/// Appends [`escape_markdown_text`] of `text`.
pub(crate) fn push_markdown_text(out: &mut String, text: &str) {
    // Every character that needs escaping is ASCII, so runs of other bytes (UTF-8
    // sequences included) are copied whole.
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'|' => "\\|",
            b'\\' => "\\\\",
            b'*' => "\\*",
            b'_' => "\\_",
            b'`' => "\\`",
            b'[' => "\\[",
            b']' => "\\]",
            b'#' => "\\#",
            b'\n' | b'\r' => " ",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(escaped);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Release builds skip parsing the templates when every page is compiled, which is
    /// only right if every built-in page template has a compiled form.
    #[test]
    fn every_built_in_page_template_has_a_compiled_form() {
        let mut pages: Vec<&str> = BUILT_IN
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !matches!(*name, "base.html" | "macros.html" | "style.css"))
            .filter_map(|name| name.strip_suffix(".html").or(name.strip_suffix(".md")))
            .collect();
        pages.sort();
        pages.dedup();
        let mut compiled = native::TEMPLATES.to_vec();
        compiled.sort();
        assert_eq!(pages, compiled);
    }

    #[test]
    fn relative_roots_reach_the_audience_root() {
        assert_eq!(relative_root("internal/index"), "");
        assert_eq!(relative_root("internal/accounts/a/index"), "../../");
        assert_eq!(relative_root("shared/a/statement"), "");
    }

    #[test]
    fn markdown_text_escapes_each_special_character_and_keeps_the_rest() {
        let text = "<>|\\*_`[]#\n\r ü—€ plain";
        assert_eq!(
            escape_markdown_text(text),
            "&lt;&gt;\\|\\\\\\*\\_\\`\\[\\]\\#   ü—€ plain"
        );
    }

    #[test]
    fn markdown_text_cannot_start_markup() {
        assert_eq!(
            escape_markdown_text("a|b <i>*x*</i>\nc"),
            "a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt; c"
        );
    }
}
