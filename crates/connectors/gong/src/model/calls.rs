//! Calls, parties and transcripts. No public example payload exists for
//! them, so they follow Gong's published schema (`CallBasicData`, `Party`,
//! `CallTranscripts`); most fields are optional, unknown ones ignored.

use serde::{Deserialize, Serialize};

use super::Records;

/// `CallBasicData`: a call's metadata.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallMeta {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub scheduled: Option<String>,
    #[serde(default)]
    pub started: Option<String>,
    /// Seconds.
    #[serde(default)]
    pub duration: Option<f64>,
    #[serde(default)]
    pub primary_user_id: Option<String>,
    /// "Inbound", "Outbound", "Conference" or "Unknown".
    #[serde(default)]
    pub direction: Option<String>,
    #[serde(default)]
    pub system: Option<String>,
    /// "Internal", "External" or "Unknown".
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub media: Option<String>,
    /// ISO-639-2B ("eng").
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub workspace_id: Option<String>,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub is_private: Option<bool>,
}

/// `GET /v2/calls`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallsPage {
    pub request_id: String,
    pub records: Records,
    pub calls: Vec<CallMeta>,
}

/// `GET /v2/calls/{id}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecificCall {
    pub request_id: String,
    pub call: CallMeta,
}

/// A participant (`Party`). `userId` is set for the company's own Gong
/// users; `speakerId` links to transcript monologues.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub speaker_id: Option<String>,
    /// "Internal", "External" or "Unknown".
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub methods: Option<Vec<String>>,
}

/// One call of `POST /v2/calls/extensive`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtensiveCall {
    pub meta_data: CallMeta,
    #[serde(default)]
    pub parties: Option<Vec<Party>>,
}

/// `POST /v2/calls/extensive`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtensivePage {
    pub request_id: String,
    pub records: Records,
    pub calls: Vec<ExtensiveCall>,
}

/// `POST /v2/calls/transcript`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptPage {
    pub request_id: String,
    pub records: Records,
    pub call_transcripts: Vec<CallTranscript>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallTranscript {
    pub call_id: String,
    pub transcript: Vec<Monologue>,
}

/// Consecutive sentences of one speaker.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Monologue {
    #[serde(default)]
    pub speaker_id: Option<String>,
    #[serde(default)]
    pub topic: Option<String>,
    pub sentences: Vec<Sentence>,
}

/// Milliseconds from the start of the recording.
#[derive(Debug, Clone, Deserialize)]
pub struct Sentence {
    pub start: i64,
    pub end: i64,
    pub text: String,
}

/// The `filter` of the calls POST endpoints.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallsFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_date_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_ids: Option<Vec<String>>,
}
