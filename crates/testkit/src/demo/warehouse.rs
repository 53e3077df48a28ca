//! Finance and HR warehouse tables for the demo company.
