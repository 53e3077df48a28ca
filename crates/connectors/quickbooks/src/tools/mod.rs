//! One file per tool; `crate::connector_with` registers them all.

mod get_ar_aging;
mod get_customer;
mod get_invoice;
mod get_profit_and_loss;
mod search_customers;
mod search_invoices;

pub use get_ar_aging::GetArAging;
pub use get_customer::GetCustomer;
pub use get_invoice::GetInvoice;
pub use get_profit_and_loss::GetProfitAndLoss;
pub use search_customers::SearchCustomers;
pub use search_invoices::SearchInvoices;

use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::{collect_pages, Page};

use crate::client::{Client, PAGE_MAX};
use crate::model::QueryResponse;
use crate::query::Select;

/// Up to `limit` rows of `select` from 1-based position `start`, and the
/// `next_cursor` (the next start position) when more remain. QuickBooks
/// says nothing about further rows, so each page asks for one extra row.
pub(crate) async fn page<T>(
    client: &Client,
    ctx: &CallContext,
    select: &Select,
    start: u64,
    limit: usize,
    rows: fn(QueryResponse) -> Vec<T>,
) -> Result<(Vec<T>, Option<String>), ConnectorError> {
    collect_pages(
        limit,
        Some(start.to_string()),
        |cursor, wanted| async move {
            let start: u64 = cursor.and_then(|c| c.parse().ok()).unwrap_or(1);
            let wanted = wanted as u64;
            let max = (wanted + 1).min(PAGE_MAX);
            let mut items = rows(client.query(ctx, select, start, max).await?);
            let got = items.len() as u64;
            let next = if got > wanted {
                items.truncate(wanted as usize);
                Some(start + wanted)
            } else if got == max {
                Some(start + got)
            } else {
                None
            };
            Ok(Page {
                items,
                next: next.map(|n| n.to_string()),
            })
        },
    )
    .await
}

/// Every row of `select`, a full page at a time, up to `cap` rows.
pub(crate) async fn all<T>(
    client: &Client,
    ctx: &CallContext,
    select: &Select,
    cap: usize,
    rows: fn(QueryResponse) -> Vec<T>,
) -> Result<Vec<T>, ConnectorError> {
    let mut out = Vec::new();
    let mut start = 1;
    while out.len() < cap {
        let batch = rows(client.query(ctx, select, start, PAGE_MAX).await?);
        let got = batch.len() as u64;
        out.extend(batch);
        if got < PAGE_MAX {
            break;
        }
        start += got;
    }
    out.truncate(cap);
    Ok(out)
}
