//! The client against a local axum server: auth header, default headers,
//! error mapping, timeouts bounded by the call's deadline.

use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use switchboard_core::{AuthMethod, CallContext, ErrorKind, Principal};

use crate::*;

mod resilience;

async fn serve(router: Router) -> url::Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}/base").parse().unwrap()
}

fn ctx(deadline: Duration) -> CallContext {
    CallContext::for_principal(
        Principal {
            user_id: "u".into(),
            email: "u@x".into(),
            org: "o".into(),
            groups: vec![],
            auth: AuthMethod::Internal,
        },
        Instant::now() + deadline,
    )
}

fn router() -> Router {
    Router::new()
        .route(
            "/base/echo",
            get(|headers: HeaderMap| async move {
                let auth = headers.get("authorization").map(|v| v.to_str().unwrap().to_owned());
                let version = headers.get("x-version").map(|v| v.to_str().unwrap().to_owned());
                Json(serde_json::json!({"auth": auth, "version": version}))
            }),
        )
        .route(
            "/base/limited",
            get(|| async {
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    [("retry-after", "3")],
                    Json(serde_json::json!({"status":"error","message":"You have reached your secondly limit."})),
                )
            }),
        )
        .route("/base/garbage", get(|| async { "{not json" }))
        .route(
            "/base/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        )
}

#[tokio::test]
async fn sends_auth_and_default_headers_and_counts_requests() {
    let base = serve(router()).await;
    let mut config = UpstreamConfig::new("Test", base, Auth::Bearer(Secret::new("tok")));
    config
        .default_headers
        .push(("x-version".parse().unwrap(), "2.11".parse().unwrap()));
    let client = UpstreamClient::new(config).unwrap();
    let ctx = ctx(Duration::from_secs(5));
    let v: serde_json::Value = client
        .get_json(&ctx, UpstreamRequest::get("/echo"))
        .await
        .unwrap();
    assert_eq!(v["auth"], "Bearer tok");
    assert_eq!(v["version"], "2.11");
    assert_eq!(ctx.stats.upstream_requests(), 1);
}

#[tokio::test]
async fn vendor_errors_become_connector_errors() {
    let client = UpstreamClient::new(UpstreamConfig::new(
        "Test",
        serve(router()).await,
        Auth::None,
    ))
    .unwrap();
    let ctx = ctx(Duration::from_secs(5));
    let e = client
        .send(&ctx, UpstreamRequest::get("/limited"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert_eq!(e.retry_after, Some(Duration::from_secs(3)));
    assert!(e.message.contains("secondly limit"), "{}", e.message);

    let e = client
        .get_json::<serde_json::Value>(&ctx, UpstreamRequest::get("/garbage"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Upstream);

    let e = client
        .send(&ctx, UpstreamRequest::get("/missing"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn the_call_deadline_bounds_the_request() {
    let client = UpstreamClient::new(UpstreamConfig::new(
        "Test",
        serve(router()).await,
        Auth::None,
    ))
    .unwrap();
    let e = client
        .send(
            &ctx(Duration::from_millis(200)),
            UpstreamRequest::get("/slow"),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout);
    let e = client
        .send(&ctx(Duration::ZERO), UpstreamRequest::get("/echo"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout);
}

#[tokio::test]
async fn unreachable_upstream_is_unavailable() {
    let client = UpstreamClient::new(UpstreamConfig::new(
        "Test",
        "http://127.0.0.1:9/".parse().unwrap(),
        Auth::None,
    ))
    .unwrap();
    let e = client
        .send(&ctx(Duration::from_secs(5)), UpstreamRequest::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unavailable);
}
