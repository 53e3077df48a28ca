//! `intercom_search_conversations`: conversations by state, company,
//! contact email and creation date, newest first, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::model::ConversationList;
use crate::query::Query;
use crate::scope;
use crate::shape::{conversation_summary, ConversationSummary};
use crate::{args, Intercom};

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Open,
    Closed,
    Snoozed,
}

impl State {
    fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Closed => "closed",
            State::Snoozed => "snoozed",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub state: Option<State>,
    /// Domain or exact name.
    pub company: Option<String>,
    pub contact_email: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub created_from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub created_to: Option<String>,
    /// Max conversations (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// The company searched, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub conversations: Vec<ConversationSummary>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchConversations;

#[async_trait]
impl Tool for SearchConversations {
    type State = Intercom;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "intercom_search_conversations";
    const TITLE: &'static str = "Search Intercom conversations";
    const DESCRIPTION: &'static str =
        "Find support conversations (customer chats and emails); dates are inclusive.";
    const PERMISSION: &'static str = "intercom:conversations:read";
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
        let email = a
            .contact_email
            .as_deref()
            .map(|e| args::email("contact_email", e))
            .transpose()?;
        let from = args::day("created_from", a.created_from.as_deref(), false)?;
        let to = args::day("created_to", a.created_to.as_deref(), true)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(args::bad("created_from", "is after `created_to`"));
            }
        }

        let scope = scope::resolve(state, ctx, company.as_ref(), email.as_deref()).await?;
        let mut filters = Vec::new();
        match &scope.contact_ids {
            Some(ids) if ids.is_empty() => {
                return Ok(Output {
                    company: scope.company,
                    conversations: vec![],
                    total: 0,
                    next_cursor: None,
                })
            }
            Some(ids) => filters.push(Query::any_of("contact_ids", ids)),
            None => {}
        }
        if let Some(s) = a.state {
            filters.push(Query::eq("state", s.as_str()));
        }
        filters.extend(from.map(|t| Query::at_least("created_at", t)));
        filters.extend(to.map(|t| Query::at_most("created_at", t)));
        let query = Query::all(filters);
        let found = state
            .client
            .search::<ConversationList>(ctx, &query, limit, cursor)
            .await?;

        let contact_ids = found
            .items
            .iter()
            .flat_map(|c| c.contacts.contacts.first().map(|r| r.id.clone()));
        let names = scope::names_for(state, ctx, scope.people, contact_ids).await?;
        Ok(Output {
            company: scope.company,
            conversations: found
                .items
                .iter()
                .map(|c| conversation_summary(c, &names))
                .collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}
