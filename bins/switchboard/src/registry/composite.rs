//! The cross-system customer tools in the registry. They need no upstream
//! of their own: every part goes back through the pipeline.

use switchboard_composite::{connector, CompositeConfig};
use switchboard_testkit::demo::REFERENCE_DATE;

use super::{one, parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "composite",
        validate: |t| parse::<CompositeConfig>(t)?.validate(),
        build: |t| {
            one(Box::pin(async move {
                let config = parse::<CompositeConfig>(&t).map_err(anyhow::Error::msg)?;
                Ok(connector(&config)?)
            }))
        },
        offline: |t| {
            one(Box::pin(async move {
                let config = match t {
                    Some(t) => parse::<CompositeConfig>(&t).map_err(anyhow::Error::msg)?,
                    None => CompositeConfig::default(),
                };
                Ok(connector(&config)?)
            }))
        },
        demo: Some(|| {
            Box::pin(async {
                // The demo world's "today", so quarters and 90-day windows
                // line up with the demo data.
                let config = CompositeConfig {
                    as_of: Some(REFERENCE_DATE),
                    ..CompositeConfig::default()
                };
                Ok((connector(&config)?, None))
            })
        }),
    }
}
