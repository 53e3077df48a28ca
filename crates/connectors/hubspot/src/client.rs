//! A thin HubSpot layer over `UpstreamClient`: the paths, the property
//! lists each tool asks for (asking explicitly keeps payloads small), the
//! search body, paging, and HubSpot's error message.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::config::UpstreamTuning;
use switchboard_upstream::{
    collect_pages, generic_vendor_message, Auth, Page, Quota, Secret, UpstreamClient,
    UpstreamConfig, UpstreamRequest,
};
use url::Url;

use crate::model::{
    BatchResponse, ListResponse, Owner, Pipeline, SearchResponse, SimplePublicObject,
};
pub use crate::search::{Filter, FilterGroup, SearchBody, Sort};

/// HubSpot's cap on one search page.
pub const SEARCH_PAGE_MAX: usize = 200;
/// HubSpot's cap on ids in one batch read.
const BATCH_MAX: usize = 100;

/// The CRM object types the tools read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectType {
    Deals,
    Companies,
    Contacts,
}

impl ObjectType {
    pub fn path(self) -> &'static str {
        match self {
            ObjectType::Deals => "deals",
            ObjectType::Companies => "companies",
            ObjectType::Contacts => "contacts",
        }
    }

    /// Exactly the properties the shaped output needs.
    pub fn properties(self) -> &'static [&'static str] {
        match self {
            ObjectType::Deals => &[
                "dealname",
                "dealstage",
                "pipeline",
                "amount",
                "closedate",
                "hubspot_owner_id",
                "dealtype",
            ],
            ObjectType::Companies => &["name", "domain", "industry", "city", "country"],
            ObjectType::Contacts => &["firstname", "lastname", "email", "jobtitle", "company"],
        }
    }
}

/// One page of collected search results.
#[derive(Debug)]
pub struct Found {
    pub objects: Vec<SimplePublicObject>,
    pub total: u64,
    pub next_cursor: Option<String>,
}

/// The connector's HubSpot client.
#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
}

impl Client {
    pub fn new(
        base_url: Url,
        token: Secret,
        timeout: Duration,
        tuning: UpstreamTuning,
    ) -> Result<Self, ConnectorError> {
        let mut config = UpstreamConfig::new("HubSpot", base_url, Auth::Bearer(token));
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        // HubSpot's private-app limit on the smallest plans: 100 requests
        // per 10 s; staying under the smallest never earns a 429. Larger
        // plans raise it under `[connectors.hubspot.upstream]`.
        config.quota = Some(Quota {
            requests: 100,
            per: Duration::from_secs(10),
        });
        tuning.apply(&mut config);
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
        })
    }

    /// One object with the type's properties and, optionally, the ids of
    /// associated objects (`associations=companies,contacts`).
    pub async fn get_object(
        &self,
        ctx: &CallContext,
        t: ObjectType,
        id: &str,
        associations: &[&str],
    ) -> Result<SimplePublicObject, ConnectorError> {
        let mut request = UpstreamRequest::get(format!("/crm/v3/objects/{}/{id}", t.path()))
            .query("properties", t.properties().join(","));
        if !associations.is_empty() {
            request = request.query("associations", associations.join(","));
        }
        self.upstream.get_json(ctx, request).await
    }

    /// Objects by id (at most 100; ids HubSpot does not know are skipped).
    pub async fn batch_read(
        &self,
        ctx: &CallContext,
        t: ObjectType,
        ids: &[String],
    ) -> Result<Vec<SimplePublicObject>, ConnectorError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let inputs: Vec<Value> = ids
            .iter()
            .take(BATCH_MAX)
            .map(|id| serde_json::json!({"id": id}))
            .collect();
        let body = serde_json::json!({"inputs": inputs, "properties": t.properties()});
        let request =
            UpstreamRequest::post(format!("/crm/v3/objects/{}/batch/read", t.path()), &body)
                .idempotent();
        let response = self.upstream.send(ctx, request).await?;
        let batch: BatchResponse<SimplePublicObject> = response.json(self.upstream.service())?;
        Ok(batch.results)
    }

    /// Searches page by page (each page sized to what is still wanted)
    /// until `limit` objects are collected or HubSpot has no more.
    pub async fn search(
        &self,
        ctx: &CallContext,
        t: ObjectType,
        body: SearchBody,
        limit: usize,
        after: Option<String>,
    ) -> Result<Found, ConnectorError> {
        let total = OnceLock::new();
        let path = format!("/crm/v3/objects/{}/search", t.path());
        let (objects, next_cursor) = collect_pages(limit, after, |cursor, wanted| {
            let mut body = body.clone();
            body.properties = t.properties().to_vec();
            body.limit = wanted.min(SEARCH_PAGE_MAX);
            body.after = cursor;
            let request = UpstreamRequest::post(&path, &body).idempotent();
            let total = &total;
            async move {
                let page: SearchResponse = self.upstream.get_json(ctx, request).await?;
                let _ = total.set(page.total);
                let next = page.next_after();
                Ok(Page {
                    items: page.results,
                    next,
                })
            }
        })
        .await?;
        let total = total.get().copied().unwrap_or(objects.len() as u64);
        Ok(Found {
            objects,
            total,
            next_cursor,
        })
    }

    /// One page of owners, optionally only the one with `email`.
    pub async fn owners(
        &self,
        ctx: &CallContext,
        email: Option<&str>,
        limit: usize,
        after: Option<String>,
    ) -> Result<ListResponse<Owner>, ConnectorError> {
        let mut request = UpstreamRequest::get("/crm/v3/owners").query("limit", limit);
        if let Some(email) = email {
            request = request.query("email", email);
        }
        if let Some(after) = after {
            request = request.query("after", after);
        }
        self.upstream.get_json(ctx, request).await
    }

    /// Every deal pipeline with its stages.
    pub async fn pipelines(&self, ctx: &CallContext) -> Result<Vec<Pipeline>, ConnectorError> {
        let list: ListResponse<Pipeline> = self
            .upstream
            .get_json(ctx, UpstreamRequest::get("/crm/v3/pipelines/deals"))
            .await?;
        Ok(list.results)
    }
}

/// HubSpot's `message`, tagged with its `category` (or the 429's
/// `errorType`/`policyName`) and the first detailed error, if any.
pub fn vendor_message(body: &Value) -> Option<String> {
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let Some(message) = text("message") else {
        return generic_vendor_message(body);
    };
    let mut out = message.to_owned();
    let detail = body
        .pointer("/errors/0/message")
        .and_then(Value::as_str)
        .filter(|d| *d != message);
    if let Some(detail) = detail {
        out = format!("{out}: {detail}");
    }
    let tags: Vec<&str> = [text("category").or(text("errorType")), text("policyName")]
        .into_iter()
        .flatten()
        .collect();
    if !tags.is_empty() {
        out = format!("{out} [{}]", tags.join(", "));
    }
    Some(out)
}
