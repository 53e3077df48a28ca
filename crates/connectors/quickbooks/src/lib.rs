//! QuickBooks Online connector (`quickbooks`): customers and their billing
//! status, invoices, the A/R aging and profit and loss reports, read
//! through the QuickBooks Online Accounting API (v3) of one company
//! (realm) and shaped to the few fields that answer a finance question.
//!
//! "Overdue" depends on today's date. The connector takes it from a
//! [`Today`] chosen at build time: the current UTC date in production, a
//! fixed date in tests and in the demo (whose world is fixed at its
//! reference date). Build it from config ([`QuickBooksConfig`]) or with
//! [`connector`] / [`connector_with`].

mod args;
pub mod client;
mod config;
pub mod fault;
pub mod model;
pub mod query;
mod resolve;
pub mod shape;
mod tools;

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use switchboard_core::{Connector, ConnectorBuilder, ConnectorError};
use switchboard_upstream::Secret;
use url::Url;

pub use config::QuickBooksConfig;

/// The connector id: every tool name and permission starts with it.
pub const ID: &str = "quickbooks";

/// The API minor version sent as `minorversion` (75 is the one Intuit
/// serves since retiring 1-74).
pub const MINOR_VERSION: u32 = 75;

/// Where "today" comes from when deciding what is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// The current UTC date (QuickBooks companies keep local dates; a
    /// due date is at most a day off around midnight UTC).
    Utc,
    /// A pinned date: tests, reproducible reports, the demo world.
    Fixed(NaiveDate),
}

impl Today {
    pub fn date(self) -> NaiveDate {
        match self {
            Today::Utc => chrono::Utc::now().date_naive(),
            Today::Fixed(d) => d,
        }
    }
}

/// Knobs beyond the base URL, realm, token and timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub today: Today,
    pub minor_version: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: Today::Utc,
            minor_version: MINOR_VERSION,
        }
    }
}

/// The state every tool shares.
pub struct QuickBooks {
    client: client::Client,
    today: Today,
}

impl QuickBooks {
    fn today(&self) -> NaiveDate {
        self.today.date()
    }
}

/// The connector for company `realm_id` at `base_url` with an OAuth 2.0
/// access `token`; each request is bounded by `timeout` and by the call's
/// deadline. "Today" is the current UTC date.
pub fn connector(
    base_url: Url,
    realm_id: &str,
    token: Secret,
    timeout: Duration,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    connector_with(base_url, realm_id, token, timeout, Options::default())
}

/// [`connector`] with [`Options`] (a pinned "today", another minor version).
pub fn connector_with(
    base_url: Url,
    realm_id: &str,
    token: Secret,
    timeout: Duration,
    options: Options,
) -> Result<Arc<dyn Connector>, ConnectorError> {
    if !config::is_realm_id(realm_id) {
        return Err(ConnectorError::internal(
            "the QuickBooks realm id must be the company's numeric id",
        ));
    }
    let state = QuickBooks {
        client: client::Client::new(base_url, realm_id, token, timeout, options.minor_version)?,
        today: options.today,
    };
    ConnectorBuilder::new(ID, state)
        .tool(tools::SearchCustomers)
        .tool(tools::GetCustomer)
        .tool(tools::SearchInvoices)
        .tool(tools::GetInvoice)
        .tool(tools::GetArAging)
        .tool(tools::GetProfitAndLoss)
        .build()
        .map_err(|e| {
            ConnectorError::internal(format!("the QuickBooks connector is malformed: {e}"))
                .with_source(e)
        })
}
