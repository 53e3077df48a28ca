//! The responses QuickBooks sends when it will not answer JSON data: the
//! throttling and failure bodies the shared fault layer sends, and the XML
//! a request without `Accept: application/json` gets.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{Qbo, CONTENT_TYPE};
use crate::fake::FaultResponses;

/// QuickBooks answers XML unless asked for `Accept: application/json`;
/// the fake serves JSON only, so it answers an XML fault saying so.
pub(super) fn xml_only(state: &Qbo) -> Response {
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="{}"><Fault type="ValidationFault"><Error code="4000"><Message>Unsupported media type</Message><Detail>This fake serves JSON only: send Accept: application/json</Detail></Error></Fault></IntuitResponse>"#,
        state.time()
    );
    let mut response = (StatusCode::NOT_ACCEPTABLE, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml"),
    );
    response
}

/// Throttling and failure as Intuit sends them (`ThrottleExceeded`,
/// code 3001; a `SystemFault` 10000).
pub(super) fn fault_responses() -> FaultResponses {
    let fault = |kind: &str, code: &str, message: &str, detail: &str| {
        json!({
            "Fault": {"Error": [{"Message": message, "Detail": detail, "code": code, "element": ""}], "type": kind},
            "time": "2026-11-25T09:00:00.000-08:00",
        })
    };
    FaultResponses {
        rate_limited: fault(
            "ThrottlingFault",
            "3001",
            "message=ThrottleExceeded; errorCode=003001; statusCode=429",
            "The request limit was reached.",
        ),
        rate_limited_headers: Vec::new(),
        server_error: fault(
            "SystemFault",
            "10000",
            "An application error has occurred while processing your request",
            "System Failure Error: An unexpected error occurred while accessing or saving your data.",
        ),
        content_type: HeaderValue::from_static(CONTENT_TYPE),
    }
}
