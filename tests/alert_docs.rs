//! Every alert has a plain-language title and advice, and docs/health.md shows both for
//! every code, word for word as the English catalogue gives them, so the docs cannot drift
//! from what the pages say. The German and French catalogues say them too, in their own
//! words.

use rapport::analyze::AlertCode;
use rapport::i18n::Messages;
use rapport::model::Language;

#[test]
fn docs_list_every_alert_with_its_title_and_advice() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/health.md"))
        .unwrap_or_default();
    let messages = Messages::built_in();
    for code in AlertCode::ALL {
        let (title_key, advice_key) = (code.title_key(), code.advice_key());
        let title = messages.get(Language::En, title_key, None);
        let advice = messages.get(Language::En, advice_key, None);
        // A missing message prints its key: the catalogue must have both.
        assert!(
            title != title_key && advice != advice_key,
            "{code}: {title} / {advice}"
        );
        assert_ne!(
            title,
            code.as_str(),
            "{code}: a title in words, not the code"
        );
        let row = format!("| `{code}` | {title} | {advice} |");
        assert!(docs.contains(&row), "docs/health.md lacks the row\n{row}");
        for language in [Language::De, Language::Fr] {
            for (key, english) in [(title_key, &title), (advice_key, &advice)] {
                let translated = messages.get(language, key, None);
                assert_ne!(
                    &translated, english,
                    "{code}: `{key}` untranslated in {language}"
                );
            }
        }
    }
}
