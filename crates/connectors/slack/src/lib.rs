//! slack connector (being written).
