//! Fake intercom API.
