//! `quickbooks_get_ar_aging`: the AgedReceivables report as buckets per
//! customer (current, 1-30, 31-60, 61-90, 91+ days past due) and totals.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::shape::aging::{aging, Aging};
use crate::shape::day;
use crate::{args, resolve, QuickBooks};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    #[schemars(extend("format" = "date"))]
    pub as_of: Option<String>,
    /// Name or QuickBooks id.
    pub customer: Option<String>,
    /// Max customers listed (1-200, default 50); totals cover all.
    #[schemars(range(min = 1, max = 200))]
    pub limit: Option<u32>,
}

pub struct GetArAging;

#[async_trait]
impl Tool for GetArAging {
    type State = QuickBooks;
    type Args = Args;
    type Output = Aging;

    const NAME: &'static str = "quickbooks_get_ar_aging";
    const TITLE: &'static str = "Accounts receivable aging";
    const DESCRIPTION: &'static str = "Who owes what and how late: receivables per customer in 30-day aging buckets, most overdue first.";
    const PERMISSION: &'static str = "quickbooks:reports:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Aging, ConnectorError> {
        let as_of = args::date("as_of", a.as_of.as_deref())?.unwrap_or_else(|| state.today());
        let limit = args::limit(a.limit, 50, 200)?;
        let customer = args::customer("customer", a.customer.as_deref())?;
        let mut params = vec![("report_date", day(as_of))];
        if let Some(sel) = &customer {
            let c = resolve::customer(&state.client, ctx, "customer", sel).await?;
            params.push(("customer", c.id));
        }
        let report = state.client.report(ctx, "AgedReceivables", &params).await?;
        Ok(aging(&report, as_of, limit))
    }
}
