//! Intuit's `Fault` bodies: the message and code shown to the model, and
//! a 2xx body that carries a fault instead of data.

use serde::de::DeserializeOwned;
use serde_json::Value;
use switchboard_core::{ConnectorError, ErrorKind};
use switchboard_upstream::generic_vendor_message;

use crate::model::FaultBody;

/// Parses a 2xx body, refusing one that carries a `Fault` instead (a
/// 200 may: Intuit documents it for batch items).
pub(crate) fn decode<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, ConnectorError> {
    let unreadable = |e: serde_json::Error| {
        ConnectorError::new(
            ErrorKind::Upstream,
            "QuickBooks returned a response the gateway could not read",
        )
        .with_status(status)
        .with_source(e)
    };
    let value: Value = serde_json::from_slice(body).map_err(unreadable)?;
    if value.get("Fault").or_else(|| value.get("fault")).is_some() {
        let detail = vendor_message(&value).unwrap_or_else(|| "unknown fault".into());
        return Err(ConnectorError::new(
            ErrorKind::Upstream,
            format!("QuickBooks answered with a fault: {detail}"),
        )
        .with_status(status));
    }
    serde_json::from_value(value).map_err(unreadable)
}

/// `[<type> <code>] <message>: <detail>` from a `Fault` body. Intuit's
/// auth messages look like `message=AuthenticationFailed; errorCode=...`:
/// only the name is kept.
pub fn vendor_message(body: &Value) -> Option<String> {
    let Ok(fault) = serde_json::from_value::<FaultBody>(body.clone()) else {
        return generic_vendor_message(body);
    };
    let first = fault.fault.errors.first()?;
    let clean = |s: &str| -> String {
        let s = s.trim();
        match s.strip_prefix("message=") {
            Some(rest) => rest.split(';').next().unwrap_or(rest).trim().to_owned(),
            None => s.to_owned(),
        }
    };
    let message = first.message.as_deref().map(clean).unwrap_or_default();
    let detail = first.detail.as_deref().map(str::trim).unwrap_or_default();
    let mut text = match (message.is_empty(), detail.is_empty() || detail == message) {
        (false, false) => format!("{message}: {detail}"),
        (false, true) => message,
        (true, _) => detail.to_owned(),
    };
    let code = first.code.as_deref().map(|c| c.trim_start_matches('0'));
    let tag: Vec<&str> = [fault.fault.kind.as_deref(), code]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !tag.is_empty() {
        text = format!("[{}] {text}", tag.join(" "));
    }
    Some(text)
}

/// The fault code `vendor_message` put into an error's message.
pub fn fault_code(e: &ConnectorError) -> Option<&str> {
    let start = e.message.find('[')? + 1;
    let end = start + e.message[start..].find(']')?;
    e.message[start..end]
        .split_whitespace()
        .last()
        .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_messages_and_codes() {
        let body = serde_json::json!({"Fault": {"Error": [{"Message": "Object Not Found",
            "Detail": "Object Not Found : Something you're trying to use has been made inactive.",
            "code": "610", "element": ""}], "type": "ValidationFault"}, "time": "x"});
        let m = vendor_message(&body).unwrap();
        assert!(
            m.starts_with("[ValidationFault 610] Object Not Found: Object Not Found :"),
            "{m}"
        );
        let e = ConnectorError::invalid_args(format!(
            "QuickBooks rejected the request (HTTP 400): {m}"
        ));
        assert_eq!(fault_code(&e), Some("610"));

        let gateway = serde_json::json!({"fault": {"error": [{"message":
            "message=AuthenticationFailed; errorCode=003200; statusCode=401",
            "detail": "Token expired", "code": "3200"}], "type": "AUTHENTICATION"}});
        assert_eq!(
            vendor_message(&gateway).unwrap(),
            "[AUTHENTICATION 3200] AuthenticationFailed: Token expired"
        );
        assert_eq!(
            vendor_message(&serde_json::json!({"message": "x"})).unwrap(),
            "x"
        );
        assert_eq!(fault_code(&ConnectorError::internal("no tag")), None);
    }

    #[test]
    fn a_fault_inside_a_200_is_an_error() {
        let body = br#"{"Fault": {"Error": [{"Message": "Stale Object Error", "code": "5010"}], "type": "ValidationFault"}, "time": "x"}"#;
        let e = decode::<Value>(200, body).unwrap_err();
        assert_eq!(
            (e.kind, e.upstream_status),
            (ErrorKind::Upstream, Some(200))
        );
        assert!(
            e.message
                .contains("[ValidationFault 5010] Stale Object Error"),
            "{}",
            e.message
        );
        assert_eq!(
            decode::<Value>(200, b"{\"QueryResponse\": {}}").unwrap()["QueryResponse"],
            serde_json::json!({})
        );
        assert_eq!(
            decode::<Value>(200, b"{\"Query").unwrap_err().kind,
            ErrorKind::Upstream
        );
    }
}
