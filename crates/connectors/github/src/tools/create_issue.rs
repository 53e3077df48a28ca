//! `github_create_issue`: files an issue. GitHub records the gateway's
//! token as the author, so the body ends with who asked for it: the
//! caller's email from their credential, never from arguments.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::args;
use crate::model::Issue;
use crate::shape::text;
use crate::GitHub;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// `owner/name`.
    pub repo: String,
    /// One line, at most 256 characters.
    pub title: String,
    /// Markdown.
    pub body: Option<String>,
    pub labels: Option<Vec<String>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub repo: String,
    pub number: u64,
    pub title: String,
    pub state: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// The caller the issue was filed for.
    pub filed_by: String,
    /// YYYY-MM-DD.
    pub created: String,
    pub url: String,
}

pub struct CreateIssue;

#[async_trait]
impl Tool for CreateIssue {
    type State = GitHub;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "github_create_issue";
    const TITLE: &'static str = "Create a GitHub issue";
    const DESCRIPTION: &'static str = "File a GitHub issue; it notes that you filed it.";
    const PERMISSION: &'static str = "github:issues:write";
    const EFFECT: Effect = Effect::Write;

    async fn call(
        &self,
        state: &GitHub,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let repo = args::repo("repo", &a.repo)?;
        let title = args::text("title", Some(&a.title), 256)?
            .filter(|t| !t.contains('\n'))
            .ok_or_else(|| args::bad("title", "must be one non-empty line"))?;
        let body = args::text("body", a.body.as_deref(), 60_000)?;
        let labels = args::labels("labels", a.labels.as_deref().unwrap_or_default(), 20)?;
        let email = ctx.principal.email.trim();
        if !email.contains('@') {
            return Err(ConnectorError::invalid_args(
                "filing an issue needs a caller with an email address",
            ));
        }
        let footer = format!("_Filed through Switchboard on behalf of {email}._");
        let body = match body {
            Some(b) => format!("{b}\n\n---\n{footer}"),
            None => footer,
        };
        let payload = json!({"title": title, "body": body, "labels": labels});
        let created: Issue = state
            .client
            .post(ctx, repo.path("/issues"), &payload)
            .await
            .map_err(not_found_as(format!("repository {}", repo.full())))?;
        Ok(Output {
            repo: repo.full(),
            number: created.number,
            title: created.title.clone(),
            state: created.state.clone(),
            labels: created.labels.iter().map(|l| l.name().to_owned()).collect(),
            filed_by: email.to_owned(),
            created: text::date(&created.created_at).unwrap_or_else(|| created.created_at.clone()),
            url: created.html_url.clone(),
        })
    }
}
