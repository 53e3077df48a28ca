//! Intercom in the registry.

use std::time::Duration;

use switchboard_intercom::{connector, IntercomConfig};
use switchboard_testkit::{demo::northwind, fake::intercom::spawn_intercom};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "intercom",
        validate: |t| parse::<IntercomConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<IntercomConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://api.intercom.io".parse()?,
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let token = "demo-intercom-token";
                let fake = spawn_intercom(northwind(), token).await;
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
