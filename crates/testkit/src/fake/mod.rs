//! Fake upstream servers: real vendor paths and payload shapes, served from
//! the demo company on an ephemeral loopback port.
//!
//! [`FakeServer::start`] wraps any axum router with the shared layer that
//! counts requests ([`Hits`]) and injects faults on demand ([`Faults`]), so
//! every vendor fake gets both for free. A server stops when it is dropped
//! or [`FakeServer::shutdown`] is awaited.

pub mod bigquery;
mod faults;
pub mod github;
pub mod gong;
mod hits;
pub mod hubspot;
pub mod intercom;
pub mod notion;
pub mod quickbooks;
pub mod slack;

use std::time::Duration;

use axum::Router;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use url::Url;

pub use faults::{Fault, FaultResponses, Faults};
pub use hits::{Hits, RecordedRequest};
pub use hubspot::{spawn_hubspot, spawn_hubspot_with, HubSpotOptions};

/// A running fake upstream.
pub struct FakeServer {
    /// `http://127.0.0.1:<port>/`: point a connector's `base_url` here.
    pub base_url: Url,
    /// Faults applied to subsequent requests.
    pub faults: Faults,
    /// What the server was asked, for "the upstream was (not) called".
    pub hits: Hits,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl FakeServer {
    /// Binds `127.0.0.1:0` and serves the router built by `make` (which
    /// gets the base URL, for absolute paging links) on the current tokio
    /// runtime, behind the hit counter and the fault layer.
    ///
    /// Panics if no loopback port can be bound: this is test and demo
    /// tooling, and nothing sensible can continue without it.
    pub async fn start(make: impl FnOnce(&Url) -> Router, responses: FaultResponses) -> FakeServer {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind a loopback port for a fake upstream");
        let addr = listener.local_addr().expect("a bound address");
        let base_url: Url = format!("http://{addr}/").parse().expect("a valid URL");
        let (shutdown, stopped) = watch::channel(false);
        let faults = Faults::default();
        let hits = Hits::default();
        let layer =
            faults::FaultLayer::new(faults.clone(), hits.clone(), responses, stopped.clone());
        let app = make(&base_url).layer(axum::middleware::from_fn_with_state(layer, faults::apply));
        let task = tokio::spawn(async move {
            let signal = async move {
                let mut stopped = stopped;
                let _ = stopped.wait_for(|s| *s).await;
            };
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(signal)
                .await
            {
                tracing::warn!(error = %e, "fake upstream stopped with an error");
            }
        });
        tracing::debug!(%base_url, "fake upstream listening");
        FakeServer {
            base_url,
            faults,
            hits,
            shutdown,
            task: Some(task),
        }
    }

    /// Stops accepting, ends hanging requests, and waits (briefly) for
    /// in-flight ones to finish.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .is_err()
            {
                tracing::warn!("fake upstream did not stop within 5 s");
            }
        }
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        // The serve task finishes on its own once connections drain.
        let _ = self.shutdown.send(true);
    }
}

impl std::fmt::Debug for FakeServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeServer")
            .field("base_url", &self.base_url.as_str())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
