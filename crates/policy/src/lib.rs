//! Access policy in Cedar (DESIGN.md §5).
//!
//! Entities: `User` (attributes `email`, `org`; parents: its `Group`s),
//! `Group`, `Tool` (attributes `connector`, `permission`, `effect`; parent:
//! its `Connector`), `Connector`. Actions: `use` (see the tool in
//! `tools/list` and call it) and `invoke` (checked at call time with
//! `context.args`, for argument-level `forbid` rules). Default deny.
//!
//! The Cedar schema is generated from the compiled catalog ([`schema`]), and
//! every policy file is validated against it in strict mode, plus a check
//! that every entity a policy names exists: a policy naming an unknown tool,
//! connector or attribute fails loudly at start and in `switchboard check`.

mod engine;
mod entities;
mod load;
mod reads;
pub mod schema;

pub use engine::{principal_fingerprint, PolicyEngine, PolicyFile};
pub use load::PolicyError;
