//! The HubSpot fake over HTTP: auth, shapes, paging, search semantics,
//! errors and headers. (Its payloads are also checked against the recorded
//! fixtures in the HubSpot connector's tests, which own the model types.)

use std::collections::BTreeSet;

mod objects;
mod search;

use serde_json::Value;

use super::*;
use crate::demo::northwind;
use crate::fake::Fault;

const TOKEN: &str = "pat-demo-token";

struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    async fn start(options: HubSpotOptions) -> Api {
        Api {
            server: spawn_hubspot_with(northwind(), TOKEN, options).await,
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, reqwest::header::HeaderMap, Value) {
        let r = r.bearer_auth(TOKEN).send().await.unwrap();
        let (status, headers) = (r.status().as_u16(), r.headers().clone());
        (status, headers, r.json().await.unwrap())
    }

    async fn get(&self, path: &str) -> (u16, reqwest::header::HeaderMap, Value) {
        self.send(self.http.get(self.server.base_url.join(path).unwrap()))
            .await
    }

    async fn search(&self, kind: &str, body: Value) -> (u16, Value) {
        let url = self
            .server
            .base_url
            .join(&format!("crm/v3/objects/{kind}/search"))
            .unwrap();
        let (status, headers, body) = self.send(self.http.post(url).json(&body)).await;
        assert!(
            headers.get("x-hubspot-ratelimit-max").is_none(),
            "search sends no rate headers"
        );
        (status, body)
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn ids(body: &Value) -> Vec<String> {
    body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn rejects_missing_or_wrong_tokens_with_hubspot_bodies() {
    let api = Api::start(HubSpotOptions::default()).await;
    for request in [
        api.http
            .get(api.server.base_url.join("crm/v3/owners").unwrap()),
        api.http
            .get(api.server.base_url.join("crm/v3/owners").unwrap())
            .bearer_auth("wrong"),
    ] {
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), 401);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["status"], "error");
        assert_eq!(body["category"], "INVALID_AUTHENTICATION");
        assert_eq!(
            keys(&body),
            ["category", "correlationId", "message", "status"]
                .map(String::from)
                .into()
        );
    }
}

#[tokio::test]
async fn rate_limit_fault_uses_the_documented_body() {
    let api = Api::start(HubSpotOptions::default()).await;
    api.server.faults.inject(Fault::RateLimited {
        retry_after: std::time::Duration::from_secs(10),
    });
    let (status, headers, body) = api.get("crm/v3/owners").await;
    assert_eq!(
        (status, &headers["retry-after"]),
        (429, &"10".parse::<reqwest::header::HeaderValue>().unwrap())
    );
    assert_eq!(headers["x-hubspot-ratelimit-remaining"], "0");
    assert_eq!(body["errorType"], "RATE_LIMIT");
    assert_eq!(body["policyName"], "DAILY");
}
