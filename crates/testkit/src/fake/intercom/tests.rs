//! The Intercom fake over HTTP: auth and version checks, search and paging,
//! lookups, notes that stick, and error bodies. (Its payloads are checked
//! against the recorded fixtures in the Intercom connector's tests, which
//! own the model types.)

use serde_json::{json, Value};

use super::*;
use crate::demo::northwind;
use crate::demo::support::support_desk;

const TOKEN: &str = "dG9rOmRlbW8=";

struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    async fn start(options: IntercomOptions) -> Api {
        Api {
            server: spawn_intercom_with(northwind(), TOKEN, options).await,
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, Value) {
        let r = r
            .bearer_auth(TOKEN)
            .header("Intercom-Version", VERSION)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        assert_eq!(r.headers()["intercom-version"], VERSION, "{status}");
        (status, r.json().await.unwrap())
    }

    fn url(&self, path: &str) -> url::Url {
        self.server.base_url.join(path).unwrap()
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.http.get(self.url(path))).await
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.http.post(self.url(path)).json(&body)).await
    }
}

fn filter(field: &str, op: &str, value: Value) -> Value {
    json!({"field": field, "operator": op, "value": value})
}

#[tokio::test]
async fn auth_and_version_are_checked() {
    let api = Api::start(IntercomOptions::default()).await;
    let r = api
        .http
        .get(api.url("admins"))
        .bearer_auth("wrong")
        .header("Intercom-Version", "2.11");
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["errors"][0],
        json!({"code": "unauthorized", "message": "Access Token Invalid"})
    );
    let r = api
        .http
        .get(api.url("admins"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "intercom_version_invalid");
    let (status, admins) = api.get("admins").await;
    assert_eq!((status, admins["type"].as_str()), (200, Some("admin.list")));
    assert!(admins["admins"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["email"] == "support@northwind.example"));
}

#[tokio::test]
async fn conversation_search_filters_and_pages() {
    let api = Api::start(IntercomOptions {
        max_page_size: Some(4),
    })
    .await;
    let open = filter("state", "=", json!("open"));
    let (status, first) = api
        .post("conversations/search", json!({"query": open}))
        .await;
    assert_eq!(status, 200);
    let expected = support_desk()
        .conversations
        .iter()
        .filter(|c| c.state.as_str() == "open")
        .count();
    assert_eq!(first["total_count"], expected);
    assert_eq!(first["conversations"].as_array().unwrap().len(), 4);
    let cursor = first["pages"]["next"]["starting_after"].clone();
    let body = json!({"query": open, "pagination": {"per_page": 20, "starting_after": cursor}});
    let (_, second) = api.post("conversations/search", body).await;
    assert_eq!(second["pages"]["page"], 2);
    assert_ne!(
        second["conversations"][0]["id"],
        first["conversations"][0]["id"]
    );

    let acme = support_desk()
        .contact("marcus.chen@acme-robotics.example")
        .unwrap();
    let query = json!({"operator": "AND", "value": [
        filter("contact_ids", "IN", json!([acme.id])), filter("created_at", ">", json!(0))]});
    let (_, found) = api
        .post("conversations/search", json!({"query": query}))
        .await;
    assert_eq!(
        found["conversations"][0]["title"],
        "Telemetry gaps since agent 4.2"
    );
    let (status, bad) = api
        .post(
            "conversations/search",
            json!({"query": filter("nope", "=", json!(1))}),
        )
        .await;
    assert_eq!(
        (status, bad["errors"][0]["code"].as_str()),
        (400, Some("parameter_invalid"))
    );
}

#[tokio::test]
async fn notes_stick_to_the_conversation() {
    let api = Api::start(IntercomOptions::default()).await;
    let c = &support_desk().conversations[0];
    let before = c.parts.len();
    let note = json!({"message_type": "note", "type": "admin", "admin_id": "7310401", "body": "<p>Checked</p>"});
    let (status, after) = api
        .post(&format!("conversations/{}/reply", c.id), note.clone())
        .await;
    assert_eq!(status, 200);
    let parts = after["conversation_parts"]["conversation_parts"]
        .as_array()
        .unwrap();
    assert_eq!(parts.len(), before + 1);
    assert_eq!(
        parts[before]["author"]["email"],
        "support@northwind.example"
    );
    let (_, read) = api.get(&format!("conversations/{}", c.id)).await;
    assert_eq!(read["conversation_parts"]["total_count"], before + 1);
    assert_eq!(read["updated_at"], parts[before]["created_at"]);
    let mut stranger = note.clone();
    stranger["admin_id"] = json!("1");
    let (status, _) = api
        .post(&format!("conversations/{}/reply", c.id), stranger)
        .await;
    assert_eq!(status, 404);
    let (status, body) = api.post("conversations/1/reply", note).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (404, Some("not_found"))
    );
}

#[tokio::test]
async fn contacts_companies_and_tickets() {
    let api = Api::start(IntercomOptions::default()).await;
    let query = filter("email_domain", "=", json!("acme-robotics.example"));
    let (_, people) = api.post("contacts/search", json!({"query": query})).await;
    assert_eq!(people["total_count"], 3);
    let (_, found) = api.get("companies?name=acme%20robotics").await;
    let id = found["data"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(found["data"][0]["company_id"], "acme-robotics.example");
    let (_, attached) = api.get(&format!("companies/{id}/contacts")).await;
    assert_eq!(attached["data"].as_array().unwrap().len(), 3);
    let (status, missing) = api.get("companies?name=Nobody").await;
    assert_eq!(
        (status, missing["errors"][0]["code"].as_str()),
        (404, Some("company_not_found"))
    );

    let ids: Vec<Value> = people["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    let open = json!({"operator": "AND", "value": [filter("open", "=", json!(true)),
        filter("contact_ids", "IN", Value::Array(ids))]});
    let (_, tickets) = api.post("tickets/search", json!({"query": open})).await;
    assert_eq!(tickets["total_count"], 3);
    let id = tickets["tickets"][0]["id"].as_str().unwrap().to_owned();
    let (status, ticket) = api.get(&format!("tickets/{id}")).await;
    assert_eq!((status, ticket["type"].as_str()), (200, Some("ticket")));
    let (status, _) = api.get("tickets/1").await;
    assert_eq!(status, 404);
    let (status, body) = api.get("contacts/000000000000000000000000").await;
    assert_eq!(
        (status, body["errors"][0]["message"].as_str()),
        (404, Some("User Not Found"))
    );
}
