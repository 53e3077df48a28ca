//! `hubspot_search_companies`: companies by name words or exact domain.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::client::{Filter, FilterGroup, ObjectType, SearchBody, Sort};
use crate::shape::{self, Company};
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Words of the name or domain.
    pub query: Option<String>,
    /// Exact domain.
    pub domain: Option<String>,
    /// Max companies (1-200, default 20).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub companies: Vec<Company>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchCompanies;

#[async_trait]
impl Tool for SearchCompanies {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_search_companies";
    const TITLE: &'static str = "Search HubSpot companies";
    const DESCRIPTION: &'static str = "Find companies in the CRM (sales system).";
    const PERMISSION: &'static str = "hubspot:companies:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 200)?;
        let after = args::search_cursor(a.cursor.as_deref(), limit)?;
        let query = args::text("query", a.query.as_deref())?;
        let domain = a
            .domain
            .as_deref()
            .map(|d| args::domain("domain", d))
            .transpose()?;
        let filters: Vec<Filter> = domain
            .into_iter()
            .map(|d| Filter::new("domain", "EQ", d))
            .collect();
        let body = SearchBody {
            filter_groups: if filters.is_empty() {
                Vec::new()
            } else {
                vec![FilterGroup { filters }]
            },
            query,
            sorts: vec![Sort {
                property_name: "name",
                direction: "ASCENDING",
            }],
            ..SearchBody::default()
        };
        let found = state
            .client
            .search(ctx, ObjectType::Companies, body, limit, after)
            .await?;
        Ok(Output {
            companies: found.objects.iter().map(shape::company).collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}
