//! `github_get_pull_request`: one pull request in about twenty fields
//! (the raw object has ~370): state, branches, size, mergeability, the
//! review state per reviewer and the head commit's CI checks. Three
//! requests: the pull request, then its reviews and check runs together.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::UpstreamRequest;

use super::not_found_as;
use crate::args;
use crate::client::Api;
use crate::model::{CheckRunList, PullRequest, Review};
use crate::shape::{self, text, Checks, Person, ReviewSummary};
use crate::GitHub;

const BODY_MAX: usize = 1_000;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// `owner/name`.
    pub repo: String,
    pub number: u64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub repo: String,
    pub number: u64,
    pub title: String,
    /// `open`, `closed` or `merged`.
    pub state: String,
    pub draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    /// Target branch.
    pub base: String,
    /// Source branch.
    pub head: String,
    /// No conflicts with the base (`null` while GitHub computes it).
    pub mergeable: Option<bool>,
    /// GitHub's merge state: clean, blocked, unstable, dirty, behind, draft, unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merge_state: Option<String>,
    pub changed_files: u64,
    pub additions: u64,
    pub deletions: u64,
    pub commits: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    pub review: ReviewSummary,
    pub checks: Checks,
    /// YYYY-MM-DD.
    pub created: String,
    /// YYYY-MM-DD.
    pub updated: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_by: Option<Person>,
    /// Markdown, trimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub url: String,
}

pub struct GetPullRequest;

#[async_trait]
impl Tool for GetPullRequest {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_get_pull_request";
    const TITLE: &'static str = "Get a GitHub pull request";
    const DESCRIPTION: &'static str =
        "A pull request with its review state per reviewer and CI checks.";
    const PERMISSION: &'static str = "github:pulls:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &GitHub,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let repo = args::repo("repo", &a.repo)?;
        let number = args::number("number", a.number)?;
        let p: PullRequest = state
            .client
            .get(
                ctx,
                Api::Core,
                UpstreamRequest::get(repo.path(&format!("/pulls/{number}"))),
            )
            .await
            .map_err(not_found_as(format!(
                "pull request #{number} in {}",
                repo.full()
            )))?;
        if p.head.sha.len() != 40 || !p.head.sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ConnectorError::new(
                switchboard_core::ErrorKind::Upstream,
                "GitHub returned a pull request without a valid head commit",
            ));
        }
        let reviews = UpstreamRequest::get(repo.path(&format!("/pulls/{number}/reviews")))
            .query("per_page", 100);
        let runs = UpstreamRequest::get(repo.path(&format!("/commits/{}/check-runs", p.head.sha)))
            .query("per_page", 100);
        let (reviews, runs) = tokio::try_join!(
            state.client.get::<Vec<Review>>(ctx, Api::Core, reviews),
            state.client.get::<CheckRunList>(ctx, Api::Core, runs),
        )?;
        let people = p
            .user
            .iter()
            .chain(&p.merged_by)
            .chain(&p.requested_reviewers)
            .chain(reviews.iter().filter_map(|r| r.user.as_ref()));
        let dir = state.people.resolve(&state.client, ctx, people).await;
        let merged = text::date_opt(p.merged_at.as_deref());
        Ok(Output {
            repo: repo.full(),
            number: p.number,
            title: p.title.clone(),
            state: shape::pull::state(&p),
            draft: p.draft.unwrap_or(false),
            author: dir.opt(p.user.as_ref()),
            base: p.base.name.clone(),
            head: p.head.name.clone(),
            mergeable: p.mergeable,
            merge_state: p.mergeable_state.clone(),
            changed_files: p.changed_files.unwrap_or(0),
            additions: p.additions.unwrap_or(0),
            deletions: p.deletions.unwrap_or(0),
            commits: p.commits.unwrap_or(0),
            labels: p.labels.iter().map(|l| l.name().to_owned()).collect(),
            review: shape::review(&reviews, &p.requested_reviewers, &dir),
            checks: shape::checks(&runs.check_runs, runs.total_count),
            created: text::date(&p.created_at).unwrap_or_else(|| p.created_at.clone()),
            updated: text::date(&p.updated_at).unwrap_or_else(|| p.updated_at.clone()),
            merged_by: dir.opt(p.merged_by.as_ref()),
            merged,
            body: text::body(p.body.as_deref(), BODY_MAX),
            url: p.html_url.clone(),
        })
    }
}
