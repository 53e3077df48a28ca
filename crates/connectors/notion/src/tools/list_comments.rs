//! `notion_list_comments`: the open comments on a page (its discussions)
//! or on one block (an inline discussion), oldest first, with authors
//! resolved to name and email.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::{collect_pages, Page};

use super::not_found_as;
use crate::shape::comment::{comment, CommentOut};
use crate::{args, Notion};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Page or block id, or a link.
    pub block_id: String,
    /// Max comments (1-100, default 50).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub comments: Vec<CommentOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct ListComments;

#[async_trait]
impl Tool for ListComments {
    type State = Notion;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "notion_list_comments";
    const TITLE: &'static str = "List Notion comments";
    const DESCRIPTION: &'static str = "Comments on a Notion page or block, oldest first.";
    const PERMISSION: &'static str = "notion:comments:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Notion,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::notion_id("block_id", &a.block_id)?;
        let limit = args::limit(a.limit, 50, 100)?;
        let cursor = args::cursor(a.cursor.as_deref())?;
        let (comments, next_cursor) = collect_pages(limit, cursor, |cursor, wanted| {
            let id = &id;
            async move {
                let page = state.client.comments(ctx, id, cursor, wanted).await?;
                let next = page.next();
                Ok(Page {
                    items: page.results,
                    next,
                })
            }
        })
        .await
        .map_err(not_found_as("page or block", &id))?;
        let directory = if comments.is_empty() {
            None
        } else {
            Some(state.directory.directory(&state.client, ctx).await?)
        };
        let comments = comments
            .iter()
            .map(|c| comment(c, directory.as_deref()))
            .collect();
        Ok(Output {
            comments,
            next_cursor,
        })
    }
}
