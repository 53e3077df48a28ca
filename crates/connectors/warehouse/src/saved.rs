//! Saved queries: each configured query becomes its own tool with its own
//! permission and a typed input schema built from its parameters, so the
//! policy engine decides who may run which (a tool a caller may not use
//! does not even appear in their tool list).
//!
//! Parameters are bound by the backend, never interpolated. The caller's
//! identity reaches SQL only through `:caller_user_id`, `:caller_email`
//! and `:caller_org`, which the gateway fills from the authenticated
//! principal; they are not in the input schema and an argument of that
//! name is refused.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use switchboard_core::{validate_permission, validate_tool_name, ConnectorError, Principal};

use crate::backend::{BindValue, Binds};
use crate::config::{ParamConfig, ParamType, SavedQueryConfig};
use crate::dialect::Flavor;
use crate::guard::{check, Rules, Tables};
use crate::plan::{prepare, Prepared};

/// Parameters only the gateway fills, from the caller's identity.
pub const CALLER_PARAMS: [&str; 3] = ["caller_user_id", "caller_email", "caller_org"];

/// Longest string argument accepted.
const MAX_TEXT: usize = 1_000;

/// A saved query, checked and prepared once at startup.
#[derive(Debug, Clone)]
pub struct SavedQuery {
    pub tool: String,
    pub description: String,
    pub permission: String,
    pub params: Vec<ParamConfig>,
    pub prepared: Prepared,
    /// Whether the SQL reads the caller's identity (then results differ
    /// per caller).
    pub uses_caller: bool,
}

fn valid_param_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase() || b == b'_')
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && name.len() <= 64
}

impl SavedQuery {
    /// Checks names, permission, SQL (with the same guard as ad-hoc SQL,
    /// tables unrestricted) and that parameters and placeholders agree.
    pub fn compile(
        config: &SavedQueryConfig,
        flavor: Flavor,
        max_rows: usize,
    ) -> Result<SavedQuery, String> {
        let tool = format!("{}_query_{}", crate::ID, config.name);
        validate_tool_name(crate::ID, &tool).map_err(|e| e.0)?;
        validate_permission(crate::ID, &config.permission).map_err(|e| e.0)?;
        if !config.permission.ends_with(":read") {
            return Err(format!(
                "permission `{}` must end in `:read`",
                config.permission
            ));
        }
        if config.description.trim().len() < 20 {
            return Err("the description is too short for a model to choose the tool by".into());
        }
        let mut declared = BTreeSet::new();
        for p in &config.params {
            if !valid_param_name(&p.name) {
                return Err(format!("parameter `{}` must be [a-z_][a-z0-9_]*", p.name));
            }
            if CALLER_PARAMS.contains(&p.name.as_str()) {
                return Err(format!(
                    "parameter `{}` is filled by the gateway; do not declare it",
                    p.name
                ));
            }
            if !declared.insert(p.name.as_str()) {
                return Err(format!("parameter `{}` is declared twice", p.name));
            }
        }
        let rules = Rules {
            flavor,
            tables: Tables::Any,
            parameters: true,
        };
        let checked = check(&config.sql, &rules).map_err(|r| format!("the SQL is refused: {r}"))?;
        let used: BTreeSet<&str> = checked.parameters.iter().map(String::as_str).collect();
        for name in &used {
            if !declared.contains(name) && !CALLER_PARAMS.contains(name) {
                return Err(format!(
                    "the SQL uses `:{name}`, which is not a declared parameter"
                ));
            }
        }
        if let Some(unused) = declared.iter().find(|d| !used.contains(*d)) {
            return Err(format!(
                "parameter `{unused}` is declared but the SQL never uses it"
            ));
        }
        let uses_caller = used.iter().any(|u| CALLER_PARAMS.contains(u));
        let prepared = prepare(checked, flavor, max_rows).map_err(|r| r.0)?;
        Ok(SavedQuery {
            tool,
            description: config.description.trim().to_owned(),
            permission: config.permission.clone(),
            params: config.params.clone(),
            prepared,
            uses_caller,
        })
    }

    /// The input schema: an object of the declared parameters, nothing else.
    pub fn input_schema(&self) -> Map<String, Value> {
        let mut properties = Map::new();
        for p in &self.params {
            let mut schema = match p.ty {
                ParamType::String => json!({"type": "string", "maxLength": MAX_TEXT}),
                ParamType::Integer => json!({"type": "integer"}),
                ParamType::Date => json!({"type": "string", "format": "date"}),
            };
            if let Some(d) = &p.description {
                schema["description"] = Value::String(d.clone());
            }
            properties.insert(p.name.clone(), schema);
        }
        let required: Vec<&str> = self
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| p.name.as_str())
            .collect();
        let mut schema = Map::new();
        schema.insert("type".into(), json!("object"));
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), json!(required));
        }
        schema.insert("additionalProperties".into(), json!(false));
        schema
    }

    /// Checks `args` against the parameters and adds the caller's identity:
    /// the values to bind, by name.
    pub fn binds(
        &self,
        args: &Value,
        principal: Option<&Principal>,
    ) -> Result<Binds, ConnectorError> {
        let bad = |field: &str, why: String| {
            ConnectorError::invalid_args(format!("invalid argument `{field}`: {why}"))
        };
        let empty = Map::new();
        let object = match args {
            Value::Null => &empty,
            Value::Object(map) => map,
            _ => {
                return Err(ConnectorError::invalid_args(
                    "arguments must be a JSON object",
                ))
            }
        };
        for key in object.keys() {
            if CALLER_PARAMS.contains(&key.as_str()) {
                return Err(bad(
                    key,
                    "it is filled in by the gateway from your identity and cannot be passed".into(),
                ));
            }
            if !self.params.iter().any(|p| p.name == *key) {
                return Err(bad(key, format!("`{}` takes no such argument", self.tool)));
            }
        }
        let mut binds = Binds::new();
        for p in &self.params {
            let value = object.get(&p.name).filter(|v| !v.is_null());
            if value.is_none() && p.required {
                return Err(bad(&p.name, "is required".into()));
            }
            let bind = match (p.ty, value) {
                (ParamType::String, None) => BindValue::Text(None),
                (ParamType::Integer, None) => BindValue::Integer(None),
                (ParamType::Date, None) => BindValue::Date(None),
                (ParamType::String, Some(Value::String(s))) if s.chars().count() <= MAX_TEXT => {
                    BindValue::Text(Some(s.clone()))
                }
                (ParamType::String, Some(_)) => {
                    return Err(bad(
                        &p.name,
                        format!("must be a string of at most {MAX_TEXT} characters"),
                    ))
                }
                (ParamType::Integer, Some(v)) => match v.as_i64() {
                    Some(n) => BindValue::Integer(Some(n)),
                    None => return Err(bad(&p.name, "must be an integer".into())),
                },
                (ParamType::Date, Some(v)) => {
                    match v
                        .as_str()
                        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                    {
                        Some(d) => BindValue::Date(Some(d)),
                        None => return Err(bad(&p.name, "must be a date, YYYY-MM-DD".into())),
                    }
                }
            };
            binds.insert(p.name.clone(), bind);
        }
        if let Some(who) = principal {
            for (name, value) in CALLER_PARAMS
                .iter()
                .zip([&who.user_id, &who.email, &who.org])
            {
                binds.insert((*name).to_owned(), BindValue::Text(Some(value.clone())));
            }
        }
        Ok(binds)
    }
}
