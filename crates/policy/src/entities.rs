//! Building Cedar entities and requests from Switchboard types.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use cedar_policy::{Context, Entity, EntityId, EntityTypeName, EntityUid, RestrictedExpression};
use serde_json::Value;
use switchboard_core::{Principal, ToolSpec};

use crate::schema::ArgType;

pub(crate) fn uid(kind: &str, id: &str) -> EntityUid {
    EntityUid::from_type_name_and_id(
        EntityTypeName::from_str(kind).expect("entity type names are constants"),
        EntityId::new(id),
    )
}

pub(crate) fn action(name: &str) -> EntityUid {
    uid("Action", name)
}

/// The user and their groups.
pub(crate) fn user(principal: &Principal) -> Vec<Entity> {
    let groups: HashSet<EntityUid> = principal.groups.iter().map(|g| uid("Group", g)).collect();
    let attrs = HashMap::from([
        (
            "email".to_owned(),
            RestrictedExpression::new_string(principal.email.clone()),
        ),
        (
            "org".to_owned(),
            RestrictedExpression::new_string(principal.org.clone()),
        ),
    ]);
    let mut out: Vec<Entity> = groups
        .iter()
        .map(|g| Entity::new_no_attrs(g.clone(), HashSet::new()))
        .collect();
    out.push(
        Entity::new(uid("User", &principal.user_id), attrs, groups)
            .expect("string attributes always evaluate"),
    );
    out
}

/// The tool and its connector.
pub(crate) fn tool(spec: &ToolSpec, connector: &str) -> Vec<Entity> {
    let conn = uid("Connector", connector);
    let attrs = HashMap::from([
        (
            "connector".to_owned(),
            RestrictedExpression::new_string(connector.to_owned()),
        ),
        (
            "permission".to_owned(),
            RestrictedExpression::new_string(spec.permission.clone()),
        ),
        (
            "effect".to_owned(),
            RestrictedExpression::new_string(spec.effect.as_str().to_owned()),
        ),
    ]);
    vec![
        Entity::new_no_attrs(conn.clone(), HashSet::new()),
        Entity::new(uid("Tool", &spec.name), attrs, HashSet::from([conn]))
            .expect("string attributes always evaluate"),
    ]
}

/// `{"args": {...}}` with the arguments policy may see, typed as the
/// schema says; anything else is left out.
pub(crate) fn invoke_context(
    args: &Value,
    visible: &std::collections::BTreeMap<String, ArgType>,
) -> Context {
    let mut record = serde_json::Map::new();
    if let Value::Object(map) = args {
        for (name, value) in map {
            let keep = match (visible.get(name), value) {
                (Some(ArgType::Long), Value::Number(n)) => n.as_i64().is_some(),
                (Some(ArgType::String), Value::String(_)) => true,
                (Some(ArgType::Bool), Value::Bool(_)) => true,
                (Some(ArgType::SetOfString), Value::Array(items)) => {
                    items.iter().all(Value::is_string)
                }
                _ => false,
            };
            if keep {
                record.insert(name.clone(), value.clone());
            }
        }
    }
    Context::from_json_value(serde_json::json!({ "args": record }), None)
        .unwrap_or_else(|_| Context::empty())
}
