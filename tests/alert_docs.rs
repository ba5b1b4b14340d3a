//! Every alert has a plain-language title and advice, and docs/health.md shows both for
//! every code, word for word, so the docs cannot drift from what the pages say.

use rapport::analyze::AlertCode;

#[test]
fn docs_list_every_alert_with_its_title_and_advice() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/health.md"))
        .unwrap_or_default();
    for code in AlertCode::ALL {
        assert!(
            !code.title().is_empty() && !code.advice().is_empty(),
            "{code}"
        );
        assert_ne!(
            code.title(),
            code.as_str(),
            "{code}: a title in words, not the code"
        );
        let row = format!("| `{code}` | {} | {} |", code.title(), code.advice());
        assert!(docs.contains(&row), "docs/health.md lacks the row\n{row}");
    }
}
