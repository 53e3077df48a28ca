//! BigQuery REST v2 resources, as far as the connector reads or sends
//! them. Unknown fields are ignored (Google adds fields); absent ones
//! default. Names follow the API (`camelCase` on the wire).

mod catalog;
mod job;
mod query;

pub use catalog::*;
pub use job::*;
pub use query::*;
