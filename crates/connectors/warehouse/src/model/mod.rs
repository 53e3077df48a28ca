//! Wire types of the engines that speak JSON: BigQuery's REST API (the
//! backend uses them) and StarRocks' HTTP SQL API (its NDJSON result
//! format, parsed into the same result sets; the connector itself reaches
//! StarRocks over the MySQL protocol).

pub mod bigquery;
pub mod starrocks;
