//! Property: whatever strings fill the text fields of an account (every field of the
//! format, found from its schema) and the organisation's name, the pipeline
//! parse -> validate -> analyze -> view -> render never panics and never emits markup the
//! templates did not write: no foreign element, no event attribute, no code URL, no raw
//! HTML in Markdown pages, and no internal text in a shared page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod format_walk;
mod site_audit;

use format_walk::{Field, Generator};
use proptest::prelude::*;
use rapport::model::{AccountFile, Config, Workspace};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Pieces of markup attacks, to be put together in any order.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "&",
    "\"",
    "'",
    "/",
    "=",
    " ",
    "\n",
    "\n\n",
    "\\",
    "`",
    "*",
    "_",
    "|",
    "#",
    "!",
    "[",
    "]",
    "(",
    ")",
    "](",
    ":",
    ";",
    "-->",
    "<!--",
    "&#x",
    "&lt;",
    "{{",
    "}}",
    "{%",
    "%}",
    "javascript:",
    "JaVaScRiPt:",
    "vbscript:",
    "data:",
    "on",
    "onerror=",
    "onload=",
    " on",
    "script",
    "<script>",
    "</script>",
    "img",
    "<img src=x ",
    "svg",
    "<svg/",
    "iframe",
    "style",
    "href=",
    "src=",
    "alert(1)",
    "    ",
    "- ",
    "1. ",
    "> ",
    "http://",
    "mailto:",
    "x",
    "Raj",
];

fn markup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..24).prop_map(|t| t.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => markup(), 1 => any::<String>(), 1 => "\\PC{0,30}"]
}

/// Tags a page may hold: those the built-in templates and charts write (read from a
/// render of the sample workspace) and those Markdown notes turn into.
fn allowed_tags() -> &'static BTreeSet<String> {
    static TAGS: OnceLock<BTreeSet<String>> = OnceLock::new();
    TAGS.get_or_init(|| {
        let (workspace, diagnostics) = rapport::check(&site_audit::sample_data());
        let workspace = workspace.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let mut tags: BTreeSet<String> = render(&workspace)
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .flat_map(|f| site_audit::tags(&String::from_utf8_lossy(&f.bytes)))
            .map(|t| t.name)
            .collect();
        let every_construct = "# h\n## h\n### h\n#### h\n##### h\n###### h\n\n*e* **s** ~~d~~ `c` \
            [a](https://e.com) ![i](https://e.com/i.png)\n\n> q\n\n- [x] t\n1. o\n\n---\n\n    code\n\n\
            | a | b |\n|---|---|\n| 1 | 2 |\n\nline  \nbreak\n";
        tags.extend(
            site_audit::tags(&rapport::format::markdown::to_html(every_construct))
                .into_iter()
                .map(|t| t.name),
        );
        tags
    })
}

fn render(workspace: &Workspace) -> Vec<rapport::site::OutputFile> {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let analysis = rapport::analyze::analyze(workspace, as_of);
    // Built once: parsing the templates costs more than rendering one account.
    static RENDERER: OnceLock<rapport::render::Renderer> = OnceLock::new();
    let renderer = RENDERER.get_or_init(|| rapport::render::Renderer::new(None).unwrap());
    let pages = rapport::view::all_pages(
        workspace,
        &analysis,
        &rapport::history::History::none(),
        renderer.messages(),
    );
    rapport::build::render_pages(renderer, &pages).expect("every page renders")
}

/// A non-blank version of a generated string: blank required text is an input error,
/// which would end the case before rendering.
fn non_blank(text: &str) -> String {
    if text.trim().is_empty() {
        format!("x{text}")
    } else {
        text.to_string()
    }
}

/// Builds the workspace in memory; `None` if the input is refused (which is fine: the
/// property is about what is accepted).
fn workspace(organisation: &str, texts: &[String]) -> Option<Workspace> {
    let config_source = format!(
        "organisation: {}\n",
        serde_json::to_string(&non_blank(organisation)).unwrap()
    );
    let config: Config = rapport::yaml::parse(&config_source).ok()?;
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    let schema = SCHEMA.get_or_init(format_walk::account_schema);
    let mut next = texts.iter().cycle();
    let mut generator = Generator::new(schema, |_: &Field| {
        non_blank(next.next().map_or("x", String::as_str))
    });
    let source = serde_json::to_string_pretty(&generator.account()).unwrap();
    let text = rapport::yaml::decode(source.as_bytes()).ok()?;
    let account = rapport::yaml::parse(text).ok()?;
    let workspace = Workspace {
        root: "ws".into(),
        config_path: "ws/rapport.yaml".into(),
        config_source,
        config,
        accounts: vec![AccountFile {
            id: "prop".into(),
            path: "ws/accounts/prop.yaml".into(),
            source,
            account,
        }],
    };
    let errors = rapport::validate::validate(&workspace)
        .iter()
        .any(rapport::diagnostic::Diagnostic::is_error);
    (!errors).then_some(workspace)
}

/// Everything wrong with the rendered files.
fn problems(workspace: &Workspace, files: &[rapport::site::OutputFile]) -> Vec<String> {
    let allowed = allowed_tags();
    let mut found = Vec::new();
    for file in files {
        let text = String::from_utf8_lossy(&file.bytes);
        if file.path.ends_with(".html") {
            found.extend(site_audit::html_injections(&file.path, &text));
            for tag in site_audit::tags(&text) {
                if !allowed.contains(&tag.name) {
                    found.push(format!("{}: foreign element <{}>", file.path, tag.name));
                }
            }
        } else if file.path.ends_with(".md") {
            for link in site_audit::links(&file.path, &text) {
                if site_audit::is_dangerous_url(&link.target) {
                    found.push(format!("{}: link to `{}`", file.path, link.target));
                }
                if file.path.starts_with("shared/") {
                    if let Err(why) = site_audit::stays_in_shared_folder(&file.path, &link.target) {
                        found.push(format!("{}: {why}", file.path));
                    }
                }
            }
        }
        if file.path.starts_with("shared/") && file.path.ends_with(".html") {
            for link in site_audit::links(&file.path, &text) {
                if let Err(why) = site_audit::stays_in_shared_folder(&file.path, &link.target) {
                    found.push(format!("{}: {why}", file.path));
                }
            }
        }
    }
    let shared: Vec<(&str, &[u8])> = files
        .iter()
        .filter(|f| f.path.starts_with("shared/"))
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    for leak in rapport::leak::scan_account(&workspace.accounts[0], &shared) {
        found.push(leak.to_string());
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_text_renders_without_panic_or_foreign_markup(
        organisation in text(),
        texts in prop::collection::vec(text(), 1..24),
    ) {
        if let Some(workspace) = workspace(&organisation, &texts) {
            let files = render(&workspace);
            let found = problems(&workspace, &files);
            prop_assert!(found.is_empty(), "{}", found.join("\n"));
        }
    }
}

/// The property is only worth something if most cases get as far as rendering.
#[test]
fn generated_accounts_are_mostly_accepted() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (text(), prop::collection::vec(text(), 1..24));
    let mut accepted = 0;
    for _ in 0..32 {
        let (organisation, texts) = strategy.new_tree(&mut runner).unwrap().current();
        accepted += usize::from(workspace(&organisation, &texts).is_some());
    }
    assert!(
        accepted >= 24,
        "only {accepted} of 32 generated workspaces were accepted"
    );
}

/// The checks of the property find what they are meant to find.
#[test]
fn the_checks_catch_injected_markup() {
    let texts = vec!["Quietly qualifying their competitor Blue Forge as a fallback".to_string()];
    let workspace = workspace("Acme", &texts).expect("accepted");
    let mut files = render(&workspace);
    assert_eq!(problems(&workspace, &files), Vec::<String>::new());
    let statement = files
        .iter_mut()
        .find(|f| f.path == "shared/prop/statement.html")
        .expect("statement page");
    statement.bytes.extend_from_slice(
        b"<marquee>x</marquee><a href=\"../../internal/index.html\" onclick=\"x\">y</a>",
    );
    let found = problems(&workspace, &files).join("\n");
    for expected in [
        "foreign element <marquee>",
        "onclick",
        "outside shared/prop/",
    ] {
        assert!(found.contains(expected), "`{expected}` not in:\n{found}");
    }
}
