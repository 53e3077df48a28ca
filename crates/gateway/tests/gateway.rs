//! The gateway over real HTTP on a loopback port, with a counting test
//! connector: authentication, both protocol revisions, the pipeline's
//! refusals, and the raw-HTTP error paths.

mod gateway {
    mod auth;
    mod cache;
    mod federation;
    pub mod harness;
    mod http_errors;
    mod otlp;
    mod pipeline;
    mod policy;
    mod protocol;
}
