//! The filters rapport adds to tera (text for Markdown pages) and its one function, `t`:
//! a message of the page's language, from the build's catalogues.

use crate::i18n::Messages;
use crate::model::Language;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tera::{Kwargs, State, Tera, Value};

pub(super) fn register(tera: &mut Tera, messages: &Arc<Messages>) {
    tera.register_filter("md", md);
    tera.register_filter("md_cell", md_cell);
    let messages = Arc::clone(messages);
    // Each registration formats with its own messages, so it keeps its own memo entries.
    let owner = NEXT_OWNER.fetch_add(1, Ordering::Relaxed);
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        t(&messages, owner, kwargs, state)
    });
}

static NEXT_OWNER: AtomicU64 = AtomicU64::new(1);

/// Entries a thread keeps before it starts afresh: far more than the distinct messages of
/// a large build (labels with their arguments), far less than would weigh on memory.
const MEMO_LIMIT: usize = 100_000;

thread_local! {
    /// The messages this thread has formatted, by language, key and arguments. A build of
    /// thousands of accounts asks for the same few thousand (`3 of 5 milestones met`, a
    /// severity's word) about a million times, and Fluent's formatting is most of what
    /// each costs.
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

#[derive(Default)]
struct Memo {
    /// The registration of `t` whose messages the entries were formatted with.
    owner: u64,
    /// By [`memo_key`].
    texts: HashMap<Vec<u8>, String>,
}

/// One argument of a `t` call as Fluent is given it.
enum MemoArg<'a> {
    Number(i64),
    Text(std::borrow::Cow<'a, str>),
}

/// `{{ t(key="statement-agreed", date=date) }}`: the message `key` of the catalogue of the
/// page's language (the `lang` variable; inside a component, its `@lang` parameter), the
/// other arguments given to the message. Never an error: a missing message falls back to
/// English, then to the key, so a page is never lost over a label.
fn t(messages: &Messages, owner: u64, kwargs: Kwargs, state: &State) -> String {
    let key = kwargs.get::<&str>("key").ok().flatten().unwrap_or_default();
    let lang: Option<Value> = state.get("lang").ok().flatten();
    let language = crate::i18n::language(lang.as_ref().and_then(Value::as_str).unwrap_or_default());
    let mut args: Vec<(&str, MemoArg)> = Vec::new();
    for (name, value) in kwargs.iter() {
        // Arguments are named, so every key is a name.
        let Some(name) = name.as_str() else {
            continue;
        };
        if name == "key" {
            continue;
        }
        if let Some(number) = value.as_i64() {
            args.push((name, MemoArg::Number(number)));
        } else if let Some(text) = value.as_str() {
            args.push((name, MemoArg::Text(text.into())));
        } else if !(value.is_none() || value.is_undefined()) {
            args.push((name, MemoArg::Text(value.to_string().into())));
        }
    }
    if args.is_empty() {
        return messages.get(language, key, None);
    }
    // The arguments come in no particular order; sorted, one call has one memo key.
    args.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let memo_key = memo_key(language, key, &args);
    let known = MEMO.with_borrow(|memo| {
        (memo.owner == owner)
            .then(|| memo.texts.get(&memo_key).cloned())
            .flatten()
    });
    if let Some(text) = known {
        return text;
    }
    let mut fluent = fluent_bundle::FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        match arg {
            MemoArg::Number(number) => fluent.set(name.to_string(), number),
            MemoArg::Text(text) => fluent.set(name.to_string(), text.into_owned()),
        }
    }
    let text = messages.get(language, key, Some(&fluent));
    MEMO.with_borrow_mut(|memo| {
        if memo.owner != owner || memo.texts.len() >= MEMO_LIMIT {
            memo.owner = owner;
            memo.texts.clear();
        }
        memo.texts.insert(memo_key, text.clone());
    });
    text
}

/// The memo's key of a call: its language, key and sorted arguments, numbers told from
/// text (Fluent chooses a plural by a number, never by text). Every text is preceded by its
/// length and every number is eight bytes, so no text, whatever it holds, reads as the end
/// of one argument and the start of another. Made of bytes rather than formatted: a large
/// build makes a key for each of a million calls.
fn memo_key(language: Language, key: &str, args: &[(&str, MemoArg)]) -> Vec<u8> {
    fn push_text(out: &mut Vec<u8>, text: &str) {
        out.extend_from_slice(&(text.len() as u64).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    let mut out = Vec::with_capacity(64);
    push_text(&mut out, language.as_str());
    push_text(&mut out, key);
    for (name, arg) in args {
        push_text(&mut out, name);
        match arg {
            MemoArg::Number(number) => {
                out.push(b'#');
                out.extend_from_slice(&number.to_le_bytes());
            }
            MemoArg::Text(text) => {
                out.push(b'=');
                push_text(&mut out, text);
            }
        }
    }
    out
}

/// Plain text for Markdown pages (`{{ x | md }}`): it cannot start markup or break a table.
/// An absent value prints nothing.
fn md(value: Value, _: Kwargs, _: &State) -> String {
    match value.as_str() {
        Some(text) => crate::format::escape_markdown_text(text),
        None if value.is_none() || value.is_undefined() => String::new(),
        None => crate::format::escape_markdown_text(&value.to_string()),
    }
}

/// Rich Markdown inside a table cell (`{{ note.md | md_cell }}`): on one line, pipes
/// escaped. An absent value prints nothing.
fn md_cell(value: Value, _: Kwargs, _: &State) -> String {
    value
        .as_str()
        .map(crate::format::markdown_cell)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tera with `t` over `messages`, rendering `t(key=…, done=…, total=…)`.
    fn engine(messages: Messages) -> Tera {
        let mut tera = Tera::default();
        register(&mut tera, &Arc::new(messages));
        tera.add_raw_template(
            "p",
            r#"{{ t(key="milestones-done", done=done, total=total) }}"#,
        )
        .expect("template");
        tera
    }

    fn render(tera: &Tera, done: i64, total: i64) -> String {
        render_in(tera, "en", done, total)
    }

    fn render_in(tera: &Tera, lang: &str, done: i64, total: i64) -> String {
        let mut context = tera::Context::new();
        context.insert("lang", lang);
        context.insert("done", &done);
        context.insert("total", &total);
        tera.render("p", &context).expect("render")
    }

    #[test]
    fn a_remembered_message_is_the_one_its_arguments_and_catalogue_make() {
        let dir = tempfile::tempdir().expect("tempdir");
        let locales = dir.path().join(crate::i18n::LOCALES_DIR);
        std::fs::create_dir_all(&locales).expect("dir");
        std::fs::write(
            locales.join("en.ftl"),
            "milestones-done = { $done } out of { $total }, workspace wording\n",
        )
        .expect("write");
        let (overridden, problems) = crate::i18n::read_overrides(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        let built_in = engine(Messages::default());
        let workspace = engine(overridden);
        // Asked in turn on one thread: each engine answers from its own catalogue, and
        // each call from its own arguments.
        for _ in 0..2 {
            assert_eq!(render(&built_in, 3, 5), "3 of 5 milestones done");
            assert_eq!(render(&workspace, 3, 5), "3 out of 5, workspace wording");
            assert_eq!(render(&built_in, 1, 5), "1 of 5 milestones done");
            assert_eq!(
                render_in(&built_in, "de", 3, 5),
                "3 von 5 Meilensteinen erreicht"
            );
        }
    }

    #[test]
    fn no_text_argument_reads_as_two_arguments_in_the_memo() {
        let one = memo_key(
            Language::En,
            "k",
            &[(
                "a",
                MemoArg::Text("v\x01\0\0\0\0\0\0\0b=\x01\0\0\0\0\0\0\0w".into()),
            )],
        );
        let two = memo_key(
            Language::En,
            "k",
            &[
                ("a", MemoArg::Text("v".into())),
                ("b", MemoArg::Text("w".into())),
            ],
        );
        assert_ne!(one, two);
        let number = memo_key(Language::En, "k", &[("a", MemoArg::Number(1))]);
        let text = memo_key(Language::En, "k", &[("a", MemoArg::Text("1".into()))]);
        assert_ne!(number, text);
    }
}
