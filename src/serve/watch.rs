//! Watching the workspace for the edits that change the site: `rapport.yaml`,
//! `accounts/*.yaml` and the template overrides. The output folder (inside the workspace by
//! default), editor temporary files and our own reads are not changes.
//!
//! Only four folders are watched, each without recursion: the workspace root, `accounts/`,
//! `templates/` and its message catalogues, `templates/locales/`. Watching the root recursively would put an inotify watch on every
//! folder of the output (two per account) and renew them all on every full rebuild.

use crate::load::{ACCOUNTS_DIR, CONFIG_FILE};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};

/// The folder of template overrides.
pub const TEMPLATES_DIR: &str = "templates";

/// One edit that matters to the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `rapport.yaml` changed: every page may change.
    Config,
    /// A template override, or the `templates/` folder, changed.
    Templates,
    /// The `accounts/` folder itself appeared or went away.
    AccountsFolder,
    /// One account file was written, created, renamed or removed.
    Account(PathBuf),
    /// The watcher lost events (its queue overflowed): anything may have changed.
    Rescan,
}

/// The watcher of one workspace.
pub struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
}

impl Watch {
    /// Watches `root` (an absolute, canonical path) and its `accounts/` and `templates/`
    /// folders where they exist; every event goes to `handler`.
    pub fn start(root: &Path, handler: impl EventHandler) -> notify::Result<Watch> {
        let watcher = RecommendedWatcher::new(handler, notify::Config::default())?;
        let mut watch = Watch {
            watcher,
            root: root.to_path_buf(),
        };
        watch.watcher.watch(root, RecursiveMode::NonRecursive)?;
        watch.refresh();
        Ok(watch)
    }

    /// Watches `accounts/`, `templates/` and `templates/locales/` again after one of them
    /// was created or replaced; a watch on a folder that is gone has ended by itself.
    pub fn refresh(&mut self) {
        let locales = Path::new(TEMPLATES_DIR).join(crate::i18n::LOCALES_DIR);
        for dir in [Path::new(ACCOUNTS_DIR), Path::new(TEMPLATES_DIR), &locales] {
            let path = self.root.join(dir);
            if path.is_dir() {
                // Already watched is fine; a failure leaves that folder unwatched and the
                // next event on the root tries again.
                let _ = self.watcher.watch(&path, RecursiveMode::NonRecursive);
            }
        }
    }
}

/// The changes an event stands for, given the canonical workspace root and the absolute
/// output folder.
pub fn classify(root: &Path, out: &Path, event: &Event) -> Vec<Change> {
    if event.need_rescan() {
        return vec![Change::Rescan];
    }
    if !is_edit(&event.kind) {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .filter_map(|path| classify_path(root, out, path))
        .collect()
}

/// Whether an event can change a file's content or existence. Opening and reading files
/// (every build reads every account) and metadata changes (`touch`, atime) are not edits.
fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Any | EventKind::Other => true,
    }
}

/// Whether an event completes a file: closed after writing, renamed into place, removed.
pub fn settles(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
            | EventKind::Remove(_)
    )
}

fn classify_path(root: &Path, out: &Path, path: &Path) -> Option<Change> {
    if path.starts_with(out) {
        return None;
    }
    let relative = path.strip_prefix(root).ok()?;
    let mut parts = relative.iter();
    let first = parts.next()?.to_str()?;
    let second = parts.next().and_then(|p| p.to_str());
    let third = parts.next().and_then(|p| p.to_str());
    if parts.next().is_some() {
        return None;
    }
    // A message catalogue changes labels on every page, as a template does.
    if (first, second) == (TEMPLATES_DIR, Some(crate::i18n::LOCALES_DIR)) {
        return third
            .is_none_or(|name| name.ends_with(".ftl"))
            .then_some(Change::Templates);
    }
    if third.is_some() {
        return None;
    }
    match (first, second) {
        (CONFIG_FILE, None) => Some(Change::Config),
        (ACCOUNTS_DIR, None) => Some(Change::AccountsFolder),
        (ACCOUNTS_DIR, Some(name)) if crate::load::is_account_file_name(name) => {
            Some(Change::Account(path.to_path_buf()))
        }
        (TEMPLATES_DIR, None) => Some(Change::Templates),
        // Only files named like a built-in template override anything.
        (TEMPLATES_DIR, Some(name)) if crate::render::BUILT_IN.iter().any(|(n, _)| *n == name) => {
            Some(Change::Templates)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, MetadataKind, RemoveKind};

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        e
    }

    fn changes(kind: EventKind, paths: &[&str]) -> Vec<Change> {
        classify(Path::new("/ws"), Path::new("/ws/site"), &event(kind, paths))
    }

    const WRITE: EventKind = EventKind::Modify(ModifyKind::Data(DataChange::Content));

    #[test]
    fn account_config_and_template_edits_are_changes() {
        assert_eq!(
            changes(WRITE, &["/ws/accounts/acme.yaml"]),
            vec![Change::Account("/ws/accounts/acme.yaml".into())]
        );
        assert_eq!(
            changes(WRITE, &["/ws/accounts/acme.yml"]),
            vec![Change::Account("/ws/accounts/acme.yml".into())]
        );
        assert_eq!(changes(WRITE, &["/ws/rapport.yaml"]), vec![Change::Config]);
        assert_eq!(
            changes(WRITE, &["/ws/templates/account.html"]),
            vec![Change::Templates]
        );
        assert_eq!(
            changes(EventKind::Remove(RemoveKind::Folder), &["/ws/accounts"]),
            vec![Change::AccountsFolder]
        );
        // The workspace's message catalogues, and their folder, change every page too.
        assert_eq!(
            changes(WRITE, &["/ws/templates/locales/de.ftl"]),
            vec![Change::Templates]
        );
        assert_eq!(
            changes(
                EventKind::Remove(RemoveKind::Folder),
                &["/ws/templates/locales"]
            ),
            vec![Change::Templates]
        );
        assert_eq!(changes(WRITE, &["/ws/templates/locales/notes.txt"]), vec![]);
        assert_eq!(changes(WRITE, &["/ws/templates/other/de.ftl"]), vec![]);
    }

    #[test]
    fn an_atomic_save_counts_under_the_final_name() {
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(
            changes(
                rename,
                &["/ws/accounts/.acme.yaml.swp", "/ws/accounts/acme.yaml"]
            ),
            vec![Change::Account("/ws/accounts/acme.yaml".into())]
        );
    }

    #[test]
    fn output_folder_temporary_files_reads_and_metadata_are_ignored() {
        for path in [
            "/ws/site/internal/index.html",
            "/ws/site/accounts/acme.yaml",
            "/ws/.site.rapport-new-12",
            "/ws/accounts/.acme.yaml.swp",
            "/ws/accounts/.#acme.yaml",
            "/ws/accounts/#acme.yaml#",
            "/ws/accounts/acme.yaml~",
            "/ws/accounts/4913",
            "/ws/accounts/notes.txt",
            "/ws/accounts/old/acme.yaml",
            "/ws/templates/notes.txt",
            "/ws/README.md",
            "/elsewhere/rapport.yaml",
        ] {
            assert_eq!(changes(WRITE, &[path]), vec![], "{path}");
        }
        let read = EventKind::Access(AccessKind::Open(AccessMode::Read));
        assert_eq!(changes(read, &["/ws/accounts/acme.yaml"]), vec![]);
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert_eq!(changes(closed, &["/ws/accounts/acme.yaml"]), vec![]);
        let touched = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        assert_eq!(changes(touched, &["/ws/accounts/acme.yaml"]), vec![]);
        let created = EventKind::Create(CreateKind::File);
        assert_eq!(
            changes(created, &["/ws/accounts/new.yaml"]),
            vec![Change::Account("/ws/accounts/new.yaml".into())]
        );
    }

    #[test]
    fn a_file_is_complete_after_close_rename_or_removal() {
        assert!(settles(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(settles(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(settles(&EventKind::Remove(RemoveKind::File)));
        assert!(!settles(&WRITE), "more writes may follow");
        assert!(
            !settles(&EventKind::Create(CreateKind::File)),
            "created empty, then written"
        );
        assert!(!settles(&EventKind::Modify(ModifyKind::Name(
            RenameMode::From
        ))));
    }

    #[test]
    fn a_lost_event_queue_means_rescan() {
        let e = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert_eq!(
            classify(Path::new("/ws"), Path::new("/ws/site"), &e),
            vec![Change::Rescan]
        );
    }
}
