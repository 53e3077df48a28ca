//! quickbooks connector (being written).
