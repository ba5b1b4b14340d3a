//! Every semantic rule of the account format, collecting all problems in one run: ids,
//! references between people, criteria and reviews, value ranges, blank required text, and
//! a few warnings for data that is legal but probably wrong. Parsing (`yaml`) has already
//! checked shapes, types, dates and enum values.

mod account;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AccountFile, Config, Spanned, Workspace};
use crate::yaml::Locator;
use rayon::prelude::*;
use std::ops::RangeInclusive;
use std::path::Path;

/// Every problem in a loaded workspace that parsing alone cannot catch.
pub fn validate(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut found = config(
        &workspace.config_path,
        &workspace.config_source,
        &workspace.config,
    );
    found.extend(duplicate_accounts(&workspace.accounts));
    let per_account: Vec<Vec<Diagnostic>> = workspace
        .accounts
        .par_iter()
        .map(account::validate)
        .collect();
    found.extend(per_account.into_iter().flatten());
    found
}

/// Problems in account files without their workspace's settings (when rapport.yaml is
/// broken): every rule of each file, and no two files for one id.
pub fn validate_files(files: &[AccountFile]) -> Vec<Diagnostic> {
    let mut found = duplicate_accounts(files);
    found.extend(
        files
            .par_iter()
            .flat_map(account::validate)
            .collect::<Vec<_>>(),
    );
    found
}

/// Problems in edited account files, validated on their own: every rule concerns one file
/// except that two files may not define one id, which an edit in place cannot cause.
/// `serve` validates only what a user saved: validating the whole workspace again locates
/// positions in every file, seconds for 10,000 accounts.
pub fn validate_accounts(files: &[AccountFile]) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = files.par_iter().flat_map(account::validate).collect();
    crate::diagnostic::sort(&mut found);
    found
}

/// Problems in `rapport.yaml`.
fn config(path: &Path, source: &str, config: &Config) -> Vec<Diagnostic> {
    let mut f = Findings::new(path, source);
    f.blank(
        &config.organisation,
        "organisation",
        "write our company's name, e.g. `organisation: Acme Components`",
    );
    f.range(
        &config.fiscal_year_start,
        1..=12,
        "fiscal_year_start",
        "`fiscal_year_start` must be a month from 1 to 12",
        "1 is January (the default); 4 starts the fiscal year, and 2026-Q1, in April",
    );
    for (value, field, what) in [
        (
            &config.stale_after_days,
            "stale_after_days",
            "without an event before an account is stale",
        ),
        (
            &config.escalate_after_days,
            "escalate_after_days",
            "before an open dispute must be escalated",
        ),
    ] {
        f.range(
            value,
            1..=i64::MAX,
            field,
            &format!("`{field}` must be at least 1"),
            &format!("the number of days {what} (default 90)"),
        );
    }
    health_weights(&mut f, config);
    f.finish()
}

fn health_weights(f: &mut Findings<'_>, config: &Config) {
    let w = &config.health.weights;
    let weights = [
        ("scores", &w.scores),
        ("commitments", &w.commitments),
        ("milestones", &w.milestones),
        ("disputes", &w.disputes),
        ("coverage", &w.coverage),
    ];
    for (name, weight) in weights {
        f.range(
            weight,
            0..=i64::MAX,
            &format!("health.weights.{name}"),
            &format!("health weight `{name}` cannot be negative"),
            "weights are relative to each other; 0 leaves a component out of health",
        );
    }
    if weights.iter().all(|(_, w)| w.value == 0) {
        f.push(f.error(Code::NoHealthWeights, "health.weights", "every health weight is 0, so health cannot be computed").help(
            "give at least one component a positive weight; the defaults are scores 40, commitments 20, milestones 20, disputes 10, coverage 10",
        ));
    }
}

/// Two files with the same stem (`a.yaml` and `a.yml`) would be the same account.
fn duplicate_accounts(accounts: &[AccountFile]) -> Vec<Diagnostic> {
    accounts
        .windows(2)
        .filter(|pair| pair[0].id == pair[1].id)
        .map(|pair| {
            Diagnostic::error(Code::DuplicateAccount, &pair[1].path, format!("account `{}` is defined by two files", pair[1].id)).help(format!(
                "the other is {}; an account id is its file name without the extension, so rename or remove one",
                crate::diagnostic::display_path(&pair[0].path)
            ))
        })
        .collect()
}

/// Whether `id` matches `[a-z0-9-]+`.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `Dana Whitfield` as `dana-whitfield`: the nearest valid id, if any.
pub(crate) fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// The problems found in one file, with what is needed to point at them.
struct Findings<'a> {
    file: &'a Path,
    source: &'a str,
    found: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    fn new(file: &'a Path, source: &'a str) -> Findings<'a> {
        Findings {
            file,
            source,
            found: Vec::new(),
        }
    }

    fn error(&self, code: Code, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.file, message).path(path)
    }

    fn warning(
        &self,
        code: Code,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::warning(code, self.file, message).path(path)
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.found.push(diagnostic);
    }

    /// A required text that is present but blank (`name: ""`).
    fn blank(&mut self, text: &str, path: &str, help: &str) {
        if text.trim().is_empty() {
            let field = crate::yaml::last_key(path).unwrap_or(path);
            self.push(
                self.error(
                    Code::BlankText,
                    path,
                    format!("`{field}` is blank, but it needs a value"),
                )
                .help(help),
            );
        }
    }

    /// A whole number outside `range`; `message` says what the range is.
    fn range(
        &mut self,
        value: &Spanned<i64>,
        range: RangeInclusive<i64>,
        path: &str,
        message: &str,
        help: &str,
    ) {
        if !range.contains(&value.value) {
            let d = self.error(
                Code::OutOfRange,
                path,
                format!("{message}, not {}", value.value),
            );
            self.push(d.at_location(&value.referenced).help(help));
        }
    }

    /// An id that does not match `[a-z0-9-]+`.
    fn id(&mut self, id: &Spanned<String>, path: &str, what: &str) {
        if is_id(&id.value) {
            return;
        }
        let message = if id.value.trim().is_empty() {
            format!("{what} id is empty")
        } else {
            format!("{what} id `{}` is not a valid id", id.value)
        };
        let help = match slug(&id.value) {
            Some(slug) => {
                format!("ids use lowercase letters, digits and dashes only: try `{slug}`")
            }
            None => "ids use lowercase letters, digits and dashes only, e.g. `dana-whitfield`"
                .to_string(),
        };
        self.push(
            self.error(Code::InvalidId, path, message)
                .at_location(&id.referenced)
                .help(help),
        );
    }

    /// Checks every id of a list for syntax and uniqueness; `list` is the YAML key
    /// (`people`), `what` the word for one item (`person`).
    fn ids<'i>(&mut self, ids: impl Iterator<Item = &'i Spanned<String>>, list: &str, what: &str) {
        let mut seen: Vec<(&str, usize, &Spanned<String>)> = Vec::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            self.id(id, &path, what);
            match seen.iter().find(|(seen_id, ..)| *seen_id == id.value) {
                Some((_, first, first_id)) => {
                    let line = first_id.referenced.line();
                    let first_at = if line > 0 {
                        format!(" at line {line}")
                    } else {
                        String::new()
                    };
                    let d = self.error(
                        Code::DuplicateId,
                        path,
                        format!("duplicate {what} id `{}`", id.value),
                    );
                    self.push(d.at_location(&id.referenced).help(format!(
                        "`{}` is already the id of {list}[{first}]{first_at}; ids must be unique within `{list}`",
                        id.value
                    )));
                }
                None => seen.push((&id.value, i, id)),
            }
        }
    }

    /// The diagnostics, with positions filled in from a second read of the file for those
    /// whose value carries none (plain strings and dates in the model).
    fn finish(mut self) -> Vec<Diagnostic> {
        let unplaced = |d: &Diagnostic| d.position.is_none() && !d.path.is_empty();
        if self.found.iter().any(unplaced) {
            let locator = Locator::new(self.source);
            for d in self.found.iter_mut().filter(|d| unplaced(d)) {
                d.position = locator.position(&d.path);
            }
        }
        self.found
    }
}

#[cfg(test)]
mod tests;
