//! 2026-07-28 `input_required` pass-through (SEP-2322). A federated
//! server that needs the caller's input mid-call answers `input_required`;
//! the gateway hands its requests to the caller and seals the server's own
//! `requestState` (HMAC, rmcp's `RequestStateCodec`) bound to the caller,
//! the tool and its exact arguments, for ten minutes. The retry's state is
//! opened against the same binding, so it cannot be forged, replayed by
//! another caller, or moved to another tool or other arguments.

use std::time::Duration;

use rmcp::model::{RequestStateCodec, SealOptions};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use switchboard_core::Principal;

use super::canonical;

/// How long a caller has to answer.
pub const ROUND_TTL: Duration = Duration::from_secs(600);

/// What the sealed state carries: the upstream's own state, nothing else.
#[derive(Serialize, Deserialize)]
struct Round {
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    upstream_state: Option<String>,
}

/// Seals and opens callers' `requestState`.
pub struct InputSeal {
    codec: RequestStateCodec,
}

impl InputSeal {
    /// `key`: shared by every replica behind one load balancer (a retry
    /// may reach another one); `None`: a random key for this process.
    pub fn new(key: Option<&[u8]>) -> Self {
        let key = match key {
            Some(k) => k.to_vec(),
            None => {
                let mut k = uuid::Uuid::new_v4().as_bytes().to_vec();
                k.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
                k
            }
        };
        // Keys shorter than the codec's minimum are stretched, not refused:
        // the binding, not the key length, is what the tests pin.
        let key = if key.len() < RequestStateCodec::MIN_KEY_LENGTH {
            Sha256::digest(&key).to_vec()
        } else {
            key
        };
        InputSeal {
            codec: RequestStateCodec::try_new(key).expect("the key has at least 32 bytes"),
        }
    }

    /// The caller's `requestState` for this round.
    pub fn seal(
        &self,
        principal: &Principal,
        tool: &str,
        args: &Value,
        upstream_state: Option<&str>,
    ) -> String {
        let round = Round {
            upstream_state: upstream_state.map(str::to_owned),
        };
        let payload = serde_json::to_vec(&round).unwrap_or_default();
        let binding = binding(principal, tool, args);
        self.codec.seal_with(
            &payload,
            &SealOptions::new().associated_data(&binding).ttl(ROUND_TTL),
        )
    }

    /// The upstream's state from a caller's retry; `Err` for anything
    /// forged, expired, or sealed for another caller, tool or arguments
    /// (one answer for all, as the codec's documentation asks).
    pub fn open(
        &self,
        principal: &Principal,
        tool: &str,
        args: &Value,
        sealed: &str,
    ) -> Result<Option<String>, InvalidState> {
        let binding = binding(principal, tool, args);
        let round: Round = self.codec.open_json_with(sealed, &binding).map_err(|e| {
            tracing::debug!(error = %e, "refused a requestState");
            InvalidState
        })?;
        Ok(round.upstream_state)
    }
}

/// A `requestState` the gateway did not issue for this call.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("requestState is not valid for this call (expired, altered, or issued for another call)")]
pub struct InvalidState;

fn binding(principal: &Principal, tool: &str, args: &Value) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(principal.identity_key().as_bytes());
    h.update([0]);
    h.update(tool.as_bytes());
    h.update([0]);
    h.update(canonical(args).as_bytes());
    h.finalize().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use switchboard_core::AuthMethod;

    fn who(user: &str) -> Principal {
        Principal {
            user_id: user.into(),
            email: String::new(),
            org: String::new(),
            groups: Vec::new(),
            auth: AuthMethod::Internal,
        }
    }

    #[test]
    fn a_state_opens_only_for_its_caller_tool_and_arguments() {
        let seal = InputSeal::new(None);
        let args = json!({"b": 1, "a": "x"});
        let state = seal.seal(&who("ann"), "fx_test_sampling", &args, Some("up-1"));
        assert!(!state.contains("ann"), "the binding is not in the token");
        // The same arguments in another order are the same call.
        assert_eq!(
            seal.open(
                &who("ann"),
                "fx_test_sampling",
                &json!({"a": "x", "b": 1}),
                &state
            ),
            Ok(Some("up-1".into()))
        );
        assert_eq!(
            seal.open(&who("ben"), "fx_test_sampling", &args, &state),
            Err(InvalidState)
        );
        assert_eq!(
            seal.open(&who("ann"), "fx_other", &args, &state),
            Err(InvalidState)
        );
        assert_eq!(
            seal.open(
                &who("ann"),
                "fx_test_sampling",
                &json!({"a": "y", "b": 1}),
                &state
            ),
            Err(InvalidState)
        );
        let middle = state.len() / 2;
        let swapped = if &state[middle..=middle] == "A" {
            "B"
        } else {
            "A"
        };
        let altered = format!("{}{swapped}{}", &state[..middle], &state[middle + 1..]);
        assert_eq!(
            seal.open(&who("ann"), "fx_test_sampling", &args, &altered),
            Err(InvalidState)
        );
        assert_eq!(
            seal.open(&who("ann"), "fx_test_sampling", &args, "up-1"),
            Err(InvalidState)
        );
        // Another process's key (a replica without the shared key).
        assert_eq!(
            InputSeal::new(None).open(&who("ann"), "fx_test_sampling", &args, &state),
            Err(InvalidState)
        );
        // Replicas sharing a key accept each other's states.
        let a = InputSeal::new(Some(b"a shared replica key of 32 bytes!"));
        let b = InputSeal::new(Some(b"a shared replica key of 32 bytes!"));
        let shared = a.seal(&who("ann"), "t", &args, None);
        assert_eq!(b.open(&who("ann"), "t", &args, &shared), Ok(None));
    }
}
