//! `hubspot_search_contacts`: contacts by name words, exact email, or the
//! company's email domain.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::client::{Filter, FilterGroup, ObjectType, SearchBody, Sort};
use crate::shape::{self, Contact};
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Words of the name, email or company.
    pub query: Option<String>,
    pub email: Option<String>,
    /// Matches email domains.
    pub company_domain: Option<String>,
    /// Max contacts (1-200, default 20).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub contacts: Vec<Contact>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchContacts;

#[async_trait]
impl Tool for SearchContacts {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_search_contacts";
    const TITLE: &'static str = "Search HubSpot contacts";
    const DESCRIPTION: &'static str = "Find people in the CRM (sales system).";
    const PERMISSION: &'static str = "hubspot:contacts:read";
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
        let mut filters = Vec::new();
        if let Some(email) = a.email.as_deref() {
            filters.push(Filter::new("email", "EQ", args::email("email", email)?));
        }
        if let Some(domain) = a.company_domain.as_deref() {
            filters.push(Filter::new(
                "hs_email_domain",
                "EQ",
                args::domain("company_domain", domain)?,
            ));
        }
        let body = SearchBody {
            filter_groups: if filters.is_empty() {
                Vec::new()
            } else {
                vec![FilterGroup { filters }]
            },
            query,
            sorts: vec![Sort {
                property_name: "lastname",
                direction: "ASCENDING",
            }],
            ..SearchBody::default()
        };
        let found = state
            .client
            .search(ctx, ObjectType::Contacts, body, limit, after)
            .await?;
        Ok(Output {
            contacts: found.objects.iter().map(shape::contact).collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}
