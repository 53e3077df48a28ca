//! The composite tools, one per file.

mod get_profile;
mod renewals_at_risk;
mod summarize;
mod timeline;

pub use get_profile::GetProfile;
pub use renewals_at_risk::RenewalsAtRisk;
pub use timeline::GetTimeline;
