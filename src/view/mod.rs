//! Audience view models: the only place that decides who sees what. Each page gets a view
//! model made for its audience; templates print what they are given and never filter.

pub mod account;
pub mod calendar;
pub mod common;
pub mod fingerprint;
pub mod health;
pub mod owners;
pub mod portfolio;
pub mod review;
pub mod shared;
pub mod totals;

use crate::analyze::Analysis;
use crate::history::History;
use crate::i18n::Messages;
use crate::model::{Date, Language, Workspace};
use crate::paths;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;

/// Who a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Our own account team: everything.
    Internal,
    /// The other company: only what may be shared.
    Shared,
}

/// Facts about the whole site that every internal page shows.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    pub title: String,
    pub organisation: String,
    pub as_of: String,
    #[serde(skip)]
    pub as_of_date: Date,
}

/// The internal search page: the search runs in the browser over `internal/search/`.
#[derive(Debug, Serialize)]
pub struct SearchPage {
    pub site: SiteInfo,
    /// How many accounts the index holds.
    pub accounts: usize,
}

/// One page to render: where it goes (relative to the output root, without extension),
/// and its view model, whose kind says which template renders it.
#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub audience: Audience,
    /// The account the page belongs to, if any (index into `workspace.accounts`).
    pub account: Option<usize>,
    /// The way back to the audience's root folder (`internal/` or `shared/<id>/`).
    pub root: String,
    /// The language the page is written in: the workspace's for internal pages, the
    /// account's (by default the workspace's) for its shared folder.
    pub lang: Language,
    pub view: PageView,
}

/// The view model of a page, one variant per template. Its fields are the template's
/// variables, beside `root` and `audience` (see `render`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum PageView {
    Portfolio(Box<portfolio::Portfolio>),
    AccountList(Box<portfolio::AccountList>),
    Owners(Box<owners::OwnersIndex>),
    Owner(Box<owners::OwnerPage>),
    Search(Box<SearchPage>),
    Account(Box<account::AccountPage>),
    Review(Box<review::ReviewPack>),
    Progress(Box<shared::SharedProgress>),
    Statement(Box<shared::SharedStatement>),
    SharedIndex(Box<shared::SharedIndex>),
}

impl PageView {
    /// The template that renders this view, as `NAME.html` and `NAME.md`.
    pub fn template(&self) -> &'static str {
        match self {
            PageView::Portfolio(_) => "portfolio",
            PageView::AccountList(_) => "account-list",
            PageView::Owners(_) => "owners",
            PageView::Owner(_) => "owner",
            PageView::Search(_) => "search",
            PageView::Account(_) => "account",
            PageView::Review(_) => "review",
            PageView::Progress(_) => "progress",
            PageView::Statement(_) => "statement",
            PageView::SharedIndex(_) => "shared-index",
        }
    }
}

impl Page {
    fn new(
        path: String,
        audience: Audience,
        account: Option<usize>,
        lang: Language,
        view: PageView,
    ) -> Page {
        Page {
            root: paths::relative_root(&path),
            lang,
            path,
            audience,
            account,
            view,
        }
    }

    /// The template that renders this page, as `NAME.html` and `NAME.md`.
    pub fn template(&self) -> &'static str {
        self.view.template()
    }
}

pub fn site_info(workspace: &Workspace, as_of: Date) -> SiteInfo {
    SiteInfo {
        title: workspace.config.title.clone(),
        organisation: workspace.config.organisation.clone(),
        as_of: crate::format::date(as_of),
        as_of_date: as_of,
    }
}

/// Which of the portfolio's pages an edit can change, besides its index, the owners' index
/// and the search page (which sum up every account and are always made again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortfolioSelection {
    /// Numbers of the account list pages.
    pub lists: BTreeSet<usize>,
    /// Owners' slugs (`paths::owner_slug`); a slug no account has any more has no page.
    pub owners: BTreeSet<String>,
}

/// The portfolio's pages: its index, the account list pages when the portfolio is large,
/// the owners' index and one page per owner, in the workspace's language; with `only`, the
/// list and owner pages it names. They sum up every account, so they are rebuilt whenever
/// any changes.
pub fn portfolio_pages(
    workspace: &Workspace,
    analysis: &Analysis,
    messages: &Messages,
    only: Option<&PortfolioSelection>,
) -> Vec<Page> {
    let site = site_info(workspace, analysis.as_of);
    let lang = workspace.config.language;
    let words = messages.words(lang);
    let internal =
        |path: String, view: PageView| Page::new(path, Audience::Internal, None, lang, view);
    let groups = owners::group(workspace);
    let index = portfolio::portfolio(&site, workspace, analysis, groups.len(), words);
    let mut pages = vec![internal(
        paths::PORTFOLIO.to_string(),
        PageView::Portfolio(Box::new(index)),
    )];
    let lists = portfolio::list_links(workspace);
    let list_wanted = |number: &usize| only.is_none_or(|s| s.lists.contains(number));
    pages.extend(
        lists
            .iter()
            .filter(|link| list_wanted(&link.number))
            .map(|link| {
                let list =
                    portfolio::account_list(&site, workspace, analysis, &lists, link.number, words);
                internal(
                    paths::account_list(link.number),
                    PageView::AccountList(Box::new(list)),
                )
            }),
    );
    pages.push(internal(
        paths::SEARCH.to_string(),
        PageView::Search(Box::new(SearchPage {
            site: site.clone(),
            accounts: workspace.accounts.len(),
        })),
    ));
    let owners_index = owners::owners_index(&site, workspace, analysis, &groups, words);
    pages.push(internal(
        paths::OWNERS.to_string(),
        PageView::Owners(Box::new(owners_index)),
    ));
    let owner_pages: Vec<Page> = groups
        .par_iter()
        .filter(|(slug, _)| only.is_none_or(|s| s.owners.contains(*slug)))
        .map(|(slug, (name, indices))| {
            let name = owners::shown_name(slug, name, words);
            let view = owners::owner_page(&site, workspace, analysis, &name, indices, words);
            internal(paths::owner(slug), PageView::Owner(Box::new(view)))
        })
        .collect();
    pages.extend(owner_pages);
    pages
}

/// Every page of one account, internal (in the workspace's language) and shared (in the
/// account's).
pub fn account_pages(
    workspace: &Workspace,
    analysis: &Analysis,
    history: &History,
    messages: &Messages,
    index: usize,
) -> Vec<Page> {
    let site = site_info(workspace, analysis.as_of);
    let file = &workspace.accounts[index];
    let a = &analysis.accounts[index];
    let id = &file.id;
    let organisation = &workspace.config.organisation;
    let internal_lang = workspace.config.language;
    let shared_lang = shared_language(workspace, index);
    let internal_words = messages.words(internal_lang);
    let shared_words = messages.words(shared_lang);
    let mut pages = Vec::with_capacity(3 + 2 * a.periods.len());
    let view = account::account_page(&site, file, a, internal_words);
    pages.push(Page::new(
        paths::account(id),
        Audience::Internal,
        Some(index),
        internal_lang,
        PageView::Account(Box::new(view)),
    ));
    for period in &a.periods {
        let quarter = period.quarter.to_string();
        // Computed once for both audiences; the shared page keeps only shared items.
        let notes = history.review(id, period.quarter, &file.account);
        let pack = review::review_pack(&site, file, a, period, notes.as_ref(), internal_words);
        pages.push(Page::new(
            paths::review_pack(id, &quarter),
            Audience::Internal,
            Some(index),
            internal_lang,
            PageView::Review(Box::new(pack)),
        ));
        let progress = shared::progress(
            organisation,
            file,
            period,
            notes.as_ref(),
            analysis.as_of,
            shared_words,
        );
        pages.push(Page::new(
            paths::progress(id, &quarter),
            Audience::Shared,
            Some(index),
            shared_lang,
            PageView::Progress(Box::new(progress)),
        ));
    }
    let statement = shared::statement(
        organisation,
        file,
        analysis.as_of,
        history.statement_versions(id),
        shared_words,
    );
    pages.push(Page::new(
        paths::statement(id),
        Audience::Shared,
        Some(index),
        shared_lang,
        PageView::Statement(Box::new(statement)),
    ));
    let shared_index = shared::index(organisation, file, a, shared_words);
    pages.push(Page::new(
        paths::shared_index(id),
        Audience::Shared,
        Some(index),
        shared_lang,
        PageView::SharedIndex(Box::new(shared_index)),
    ));
    pages
}

/// The language of an account's shared folder: its own, or the workspace's.
pub fn shared_language(workspace: &Workspace, index: usize) -> Language {
    workspace.accounts[index]
        .account
        .language
        .unwrap_or(workspace.config.language)
}

/// Every page of the site, in a stable order.
pub fn all_pages(
    workspace: &Workspace,
    analysis: &Analysis,
    history: &History,
    messages: &Messages,
) -> Vec<Page> {
    let per_account: Vec<Vec<Page>> = (0..workspace.accounts.len())
        .into_par_iter()
        .map(|i| account_pages(workspace, analysis, history, messages, i))
        .collect();
    let mut pages = portfolio_pages(workspace, analysis, messages, None);
    pages.extend(per_account.into_iter().flatten());
    pages
}
