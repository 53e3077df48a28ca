//! Demo objects in Gong's wire shapes: users exactly as recorded
//! (`users_list.json`), calls, parties and transcripts per the published
//! schema (`CallBasicData`, `Party`, `CallTranscript`). Gong writes absent
//! values as `null` rather than leaving keys out, as the recordings show.

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::demo::calls::{gong_id, Attendee, Call, CallLibrary, GongUser};

/// Call times, as in the schema's examples (`2018-02-18T08:00:00Z`).
pub(super) fn call_time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A user (`/v2/users`, `/v2/users/{id}`): the recorded 17 keys.
pub(super) fn user(u: &GongUser) -> Value {
    let sales = u.title.contains("Account Executive");
    json!({
        "id": u.id,
        "emailAddress": u.email,
        "created": u.created.format("%Y-%m-%dT%H:%M:%S%.3f+00:00").to_string(),
        "active": true,
        "emailAliases": [],
        "trustedEmailAddress": null,
        "firstName": u.first_name,
        "lastName": u.last_name,
        "title": u.title,
        "phoneNumber": null,
        "extension": null,
        "personalMeetingUrls": [],
        "settings": {
            "webConferencesRecorded": true,
            "preventWebConferenceRecording": false,
            "telephonyCallsImported": sales,
            "emailsImported": sales,
            "preventEmailImport": false,
            "nonRecordedMeetingsImported": false,
            "gongConnectEnabled": false
        },
        "managerId": null,
        "meetingConsentPageUrl": null,
        "conferencingProviders": null,
        "spokenLanguages": []
    })
}

/// `CallBasicData`: the 20 fields of a call's metadata.
pub(super) fn meta(library: &CallLibrary, c: &Call) -> Value {
    let video = c.media == "Video";
    let host = c.attendees.first().and_then(|a| a.user_id.clone());
    json!({
        "id": c.id,
        "url": format!("https://app.gong.io/call?id={}", c.id),
        "title": c.title,
        "scheduled": call_time(c.scheduled),
        "started": call_time(c.started),
        "duration": c.duration_secs,
        "primaryUserId": host,
        "direction": c.direction,
        "system": c.system,
        "scope": if c.is_external() { "External" } else { "Internal" },
        "media": c.media,
        "language": "eng",
        "workspaceId": library.workspace_id,
        "sdrDisposition": null,
        "clientUniqueId": (!video).then(|| format!("aircall-{}", &c.id[..9])),
        "customData": null,
        "purpose": null,
        "meetingUrl": video.then(|| format!("https://northwind.zoom.us/j/{}", &c.id[..11])),
        "isPrivate": false,
        "calendarEventId": video.then(|| format!("{}@google.com", &c.id[3..15])),
    })
}

/// The id that links a speaker's monologues to their party.
pub(super) fn speaker_id(c: &Call, email: &str) -> String {
    gong_id(&format!("speaker:{}:{email}", c.id))
}

/// A `Party`: `userId` for Northwind's own people, `speakerId` only for
/// those who spoke.
pub(super) fn party(c: &Call, a: &Attendee) -> Value {
    let spoke = c.transcript.iter().any(|u| u.speaker_email == a.email);
    json!({
        "id": gong_id(&format!("party:{}:{}", c.id, a.email)),
        "emailAddress": a.email,
        "name": a.name,
        "title": a.title,
        "userId": a.user_id,
        "speakerId": spoke.then(|| speaker_id(c, &a.email)),
        "context": [],
        "affiliation": if a.is_internal() { "Internal" } else { "External" },
        "phoneNumber": null,
        "methods": ["Invitee", "Attendee"],
    })
}

/// One entry of `callTranscripts`: monologues with timed sentences.
pub(super) fn transcript(c: &Call) -> Value {
    let monologues: Vec<Value> = c
        .transcript
        .iter()
        .map(|u| {
            let sentences: Vec<Value> = u
                .sentences
                .iter()
                .map(|(start, end, text)| json!({"start": start, "end": end, "text": text}))
                .collect();
            json!({
                "speakerId": speaker_id(c, &u.speaker_email),
                "topic": u.topic,
                "sentences": sentences,
            })
        })
        .collect();
    json!({"callId": c.id, "transcript": monologues})
}
