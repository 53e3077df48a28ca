//! Billing and accounting data (QuickBooks) for the demo customers.
