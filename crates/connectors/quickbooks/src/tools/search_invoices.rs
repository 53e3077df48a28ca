//! `quickbooks_search_invoices`: invoices by status (open, overdue,
//! paid), customer and invoice date range, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::page;
use crate::query::{Op, Select};
use crate::shape::day;
use crate::shape::invoice::{summary, InvoiceSummary};
use crate::{args, resolve, QuickBooks};

/// Which invoices, by payment state. (Variants carry plain comments: a
/// documented variant makes the schema a `oneOf` of one object per value.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusFilter {
    // Unpaid, whether due yet or not.
    Open,
    // Unpaid and past the due date.
    Overdue,
    // Fully paid.
    Paid,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// open includes overdue.
    pub status: Option<StatusFilter>,
    /// Name or QuickBooks id.
    pub customer: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub date_from: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub date_to: Option<String>,
    /// Max invoices (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// Newest first; overdue searches list the longest overdue first.
    pub invoices: Vec<InvoiceSummary>,
    /// The day "overdue" is measured against.
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct SearchInvoices;

#[async_trait]
impl Tool for SearchInvoices {
    type State = QuickBooks;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "quickbooks_search_invoices";
    const TITLE: &'static str = "Search QuickBooks invoices";
    const DESCRIPTION: &'static str =
        "Find invoices (billing); dates are invoice dates, inclusive.";
    const PERMISSION: &'static str = "quickbooks:invoices:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let start = args::cursor(a.cursor.as_deref())?;
        let from = args::date("date_from", a.date_from.as_deref())?;
        let to = args::date("date_to", a.date_to.as_deref())?;
        args::range("date_from", from, "date_to", to)?;
        let customer = args::customer("customer", a.customer.as_deref())?;
        let today = state.today();

        let mut select = Select::from("Invoice");
        if let Some(sel) = &customer {
            let c = resolve::customer(&state.client, ctx, "customer", sel).await?;
            select = select.eq("CustomerRef", &c.id);
        }
        select = match a.status {
            None => select,
            Some(StatusFilter::Paid) => select.eq("Balance", "0"),
            Some(StatusFilter::Open) => select.filter("Balance", Op::Gt, "0"),
            Some(StatusFilter::Overdue) => {
                select
                    .filter("Balance", Op::Gt, "0")
                    .date("DueDate", Op::Lt, today)
            }
        };
        if let Some(from) = from {
            select = select.date("TxnDate", Op::Ge, from);
        }
        if let Some(to) = to {
            select = select.date("TxnDate", Op::Le, to);
        }
        select = match a.status {
            Some(StatusFilter::Overdue) => select.order_by("DueDate", false),
            _ => select.order_by("TxnDate", true),
        };
        let (invoices, next_cursor) =
            page(&state.client, ctx, &select, start, limit, |r| r.invoices).await?;
        Ok(Output {
            invoices: invoices.iter().map(|i| summary(i, today)).collect(),
            as_of: day(today),
            next_cursor,
        })
    }
}
