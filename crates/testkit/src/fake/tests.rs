//! The shared layer on a trivial router: counting, every fault kind, and
//! shutdown ending a hanging request.

use std::time::{Duration, Instant};

use axum::routing::get;
use axum::Router;
use serde_json::json;

use super::*;

async fn echo_server() -> FakeServer {
    let responses = FaultResponses {
        rate_limited: json!({"message": "slow down"}),
        rate_limited_headers: vec![("x-limit".parse().unwrap(), "0".parse().unwrap())],
        ..FaultResponses::default()
    };
    FakeServer::start(
        |_| Router::new().route("/ping", get(|| async { axum::Json(json!({"ok": true})) })),
        responses,
    )
    .await
}

async fn fetch(server: &FakeServer, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let r = reqwest::get(server.base_url.join(path).unwrap())
        .await
        .unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.text().await.unwrap())
}

#[tokio::test]
async fn counts_requests_per_path() {
    let server = echo_server().await;
    assert!(server.base_url.as_str().starts_with("http://127.0.0.1:"));
    assert_eq!(fetch(&server, "ping?x=1").await.0, 200);
    assert_eq!(fetch(&server, "nowhere").await.0, 404);
    assert_eq!(server.hits.total(), 2);
    assert_eq!(server.hits.path("/ping"), 1);
    assert_eq!(server.hits.with_prefix("/"), 2);
    assert_eq!(server.hits.requests()[0].query.as_deref(), Some("x=1"));
    server.hits.reset();
    assert_eq!(server.hits.total(), 0);
}

#[tokio::test]
async fn faults_apply_until_cleared_or_counted_out() {
    let server = echo_server().await;
    server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_millis(1500),
    });
    for _ in 0..2 {
        let (status, headers, body) = fetch(&server, "ping").await;
        assert_eq!(status, 429);
        assert_eq!(headers["retry-after"], "2");
        assert_eq!(headers["x-limit"], "0");
        assert_eq!(body, r#"{"message":"slow down"}"#);
    }
    server.faults.inject_times(Fault::ServerError, 1);
    assert_eq!(fetch(&server, "ping").await.0, 500);
    assert_eq!(fetch(&server, "ping").await.0, 200);

    server.faults.inject(Fault::MalformedJson);
    let (status, headers, body) = fetch(&server, "ping").await;
    assert_eq!(
        (status, &headers["content-type"]),
        (
            200,
            &"application/json"
                .parse::<reqwest::header::HeaderValue>()
                .unwrap()
        )
    );
    assert!(serde_json::from_str::<serde_json::Value>(&body).is_err());
    server.faults.clear();

    server.faults.set_latency(Duration::from_millis(150));
    let started = Instant::now();
    assert_eq!(fetch(&server, "ping").await.0, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(server.hits.total(), 6);
}

#[tokio::test]
async fn hang_never_answers_until_shutdown() {
    let server = echo_server().await;
    server.faults.inject(Fault::Hang);
    let url = server.base_url.join("ping").unwrap();
    let client = reqwest::Client::new();
    let timed_out = client
        .get(url.clone())
        .timeout(Duration::from_millis(200))
        .send()
        .await
        .unwrap_err();
    assert!(timed_out.is_timeout());

    let pending =
        tokio::spawn(async move { client.get(url).send().await.map(|r| r.status().as_u16()) });
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    server.shutdown().await;
    assert!(started.elapsed() < Duration::from_secs(5));
    // The hanging request ends (with 503) instead of holding the server.
    assert_eq!(pending.await.unwrap().unwrap(), 503);
}
