//! warehouse connector (being written).
