//! Simple conditions ("Tier equals Enterprise", "Renewal date after
//! 2026-09-30", "Owner is me") translated to Notion's filter JSON. Syntax
//! is checked before any I/O; property names, types and option names are
//! checked against the data source's schema, with errors that list what
//! would have worked.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::ConnectorError;

use crate::args::{self, bad};

mod build;

pub use build::{build, needs_people, property};

/// Most conditions one query takes.
pub const MAX_CONDITIONS: usize = 10;

/// One test on a property (`after` with `before` make a range).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub property: String,
    /// Option, text, number, boolean, YYYY-MM-DD, or a person's email ("me" = you).
    pub equals: Option<Scalar>,
    /// Text or option, or a person's email.
    pub contains: Option<String>,
    pub checkbox: Option<bool>,
    #[schemars(extend("format" = "date"))]
    pub after: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub before: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Number(f64),
    Text(String),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Number(n) => n.to_string(),
            Scalar::Text(s) => s.trim().to_owned(),
        }
    }
}

/// A condition whose syntax has been checked.
#[derive(Debug, Clone)]
pub enum Test {
    Equals(Scalar),
    Contains(String),
    Checkbox(bool),
    Dates {
        after: Option<NaiveDate>,
        before: Option<NaiveDate>,
    },
}

/// Checks every condition's form without I/O.
pub fn check(conditions: &[Condition]) -> Result<Vec<(String, Test)>, ConnectorError> {
    if conditions.len() > MAX_CONDITIONS {
        return Err(bad("where", format!("at most {MAX_CONDITIONS} conditions")));
    }
    conditions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let field = |f: &str| format!("where[{i}].{f}");
            let property = args::text(&field("property"), Some(&c.property))?
                .ok_or_else(|| bad(&field("property"), "must name a property"))?;
            let dated = c.after.is_some() || c.before.is_some();
            let given = [
                c.equals.is_some(),
                c.contains.is_some(),
                c.checkbox.is_some(),
                dated,
            ];
            if given.iter().filter(|g| **g).count() != 1 {
                return Err(bad(
                    &format!("where[{i}]"),
                    "give exactly one of `equals`, `contains`, `checkbox`, or `after`/`before`",
                ));
            }
            let test = if let Some(v) = &c.equals {
                Test::Equals(v.clone())
            } else if let Some(v) = &c.contains {
                Test::Contains(v.trim().to_owned())
            } else if let Some(v) = c.checkbox {
                Test::Checkbox(v)
            } else {
                let after = c
                    .after
                    .as_deref()
                    .map(|d| args::date(&field("after"), d))
                    .transpose()?;
                let before = c
                    .before
                    .as_deref()
                    .map(|d| args::date(&field("before"), d))
                    .transpose()?;
                if let (Some(a), Some(b)) = (after, before) {
                    if a >= b {
                        return Err(bad(&field("after"), "must be before `before`"));
                    }
                }
                Test::Dates { after, before }
            };
            Ok((property, test))
        })
        .collect()
}
