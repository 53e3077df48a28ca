//! One file per tool; `crate::connector` registers them all.

mod get_call;
mod get_transcript;
mod list_calls;
mod list_users;

pub use get_call::GetCall;
pub use get_transcript::GetTranscript;
pub use list_calls::ListCalls;
pub use list_users::ListUsers;

use switchboard_core::ConnectorError;

/// Gong answers an unknown call id with "no calls found" (404): say which.
pub(crate) fn no_such_call(id: &str) -> ConnectorError {
    ConnectorError::not_found(format!("Gong has no call with id {id}")).with_status(404)
}
