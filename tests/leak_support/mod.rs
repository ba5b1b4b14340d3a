//! The account the leak-guard tests search for: its internal and shared texts, as an
//! account file the guard takes.

use rapport::model::AccountFile;

/// Internal: an event title (short, compared whole), a person's note (long, compared by
/// windows of eight words), a note with accents, and an amount. Shared: the name, a
/// shared event.
pub const ACCOUNT: &str = "\
name: Acme
kind: customer
value:
  annual_amount: 1200000
people:
  - id: raj
    name: Raj Patel
    side: them
    notes: Raj hates long meetings and will not read decks
events:
  - date: 2026-01-10
    title: Quietly met Blue Forge in Essen
    visibility: internal
  - date: 2026-01-11
    title: Réunion secrète à Düsseldorf chez Müller
    visibility: internal
  - date: 2026-01-12
    title: Joint kickoff workshop in Rotterdam
    visibility: shared
";

pub fn account() -> AccountFile {
    AccountFile {
        id: "acme".into(),
        path: "accounts/acme.yaml".into(),
        source: ACCOUNT.into(),
        account: rapport::yaml::parse(ACCOUNT).unwrap(),
    }
}
