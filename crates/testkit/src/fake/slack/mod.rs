//! Fake slack API.
