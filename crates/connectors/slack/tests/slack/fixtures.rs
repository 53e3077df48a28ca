//! Every recorded Slack payload parses into the model verbatim, and the
//! recorded error bodies map to the right kinds (shaping: `shaping.rs`).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use switchboard_core::ErrorKind;
use switchboard_slack::errors::{from_envelope, vendor_message};
use switchboard_slack::model::*;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn load<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Each fixture and the model type it must parse into; a new fixture
/// without an entry fails the test below. Every body also parses as the
/// `ok` envelope the client checks first.
fn parse(name: &str, text: &str) -> Result<(), serde_json::Error> {
    use serde_json::from_str;
    let envelope: Envelope = from_str(text)?;
    assert_eq!(envelope.ok, !name.starts_with("error_"), "{name}");
    match name {
        "auth_test.json" => from_str::<AuthTest>(text).map(drop),
        "chat_postMessage.json" | "chat_postMessage_spec.json" => {
            from_str::<PostMessage>(text).map(drop)
        }
        "conversations_history.json" => from_str::<History>(text).map(drop),
        "conversations_replies.json" | "conversations_replies_spec.json" => {
            from_str::<Replies>(text).map(drop)
        }
        "conversations_info.json" | "conversations_info_spec.json" => {
            from_str::<ChannelInfo>(text).map(drop)
        }
        "conversations_list.json" | "conversations_list_spec.json" => {
            from_str::<ChannelList>(text).map(drop)
        }
        "search_messages.json" => from_str::<SearchMessages>(text).map(drop),
        "users_info.json" | "users_info_spec.json" | "users_lookupByEmail.json" => {
            from_str::<UserInfo>(text).map(drop)
        }
        "users_list.json" => from_str::<UserList>(text).map(drop),
        n if n.starts_with("error_") => Ok(()),
        other => panic!("fixture {other} has no model type: add it to `parse`"),
    }
}

#[test]
fn every_fixture_parses_verbatim() {
    let names = switchboard_testkit::fixtures::names(&dir());
    assert_eq!(names.len(), 21, "{names:?}");
    for name in &names {
        parse(name, &text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The copies match `../shared` when it is checked out beside the repo.
#[test]
fn copies_match_the_shared_originals() {
    switchboard_testkit::fixtures::assert_copies_match_shared(
        env!("CARGO_MANIFEST_DIR"),
        "slack",
        &dir(),
    );
}

#[test]
fn recorded_error_bodies_map_to_kinds() {
    for (name, kind) in [
        ("error_channel_not_found.json", ErrorKind::NotFound),
        ("error_invalid_auth.json", ErrorKind::UpstreamDenied),
        ("error_invalid_cursor.json", ErrorKind::InvalidArgs),
        ("error_missing_scope.json", ErrorKind::UpstreamDenied),
        ("error_search_no_query.json", ErrorKind::InvalidArgs),
        ("error_user_not_found.json", ErrorKind::NotFound),
    ] {
        let envelope: Envelope = load(name);
        let e = from_envelope("some.method", &envelope, 200, None);
        assert_eq!(
            (e.kind, e.upstream_status),
            (kind, Some(200)),
            "{name}: {}",
            e.message
        );
    }
    let scope: Envelope = load("error_missing_scope.json");
    let e = from_envelope("admin.apps.requests.list", &scope, 200, None);
    assert!(
        e.message.contains("needed scope: admin.apps:read"),
        "{}",
        e.message
    );
    assert_eq!(
        scope.provided.as_deref(),
        Some("read,client,admin,identify,post,apps")
    );
    let body: serde_json::Value = load("error_missing_scope.json");
    assert_eq!(
        vendor_message(&body).as_deref(),
        Some("missing_scope (needed scope: admin.apps:read)")
    );
}
