//! intercom connector (being written).
