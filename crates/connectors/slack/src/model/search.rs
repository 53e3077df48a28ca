//! `search.messages`.

use serde::Deserialize;

/// `search.messages`: page-based, not cursor-based.
#[derive(Debug, Clone, Deserialize)]
pub struct SearchMessages {
    pub query: String,
    pub messages: SearchResults,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SearchResults {
    pub matches: Vec<SearchMatch>,
    pub total: u64,
    pub paging: Paging,
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SearchMatch {
    pub channel: SearchChannel,
    pub ts: String,
    #[serde(default)]
    pub text: String,
    /// Empty for some bot posts, which then carry `username`.
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub permalink: Option<String>,
    #[serde(default)]
    pub iid: Option<String>,
    #[serde(default)]
    pub team: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SearchChannel {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub is_private: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Paging {
    pub count: u32,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Pagination {
    pub first: u64,
    pub last: u64,
    pub page: u32,
    pub page_count: u32,
    pub per_page: u32,
    pub total_count: u64,
}
