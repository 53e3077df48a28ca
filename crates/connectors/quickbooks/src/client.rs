//! A thin QuickBooks Online layer over `UpstreamClient`: every path under
//! `/v3/company/{realmId}/`, the `minorversion` parameter, entity reads,
//! query pages, reports, and Intuit's `Fault` bodies (which may also
//! arrive with a 200) turned into clear errors.

use std::time::Duration;

use serde::de::DeserializeOwned;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};
use url::Url;

use crate::fault::{decode, fault_code, vendor_message};
use crate::model::{QueryEnvelope, QueryResponse, Read, Report};
use crate::query::Select;

/// QuickBooks' cap on rows per query page.
pub const PAGE_MAX: u64 = 1000;
/// Intuit asks throttled clients to wait a minute and sends no
/// `Retry-After`; used when none is given.
const THROTTLE_WAIT: Duration = Duration::from_secs(60);

/// The connector's QuickBooks client for one company (realm).
#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
    realm: String,
    minor_version: u32,
}

impl Client {
    pub fn new(
        base_url: Url,
        realm: &str,
        token: Secret,
        timeout: Duration,
        minor_version: u32,
    ) -> Result<Self, ConnectorError> {
        let mut config = UpstreamConfig::new("QuickBooks", base_url, Auth::Bearer(token));
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        // Intuit's published limit: 500 requests per minute per company.
        config.quota = Some(switchboard_upstream::Quota {
            requests: 500,
            per: Duration::from_secs(60),
        });
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
            realm: realm.to_owned(),
            minor_version,
        })
    }

    fn get(&self, tail: &str) -> UpstreamRequest {
        UpstreamRequest::get(format!("/v3/company/{}/{tail}", self.realm))
            .query("minorversion", self.minor_version)
    }

    async fn fetch<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        request: UpstreamRequest,
    ) -> Result<T, ConnectorError> {
        let response = self.upstream.send(ctx, request).await.map_err(throttle)?;
        decode(response.status, &response.body)
    }

    /// One entity by id (`entity` is the path segment: `customer`,
    /// `invoice`). QuickBooks answers an unknown id with a 400 whose fault
    /// code is 610 (or 2010 for customers): both become `NotFound`.
    pub async fn read<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        entity: &str,
        id: &str,
    ) -> Result<T, ConnectorError> {
        let read: Read<T> = self
            .fetch(ctx, self.get(&format!("{entity}/{id}")))
            .await
            .map_err(|e| match fault_code(&e) {
                Some("610" | "2010") if e.kind == ErrorKind::InvalidArgs => {
                    let status = e.upstream_status;
                    let mut out = ConnectorError::not_found(format!(
                        "QuickBooks has no {entity} with id {id}"
                    ));
                    out.upstream_status = status;
                    out.with_source(e)
                }
                _ => e,
            })?;
        Ok(read.entity)
    }

    /// One page of `select`: `max` rows from 1-based position `start`.
    pub async fn query(
        &self,
        ctx: &CallContext,
        select: &Select,
        start: u64,
        max: u64,
    ) -> Result<QueryResponse, ConnectorError> {
        let statement = select.page(start, max.min(PAGE_MAX));
        tracing::debug!(query = %statement, "QuickBooks query");
        let envelope: QueryEnvelope = self
            .fetch(ctx, self.get("query").query("query", statement))
            .await
            .map_err(|e| match fault_code(&e) {
                // A statement QuickBooks cannot parse is the gateway's bug,
                // not the caller's.
                Some("4000" | "4001") => {
                    let mut out = ConnectorError::new(
                        ErrorKind::Upstream,
                        format!(
                            "QuickBooks could not run the gateway's query: {}",
                            e.message
                        ),
                    );
                    out.upstream_status = e.upstream_status;
                    out.with_source(e)
                }
                _ => e,
            })?;
        Ok(envelope.response)
    }

    /// A report (`AgedReceivables`, `ProfitAndLoss`) with its parameters.
    pub async fn report(
        &self,
        ctx: &CallContext,
        name: &str,
        params: &[(&str, String)],
    ) -> Result<Report, ConnectorError> {
        let mut request = self.get(&format!("reports/{name}"));
        for (k, v) in params {
            request = request.query(*k, v);
        }
        self.fetch(ctx, request).await
    }
}

/// A 429 without `Retry-After` still tells the caller when to retry.
fn throttle(e: ConnectorError) -> ConnectorError {
    if e.kind == ErrorKind::RateLimited && e.retry_after.is_none() {
        e.with_retry_after(THROTTLE_WAIT)
    } else {
        e
    }
}
