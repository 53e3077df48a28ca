//! Fake github API.
