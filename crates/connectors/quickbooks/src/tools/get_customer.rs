//! `quickbooks_get_customer`: a customer's billing status: balance, open
//! and overdue amounts (overdue against the connector's "today"), and the
//! most overdue invoices.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::all;
use crate::args::CustomerSel;
use crate::query::{Op, Select};
use crate::shape::customer::{billing, CustomerBilling};
use crate::{args, resolve, QuickBooks};

/// Open invoices read at most for one customer.
const MAX_OPEN: usize = 5000;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Name or QuickBooks id.
    pub customer: String,
}

pub struct GetCustomer;

#[async_trait]
impl Tool for GetCustomer {
    type State = QuickBooks;
    type Args = Args;
    type Output = CustomerBilling;

    const NAME: &'static str = "quickbooks_get_customer";
    const TITLE: &'static str = "Get a customer's billing status";
    const DESCRIPTION: &'static str =
        "A customer's billing status: open and overdue amounts and the most overdue invoices.";
    const PERMISSION: &'static str = "quickbooks:customers:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<CustomerBilling, ConnectorError> {
        let sel = args::customer("customer", Some(&a.customer))?
            .ok_or_else(|| args::bad("customer", "must not be empty"))?;
        let open_of = |id: String| async move {
            let select = Select::from("Invoice")
                .eq("CustomerRef", &id)
                .filter("Balance", Op::Gt, "0")
                .order_by("DueDate", false);
            all(&state.client, ctx, &select, MAX_OPEN, |r| r.invoices).await
        };
        let (customer, open) = match &sel {
            // The id is known: read the record and its invoices at once.
            CustomerSel::Id(id) => tokio::try_join!(
                resolve::customer(&state.client, ctx, "customer", &sel),
                open_of(id.clone())
            )?,
            CustomerSel::Name(_) => {
                let c = resolve::customer(&state.client, ctx, "customer", &sel).await?;
                let open = open_of(c.id.clone()).await?;
                (c, open)
            }
        };
        Ok(billing(&customer, &open, state.today()))
    }
}
