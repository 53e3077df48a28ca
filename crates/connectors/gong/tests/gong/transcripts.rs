//! `gong_get_transcript` against the fake: speakers named from the call's
//! parties, the character budget, and the text rendering.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::{CallContext, ErrorKind};
use switchboard_testkit::demo::calls::call_library;

use crate::common::{call, env};

#[tokio::test]
async fn lines_name_their_speakers() {
    let env = env().await;
    let acme = call_library().last_call("acme-robotics.example").unwrap();
    let got = call(
        &env.gong,
        "gong_get_transcript",
        json!({"call_id": acme.id}),
    )
    .await
    .unwrap();
    assert_eq!(got["title"], "Acme Robotics — renewal review");
    let lines: Vec<&str> = got["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[0],
        "Sam Carter: Thanks for making time, Dana. The goal today is to walk through the renewal before December 15."
    );
    assert_eq!(
        lines[2],
        "Lena Okafor: Before we sign, the fleet sync failures since the agent 4.2 upgrade have to be fixed."
    );
    assert!(lines[3].starts_with("Sam Carter: The proposal is $252,000 for the next term."));
    assert_eq!(
        lines[4],
        "Lena Okafor: That is higher than we budgeted. Is there flexibility on a two-year commitment?"
    );
    assert_eq!(
        got["topics"],
        json!(["Renewal", "Open Issues", "Pricing", "Next Steps"])
    );
    assert_eq!(got["truncated"], false);
    assert_eq!(got["chars"], got["total_chars"]);
    assert!(got.get("note").is_none());
    assert_eq!(env.server.hits.path("/v2/calls/extensive"), 1);
    assert_eq!(env.server.hits.path("/v2/calls/transcript"), 1);
}

#[tokio::test]
async fn the_budget_trims_and_says_so() {
    let env = env().await;
    let call_id = &call_library()
        .last_call("globex-logistics.example")
        .unwrap()
        .id;
    let full = call(
        &env.gong,
        "gong_get_transcript",
        json!({"call_id": call_id}),
    )
    .await
    .unwrap();
    let total = full["total_chars"].as_u64().unwrap();
    assert!(total > 400, "{total}");

    let short = call(
        &env.gong,
        "gong_get_transcript",
        json!({"call_id": call_id, "max_chars": 200}),
    )
    .await
    .unwrap();
    assert_eq!(short["truncated"], true);
    assert!(short["chars"].as_u64().unwrap() <= 200);
    assert_eq!(short["total_chars"], total);
    let shown: usize = short["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().chars().count() + 1)
        .sum();
    assert_eq!(shown - 1, short["chars"].as_u64().unwrap() as usize);
    assert_eq!(
        short["note"],
        format!(
            "Trimmed to {} of {total} characters; ask again with max_chars={total} for all of it.",
            short["chars"]
        )
    );
    assert!(short["lines"][0]
        .as_str()
        .unwrap()
        .starts_with("Tom Becker: "));

    // Clients that show only text get the same lines.
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal("sales@demo", &["sales"]),
        Instant::now() + Duration::from_secs(5),
    );
    let out = env
        .gong
        .call(
            &ctx,
            "gong_get_transcript",
            json!({"call_id": call_id, "max_chars": 200}),
        )
        .await
        .unwrap();
    let text = out.text.unwrap();
    assert!(text.starts_with("Globex Logistics — renewal review (2026-11-22T"));
    assert!(text.contains("\nTom Becker: ") && text.ends_with("for all of it.]"));
}

#[tokio::test]
async fn unknown_calls_are_not_found() {
    let env = env().await;
    let err = call(
        &env.gong,
        "gong_get_transcript",
        json!({"call_id": "1234567890123456789"}),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::NotFound,
            "Gong has no call with id 1234567890123456789"
        )
    );
}
