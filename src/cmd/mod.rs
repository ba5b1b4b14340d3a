//! One small file per subcommand: each only wires its arguments to the library.

pub mod build;
pub mod check;
pub mod completions;
pub mod diff;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;
pub mod statement;
