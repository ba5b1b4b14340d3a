//! What changed in the account notes between reviews, read from git history. (Being built:
//! until then no history is collected and review packs have no such section.)

use crate::analyze::Analysis;
use crate::model::Workspace;

/// The semantic changes of every account between consecutive reviews.
#[derive(Debug, Default)]
pub struct History {}

impl History {
    /// No history: outside git, or with `--no-history`.
    pub fn none() -> History {
        History::default()
    }
}

/// Reads the history of every account of the workspace.
pub fn collect(workspace: &Workspace, analysis: &Analysis) -> History {
    let _ = (workspace, analysis);
    History::none()
}
