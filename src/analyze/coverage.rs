//! All-level contact: for each level of their company, who of ours holds the relationship
//! with whom; sponsors and decision makers on each side.

use crate::model::{Account, Level, Person, Side};
use serde::Serialize;
use std::collections::BTreeSet;

/// One level of their company.
#[derive(Debug, Clone, Serialize)]
pub struct LevelCoverage {
    pub level: Level,
    /// Ids of their people at this level, in file order.
    pub theirs: Vec<String>,
    /// (our person id, their person id) for each of our people covering one of `theirs`.
    pub covered_by: Vec<(String, String)>,
    /// Someone of ours covers someone of theirs at this level.
    pub covered: bool,
}

/// Who talks to whom.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// All four levels, executive first.
    pub levels: Vec<LevelCoverage>,
    pub our_sponsors: Vec<String>,
    pub their_sponsors: Vec<String>,
    pub our_decision_makers: Vec<String>,
    pub their_decision_makers: Vec<String>,
    /// People on their side.
    pub their_contacts: usize,
    /// People on our side.
    pub our_people: usize,
    /// Ids of their people that no one of ours covers, in file order.
    pub uncovered: Vec<String>,
}

impl Coverage {
    /// Levels of theirs where at least one person is recorded.
    pub fn levels_with_people(&self) -> usize {
        self.levels.iter().filter(|l| !l.theirs.is_empty()).count()
    }

    /// Levels of theirs with people where someone of ours covers someone.
    pub fn levels_covered(&self) -> usize {
        self.levels.iter().filter(|l| l.covered).count()
    }

    /// Whether someone of ours covers an executive of theirs.
    pub fn executive_covered(&self) -> bool {
        self.levels
            .iter()
            .any(|l| l.level == Level::Executive && l.covered)
    }
}

/// The coverage of an account. Only `covers` written on our people count: that is where
/// the format records who holds the relationship.
pub fn coverage(account: &Account) -> Coverage {
    let on = |side: Side| account.people.iter().filter(move |p| p.side == side);
    let ids = |people: &mut dyn Iterator<Item = &Person>| {
        people.map(|p| p.id.value.clone()).collect::<Vec<_>>()
    };
    let theirs: BTreeSet<&str> = on(Side::Them).map(|p| p.id.value.as_str()).collect();

    // (our id, their id) in file order of our people and their covers lists.
    let pairs: Vec<(String, String)> = on(Side::Us)
        .flat_map(|us| {
            us.covers
                .iter()
                .filter(|c| theirs.contains(c.value.as_str()))
                .map(move |c| (us.id.value.clone(), c.value.clone()))
        })
        .collect();
    let covered_ids: BTreeSet<&str> = pairs.iter().map(|(_, them)| them.as_str()).collect();

    let levels = Level::ALL
        .iter()
        .map(|&level| {
            let at_level: Vec<String> = ids(&mut on(Side::Them).filter(|p| p.level == Some(level)));
            let covered_by: Vec<(String, String)> = pairs
                .iter()
                .filter(|(_, them)| at_level.contains(them))
                .cloned()
                .collect();
            LevelCoverage {
                level,
                covered: !covered_by.is_empty(),
                theirs: at_level,
                covered_by,
            }
        })
        .collect();

    Coverage {
        levels,
        our_sponsors: ids(&mut on(Side::Us).filter(|p| p.sponsor)),
        their_sponsors: ids(&mut on(Side::Them).filter(|p| p.sponsor)),
        our_decision_makers: ids(&mut on(Side::Us).filter(|p| p.decision_maker)),
        their_decision_makers: ids(&mut on(Side::Them).filter(|p| p.decision_maker)),
        their_contacts: on(Side::Them).count(),
        our_people: on(Side::Us).count(),
        uncovered: ids(&mut on(Side::Them).filter(|p| !covered_ids.contains(p.id.value.as_str()))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn account(body: &str) -> Account {
        crate::yaml::parse(&format!("name: Test\nkind: customer\n{body}")).unwrap()
    }

    #[test]
    fn levels_sponsors_and_uncovered_people() {
        let a = account(
            "
people:
  - { id: dana, name: Dana, side: us, sponsor: true, covers: [raj, mia] }
  - { id: sam, name: Sam, side: us, decision_maker: true, covers: [mia] }
  - { id: raj, name: Raj, side: them, level: manager, decision_maker: true }
  - { id: mia, name: Mia, side: them, level: senior, sponsor: true }
  - { id: kim, name: Kim, side: them, level: executive }
  - { id: lou, name: Lou, side: them }
",
        );
        let c = coverage(&a);
        let levels: Vec<Level> = c.levels.iter().map(|l| l.level).collect();
        assert_eq!(levels, Level::ALL.to_vec());
        assert_eq!(c.levels[0].theirs, vec!["kim"]);
        assert!(!c.levels[0].covered);
        assert_eq!(
            c.levels[1].covered_by,
            vec![
                ("dana".to_string(), "mia".to_string()),
                ("sam".to_string(), "mia".to_string())
            ]
        );
        assert!(c.levels[2].covered);
        assert!(c.levels[3].theirs.is_empty() && !c.levels[3].covered);
        assert_eq!(c.our_sponsors, vec!["dana"]);
        assert_eq!(c.their_sponsors, vec!["mia"]);
        assert_eq!(c.our_decision_makers, vec!["sam"]);
        assert_eq!(c.their_decision_makers, vec!["raj"]);
        assert_eq!((c.their_contacts, c.our_people), (4, 2));
        assert_eq!(c.uncovered, vec!["kim", "lou"]);
        assert_eq!((c.levels_with_people(), c.levels_covered()), (3, 2));
        assert!(!c.executive_covered());
    }

    #[test]
    fn no_people_at_all() {
        let c = coverage(&account(""));
        assert_eq!(
            (c.their_contacts, c.our_people, c.levels_with_people()),
            (0, 0, 0)
        );
        assert!(c.uncovered.is_empty());
    }
}
