//! `quickbooks_get_invoice`: one invoice with its lines condensed.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::Deserialize;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use crate::model::Invoice;
use crate::shape::invoice::{detail, InvoiceDetail};
use crate::{args, QuickBooks};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// From a search; not the printed number.
    pub invoice_id: String,
}

pub struct GetInvoice;

#[async_trait]
impl Tool for GetInvoice {
    type State = QuickBooks;
    type Args = Args;
    type Output = InvoiceDetail;

    const NAME: &'static str = "quickbooks_get_invoice";
    const TITLE: &'static str = "Get a QuickBooks invoice";
    const DESCRIPTION: &'static str = "An invoice with its status and line items.";
    const PERMISSION: &'static str = "quickbooks:invoices:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &QuickBooks,
        ctx: &CallContext,
        a: Args,
    ) -> Result<InvoiceDetail, ConnectorError> {
        let id = args::entity_id("invoice_id", &a.invoice_id)?;
        let invoice: Invoice = state.client.read(ctx, "invoice", &id).await?;
        Ok(detail(&invoice, state.today()))
    }
}
