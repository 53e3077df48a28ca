//! The fake Notion's error bodies, auth and `Notion-Version` checks are
//! Notion's own (`error_*.json`).

use std::time::Duration;

use serde_json::Value;
use switchboard_notion::model::ErrorBody;
use switchboard_testkit::fake::Fault;

use crate::common::{env, TOKEN};
use crate::fake_shapes::{fixture, same_shape};

#[tokio::test]
async fn errors_auth_and_version_match_notion() {
    let env = env().await;
    let http = reqwest::Client::new();
    let url = |path: &str| env.server.base_url.join(path).unwrap();
    let send = |path: &str, token: &str, version: Option<&str>| {
        let mut r = http.get(url(path)).bearer_auth(token);
        if let Some(v) = version {
            r = r.header("Notion-Version", v);
        }
        r.send()
    };
    let v = Some(switchboard_notion::NOTION_VERSION);

    let r = send("v1/users", "ntn_wrong", v).await.unwrap();
    assert_eq!(r.status(), 401);
    let mut body: Value = r.json().await.unwrap();
    assert!(body["request_id"].is_string());
    let mut recorded = fixture("error_401.json");
    body["request_id"] = Value::Null;
    recorded["request_id"] = Value::Null;
    assert_eq!(body, recorded);

    let r = send("v1/users", TOKEN, None).await.unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "missing_version");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("Notion-Version header should be defined"));

    let r = send("v1/pages/00000000-0000-0000-0000-000000000000", TOKEN, v)
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let body: Value = r.json().await.unwrap();
    same_shape(&body, &fixture("error_404.json"), "404");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .starts_with("Could not find page with ID: 00000000-0000-0000-0000-000000000000."));

    let r = send("v1/invalid", TOKEN, v).await.unwrap();
    assert_eq!(r.status(), 400);
    let mut body: Value = r.json().await.unwrap();
    let mut recorded = fixture("error_400_invalid_request_url.json");
    body["request_id"] = Value::Null;
    recorded["request_id"] = Value::Null;
    assert_eq!(body, recorded);

    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(2),
    });
    let r = send("v1/users", TOKEN, v).await.unwrap();
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "2")
    );
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!((body.status, body.code.as_str()), (429, "rate_limited"));
}
