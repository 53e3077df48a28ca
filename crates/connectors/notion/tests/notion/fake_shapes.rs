//! The fake Notion answers with payloads of the recorded shapes: the same
//! keys at every level both sides have, the same model types parse both,
//! and the same error bodies, auth and version checks.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use switchboard_core::CallContext;
use switchboard_notion::model::*;
use switchboard_testkit::demo::docs::{workspace, ACME_QBR, INCIDENT_RUNBOOK};
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};

use crate::common::{env, page, TOKEN};

pub fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

/// Same key sets wherever both sides hold an object (first array items
/// compared), except inside `properties`, whose names are the data.
pub fn same_shape(fake: &Value, recorded: &Value, path: &str) {
    match (fake, recorded) {
        // Tagged unions (`type`, `object`) compare only like with like.
        (Value::Object(f), Value::Object(r))
            if ["type", "object"]
                .iter()
                .any(|t| r.contains_key(*t) && f.get(*t) != r.get(*t)) => {}
        (Value::Object(f), Value::Object(r)) => {
            assert_eq!(keys(fake), keys(recorded), "keys at {path}");
            for (k, v) in r {
                if k != "properties" {
                    same_shape(&f[k], v, &format!("{path}.{k}"));
                }
            }
        }
        (Value::Array(f), Value::Array(r)) if !f.is_empty() && !r.is_empty() => {
            same_shape(&f[0], &r[0], &format!("{path}[0]"))
        }
        _ => {}
    }
}

struct Raw {
    client: UpstreamClient,
    ctx: CallContext,
}

impl Raw {
    fn new(base: &url::Url) -> Raw {
        let mut config =
            UpstreamConfig::new("Notion", base.clone(), Auth::Bearer(Secret::new(TOKEN)));
        config.default_headers.push((
            "notion-version".parse().unwrap(),
            switchboard_notion::NOTION_VERSION.parse().unwrap(),
        ));
        let principal = switchboard_testkit::principal("sales@demo", &[]);
        Raw {
            client: UpstreamClient::new(config).unwrap(),
            ctx: CallContext::for_principal(principal, Instant::now() + Duration::from_secs(10)),
        }
    }

    async fn get(&self, path: &str, query: &[(&str, &str)]) -> Value {
        let mut request = UpstreamRequest::get(path);
        for (k, v) in query {
            request = request.query(*k, *v);
        }
        self.client.get_json(&self.ctx, request).await.unwrap()
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.client
            .get_json(&self.ctx, UpstreamRequest::post(path, &body))
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn pages_blocks_and_comments_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let plan = workspace().account_plan("acme-robotics.example").unwrap();
    let fake = raw.get(&format!("/v1/pages/{}", plan.id), &[]).await;
    same_shape(&fake, &fixture("page_get.json"), "page");
    assert_eq!(
        fake["properties"]["title"]["title"][0]["plain_text"],
        "Account plan — Acme Robotics"
    );
    serde_json::from_value::<Page>(fake).unwrap();

    // The runbook opens with a callout and a heading, then a paragraph.
    let runbook = page(INCIDENT_RUNBOOK);
    let list = raw
        .get(
            &format!("/v1/blocks/{}/children", runbook.id),
            &[("page_size", "2")],
        )
        .await;
    same_shape(&list, &fixture("blocks_children.json"), "children");
    assert_eq!(list["has_more"], true);
    assert_eq!(list["results"][0]["type"], "callout");
    let next = list["next_cursor"].as_str().unwrap().to_owned();
    let page2 = raw
        .get(
            &format!("/v1/blocks/{}/children", runbook.id),
            &[("page_size", "2"), ("start_cursor", &next)],
        )
        .await;
    assert_eq!(
        page2["results"][0]["id"],
        next.as_str(),
        "the cursor is the next block's id"
    );
    // A paragraph block has exactly the recorded paragraph's keys.
    let paragraph = &page2["results"][0];
    assert_eq!(paragraph["type"], "paragraph");
    same_shape(
        paragraph,
        &fixture("blocks_children.json")["results"][0],
        "paragraph block",
    );
    let one = raw
        .get(
            &format!("/v1/blocks/{}", paragraph["id"].as_str().unwrap()),
            &[],
        )
        .await;
    same_shape(&one, &fixture("block_get.json"), "block");
    serde_json::from_value::<List<Block>>(page2).unwrap();

    let qbr = page(ACME_QBR);
    let comments = raw.get("/v1/comments", &[("block_id", &qbr.id)]).await;
    same_shape(&comments, &fixture("comments_list.json"), "comments");
    assert_eq!(comments["results"].as_array().unwrap().len(), 3);
    serde_json::from_value::<List<Comment>>(comments).unwrap();
}

#[tokio::test]
async fn search_data_sources_and_users_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let all = raw.post("/v1/search", json!({})).await;
    same_shape(&all, &fixture("search.json"), "search");
    let none = raw
        .post("/v1/search", json!({"query": "no such title anywhere"}))
        .await;
    assert_eq!(keys(&none), keys(&fixture("search_empty.json")));
    assert_eq!(none["results"], json!([]));
    let found: List<Found> = serde_json::from_value(all).unwrap();
    assert!(found
        .results
        .iter()
        .any(|f| matches!(f, Found::DataSource(_))));

    let tracker = workspace().tracker();
    let ds = raw
        .get(&format!("/v1/data_sources/{}", tracker.data_source_id), &[])
        .await;
    same_shape(&ds, &fixture("data_source_get.json"), "data source");
    same_shape(
        &ds["properties"]["Customer"],
        &fixture("data_source_get.json")["properties"]["Name"],
        "title column",
    );
    serde_json::from_value::<DataSource>(ds).unwrap();
    let db = raw
        .get(&format!("/v1/databases/{}", tracker.database_id), &[])
        .await;
    assert_eq!(db["data_sources"][0]["id"], tracker.data_source_id.as_str());
    serde_json::from_value::<Database>(db).unwrap();

    // No recording of a non-empty query exists: the envelope is recorded,
    // the rows follow the page schema (same keys as a recorded page).
    let rows = raw
        .post(
            &format!("/v1/data_sources/{}/query", tracker.data_source_id),
            json!({"page_size": 1}),
        )
        .await;
    assert_eq!(keys(&rows), keys(&fixture("data_source_query_empty.json")));
    let mut page_keys = keys(&fixture("page_get.json"));
    page_keys.remove("request_id");
    assert_eq!(keys(&rows["results"][0]), page_keys);
    assert_eq!(rows["results"][0]["parent"]["type"], "data_source_id");
    serde_json::from_value::<List<Found>>(rows).unwrap();

    let users = raw.get("/v1/users", &[]).await;
    same_shape(&users, &fixture("users_list.json"), "users");
    let bot = users["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["type"] == "bot")
        .unwrap();
    same_shape(bot, &fixture("users_list.json")["results"][1], "bot user");
    let me = raw.get("/v1/users/me", &[]).await;
    same_shape(&me, &fixture("users_me.json"), "me");
}
