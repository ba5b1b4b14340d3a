//! `rapport diff --format markdown`, the pull-request comment CI posts: its structure (a
//! heading naming the account and both revisions, a sub-heading per section, a bullet per
//! change, a line when nothing changed or the file is new) and its escaping. Text from the
//! account file and from git (a pull request sets both) must not add markup, HTML, links,
//! mentions or issue references: the comment is parsed back as GitHub-flavoured Markdown to
//! prove it. Tests skip, saying so, where `git` is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;

use build_support::{assert_ok, stderr, Workspace};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use std::collections::BTreeMap;
use std::process::Command;

const FILE: &str = "accounts/beta-metals.yaml";

const ACCOUNT: &str = "\
name: Beta Metals
kind: supplier
people:
  - { id: raj, name: Raj Mehta, side: them, level: senior }
commitments:
  - { by: both, what: Raise any pricing discrepancy within 10 working days, made: 2026-01-20 }
";

/// Every character a person's name can use to attack a comment.
const HOSTILE_NAME: &str = "<img src=x onerror=alert(1)> **Mal** @octocat [x](https://evil.example) #12 | ~~gone~~ `tick` &lt;b&gt; !3";

/// A commit author a pull request can choose freely.
const HOSTILE_AUTHOR: &str = "@octocat *Sam* _x_ #7";

/// The invisible word joiner that breaks mentions and references.
const WJ: &str = "\u{2060}";

fn git_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: git is not installed, so rapport diff cannot be tested here");
    }
    found
}

/// A workspace in a git repository of its own, and its commits by name.
struct Repo {
    ws: Workspace,
    commits: BTreeMap<&'static str, String>,
}

impl Repo {
    /// The history: `config` (rapport.yaml alone), `initial` (the account added),
    /// `hostile` (a person with a hostile name and a reworded commitment, by an author with
    /// a hostile name), then `removed` (the account file deleted).
    fn scripted() -> Repo {
        let mut r = Repo {
            ws: Workspace::new(),
            commits: BTreeMap::new(),
        };
        r.git(&["init", "-q"], "2026-01-01", "Nobody");
        r.commit("config", "2026-01-10", "Alex Morgan");
        r.ws.write(FILE, ACCOUNT);
        r.commit("initial", "2026-02-01", "Alex Morgan");
        let hostile = ACCOUNT
            .replace(
                "  - { id: raj,",
                &format!(
                    "  - {{ id: mal, name: '{HOSTILE_NAME}', side: them, level: senior }}\n  - {{ id: raj,"
                ),
            )
            .replace(
                "within 10 working days",
                "within 5 days_ & pay $5 <script>alert(1)</script>",
            );
        r.ws.write(FILE, &hostile);
        r.commit("hostile", "2026-03-02", HOSTILE_AUTHOR);
        std::fs::remove_file(r.ws.root().join(FILE)).unwrap();
        r.commit("removed", "2026-04-01", "Alex Morgan");
        r
    }

    /// git in `ws/`, isolated from the user's configuration, with set author and dates.
    fn git(&self, args: &[&str], date: &str, author: &str) -> String {
        let stamp = format!("{date}T10:00:00+00:00");
        let output = Command::new("git")
            .arg("-C")
            .arg(self.ws.root())
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(["-c", "init.defaultBranch=main"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "someone@acme.example")
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", "someone@acme.example")
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("run git");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    fn commit(&mut self, name: &'static str, date: &str, author: &str) {
        self.git(&["add", "-A"], date, author);
        self.git(&["commit", "-q", "--no-verify", "-m", name], date, author);
        let id = self.git(&["rev-parse", "HEAD"], date, author);
        self.commits.insert(name, id);
    }

    fn short(&self, name: &str) -> &str {
        &self.commits[name][..7]
    }

    /// `rapport diff beta-metals --format markdown --from FROM --to TO`: its stdout.
    fn markdown(&self, from: &str, to: &str) -> String {
        let output = self.ws.run(&[
            "diff",
            "beta-metals",
            "--workspace",
            "ws",
            "--format",
            "markdown",
            "--from",
            &self.commits[from],
            "--to",
            &self.commits[to],
        ]);
        assert_ok(&output);
        assert!(stderr(&output).is_empty(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    }
}

/// What a git host's Markdown renderer makes of a comment: headings with their text, and
/// every element that is not plain text, a strong span or a list.
#[derive(Debug, Default)]
struct Rendered {
    headings: Vec<(HeadingLevel, String)>,
    items: usize,
    /// HTML, links, images, emphasis, strikethrough, tables, math: none may come from
    /// escaped text.
    unexpected: Vec<String>,
    text: String,
}

fn render(markdown: &str) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let mut out = Rendered::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                out.headings.extend(heading.take());
            }
            Event::Start(Tag::Item) => out.items += 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                out.text.push_str(&t);
            }
            Event::Start(Tag::Strong | Tag::List(_) | Tag::Paragraph | Tag::BlockQuote(_))
            | Event::End(_)
            | Event::SoftBreak => {}
            other => out.unexpected.push(format!("{other:?}")),
        }
    }
    out
}

#[test]
fn markdown_has_a_heading_sections_and_one_bullet_per_change() {
    if !git_available() {
        return;
    }
    let r = Repo::scripted();
    let text = r.markdown("initial", "hostile");
    let (initial, hostile) = (r.short("initial"), r.short("hostile"));
    let author = format!("@{WJ}octocat \\*Sam\\* \\_x\\_ #{WJ}7");
    let expected = format!(
        "## `beta-metals`: 2 changes from `{initial}` to `{hostile}`\n\
         \n\
         `{FILE}` at `{initial}` (2026-02-01, Alex Morgan) compared with `{hostile}` (2026-03-02, {author}): 1 commit by {author}.\n\
         \n\
         ### People\n\
         \n\
         - person added: **&lt;img src=x onerror=alert(1)&gt; \\*\\*Mal\\*\\* @{WJ}octocat \\[x\\](https://evil.example) #{WJ}12 \\| \\~\\~gone\\~\\~ \\`tick\\` &{WJ}lt;b&{WJ}gt; !{WJ}3 (mal)**: them, senior — `{hostile}` {author}, 2026-03-02\n\
         \n\
         ### Commitments\n\
         \n\
         - commitment reworded: **by both, made 2026-01-20**: Raise any pricing discrepancy within 10 working days → Raise any pricing discrepancy within 5 days\\_ &{WJ} pay \\$5 &lt;script&gt;alert(1)&lt;/script&gt; — `{hostile}` {author}, 2026-03-02\n"
    );
    assert_eq!(text, expected);

    let rendered = render(&text);
    assert_eq!(
        rendered.headings,
        [
            (
                HeadingLevel::H2,
                format!("beta-metals: 2 changes from {initial} to {hostile}")
            ),
            (HeadingLevel::H3, "People".to_string()),
            (HeadingLevel::H3, "Commitments".to_string()),
        ]
    );
    assert_eq!(rendered.items, 2);
    assert!(rendered.unexpected.is_empty(), "{:?}", rendered.unexpected);
}

#[test]
fn markdown_escaping_shows_hostile_text_as_written_without_mentions() {
    if !git_available() {
        return;
    }
    let r = Repo::scripted();
    let rendered = render(&r.markdown("initial", "hostile"));
    assert!(rendered.unexpected.is_empty(), "{:?}", rendered.unexpected);
    // A reader sees the name exactly as written, save the invisible joiners.
    let seen = rendered.text.replace(WJ, "");
    assert!(seen.contains(&format!("{HOSTILE_NAME} (mal)")), "{seen}");
    assert!(seen.contains(HOSTILE_AUTHOR), "{seen}");
    assert!(
        seen.contains("days_ & pay $5 <script>alert(1)</script>"),
        "{seen}"
    );
    // No mention or reference survives in the rendered text: each `@` and `#` is followed
    // by the joiner.
    for (i, c) in rendered.text.char_indices() {
        if matches!(c, '@' | '#' | '!' | '&') {
            assert!(
                rendered.text[i + 1..].starts_with(WJ),
                "`{c}` without a joiner at {i} in {}",
                rendered.text
            );
        }
    }
}

#[test]
fn markdown_says_when_nothing_changed() {
    if !git_available() {
        return;
    }
    let r = Repo::scripted();
    let hostile = r.short("hostile");
    let text = r.markdown("hostile", "hostile");
    assert_eq!(
        text,
        format!(
            "## `beta-metals`: 0 changes from `{hostile}` to `{hostile}`\n\
             \n\
             `{FILE}` at `{hostile}` (2026-03-02, @{WJ}octocat \\*Sam\\* \\_x\\_ #{WJ}7) compared with `{hostile}` (2026-03-02, @{WJ}octocat \\*Sam\\* \\_x\\_ #{WJ}7).\n\
             \n\
             No changes to the account notes between these revisions.\n"
        )
    );
}

#[test]
fn markdown_says_when_the_account_file_is_new() {
    if !git_available() {
        return;
    }
    let r = Repo::scripted();
    let (config, initial) = (r.short("config"), r.short("initial"));
    let text = r.markdown("config", "initial");
    let head = format!(
        "## `beta-metals`: 2 changes from `{config}` to `{initial}`\n\
         \n\
         `{FILE}` at `{config}` (2026-01-10, Alex Morgan) compared with `{initial}` (2026-02-01, Alex Morgan): 1 commit by Alex Morgan.\n\
         \n\
         **New account file:** it did not exist at `{config}`, so everything in it is new.\n\
         \n\
         ### People\n\
         \n\
         - person added: **Raj Mehta (raj)**: them, senior — `{initial}` Alex Morgan, 2026-02-01\n"
    );
    assert!(text.starts_with(&head), "{text}");
    let rendered = render(&text);
    assert_eq!(rendered.items, 2, "{text}");
    assert!(rendered.unexpected.is_empty(), "{:?}", rendered.unexpected);
}

#[test]
fn markdown_says_when_the_account_file_is_removed() {
    if !git_available() {
        return;
    }
    let r = Repo::scripted();
    let (hostile, removed) = (r.short("hostile"), r.short("removed"));
    let text = r.markdown("hostile", "removed");
    let head = format!(
        "## `beta-metals`: 3 changes from `{hostile}` to `{removed}`\n\
         \n\
         `{FILE}` at `{hostile}` (2026-03-02, @{WJ}octocat \\*Sam\\* \\_x\\_ #{WJ}7) compared with `{removed}` (2026-04-01, Alex Morgan): 1 commit by Alex Morgan.\n\
         \n\
         **Account file removed:** it does not exist at `{removed}`, so everything in it was removed.\n\
         \n\
         ### People\n"
    );
    assert!(text.starts_with(&head), "{text}");
    let rendered = render(&text);
    assert_eq!(rendered.items, 3, "{text}");
    assert!(
        text.contains("- person removed: **Raj Mehta (raj)**"),
        "{text}"
    );
    assert!(rendered.unexpected.is_empty(), "{:?}", rendered.unexpected);
}
