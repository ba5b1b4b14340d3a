//! New workspaces (`rapport init`) and new account files (`rapport new`): the commented
//! templates, and the only code besides `site` that writes into a workspace. Files are
//! written through a temporary file and linked into place, so a reader (or `rapport serve`
//! watching the folder) never sees half a file, and an existing file is never replaced.

use crate::cli::SchemaKind;
use crate::diagnostic::{display_path, Diagnostic};
use crate::load::{ACCOUNTS_DIR, CONFIG_FILE};
use crate::model::AccountKind;
use crate::schema::{file_name as schema_file, schema_text};
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The example account `init` writes, under `accounts/`.
pub const EXAMPLE_ACCOUNT: &str = "example-customer";

/// Why a workspace or an account file was not created.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{} is not empty", display_path(dir))]
    NotEmpty { dir: PathBuf, workspace: bool },
    #[error("{} is a file, not a folder", display_path(.0))]
    NotAFolder(PathBuf),
    #[error("{} is not a rapport workspace: it has no rapport.yaml", display_path(.0))]
    NotAWorkspace(PathBuf),
    #[error("workspace folder {} not found", display_path(.0))]
    NoWorkspace(PathBuf),
    #[error("`{id}` is not a valid account id")]
    BadId {
        id: String,
        suggestion: Option<String>,
        path: PathBuf,
    },
    #[error("the account name is blank")]
    BlankName(PathBuf),
    #[error("{} already exists", display_path(.0))]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", display_path(path))]
    Io { path: PathBuf, source: io::Error },
}

impl ScaffoldError {
    /// The error as a diagnostic: the file or folder it is about, and what to do.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let (path, help) = match self {
            ScaffoldError::NotEmpty { dir, workspace: true } => (dir.clone(), format!(
                "it is already a rapport workspace: add an account with `rapport new ID --workspace {}`",
                shell_word(dir)
            )),
            ScaffoldError::NotEmpty { dir, workspace: false } => (
                dir.clone(),
                "`rapport init` only writes into a new or empty folder, so it never overwrites your files: name a new folder".to_string(),
            ),
            ScaffoldError::NotAFolder(path) => (path.clone(), "name a new folder".to_string()),
            ScaffoldError::NotAWorkspace(dir) | ScaffoldError::NoWorkspace(dir) => (dir.clone(), format!(
                "run `rapport new` inside a workspace or name one with `--workspace DIR`; create a workspace with `rapport init {}`",
                shell_word(dir)
            )),
            ScaffoldError::BadId { suggestion, path, .. } => (
                path.clone(),
                match suggestion {
                    Some(s) => format!("an account id is the file name: lowercase letters, digits and dashes only ([a-z0-9-]+); try `{s}`"),
                    None => "an account id is the file name: lowercase letters, digits and dashes only ([a-z0-9-]+), e.g. `northwind-supply`".to_string(),
                },
            ),
            ScaffoldError::BlankName(path) => (
                path.clone(),
                "give the other company's name, e.g. --name \"Northwind Supply Co.\", or leave --name out to use the id".to_string(),
            ),
            ScaffoldError::Exists(path) => (
                path.clone(),
                "rapport never overwrites an account: edit that file, or choose another id".to_string(),
            ),
            ScaffoldError::Io { path, .. } => (
                path.clone(),
                "check that the folder exists and that you may write to it".to_string(),
            ),
        };
        Diagnostic::error(path, self.to_string()).help(help)
    }
}

/// One file that was written, and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub path: PathBuf,
    pub purpose: &'static str,
}

/// Makes a new workspace in `dir`, which must be absent or empty (a lone `.git` is allowed,
/// so a freshly cloned empty repository can become a workspace). On failure, whatever this
/// call had written is removed again.
pub fn init(dir: &Path) -> Result<Vec<Created>, ScaffoldError> {
    let made_dir = prepare_empty_dir(dir)?;
    let mut created = Vec::new();
    let result = write_workspace(dir, &mut created);
    if result.is_err() {
        for file in created.iter().rev() {
            let _ = fs::remove_file(&file.path);
        }
        let _ = fs::remove_dir(dir.join(ACCOUNTS_DIR));
        if made_dir {
            let _ = fs::remove_dir(dir);
        }
    }
    result.map(|()| created)
}

/// Checks that `dir` is absent or empty and creates it; `true` when this call created it.
fn prepare_empty_dir(dir: &Path) -> Result<bool, ScaffoldError> {
    let io_error = |source| ScaffoldError::Io {
        path: dir.to_path_buf(),
        source,
    };
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(ScaffoldError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            let mut entries = fs::read_dir(dir).map_err(io_error)?;
            let occupied = entries.any(|e| e.map_or(true, |e| e.file_name() != ".git"));
            if occupied {
                let workspace = dir.join(CONFIG_FILE).exists();
                return Err(ScaffoldError::NotEmpty {
                    dir: dir.to_path_buf(),
                    workspace,
                });
            }
            Ok(false)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(io_error)?;
            Ok(true)
        }
        Err(e) => Err(io_error(e)),
    }
}

fn write_workspace(dir: &Path, created: &mut Vec<Created>) -> Result<(), ScaffoldError> {
    let accounts = dir.join(ACCOUNTS_DIR);
    fs::create_dir(&accounts).map_err(|source| ScaffoldError::Io {
        path: accounts.clone(),
        source,
    })?;
    let account_schema = schema_text(SchemaKind::Account);
    let config_schema = schema_text(SchemaKind::Config);
    let files: [(PathBuf, &str, &'static str); 5] = [
        (
            dir.join(CONFIG_FILE),
            CONFIG_TEMPLATE,
            "settings: organisation, fiscal year, alert thresholds, health weights",
        ),
        (
            accounts.join(format!("{EXAMPLE_ACCOUNT}.yaml")),
            EXAMPLE_ACCOUNT_TEXT,
            "an example account showing every section: edit it or delete it",
        ),
        (
            dir.join(".gitignore"),
            GITIGNORE,
            "keeps the built site out of git",
        ),
        (
            dir.join(schema_file(SchemaKind::Account)),
            &account_schema,
            "lets editors complete and check account files",
        ),
        (
            dir.join(schema_file(SchemaKind::Config)),
            &config_schema,
            "lets editors complete and check rapport.yaml",
        ),
    ];
    for (path, text, purpose) in files {
        write_new(&path, text)?;
        created.push(Created { path, purpose });
    }
    Ok(())
}

/// What `rapport new` is asked to write.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    /// The account id, which becomes the file name.
    pub id: &'a str,
    pub kind: AccountKind,
    /// The other company's name; `None` makes one from the id.
    pub name: Option<&'a str>,
}

/// Writes `accounts/<id>.yaml` in the workspace from the commented template, and the account
/// schema beside rapport.yaml if it is missing, so the file's schema line never dangles.
pub fn new_account(
    workspace: &Path,
    request: NewAccount<'_>,
) -> Result<Vec<Created>, ScaffoldError> {
    let id = request.id;
    let accounts = workspace.join(ACCOUNTS_DIR);
    let path = accounts.join(format!("{id}.yaml"));
    if !crate::validate::is_id(id) {
        let suggestion = suggested_id(id);
        return Err(ScaffoldError::BadId {
            id: id.to_string(),
            suggestion,
            path,
        });
    }
    let name = match request.name {
        Some(name) if name.trim().is_empty() => return Err(ScaffoldError::BlankName(path)),
        Some(name) => name.trim().to_string(),
        None => name_from_id(id),
    };
    if !workspace.is_dir() {
        return Err(ScaffoldError::NoWorkspace(workspace.to_path_buf()));
    }
    if !workspace.join(CONFIG_FILE).is_file() {
        return Err(ScaffoldError::NotAWorkspace(workspace.to_path_buf()));
    }
    // `a.yaml` and `a.yml` would both be account `a`, so either blocks the id.
    for ext in ["yaml", "yml"] {
        let path = accounts.join(format!("{id}.{ext}"));
        if fs::symlink_metadata(&path).is_ok() {
            return Err(ScaffoldError::Exists(path));
        }
    }
    fs::create_dir_all(&accounts).map_err(|source| ScaffoldError::Io {
        path: accounts.clone(),
        source,
    })?;
    let mut created = Vec::new();
    let schema = workspace.join(schema_file(SchemaKind::Account));
    if fs::symlink_metadata(&schema).is_err() {
        match write_new(&schema, &schema_text(SchemaKind::Account)) {
            Ok(()) => created.push(Created {
                path: schema,
                purpose: "lets editors complete and check account files",
            }),
            // Written meanwhile by someone else: the schema line resolves all the same.
            Err(ScaffoldError::Exists(_)) => {}
            Err(e) => return Err(e),
        }
    }
    write_new(&path, &account_text(id, request.kind, &name))?;
    created.push(Created {
        path,
        purpose: "the new account: uncomment the sections you need and fill them in",
    });
    Ok(created)
}

/// `northwind-supply` as `Northwind Supply`.
pub fn name_from_id(id: &str) -> String {
    let words: Vec<String> = id
        .split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        id.to_string()
    } else {
        words.join(" ")
    }
}

/// `Northwind Supply Co.` as `northwind-supply-co`: the nearest valid id, if any.
fn suggested_id(text: &str) -> Option<String> {
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

/// The account template filled in for one account.
fn account_text(id: &str, kind: AccountKind, name: &str) -> String {
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

/// A path as messages show it, without a leading `./`.
pub fn shown(path: &Path) -> String {
    display_path(path.strip_prefix(".").unwrap_or(path))
}

/// `path` as a word to paste into a shell.
pub fn shell_word(path: &Path) -> String {
    let text = display_path(path);
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+:@".contains(c));
    if safe {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// Writes a file that must not exist yet: the text goes to a temporary file in the same
/// folder, which is then hard-linked to `path` (the link fails if `path` exists, unlike a
/// rename, which would replace it) and removed. Where the file system has no hard links, it
/// falls back to a rename after checking that `path` is still free.
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io_error = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (temp, mut file) = create_temp(dir, &name).map_err(io_error)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| match fs::hard_link(&temp, path) {
        Err(e)
            if e.kind() != io::ErrorKind::AlreadyExists && fs::symlink_metadata(path).is_err() =>
        {
            fs::rename(&temp, path)
        }
        other => other,
    });
    let _ = fs::remove_file(&temp);
    match placed {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(ScaffoldError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io_error(e)),
    }
}

/// A fresh hidden file beside the target; its name does not end in `.yaml`, so a workspace
/// load never mistakes it for an account.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(
            ".{name}.rapport-tmp-{}-{attempt}",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

const GITIGNORE: &str = "\
# The built site: `rapport build` writes it again from the account files.
/site/
# What an interrupted build leaves beside it.
/.site.rapport-*
";

const CONFIG_TEMPLATE: &str = "\
# yaml-language-server: $schema=rapport-config.schema.json
# rapport workspace settings. Only `organisation` is required; the other values shown are
# the defaults, so you can delete any line you do not need to change.

# Our company's name. Shared pages (joint statements, shared progress) call our side by it.
organisation: Your Company

# The site title, on the portfolio and at the top of every internal page.
title: Account reviews

# The month (1 to 12) that starts the fiscal year, and so the quarters of reviews.
# 2026-Q1 is the first quarter of the fiscal year that starts in calendar 2026: with 4,
# it runs from April to June 2026.
fiscal_year_start: 1

# An account with no event or review for more than this many days gets a `stale` alert.
stale_after_days: 90

# An open dispute older than this many days that has not been escalated to senior or
# executive level gets a `dispute-unescalated` alert.
escalate_after_days: 90

# Health is a score from 0 to 100 made of five components, each worth its weight relative
# to the others. A component without data (no scored review yet, say) is left out and the
# rest re-weighted; 0 leaves a component out for good. Every page that shows health shows
# each component and its contribution.
health:
  weights:
    scores: 40       # the latest review's scores against the criteria, by criterion weight
    commitments: 20  # the keep rate: commitments kept out of those kept or broken
    milestones: 20   # the share of milestones due so far that were done on time
    disputes: 10     # open disputes, each costing more the longer it stays open
    coverage: 10     # all-level contact: their levels covered, sponsors, more than one contact
";

const EXAMPLE_ACCOUNT_TEXT: &str = r#"# yaml-language-server: $schema=../rapport-account.schema.json
# An example account showing each section of the format, for a customer that buys
# packaging from us. Make it a real account or delete it; `rapport new ID` starts a new
# one. The file name (example-customer) is the account id: lowercase letters, digits and
# dashes. Text is Markdown. Fields marked INTERNAL ONLY never appear in the pages shared
# with the other company; items with `visibility:` follow it (internal or shared).

# Required: the other company's name, and what it is to us: customer | supplier | partner.
name: Brightwater Foods
kind: customer
# Our relationship owner: the id of one of our people (side: us) below.
owner: sam
since: 2021-09-01
# The relationship ladder: prospect | vendor | preferred | strategic | associate.
stage: preferred

# What the account is worth to us, and whether we could do without it. INTERNAL ONLY.
value:
  annual_amount: 850000      # revenue from them per year
  currency: EUR
  need: high                 # how much we need them: low | medium | high
  want: high                 # how much we want them
  counterpart_wants: yes     # do they want us: yes | no | unknown
  alternatives: Two regional dairies could take about half the volume, at lower margins.
  impact_of_loss: |
    Our third-largest customer: losing it would idle one of our two thermoforming lines.

# People on both sides. level: executive | senior | manager | operational. `covers` lists
# their people one of ours holds the relationship with: the account page shows which of
# their levels nobody covers. `assets`, `liabilities` and `notes` are INTERNAL ONLY.
people:
  - id: sam
    name: Sam Okafor
    side: us
    role: Key Account Manager
    level: manager
    covers: [ines, tomasz]
    assets: [Knows their filling lines better than their own engineers do]
    liabilities: [Looks after six accounts, so answers sometimes take a day]
  - id: ruth
    name: Ruth Lindqvist
    side: us
    role: Commercial Director
    level: senior
    sponsor: true
    decision_maker: true
    covers: [jorge, marta]
  - id: jorge
    name: Jorge Alves
    side: them
    role: Chief Operating Officer
    level: executive
  - id: marta
    name: Marta Ferreira
    side: them
    role: Head of Procurement
    level: senior
    sponsor: true
    decision_maker: true
  - id: ines
    name: Inês Duarte
    side: them
    role: Packaging Buyer
    level: manager
  - id: tomasz
    name: Tomasz Wójcik
    side: them
    role: Line Supervisor, Plant 2
    level: operational
    notes: Calls Sam directly whenever a batch of cups jams the filler.

# What happened. kind: meeting | dispute | bid | escalation | personnel | market |
# delivery | recognition | note; sentiment: positive | neutral | negative.
# Events are internal unless `visibility: shared`.
events:
  - date: 2026-03-12
    kind: delivery
    title: Cup batch rejected at Plant 2
    sentiment: negative
    people: [sam, tomasz]
    note: One mould cavity out of tolerance; 40,000 cups replaced within four days.
  - date: 2026-04-08
    kind: meeting
    title: First quarterly review with Marta and Inês
    sentiment: positive
    people: [sam, ruth, marta, ines]
    visibility: shared

# Disagreements, usually about money; internal unless `visibility: shared`.
# `escalated_to` is the highest level that has taken it up.
disputes:
  - id: rejected-batch
    title: Credit note for the rejected March batch
    opened: 2026-03-16
    resolved: 2026-05-20
    amount: 18500
    currency: EUR
    escalated_to: senior
    owner: sam

# Joint goals with dated milestones (`done:` the day one was met).
# Shared unless `visibility: internal`.
goals:
  - id: lighter-cup
    title: A yoghurt cup ten per cent lighter
    owners: [sam, ines]
    milestones:
      - title: Samples approved by Brightwater quality
        due: 2026-06-30
        done: 2026-06-24
      - title: First production run at Plant 2
        due: 2026-10-31
        done: 2026-10-29
      - title: Both plants switched to the new cup
        due: 2027-03-31

# Promises by us | them | both; status: open | kept | broken | withdrawn. Without `due`
# a commitment is an ongoing behaviour. Shared unless `visibility: internal`.
commitments:
  - by: us
    what: Replace any rejected batch within five working days
    made: 2026-03-20
    status: kept
    evidence: The March batch was replaced in four days.
  - by: them
    what: Share a rolling three-month call-off forecast every month
    made: 2026-04-08
    status: open
  - by: both
    what: Hold a director-level review every quarter
    made: 2026-04-08
    due: 2026-12-31
    status: open

# Joint committees. cadence: weekly | monthly | quarterly | yearly | ad-hoc.
governance:
  - name: Quarterly business review
    cadence: quarterly
    members: [sam, ruth, marta, ines]
    purpose: Quality, delivery, forecasts and the lighter-cup project.

# How they judge us: success criteria with an importance weight from 1 to 5.
criteria:
  - id: quality
    name: Quality
    weight: 5
    illustrations: [no rejected batches, fast replacement when one slips through]
  - id: responsiveness
    name: Responsiveness
    weight: 3
    illustrations: [line problems answered the same day]

# One review per fiscal quarter (YYYY-Qn); scores from 1 to 5 per criterion id.
# `summary` is INTERNAL ONLY; `shared_summary` may be published.
reviews:
  - quarter: 2026-Q1
    date: 2026-04-08
    attendees: [sam, ruth, marta, ines]
    scores: { quality: 2, responsiveness: 4 }
    successes: [Rejected batch replaced in four days]
    failures: [A mould cavity ran out of tolerance for a whole shift before anyone noticed]
    next_steps: [Check wall thickness on every cavity change]
    summary: Marta was angry about the batch but noticed how fast we replaced it.
    shared_summary: A difficult quarter for quality, handled quickly and together.

# The joint commitment statement: a page to hand to the other company.
statement:
  title: Lighter packaging, no line stops
  date: 2026-04-20
  vision: |
    Together we will take a tenth of the weight out of Brightwater's yoghurt packaging
    by 2027, **without a single line stop** caused by our cups.
  behaviours:
    us:
      - Replace rejected batches within five working days
      - Warn Brightwater of any quality risk before the cups ship
    them:
      - Share call-off forecasts every month
      - Bring us in early on new product launches
  signatories: [ruth, marta]
"#;

const ACCOUNT_TEMPLATE: &str = "\
# yaml-language-server: $schema=../rapport-account.schema.json
# Account `{id}`, {what}. The file name is the account id.
#
# Only `name` and `kind` are required. Each commented block below is an example of one
# section of the format: to use one, uncomment it (select the lines, then Ctrl+/ in most
# editors) and make it true. Text is Markdown. Fields marked INTERNAL ONLY never appear
# in the pages shared with the other company; items with `visibility:` follow it
# (internal or shared). `rapport check` points at any mistake; `rapport serve` shows the
# pages as you save.

name: {name}
kind: {kind}

# Our relationship owner (the id of one of our people below), since when, and where the
# relationship stands: prospect | vendor | preferred | strategic | associate.
# owner: our-lead
# since: 2026-01-15
# stage: vendor

# What the account is worth to us, and whether we could do without it. INTERNAL ONLY.
# value:
#   annual_amount: 250000      # {amount}
#   currency: EUR
#   need: medium               # how much we need them: low | medium | high
#   want: high                 # how much we want them: low | medium | high
#   counterpart_wants: unknown # do they want us: yes | no | unknown
#   alternatives: Who else could {alternative}, and at what cost.
#   impact_of_loss: What losing them would do to us.

# For a relationship in trouble: the step of the seven-step turnaround it has reached
# (insight | needs | ownership | vision | action | trust | recognition), with evidence.
# turnaround:
#   step: insight
#   started: 2026-01-15
#   evidence:
#     insight: What we learnt about how they see us.

# People on both sides (side: us | them); ids use lowercase letters, digits and dashes.
# Levels are executive | senior | manager | operational. `covers` lists their people one
# of ours holds the relationship with. `assets`, `liabilities` and `notes` are INTERNAL ONLY.
# people:
#   - id: our-lead
#     name: Our Lead
#     side: us
#     role: Account Manager
#     level: manager
#     covers: [their-contact]
#     assets: [What this person brings to the relationship]
#     liabilities: [What gets in the way]
#   - id: their-contact
#     name: Their Contact
#     side: them
#     role: Buyer
#     level: manager
#     decision_maker: true

# What happened. kind: meeting | dispute | bid | escalation | personnel | market |
# delivery | recognition | note; sentiment: positive | neutral | negative.
# Events are internal unless `visibility: shared`.
# events:
#   - date: 2026-01-15
#     kind: meeting
#     title: First meeting
#     sentiment: positive
#     people: [our-lead, their-contact]

# Disagreements, usually about money; internal unless `visibility: shared`.
# `escalated_to` is the highest level that has taken it up.
# disputes:
#   - id: first-dispute
#     title: What the disagreement is about
#     opened: 2026-02-01
#     amount: 12000
#     currency: EUR
#     escalated_to: manager
#     owner: our-lead

# Joint goals with dated milestones (add `done:` with the day one is met).
# Shared unless `visibility: internal`.
# goals:
#   - id: first-goal
#     title: What we want to achieve together
#     owners: [our-lead, their-contact]
#     milestones:
#       - title: The first step
#         due: 2026-06-30

# Promises by us | them | both; status: open | kept | broken | withdrawn. Without `due`
# a commitment is an ongoing behaviour. Shared unless `visibility: internal`.
# commitments:
#   - by: us
#     what: Answer every complaint within two working days
#     made: 2026-01-15
#     status: open

# Joint committees. cadence: weekly | monthly | quarterly | yearly | ad-hoc.
# governance:
#   - name: Quarterly business review
#     cadence: quarterly
#     members: [our-lead, their-contact]
#     purpose: Delivery, quality and open actions.

# How they judge us: success criteria with an importance weight from 1 to 5.
# criteria:
#   - id: reliability
#     name: Reliability
#     weight: 4
#     illustrations: [on-time delivery, people who call back]

# One review per fiscal quarter (YYYY-Qn); scores from 1 to 5 per criterion id.
# `summary` is INTERNAL ONLY; `shared_summary` may be published.
# reviews:
#   - quarter: 2026-Q1
#     date: 2026-04-10
#     attendees: [our-lead, their-contact]
#     scores: { reliability: 3 }
#     successes: [What went well]
#     failures: [What did not]
#     next_steps: [What happens next]
#     summary: What we think, among ourselves.
#     shared_summary: What we can tell them.

# The joint commitment statement: a page to hand to the other company.
# statement:
#   title: How we will work together
#   date: 2026-03-01
#   vision: Where we want the relationship to be in two years.
#   behaviours:
#     us: [What they can expect from us]
#     them: [What we expect from them]
#   signatories: [our-lead, their-contact]
";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_come_from_ids_in_words() {
        assert_eq!(name_from_id("northwind-supply"), "Northwind Supply");
        assert_eq!(name_from_id("acme-2"), "Acme 2");
        assert_eq!(name_from_id("a--b-"), "A B");
        assert_eq!(name_from_id("---"), "---");
    }

    #[test]
    fn suggested_ids_are_valid_ids() {
        assert_eq!(
            suggested_id("Northwind Supply Co.").as_deref(),
            Some("northwind-supply-co")
        );
        assert_eq!(suggested_id("ACME_2").as_deref(), Some("acme-2"));
        assert_eq!(suggested_id("!!!"), None);
    }

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

    #[test]
    fn shell_words_survive_pasting() {
        assert_eq!(shell_word(Path::new("my-accounts")), "my-accounts");
        assert_eq!(shell_word(Path::new("my accounts")), "'my accounts'");
        assert_eq!(shell_word(Path::new("it's")), r"'it'\''s'");
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        write_new(&path, "first").unwrap();
        assert!(matches!(
            write_new(&path, "second"),
            Err(ScaffoldError::Exists(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.yaml"], "no temporary file is left behind");
    }
}
