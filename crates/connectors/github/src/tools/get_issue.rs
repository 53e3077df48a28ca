//! `github_get_issue`: one issue (or pull request conversation) with its
//! body and its latest comments condensed to author, time and text.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::UpstreamRequest;

use super::not_found_as;
use crate::args;
use crate::client::Api;
use crate::model::{Comment, Issue};
use crate::shape::{self, text, CommentSummary, IssueSummary, Person};
use crate::GitHub;

const BODY_MAX: usize = 2_000;
const COMMENT_MAX: usize = 600;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// `owner/name`.
    pub repo: String,
    pub number: u64,
    /// Latest comments to include.
    #[schemars(range(min = 0, max = 100))]
    pub comments: Option<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    #[serde(flatten)]
    pub issue: IssueSummary,
    /// Markdown, trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<Person>,
    /// The latest comments, oldest first.
    pub thread: Vec<CommentSummary>,
    /// Earlier comments not shown.
    #[serde(skip_serializing_if = "is_zero")]
    pub earlier_comments_omitted: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

pub struct GetIssue;

#[async_trait]
impl Tool for GetIssue {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_get_issue";
    const TITLE: &'static str = "Get a GitHub issue";
    const DESCRIPTION: &'static str = "A GitHub issue with its latest comments.";
    const PERMISSION: &'static str = "github:issues:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &GitHub,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let repo = args::repo("repo", &a.repo)?;
        let number = args::number("number", a.number)?;
        let wanted = match a.comments {
            None => 20,
            Some(n) if n <= 100 => n as u64,
            Some(n) => {
                return Err(args::bad(
                    "comments",
                    format!("must be between 0 and 100, got {n}"),
                ))
            }
        };
        let issue: Issue = state
            .client
            .get(
                ctx,
                Api::Core,
                UpstreamRequest::get(repo.path(&format!("/issues/{number}"))),
            )
            .await
            .map_err(not_found_as(format!("issue #{number} in {}", repo.full())))?;
        let comments = latest_comments(
            state,
            ctx,
            &repo.path(&format!("/issues/{number}/comments")),
            issue.comments,
            wanted,
        )
        .await?;
        let people = shape::people_in(&issue)
            .into_iter()
            .chain(comments.iter().filter_map(|c| c.user.as_ref()));
        let dir = state.people.resolve(&state.client, ctx, people).await;
        Ok(Output {
            body: text::body(issue.body.as_deref(), BODY_MAX),
            milestone: issue.milestone.as_ref().map(|m| m.title.clone()),
            closed_by: dir.opt(issue.closed_by.as_ref()),
            earlier_comments_omitted: issue.comments.saturating_sub(comments.len() as u64),
            thread: comments
                .iter()
                .map(|c| shape::comment(c, &dir, COMMENT_MAX))
                .collect(),
            issue: shape::issue_summary(&issue, &dir, false),
        })
    }
}

/// The last `wanted` of `count` comments: GitHub lists them oldest first,
/// so read the last page (and the one before when it is short).
async fn latest_comments(
    state: &GitHub,
    ctx: &CallContext,
    path: &str,
    count: u64,
    wanted: u64,
) -> Result<Vec<Comment>, ConnectorError> {
    if count == 0 || wanted == 0 {
        return Ok(Vec::new());
    }
    let last = count.div_ceil(wanted).max(1);
    let page = |n: u64| {
        let request = UpstreamRequest::get(path)
            .query("per_page", wanted)
            .query("page", n);
        state.client.get::<Vec<Comment>>(ctx, Api::Core, request)
    };
    let mut comments = if last > 1 && !count.is_multiple_of(wanted) {
        let (before, tail) = tokio::try_join!(page(last - 1), page(last))?;
        before.into_iter().chain(tail).collect()
    } else {
        page(last).await?
    };
    let extra = comments.len().saturating_sub(wanted as usize);
    comments.drain(..extra);
    Ok(comments)
}
