//! Who is calling. Built by the gateway from the HTTP credential only; tool
//! arguments can never name or override it.

use serde::Serialize;

/// How the caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuthMethod {
    /// A configured API key; `key_id` names the key, never its value.
    ApiKey { key_id: String },
    /// An OAuth 2.1 bearer JWT from `issuer`.
    Jwt { issuer: String },
    /// The gateway itself (demo seeding, health checks). Never reachable
    /// from the network.
    Internal,
}

/// The authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Principal {
    /// Stable user id (`sales@demo`, a JWT `sub`).
    pub user_id: String,
    /// Email, used to resolve "my deals" to the upstream's own user.
    pub email: String,
    /// Organisation / tenant.
    pub org: String,
    /// Groups (roles) the policy engine reasons about.
    pub groups: Vec<String>,
    pub auth: AuthMethod,
}

impl Principal {
    pub fn in_group(&self, group: &str) -> bool {
        self.groups.iter().any(|g| g == group)
    }

    /// Who exactly, as bytes to key per-caller state by (cache entries,
    /// sealed request state, per-caller upstream sessions): the user *and*
    /// how they authenticated, so an API key and a JWT naming the same
    /// user never share anything.
    pub fn identity_key(&self) -> String {
        let auth = serde_json::to_string(&self.auth).unwrap_or_default();
        format!("{auth}\0{}", self.user_id)
    }
}
