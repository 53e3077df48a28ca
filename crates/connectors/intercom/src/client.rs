//! A thin Intercom layer over `UpstreamClient`: the pinned version header,
//! the paths, search with cursor paging up to a limit, the note write,
//! and Intercom's `error.list` message.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::{
    collect_pages, Auth, Page, Quota, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest,
};
use url::Url;

use crate::model::{
    Admin, AdminList, Company, CompanyList, Contact, ContactList, Conversation, ConversationList,
    Ticket, TicketList,
};
use crate::query::{Pagination, Query, SearchBody};

/// Intercom's cap on one search page.
pub const SEARCH_PAGE_MAX: usize = 150;

/// A search endpoint and the list it answers with.
pub trait Searchable: DeserializeOwned + Send {
    type Item: Send;
    const PATH: &'static str;
    fn into_page(self) -> (Vec<Self::Item>, u64, Option<String>);
}

impl Searchable for ConversationList {
    type Item = Conversation;
    const PATH: &'static str = "/conversations/search";
    fn into_page(self) -> (Vec<Conversation>, u64, Option<String>) {
        let next = self.pages.starting_after();
        (self.conversations, self.total_count, next)
    }
}

impl Searchable for ContactList {
    type Item = Contact;
    const PATH: &'static str = "/contacts/search";
    fn into_page(self) -> (Vec<Contact>, u64, Option<String>) {
        let next = self.pages.starting_after();
        (self.data, self.total_count, next)
    }
}

impl Searchable for TicketList {
    type Item = Ticket;
    const PATH: &'static str = "/tickets/search";
    fn into_page(self) -> (Vec<Ticket>, u64, Option<String>) {
        let next = self.pages.starting_after();
        (self.tickets, self.total_count, next)
    }
}

/// Collected search results.
#[derive(Debug)]
pub struct Found<T> {
    pub items: Vec<T>,
    /// Every match, not just the ones returned.
    pub total: u64,
    pub next_cursor: Option<String>,
}

/// The connector's Intercom client.
#[derive(Debug, Clone)]
pub struct Client {
    upstream: UpstreamClient,
}

impl Client {
    pub fn new(base_url: Url, token: Secret, timeout: Duration) -> Result<Self, ConnectorError> {
        let mut config = UpstreamConfig::new("Intercom", base_url, Auth::Bearer(token));
        config.timeout = timeout;
        config.vendor_message = vendor_message;
        // Intercom's default app limit, 10,000 calls a minute, is enforced
        // in 10-second windows: about 1,666 per window. Staying under it
        // never earns a 429 (the workspace-wide 25,000 is higher).
        config.quota = Some(Quota {
            requests: 1_666,
            per: Duration::from_secs(10),
        });
        let header = "intercom-version".parse();
        let value = crate::VERSION.parse();
        match (header, value) {
            (Ok(h), Ok(v)) => config.default_headers.push((h, v)),
            _ => return Err(ConnectorError::internal("invalid Intercom-Version header")),
        }
        Ok(Client {
            upstream: UpstreamClient::new(config)?,
        })
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ConnectorError> {
        let mut request = UpstreamRequest::get(path);
        for (key, value) in query {
            request = request.query(*key, value);
        }
        self.upstream.get_json(ctx, request).await
    }

    /// One search page of at most `per_page` items.
    pub async fn search_page<L: Searchable>(
        &self,
        ctx: &CallContext,
        query: &Query,
        per_page: usize,
        starting_after: Option<String>,
    ) -> Result<L, ConnectorError> {
        let body = SearchBody {
            query,
            pagination: Pagination {
                per_page: per_page.clamp(1, SEARCH_PAGE_MAX),
                starting_after,
            },
        };
        let request = UpstreamRequest::post(L::PATH, &body).idempotent();
        self.upstream.get_json(ctx, request).await
    }

    /// Searches page by page (each sized to what is still wanted) until
    /// `limit` items are collected or Intercom has no more.
    pub async fn search<L: Searchable>(
        &self,
        ctx: &CallContext,
        query: &Query,
        limit: usize,
        cursor: Option<String>,
    ) -> Result<Found<L::Item>, ConnectorError> {
        let total = std::sync::OnceLock::new();
        let (items, next_cursor) = collect_pages(limit, cursor, |cursor, wanted| {
            let total = &total;
            async move {
                let page: L = self.search_page(ctx, query, wanted, cursor).await?;
                let (items, count, next) = page.into_page();
                let _ = total.set(count);
                Ok(Page { items, next })
            }
        })
        .await?;
        let total = total.get().copied().unwrap_or(items.len() as u64);
        Ok(Found {
            items,
            total,
            next_cursor,
        })
    }

    pub async fn conversation(
        &self,
        ctx: &CallContext,
        id: &str,
    ) -> Result<Conversation, ConnectorError> {
        self.get(ctx, &format!("/conversations/{id}"), &[]).await
    }

    pub async fn contact(&self, ctx: &CallContext, id: &str) -> Result<Contact, ConnectorError> {
        self.get(ctx, &format!("/contacts/{id}"), &[]).await
    }

    pub async fn company(&self, ctx: &CallContext, id: &str) -> Result<Company, ConnectorError> {
        self.get(ctx, &format!("/companies/{id}"), &[]).await
    }

    /// The company with exactly this name (Intercom answers 404 if none).
    pub async fn company_named(
        &self,
        ctx: &CallContext,
        name: &str,
    ) -> Result<Option<Company>, ConnectorError> {
        let list: CompanyList = self
            .get(ctx, "/companies", &[("name", name.to_owned())])
            .await?;
        Ok(list.data.into_iter().next())
    }

    /// The first `per_page` contacts attached to a company.
    pub async fn company_contacts(
        &self,
        ctx: &CallContext,
        id: &str,
        per_page: usize,
    ) -> Result<ContactList, ConnectorError> {
        let query = [("page", "1".to_owned()), ("per_page", per_page.to_string())];
        self.get(ctx, &format!("/companies/{id}/contacts"), &query)
            .await
    }

    pub async fn ticket(&self, ctx: &CallContext, id: &str) -> Result<Ticket, ConnectorError> {
        self.get(ctx, &format!("/tickets/{id}"), &[]).await
    }

    /// Every teammate (Intercom returns them in one list).
    pub async fn admins(&self, ctx: &CallContext) -> Result<Vec<Admin>, ConnectorError> {
        let list: AdminList = self.get(ctx, "/admins", &[]).await?;
        Ok(list.admins)
    }

    /// Posts an internal note as `admin_id`; answers the conversation with
    /// the note among its parts. Never retried: a repeat would post twice.
    pub async fn add_note(
        &self,
        ctx: &CallContext,
        conversation_id: &str,
        admin_id: &str,
        html: &str,
    ) -> Result<Conversation, ConnectorError> {
        let body =
            json!({"message_type": "note", "type": "admin", "admin_id": admin_id, "body": html});
        let path = format!("/conversations/{conversation_id}/reply");
        self.upstream
            .get_json(ctx, UpstreamRequest::post(path, &body))
            .await
    }
}

/// Intercom's `errors[].message` (with its `code`), all of them joined.
pub fn vendor_message(body: &Value) -> Option<String> {
    let errors = body.get("errors")?.as_array()?;
    let messages: Vec<String> = errors
        .iter()
        .filter_map(|e| {
            let code = e.get("code").and_then(Value::as_str).unwrap_or_default();
            let message = e.get("message").and_then(Value::as_str).map(str::trim)?;
            Some(if code.is_empty() {
                message.to_owned()
            } else {
                format!("{message} [{code}]")
            })
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}
