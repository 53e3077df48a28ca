//! github connector (being written).
