//! A customer named by id or by name, resolved to the QuickBooks record.
//! Names match exactly first (case-insensitively, as QuickBooks compares),
//! then as a unique part of the name; an ambiguous name is refused with
//! the candidates rather than guessed.

use switchboard_core::{CallContext, ConnectorError};

use crate::args::{bad, CustomerSel};
use crate::client::Client;
use crate::model::Customer;
use crate::query::Select;

/// Candidates listed when a name is ambiguous.
const CANDIDATES: u64 = 5;

pub async fn customer(
    client: &Client,
    ctx: &CallContext,
    field: &str,
    sel: &CustomerSel,
) -> Result<Customer, ConnectorError> {
    let name = match sel {
        CustomerSel::Id(id) => return client.read(ctx, "customer", id).await,
        CustomerSel::Name(name) => name,
    };
    let exact = Select::from("Customer").eq("DisplayName", name);
    let mut found = client.query(ctx, &exact, 1, 2).await?.customers;
    if found.is_empty() {
        let partial = Select::from("Customer")
            .contains("DisplayName", name)
            .order_by("DisplayName", false);
        found = client
            .query(ctx, &partial, 1, CANDIDATES + 1)
            .await?
            .customers;
    }
    match found.len() {
        0 => Err(ConnectorError::not_found(format!(
            "QuickBooks has no customer named like `{name}`"
        ))),
        1 => Ok(found.remove(0)),
        n => {
            let mut names: Vec<&str> = found
                .iter()
                .take(CANDIDATES as usize)
                .map(|c| c.display_name.as_str())
                .collect();
            if n as u64 > CANDIDATES {
                names.push("...");
            }
            Err(bad(
                field,
                format!(
                    "`{name}` matches several customers ({}); give the exact name or the id",
                    names.join(", ")
                ),
            ))
        }
    }
}
