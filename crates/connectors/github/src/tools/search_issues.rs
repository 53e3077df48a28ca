//! `github_search_issues`: GitHub's issue and pull request search, with
//! helpers for the common qualifiers. `@me` in the query means the caller
//! (resolved from their email), never the gateway's own account.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::UpstreamRequest;

use crate::client::Api;
use crate::cursor::Position;
use crate::model::{Issue, SearchResponse};
use crate::shape::{self, IssueSummary};
use crate::{args, GitHub};

/// GitHub serves the first 1,000 results of a search, no more.
const WINDOW: u64 = 1_000;

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OpenClosed {
    Open,
    Closed,
}

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Issue,
    Pr,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// GitHub search syntax, e.g. `label:bug sso`; `@me` is you.
    pub query: Option<String>,
    /// `owner/name`.
    pub repo: Option<String>,
    pub state: Option<OpenClosed>,
    #[serde(rename = "type")]
    pub kind: Option<Kind>,
    /// Max results (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// All matches, not just these.
    pub total: u64,
    /// GitHub timed out: results may be partial.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
    pub items: Vec<IssueSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Whether `q` has a qualifier value `@me` (`assignee:@me`).
fn mentions_me(q: &str) -> bool {
    q.split_whitespace()
        .any(|t| t.to_ascii_lowercase().ends_with(":@me"))
}

/// `@me` → the caller's login in every qualifier.
fn rewrite_me(q: &str, login: &str) -> String {
    q.split_whitespace()
        .map(|t| match t.len().checked_sub(4) {
            Some(i) if t.is_char_boundary(i) && t[i..].eq_ignore_ascii_case(":@me") => {
                format!("{}:{login}", &t[..i])
            }
            _ => t.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub struct SearchIssues;

#[async_trait]
impl Tool for SearchIssues {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_search_issues";
    const TITLE: &'static str = "Search GitHub issues and pull requests";
    const DESCRIPTION: &'static str = "Search GitHub issues and pull requests across repositories.";
    const PERMISSION: &'static str = "github:issues:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &GitHub,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let start = Position::resume("cursor", a.cursor.as_deref(), limit)?;
        if start.offset() >= WINDOW {
            return Err(args::bad(
                "cursor",
                "GitHub search stops at 1,000 results; narrow the query",
            ));
        }
        let mut q = args::text("query", a.query.as_deref(), 256)?.unwrap_or_default();
        if let Some(repo) = a.repo.as_deref() {
            q = format!("{q} repo:{}", args::repo("repo", repo)?.full());
        }
        match a.state {
            Some(OpenClosed::Open) => q.push_str(" is:open"),
            Some(OpenClosed::Closed) => q.push_str(" is:closed"),
            None => {}
        }
        match a.kind {
            Some(Kind::Issue) => q.push_str(" is:issue"),
            Some(Kind::Pr) => q.push_str(" is:pr"),
            None => {}
        }
        let q = q.trim().to_owned();
        if q.is_empty() {
            return Err(args::bad(
                "query",
                "give a query, a repo, a state or a type",
            ));
        }
        let q = if mentions_me(&q) {
            // Identity comes from the credential, never from arguments.
            let me = state.people.caller_login(&state.client, ctx).await?;
            rewrite_me(&q, &me)
        } else {
            q
        };
        let request = UpstreamRequest::get("/search/issues").query("q", q);
        let found = state
            .client
            .walk::<Issue, SearchResponse<Issue>>(
                ctx,
                Api::Search,
                request,
                start,
                limit,
                Some(WINDOW),
                |_| true,
            )
            .await?;
        let dir = state
            .people
            .resolve(
                &state.client,
                ctx,
                found.items.iter().flat_map(shape::people_in),
            )
            .await;
        Ok(Output {
            total: found.total.unwrap_or(found.items.len() as u64),
            incomplete: found.incomplete,
            items: found
                .items
                .iter()
                .map(|i| shape::issue_summary(i, &dir, true))
                .collect(),
            next_cursor: found.next.map(|p| p.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn me_is_rewritten_in_qualifiers_only() {
        assert!(mentions_me("is:open assignee:@me"));
        assert!(!mentions_me("email me@northwind.example"));
        assert_eq!(
            rewrite_me("is:open  assignee:@me -author:@ME sso", "erik"),
            "is:open assignee:erik -author:erik sso"
        );
    }
}
