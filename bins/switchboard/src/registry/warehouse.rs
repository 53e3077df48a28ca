//! The data warehouse in the registry. Its tool list comes from config
//! (one tool per saved query), so the offline build uses the config too,
//! against an in-memory SQLite instead of the real backend.

use switchboard_testkit::demo::warehouse::seed_sql;
use switchboard_warehouse::{connect, connect_with_seed, demo_config, WarehouseConfig};

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "warehouse",
        validate: |t| parse::<WarehouseConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<WarehouseConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(connect(&config).await?)
            }))
        },
        offline: |t| {
            one(Box::pin(async move {
                let config = match t {
                    Some(t) => parse::<WarehouseConfig>(&t).map_err(anyhow::Error::msg)?,
                    None => demo_config(),
                };
                Ok(connect_with_seed(&offline(config), Vec::new()).await?)
            }))
        },
        demo: Some(|| {
            Box::pin(async { Ok((connect_with_seed(&demo_config(), seed_sql()).await?, None)) })
        }),
    }
}

/// The same tools against an empty in-memory SQLite: no server, no secret.
fn offline(mut config: WarehouseConfig) -> WarehouseConfig {
    let demo = demo_config();
    config.backend = demo.backend;
    config.url = demo.url;
    config.bigquery = None;
    config
}
