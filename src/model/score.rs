//! A review's score for one criterion: one number, or one number per level of their
//! company ("success criteria need to be looked at from different levels").

use super::Level;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// `reliability: 3`, or `professionalism: { executive: 4, operational: 2 }`.
#[derive(Debug, Clone, PartialEq)]
pub enum Score {
    /// One score, 1..5.
    Single(i64),
    /// Their levels that scored the criterion, each 1..5.
    ByLevel(BTreeMap<Level, i64>),
}

impl Score {
    /// The criterion's score in the review: the number, or the mean of the levels.
    pub fn mean(&self) -> f64 {
        match self {
            Score::Single(n) => *n as f64,
            Score::ByLevel(levels) if levels.is_empty() => 0.0,
            Score::ByLevel(levels) => {
                levels.values().map(|&n| n as f64).sum::<f64>() / levels.len() as f64
            }
        }
    }

    /// Each level's score, when the criterion was scored by level.
    pub fn by_level(&self) -> Option<&BTreeMap<Level, i64>> {
        match self {
            Score::Single(_) => None,
            Score::ByLevel(levels) => Some(levels),
        }
    }

    /// Every number written: the one score, or each level's.
    pub fn values(&self) -> Vec<i64> {
        match self {
            Score::Single(n) => vec![*n],
            Score::ByLevel(levels) => levels.values().copied().collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Score, D::Error> {
        deserializer.deserialize_any(ScoreVisitor)
    }
}

struct ScoreVisitor;

/// The message `yaml` turns into a diagnostic: what was found, then how to write a score.
fn not_a_score<E: de::Error>(found: &str) -> E {
    E::custom(format!("{found} is not a score: {SCORE_HELP}"))
}

/// How to write a score, shown under every score that cannot be read.
pub const SCORE_HELP: &str = "a score is a whole number from 1 to 5 (`reliability: 3`), or one per level of theirs (`reliability: { executive: 4, operational: 2 }`)";

impl<'de> Visitor<'de> for ScoreVisitor {
    type Value = Score;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a score: a whole number, or one per level")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Score, E> {
        Err(not_a_score(&format!("`{text}`")))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Score, E> {
        Err(not_a_score(&format!("`{n}`")))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Score, E> {
        Err(not_a_score(&format!("`{b}`")))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Score, A::Error> {
        Err(not_a_score("a list"))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Score, E> {
        Ok(Score::Single(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Score, E> {
        i64::try_from(n)
            .map(Score::Single)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Score, A::Error> {
        let mut levels = BTreeMap::new();
        while let Some(level) = map.next_key::<Level>()? {
            let score = map.next_value::<i64>()?;
            if levels.insert(level, score).is_some() {
                return Err(de::Error::custom(format!(
                    "the level `{level}` is scored twice"
                )));
            }
        }
        if levels.is_empty() {
            return Err(de::Error::custom(
                "no level is scored: give one number, or at least one level",
            ));
        }
        Ok(Score::ByLevel(levels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_the_levels_is_the_score() {
        assert_eq!(Score::Single(3).mean(), 3.0);
        let levels = BTreeMap::from([(Level::Executive, 4), (Level::Operational, 1)]);
        assert_eq!(Score::ByLevel(levels).mean(), 2.5);
    }
}
