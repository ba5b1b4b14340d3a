//! Fiscal quarters written as `YYYY-Qn`: `2026-Q1` is the first quarter of the fiscal year
//! that starts in calendar 2026.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A fiscal quarter. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The calendar year in which the fiscal year starts.
    pub year: i32,
    /// 1..=4.
    pub index: u8,
}

impl Quarter {
    pub fn new(year: i32, index: u8) -> Option<Quarter> {
        (1..=4).contains(&index).then_some(Quarter { year, index })
    }

    /// The quarter before this one.
    pub fn previous(self) -> Quarter {
        if self.index == 1 {
            Quarter {
                year: self.year - 1,
                index: 4,
            }
        } else {
            Quarter {
                year: self.year,
                index: self.index - 1,
            }
        }
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.index == 4 {
            Quarter {
                year: self.year + 1,
                index: 1,
            }
        } else {
            Quarter {
                year: self.year,
                index: self.index + 1,
            }
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.index)
    }
}

/// Why a text is not a quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterError(pub String);

impl fmt::Display for QuarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Quarter {
    type Err = QuarterError;

    fn from_str(text: &str) -> Result<Quarter, QuarterError> {
        let bad = || {
            QuarterError(format!(
                "`{text}` is not a quarter: write YYYY-Qn with n from 1 to 4, e.g. 2026-Q2"
            ))
        };
        let (year, rest) = text.trim().split_once('-').ok_or_else(bad)?;
        let index = rest
            .strip_prefix('Q')
            .or_else(|| rest.strip_prefix('q'))
            .ok_or_else(bad)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let index: u8 = index.parse().map_err(|_| bad())?;
        Quarter::new(year, index).ok_or_else(bad)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Quarter, D::Error> {
        struct QuarterVisitor;
        impl Visitor<'_> for QuarterVisitor {
            type Value = Quarter;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a quarter such as 2026-Q2")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Quarter, E> {
                v.parse().map_err(|e: QuarterError| E::custom(e))
            }
        }
        deserializer.deserialize_str(QuarterVisitor)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for Quarter {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Quarter".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[Qq][1-4]$",
            "description": "A fiscal quarter, YYYY-Qn: 2026-Q1 is the first quarter of the fiscal year that starts in calendar 2026."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_quarters() {
        let q: Quarter = "2026-Q2".parse().unwrap();
        assert_eq!(
            q,
            Quarter {
                year: 2026,
                index: 2
            }
        );
        assert_eq!(q.to_string(), "2026-Q2");
        assert_eq!(
            Quarter {
                year: 2026,
                index: 1
            }
            .previous()
            .to_string(),
            "2025-Q4"
        );
        assert_eq!(
            Quarter {
                year: 2026,
                index: 4
            }
            .next()
            .to_string(),
            "2027-Q1"
        );
    }

    #[test]
    fn refuses_bad_quarters() {
        for bad in [
            "2026-Q5", "2026-Q0", "2026Q1", "26-Q1", "2026-Q", "2026-Q1x", "",
        ] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad} should be refused");
        }
    }
}
