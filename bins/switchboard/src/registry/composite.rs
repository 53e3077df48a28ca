//! The cross-system customer tools in the registry. They need no upstream
//! of their own: every part goes back through the pipeline.

use switchboard_composite::{connector, CompositeConfig};
use switchboard_testkit::demo::REFERENCE_DATE;

use super::{parse, Entry};

pub fn entry() -> Entry {
    Entry {
        id: "composite",
        validate: |t| parse::<CompositeConfig>(t)?.validate(),
        build: |t| {
            Ok(connector(
                &parse::<CompositeConfig>(t).map_err(anyhow::Error::msg)?,
            )?)
        },
        offline: || Ok(connector(&CompositeConfig::default())?),
        demo: || {
            Box::pin(async {
                // The demo world's "today", so quarters and 90-day windows
                // line up with the demo data.
                let config = CompositeConfig {
                    as_of: Some(REFERENCE_DATE),
                    ..CompositeConfig::default()
                };
                Ok((connector(&config)?, None))
            })
        },
    }
}
