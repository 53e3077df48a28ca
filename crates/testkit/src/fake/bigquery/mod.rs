//! Fake bigquery API.
