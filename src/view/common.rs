//! Building blocks shared by every view model: rich text, people, numbers and dates as
//! pages show them.

use crate::analyze::{action_status, ActionStatus};
use crate::format::markdown;
use crate::model::{Account, Action, Date, Person, PersonRef, Visibility};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// A Markdown note in the two forms pages need: Markdown for `.md` pages, sanitized HTML
/// for `.html` pages.
#[derive(Debug, Clone, Serialize)]
pub struct Rich {
    pub md: String,
    pub html: String,
}

/// Notes converted lately on this thread. The same note appears on several pages of an
/// account (its page, a review pack, the shared copy), and converting it (Markdown parse
/// plus HTML sanitizing) costs far more than a lookup. Rayon threads build one account at
/// a time, so a small cache catches the repeats; it is emptied when full to bound memory.
const CONVERTED_LIMIT: usize = 1024;

thread_local! {
    static CONVERTED: RefCell<HashMap<String, Rich>> = RefCell::new(HashMap::new());
}

impl Rich {
    pub fn new(markdown_text: &str) -> Rich {
        CONVERTED.with(|cache| {
            if let Some(rich) = cache.borrow().get(markdown_text) {
                return rich.clone();
            }
            let rich = Rich {
                md: markdown::to_markdown(markdown_text),
                html: markdown::to_html(markdown_text),
            };
            let mut cache = cache.borrow_mut();
            if cache.len() >= CONVERTED_LIMIT {
                cache.clear();
            }
            cache.insert(markdown_text.to_string(), rich.clone());
            rich
        })
    }

    pub fn option(markdown_text: Option<&String>) -> Option<Rich> {
        markdown_text
            .filter(|t| !t.trim().is_empty())
            .map(|t| Rich::new(t))
    }

    pub fn list(items: &[String]) -> Vec<Rich> {
        items.iter().map(|t| Rich::new(t)).collect()
    }
}

/// A person as any audience may see them: name, role and company. Nothing else about a
/// person is ever shared.
#[derive(Debug, Clone, Serialize)]
pub struct PersonName {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// Our organisation or the account's name.
    pub company: String,
}

/// Names the people an account refers to, with the two company names.
pub struct People<'a> {
    pub account: &'a Account,
    pub organisation: &'a str,
}

impl People<'_> {
    pub fn name(&self, person: &Person) -> PersonName {
        PersonName {
            id: person.id.value.clone(),
            name: person.name.clone(),
            role: person.role.clone(),
            company: match person.side {
                crate::model::Side::Us => self.organisation.to_string(),
                crate::model::Side::Them => self.account.name.clone(),
            },
        }
    }

    /// The person a reference points to; validation guarantees it exists, and an unknown
    /// id is shown as itself rather than dropped.
    pub fn named(&self, reference: &PersonRef) -> PersonName {
        match self.account.person(&reference.value) {
            Some(person) => self.name(person),
            None => PersonName {
                id: reference.value.clone(),
                name: reference.value.clone(),
                role: None,
                company: String::new(),
            },
        }
    }

    pub fn all(&self, references: &[PersonRef]) -> Vec<PersonName> {
        references.iter().map(|r| self.named(r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_notes_convert_exactly_as_fresh_ones_past_the_cache_limit() {
        let notes: Vec<String> = (0..CONVERTED_LIMIT + 10)
            .map(|i| format!("Note **{i}** with `code` and <b>raw</b>"))
            .collect();
        for round in 0..2 {
            for note in &notes {
                let rich = Rich::new(note);
                assert_eq!(rich.md, markdown::to_markdown(note), "round {round}");
                assert_eq!(rich.html, markdown::to_html(note), "round {round}");
            }
        }
        CONVERTED.with(|cache| assert!(cache.borrow().len() <= CONVERTED_LIMIT));
    }
}

/// An action agreed at a review, as the pages list it.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub what: String,
    pub owner: Option<PersonName>,
    pub due: Option<String>,
    pub done: Option<String>,
    /// `done`, `done-late`, `open` or `late`, judged at the date the page says.
    pub status: ActionStatus,
    pub shared: bool,
    /// `due` as a date, for the calendars; templates print `due`.
    #[serde(skip)]
    pub due_date: Option<Date>,
}

/// The actions `keep` lets through, judged at `judged_at`, in file order.
pub fn action_views(
    actions: &[Action],
    people: &People,
    judged_at: Date,
    keep: impl Fn(&Action) -> bool,
) -> Vec<ActionView> {
    actions
        .iter()
        .filter(|a| keep(a))
        .map(|a| ActionView {
            what: a.what.clone(),
            owner: a.owner.as_ref().map(|o| people.named(o)),
            due: crate::format::opt_date(a.due),
            done: crate::format::opt_date(a.done.filter(|&d| d <= judged_at)),
            status: action_status(a, judged_at),
            shared: a.visibility == Visibility::Shared,
            due_date: a.due,
        })
        .collect()
}
