//! `github_list_issues`: a repository's issues (pull requests, which the
//! endpoint mixes in, are left out), filtered by state, labels, assignee
//! ("me" = the caller) and last update, most recently updated first.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::UpstreamRequest;

use super::not_found_as;
use crate::args::{self, State};
use crate::client::Api;
use crate::cursor::Position;
use crate::model::Issue;
use crate::shape::{self, IssueSummary};
use crate::GitHub;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// `owner/name`.
    pub repo: String,
    pub state: Option<State>,
    /// All of these.
    pub labels: Option<Vec<String>>,
    /// Login, "me", "none" or "any".
    pub assignee: Option<String>,
    /// Updated since: YYYY-MM-DD or ISO 8601 time.
    pub since: Option<String>,
    /// Max issues (1-100, default 30).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub repo: String,
    pub issues: Vec<IssueSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListIssues;

#[async_trait]
impl Tool for ListIssues {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_list_issues";
    const TITLE: &'static str = "List a repository's GitHub issues";
    const DESCRIPTION: &'static str =
        "A repository's issues (not pull requests), recently updated first.";
    const PERMISSION: &'static str = "github:issues:read";
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
        let labels = args::labels("labels", a.labels.as_deref().unwrap_or_default(), 20)?;
        let since = args::since("since", a.since.as_deref())?;
        let assignee = match args::text("assignee", a.assignee.as_deref(), 60)? {
            None => None,
            Some(v) if v.eq_ignore_ascii_case("me") => Some(Assignee::Me),
            Some(v) if v.eq_ignore_ascii_case("none") => Some(Assignee::Raw("none".into())),
            Some(v) if v.eq_ignore_ascii_case("any") || v == "*" => Some(Assignee::Raw("*".into())),
            Some(v) => Some(Assignee::Raw(args::login("assignee", &v)?)),
        };
        let assignee = match assignee {
            // Identity comes from the credential, never from arguments.
            Some(Assignee::Me) => Some(state.people.caller_login(&state.client, ctx).await?),
            Some(Assignee::Raw(v)) => Some(v),
            None => None,
        };
        let mut request = UpstreamRequest::get(repo.path("/issues"))
            .query("state", a.state.unwrap_or_default().as_str())
            .query("sort", "updated")
            .query("direction", "desc");
        if !labels.is_empty() {
            request = request.query("labels", labels.join(","));
        }
        if let Some(assignee) = assignee {
            request = request.query("assignee", assignee);
        }
        if let Some(since) = since {
            request = request.query("since", since);
        }
        let found = state
            .client
            .walk::<Issue, Vec<Issue>>(ctx, Api::Core, request, start, limit, None, |i| {
                !i.is_pull_request()
            })
            .await
            .map_err(not_found_as(format!("repository {}", repo.full())))?;
        let dir = state
            .people
            .resolve(
                &state.client,
                ctx,
                found.items.iter().flat_map(shape::people_in),
            )
            .await;
        Ok(Output {
            repo: repo.full(),
            issues: found
                .items
                .iter()
                .map(|i| shape::issue_summary(i, &dir, false))
                .collect(),
            next_cursor: found.next.map(|p| p.to_string()),
        })
    }
}

enum Assignee {
    Me,
    Raw(String),
}
