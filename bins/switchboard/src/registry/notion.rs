//! Notion in the registry.

use std::time::Duration;

use switchboard_notion::{connector, NotionConfig};
use switchboard_testkit::{demo::northwind, fake::notion::spawn_notion};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "notion",
        validate: |t| parse::<NotionConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<NotionConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://api.notion.com".parse()?,
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let token = "ntn_demo_token";
                let fake = spawn_notion(northwind(), token).await;
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
