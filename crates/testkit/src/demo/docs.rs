//! Team documents (Notion) for the demo company.
