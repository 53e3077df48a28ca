//! Authorization seam. One predicate decides both what `tools/list` shows
//! and what `tools/call` may run, so the two can never disagree.
//!
//! The Cedar engine (identity and access-control issue) implements
//! [`Authorizer`]; until a policy is configured the gateway uses
//! [`GroupGrants`], a default-deny map from groups to permission patterns.

use std::collections::HashMap;

use serde_json::Value;
use switchboard_core::{Principal, ToolSpec};

/// Decides whether a principal may use a tool.
pub trait Authorizer: Send + Sync {
    /// Action `use`: see the tool in `tools/list` and call it.
    fn can_use(&self, principal: &Principal, tool: &ToolSpec) -> bool;

    /// Action `invoke`: argument-level rules checked at call time, after
    /// `can_use`. Defaults to allowing what `can_use` allowed.
    fn can_invoke(&self, _principal: &Principal, _tool: &ToolSpec, _args: &Value) -> bool {
        true
    }
}

/// Default deny: a principal may use a tool only if one of its groups is
/// granted a pattern matching the tool's permission. Patterns are
/// permissions with `*` segments (`hubspot:*:read`, `*:*:*`).
#[derive(Debug, Clone, Default)]
pub struct GroupGrants {
    grants: HashMap<String, Vec<String>>,
}

impl GroupGrants {
    pub fn new(grants: HashMap<String, Vec<String>>) -> Self {
        GroupGrants { grants }
    }
}

impl Authorizer for GroupGrants {
    fn can_use(&self, principal: &Principal, tool: &ToolSpec) -> bool {
        principal.groups.iter().any(|group| {
            self.grants
                .get(group)
                .is_some_and(|patterns| patterns.iter().any(|p| permission_matches(p, &tool.permission)))
        })
    }
}

/// `a:*:read` matches `a:deals:read`; segment counts must agree.
pub fn permission_matches(pattern: &str, permission: &str) -> bool {
    let p: Vec<&str> = pattern.split(':').collect();
    let q: Vec<&str> = permission.split(':').collect();
    p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| *a == "*" || a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(permission_matches("hubspot:*:read", "hubspot:deals:read"));
        assert!(permission_matches("*:*:*", "gong:calls:read"));
        assert!(!permission_matches("hubspot:*:read", "hubspot:deals:write"));
        assert!(!permission_matches("hubspot:*", "hubspot:deals:read"));
    }
}
