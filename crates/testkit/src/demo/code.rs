//! Code and issues (GitHub) for the demo company.
