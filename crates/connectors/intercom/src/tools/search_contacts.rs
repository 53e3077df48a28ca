//! `intercom_search_contacts`: customer contacts by name or email text,
//! exact email, or company, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::args::CompanyKey;
use crate::model::ContactList;
use crate::query::Query;
use crate::scope;
use crate::shape::{contact_summary, ContactSummary, Names};
use crate::{args, Intercom};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Text of the name or email.
    pub query: Option<String>,
    pub email: Option<String>,
    /// Domain or exact name.
    pub company: Option<String>,
    /// Max contacts (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    pub contacts: Vec<ContactSummary>,
    /// All matches, not just this page.
    pub total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchContacts;

#[async_trait]
impl Tool for SearchContacts {
    type State = Intercom;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "intercom_search_contacts";
    const TITLE: &'static str = "Search Intercom contacts";
    const DESCRIPTION: &'static str =
        "Find customer contacts (users and leads) in the support system.";
    const PERMISSION: &'static str = "intercom:contacts:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let cursor = args::cursor(a.cursor.as_deref())?;
        let text = args::text("query", a.query.as_deref(), 200)?;
        let email = a
            .email
            .as_deref()
            .map(|e| args::email("email", e))
            .transpose()?;
        let company = args::company("company", a.company.as_deref())?;

        let mut filters = Vec::new();
        let mut label = None;
        match &company {
            // Contacts search knows email domains natively.
            Some(CompanyKey::Domain(domain)) => {
                filters.push(Query::eq("email_domain", domain.as_str()))
            }
            Some(key @ CompanyKey::Name(_)) => {
                let scope = scope::resolve(state, ctx, Some(key), None).await?;
                let ids = scope.contact_ids.unwrap_or_default();
                if ids.is_empty() {
                    return Ok(Output {
                        company: scope.company,
                        contacts: vec![],
                        total: 0,
                        next_cursor: None,
                    });
                }
                label = scope.company;
                filters.push(Query::any_of("id", &ids));
            }
            None => {}
        }
        filters.extend(email.map(|e| Query::eq("email", e)));
        if let Some(t) = &text {
            filters.push(Query::either(vec![
                Query::contains("name", t),
                Query::contains("email", t),
            ]));
        }
        let query = Query::all(filters);
        let found = state
            .client
            .search::<ContactList>(ctx, &query, limit, cursor)
            .await?;
        let company_ids = found.items.iter().flat_map(|c| c.company_ids());
        let companies = state
            .directory
            .company_names(&state.client, ctx, company_ids)
            .await?;
        let names = Names {
            companies,
            ..Names::default()
        };
        if label.is_none() && matches!(company, Some(CompanyKey::Domain(_))) {
            label = found
                .items
                .iter()
                .find_map(|c| contact_summary(c, &names).company);
        }
        Ok(Output {
            company: label,
            contacts: found
                .items
                .iter()
                .map(|c| contact_summary(c, &names))
                .collect(),
            total: found.total,
            next_cursor: found.next_cursor,
        })
    }
}
