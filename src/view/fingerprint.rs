//! The statement's fingerprint: a short hash of what the joint statement says, which two
//! companies read aloud on a call to confirm they hold the same text. What goes in is the
//! agreed text of one version: the two parties, the title, the version and its date, the
//! vision, both sides' behaviours and the signatories. What changes as the work goes on
//! (commitments kept, milestones done, signatures collected) is left out, so a signature
//! never changes the text it signs.
//!
//! The canonical text is one `key: value` line per item, in a fixed order, each value with
//! its surrounding whitespace trimmed, `\r\n` read as `\n`, and `\` and line breaks written
//! `\\` and `\n`; the fingerprint is the first 16 hex digits of its SHA-256, in four groups.
//! docs/statement-fingerprint.md shows how to recompute it by hand.

use super::common::PersonName;
use sha2::{Digest, Sha256};

/// The first line of the canonical text: the scheme's version, so that a change to what
/// goes in gives different fingerprints rather than silently equal ones.
const SCHEME: &str = "rapport statement fingerprint v1";

/// What the fingerprint covers, as the statement page shows it.
pub struct StatementText<'a> {
    pub us: &'a str,
    pub them: &'a str,
    pub title: &'a str,
    pub version: i64,
    pub date: Option<&'a str>,
    pub vision: Option<&'a str>,
    pub behaviours_us: &'a [String],
    pub behaviours_them: &'a [String],
    pub signatories: &'a [PersonName],
}

/// The exact text that is hashed, ending in a newline.
pub fn canonical(text: &StatementText<'_>) -> String {
    let mut out = format!("{SCHEME}\n");
    let mut line = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&escape(value));
        out.push('\n');
    };
    line("us", text.us);
    line("them", text.them);
    line("title", text.title);
    line("version", &text.version.to_string());
    line("date", text.date.unwrap_or_default());
    line("vision", text.vision.unwrap_or_default());
    for behaviour in text.behaviours_us {
        line("behaviour of us", behaviour);
    }
    for behaviour in text.behaviours_them {
        line("behaviour of them", behaviour);
    }
    for person in text.signatories {
        line(
            "signatory",
            &format!("{} ({})", person.name.trim(), person.company.trim()),
        );
    }
    out
}

/// The fingerprint of `canonical` text: `3f2a 91c0 b7de 4410`.
pub fn fingerprint(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(value: &str) -> String {
    value
        .trim()
        .replace("\r\n", "\n")
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, company: &str) -> PersonName {
        PersonName {
            id: String::new(),
            name: name.into(),
            role: None,
            company: company.into(),
        }
    }

    #[test]
    fn canonical_text_is_one_line_per_item() {
        let behaviours = ["Answer within a day\r\nalways".to_string()];
        let signatories = [person("Dana Whitfield", "Acme")];
        let text = StatementText {
            us: "Acme",
            them: "Northwind",
            title: " Our statement ",
            version: 2,
            date: Some("2026-06-20"),
            vision: Some("A \\ B\n"),
            behaviours_us: &behaviours,
            behaviours_them: &[],
            signatories: &signatories,
        };
        assert_eq!(
            canonical(&text),
            "rapport statement fingerprint v1\nus: Acme\nthem: Northwind\ntitle: Our statement\nversion: 2\ndate: 2026-06-20\nvision: A \\\\ B\nbehaviour of us: Answer within a day\\nalways\nsignatory: Dana Whitfield (Acme)\n"
        );
    }

    #[test]
    fn fingerprint_is_sixteen_hex_digits_in_four_groups() {
        // SHA-256 of "abc" starts ba7816bf8f01cfea (FIPS 180-2, appendix B.1).
        assert_eq!(fingerprint("abc"), "ba78 16bf 8f01 cfea");
    }
}
