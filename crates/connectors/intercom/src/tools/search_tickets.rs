//! `intercom_search_tickets`: tickets by state ("open" = not resolved) and
//! company, newest first, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::model::TicketList;
use crate::query::Query;
use crate::scope;
use crate::shape::{ticket_summary, TicketSummary};
use crate::{args, Intercom};

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    // Anything not resolved (said on the argument: a documented variant
    // makes the schema a `oneOf` of one object per value).
    Open,
    Submitted,
    InProgress,
    WaitingOnCustomer,
    Resolved,
}

impl State {
    fn filter(self) -> Query {
        match self {
            State::Open => Query::eq("open", true),
            State::Submitted => Query::eq("state", "submitted"),
            State::InProgress => Query::eq("state", "in_progress"),
            State::WaitingOnCustomer => Query::eq("state", "waiting_on_customer"),
            State::Resolved => Query::eq("state", "resolved"),
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// "open" means not resolved.
    pub state: Option<State>,
    /// Domain or exact name.
    pub company: Option<String>,
    /// Max tickets (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub tickets: Vec<TicketSummary>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchTickets;

#[async_trait]
impl Tool for SearchTickets {
    type State = Intercom;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "intercom_search_tickets";
    const TITLE: &'static str = "Search Intercom tickets";
    const DESCRIPTION: &'static str =
        "Find support tickets (customer issues tracked to resolution).";
    const PERMISSION: &'static str = "intercom:tickets:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let cursor = args::cursor(a.cursor.as_deref())?;
        let company = args::company("company", a.company.as_deref())?;

        let scope = scope::resolve(state, ctx, company.as_ref(), None).await?;
        let mut filters = Vec::new();
        match &scope.contact_ids {
            Some(ids) if ids.is_empty() => {
                return Ok(Output {
                    company: scope.company,
                    tickets: vec![],
                    total: 0,
                    next_cursor: None,
                })
            }
            Some(ids) => filters.push(Query::any_of("contact_ids", ids)),
            None => {}
        }
        filters.extend(a.state.map(State::filter));
        let query = Query::all(filters);
        let found = state
            .client
            .search::<TicketList>(ctx, &query, limit, cursor)
            .await?;

        let contact_ids = found
            .items
            .iter()
            .flat_map(|t| t.contacts.contacts.first().map(|r| r.id.clone()));
        let names = scope::names_for(state, ctx, scope.people, contact_ids).await?;
        Ok(Output {
            company: scope.company,
            tickets: found
                .items
                .iter()
                .map(|t| ticket_summary(t, &names))
                .collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}
