//! Gong's wire types. Users, workspaces, library folders and errors are
//! modelled on the recordings in `upstream-fixtures/gong`; calls, parties
//! and transcripts on Gong's published schema (no public example payload
//! exists). Only what the tools read is required: Gong warns that it adds
//! fields without notice, so unknown fields are ignored and most known
//! ones are optional.

mod calls;

use serde::Deserialize;

pub use calls::*;

/// The paging block of every list answer; `cursor` only while more pages
/// remain.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Records {
    pub total_records: u64,
    pub current_page_size: u64,
    pub current_page_number: u64,
    #[serde(default)]
    pub cursor: Option<String>,
}

/// A Gong user (`/v2/users`, `/v2/users/{id}`, `/v2/users/extensive`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub email_aliases: Option<Vec<String>>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub manager_id: Option<String>,
}

fn yes() -> bool {
    true
}

/// `GET /v2/users` and `POST /v2/users/extensive`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsersPage {
    pub request_id: String,
    pub records: Records,
    pub users: Vec<User>,
}

/// `GET /v2/users/{id}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserResponse {
    pub request_id: String,
    pub user: User,
}

/// `GET /v2/workspaces`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspacesResponse {
    pub request_id: String,
    pub workspaces: Vec<Workspace>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Workspace {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// `GET /v2/library/folders`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryFolders {
    pub request_id: String,
    #[serde(default)]
    pub records: Option<Records>,
    pub folders: Vec<LibraryFolder>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LibraryFolder {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub parent_folder_id: Option<String>,
    #[serde(default)]
    pub created_by: Option<String>,
    #[serde(default)]
    pub updated: Option<String>,
}

/// Gong's error body; meeting endpoints add a user-facing explanation.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub request_id: String,
    pub errors: Vec<String>,
    #[serde(default)]
    pub user_facing_error: Option<String>,
    #[serde(default)]
    pub help_url: Option<String>,
}
