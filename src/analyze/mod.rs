//! Analysis: pure functions of (workspace, as-of date) that compute the figures, health and
//! alerts an account director acts on.
