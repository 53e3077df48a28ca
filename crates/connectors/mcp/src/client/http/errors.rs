//! What a failed exchange with the upstream becomes: kinds and messages
//! the model can act on, JSON-RPC errors kept with their code.

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::Value;
use switchboard_core::{ConnectorError, ErrorKind};
use switchboard_upstream::parse_retry_after;

use super::super::jsonrpc::{classify, Incoming};
use super::super::unavailable;
use super::{Failure, Inner};

impl Inner {
    /// A body that stopped arriving: out of time, or cut off.
    pub(super) fn body_error(&self, e: reqwest::Error, what: &str) -> ConnectorError {
        let service = &self.service;
        if e.is_timeout() {
            ConnectorError::new(
                ErrorKind::Timeout,
                format!("{service} did not answer in time"),
            )
        } else {
            unavailable(format!("{what} {service} broke off"))
        }
        .with_source(e.without_url())
    }

    pub(super) fn transport_error(&self, e: reqwest::Error) -> Failure {
        let service = &self.service;
        let error = if e.is_timeout() {
            ConnectorError::new(
                ErrorKind::Timeout,
                format!("{service} did not answer in time"),
            )
        } else if e.is_connect() {
            unavailable(format!("{service} cannot be reached"))
        } else {
            unavailable(format!("the connection to {service} failed"))
        };
        Failure::Error(error.with_source(e.without_url()))
    }

    /// A non-2xx answer: JSON-RPC errors in the body are kept (with their
    /// code), the rest is mapped by status.
    pub(super) fn status_error(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> ConnectorError {
        let service = &self.service;
        let code = status.as_u16();
        if let Some(Incoming::Response {
            result: Err(rpc), ..
        }) = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(classify)
        {
            return rpc.into_connector_error(service).with_status(code);
        }
        let (kind, message) = match code {
            401 | 403 if self.for_caller => (
                ErrorKind::UpstreamDenied,
                format!("{service} refused the caller's own credential ({code})"),
            ),
            401 | 403 => (
                ErrorKind::UpstreamDenied,
                format!("{service} refused the gateway's credentials ({code})"),
            ),
            429 => (
                ErrorKind::RateLimited,
                format!("{service} asked the gateway to slow down"),
            ),
            500..=599 => (
                ErrorKind::Unavailable,
                format!("{service} is failing ({code})"),
            ),
            _ => (
                ErrorKind::Upstream,
                format!("{service} refused the request ({code})"),
            ),
        };
        let mut error = ConnectorError::new(kind, message).with_status(code);
        if let Some(after) = parse_retry_after(headers) {
            error = error.with_retry_after(after);
        }
        error
    }
}
