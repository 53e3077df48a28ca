//! Calls, parties and transcripts: NO PUBLIC EXAMPLE PAYLOAD EXISTS for
//! them (`shared/upstream-fixtures/SOURCES.md`, "Gaps"), so these payloads
//! are assembled from Gong's published OpenAPI schema (`Calls`,
//! `CallBasicData` with its 20 fields, `Party` with its 10, `CallTranscripts`
//! / `Monologue` / `Sentence`) using the spec's per-field example values
//! where it gives them. They are synthetic, and labelled so here.

use serde_json::{json, Value};
use switchboard_gong::model::*;
use switchboard_gong::shape::{self, transcript};

const CALL_ID: &str = "7782342274025937895";
const CURSOR: &str =
    "eyJhbGciOiJIUzI1NiJ9.eyJjYWxsSWQiM1M30.6qKwpOcvnuweTZmFRzYdtjs_YwJphJU4QIwWFM";

/// `CallBasicData` per the schema.
pub fn meta_data() -> Value {
    json!({
        "id": CALL_ID,
        "url": format!("https://app.gong.io/call?id={CALL_ID}"),
        "title": "Acme renewal",
        "scheduled": "2018-02-18T02:30:00-07:00",
        "started": "2018-02-18T02:31:12-07:00",
        "duration": 460,
        "primaryUserId": "234599484848423",
        "direction": "Conference",
        "system": "Zoom",
        "scope": "External",
        "media": "Video",
        "language": "eng",
        "workspaceId": "623457276584334",
        "sdrDisposition": null,
        "clientUniqueId": null,
        "customData": null,
        "purpose": null,
        "meetingUrl": "https://zoom.us/j/123456789",
        "isPrivate": false,
        "calendarEventId": "abcde@google.com"
    })
}

/// `Party` per the schema: a host (a Gong user) and a customer.
pub fn parties() -> Value {
    json!([
        {"id": "56825452554556", "emailAddress": "host@company.example", "name": "Hannah Host",
         "title": "Account Executive", "userId": "234599484848423", "speakerId": "6432345678555530067",
         "context": [], "affiliation": "Internal", "phoneNumber": null, "methods": ["Invitee"]},
        {"id": "56825452554557", "emailAddress": "cora@customer.example", "name": "Cora Customer",
         "title": "VP Operations", "userId": null, "speakerId": "6432345678555530068",
         "context": [], "affiliation": "External", "phoneNumber": "+1 555 0100", "methods": ["Attendee"]},
        {"id": "56825452554558", "emailAddress": null, "name": "Dial-in", "title": null,
         "userId": null, "speakerId": null, "context": null, "affiliation": "Unknown",
         "phoneNumber": null, "methods": null}
    ])
}

pub fn records(cursor: bool) -> Value {
    let mut r = json!({"totalRecords": 263, "currentPageSize": 100, "currentPageNumber": 0});
    if cursor {
        r["cursor"] = CURSOR.into();
    }
    r
}

#[test]
fn calls_and_extensive_calls_parse_and_shape() {
    let list: CallsPage = serde_json::from_value(json!({
        "requestId": "4al018gzaztcr8nbukw", "records": records(true), "calls": [meta_data()]
    }))
    .unwrap();
    assert_eq!(list.records.cursor.as_deref(), Some(CURSOR));
    assert_eq!(list.calls[0].duration, Some(460.0));
    let one: SpecificCall =
        serde_json::from_value(json!({"requestId": "x", "call": meta_data()})).unwrap();
    assert_eq!(one.call.scope.as_deref(), Some("External"));

    let page: ExtensivePage = serde_json::from_value(json!({
        "requestId": "4al018gzaztcr8nbukw", "records": records(false),
        "calls": [{"metaData": meta_data(), "parties": parties()}]
    }))
    .unwrap();
    let call = &page.calls[0];
    let summary = shape::summary(call, None);
    assert_eq!(
        summary.started.as_deref(),
        Some("2018-02-18T09:31:12Z"),
        "UTC"
    );
    assert_eq!(summary.duration_minutes, Some(8));
    assert_eq!(summary.host.as_ref().unwrap().name, "Hannah Host");
    let external: Vec<&str> = summary.external.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        external,
        ["Cora Customer", "Dial-in"],
        "Unknown counts as outside"
    );

    let detail = shape::detail(call, None);
    assert_eq!(detail.internal.len(), 1);
    assert_eq!(detail.external[0].title.as_deref(), Some("VP Operations"));
    assert_eq!(
        detail.external[0].email.as_deref(),
        Some("cora@customer.example")
    );
    assert_eq!(detail.external[1].email, None);
    assert_eq!(
        detail.url.as_deref(),
        Some("https://app.gong.io/call?id=7782342274025937895")
    );

    // Without parties the host is named by the directory, or by id.
    let bare: ExtensiveCall = serde_json::from_value(json!({"metaData": meta_data()})).unwrap();
    assert!(shape::host_needs_directory(&bare));
    assert_eq!(
        shape::host(&bare, None).unwrap().name,
        "Gong user 234599484848423"
    );
}

#[test]
fn transcripts_parse_and_read_as_named_lines() {
    let page: TranscriptPage = serde_json::from_value(json!({
        "requestId": "4al018gzaztcr8nbukw", "records": records(false),
        "callTranscripts": [{"callId": CALL_ID, "transcript": [
            {"speakerId": "6432345678555530067", "topic": "Objections", "sentences": [
                {"start": 460230, "end": 462343, "text": "No wait, I think we should check that out first."}]},
            {"speakerId": "6432345678555530067", "topic": null, "sentences": [
                {"start": 462500, "end": 463900, "text": "Shall we?"}]},
            {"speakerId": "6432345678555530068", "topic": "Pricing", "sentences": [
                {"start": 464000, "end": 466000, "text": "Yes."}, {"start": 466100, "end": 467000, "text": " "}]},
            {"speakerId": "999", "topic": "Objections", "sentences": [
                {"start": 468000, "end": 469000, "text": "Hello?"}]}
        ]}]
    }))
    .unwrap();
    let parties: Vec<Party> = serde_json::from_value(parties()).unwrap();
    let t = &page.call_transcripts[0];
    assert_eq!(
        transcript::lines(t, &parties),
        [
            "Hannah Host: No wait, I think we should check that out first. Shall we?",
            "Cora Customer: Yes.",
            "Unknown speaker: Hello?",
        ]
    );
    assert_eq!(transcript::topics(t), ["Objections", "Pricing"]);
}
