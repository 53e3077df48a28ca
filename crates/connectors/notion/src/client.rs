//! A thin Notion layer over `UpstreamClient`: the paths, the
//! `Notion-Version` every request carries, cursor paging parameters and
//! Notion's error message.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::{Auth, Quota, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};
use url::Url;

use crate::model::{Block, Comment, DataSource, Database, Found, List, Page, User};

/// The API version whose payload shapes the model follows. Notion
/// rejects requests without one (`missing_version`).
pub const NOTION_VERSION: &str = "2025-09-03";
/// Notion's cap on `page_size`.
pub const PAGE_MAX: usize = 100;

/// The connector's Notion client.
#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
}

impl Client {
    pub fn new(base_url: Url, token: Secret, timeout: Duration) -> Result<Self, ConnectorError> {
        let mut config = UpstreamConfig::new("Notion", base_url, Auth::Bearer(token));
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        // Notion allows an average of three requests a second per
        // integration; staying under it never earns a 429.
        config.quota = Some(Quota {
            requests: 3,
            per: Duration::from_secs(1),
        });
        match ("notion-version".parse(), NOTION_VERSION.parse()) {
            (Ok(h), Ok(v)) => config.default_headers.push((h, v)),
            _ => return Err(ConnectorError::internal("invalid Notion-Version header")),
        }
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
        })
    }

    /// `POST /v1/search`: titles matching `query`, optionally only pages or
    /// only data sources.
    pub async fn search(
        &self,
        ctx: &CallContext,
        query: Option<&str>,
        object: Option<&str>,
        cursor: Option<String>,
        page_size: usize,
    ) -> Result<List<Found>, ConnectorError> {
        let mut body = json!({
            "page_size": page_size.min(PAGE_MAX),
            "sort": {"direction": "descending", "timestamp": "last_edited_time"},
        });
        if let Some(q) = query {
            body["query"] = json!(q);
        }
        if let Some(o) = object {
            body["filter"] = json!({"property": "object", "value": o});
        }
        if let Some(c) = cursor {
            body["start_cursor"] = json!(c);
        }
        let request = UpstreamRequest::post("/v1/search", &body).idempotent();
        self.upstream.get_json(ctx, request).await
    }

    pub async fn page(&self, ctx: &CallContext, id: &str) -> Result<Page, ConnectorError> {
        let request = UpstreamRequest::get(format!("/v1/pages/{id}"));
        self.upstream.get_json(ctx, request).await
    }

    /// One page of a page's or block's direct children.
    pub async fn children(
        &self,
        ctx: &CallContext,
        id: &str,
        cursor: Option<&str>,
    ) -> Result<List<Block>, ConnectorError> {
        let mut request =
            UpstreamRequest::get(format!("/v1/blocks/{id}/children")).query("page_size", PAGE_MAX);
        if let Some(c) = cursor {
            request = request.query("start_cursor", c);
        }
        self.upstream.get_json(ctx, request).await
    }

    pub async fn data_source(
        &self,
        ctx: &CallContext,
        id: &str,
    ) -> Result<DataSource, ConnectorError> {
        let request = UpstreamRequest::get(format!("/v1/data_sources/{id}"));
        self.upstream.get_json(ctx, request).await
    }

    pub async fn database(&self, ctx: &CallContext, id: &str) -> Result<Database, ConnectorError> {
        let request = UpstreamRequest::get(format!("/v1/databases/{id}"));
        self.upstream.get_json(ctx, request).await
    }

    /// `POST /v1/data_sources/{id}/query` with a filter and sorts already
    /// in Notion's JSON.
    pub async fn query(
        &self,
        ctx: &CallContext,
        id: &str,
        filter: Option<&Value>,
        sorts: &[Value],
        cursor: Option<String>,
        page_size: usize,
    ) -> Result<List<Found>, ConnectorError> {
        let mut body = json!({"page_size": page_size.min(PAGE_MAX)});
        if let Some(f) = filter {
            body["filter"] = f.clone();
        }
        if !sorts.is_empty() {
            body["sorts"] = json!(sorts);
        }
        if let Some(c) = cursor {
            body["start_cursor"] = json!(c);
        }
        let request =
            UpstreamRequest::post(format!("/v1/data_sources/{id}/query"), &body).idempotent();
        self.upstream.get_json(ctx, request).await
    }

    /// One page of the comments on a page or block.
    pub async fn comments(
        &self,
        ctx: &CallContext,
        block_id: &str,
        cursor: Option<String>,
        page_size: usize,
    ) -> Result<List<Comment>, ConnectorError> {
        let mut request = UpstreamRequest::get("/v1/comments")
            .query("block_id", block_id)
            .query("page_size", page_size.min(PAGE_MAX));
        if let Some(c) = cursor {
            request = request.query("start_cursor", c);
        }
        self.upstream.get_json(ctx, request).await
    }

    /// One page of the workspace's users.
    pub async fn users(
        &self,
        ctx: &CallContext,
        cursor: Option<&str>,
    ) -> Result<List<User>, ConnectorError> {
        let mut request = UpstreamRequest::get("/v1/users").query("page_size", PAGE_MAX);
        if let Some(c) = cursor {
            request = request.query("start_cursor", c);
        }
        self.upstream.get_json(ctx, request).await
    }
}

/// Notion's `message`, tagged with its `code` (`object_not_found`,
/// `restricted_resource`, `validation_error`, ...).
pub fn vendor_message(body: &Value) -> Option<String> {
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match (text("message"), text("code")) {
        (Some(m), Some(c)) => Some(format!("{m} [{c}]")),
        (Some(m), None) => Some(m.to_owned()),
        (None, Some(c)) => Some(c.to_owned()),
        (None, None) => switchboard_upstream::generic_vendor_message(body),
    }
}
