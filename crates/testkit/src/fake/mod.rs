//! Fake upstream servers (see the crate docs).
