//! Fake gong API.
