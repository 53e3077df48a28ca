//! Checks every connector applies to its tools' arguments, with one wording
//! for the model: `invalid argument `<field>`: <why>`.

use crate::ConnectorError;

/// An invalid-arguments error naming the field.
pub fn bad(field: &str, why: impl std::fmt::Display) -> ConnectorError {
    ConnectorError::invalid_args(format!("invalid argument `{field}`: {why}"))
}

/// `field` within `min..=max`, `default` when absent.
pub fn bounded(
    field: &str,
    value: Option<u32>,
    default: usize,
    min: usize,
    max: usize,
) -> Result<usize, ConnectorError> {
    match value {
        None => Ok(default),
        Some(n) if (min..=max).contains(&(n as usize)) => Ok(n as usize),
        Some(n) => Err(bad(
            field,
            format!("must be between {min} and {max}, got {n}"),
        )),
    }
}

/// `limit` within `1..=max`, `default` when absent.
pub fn limit(value: Option<u32>, default: usize, max: usize) -> Result<usize, ConnectorError> {
    bounded("limit", value, default, 1, max)
}

/// An opaque `next_cursor` a previous call returned: at most `max_len`
/// bytes of ASCII letters, digits and the vendor's `extra` bytes; empty
/// means absent.
pub fn opaque_cursor(
    value: Option<&str>,
    max_len: usize,
    extra: &[u8],
) -> Result<Option<String>, ConnectorError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let ok = v.len() <= max_len
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b));
    if !ok {
        return Err(bad(
            "cursor",
            "must be a `next_cursor` from a previous call",
        ));
    }
    Ok(Some(v.to_owned()))
}
