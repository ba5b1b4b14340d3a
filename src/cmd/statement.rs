//! `rapport statement ACCOUNT [--fingerprint]`: the fingerprint of an account's joint
//! statement, or the canonical text it is the SHA-256 of, so that either side can
//! recompute it.

use crate::cli::{Format, StatementArgs};
use crate::diagnostic::{Code, Diagnostic};
use crate::view::{fingerprint, shared};
use std::io::Write as _;

/// `today` only fills in what the statement view needs besides the text; the fingerprint
/// does not depend on it.
pub fn run(args: StatementArgs, today: chrono::NaiveDate) -> u8 {
    let root = crate::load::find_workspace(&args.workspace);
    let (workspace, diagnostics) = crate::check(&root);
    let Some(workspace) = workspace else {
        crate::report(&diagnostics, Format::Human);
        return crate::EXIT_INVALID;
    };
    let Some(file) = workspace.accounts.iter().find(|a| a.id == args.account) else {
        let ids: Vec<&str> = workspace.accounts.iter().map(|a| a.id.as_str()).collect();
        let help = match crate::suggest::nearest(&args.account, &ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("accounts: {}", ids.join(", ")),
        };
        let path = root
            .join(crate::load::ACCOUNTS_DIR)
            .join(format!("{}.yaml", args.account));
        let problem = Diagnostic::error(
            Code::UnknownAccount,
            path,
            format!("no account `{}`", args.account),
        )
        .help(help);
        crate::report(&[problem], Format::Human);
        return crate::EXIT_INVALID;
    };
    let organisation = &workspace.config.organisation;
    // The statement's text in its shared folder's language and the workspace's words for
    // it, as the other side reads it: `check` above has refused catalogues that do not
    // parse, so the messages are the build's.
    let lang = file.account.language.unwrap_or(workspace.config.language);
    let (messages, _) = crate::i18n::read_overrides(&root.join("templates"));
    let view = shared::statement(organisation, file, today, &[], messages.words(lang));
    let text = shared::canonical_text(&view, file.account.statement.as_ref());
    let out = if args.fingerprint {
        format!("{}\n", fingerprint::fingerprint(&text))
    } else {
        text
    };
    // One write, errors ignored: `print!` would panic if stdout is a closed pipe.
    let _ = std::io::stdout().write_all(out.as_bytes());
    crate::EXIT_OK
}
