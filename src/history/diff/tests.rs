//! Unit tests of the semantic diff.
