//! A thin Gong layer over `UpstreamClient`: Basic auth with the access key
//! pair, the paths and bodies the tools use, Gong's "No calls found" 404
//! read as an empty page, and Gong's `errors` array as the message.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::{
    generic_vendor_message, Auth, Quota, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest,
};
use url::Url;

use crate::model::{
    CallTranscript, CallsFilter, ExtensiveCall, ExtensivePage, TranscriptPage, UsersPage,
};

/// What Gong answers (404) when a calls filter matches nothing. For list
/// endpoints that is an empty result, not an error.
pub const NO_CALLS: &str = "No calls found corresponding to the provided filters";

/// One page of results and Gong's cursor for the next.
pub type Page<T> = (Vec<T>, Option<String>);

/// The connector's Gong client.
#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
}

impl Client {
    /// `requests_per_second`: Gong's limit for the company (3 unless Gong
    /// raised it); the gateway stays under it rather than earn 429s.
    pub fn new(
        base_url: Url,
        access_key: Secret,
        access_key_secret: Secret,
        timeout: Duration,
        requests_per_second: u32,
    ) -> Result<Self, ConnectorError> {
        let auth = Auth::Basic {
            user: access_key,
            password: access_key_secret,
        };
        let mut config = UpstreamConfig::new("Gong", base_url, auth);
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        config.quota = Some(Quota {
            requests: requests_per_second.max(1),
            per: Duration::from_secs(1),
        });
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
        })
    }

    /// One page of `POST /v2/calls/extensive` with the calls' parties.
    pub async fn calls_with_parties(
        &self,
        ctx: &CallContext,
        filter: &CallsFilter,
        cursor: Option<String>,
    ) -> Result<Page<ExtensiveCall>, ConnectorError> {
        let mut body = json!({
            "filter": filter,
            "contentSelector": {"exposedFields": {"parties": true}},
        });
        if let Some(cursor) = cursor {
            body["cursor"] = Value::String(cursor);
        }
        let request = UpstreamRequest::post("/v2/calls/extensive", &body).idempotent();
        match self.upstream.get_json::<ExtensivePage>(ctx, request).await {
            Ok(page) => Ok((page.calls, page.records.cursor)),
            Err(e) if is_no_calls(&e) => Ok((Vec::new(), None)),
            Err(e) => Err(e),
        }
    }

    /// One call with its parties, `None` when Gong has no such call.
    pub async fn call(
        &self,
        ctx: &CallContext,
        id: &str,
    ) -> Result<Option<ExtensiveCall>, ConnectorError> {
        let filter = CallsFilter {
            call_ids: Some(vec![id.to_owned()]),
            ..CallsFilter::default()
        };
        let (calls, _) = self.calls_with_parties(ctx, &filter, None).await?;
        Ok(calls.into_iter().find(|c| c.meta_data.id == id))
    }

    /// The transcript of one call, `None` when Gong has none.
    pub async fn transcript(
        &self,
        ctx: &CallContext,
        id: &str,
    ) -> Result<Option<CallTranscript>, ConnectorError> {
        let body = json!({"filter": {"callIds": [id]}});
        let request = UpstreamRequest::post("/v2/calls/transcript", &body).idempotent();
        match self.upstream.get_json::<TranscriptPage>(ctx, request).await {
            Ok(page) => Ok(page.call_transcripts.into_iter().find(|t| t.call_id == id)),
            Err(e) if is_no_calls(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// One page of `GET /v2/users`.
    pub async fn users(
        &self,
        ctx: &CallContext,
        cursor: Option<String>,
    ) -> Result<UsersPage, ConnectorError> {
        let mut request = UpstreamRequest::get("/v2/users");
        if let Some(cursor) = cursor {
            request = request.query("cursor", cursor);
        }
        self.upstream.get_json(ctx, request).await
    }
}

/// Gong's 404 for "nothing matched the filter".
fn is_no_calls(e: &ConnectorError) -> bool {
    e.kind == ErrorKind::NotFound && e.upstream_status == Some(404) && e.message.contains(NO_CALLS)
}

/// Gong's `errors` (an array of strings), plus the `userFacingError` some
/// endpoints add.
pub fn vendor_message(body: &Value) -> Option<String> {
    let errors: Vec<&str> = body
        .get("errors")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::trim).collect())
        .unwrap_or_default();
    let mut message = errors
        .into_iter()
        .filter(|e| !e.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let user_facing = body
        .get("userFacingError")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(extra) = user_facing {
        message = if message.is_empty() {
            extra.to_owned()
        } else {
            format!("{message}: {extra}")
        };
    }
    if message.is_empty() {
        generic_vendor_message(body)
    } else {
        Some(message)
    }
}
