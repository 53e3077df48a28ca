//! Traces reach an OTLP receiver: an in-process OTLP/HTTP (JSON) endpoint
//! collects what the exporter sends; the spans and their semantic-convention
//! attributes must be there, and the trace context handed to connectors
//! must belong to the same trace.

use std::sync::{Arc, Mutex};

use axum::routing::post;
use axum::Router;
use opentelemetry::trace::TracerProvider as _;
use serde_json::{json, Value};
use switchboard_gateway::telemetry::{tracer_provider, OtlpSettings};
use tracing_subscriber::layer::SubscriberExt;

use super::harness::start;

/// The receiver runs on its own thread and runtime: the exporter flushes
/// with blocking calls, which must not wait on the test's own runtime.
fn receiver() -> (String, Arc<Mutex<Vec<Value>>>) {
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let store = bodies.clone();
    let app = Router::new().route(
        "/v1/traces",
        post(move |body: axum::body::Bytes| {
            let store = store.clone();
            async move {
                if let Ok(v) = serde_json::from_slice::<Value>(&body) {
                    store.lock().unwrap().push(v);
                }
                "{}"
            }
        }),
    );
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    (format!("http://{addr}/v1/traces"), bodies)
}

/// Every span in the exported batches, as (name, attributes, trace id).
fn spans(bodies: &[Value]) -> Vec<(String, serde_json::Map<String, Value>, String)> {
    let mut out = Vec::new();
    for body in bodies {
        for rs in body["resourceSpans"].as_array().into_iter().flatten() {
            for ss in rs["scopeSpans"].as_array().into_iter().flatten() {
                for span in ss["spans"].as_array().into_iter().flatten() {
                    let attrs = span["attributes"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| {
                            let v = &a["value"];
                            let v = v
                                .get("stringValue")
                                .or(v.get("intValue"))
                                .or(v.get("boolValue"))
                                .cloned()
                                .unwrap_or(Value::Null);
                            (a["key"].as_str().unwrap_or_default().to_owned(), v)
                        })
                        .collect();
                    out.push((
                        span["name"].as_str().unwrap_or_default().to_owned(),
                        attrs,
                        span["traceId"].as_str().unwrap_or_default().to_lowercase(),
                    ));
                }
            }
        }
    }
    out
}

#[tokio::test(flavor = "current_thread")]
async fn spans_and_attributes_arrive_at_the_otlp_receiver() {
    let (endpoint, bodies) = receiver();
    let provider = tracer_provider(&OtlpSettings {
        endpoint,
        service_name: "switchboard-test".into(),
    })
    .unwrap();
    opentelemetry::global::set_text_map_propagator(
        opentelemetry_sdk::propagation::TraceContextPropagator::new(),
    );
    let subscriber = tracing_subscriber::registry()
        .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("switchboard")));
    let _default = tracing::subscriber::set_default(subscriber);

    let gw = start().await;
    let body = gw
        .call_tool("reader-key", "test_echo_text", json!({"text": "traced"}))
        .await;
    let traceparent = body["result"]["structuredContent"]["traceparent"]
        .as_str()
        .expect("a traceparent reaches the connector")
        .to_owned();
    provider.force_flush().unwrap();

    let mut found = Vec::new();
    for _ in 0..50 {
        found = spans(&bodies.lock().unwrap());
        if found
            .iter()
            .any(|(n, _, _)| n == "tools/call test_echo_text")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    let (_, attrs, trace_id) = found
        .iter()
        .find(|(n, _, _)| n == "tools/call test_echo_text")
        .unwrap_or_else(|| panic!("no tools/call span in {names:?}"));
    assert_eq!(attrs["mcp.method.name"], "tools/call");
    assert_eq!(attrs["gen_ai.tool.name"], "test_echo_text");
    assert_eq!(attrs["gen_ai.operation.name"], "execute_tool");
    assert_eq!(attrs["enduser.id"], "reader@test");
    for step in ["policy", "rate_limit", "cache", "dispatch"] {
        assert!(names.contains(&step), "no {step} span in {names:?}");
    }
    assert!(
        traceparent.contains(trace_id.as_str()),
        "the connector's traceparent {traceparent} is not in trace {trace_id}"
    );
    let row = gw
        .audit
        .0
        .lock()
        .unwrap()
        .iter()
        .find(|r| r.tool.as_deref() == Some("test_echo_text"))
        .cloned()
        .unwrap();
    assert_eq!(
        row.trace_id.as_deref(),
        Some(trace_id.as_str()),
        "the audit row names the trace"
    );
    let _ = provider.shutdown();
}
