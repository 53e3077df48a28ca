//! Database properties in Notion's 2025-09-03 shapes: row values, the data
//! source's property schema (`data_source_get.json`), and the database
//! container, which has no recording and follows the published schema.

use serde_json::{json, Map, Value};

use super::render::{icon, rich_text, time, url, user, user_ref};
use crate::demo::docs::{
    notion_id, DocDatabase, DocPage, DocParent, NotionWorkspace, PropKind, PropSchema, PropValue,
};

/// A page's `properties`: just `title`, or every column for a row.
pub(super) fn properties(ws: &NotionWorkspace, p: &DocPage) -> Value {
    let title = json!({"id": "title", "type": "title", "title": rich_text(&p.title)});
    let db = match &p.parent {
        DocParent::DataSource { data_source_id, .. } => ws
            .databases
            .iter()
            .find(|d| d.data_source_id == *data_source_id),
        _ => None,
    };
    let Some(db) = db else {
        return json!({ "title": title });
    };
    let mut out = Map::new();
    for prop in &db.schema {
        let value = if prop.kind == PropKind::Title {
            title.clone()
        } else {
            let v = p
                .properties
                .iter()
                .find(|(k, _)| *k == prop.name)
                .map(|(_, v)| v);
            property_value(ws, prop, v)
        };
        out.insert(prop.name.clone(), value);
    }
    Value::Object(out)
}

/// A select or status option as a value: `{id, name, color}`.
fn option(prop: &PropSchema, name: &str) -> Value {
    let color = match &prop.kind {
        PropKind::Select(o) | PropKind::Status { options: o, .. } => {
            o.iter().find(|(n, _)| n == name).map(|(_, c)| c.as_str())
        }
        _ => None,
    };
    json!({"id": option_id(&prop.name, name), "name": name, "color": color.unwrap_or("default")})
}

pub(super) fn option_id(prop: &str, name: &str) -> String {
    notion_id(&format!("option:{prop}:{name}"))[..8].to_owned()
}

fn property_value(ws: &NotionWorkspace, prop: &PropSchema, v: Option<&PropValue>) -> Value {
    let kind = prop.kind.type_name();
    let inner = match (v, &prop.kind) {
        (Some(PropValue::Text(s)), _) => rich_text(s),
        (None, PropKind::RichText) => json!([]),
        (Some(PropValue::Number(n)), _) => json!(n),
        (Some(PropValue::Select(s) | PropValue::Status(s)), _) => option(prop, s),
        (Some(PropValue::Date(d)), _) => {
            json!({"start": d.to_string(), "end": null, "time_zone": null})
        }
        (Some(PropValue::People(ids)), _) => Value::Array(
            ids.iter()
                .filter_map(|id| ws.user(id))
                .map(|u| user(ws, u))
                .collect(),
        ),
        (None, PropKind::People) => json!([]),
        (Some(PropValue::Checkbox(b)), _) => json!(b),
        (None, PropKind::Checkbox) => json!(false),
        (None, _) => Value::Null,
    };
    json!({"id": prop.id, "type": kind, kind: inner})
}

/// A property's schema entry (`data_source_get.json`'s `properties`).
fn property_schema(prop: &PropSchema) -> Value {
    let options = |o: &[(String, String)]| -> Vec<Value> {
        o.iter()
            .map(|(n, c)| json!({"id": option_id(&prop.name, n), "name": n, "color": c, "description": null}))
            .collect()
    };
    let config = match &prop.kind {
        PropKind::Number(format) => json!({"format": format}),
        PropKind::Select(o) => json!({"options": options(o)}),
        PropKind::Status { options: o, groups } => json!({
            "options": options(o),
            "groups": groups.iter().map(|(name, color, members)| json!({
                "id": notion_id(&format!("group:{}:{name}", prop.name))[..8].to_owned(),
                "name": name, "color": color,
                "option_ids": members.iter().map(|m| option_id(&prop.name, m)).collect::<Vec<_>>()
            })).collect::<Vec<_>>()
        }),
        _ => json!({}),
    };
    let kind = prop.kind.type_name();
    json!({"id": prop.id, "name": prop.name, "description": null, "type": kind, kind: config})
}

/// A data source (`data_source_get.json` keys, without `request_id`).
pub(super) fn data_source(db: &DocDatabase) -> Value {
    let props: Map<String, Value> = db
        .schema
        .iter()
        .map(|p| (p.name.clone(), property_schema(p)))
        .collect();
    json!({
        "object": "data_source",
        "id": db.data_source_id,
        "cover": null,
        "icon": icon(Some("📈")),
        "created_time": time(db.created),
        "created_by": user_ref(&db.created_by),
        "last_edited_by": user_ref(&db.created_by),
        "last_edited_time": time(db.edited),
        "title": rich_text(&db.title),
        "description": [],
        "is_inline": true,
        "properties": props,
        "parent": {"type": "database_id", "database_id": db.database_id},
        "database_parent": {"type": "page_id", "page_id": db.parent_page},
        "url": url("", &db.database_id),
        "public_url": null,
        "in_trash": false,
        "archived": false
    })
}

/// A database container (2025-09-03 schema: it lists its data sources).
pub(super) fn database(db: &DocDatabase) -> Value {
    json!({
        "object": "database",
        "id": db.database_id,
        "title": rich_text(&db.title),
        "description": [],
        "parent": {"type": "page_id", "page_id": db.parent_page},
        "is_inline": true,
        "in_trash": false,
        "is_locked": false,
        "created_time": time(db.created),
        "last_edited_time": time(db.edited),
        "data_sources": [{"id": db.data_source_id, "name": db.title}],
        "icon": icon(Some("📈")),
        "cover": null,
        "url": url("", &db.database_id),
        "public_url": null
    })
}
