//! Fuzz target: arbitrary bytes as an account file, through the whole pipeline a build
//! runs: decode -> parse -> validate -> analyze -> view -> render -> leak guard. Any panic
//! is a finding (rapport promises never to panic on input); refused input is fine.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapport::model::{Account, AccountFile, Config, Workspace};
use rapport::render::Renderer;
use std::sync::OnceLock;

const CONFIG: &str = "organisation: Acme Components\n";

fn renderer() -> Option<&'static Renderer> {
    static RENDERER: OnceLock<Option<Renderer>> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(None).ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = rapport::yaml::decode(data) else {
        return;
    };
    let Ok(account) = rapport::yaml::parse::<Account>(text) else {
        return;
    };
    let Ok(config) = rapport::yaml::parse::<Config>(CONFIG) else {
        return;
    };
    let workspace = Workspace {
        root: "ws".into(),
        config_path: "ws/rapport.yaml".into(),
        config_source: CONFIG.to_string(),
        config,
        accounts: vec![AccountFile {
            id: "fuzz".into(),
            path: "ws/accounts/fuzz.yaml".into(),
            source: text.to_string(),
            account,
        }],
    };
    let diagnostics = rapport::validate::validate(&workspace);
    // Rendering a diagnostic reads the source line and draws a caret: it must not panic
    // on any position the validator reports.
    for d in &diagnostics {
        let _ = d.render(Some(text));
    }
    if diagnostics
        .iter()
        .any(rapport::diagnostic::Diagnostic::is_error)
    {
        return;
    }
    let Some(as_of) = chrono::NaiveDate::from_ymd_opt(2026, 11, 26) else {
        return;
    };
    let analysis = rapport::analyze::analyze(&workspace, as_of);
    let Some(renderer) = renderer() else {
        return;
    };
    let pages = rapport::view::all_pages(
        &workspace,
        &analysis,
        &rapport::history::History::none(),
        renderer.messages(),
    );
    let files = rapport::build::render_pages(renderer, &pages)
        .unwrap_or_else(|e| panic!("a valid account failed to render: {e}"));
    let shared: Vec<(&str, &[u8])> = files
        .iter()
        .filter(|f| f.path.starts_with("shared/"))
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let _ = rapport::leak::scan_account(&workspace.accounts[0], &shared);
});
