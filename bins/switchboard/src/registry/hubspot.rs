//! HubSpot in the registry.

use std::time::Duration;

use switchboard_hubspot::{connector, HubSpotConfig};
use switchboard_testkit::{demo::northwind, fake::spawn_hubspot};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "hubspot",
        validate: |t| parse::<HubSpotConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<HubSpotConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://api.hubapi.com".parse()?,
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let token = "demo-hubspot-token";
                let fake = spawn_hubspot(northwind(), token).await;
                let c = connector(
                    fake.base_url.clone(),
                    Secret::new(token),
                    Duration::from_secs(10),
                )?;
                Ok((c, Some(fake)))
            })
        }),
    }
}
