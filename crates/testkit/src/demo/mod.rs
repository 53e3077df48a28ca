//! The demo company (see the crate docs).
