//! Team chat (Slack) for the demo company.
