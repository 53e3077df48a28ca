//! W3C trace context for upstream requests. The upstream client asks for
//! headers inside its own span; this reads that span's OpenTelemetry
//! context, so the vendor sees the gateway's trace as its parent.

use opentelemetry::propagation::TextMapPropagator;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use switchboard_core::TraceHeaders;
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// `traceparent` (and `tracestate`) of the current span.
pub struct W3cTraceHeaders;

impl TraceHeaders for W3cTraceHeaders {
    fn current(&self) -> Vec<(String, String)> {
        let context = tracing::Span::current().context();
        let mut headers = std::collections::HashMap::new();
        TraceContextPropagator::new().inject_context(&context, &mut headers);
        headers.into_iter().collect()
    }
}
