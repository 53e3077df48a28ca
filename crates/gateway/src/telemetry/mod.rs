//! Logs, traces and metrics.
//!
//! - Logs: `tracing` to stderr, text or JSON; never secrets or tool results
//!   (audit rows hold results; logs hold decisions and errors).
//! - Traces: one span per MCP request with children for authentication,
//!   policy, rate limit, cache, dispatch and every upstream HTTP call, named
//!   after the OpenTelemetry semantic conventions for MCP and GenAI tools
//!   (`mcp.method.name`, `gen_ai.tool.name`, ...); exported over OTLP/HTTP
//!   when configured, off by default. W3C trace context reaches upstreams
//!   through [`W3cTraceHeaders`].
//! - Metrics: [`Metrics`], served as Prometheus text at `/metrics`.

mod metrics;
mod propagate;

use std::time::Duration;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

pub use metrics::Metrics;
pub use propagate::W3cTraceHeaders;

/// Where to send traces.
#[derive(Debug, Clone)]
pub struct OtlpSettings {
    /// OTLP/HTTP traces endpoint, e.g. `http://127.0.0.1:4318/v1/traces`.
    pub endpoint: String,
    pub service_name: String,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Keeps the exporter alive; flushes spans on drop.
pub struct TelemetryGuard {
    provider: Option<SdkTracerProvider>,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        if let Some(provider) = self.provider.take() {
            let _ = provider.shutdown();
        }
    }
}

/// A tracer provider exporting to `otlp` in batches.
pub fn tracer_provider(otlp: &OtlpSettings) -> Result<SdkTracerProvider, String> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpJson)
        .with_endpoint(otlp.endpoint.clone())
        .with_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| e.to_string())?;
    let resource = opentelemetry_sdk::Resource::builder()
        .with_service_name(otlp.service_name.clone())
        .build();
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build())
}

/// Installs the global subscriber: logs in `format`, plus OTLP traces when
/// `otlp` is set. Call once, from `main`, inside the tokio runtime.
pub fn init(format: LogFormat, otlp: Option<&OtlpSettings>) -> Result<TelemetryGuard, String> {
    let filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,rmcp=warn"));
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let fmt = match format {
        LogFormat::Json => fmt.json().with_filter(filter()).boxed(),
        LogFormat::Text => fmt.with_filter(filter()).boxed(),
    };
    let provider = otlp.map(tracer_provider).transpose()?;
    let otel = provider.as_ref().map(|p| {
        tracing_opentelemetry::layer()
            .with_tracer(p.tracer("switchboard"))
            .with_filter(EnvFilter::new("info,switchboard=info"))
    });
    if provider.is_some() {
        opentelemetry::global::set_text_map_propagator(
            opentelemetry_sdk::propagation::TraceContextPropagator::new(),
        );
    }
    tracing_subscriber::registry()
        .with(fmt)
        .with(otel)
        .try_init()
        .map_err(|e| e.to_string())?;
    Ok(TelemetryGuard { provider })
}
