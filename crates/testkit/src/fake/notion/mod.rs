//! Fake notion API.
