//! Checked conditions against the data source's schema, as Notion filter
//! JSON: the property's type picks the filter key and operator.

use serde_json::{json, Value};
use switchboard_core::ConnectorError;

use super::{Scalar, Test};
use crate::args::{self, bad};
use crate::model::{DataSource, PropertySchema};

/// The data source's property named `name` (case-insensitive).
pub fn property<'a>(
    ds: &'a DataSource,
    field: &str,
    name: &str,
) -> Result<&'a PropertySchema, ConnectorError> {
    ds.properties
        .values()
        .find(|p| p.name == name)
        .or_else(|| {
            ds.properties
                .values()
                .find(|p| p.name.eq_ignore_ascii_case(name))
        })
        .ok_or_else(|| {
            let mut names: Vec<&str> = ds.properties.values().map(|p| p.name.as_str()).collect();
            names.sort_unstable();
            bad(
                field,
                format!("no property `{name}`; properties are: {}", names.join(", ")),
            )
        })
}

fn is_people(kind: &str) -> bool {
    matches!(kind, "people" | "created_by" | "last_edited_by")
}

/// Whether any condition tests a people property (and so needs user ids).
pub fn needs_people(ds: &DataSource, tests: &[(String, Test)]) -> bool {
    tests
        .iter()
        .any(|(name, _)| property(ds, "where", name).is_ok_and(|p| is_people(&p.kind)))
}

/// Notion's filter for the checked conditions (`and` of them all).
/// `person` turns an email or "me" into a user id.
pub fn build(
    ds: &DataSource,
    tests: &[(String, Test)],
    person: &dyn Fn(&str, &str) -> Result<String, ConnectorError>,
) -> Result<Option<Value>, ConnectorError> {
    let mut filters = Vec::new();
    for (i, (name, test)) in tests.iter().enumerate() {
        let field = format!("where[{i}]");
        let p = property(ds, &format!("{field}.property"), name)?;
        let kind = p.kind.as_str();
        let f = |cond: Value| json!({"property": p.name, kind: cond});
        let option = |value: &str| -> Result<String, ConnectorError> {
            let options = p.options();
            options
                .iter()
                .find(|o| o.eq_ignore_ascii_case(value))
                .cloned()
                .ok_or_else(|| {
                    bad(
                        &field,
                        format!(
                            "`{}` has no option `{value}`; options are: {}",
                            p.name,
                            options.join(", ")
                        ),
                    )
                })
        };
        match (kind, test) {
            ("title" | "rich_text" | "url" | "email" | "phone_number", Test::Equals(v)) => {
                filters.push(f(json!({"equals": v.text()})))
            }
            ("title" | "rich_text" | "url" | "email" | "phone_number", Test::Contains(s)) => {
                filters.push(f(json!({"contains": s})))
            }
            ("number", Test::Equals(v)) => {
                let n: f64 = v
                    .text()
                    .parse()
                    .map_err(|_| bad(&field, format!("`{}` is a number", p.name)))?;
                filters.push(f(json!({"equals": n})))
            }
            ("select" | "status", Test::Equals(v)) => {
                filters.push(f(json!({"equals": option(&v.text())?})))
            }
            ("multi_select", Test::Equals(v)) => {
                filters.push(f(json!({"contains": option(&v.text())?})))
            }
            ("multi_select", Test::Contains(s)) => filters.push(f(json!({"contains": option(s)?}))),
            ("checkbox", Test::Checkbox(b) | Test::Equals(Scalar::Bool(b))) => {
                filters.push(f(json!({"equals": b})))
            }
            ("date" | "created_time" | "last_edited_time", Test::Dates { after, before }) => {
                if let Some(d) = after {
                    filters.push(f(json!({"after": d.to_string()})));
                }
                if let Some(d) = before {
                    filters.push(f(json!({"before": d.to_string()})));
                }
            }
            ("date" | "created_time" | "last_edited_time", Test::Equals(v)) => {
                let d = args::date(&format!("{field}.equals"), &v.text())?;
                filters.push(f(json!({"equals": d.to_string()})))
            }
            (k, Test::Equals(Scalar::Text(who)) | Test::Contains(who)) if is_people(k) => {
                filters.push(f(json!({"contains": person(&field, who)?})))
            }
            (k, _) => {
                return Err(bad(
                    &field,
                    format!("`{}` is a {k} property; {}", p.name, hint(k)),
                ));
            }
        }
    }
    Ok(match filters.len() {
        0 => None,
        1 => filters.pop(),
        _ => Some(json!({"and": filters})),
    })
}

fn hint(kind: &str) -> &'static str {
    match kind {
        "title" | "rich_text" | "url" | "email" | "phone_number" => "use `equals` or `contains`",
        "number" | "select" | "status" => "use `equals`",
        "multi_select" => "use `contains`",
        "checkbox" => "use `checkbox`",
        "date" | "created_time" | "last_edited_time" => "use `after`/`before` or `equals`",
        k if is_people(k) => "use `equals` or `contains` with an email or \"me\"",
        _ => "it cannot be filtered here",
    }
}
