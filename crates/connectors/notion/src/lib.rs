//! notion connector (being written).
