//! CRM search filters: `filterGroups[].filters[]` compiled once per request
//! (bad ones become HubSpot's 400) and evaluated per record. Groups are
//! ORed, filters within a group ANDed. Date properties compare as epoch
//! milliseconds whether the value is given as millis or ISO 8601.

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde_json::Value;

use super::data::{Data, ObjectType, Record};
use super::tokens::contains_token;

const DATE_PROPERTIES: &[&str] = &[
    "closedate",
    "createdate",
    "hs_lastmodifieddate",
    "lastmodifieddate",
];

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RawFilter {
    property_name: String,
    operator: String,
    #[serde(default)]
    value: Option<Value>,
    #[serde(default)]
    values: Option<Vec<Value>>,
    #[serde(default)]
    high_value: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Neq,
    Lt,
    Lte,
    Gt,
    Gte,
    Between,
    In,
    NotIn,
    HasProperty,
    NotHasProperty,
    ContainsToken,
    NotContainsToken,
}

/// A typed property value: numbers and dates compare numerically.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Key {
    Num(f64),
    Str(String),
}

impl Key {
    pub fn cmp(&self, other: &Key) -> Option<Ordering> {
        match (self, other) {
            (Key::Num(a), Key::Num(b)) => a.partial_cmp(b),
            (Key::Str(a), Key::Str(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// Types a stored or given value for `property`; `None` if a date does
/// not parse.
pub(super) fn key(property: &str, raw: &str) -> Option<Key> {
    if DATE_PROPERTIES.contains(&property) {
        return millis(raw).map(|ms| Key::Num(ms as f64));
    }
    Some(match raw.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Key::Num(n),
        _ => Key::Str(raw.to_lowercase()),
    })
}

fn millis(raw: &str) -> Option<i64> {
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        return raw.parse().ok();
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(t.timestamp_millis());
    }
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis())
}

/// One compiled filter.
#[derive(Debug)]
pub(super) struct Filter {
    property: String,
    op: Op,
    keys: Vec<Key>,
    token: String,
    /// `associations.<type>` pseudo-property: the associated type and the
    /// ids asked for (HubSpot's search filters on associations this way).
    association: Option<(ObjectType, Vec<String>)>,
}

impl Filter {
    pub fn compile(t: ObjectType, data: &Data, raw: &RawFilter) -> Result<Filter, String> {
        let property = raw.property_name.as_str();
        if !property.starts_with("associations.") && !data.is_property(t, property) {
            return Err(format!(
                "Unable to find property `{property}` on {}",
                t.plural()
            ));
        }
        let op = match raw.operator.as_str() {
            "EQ" => Op::Eq,
            "NEQ" => Op::Neq,
            "LT" => Op::Lt,
            "LTE" => Op::Lte,
            "GT" => Op::Gt,
            "GTE" => Op::Gte,
            "BETWEEN" => Op::Between,
            "IN" => Op::In,
            "NOT_IN" => Op::NotIn,
            "HAS_PROPERTY" => Op::HasProperty,
            "NOT_HAS_PROPERTY" => Op::NotHasProperty,
            "CONTAINS_TOKEN" => Op::ContainsToken,
            "NOT_CONTAINS_TOKEN" => Op::NotContainsToken,
            other => {
                return Err(format!(
                    "Invalid filter operator `{other}` for property `{property}`"
                ))
            }
        };
        let text = |v: &Value| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err(format!(
                "filter on `{property}` has a value that is not a string or number"
            )),
        };
        let typed = |v: &Value| {
            let s = text(v)?;
            key(property, &s).ok_or_else(|| format!("`{s}` is not a valid date for `{property}`"))
        };
        let need = |v: &'_ Option<Value>, what: &str| -> Result<Value, String> {
            v.clone().ok_or_else(|| {
                format!(
                    "filter on `{property}` with {} needs `{what}`",
                    raw.operator
                )
            })
        };
        if let Some(to) = property.strip_prefix("associations.") {
            let to = ObjectType::parse(to)
                .ok_or_else(|| format!("Unable to find association type `{to}`"))?;
            let ids: Vec<String> = match raw.operator.as_str() {
                "EQ" => vec![text(&need(&raw.value, "value")?)?],
                "IN" => raw
                    .values
                    .iter()
                    .flatten()
                    .map(text)
                    .collect::<Result<_, _>>()?,
                other => {
                    return Err(format!(
                        "Invalid filter operator `{other}` for property `{property}`"
                    ))
                }
            };
            return Ok(Filter {
                property: property.to_owned(),
                op: Op::In,
                keys: Vec::new(),
                token: String::new(),
                association: Some((to, ids)),
            });
        }
        let (keys, token) = match op {
            Op::HasProperty | Op::NotHasProperty => (Vec::new(), String::new()),
            Op::ContainsToken | Op::NotContainsToken => (
                Vec::new(),
                text(&need(&raw.value, "value")?)?.to_lowercase(),
            ),
            Op::Between => (
                vec![
                    typed(&need(&raw.value, "value")?)?,
                    typed(&need(&raw.high_value, "highValue")?)?,
                ],
                String::new(),
            ),
            Op::In | Op::NotIn => {
                let values = raw.values.as_ref().filter(|v| !v.is_empty());
                let values = values.ok_or_else(|| {
                    format!(
                        "filter on `{property}` with {} needs `values`",
                        raw.operator
                    )
                })?;
                (
                    values.iter().map(typed).collect::<Result<_, _>>()?,
                    String::new(),
                )
            }
            _ => (vec![typed(&need(&raw.value, "value")?)?], String::new()),
        };
        Ok(Filter {
            property: property.to_owned(),
            op,
            keys,
            token,
            association: None,
        })
    }

    pub fn matches(&self, record: &Record) -> bool {
        if let Some((to, ids)) = &self.association {
            return record
                .assoc
                .iter()
                .any(|a| a.to == *to && ids.contains(&a.id));
        }
        let raw = record
            .props
            .get(self.property.as_str())
            .filter(|v| !v.is_empty());
        let value = raw.and_then(|r| key(&self.property, r));
        let ord = |i: usize| value.as_ref().and_then(|v| v.cmp(&self.keys[i]));
        let eq = |k: &Key| {
            value
                .as_ref()
                .is_some_and(|v| v.cmp(k) == Some(Ordering::Equal))
        };
        match self.op {
            Op::Eq => eq(&self.keys[0]),
            Op::Neq => !eq(&self.keys[0]),
            Op::Lt => ord(0) == Some(Ordering::Less),
            Op::Lte => matches!(ord(0), Some(Ordering::Less | Ordering::Equal)),
            Op::Gt => ord(0) == Some(Ordering::Greater),
            Op::Gte => matches!(ord(0), Some(Ordering::Greater | Ordering::Equal)),
            Op::Between => {
                matches!(ord(0), Some(Ordering::Greater | Ordering::Equal))
                    && matches!(ord(1), Some(Ordering::Less | Ordering::Equal))
            }
            Op::In => self.keys.iter().any(eq),
            Op::NotIn => !self.keys.iter().any(eq),
            Op::HasProperty => raw.is_some(),
            Op::NotHasProperty => raw.is_none(),
            Op::ContainsToken => raw.is_some_and(|r| contains_token(r, &self.token)),
            Op::NotContainsToken => !raw.is_some_and(|r| contains_token(r, &self.token)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_compare_as_millis_in_any_form() {
        let stored = key("closedate", "2026-12-15T00:00:00Z").unwrap();
        assert_eq!(
            stored.cmp(&key("closedate", "2026-12-15").unwrap()),
            Some(Ordering::Equal)
        );
        assert_eq!(
            stored.cmp(&key("closedate", "1797292800000").unwrap()),
            Some(Ordering::Equal)
        );
        assert_eq!(
            stored.cmp(&key("closedate", "1797206400000").unwrap()),
            Some(Ordering::Greater)
        );
        assert!(key("closedate", "next week").is_none());
        assert_eq!(key("amount", "5000.00"), Some(Key::Num(5000.0)));
    }
}
