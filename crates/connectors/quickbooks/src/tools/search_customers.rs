//! `quickbooks_search_customers`: customers by part of their name, with
//! their open balance, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::page;
use crate::query::Select;
use crate::shape::customer::{summary_of, CustomerSummary};
use crate::{args, QuickBooks};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Part of the name; omit to list all.
    pub name: Option<String>,
    /// Max customers (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub customers: Vec<CustomerSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchCustomers;

#[async_trait]
impl Tool for SearchCustomers {
    type State = QuickBooks;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "quickbooks_search_customers";
    const TITLE: &'static str = "Search QuickBooks customers";
    const DESCRIPTION: &'static str = "Find billing customers and their open balances.";
    const PERMISSION: &'static str = "quickbooks:customers:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let start = args::cursor(a.cursor.as_deref())?;
        let mut select = Select::from("Customer");
        if let Some(name) = args::name("name", a.name.as_deref())? {
            select = select.contains("DisplayName", &name);
        }
        let select = select.order_by("DisplayName", false);
        let (customers, next_cursor) =
            page(&state.client, ctx, &select, start, limit, |r| r.customers).await?;
        Ok(Output {
            customers: customers.iter().map(summary_of).collect(),
            next_cursor,
        })
    }
}
