//! Intercom's search query language: a filter `{field, operator, value}`
//! or a group `{operator: "AND"|"OR", value: [...]}`, at most two groups
//! deep and fifteen filters a group. `>` and `<` include the bound, as
//! the conversation and ticket docs say; string matches ignore case.

use serde_json::Value;

/// A searchable field's value on one object.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Field {
    Str(String),
    Int(i64),
    Bool(bool),
    /// Multi-valued (`contact_ids`, `tag_ids`): matches if any element does.
    Many(Vec<String>),
    Null,
}

impl Field {
    pub fn opt(v: Option<&str>) -> Field {
        v.map_or(Field::Null, |s| Field::Str(s.to_owned()))
    }
}

#[derive(Debug, Clone)]
pub(super) enum Query {
    Filter { field: String, op: Op, value: Value },
    Group { all: bool, items: Vec<Query> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    Ne,
    In,
    Nin,
    Gt,
    Lt,
    Contains,
    NotContains,
    Starts,
    Ends,
}

const MAX_FILTERS: usize = 15;
const MAX_NESTING: usize = 2;

/// Parses a query, accepting only `fields`; errors are Intercom's
/// `parameter_invalid` messages.
pub(super) fn parse(v: &Value, fields: &[&str]) -> Result<Query, String> {
    parse_at(v, fields, 0)
}

fn parse_at(v: &Value, fields: &[&str], depth: usize) -> Result<Query, String> {
    let op = v.get("operator").and_then(Value::as_str).unwrap_or("");
    if let Some(field) = v.get("field") {
        let field = field.as_str().ok_or("field must be a string")?;
        if !fields.contains(&field) {
            return Err(format!("{field} is not a searchable field"));
        }
        let op = operator(op)?;
        let value = v.get("value").cloned().unwrap_or(Value::Null);
        let list = matches!(op, Op::In | Op::Nin);
        if list != value.is_array() {
            return Err(format!(
                "operator {op:?} and value for {field} do not match"
            ));
        }
        if matches!(op, Op::Gt | Op::Lt) && int(&value).is_none() {
            return Err(format!("{field} needs an integer or timestamp value"));
        }
        return Ok(Query::Filter {
            field: field.to_owned(),
            op,
            value,
        });
    }
    let all = match op {
        "AND" => true,
        "OR" => false,
        _ => return Err("query operator must be AND or OR, or a field filter".into()),
    };
    if depth > MAX_NESTING {
        return Err(format!("queries may nest at most {MAX_NESTING} levels"));
    }
    let items = v
        .get("value")
        .and_then(Value::as_array)
        .ok_or("value must be an array")?;
    if items.is_empty() || items.len() > MAX_FILTERS {
        return Err(format!("a group takes 1 to {MAX_FILTERS} filters"));
    }
    let items = items
        .iter()
        .map(|item| parse_at(item, fields, depth + 1))
        .collect::<Result<_, _>>()?;
    Ok(Query::Group { all, items })
}

fn operator(s: &str) -> Result<Op, String> {
    Ok(match s {
        "=" => Op::Eq,
        "!=" => Op::Ne,
        "IN" => Op::In,
        "NIN" => Op::Nin,
        ">" => Op::Gt,
        "<" => Op::Lt,
        "~" => Op::Contains,
        "!~" => Op::NotContains,
        "^" => Op::Starts,
        "$" => Op::Ends,
        other => return Err(format!("operator {other:?} is not supported")),
    })
}

impl Query {
    /// Whether the object whose fields `get` returns matches.
    pub fn matches(&self, get: &dyn Fn(&str) -> Field) -> bool {
        match self {
            Query::Group { all: true, items } => items.iter().all(|q| q.matches(get)),
            Query::Group { all: false, items } => items.iter().any(|q| q.matches(get)),
            Query::Filter { field, op, value } => test(&get(field), *op, value),
        }
    }
}

fn test(field: &Field, op: Op, value: &Value) -> bool {
    let list = || value.as_array().map(Vec::as_slice).unwrap_or_default();
    match op {
        Op::Eq => equals(field, value),
        Op::Ne => !equals(field, value),
        Op::In => list().iter().any(|v| equals(field, v)),
        Op::Nin => !list().iter().any(|v| equals(field, v)),
        Op::Gt => matches!((field, int(value)), (Field::Int(n), Some(v)) if *n >= v),
        Op::Lt => matches!((field, int(value)), (Field::Int(n), Some(v)) if *n <= v),
        Op::Contains => text(field, value, |f, v| f.contains(v)),
        Op::NotContains => !text(field, value, |f, v| f.contains(v)),
        Op::Starts => text(field, value, |f, v| f.starts_with(v)),
        Op::Ends => text(field, value, |f, v| f.ends_with(v)),
    }
}

fn equals(field: &Field, value: &Value) -> bool {
    match field {
        Field::Null => value.is_null(),
        Field::Int(n) => int(value) == Some(*n),
        Field::Bool(b) => value.as_bool().or_else(|| value.as_str()?.parse().ok()) == Some(*b),
        Field::Str(_) | Field::Many(_) => text(field, value, |f, v| f == v),
    }
}

/// Compares lower-cased text (any element of a multi-valued field).
fn text(field: &Field, value: &Value, cmp: fn(&str, &str) -> bool) -> bool {
    let Some(wanted) = scalar(value) else {
        return false;
    };
    let wanted = wanted.to_lowercase();
    match field {
        Field::Str(s) => cmp(&s.to_lowercase(), &wanted),
        Field::Many(items) => items.iter().any(|s| cmp(&s.to_lowercase(), &wanted)),
        _ => false,
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Timestamps arrive as numbers or numeric strings (the spec's examples
/// use both).
fn int(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str()?.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn doc(name: &str) -> Field {
        match name {
            "state" => Field::Str("open".into()),
            "created_at" => Field::Int(100),
            "open" => Field::Bool(true),
            "contact_ids" => Field::Many(vec!["a".into(), "b".into()]),
            _ => Field::Null,
        }
    }

    #[test]
    fn filters_groups_and_limits() {
        let fields = [
            "state",
            "created_at",
            "open",
            "contact_ids",
            "admin_assignee_id",
        ];
        let q = |v: Value| parse(&v, &fields).map(|q| q.matches(&doc));
        assert_eq!(
            q(json!({"field": "state", "operator": "=", "value": "OPEN"})),
            Ok(true)
        );
        assert_eq!(
            q(json!({"field": "created_at", "operator": ">", "value": "100"})),
            Ok(true)
        );
        assert_eq!(
            q(json!({"field": "created_at", "operator": "<", "value": 99})),
            Ok(false)
        );
        assert_eq!(
            q(json!({"field": "contact_ids", "operator": "IN", "value": ["x", "b"]})),
            Ok(true)
        );
        assert_eq!(
            q(json!({"field": "admin_assignee_id", "operator": "=", "value": null})),
            Ok(true)
        );
        let group = json!({"operator": "AND", "value": [
            {"field": "open", "operator": "=", "value": true},
            {"operator": "OR", "value": [{"field": "state", "operator": "~", "value": "pe"}]}]});
        assert_eq!(q(group), Ok(true));
        assert!(q(json!({"field": "email", "operator": "=", "value": "x"})).is_err());
        assert!(q(json!({"field": "state", "operator": "IN", "value": "open"})).is_err());
        assert!(q(json!({"operator": "AND", "value": []})).is_err());
        let deep = json!({"operator": "AND", "value": [{"operator": "OR", "value": [
            {"operator": "AND", "value": [{"operator": "OR", "value": [
                {"field": "open", "operator": "=", "value": true}]}]}]}]});
        assert!(q(deep).is_err());
    }
}
