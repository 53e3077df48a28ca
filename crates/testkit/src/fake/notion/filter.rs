//! Notion's data-source filter language, evaluated over the demo rows:
//! compound `and`/`or`, and property conditions keyed by the property's
//! type (`{"property": "Tier", "select": {"equals": "Enterprise"}}`), with
//! Notion's errors for unknown properties and mismatched types.

use chrono::NaiveDate;
use serde_json::Value;

use crate::demo::docs::{DocDatabase, DocPage, NotionWorkspace, PropKind, PropSchema, PropValue};

/// A property by name or id.
pub(super) fn property<'a>(db: &'a DocDatabase, key: &str) -> Result<&'a PropSchema, String> {
    db.schema
        .iter()
        .find(|p| p.name == key || p.id == key)
        .ok_or_else(|| format!("Could not find property with name or id: {key}"))
}

/// A row's value for a property (the title property included).
pub(super) fn cell(db: &DocDatabase, row: &DocPage, name: &str) -> Option<PropValue> {
    let prop = db.schema.iter().find(|p| p.name == name)?;
    if prop.kind == PropKind::Title {
        return Some(PropValue::Text(row.title.clone()));
    }
    row.properties
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

pub(super) fn matches(
    ws: &NotionWorkspace,
    db: &DocDatabase,
    row: &DocPage,
    f: &Value,
) -> Result<bool, String> {
    let bad = || {
        format!("body failed validation: body.filter should be a property filter or a compound `and`/`or` filter, instead was `{f}`.")
    };
    for (compound, all) in [("and", true), ("or", false)] {
        if let Some(list) = f.get(compound) {
            let list = list.as_array().ok_or_else(bad)?;
            let mut results = Vec::with_capacity(list.len());
            for inner in list {
                results.push(matches(ws, db, row, inner)?);
            }
            return Ok(if all {
                results.iter().all(|r| *r)
            } else {
                results.iter().any(|r| *r)
            });
        }
    }
    let name = f.get("property").and_then(Value::as_str).ok_or_else(bad)?;
    let prop = property(db, name)?;
    let (key, condition) = f
        .as_object()
        .and_then(|m| m.iter().find(|(k, _)| *k != "property"))
        .ok_or_else(bad)?;
    let expected = prop.kind.type_name();
    if key != expected && !(expected == "title" && key == "rich_text") {
        return Err(format!(
            "database property {expected} does not match filter {key}"
        ));
    }
    let (op, arg) = condition
        .as_object()
        .filter(|m| m.len() == 1)
        .and_then(|m| m.iter().next())
        .ok_or_else(bad)?;
    let value = cell(db, row, &prop.name);
    let unsupported = || {
        format!("body failed validation: body.filter.{key}.{op} is not a supported condition, instead was `{arg}`.")
    };
    if op == "is_empty" || op == "is_not_empty" {
        let empty = match &value {
            None => true,
            Some(PropValue::Text(t)) => t.is_empty(),
            Some(PropValue::People(p)) => p.is_empty(),
            Some(_) => false,
        };
        return Ok(empty == (op == "is_empty"));
    }
    match (expected, value) {
        ("title" | "rich_text", v) => {
            let text = match v {
                Some(PropValue::Text(t)) => t.to_lowercase(),
                _ => String::new(),
            };
            let arg = arg.as_str().ok_or_else(unsupported)?.to_lowercase();
            Ok(match op.as_str() {
                "equals" => text == arg,
                "does_not_equal" => text != arg,
                "contains" => text.contains(&arg),
                "does_not_contain" => !text.contains(&arg),
                "starts_with" => text.starts_with(&arg),
                "ends_with" => text.ends_with(&arg),
                _ => return Err(unsupported()),
            })
        }
        ("number", v) => {
            let n = match v {
                Some(PropValue::Number(n)) => n,
                _ => return Ok(false),
            };
            let arg = arg.as_f64().ok_or_else(unsupported)?;
            Ok(match op.as_str() {
                "equals" => n == arg,
                "does_not_equal" => n != arg,
                "greater_than" => n > arg,
                "less_than" => n < arg,
                "greater_than_or_equal_to" => n >= arg,
                "less_than_or_equal_to" => n <= arg,
                _ => return Err(unsupported()),
            })
        }
        ("select" | "status", v) => {
            let name = match v {
                Some(PropValue::Select(s) | PropValue::Status(s)) => s,
                _ => String::new(),
            };
            let arg = arg.as_str().ok_or_else(unsupported)?;
            match op.as_str() {
                "equals" => Ok(name == arg),
                "does_not_equal" => Ok(name != arg),
                _ => Err(unsupported()),
            }
        }
        ("date", v) => {
            let Some(PropValue::Date(d)) = v else {
                return Ok(false);
            };
            let arg = arg
                .as_str()
                .and_then(|s| s.get(..10))
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .ok_or_else(unsupported)?;
            Ok(match op.as_str() {
                "equals" => d == arg,
                "before" => d < arg,
                "after" => d > arg,
                "on_or_before" => d <= arg,
                "on_or_after" => d >= arg,
                _ => return Err(unsupported()),
            })
        }
        ("people", v) => {
            let ids = match v {
                Some(PropValue::People(ids)) => ids,
                _ => Vec::new(),
            };
            let arg = arg.as_str().ok_or_else(unsupported)?;
            if ws.user(arg).is_none() && arg.len() != 36 {
                return Err(format!("body failed validation: body.filter.people.{op} should be a valid uuid, instead was `\"{arg}\"`."));
            }
            match op.as_str() {
                "contains" => Ok(ids.iter().any(|i| i == arg)),
                "does_not_contain" => Ok(!ids.iter().any(|i| i == arg)),
                _ => Err(unsupported()),
            }
        }
        ("checkbox", v) => {
            let checked = matches!(v, Some(PropValue::Checkbox(true)));
            let arg = arg.as_bool().ok_or_else(unsupported)?;
            match op.as_str() {
                "equals" => Ok(checked == arg),
                "does_not_equal" => Ok(checked != arg),
                _ => Err(unsupported()),
            }
        }
        _ => Err(unsupported()),
    }
}
