//! `GET /crm/v3/objects/{type}/{id}`, `GET /crm/v3/objects/{type}` (list)
//! and `POST /crm/v3/objects/{type}/batch/read`, plus the object rendering
//! every endpoint shares.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::data::{ObjectType, Record};
use super::{parse_limit, HubSpot, Shared};

/// The portal id in record URLs (fictional).
const PORTAL: u32 = 24_681_357;

/// Query parameters; `properties` and `associations` may be repeated or
/// comma-separated, as HubSpot accepts both.
pub(super) struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(raw: Option<&str>) -> Params {
        let pairs = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes());
        Params(
            pairs
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn list(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// One object in the v3 shape: `id, properties, createdAt, updatedAt,
/// archived, url`, plus `associations` when asked for. Requested
/// properties the object lacks come back `null`; unknown names are skipped.
pub(super) fn render(
    state: &HubSpot,
    t: ObjectType,
    r: &Record,
    properties: &[String],
    associations: &[ObjectType],
) -> Value {
    let mut props = Map::new();
    let mut put = |name: &str| {
        if let Some(v) = r.props.get(name) {
            props.insert(name.to_owned(), Value::String(v.clone()));
        } else if state.data.is_property(t, name) {
            props.insert(name.to_owned(), Value::Null);
        }
    };
    if properties.is_empty() {
        t.default_properties().iter().for_each(|p| put(p));
    } else {
        properties.iter().for_each(|p| put(p));
        t.always_properties().iter().for_each(|p| put(p));
    }
    let mut object = json!({
        "id": r.id,
        "properties": props,
        "createdAt": r.created_at,
        "updatedAt": r.updated_at,
        "archived": false,
        "url": format!("https://app.hubspot.com/contacts/{PORTAL}/record/{}/{}", t.type_id(), r.id),
    });
    let mut groups = Map::new();
    for &to in associations {
        let results: Vec<Value> = r
            .assoc
            .iter()
            .filter(|a| a.to == to)
            .map(|a| json!({"id": a.id, "type": a.kind}))
            .collect();
        if !results.is_empty() {
            groups.insert(to.plural().to_owned(), json!({ "results": results }));
        }
    }
    if !groups.is_empty() {
        object["associations"] = Value::Object(groups);
    }
    object
}

/// The object type from the path, or HubSpot's 400.
pub(super) fn object_type(raw: &str) -> Result<ObjectType, String> {
    ObjectType::parse(raw).ok_or_else(|| format!("Unable to infer object type from: {raw}"))
}

fn association_types(params: &Params) -> Vec<ObjectType> {
    params
        .list("associations")
        .iter()
        .filter_map(|s| ObjectType::parse(s))
        .collect()
}

pub(super) async fn get_one(
    State(state): State<Shared>,
    Path((raw_type, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let t = match object_type(&raw_type) {
        Ok(t) => t,
        Err(message) => return state.invalid(message),
    };
    let params = Params::parse(query.as_deref());
    let found = match params.get("idProperty") {
        Some(prop) => state.data.records(t).iter().find(|r| {
            r.props
                .get(prop)
                .is_some_and(|v| v.eq_ignore_ascii_case(&id))
        }),
        None if !id.bytes().all(|b| b.is_ascii_digit()) => {
            return state.error(
                StatusCode::NOT_FOUND,
                "OBJECT_NOT_FOUND",
                "Object not found.  objectId are usually numeric.",
            )
        }
        None => state.data.find(t, &id),
    };
    match found {
        Some(r) => state.ok(&render(
            &state,
            t,
            r,
            &params.list("properties"),
            &association_types(&params),
        )),
        None => state.not_found(),
    }
}

pub(super) async fn list(
    State(state): State<Shared>,
    Path(raw_type): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let t = match object_type(&raw_type) {
        Ok(t) => t,
        Err(message) => return state.invalid(message),
    };
    let params = Params::parse(query.as_deref());
    let limit = match parse_limit(params.get("limit"), 10, 100) {
        Ok(n) => state.page_size(n),
        Err(message) => return state.invalid(message),
    };
    let after: u64 = match params.get("after").map(str::parse) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return state.invalid("`after` must be a cursor from paging.next.after"),
    };
    let records = if params.get("archived") == Some("true") {
        &[][..]
    } else {
        state.data.records(t)
    };
    let mut rest = records
        .iter()
        .filter(|r| r.id.parse::<u64>().is_ok_and(|id| id >= after));
    let props = params.list("properties");
    let assoc = association_types(&params);
    let results: Vec<Value> = rest
        .by_ref()
        .take(limit)
        .map(|r| render(&state, t, r, &props, &assoc))
        .collect();
    let mut body = json!({ "results": results });
    if let Some(next) = rest.next() {
        let link = format!(
            "{}crm/v3/objects/{}?limit={limit}&after={}",
            state.base_url,
            t.plural(),
            next.id
        );
        body["paging"] = json!({"next": {"after": next.id, "link": link}});
    }
    state.ok(&body)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BatchRead {
    inputs: Vec<BatchInput>,
    #[serde(default)]
    properties: Vec<String>,
}

#[derive(Deserialize)]
struct BatchInput {
    id: String,
}

pub(super) async fn batch_read(
    State(state): State<Shared>,
    Path(raw_type): Path<String>,
    body: Bytes,
) -> Response {
    let t = match object_type(&raw_type) {
        Ok(t) => t,
        Err(message) => return state.invalid(message),
    };
    let request: BatchRead = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return state.invalid(format!("Invalid input JSON: {e}")),
    };
    if request.inputs.len() > 100 {
        return state.invalid("a batch may hold at most 100 inputs");
    }
    let (mut results, mut missing) = (Vec::new(), Vec::new());
    for input in &request.inputs {
        match state.data.find(t, &input.id) {
            Some(r) => results.push(render(&state, t, r, &request.properties, &[])),
            None => missing.push(input.id.clone()),
        }
    }
    let at = format!("{}T12:00:00.000Z", state.company.reference_date);
    let mut body =
        json!({"status": "COMPLETE", "results": results, "startedAt": at, "completedAt": at});
    if missing.is_empty() {
        return state.ok(&body);
    }
    body["numErrors"] = json!(1);
    body["errors"] = json!([{
        "status": "error",
        "category": "OBJECT_NOT_FOUND",
        "message": format!("Could not get some {} objects, they may be deleted or not exist.", t.plural()),
        "context": {"ids": missing},
    }]);
    state.json(StatusCode::MULTI_STATUS, &body)
}
