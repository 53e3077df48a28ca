//! `notion_search`: pages and databases whose title matches, newest edit
//! first, paged up to a limit.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};
use switchboard_upstream::{collect_pages, Page};

use crate::shape::{self, Hit};
use crate::{args, Notion};

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Page,
    Database,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Title words; omit to list all.
    pub query: Option<String>,
    pub kind: Option<Kind>,
    /// Max results (1-100, default 20).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub results: Vec<Hit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct Search;

#[async_trait]
impl Tool for Search {
    type State = Notion;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "notion_search";
    const TITLE: &'static str = "Search Notion";
    const DESCRIPTION: &'static str = "Find Notion pages and databases (account plans, runbooks, meeting notes, trackers) by title.";
    const PERMISSION: &'static str = "notion:pages:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Notion,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let limit = args::limit(a.limit, 20, 100)?;
        let cursor = args::cursor(a.cursor.as_deref())?;
        let query = args::text("query", a.query.as_deref())?;
        // 2025-09-03 filters on `data_source`: a database's table.
        let object = a.kind.map(|k| match k {
            Kind::Page => "page",
            Kind::Database => "data_source",
        });
        let (results, next_cursor) = collect_pages(limit, cursor, |cursor, wanted| {
            let query = query.as_deref();
            async move {
                let page = state
                    .client
                    .search(ctx, query, object, cursor, wanted)
                    .await?;
                let next = page.next();
                Ok(Page {
                    items: page.results.iter().filter_map(shape::hit).collect(),
                    next,
                })
            }
        })
        .await?;
        Ok(Output {
            results,
            next_cursor,
        })
    }
}
