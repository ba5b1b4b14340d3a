//! Rendering: one tera 2 engine renders every page, built from the templates embedded in
//! the binary with the workspace's own `templates/` files replacing them file by file.
//! Each page's view model is its whole context: templates can reach nothing else (no
//! environment, no files, no clock), and they print what they are given, never filter.
//! The renderer also holds the build's messages (rapport's catalogues with the workspace's
//! `templates/locales/` over them), read once, for the templates' `t` and for the views.

mod errors;
mod filters;
mod fold;

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::i18n::{self, Messages};
use crate::view::{Audience, Page};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tera::Tera;

pub use errors::RenderError;

/// The built-in templates and the stylesheet, embedded in the binary. A file of the same
/// name in a workspace's `templates/` folder replaces the built-in one.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "components.html",
        include_str!("../../templates/components.html"),
    ),
    (
        "portfolio.html",
        include_str!("../../templates/portfolio.html"),
    ),
    ("portfolio.md", include_str!("../../templates/portfolio.md")),
    (
        "account-list.html",
        include_str!("../../templates/account-list.html"),
    ),
    (
        "account-list.md",
        include_str!("../../templates/account-list.md"),
    ),
    ("owners.html", include_str!("../../templates/owners.html")),
    ("owners.md", include_str!("../../templates/owners.md")),
    ("owner.html", include_str!("../../templates/owner.html")),
    ("owner.md", include_str!("../../templates/owner.md")),
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
    ("tables.js", include_str!("../../templates/tables.js")),
    ("search.js", include_str!("../../templates/search.js")),
    ("search.html", include_str!("../../templates/search.html")),
    ("search.md", include_str!("../../templates/search.md")),
];

/// The stylesheet: copied into each audience folder, not rendered.
const STYLESHEET: &str = "style.css";
/// The internal site's scripts: copied, not rendered.
const TABLE_SCRIPT: &str = "tables.js";
const SEARCH_SCRIPT: &str = "search.js";

/// The Content-Security-Policy of every generated page (`base.html`): its own stylesheets
/// and images, nothing else: no scripts, frames, fonts, forms or remote and `file:` loads
/// of other folders' pages. A browser or the PDF printer applies it to whatever a template
/// override adds.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/// The policy of internal pages: the same, and rapport's own table script (`tables.js`).
pub const INTERNAL_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; base-uri 'none'; form-action 'none'";

/// The largest template override read; a template is a page of markup, not data.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The template engine, the stylesheet and the messages, built once per build and shared
/// by all threads.
pub struct Renderer {
    /// The engine, its key-only `t` calls folded into text ([`fold`]).
    tera: Tera,
    /// The templates as written, and an engine of them made on the first render error, so
    /// that its report points at the file as written rather than at the folded text.
    sources: Sources,
    unfolded: OnceLock<Option<Tera>>,
    stylesheet: String,
    table_script: String,
    search_script: String,
    /// Templates replaced by a workspace file, so errors can name the file at fault.
    overrides: BTreeMap<String, PathBuf>,
    messages: Arc<Messages>,
    /// What `check` should say about the templates and catalogues without failing.
    warnings: Vec<Diagnostic>,
}

/// The text of one page in both formats.
pub struct Rendered {
    pub html: String,
    pub md: String,
}

impl Renderer {
    /// Builds the engine from the built-in templates and the overrides in `overrides_dir`
    /// (usually `WORKSPACE/templates`), if that folder exists, with the messages of its
    /// `locales/` catalogues. Every problem of every template and catalogue is reported,
    /// each at its file, line and column.
    pub fn new(overrides_dir: Option<&Path>) -> Result<Renderer, Vec<Diagnostic>> {
        let (messages, mut problems) = match overrides_dir {
            Some(dir) => i18n::read_overrides(dir),
            None => (Messages::default(), Vec::new()),
        };
        let messages = Arc::new(messages);
        let (mut sources, overrides) = match read_sources(overrides_dir) {
            Ok(read) => read,
            Err(unreadable) => {
                problems.extend(unreadable);
                return Err(problems);
            }
        };
        problems.extend(message_problems(&sources, &overrides, &messages));
        let stylesheet = sources.remove(STYLESHEET).unwrap_or_default();
        let table_script = sources.remove(TABLE_SCRIPT).unwrap_or_default();
        let search_script = sources.remove(SEARCH_SCRIPT).unwrap_or_default();
        let files = errors::Files::new(&overrides);
        let folded: Vec<(&String, Cow<str>)> = sources
            .iter()
            .map(|(name, text)| (name, fold::fold(text, &messages)))
            .collect();
        let mut tera = engine(&messages);
        let compiled = match tera.add_raw_templates(folded.iter().map(|(n, t)| (*n, t.as_ref()))) {
            Ok(()) => Ok(()),
            // Folding keeps valid templates valid; if it ever did not, the templates as
            // written are the engine, slower but the same pages.
            Err(_) => {
                tera = engine(&messages);
                tera.add_raw_templates(&sources)
            }
        };
        if let Err(e) = compiled {
            // Each template is parsed on its own, so that a syntax error in one file does
            // not hide those of the others; only then are references between files at
            // fault. (Parsed once when all is well: a build's templates are many.)
            let syntax: Vec<Diagnostic> = sources
                .iter()
                .filter_map(|(name, text)| {
                    let mut alone = engine(&messages);
                    alone
                        .add_raw_template(name, text)
                        .err()
                        .and_then(|e| files.syntax_diagnostic(&e, text))
                })
                .collect();
            if syntax.is_empty() {
                problems.extend(files.diagnostics(&e, &sources));
            } else {
                problems.extend(syntax);
            }
            return Err(problems);
        }
        if problems.iter().any(Diagnostic::is_error) {
            return Err(problems);
        }
        Ok(Renderer {
            tera,
            sources,
            unfolded: OnceLock::new(),
            stylesheet,
            table_script,
            search_script,
            overrides,
            messages,
            warnings: problems,
        })
    }

    /// An engine of the templates as written, made once, on the first render error.
    fn unfolded(&self) -> Option<&Tera> {
        self.unfolded
            .get_or_init(|| {
                let mut tera = engine(&self.messages);
                tera.add_raw_templates(&self.sources).ok().map(|()| tera)
            })
            .as_ref()
    }

    /// The build's messages: rapport's with the workspace's over them.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// `tables.js`: sorting and filtering for the internal site's tables.
    pub fn table_script(&self) -> &str {
        &self.table_script
    }

    /// `search.js`: the internal site's search.
    pub fn search_script(&self) -> &str {
        &self.search_script
    }

    pub fn stylesheet(&self) -> &str {
        &self.stylesheet
    }

    /// Whether the stylesheet comes from the workspace (and so may hold any text) rather
    /// than from rapport.
    pub fn stylesheet_overridden(&self) -> bool {
        self.overrides.contains_key(STYLESHEET)
    }

    /// Whether a page rendered by `template` (`account`, `review`, …) goes through a file
    /// of the workspace's: its own `.html` or `.md`, or the `base.html` and
    /// `components.html` every HTML page uses.
    pub fn uses_override(&self, template: &str) -> bool {
        ["base.html", "components.html"]
            .iter()
            .map(|name| name.to_string())
            .chain(["html", "md"].iter().map(|ext| format!("{template}.{ext}")))
            .any(|name| self.overrides.contains_key(&name))
    }

    /// Renders one page as HTML and Markdown.
    pub fn render(&self, page: &Page) -> Result<Rendered, RenderError> {
        let files = errors::Files::new(&self.overrides);
        let mut context =
            tera::Context::from_serialize(&page.view).map_err(|e| files.render_error(&e, page))?;
        context.insert("root", &page.root);
        context.insert("audience", &page.audience);
        // The page's language: `<html lang>`, and the catalogue the `t` function reads.
        context.insert("lang", page.lang.as_str());
        context.insert(
            "csp",
            match page.audience {
                Audience::Internal => INTERNAL_CONTENT_SECURITY_POLICY,
                Audience::Shared => CONTENT_SECURITY_POLICY,
            },
        );
        let render = |extension: &str| {
            let name = format!("{}.{extension}", page.template());
            self.tera
                .render(&name, &context)
                .map(one_final_newline)
                .map_err(|e| {
                    // The report of the templates as written, where the author will look.
                    let written = self
                        .unfolded()
                        .and_then(|tera| tera.render(&name, &context).err());
                    files.render_error(written.as_ref().unwrap_or(&e), page)
                })
        };
        Ok(Rendered {
            html: render("html")?,
            md: render("md")?,
        })
    }
}

/// A tera engine with rapport's filters and escaping and nothing that reaches outside a
/// page's view: tera 2 ships no `get_env`, file or clock function, and the one function
/// added, `t`, reads `messages` only.
fn engine(messages: &Arc<Messages>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(crate::format::html::escape_html_into);
    filters::register(&mut tera, messages);
    tera
}

/// The problems between the workspace's templates and messages: an error for each
/// `t(key="…")` of a template override that no catalogue has (the page would print the
/// key), a warning for each message of the workspace's that nothing prints.
fn message_problems(
    sources: &Sources,
    overrides: &BTreeMap<String, PathBuf>,
    messages: &Messages,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for (name, path) in overrides {
        let Some(text) = sources.get(name) else {
            continue;
        };
        for (key, offset) in message_keys(text) {
            if !messages.has(&key) {
                problems.push(
                    Diagnostic::error(
                        Code::MissingMessage,
                        path,
                        format!(
                            "no catalogue has the message `{key}`: the page would print the key"
                        ),
                    )
                    .at(Some(Position::at_offset(text, offset)))
                    .help(missing_help(&key, messages)),
                );
            }
            used.insert(key);
        }
    }
    problems.extend(messages.unknown_keys(&used));
    problems
}

fn missing_help(key: &str, messages: &Messages) -> String {
    let known = i18n::keys(i18n::CATALOGUES.first().map_or("", |(_, text)| text));
    match crate::suggest::nearest(key, &known) {
        Some(near) => format!("did you mean `{near}`? Or define `{key}` in templates/{}/en.ftl (and in the catalogue of each language your pages use)", i18n::LOCALES_DIR),
        None if messages.files().is_empty() => format!("define it in templates/{}/en.ftl (and in the catalogue of each language your pages use), or use one of rapport's keys (its catalogues, locales/en.ftl in its source)", i18n::LOCALES_DIR),
        None => format!("define it in one of the workspace's catalogues in templates/{}/, or use one of rapport's keys (its catalogues, locales/en.ftl in its source)", i18n::LOCALES_DIR),
    }
}

/// The literal keys a template names in `t(key="…")` (any quote, spaces allowed around
/// `=`), each with the byte offset of its opening quote. A key computed at render time cannot be
/// checked before; it falls back like any missing message.
fn message_keys(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("t(") {
        // `t(` itself, not the end of a longer name such as `first(`.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let rest = text[at + 2..].trim_start();
        let Some(rest) = rest.strip_prefix("key") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        let body = &rest[1..];
        let Some(len) = body.find(quote) else {
            continue;
        };
        // At the opening quote, so that a report underlines the whole literal.
        let start = text.len() - rest.len();
        found.push((body[..len].to_string(), start));
    }
    found
}

type Sources = BTreeMap<String, String>;

/// The template texts by name, built-in replaced by the workspace's files, and the paths
/// of those files.
fn read_sources(
    overrides_dir: Option<&Path>,
) -> Result<(Sources, BTreeMap<String, PathBuf>), Vec<Diagnostic>> {
    let mut sources: Sources = BUILT_IN
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let mut overrides = BTreeMap::new();
    let mut problems = Vec::new();
    let Some(dir) = overrides_dir.filter(|d| d.symlink_metadata().is_ok()) else {
        return Ok((sources, overrides));
    };
    // Overrides obey the rule account files obey: inside the workspace, never through a
    // link out of it.
    let root = crate::workspace_file::canonical_root(dir.parent().unwrap_or(dir));
    for (name, _) in BUILT_IN {
        let path = dir.join(name);
        if path.symlink_metadata().is_err() {
            continue;
        }
        match read_override(&root, &path) {
            Ok(text) => {
                sources.insert(name.to_string(), text);
                overrides.insert(name.to_string(), path);
            }
            Err(problem) => problems.push(
                Diagnostic::error(Code::TemplateUnreadable, &path, format!("cannot read this template override: {problem}"))
                    .help("a template override is a UTF-8 text file of at most 1 MiB; fix it or delete it to use the built-in template"),
            ),
        }
    }
    if problems.is_empty() {
        Ok((sources, overrides))
    } else {
        Err(problems)
    }
}

/// Reads an override: a regular file inside the workspace, of bounded size, as UTF-8.
fn read_override(root: &Path, path: &Path) -> Result<String, String> {
    let bytes =
        crate::workspace_file::read(root, path, MAX_TEMPLATE_BYTES).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// Template files end however their last tag ends; pages end with exactly one newline.
fn one_final_newline(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// Checks the workspace's template overrides and message catalogues as a build would
/// read them: every problem, each at its file and line, and a warning for each file of
/// the folder that no page uses. Also the renderer, when the templates have no error, so
/// that a build does not read and parse them a second time.
pub fn check_templates(overrides_dir: &Path) -> (Option<Renderer>, Vec<Diagnostic>) {
    let (renderer, mut found) = match Renderer::new(Some(overrides_dir)) {
        Ok(renderer) => {
            let warnings = renderer.warnings.clone();
            (Some(renderer), warnings)
        }
        Err(problems) => (None, problems),
    };
    found.extend(unused_files(overrides_dir));
    (renderer, found)
}

/// A warning for each file in the templates folder that is not a template rapport uses:
/// a misspelt name would otherwise be ignored without a word.
fn unused_files(dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && !BUILT_IN.iter().any(|(n, _)| n == name))
        .collect();
    names.sort();
    let known: Vec<&str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
    names
        .into_iter()
        .map(|name| {
            let help = if name == "macros.html" {
                "macros.html became components.html when rapport moved to tera 2: move its \
                 macros there as components (see docs/templates.md)"
                    .to_string()
            } else {
                match crate::suggest::nearest(&name, &known) {
                    Some(near) => format!(
                        "did you mean `{near}`? A workspace can override: {}",
                        known.join(", ")
                    ),
                    None => format!("a workspace can override: {}", known.join(", ")),
                }
            };
            Diagnostic::warning(
                Code::UnusedTemplate,
                dir.join(&name),
                "this file is not a template rapport uses; it is ignored",
            )
            .help(help)
        })
        .collect()
}
