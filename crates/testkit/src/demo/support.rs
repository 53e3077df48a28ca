//! Support desk data (Intercom) for the demo customers.
