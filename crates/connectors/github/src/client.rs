//! A thin GitHub layer over `UpstreamClient`: the media-type and version
//! headers, a second client for the search API (its own 30-a-minute
//! limit), and GitHub's error message. Paging is in `paging.rs`.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::{
    generic_vendor_message, Auth, Quota, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest,
};
use url::Url;

use crate::model::{ErrorBody, ErrorDetail};

/// The REST API version every request asks for.
pub const API_VERSION: &str = "2022-11-28";
/// GitHub's media type for REST JSON.
pub const MEDIA_TYPE: &str = "application/vnd.github+json";
/// The search API's primary limit for an authenticated caller.
pub const SEARCH_PER_MINUTE: u32 = 30;

/// Which of GitHub's rate-limit resources a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Core,
    Search,
}

/// The connector's GitHub client.
#[derive(Debug, Clone)]
pub struct Client {
    core: UpstreamClient,
    search: UpstreamClient,
    /// The configured API root, for checking next-page links.
    pub(crate) base: Url,
}

fn upstream(
    base: &Url,
    token: &Secret,
    timeout: Duration,
    quota: Option<Quota>,
) -> Result<UpstreamClient, ConnectorError> {
    let mut config = UpstreamConfig::new("GitHub", base.clone(), Auth::Bearer(token.clone()));
    config.timeout = timeout;
    config.vendor_message = vendor_message;
    config.quota = quota;
    for (name, value) in [
        ("accept", MEDIA_TYPE),
        ("x-github-api-version", API_VERSION),
    ] {
        match (name.parse(), value.parse()) {
            (Ok(h), Ok(v)) => config.default_headers.push((h, v)),
            _ => return Err(ConnectorError::internal("invalid GitHub header")),
        }
    }
    UpstreamClient::new(config)
}

impl Client {
    /// `base_url` is `https://api.github.com` or a GitHub Enterprise
    /// Server root such as `https://ghe.example.com/api/v3` (the path is
    /// kept). Core requests rely on GitHub's own limit headers (5,000 an
    /// hour, far above what a gateway's callers send); search requests
    /// are held to 30 a minute so the gateway never trips it.
    pub fn new(base_url: Url, token: Secret, timeout: Duration) -> Result<Self, ConnectorError> {
        let search_quota = Quota {
            requests: SEARCH_PER_MINUTE,
            per: Duration::from_secs(60),
        };
        Ok(Client {
            core: upstream(&base_url, &token, timeout, None)?,
            search: upstream(&base_url, &token, timeout, Some(search_quota))?,
            base: base_url,
        })
    }

    pub(crate) fn upstream(&self, api: Api) -> &UpstreamClient {
        match api {
            Api::Core => &self.core,
            Api::Search => &self.search,
        }
    }

    /// One request, its JSON body parsed.
    pub async fn get<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        api: Api,
        request: UpstreamRequest,
    ) -> Result<T, ConnectorError> {
        self.upstream(api).get_json(ctx, request).await
    }

    /// A POST that creates something (never retried).
    pub async fn post<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        path: String,
        body: &Value,
    ) -> Result<T, ConnectorError> {
        self.core
            .get_json(ctx, UpstreamRequest::post(path, body))
            .await
    }
}

/// GitHub's `message`, followed by each entry of `errors` ("Validation
/// Failed: Label.color is invalid").
pub fn vendor_message(body: &Value) -> Option<String> {
    let Ok(parsed) = serde_json::from_value::<ErrorBody>(body.clone()) else {
        return generic_vendor_message(body);
    };
    let details: Vec<String> = parsed
        .errors
        .iter()
        .filter_map(|e| match e {
            ErrorDetail::Text(t) => Some(t.clone()),
            ErrorDetail::Object {
                message: Some(m), ..
            } => Some(m.clone()),
            ErrorDetail::Object {
                resource,
                field,
                code,
                value,
                ..
            } => {
                let what = [resource.as_deref(), field.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(".");
                let value = value
                    .as_ref()
                    .and_then(Value::as_str)
                    .map(|v| format!(" (`{v}`)"))
                    .unwrap_or_default();
                let code = code
                    .as_deref()
                    .map(|c| c.replace('_', " "))
                    .unwrap_or_else(|| "invalid".into());
                (!what.is_empty()).then(|| format!("{what}{value} is {code}"))
            }
        })
        .collect();
    let message = parsed.message.trim().to_owned();
    Some(if details.is_empty() {
        message
    } else {
        format!("{message}: {}", details.join("; "))
    })
}
