//! GitHub in the registry.

use std::time::Duration;

use switchboard_github::{connector, GitHubConfig};
use switchboard_testkit::{demo::northwind, fake::github::spawn_github};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "github",
        validate: |t| parse::<GitHubConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<GitHubConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://api.github.com".parse()?,
                    Secret::new("offline"),
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let token = "demo-github-token";
                let fake = spawn_github(northwind(), token).await;
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
