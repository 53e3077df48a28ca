//! `quickbooks_get_profit_and_loss`: the ProfitAndLoss report for a
//! period: income, cost of goods sold, gross profit, expenses, net income
//! and the largest lines.

use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::shape::day;
use crate::shape::pnl::{profit_and_loss, ProfitAndLoss};
use crate::{args, QuickBooks};

/// Revenue recognised when invoiced, or when paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Basis {
    Accrual,
    Cash,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    #[schemars(extend("format" = "date"))]
    pub start_date: Option<String>,
    #[schemars(extend("format" = "date"))]
    pub end_date: Option<String>,
    /// Default Accrual.
    pub accounting_method: Option<Basis>,
    /// Largest income and expense lines to list.
    #[schemars(range(min = 1, max = 20))]
    pub top: Option<u32>,
}

pub struct GetProfitAndLoss;

#[async_trait]
impl Tool for GetProfitAndLoss {
    type State = QuickBooks;
    type Args = Args;
    type Output = ProfitAndLoss;

    const NAME: &'static str = "quickbooks_get_profit_and_loss";
    const TITLE: &'static str = "Profit and loss";
    const DESCRIPTION: &'static str =
        "Profit and loss for a period (default year to date), with the largest accounts.";
    const PERMISSION: &'static str = "quickbooks:reports:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<ProfitAndLoss, ConnectorError> {
        let today = state.today();
        let start = args::date("start_date", a.start_date.as_deref())?;
        let end = args::date("end_date", a.end_date.as_deref())?.unwrap_or(today);
        let start =
            start.unwrap_or_else(|| NaiveDate::from_ymd_opt(end.year(), 1, 1).unwrap_or(end));
        args::range("start_date", Some(start), "end_date", Some(end))?;
        let top =
            args::limit(a.top, 5, 20).map_err(|_| args::bad("top", "must be between 1 and 20"))?;
        let mut params = vec![("start_date", day(start)), ("end_date", day(end))];
        if let Some(basis) = a.accounting_method {
            let basis = match basis {
                Basis::Accrual => "Accrual",
                Basis::Cash => "Cash",
            };
            params.push(("accounting_method", basis.to_owned()));
        }
        let report = state.client.report(ctx, "ProfitAndLoss", &params).await?;
        Ok(profit_and_loss(&report, &day(start), &day(end), top))
    }
}
