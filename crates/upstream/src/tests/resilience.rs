//! Retries, vendor waits, the breaker, the quota and per-client isolation
//! against a scripted local server.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use switchboard_core::ErrorKind;

use super::{ctx, serve};
use crate::*;

/// Fails the first `failures` requests with `status`, then answers 200.
fn flaky(
    status: StatusCode,
    failures: usize,
    retry_after: Option<&'static str>,
) -> (Router, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    let handler = move || {
        let n = h.fetch_add(1, Ordering::SeqCst);
        async move {
            if n < failures {
                let mut headers = axum::http::HeaderMap::new();
                if let Some(after) = retry_after {
                    headers.insert("retry-after", after.parse().unwrap());
                }
                (
                    status,
                    headers,
                    Json(serde_json::json!({"message": "vendor says no"})),
                )
                    .into_response_parts()
            } else {
                (
                    StatusCode::OK,
                    axum::http::HeaderMap::new(),
                    Json(serde_json::json!({"ok": true})),
                )
                    .into_response_parts()
            }
        }
    };
    let router = Router::new()
        .route("/base/x", get(handler.clone()))
        .route("/base/x", post(handler));
    (router, hits)
}

trait IntoParts {
    fn into_response_parts(self) -> axum::response::Response;
}

impl IntoParts for (StatusCode, axum::http::HeaderMap, Json<serde_json::Value>) {
    fn into_response_parts(self) -> axum::response::Response {
        axum::response::IntoResponse::into_response(self)
    }
}

fn fast_retries(base: url::Url) -> UpstreamConfig {
    let mut config = UpstreamConfig::new("Test", base, Auth::None);
    config.retry.base = Duration::from_millis(5);
    config.retry.max_backoff = Duration::from_millis(20);
    config
}

#[tokio::test]
async fn a_500_is_retried_then_surfaced_with_the_vendor_message() {
    let (router, hits) = flaky(StatusCode::INTERNAL_SERVER_ERROR, 10, None);
    let client = UpstreamClient::new(fast_retries(serve(router).await)).unwrap();
    let e = client
        .send(&ctx(Duration::from_secs(5)), UpstreamRequest::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unavailable);
    assert!(e.message.contains("vendor says no"), "{}", e.message);
    assert_eq!(hits.load(Ordering::SeqCst), 3, "three attempts in all");
}

#[tokio::test]
async fn a_transient_500_recovers_on_retry() {
    let (router, hits) = flaky(StatusCode::BAD_GATEWAY, 1, None);
    let client = UpstreamClient::new(fast_retries(serve(router).await)).unwrap();
    let ctx = ctx(Duration::from_secs(5));
    client.send(&ctx, UpstreamRequest::get("/x")).await.unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    assert_eq!(ctx.stats.upstream_requests(), 2, "every attempt is counted");
}

#[tokio::test]
async fn writes_are_never_retried_but_idempotent_posts_are() {
    let (router, hits) = flaky(StatusCode::SERVICE_UNAVAILABLE, 1, None);
    let client = UpstreamClient::new(fast_retries(serve(router).await)).unwrap();
    let ctx = ctx(Duration::from_secs(5));
    let e = client
        .send(&ctx, UpstreamRequest::post("/x", &serde_json::json!({})))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unavailable);
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    client
        .send(
            &ctx,
            UpstreamRequest::post("/x", &serde_json::json!({})).idempotent(),
        )
        .await
        .unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn retry_after_is_honoured_within_the_deadline_and_returned_beyond_it() {
    let (router, hits) = flaky(StatusCode::TOO_MANY_REQUESTS, 1, Some("0"));
    let client = UpstreamClient::new(fast_retries(serve(router).await)).unwrap();
    client
        .send(&ctx(Duration::from_secs(5)), UpstreamRequest::get("/x"))
        .await
        .unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 2);

    let (router, hits) = flaky(StatusCode::TOO_MANY_REQUESTS, 10, Some("30"));
    let client = UpstreamClient::new(fast_retries(serve(router).await)).unwrap();
    let e = client
        .send(&ctx(Duration::from_secs(5)), UpstreamRequest::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert_eq!(
        e.retry_after,
        Some(Duration::from_secs(30)),
        "the caller learns when to come back"
    );
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "a wait past the deadline is not attempted"
    );
}

#[tokio::test]
async fn the_breaker_opens_and_then_answers_without_calling_the_upstream() {
    let (router, hits) = flaky(StatusCode::INTERNAL_SERVER_ERROR, 1000, None);
    let mut config = fast_retries(serve(router).await);
    config.retry.max_attempts = 1;
    config.breaker = BreakerSettings {
        failure_threshold: 3,
        cooldown: Duration::from_secs(60),
    };
    let client = UpstreamClient::new(config).unwrap();
    let ctx = ctx(Duration::from_secs(5));
    for _ in 0..3 {
        client
            .send(&ctx, UpstreamRequest::get("/x"))
            .await
            .unwrap_err();
    }
    assert_eq!(client.breaker_state(), BreakerState::Open);
    let e = client
        .send(&ctx, UpstreamRequest::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unavailable);
    assert!(e.retry_after.is_some());
    assert_eq!(
        hits.load(Ordering::SeqCst),
        3,
        "an open breaker does not call"
    );
}

#[tokio::test]
async fn the_quota_keeps_the_gateway_under_the_vendor_limit() {
    let (router, hits) = flaky(StatusCode::OK, 0, None);
    let mut config = fast_retries(serve(router).await);
    config.quota = Some(Quota {
        requests: 2,
        per: Duration::from_secs(60),
    });
    let client = UpstreamClient::new(config).unwrap();
    let ctx = ctx(Duration::from_millis(500));
    client.send(&ctx, UpstreamRequest::get("/x")).await.unwrap();
    client.send(&ctx, UpstreamRequest::get("/x")).await.unwrap();
    let e = client
        .send(&ctx, UpstreamRequest::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert!(e.retry_after.unwrap() > Duration::from_secs(20));
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_hung_upstream_does_not_hold_up_another_connector() {
    let slow = Router::new().route(
        "/base/x",
        get(|| async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "late"
        }),
    );
    let (fast, _) = flaky(StatusCode::OK, 0, None);
    let mut slow_config = fast_retries(serve(slow).await);
    slow_config.max_concurrency = 1;
    let slow = UpstreamClient::new(slow_config).unwrap();
    let fast = UpstreamClient::new(fast_retries(serve(fast).await)).unwrap();
    let slow_call = tokio::spawn({
        let slow = slow.clone();
        async move {
            slow.send(&ctx(Duration::from_secs(3)), UpstreamRequest::get("/x"))
                .await
        }
    });
    for _ in 0..5 {
        fast.send(&ctx(Duration::from_secs(3)), UpstreamRequest::get("/x"))
            .await
            .unwrap();
    }
    assert!(
        !slow_call.is_finished(),
        "the fast connector finished while the slow one still waits"
    );
    let e = slow_call.await.unwrap().unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Timeout,
        "the hung call is bounded by its deadline"
    );
}

/// Tokio's paused clock: a 20 s `Retry-After` is really waited out (in
/// virtual seconds, so the test is instant and exact) and then retried.
#[tokio::test(start_paused = true)]
async fn paused_time_a_long_retry_after_is_waited_out_then_retried() {
    let (router, hits) = flaky(StatusCode::TOO_MANY_REQUESTS, 1, Some("20"));
    let mut config = fast_retries(serve(router).await);
    config.retry.max_retry_after = Duration::from_secs(30);
    let client = UpstreamClient::new(config).unwrap();
    let started = tokio::time::Instant::now();
    client
        .send(&ctx(Duration::from_secs(120)), UpstreamRequest::get("/x"))
        .await
        .unwrap();
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(20) && waited < Duration::from_secs(25),
        "waited {waited:?}"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

/// Tokio's paused clock: the breaker stays open for its whole cooldown
/// (refusing without calling), then one probe closes it again.
#[tokio::test(start_paused = true)]
async fn paused_time_the_breaker_recovers_after_its_cooldown() {
    let (router, hits) = flaky(StatusCode::INTERNAL_SERVER_ERROR, 3, None);
    let mut config = fast_retries(serve(router).await);
    config.retry.max_attempts = 1;
    config.breaker = BreakerSettings {
        failure_threshold: 3,
        cooldown: Duration::from_secs(60),
    };
    let client = UpstreamClient::new(config).unwrap();
    let call = || async {
        client
            .send(&ctx(Duration::from_secs(5)), UpstreamRequest::get("/x"))
            .await
    };
    for _ in 0..3 {
        call().await.unwrap_err();
    }
    assert_eq!(client.breaker_state(), BreakerState::Open);
    tokio::time::advance(Duration::from_secs(59)).await;
    let e = call().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unavailable);
    assert_eq!(e.retry_after, Some(Duration::from_secs(1)));
    assert_eq!(hits.load(Ordering::SeqCst), 3, "open: not called");
    tokio::time::advance(Duration::from_secs(1)).await;
    assert_eq!(client.breaker_state(), BreakerState::HalfOpen);
    call().await.unwrap();
    assert_eq!(client.breaker_state(), BreakerState::Closed);
    assert_eq!(hits.load(Ordering::SeqCst), 4, "one probe, then closed");
}
