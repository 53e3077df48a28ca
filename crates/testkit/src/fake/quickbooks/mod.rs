//! Fake quickbooks API.
