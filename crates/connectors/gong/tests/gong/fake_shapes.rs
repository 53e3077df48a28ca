//! The fake Gong answers with payloads of the recorded shapes (users,
//! workspaces, errors) and, for calls and transcripts, of the schema-derived
//! shapes in `schema.rs`: same key sets, same value types, and the same
//! model types parse both.

use std::collections::BTreeSet;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_gong::client::NO_CALLS;
use switchboard_gong::model::*;
use switchboard_testkit::demo::calls::call_library;
use switchboard_testkit::fake::Fault;

use crate::common::{env, KEY, SECRET};
use crate::fixtures::text;
use crate::schema;

fn fixture(name: &str) -> Value {
    serde_json::from_str(&text(name)).unwrap()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

/// Same keys, and each value of the same JSON type (a `null` on either
/// side matches anything: Gong writes absent values as `null`).
fn same_shape(fake: &Value, recorded: &Value, what: &str) {
    assert_eq!(keys(fake), keys(recorded), "{what}: keys");
    let kind = |v: &Value| std::mem::discriminant(v);
    for (k, r) in recorded.as_object().unwrap() {
        let f = &fake[k];
        assert!(
            f.is_null() || r.is_null() || kind(f) == kind(r),
            "{what}.{k}: {f} vs recorded {r}"
        );
        if f.is_object() && r.is_object() {
            same_shape(f, r, &format!("{what}.{k}"));
        }
    }
}

fn parses<T: DeserializeOwned>(v: &Value) {
    serde_json::from_value::<T>(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
}

struct Raw {
    http: reqwest::Client,
    base: url::Url,
}

impl Raw {
    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, reqwest::header::HeaderMap, Value) {
        let r = r.basic_auth(KEY, Some(SECRET)).send().await.unwrap();
        let (status, headers) = (r.status().as_u16(), r.headers().clone());
        (status, headers, r.json().await.unwrap())
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let (s, _, v) = self
            .send(self.http.get(self.base.join(path).unwrap()))
            .await;
        (s, v)
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let request = self.http.post(self.base.join(path).unwrap()).json(&body);
        let (s, _, v) = self.send(request).await;
        (s, v)
    }
}

#[tokio::test]
async fn users_and_workspaces_match_the_recordings() {
    let env = env().await;
    let raw = Raw {
        http: reqwest::Client::new(),
        base: env.server.base_url.clone(),
    };
    let (status, list) = raw.get("v2/users").await;
    assert_eq!(status, 200);
    let recorded = fixture("users_list.json");
    same_shape(&list, &recorded, "users list");
    for user in list["users"].as_array().unwrap() {
        same_shape(user, &recorded["users"][0], "user");
    }
    parses::<UsersPage>(&list);

    let id = &call_library().users[0].id;
    let (_, one) = raw.get(&format!("v2/users/{id}")).await;
    same_shape(&one, &fixture("users_get.json"), "user get");
    parses::<UserResponse>(&one);

    let (_, workspaces) = raw.get("v2/workspaces").await;
    same_shape(&workspaces, &fixture("workspaces_list.json"), "workspaces");
    same_shape(
        &workspaces["workspaces"][0],
        &fixture("workspaces_list.json")["workspaces"][0],
        "workspace",
    );
    parses::<WorkspacesResponse>(&workspaces);
}

#[tokio::test]
async fn calls_and_transcripts_match_the_schema() {
    let env = env().await;
    let raw = Raw {
        http: reqwest::Client::new(),
        base: env.server.base_url.clone(),
    };
    let (status, list) = raw
        .get("v2/calls?fromDateTime=2026-07-01T00:00:00Z&toDateTime=2026-12-01T00:00:00Z")
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        keys(&list),
        keys(&json!({"requestId": 0, "records": 0, "calls": 0}))
    );
    assert_eq!(
        keys(&list["records"]),
        keys(&schema::records(false)),
        "one page"
    );
    for call in list["calls"].as_array().unwrap() {
        same_shape(call, &schema::meta_data(), "CallBasicData");
    }
    parses::<CallsPage>(&list);

    let id = &call_library().calls[0].id;
    let (_, one) = raw.get(&format!("v2/calls/{id}")).await;
    same_shape(&one["call"], &schema::meta_data(), "specific call");
    parses::<SpecificCall>(&one);

    let body = json!({"filter": {"callIds": [id]}, "contentSelector": {"exposedFields": {"parties": true}}});
    let (_, ext) = raw.post("v2/calls/extensive", body).await;
    let call = &ext["calls"][0];
    assert_eq!(keys(call), keys(&json!({"metaData": 0, "parties": 0})));
    same_shape(
        &call["metaData"],
        &schema::meta_data(),
        "extensive metaData",
    );
    for party in call["parties"].as_array().unwrap() {
        same_shape(party, &schema::parties()[0], "Party");
    }
    parses::<ExtensivePage>(&ext);

    let (_, t) = raw
        .post("v2/calls/transcript", json!({"filter": {"callIds": [id]}}))
        .await;
    assert_eq!(
        keys(&t),
        keys(&json!({"requestId": 0, "records": 0, "callTranscripts": 0}))
    );
    let monologue = &t["callTranscripts"][0]["transcript"][0];
    assert_eq!(
        keys(monologue),
        keys(&json!({"speakerId": 0, "topic": 0, "sentences": 0}))
    );
    assert!(
        monologue["sentences"][0]["start"].is_u64()
            && monologue["sentences"][0]["text"].is_string()
    );
    parses::<TranscriptPage>(&t);
}

#[tokio::test]
async fn error_bodies_match_the_recordings() {
    let env = env().await;
    let raw = Raw {
        http: reqwest::Client::new(),
        base: env.server.base_url.clone(),
    };
    let (status, none) = raw
        .get("v2/calls?fromDateTime=2025-06-12T17:38:36.197Z&toDateTime=2025-07-12T00:00:00Z")
        .await;
    assert_eq!(status, 404);
    let recorded = fixture("error_404_no_calls_found.json");
    same_shape(&none, &recorded, "404");
    assert_eq!(none["errors"], recorded["errors"], "Gong's exact words");
    let (status, none) = raw
        .post(
            "v2/calls/transcript",
            json!({"filter": {"callIds": ["42"]}}),
        )
        .await;
    assert_eq!((status, &none["errors"]), (404, &json!([NO_CALLS])));
    parses::<ErrorBody>(&none);

    let (status, bad) = raw.get("v2/calls?toDateTime=soon").await;
    assert_eq!(status, 400);
    same_shape(&bad, &fixture("error_400.json"), "400");

    let r = raw
        .http
        .get(raw.base.join("v2/users").unwrap())
        .basic_auth(KEY, Some("nope"));
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    same_shape(&body, &fixture("error_401.json"), "401");

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(2),
    });
    let (status, headers, body) = raw
        .send(raw.http.get(raw.base.join("v2/users").unwrap()))
        .await;
    assert_eq!(
        (status, headers["retry-after"].to_str().unwrap()),
        (429, "2")
    );
    same_shape(&body, &fixture("error_400.json"), "429");
}
