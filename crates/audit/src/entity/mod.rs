//! sea-orm entities. Private to the crate: callers see [`crate::AuditRow`],
//! so the ORM never leaks into the binary's types.

pub(crate) mod audit_anchor;
pub(crate) mod audit_log;
