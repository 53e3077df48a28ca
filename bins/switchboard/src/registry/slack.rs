//! Slack in the registry.

use std::time::Duration;

use switchboard_slack::{connector, SlackConfig};
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::slack::{api_url, spawn_slack, DEMO_BOT_TOKEN, DEMO_USER_TOKEN};
use switchboard_upstream::Secret;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "slack",
        validate: |t| parse::<SlackConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<SlackConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(config.build()?)
            }))
        },
        offline: |_| {
            one(Box::pin(async {
                Ok(connector(
                    "https://slack.com/api".parse()?,
                    Secret::new("offline"),
                    None,
                    Duration::from_secs(1),
                )?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                let fake = spawn_slack(northwind(), DEMO_BOT_TOKEN, DEMO_USER_TOKEN).await;
                let bot = Secret::new(DEMO_BOT_TOKEN);
                let c = connector(
                    api_url(&fake),
                    bot,
                    Some(Secret::new(DEMO_USER_TOKEN)),
                    Duration::from_secs(10),
                )?;
                Ok((c, Some(fake)))
            })
        }),
    }
}
