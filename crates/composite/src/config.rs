//! `[connectors.composite]`: the explicit identity map and the date the
//! tools treat as today.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

/// Per-system ids for one customer, when domains are not enough (a billing
/// customer named differently, a second CRM record).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerIds {
    pub hubspot_company_id: Option<String>,
    /// The QuickBooks customer id or exact display name.
    pub quickbooks_customer: Option<String>,
    /// The company as Intercom knows it (name or domain).
    pub intercom_company: Option<String>,
    /// The name or domain Gong call participants are matched by.
    pub gong_company: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompositeConfig {
    /// Pins "today" (quarters, 90-day windows); the current UTC date if unset.
    pub as_of: Option<NaiveDate>,
    /// Customer domain → per-system ids.
    #[serde(default)]
    pub customers: BTreeMap<String, CustomerIds>,
}

/// What "today" is.
#[derive(Debug, Clone, Copy)]
pub enum Today {
    Utc,
    Fixed(NaiveDate),
}

impl Today {
    pub fn date(self) -> NaiveDate {
        match self {
            Today::Utc => chrono::Utc::now().date_naive(),
            Today::Fixed(d) => d,
        }
    }
}

impl CompositeConfig {
    pub fn today(&self) -> Today {
        self.as_of.map(Today::Fixed).unwrap_or(Today::Utc)
    }

    pub fn validate(&self) -> Result<(), String> {
        for domain in self.customers.keys() {
            if !domain.contains('.') || domain.contains(['@', '/', ' ']) {
                return Err(format!(
                    "customers.\"{domain}\": keys are customer domains like acme.example"
                ));
            }
        }
        Ok(())
    }
}
