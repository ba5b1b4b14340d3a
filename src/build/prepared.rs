//! A validated workspace ready to render: its analysis, its git history and the template
//! engine. Steps 4 to 6 of the pipeline (view, render, leak guard) run from here, one
//! account at a time, for `build` and for `serve` alike; `serve` keeps one between
//! rebuilds and swaps in the accounts a user edits.

use super::portfolio_parts::{Affected, Before, PortfolioParts};
use super::BuildError;
use crate::analyze::{self, Analysis};
use crate::diagnostic::Diagnostic;
use crate::format::ical;
use crate::format::print;
use crate::history::{self, History};
use crate::i18n;
use crate::leak;
use crate::model::{AccountFile, Date, Workspace};
use crate::paths;
use crate::render::{RenderError, Renderer};
use crate::site::OutputFile;
use crate::view::{self, Page};
use rayon::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

pub struct Prepared {
    workspace: Workspace,
    analysis: Analysis,
    history: History,
    /// Accounts whose history was read again after an edit moved their reviews: which
    /// revisions a review pack compares depends on the review dates.
    reread: BTreeMap<String, History>,
    renderer: Renderer,
    /// The text typed into the workspace's template overrides, which the leak guard
    /// searches for the internal text of every account.
    overrides: leak::Overrides,
    with_history: bool,
    /// A hash of each account file's text, to tell an edit from a save without a change;
    /// the texts themselves are freed (140 MB at 10,000 accounts).
    source_hashes: Vec<u64>,
    /// Each account's share of the portfolio's data files, made when first needed (a
    /// `check` renders no portfolio).
    parts: OnceLock<PortfolioParts>,
}

fn hash_of(source: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    hasher.finish()
}

impl Prepared {
    /// Analyses `workspace` at `as_of` and reads its history when `with_history`.
    pub fn new(
        mut workspace: Workspace,
        renderer: Renderer,
        as_of: Date,
        with_history: bool,
    ) -> Prepared {
        let source_hashes = workspace
            .accounts
            .iter_mut()
            .map(|a| hash_of(&std::mem::take(&mut a.source)))
            .collect();
        let analysis = analyze::analyze(&workspace, as_of);
        let overrides =
            leak::Overrides::read(&workspace.root.join("templates"), renderer.messages());
        let history = if with_history {
            history::collect(&workspace, &analysis)
        } else {
            History::none()
        };
        let mut prepared = Prepared {
            workspace,
            analysis,
            history,
            reread: BTreeMap::new(),
            renderer,
            overrides,
            with_history,
            source_hashes,
            parts: OnceLock::new(),
        };
        for index in 0..prepared.workspace.accounts.len() {
            prepared.date_outcomes_from_history(index);
        }
        prepared
    }

    /// Gives the account's kept, broken and withdrawn commitments without `closed` the date
    /// of the commit that recorded their status, and analyses the account again when that
    /// moved any of them: the history is read after the analysis it depends on.
    fn date_outcomes_from_history(&mut self, index: usize) {
        let id = &self.workspace.accounts[index].id;
        let Some(dates) = self
            .reread
            .get(id)
            .unwrap_or(&self.history)
            .status_dates(id)
        else {
            return;
        };
        let dates = dates.clone();
        let account = &mut self.workspace.accounts[index].account;
        for (&i, &date) in &dates {
            if let Some(commitment) = account.commitments.get_mut(i) {
                commitment.status_committed = Some(date);
            }
        }
        self.analysis.accounts[index] = analyze::analyze_account(
            &self.workspace.config,
            &self.workspace.accounts[index],
            self.analysis.as_of,
        );
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Whether `source` differs from the text the account at `index` was built from.
    pub fn source_changed(&self, index: usize, source: &str) -> bool {
        self.source_hashes.get(index) != Some(&hash_of(source))
    }

    fn history_of(&self, index: usize) -> &History {
        let id = &self.workspace.accounts[index].id;
        self.reread.get(id).unwrap_or(&self.history)
    }

    /// The portfolio's pages: index, account lists, owners; with `only`, the list and
    /// owners' pages it names.
    pub fn portfolio_pages(&self, only: Option<&view::PortfolioSelection>) -> Vec<Page> {
        view::portfolio_pages(
            &self.workspace,
            &self.analysis,
            self.renderer.messages(),
            only,
        )
    }

    fn parts(&self) -> &PortfolioParts {
        self.parts.get_or_init(|| {
            PortfolioParts::new(&self.workspace, &self.analysis, self.renderer.messages())
        })
    }

    /// Every page of the account at `index`.
    pub fn account_pages(&self, index: usize) -> Vec<Page> {
        view::account_pages(
            &self.workspace,
            &self.analysis,
            self.history_of(index),
            self.renderer.messages(),
            index,
        )
    }

    /// The rendered files of the account at `index`, with its shared folder's stylesheet
    /// and calendar, after the leak guard has searched its shared files.
    pub fn account_files(&self, index: usize) -> Result<Vec<OutputFile>, BuildError> {
        let account = &self.workspace.accounts[index];
        let pages = self.account_pages(index);
        let mut files = render_pages(&self.renderer, &pages)?;
        files.push(OutputFile {
            path: paths::shared_stylesheet(&account.id),
            bytes: self.renderer.stylesheet().as_bytes().to_vec(),
        });
        // The printed marks in the shared folder's language: "Acme und Orbis", "Seite 2 von 5".
        let words = self
            .renderer
            .messages()
            .words(view::shared_language(&self.workspace, index));
        let parties = words.with(
            i18n::keys::PARTIES,
            &[
                ("a", &self.workspace.config.organisation),
                ("b", &account.account.name),
            ],
        );
        files.push(OutputFile {
            path: paths::shared_page_css(&account.id),
            bytes: page_css(&self.workspace, &parties, words).into_bytes(),
        });
        let calendar = view::calendar::shared_calendar(
            &self.workspace,
            &self.analysis,
            self.renderer.messages(),
            index,
        );
        // The guard reads an .ics as raw text, where a folded line or an escaped comma can
        // split an internal phrase: it also searches the text a calendar program shows.
        let shown = OutputFile {
            path: paths::shared_calendar(&account.id),
            bytes: ical::reader_text(&calendar).into_bytes(),
        };
        files.push(OutputFile {
            path: paths::shared_calendar(&account.id),
            bytes: calendar.into_bytes(),
        });
        files.push(shown);
        let leaks = leak::guard_account(
            account,
            &files,
            leak::Stylesheet::of(&self.renderer),
            &self.overrides,
        );
        files.pop();
        if leaks.is_empty() {
            Ok(files)
        } else {
            Err(BuildError::Leak(leaks))
        }
    }

    /// The portfolio's pages, the internal stylesheet and scripts, the search index,
    /// `portfolio.json` and the internal calendars (all accounts', and each owner's); with
    /// `only` (after an edit), of the list pages, owners' pages and calendars and search
    /// shards only those it names.
    pub fn portfolio_files(&self, only: Option<&Affected>) -> Result<Vec<OutputFile>, BuildError> {
        let (pages, parts) = rayon::join(
            || {
                render_pages(
                    &self.renderer,
                    &self.portfolio_pages(only.map(|a| &a.pages)),
                )
            },
            || self.parts(),
        );
        let mut files = pages?;
        files.push(OutputFile {
            path: paths::INTERNAL_STYLESHEET.into(),
            bytes: self.renderer.stylesheet().as_bytes().to_vec(),
        });
        files.push(OutputFile {
            path: paths::INTERNAL_TABLE_SCRIPT.into(),
            bytes: self.renderer.table_script().as_bytes().to_vec(),
        });
        files.push(OutputFile {
            path: paths::INTERNAL_SEARCH_SCRIPT.into(),
            bytes: self.renderer.search_script().as_bytes().to_vec(),
        });
        files.extend(parts.search.files(only.map(|a| &a.shards)));
        let words = self
            .renderer
            .messages()
            .words(self.workspace.config.language);
        files.push(OutputFile {
            path: paths::INTERNAL_PAGE_CSS.into(),
            bytes: page_css(
                &self.workspace,
                &words.get(i18n::keys::PAGE_MARK_INTERNAL),
                words,
            )
            .into_bytes(),
        });
        let (json, calendars) = rayon::join(
            || view::portfolio::portfolio_json(&self.workspace, &self.analysis, &parts.json),
            || self.internal_calendars(only, parts),
        );
        files.push(OutputFile {
            path: paths::PORTFOLIO_JSON.into(),
            bytes: json.into_bytes(),
        });
        files.extend(calendars);
        Ok(files)
    }

    /// `internal/calendar.ics` and the owners' calendars (those in `only`, or all).
    fn internal_calendars(
        &self,
        only: Option<&Affected>,
        parts: &PortfolioParts,
    ) -> Vec<OutputFile> {
        let mut files = vec![OutputFile {
            path: paths::INTERNAL_CALENDAR.into(),
            bytes: view::calendar::internal_calendar(&self.workspace, &parts.events).into_bytes(),
        }];
        let groups = view::owners::group(&self.workspace);
        let owned = groups.par_iter().filter(|(slug, _)| {
            slug.as_str() != view::owners::UNOWNED_SLUG
                && only.is_none_or(|a| a.pages.owners.contains(*slug))
        });
        let calendars: Vec<OutputFile> = owned
            .map(|(slug, (name, indices))| OutputFile {
                path: paths::owner_calendar(slug),
                bytes: view::calendar::owner_calendar(
                    &self.workspace,
                    name,
                    indices,
                    &parts.events,
                )
                .into_bytes(),
            })
            .collect();
        files.extend(calendars);
        files
    }

    /// The portfolio files an edit left without a reason to exist: the page and calendar
    /// of an owner who no longer owns any account, a search shard with no word left.
    pub fn stale_portfolio_files(&self, affected: &Affected) -> Vec<String> {
        let groups = view::owners::group(&self.workspace);
        let mut stale = Vec::new();
        for slug in affected
            .pages
            .owners
            .iter()
            .filter(|s| !groups.contains_key(*s))
        {
            let page = paths::owner(slug);
            stale.push(format!("{page}.html"));
            stale.push(format!("{page}.md"));
            stale.push(paths::owner_calendar(slug));
        }
        stale.extend(
            affected
                .shards
                .iter()
                .filter(|key| !self.parts().search.has_shard(key))
                .map(|key| paths::search_file(key)),
        );
        stale
    }

    /// Renders, in memory, every page that goes through a template override of the
    /// workspace's, and returns the first problem of each template file.
    pub fn override_problems(&self) -> Vec<Diagnostic> {
        let uses_override = |page: &Page| self.renderer.uses_override(page.template());
        let pages = self
            .portfolio_pages(None)
            .into_iter()
            .chain((0..self.workspace.accounts.len()).flat_map(|i| self.account_pages(i)))
            .filter(uses_override);
        let mut problems: Vec<Diagnostic> = Vec::new();
        for page in pages {
            if let Err(e) = self.renderer.render(&page) {
                if !problems.iter().any(|d| d.file == e.diagnostic.file) {
                    problems.push(*e.diagnostic);
                }
            }
        }
        problems
    }

    /// Puts edited account files (already validated) in place of the accounts at their
    /// indices, analyses them again, and reads their history again: which revisions a
    /// review pack compares depends on the review dates, and the commit dates of outcomes
    /// and the statement's versions on the file's commitments and statement.
    /// Returns the portfolio files the edit can change.
    pub fn replace_accounts(&mut self, edited: Vec<(usize, AccountFile)>) -> Affected {
        let as_of = self.analysis.as_of;
        let indices: Vec<usize> = edited.iter().map(|(i, _)| *i).collect();
        let before = Before::of(&self.workspace, &indices);
        for (index, mut file) in edited {
            self.source_hashes[index] = hash_of(&std::mem::take(&mut file.source));
            self.workspace.accounts[index] = file;
            self.analysis.accounts[index] = analyze::analyze_account(
                &self.workspace.config,
                &self.workspace.accounts[index],
                as_of,
            );
            if self.with_history {
                let history = self.history_of_one(index);
                self.reread
                    .insert(self.workspace.accounts[index].id.clone(), history);
            }
            self.date_outcomes_from_history(index);
        }
        let mut shards = BTreeSet::new();
        if let Some(parts) = self.parts.get_mut() {
            for &index in &indices {
                shards.extend(parts.replace(
                    &self.workspace,
                    &self.analysis,
                    self.renderer.messages(),
                    index,
                ));
            }
        }
        Affected::between(before, &self.workspace, &indices, shards)
    }

    /// The git history of one account, read for it alone.
    fn history_of_one(&self, index: usize) -> History {
        let one = self
            .workspace
            .with_accounts(vec![self.workspace.accounts[index].clone()]);
        let analysis = Analysis {
            as_of: self.analysis.as_of,
            accounts: vec![self.analysis.accounts[index].clone()],
        };
        history::collect(&one, &analysis)
    }
}

/// The `page.css` of one audience folder: `marking` at the top of each printed page, the
/// page numbers in the folder's language at the bottom.
fn page_css(workspace: &Workspace, marking: &str, words: i18n::Words) -> String {
    let page = words.get(i18n::keys::PAGE_MARK_PAGE);
    let of = words.get(i18n::keys::PAGE_MARK_OF);
    let numbers = print::PageWords {
        page: &page,
        of: &of,
    };
    print::page_css(workspace.config.paper, marking, numbers)
}

/// Renders every page as `.html` and `.md`, in parallel, keeping page order.
pub fn render_pages(renderer: &Renderer, pages: &[Page]) -> Result<Vec<OutputFile>, RenderError> {
    let rendered: Vec<Result<[OutputFile; 2], RenderError>> = pages
        .par_iter()
        .map(|page| {
            let out = renderer.render(page)?;
            Ok([
                OutputFile {
                    path: format!("{}.html", page.path),
                    bytes: out.html.into_bytes(),
                },
                OutputFile {
                    path: format!("{}.md", page.path),
                    bytes: out.md.into_bytes(),
                },
            ])
        })
        .collect();
    let mut files = Vec::with_capacity(pages.len() * 2);
    for pair in rendered {
        files.extend(pair?);
    }
    Ok(files)
}
