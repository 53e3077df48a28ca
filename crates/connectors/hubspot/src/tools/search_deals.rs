//! `hubspot_search_deals`: deals by stage, owner ("me" = the caller), close
//! date window, minimum amount and free text, paged up to a limit.

use async_trait::async_trait;
use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::client::{Filter, FilterGroup, ObjectType, SearchBody, Sort};
use crate::resolve::owner_by_email;
use crate::shape::{self, Deal};
use crate::{args, HubSpot};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Stage label or id.
    pub stage: Option<String>,
    /// Email, or "me".
    pub owner: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub close_date_from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub close_date_to: Option<String>,
    pub min_amount: Option<f64>,
    /// Words of the deal name.
    pub query: Option<String>,
    pub company_id: Option<String>,
    /// Max deals (1-200, default 20).
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub deals: Vec<Deal>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Whose deals: nobody in particular, the caller, or a named owner.
enum OwnerFilter {
    Any,
    Me,
    Email(String),
}

pub struct SearchDeals;

#[async_trait]
impl Tool for SearchDeals {
    type State = HubSpot;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "hubspot_search_deals";
    const TITLE: &'static str = "Search HubSpot deals";
    const DESCRIPTION: &'static str = "Find CRM deals (sales opportunities); dates are inclusive.";
    const PERMISSION: &'static str = "hubspot:deals:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &HubSpot,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 200)?;
        let after = args::search_cursor(a.cursor.as_deref(), limit)?;
        let from = args::date("close_date_from", a.close_date_from.as_deref())?;
        let to = args::date("close_date_to", a.close_date_to.as_deref())?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ConnectorError::invalid_args(
                    "invalid argument `close_date_from`: after `close_date_to`",
                ));
            }
        }
        if let Some(m) = a.min_amount {
            if !m.is_finite() || m < 0.0 {
                return Err(ConnectorError::invalid_args(
                    "invalid argument `min_amount`: must be 0 or more",
                ));
            }
        }
        let query = args::text("query", a.query.as_deref())?;
        let company_id = a
            .company_id
            .as_deref()
            .map(|id| args::object_id("company_id", id))
            .transpose()?;
        let stage = args::text("stage", a.stage.as_deref())?;
        let owner = match args::text("owner", a.owner.as_deref())? {
            None => OwnerFilter::Any,
            Some(o) if o.eq_ignore_ascii_case("me") => {
                if !ctx.principal.email.contains('@') {
                    return Err(ConnectorError::invalid_args(
                        "invalid argument `owner`: \"me\" needs a caller with an email address",
                    ));
                }
                OwnerFilter::Me
            }
            Some(o) => OwnerFilter::Email(args::email("owner", &o)?),
        };

        let owner_id = async {
            let email = match &owner {
                OwnerFilter::Any => return Ok(None),
                // Identity comes from the credential, never from arguments.
                OwnerFilter::Me => ctx.principal.email.to_lowercase(),
                OwnerFilter::Email(e) => e.clone(),
            };
            match owner_by_email(&state.client, ctx, &email).await? {
                Some(o) => Ok(Some(o.id)),
                None if matches!(owner, OwnerFilter::Me) => Err(ConnectorError::not_found(
                    format!("you ({email}) are not a HubSpot user, so you own no deals"),
                )),
                None => Err(ConnectorError::not_found(format!(
                    "no HubSpot user has the email {email}"
                ))),
            }
        };
        let (directory, owner_id) =
            tokio::try_join!(state.resolver.directory(&state.client, ctx), owner_id)?;

        let mut filters = Vec::new();
        if let Some(stage) = stage {
            let ids = directory.stage_ids(&stage);
            if ids.is_empty() {
                return Err(ConnectorError::invalid_args(format!(
                    "invalid argument `stage`: no stage `{stage}`; stages are: {}",
                    directory.stage_labels().join(", ")
                )));
            }
            filters.push(Filter::any_of("dealstage", ids));
        }
        if let Some(id) = owner_id {
            filters.push(Filter::new("hubspot_owner_id", "EQ", id));
        }
        if let Some(from) = from {
            filters.push(Filter::new("closedate", "GTE", millis(from)));
        }
        if let Some(to) = to {
            let next_day = to.checked_add_days(Days::new(1)).unwrap_or(to);
            filters.push(Filter::new("closedate", "LT", millis(next_day)));
        }
        if let Some(m) = a.min_amount {
            filters.push(Filter::new("amount", "GTE", m.to_string()));
        }
        if let Some(company) = &company_id {
            // HubSpot's search filters on associations through this
            // pseudo-property.
            filters.push(Filter::new("associations.company", "EQ", company.clone()));
        }
        let body = SearchBody {
            filter_groups: if filters.is_empty() {
                Vec::new()
            } else {
                vec![FilterGroup { filters }]
            },
            query,
            sorts: vec![Sort {
                property_name: "closedate",
                direction: "ASCENDING",
            }],
            ..SearchBody::default()
        };
        let found = state
            .client
            .search(ctx, ObjectType::Deals, body, limit, after)
            .await?;
        Ok(Output {
            deals: found
                .objects
                .iter()
                .map(|o| shape::deal(o, &directory))
                .collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}

/// Midnight UTC as epoch milliseconds, the form HubSpot documents for
/// date filters.
fn millis(day: NaiveDate) -> String {
    day.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis())
        .unwrap_or_default()
        .to_string()
}
