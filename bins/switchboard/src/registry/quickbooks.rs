//! QuickBooks Online in the registry.

use std::time::Duration;

use switchboard_quickbooks::{
    connector, connector_with, Options, QuickBooksConfig, Today, MINOR_VERSION,
};
use switchboard_testkit::demo::billing::REALM_ID;
use switchboard_testkit::demo::{northwind, REFERENCE_DATE};
use switchboard_testkit::fake::quickbooks::spawn_quickbooks;
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "quickbooks",
        validate: |t| parse::<QuickBooksConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<QuickBooksConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://quickbooks.api.intuit.com".parse()?,
                    "1",
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let token = "demo-quickbooks-token";
                let fake = spawn_quickbooks(northwind(), token).await;
                // The demo world's "today", so overdue amounts stay coherent.
                let options = Options {
                    today: Today::Fixed(REFERENCE_DATE),
                    minor_version: MINOR_VERSION,
                };
                let c = connector_with(
                    fake.base_url.clone(),
                    REALM_ID,
                    Secret::new(token),
                    Duration::from_secs(10),
                    options,
                )?;
                Ok((c, Some(fake)))
            })
        }),
    }
}
