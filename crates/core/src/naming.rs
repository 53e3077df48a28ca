//! The naming rules for tools and permissions, checked by the builder and by
//! the testkit's conformance check.

/// Why a tool name or permission was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NameError(pub String);

/// `<connector>_<verb>_<noun>`: `[a-z0-9_]`, at most 64 characters, starts
/// with the connector id and an underscore.
pub fn validate_tool_name(connector_id: &str, name: &str) -> Result<(), NameError> {
    if name.is_empty() || name.len() > 64 {
        return Err(NameError(format!(
            "tool name `{name}` must be 1 to 64 characters"
        )));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(NameError(format!(
            "tool name `{name}` may only hold [a-z0-9_]"
        )));
    }
    let prefix = format!("{connector_id}_");
    if !name.starts_with(&prefix) || name.len() == prefix.len() {
        return Err(NameError(format!(
            "tool name `{name}` must start with `{prefix}`"
        )));
    }
    Ok(())
}

/// Like [`validate_tool_name`], for a connector whose tools live under
/// other name prefixes (cross-system tools named after the business object:
/// `customer_get_profile`).
pub fn validate_tool_name_in(prefixes: &[String], name: &str) -> Result<(), NameError> {
    let mut last = None;
    for prefix in prefixes {
        match validate_tool_name(prefix.trim_end_matches('_'), name) {
            Ok(()) => return Ok(()),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| NameError(format!("tool `{name}` has no allowed prefix"))))
}

/// `<connector>:<noun>:<read|write>`, prefixed by the connector id.
pub fn validate_permission(connector_id: &str, permission: &str) -> Result<(), NameError> {
    let parts: Vec<&str> = permission.split(':').collect();
    let ok_noun = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    };
    match parts.as_slice() {
        [conn, noun, access]
            if *conn == connector_id && ok_noun(noun) && matches!(*access, "read" | "write") =>
        {
            Ok(())
        }
        _ => Err(NameError(format!(
            "permission `{permission}` must be `{connector_id}:<noun>:<read|write>`"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_names() {
        assert!(validate_tool_name("hubspot", "hubspot_get_deal").is_ok());
        assert!(validate_tool_name("hubspot", "hubspot_").is_err());
        assert!(validate_tool_name("hubspot", "HubSpot_get").is_err());
        assert!(validate_tool_name("hubspot", "slack_get_user").is_err());
        assert!(validate_tool_name("hubspot", &format!("hubspot_{}", "x".repeat(60))).is_err());
    }

    #[test]
    fn permissions() {
        assert!(validate_permission("hubspot", "hubspot:deals:read").is_ok());
        assert!(validate_permission("hubspot", "hubspot:deals:admin").is_err());
        assert!(validate_permission("hubspot", "gong:calls:read").is_err());
        assert!(validate_permission("hubspot", "hubspot::read").is_err());
    }
}
