//! Demo mode: fixed users, one per role, with fixed API keys that are valid
//! only in demo mode (and only on loopback). What each role may use is in `policies/`.

use switchboard_gateway::auth::{hash_api_key, ApiKeyEntry, ApiKeys};

/// (API key, user id, groups).
pub const DEMO_USERS: &[(&str, &str, &[&str])] = &[
    ("demo-sales", "sales@demo", &["sales"]),
    ("demo-finance", "finance@demo", &["finance"]),
    ("demo-support", "support@demo", &["support"]),
    ("demo-engineering", "engineering@demo", &["engineering"]),
    ("demo-admin", "admin@demo", &["admin"]),
    ("demo-hr", "hr@demo", &["hr"]),
];

/// The demo users' keys. Emails are at the demo company's own domain so
/// "my deals" resolves to the demo CRM's owners.
pub fn api_keys() -> ApiKeys {
    ApiKeys::new(
        DEMO_USERS
            .iter()
            .map(|(key, user, groups)| {
                let email = user.replace("@demo", "@northwind.example");
                ApiKeyEntry::new(
                    key,
                    hash_api_key(key),
                    user,
                    &email,
                    "northwind",
                    groups.iter().map(|g| g.to_string()).collect(),
                )
            })
            .collect(),
    )
}
