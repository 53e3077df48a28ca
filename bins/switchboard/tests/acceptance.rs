//! Acceptance tests: the real `switchboard` binary in demo mode on a
//! loopback port, driven by real third-party MCP clients (Python SDK,
//! TypeScript SDK, Inspector CLI), the official conformance suite, and the
//! CLI itself.

mod acceptance {
    mod audit;
    mod cli;
    mod clients;
    mod conformance;
    mod federation;
    pub mod support;
}
