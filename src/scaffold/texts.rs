//! The texts `init` and `new` write, kept as files beside this one so that they read, and
//! change, as the YAML they are. `gitignore`, `config.yaml` (rapport.yaml) and
//! `example-customer.yaml` are written exactly as they are.
//!
//! `new-account.yaml` is filled in for each account by [`fill`]: each `{key}` below is
//! replaced once, and any other `{...}` (a YAML flow mapping such as `{ reliability: 3 }`)
//! stays as written.
//! - `{id}`: the account id, which is also the file name;
//! - `{what}`: what the account is to us, e.g. `a customer (they buy from us)`;
//! - `{name}`: the other company's name as a YAML scalar, quoted when it has to be;
//! - `{kind}`: `customer`, `supplier` or `partner`;
//! - `{amount}`: what `annual_amount` means for that kind, e.g. `our spend with them per year`;
//! - `{alternative}`: what someone else would have to do to replace them.

use crate::model::AccountKind;

pub(super) const GITIGNORE: &str = include_str!("gitignore");
pub(super) const CONFIG_TEMPLATE: &str = include_str!("config.yaml");
pub(super) const EXAMPLE_ACCOUNT_TEXT: &str = include_str!("example-customer.yaml");
const ACCOUNT_TEMPLATE: &str = include_str!("new-account.yaml");

/// The account template filled in for one account.
pub(super) fn account_text(id: &str, kind: AccountKind, name: &str) -> String {
    let (what, amount, alternative) = match kind {
        AccountKind::Customer => (
            "a customer (they buy from us)",
            "revenue from them per year",
            "buy what they buy from us",
        ),
        AccountKind::Supplier => (
            "a supplier (we buy from them)",
            "our spend with them per year",
            "supply what they supply",
        ),
        AccountKind::Partner => (
            "a partner (we work together)",
            "what the partnership brings us per year",
            "do what they do with us",
        ),
    };
    fill(
        ACCOUNT_TEMPLATE,
        &[
            ("id", id),
            ("what", what),
            ("name", &yaml_string(name)),
            ("kind", kind.as_str()),
            ("amount", amount),
            ("alternative", alternative),
        ],
    )
}

/// Replaces each `{key}` of `template` in one pass, so a value that itself contains
/// `{...}` (a company name, say) is never substituted again.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(k, _)| *k == &after[..close])
                .map(|(k, v)| (k.len(), *v))
        });
        match value {
            Some((len, v)) => {
                out.push_str(v);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` as a YAML scalar: plain when that reads back as the same string, else
/// double-quoted (a JSON string is a valid YAML double-quoted scalar).
fn yaml_string(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " .,&'()/+-".contains(c))
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        for name in [
            "Northwind Supply Co.",
            "O'Brien & Sons (UK)",
            "Yes",
            "null",
            "2024 Ventures",
            "Acme: the sequel",
            "Tag #1",
            "\"Quoted\"",
            "Zürich Trading AG",
            "-dash first",
            "{curly}",
            "trailing space ",
        ] {
            let yaml = format!("name: {}\n", yaml_string(name));
            let back: std::collections::BTreeMap<String, String> =
                crate::yaml::parse(&yaml).unwrap();
            assert_eq!(back["name"], name, "{yaml}");
        }
    }

    /// A misspelt placeholder in new-account.yaml would be written as it stands.
    #[test]
    fn the_account_template_has_no_placeholder_left() {
        let text = account_text("x", AccountKind::Customer, "X");
        let left: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(key, _)| key))
            .filter(|key| !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn templates_substitute_once() {
        let text = account_text("x", AccountKind::Partner, "{kind} {id}");
        assert!(
            text.contains("name: \"{kind} {id}\"\nkind: partner\n"),
            "{text}"
        );
        assert_eq!(
            fill("{a} {b} {c}", &[("a", "{b}"), ("b", "2")]),
            "{b} 2 {c}"
        );
    }
}
