//! The fake's own behaviour: the filter language over the demo rows, the
//! cursor chain, and the auth/version checks' order.

use serde_json::{json, Value};

use super::spawn_notion_with;
use super::NotionOptions;
use crate::demo::docs::workspace;
use crate::demo::northwind;

const TOKEN: &str = "ntn_fake_test";

async fn post(base: &url::Url, path: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(base.join(path).unwrap())
        .bearer_auth(TOKEN)
        .header("Notion-Version", super::NOTION_VERSION)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

fn names(v: &Value) -> Vec<String> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["properties"]["Customer"]["title"][0]["plain_text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn filters_sorts_and_cursors_follow_notions_rules() {
    let server = spawn_notion_with(
        northwind(),
        TOKEN,
        NotionOptions {
            max_page_size: Some(2),
        },
    )
    .await;
    let path = format!(
        "v1/data_sources/{}/query",
        workspace().tracker().data_source_id
    );
    let filter = json!({"or": [
        {"property": "ARR", "number": {"greater_than_or_equal_to": 460000}},
        {"and": [
            {"property": "Tier", "select": {"equals": "SMB"}},
            {"property": "Customer", "title": {"starts_with": "p"}}
        ]}
    ]});
    let body = json!({"filter": filter, "sorts": [{"property": "ARR", "direction": "descending"}]});
    let (status, first) = post(&server.base_url, &path, body.clone()).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(names(&first), ["Wayne Financial", "Lion City Bank"]);
    assert_eq!(first["has_more"], true);
    let mut next = body;
    next["start_cursor"] = first["next_cursor"].clone();
    let (_, rest) = post(&server.base_url, &path, next).await;
    assert_eq!(names(&rest), ["Pied Piper", "Prairie Schools"]);
    assert_eq!(
        (rest["has_more"].as_bool(), rest["next_cursor"].is_null()),
        (Some(false), true)
    );

    for (bad, message) in [
        (
            json!({"property": "Nope", "select": {"equals": "x"}}),
            "Could not find property with name or id: Nope",
        ),
        (
            json!({"property": "Tier", "checkbox": {"equals": true}}),
            "database property select does not match filter checkbox",
        ),
        (
            json!({"property": "Renewal date", "date": {"past_week": {}}}),
            "past_week",
        ),
    ] {
        let (status, body) = post(&server.base_url, &path, json!({"filter": bad})).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("validation_error"))
        );
        assert!(
            body["message"].as_str().unwrap().contains(message),
            "{body}"
        );
    }
    let (status, body) = post(&server.base_url, &path, json!({"start_cursor": "nope"})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("validation_error"))
    );
    let (status, _) = post(&server.base_url, &path, json!({"page_size": 101})).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_token_is_checked_before_the_version() {
    let server = spawn_notion_with(northwind(), TOKEN, NotionOptions::default()).await;
    let http = reqwest::Client::new();
    let url = server.base_url.join("v1/users/me").unwrap();
    let r = http
        .get(url.clone())
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = http
        .get(url.clone())
        .bearer_auth(TOKEN)
        .header("Notion-Version", "2021-05-13")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = http
        .get(url)
        .bearer_auth(TOKEN)
        .header("Notion-Version", super::NOTION_VERSION)
        .send()
        .await
        .unwrap();
    let me: Value = r.json().await.unwrap();
    assert_eq!(
        (me["type"].as_str(), me["name"].as_str()),
        (Some("bot"), Some("Switchboard"))
    );
    assert_eq!(server.hits.total(), 3);
}
