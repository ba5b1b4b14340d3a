//! Every semantic rule of the account format, collecting all problems in one run.

use crate::diagnostic::Diagnostic;
use crate::model::Workspace;

/// Every problem in a loaded workspace that parsing alone cannot catch.
pub fn validate(workspace: &Workspace) -> Vec<Diagnostic> {
    let _ = workspace;
    Vec::new()
}
