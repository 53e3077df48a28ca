//! gong connector (being written).
