//! The stable rule code of every diagnostic (`unknown-field`, `invalid-date`, …). Codes are a
//! public contract: editors, CI filters and `docs/diagnostics.md` name them, so a code is
//! never renamed or reused; a new rule gets a new code.

use serde::Serialize;

macro_rules! codes {
    ($($variant:ident => $code:literal, $summary:literal;)*) => {
        /// What kind of problem a diagnostic reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order `docs/diagnostics.md` lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as users write it: `unknown-field`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// One line on what the rule checks, for SARIF's rule list.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    // The workspace and its files.
    NotAWorkspace => "not-a-workspace", "The folder is not a rapport workspace (no rapport.yaml, or not a folder).";
    UnknownAccount => "unknown-account", "A command names an account the workspace does not have.";
    UnreadableFile => "unreadable-file", "A file or folder of the workspace cannot be read.";
    LinkOutsideWorkspace => "link-outside-workspace", "A symbolic link points outside the workspace, or nowhere.";
    FileTooLarge => "file-too-large", "A file is over the 4 MiB limit for one file.";
    InvalidEncoding => "invalid-encoding", "A file is not valid UTF-8.";
    NonUtf8Name => "non-unicode-name", "A file or folder name that is not UTF-8; it is shown with U+FFFD in place of its bad bytes.";
    EmptyFile => "empty-file", "A file is empty or holds only comments.";
    TabIndentation => "tab-indentation", "A line is indented with a tab.";
    YamlSyntax => "yaml-syntax", "The text is not valid YAML.";
    MultipleDocuments => "multiple-documents", "A file holds more than one YAML document.";
    SafetyLimit => "safety-limit", "A file exceeds a safety limit of the YAML reader (nesting, size, aliases).";
    // The shape of a file.
    UnknownField => "unknown-field", "A field that the format does not have.";
    UnknownValue => "unknown-value", "A value outside a field's list of allowed values.";
    WrongType => "wrong-type", "A value of the wrong type: text where a list belongs, a word where a number belongs.";
    EmptyValue => "empty-value", "A field that needs a value is written without one.";
    MissingField => "missing-field", "A required field is missing.";
    DuplicateKey => "duplicate-key", "A key appears twice in one mapping.";
    InvalidDate => "invalid-date", "A date that is not YYYY-MM-DD or does not exist.";
    InvalidQuarter => "invalid-quarter", "A quarter that is not YYYY-Qn with n from 1 to 4.";
    InvalidScore => "invalid-score", "A score that is not a whole number or a mapping of levels to numbers.";
    // The rules between values.
    InvalidId => "invalid-id", "An id that is not lowercase letters, digits and dashes.";
    DuplicateId => "duplicate-id", "Two items of one list share an id.";
    DuplicateAccount => "duplicate-account", "Two files define the same account id.";
    DanglingReference => "dangling-reference", "A reference to a person or criterion that the file does not define.";
    BlankText => "blank-text", "A required text is blank.";
    OutOfRange => "out-of-range", "A number outside the range its field allows.";
    NonFiniteNumber => "non-finite-number", "An amount that is infinite or not a number.";
    AccountTooLarge => "account-too-large", "An account lists more people or reviews than the limits allow.";
    AmountOutOfRange => "amount-out-of-range", "An amount beyond 10^15 either way, which pages could not print exactly.";
    WrongSide => "wrong-side", "A person on the wrong side for the role given to them.";
    DatesOutOfOrder => "dates-out-of-order", "Two dates in an order that cannot be (resolved before opened, due before made).";
    ClosedWhileOpen => "closed-while-open", "A commitment with a `closed` date whose status is still open.";
    DuplicateReview => "duplicate-review", "Two reviews for the same quarter.";
    SignatureBeforeVersion => "signature-before-version", "A signature dated before the statement version it signs.";
    DuplicateSignature => "duplicate-signature", "One person listed twice in `signed`.";
    SignerNotSignatory => "signer-not-signatory", "A signature by someone who is not among the statement's signatories.";
    NoHealthWeights => "no-health-weights", "Every health weight is 0.";
    // Template overrides.
    TemplateSyntax => "template-syntax", "A template override does not parse.";
    TemplateError => "template-error", "A template override fails while a page is rendered.";
    TemplateUnreadable => "template-unreadable", "A template override or message catalogue cannot be read.";
    UnusedTemplate => "unused-template", "A file in templates/ that no page uses.";
    // Message catalogue overrides.
    CatalogueSyntax => "catalogue-syntax", "A message catalogue in templates/locales/ does not parse.";
    UnknownMessage => "unknown-message", "A message in templates/locales/ that rapport does not have and no template override uses.";
    UnknownCatalogue => "unknown-catalogue", "A file in templates/locales/ that is not the catalogue of a language rapport ships.";
    MissingMessage => "missing-message", "A template override names a message that no catalogue has.";
    // Creating workspaces and accounts.
    NotEmpty => "not-empty", "`rapport init` was given a folder that is not empty.";
    AlreadyExists => "already-exists", "`rapport new` would overwrite an existing account.";
    WriteFailed => "write-failed", "A file could not be written.";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_words() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "{text}"
            );
            assert!(code.summary().ends_with('.'), "{text}");
        }
    }
}
