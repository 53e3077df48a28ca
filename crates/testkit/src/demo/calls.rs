//! Call recordings (Gong) for the demo customers.
