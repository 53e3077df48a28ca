//! The axum middleware in front of `/mcp`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};

use super::{AuthError, Authenticator, ProtectedResource};

/// What the middleware needs.
#[derive(Clone)]
pub struct AuthState {
    pub authenticator: Arc<dyn Authenticator>,
    /// Served at the well-known path; named in every 401's challenge.
    pub resource: Arc<ProtectedResource>,
}

/// Authenticates the request or answers 401. On success the principal is in
/// the request extensions as `Arc<Principal>`.
pub async fn authenticate(
    State(state): State<AuthState>,
    mut request: Request,
    next: Next,
) -> Response {
    match bearer(&request).map(str::to_owned) {
        Ok(token) => match state.authenticator.authenticate(&token).await {
            Ok(principal) => {
                request.extensions_mut().insert(principal);
                next.run(request).await
            }
            Err(e) => unauthorized(&state, e),
        },
        Err(e) => unauthorized(&state, e),
    }
}

fn bearer(request: &Request) -> Result<&str, AuthError> {
    let query = request.uri().query().unwrap_or("");
    if query
        .split('&')
        .any(|pair| pair.starts_with("access_token="))
    {
        return Err(AuthError::InQuery);
    }
    let value = request
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or(AuthError::Missing)?
        .to_str()
        .map_err(|_| AuthError::Invalid)?;
    let (scheme, token) = value.split_once(' ').ok_or(AuthError::Invalid)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(AuthError::Invalid);
    }
    Ok(token.trim())
}

fn unauthorized(state: &AuthState, error: AuthError) -> Response {
    let base = state.resource.challenge();
    let challenge = match error {
        AuthError::Missing => base,
        AuthError::Invalid => format!("{base}, error=\"invalid_token\""),
        AuthError::InQuery => format!("{base}, error=\"invalid_request\""),
    };
    let body = serde_json::json!({"error": "unauthorized", "error_description": error.to_string()});
    let mut response = (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&challenge) {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    response
}
