//! Gong in the registry.

use std::time::Duration;

use switchboard_gong::{connector, GongConfig};
use switchboard_testkit::{demo::northwind, fake::gong::spawn_gong};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "gong",
        validate: |t| parse::<GongConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<GongConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://api.gong.io".parse()?,
                    Secret::new("offline"),
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let (key, secret) = ("demo-gong-access-key", "demo-gong-access-key-secret");
                let fake = spawn_gong(northwind(), key, secret).await;
                let c = connector(
                    fake.base_url.clone(),
                    Secret::new(key),
                    Secret::new(secret),
                    Duration::from_secs(10),
                )?;
                Ok((c, Some(fake)))
            })
        }),
    }
}
