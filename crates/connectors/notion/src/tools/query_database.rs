//! `notion_query_database`: rows of a database (by database or data
//! source id) matching simple conditions, sorted, paged up to a limit,
//! each row shaped to its title and plain property values.

use std::collections::BTreeMap;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, Effect, ErrorKind, Tool};
use switchboard_upstream::{collect_pages, Page};

use super::not_found_as;
use crate::args::{self, bad};
use crate::filter::{self, Condition};
use crate::model::{DataSource, Found};
use crate::{shape, Notion};

const MAX_SORTS: usize = 3;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SortKey {
    pub property: String,
    #[serde(default)]
    pub descending: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Id from notion_search, or a link.
    pub database_id: String,
    /// All must hold.
    #[serde(default, rename = "where")]
    pub conditions: Vec<Condition>,
    /// At most 3 keys.
    #[serde(default)]
    pub sort: Vec<SortKey>,
    /// Max rows (1-100, default 25).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<u32>,
    /// `next_cursor` of a previous call.
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// Other columns as plain values (people as name and email).
    pub properties: BTreeMap<String, Value>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub database: String,
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

pub struct QueryDatabase;

#[async_trait]
impl Tool for QueryDatabase {
    type State = Notion;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "notion_query_database";
    const TITLE: &'static str = "Query a Notion database";
    const DESCRIPTION: &'static str = "Rows of a Notion database (e.g. the renewal tracker) filtered and sorted by property values.";
    const PERMISSION: &'static str = "notion:databases:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Notion,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::notion_id("database_id", &a.database_id)?;
        let limit = args::limit(a.limit, 25, 100)?;
        let cursor = args::cursor(a.cursor.as_deref())?;
        let tests = filter::check(&a.conditions)?;
        if a.sort.len() > MAX_SORTS {
            return Err(bad("sort", format!("at most {MAX_SORTS} keys")));
        }
        for (i, s) in a.sort.iter().enumerate() {
            args::text(&format!("sort[{i}].property"), Some(&s.property))?
                .ok_or_else(|| bad(&format!("sort[{i}].property"), "must name a property"))?;
        }

        let ds = data_source(state, ctx, &id).await?;
        let sorts = a
            .sort
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let p = filter::property(&ds, &format!("sort[{i}].property"), s.property.trim())?;
                let direction = if s.descending {
                    "descending"
                } else {
                    "ascending"
                };
                Ok(json!({"property": p.name, "direction": direction}))
            })
            .collect::<Result<Vec<_>, ConnectorError>>()?;
        let directory = if filter::needs_people(&ds, &tests) {
            Some(state.directory.directory(&state.client, ctx).await?)
        } else {
            None
        };
        let person = |field: &str, who: &str| -> Result<String, ConnectorError> {
            let d = directory
                .as_deref()
                .ok_or_else(|| ConnectorError::internal("no user directory"))?;
            if who.eq_ignore_ascii_case("me") {
                // Identity comes from the credential, never from arguments.
                let email = &ctx.principal.email;
                return d.id_for_email(email).map(str::to_owned).ok_or_else(|| {
                    ConnectorError::not_found(format!(
                        "you ({email}) are not a member of the Notion workspace"
                    ))
                });
            }
            if !who.contains('@') {
                return Err(bad(
                    field,
                    format!("`{who}` is not an email address or \"me\""),
                ));
            }
            d.id_for_email(who)
                .map(str::to_owned)
                .ok_or_else(|| bad(field, format!("no Notion user has the email {who}")))
        };
        let filter = filter::build(&ds, &tests, &person)?;

        let (rows, next_cursor) = collect_pages(limit, cursor, |cursor, wanted| {
            let (ds_id, filter, sorts) = (&ds.id, filter.as_ref(), &sorts);
            async move {
                let page = state
                    .client
                    .query(ctx, ds_id, filter, sorts, cursor, wanted)
                    .await?;
                let next = page.next();
                let rows = page.results.into_iter().filter_map(|f| match f {
                    Found::Page(p) => Some(Row {
                        title: shape::page_title(&p),
                        properties: shape::properties(&p),
                        id: p.id.clone(),
                    }),
                    _ => None,
                });
                Ok(Page {
                    items: rows.collect(),
                    next,
                })
            }
        })
        .await?;
        Ok(Output {
            database: shape::plain(&ds.title),
            rows,
            next_cursor,
        })
    }
}

/// The data source with `id`; a database id resolves to its first data
/// source (2025-09-03 split databases from their tables).
async fn data_source(
    state: &Notion,
    ctx: &CallContext,
    id: &str,
) -> Result<DataSource, ConnectorError> {
    match state.client.data_source(ctx, id).await {
        Err(e) if e.kind == ErrorKind::NotFound => {}
        other => return other,
    }
    let db = state
        .client
        .database(ctx, id)
        .await
        .map_err(not_found_as("database or data source", id))?;
    let first = db.data_sources.first().ok_or_else(|| {
        ConnectorError::not_found(format!("the Notion database {id} has no data source"))
    })?;
    state.client.data_source(ctx, &first.id).await
}
