//! The Gong fake over HTTP: Basic auth, shapes, filters, paging and error
//! bodies. (Its payloads are also checked against the recorded fixtures in
//! the Gong connector's tests, which own the model types.)

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::*;
use crate::demo::calls::call_library;
use crate::demo::northwind;

const KEY: &str = "demo-access-key";
const SECRET: &str = "demo-access-key-secret";

struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    async fn start(page_size: Option<usize>) -> Api {
        let options = GongOptions { page_size };
        Api {
            server: spawn_gong_with(northwind(), KEY, SECRET, options).await,
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, Value) {
        let r = r.basic_auth(KEY, Some(SECRET)).send().await.unwrap();
        let status = r.status().as_u16();
        let trace = r.headers()["x-traceid"].to_str().unwrap().to_owned();
        assert_eq!(
            r.headers()["x-gong-service-version"],
            "PublicApiServer:17.main.19292"
        );
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body["requestId"],
            trace.as_str(),
            "requestId is the trace id"
        );
        (status, body)
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.http.get(self.server.base_url.join(path).unwrap()))
            .await
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let url = self.server.base_url.join(path).unwrap();
        self.send(self.http.post(url).json(&body)).await
    }
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[tokio::test]
async fn basic_auth_is_required() {
    let api = Api::start(None).await;
    let url = api.server.base_url.join("v2/users").unwrap();
    for request in [
        api.http.get(url.clone()),
        api.http.get(url.clone()).basic_auth(KEY, Some("wrong")),
        api.http.get(url.clone()).bearer_auth(SECRET),
    ] {
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), 401);
        let body: Value = r.json().await.unwrap();
        assert_eq!(keys(&body), BTreeSet::from(["errors", "requestId"]));
    }
    assert_eq!(api.get("v2/users").await.0, 200);
}

#[tokio::test]
async fn users_page_with_cursors_in_the_recorded_shape() {
    let api = Api::start(Some(3)).await;
    let (status, first) = api.get("v2/users").await;
    assert_eq!(status, 200);
    assert_eq!(first["records"]["totalRecords"], 8);
    assert_eq!(first["records"]["currentPageSize"], 3);
    assert_eq!(keys(&first["users"][0]).len(), 17);
    assert_eq!(first["users"][0]["emailAddress"], "sales@northwind.example");
    let mut emails = Vec::new();
    let mut cursor = None;
    loop {
        let path = match &cursor {
            None => "v2/users".to_owned(),
            Some(c) => format!("v2/users?cursor={c}"),
        };
        let (_, page) = api.get(&path).await;
        emails.extend(
            page["users"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["emailAddress"].clone()),
        );
        match page["records"].get("cursor") {
            Some(c) => cursor = Some(c.as_str().unwrap().to_owned()),
            None => break,
        }
    }
    assert_eq!(emails.len(), 8);
    let id = &call_library().users[1].id;
    let (status, one) = api.get(&format!("v2/users/{id}")).await;
    assert_eq!((status, &one["user"]["lastName"]), (200, &json!("Lopez")));
    let (status, missing) = api.get("v2/users/123").await;
    assert_eq!(status, 404);
    assert!(missing["errors"][0].is_string());
    assert_eq!(api.get("v2/users?cursor=bogus!").await.0, 400);
}

#[tokio::test]
async fn calls_filter_by_date_and_answer_404_when_none_match() {
    let api = Api::start(None).await;
    let (status, body) = api
        .get("v2/calls?fromDateTime=2026-11-15T00:00:00Z&toDateTime=2026-11-25T00:00:00Z")
        .await;
    assert_eq!(status, 200);
    let titles: Vec<&str> = body["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Hooli Cloud — migration cutover plan",
            "Lion City Bank — renewal review",
            "Acme Robotics — renewal review",
            "Northwind Example — Q4 renewal forecast",
            "Stark Aerospace — renewal pricing",
            "Sakura Telecom — renewal review",
            "Globex Logistics — renewal review",
        ]
    );
    assert_eq!(
        keys(&body["calls"][0]).len(),
        20,
        "CallBasicData has 20 fields"
    );

    let (status, body) = api
        .get("v2/calls?fromDateTime=2025-01-01T00:00:00Z&toDateTime=2025-02-01T00:00:00Z")
        .await;
    assert_eq!((status, &body["errors"][0]), (404, &json!(NO_CALLS)));
    let (status, body) = api.get("v2/calls?fromDateTime=yesterday").await;
    assert_eq!(status, 400);
    assert!(body["errors"][0].as_str().unwrap().contains("fromDateTime"));
}

#[tokio::test]
async fn extensive_and_transcripts_by_call_id() {
    let api = Api::start(Some(10)).await;
    let acme = call_library().last_call("acme-robotics.example").unwrap();
    let body = json!({"filter": {"callIds": [acme.id]},
        "contentSelector": {"exposedFields": {"parties": true}}});
    let (status, ext) = api.post("v2/calls/extensive", body).await;
    assert_eq!(status, 200);
    let call = &ext["calls"][0];
    assert_eq!(keys(call), BTreeSet::from(["metaData", "parties"]));
    assert_eq!(call["metaData"]["scope"], "External");
    let parties = call["parties"].as_array().unwrap();
    assert_eq!(keys(&parties[0]).len(), 10, "Party has 10 fields");
    assert_eq!(parties[0]["affiliation"], "Internal");
    assert_eq!(parties[0]["userId"], call["metaData"]["primaryUserId"]);
    assert!(parties.iter().any(
        |p| p["emailAddress"] == "dana.whitfield@acme-robotics.example"
            && p["affiliation"] == "External"
            && p["userId"].is_null()
    ));

    let (status, t) = api
        .post(
            "v2/calls/transcript",
            json!({"filter": {"callIds": [acme.id]}}),
        )
        .await;
    assert_eq!(status, 200);
    let monologues = t["callTranscripts"][0]["transcript"].as_array().unwrap();
    let speakers: Vec<&Value> = parties.iter().map(|p| &p["speakerId"]).collect();
    assert!(monologues
        .iter()
        .all(|m| speakers.contains(&&m["speakerId"])));
    assert_eq!(
        keys(&monologues[0]["sentences"][0]),
        BTreeSet::from(["end", "start", "text"])
    );

    let (status, all) = api.post("v2/calls/extensive", json!({"filter": {}})).await;
    assert_eq!((status, &all["records"]["totalRecords"]), (200, &json!(37)));
    assert!(
        all["calls"][0].get("parties").is_none(),
        "parties only on request"
    );
    assert!(all["records"]["cursor"].is_string());
    let (status, body) = api
        .post("v2/calls/transcript", json!({"filter": {"callIds": ["1"]}}))
        .await;
    assert_eq!((status, &body["errors"][0]), (404, &json!(NO_CALLS)));
    assert_eq!(api.post("v2/calls/extensive", json!({})).await.0, 400);
}
