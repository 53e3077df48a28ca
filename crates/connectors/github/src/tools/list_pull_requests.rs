//! `github_list_pull_requests`: a repository's pull requests by state,
//! most recently updated first, with who is still asked to review.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::UpstreamRequest;

use super::not_found_as;
use crate::args::{self, State};
use crate::client::Api;
use crate::cursor::Position;
use crate::model::PullRequest;
use crate::shape::{self, PullSummary};
use crate::GitHub;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// `owner/name`.
    pub repo: String,
    /// closed includes merged.
    pub state: Option<State>,
    /// Max pull requests (1-100, default 30).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub repo: String,
    pub pull_requests: Vec<PullSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListPullRequests;

#[async_trait]
impl Tool for ListPullRequests {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_list_pull_requests";
    const TITLE: &'static str = "List a repository's pull requests";
    const DESCRIPTION: &'static str = "A repository's pull requests, recently updated first; reviews and checks are in github_get_pull_request.";
    const PERMISSION: &'static str = "github:pulls:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &GitHub,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let repo = args::repo("repo", &a.repo)?;
        let limit = args::limit(a.limit, 30, 100)?;
        let start = Position::resume("cursor", a.cursor.as_deref(), limit)?;
        let request = UpstreamRequest::get(repo.path("/pulls"))
            .query("state", a.state.unwrap_or_default().as_str())
            .query("sort", "updated")
            .query("direction", "desc");
        let found = state
            .client
            .walk::<PullRequest, Vec<PullRequest>>(
                ctx,
                Api::Core,
                request,
                start,
                limit,
                None,
                |_| true,
            )
            .await
            .map_err(not_found_as(format!("repository {}", repo.full())))?;
        let people: Vec<&crate::model::User> = found
            .items
            .iter()
            .flat_map(|p| p.user.iter().chain(&p.requested_reviewers))
            .collect();
        let dir = state.people.resolve(&state.client, ctx, people).await;
        Ok(Output {
            repo: repo.full(),
            pull_requests: found
                .items
                .iter()
                .map(|p| shape::pull_summary(p, &dir))
                .collect(),
            next_cursor: found.next.map(|p| p.to_string()),
        })
    }
}
