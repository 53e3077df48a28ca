//! `notion_get_page`: a page's properties and its content as Markdown,
//! read block by block within a depth, size and request budget, saying
//! when (and why) the content was cut.

use std::collections::BTreeMap;

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::content::{self, Budget};
use crate::shape::{self, markdown, PersonRef};
use crate::{args, Notion};

/// Hard caps the caller cannot raise past.
pub const MAX_DEPTH: usize = 8;
pub const MAX_CHARS: usize = 50_000;
/// Block-children requests per call: at Notion's ~3 requests a second
/// this bounds a call to well under half a minute.
const MAX_REQUESTS: usize = 60;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub page_id: String,
    /// Levels of nested blocks.
    #[schemars(range(min = 1, max = 8))]
    pub max_depth: Option<u32>,
    #[schemars(range(min = 500, max = 50000))]
    pub max_chars: Option<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub id: String,
    pub title: String,
    pub url: String,
    /// YYYY-MM-DD.
    pub created: String,
    /// YYYY-MM-DD.
    pub last_edited: String,
    pub last_edited_by: PersonRef,
    /// Database rows: the row's other columns as plain values.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, Value>,
    pub markdown: String,
    /// Some content was not read or not returned; see `truncation`.
    pub truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncation: Option<String>,
}

pub struct GetPage;

#[async_trait]
impl Tool for GetPage {
    type State = Notion;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "notion_get_page";
    const TITLE: &'static str = "Read a Notion page";
    const DESCRIPTION: &'static str = "A Notion page (by id or link) with its content as Markdown; cut at max_depth or max_chars, and says so.";
    const PERMISSION: &'static str = "notion:pages:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Notion,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::notion_id("page_id", &a.page_id)?;
        let max_depth = args::bounded("max_depth", a.max_depth, 4, 1, MAX_DEPTH)?;
        let max_chars = args::bounded("max_chars", a.max_chars, 12_000, 500, MAX_CHARS)?;
        let (page, directory) = tokio::try_join!(
            async {
                state
                    .client
                    .page(ctx, &id)
                    .await
                    .map_err(not_found_as("page", &id))
            },
            state.directory.directory(&state.client, ctx),
        )?;
        let budget = Budget {
            max_depth,
            max_chars,
            max_requests: MAX_REQUESTS,
        };
        let content = content::fetch(&state.client, ctx, &page.id, budget).await?;
        let (markdown, cut) = cut(markdown::render(&content.nodes), max_chars);
        let mut why = Vec::new();
        if content.depth_cut {
            why.push(format!(
                "blocks nested deeper than {max_depth} levels were not read (max_depth up to {MAX_DEPTH})"
            ));
        }
        if cut || content.size_cut {
            why.push(format!(
                "content stops at about {max_chars} characters (max_chars up to {MAX_CHARS})"
            ));
        }
        if content.request_cut {
            why.push(format!(
                "reading stopped after {} requests to Notion",
                content.requests
            ));
        }
        let editor = &page.last_edited_by;
        let last_edited_by = match &editor.name {
            Some(_) => shape::person(editor),
            None => directory.person(&editor.id),
        };
        Ok(Output {
            title: shape::page_title(&page),
            url: page.url.clone(),
            created: shape::day(&page.created_time),
            last_edited: shape::day(&page.last_edited_time),
            last_edited_by,
            properties: shape::properties(&page),
            markdown,
            truncated: !why.is_empty(),
            truncation: (!why.is_empty()).then(|| why.join("; ")),
            id: page.id,
        })
    }

    /// Clients that show only text get the page as a document.
    fn render(o: &Output) -> Option<String> {
        let mut text = format!(
            "# {}\n\nLast edited {} by {} · {}\n",
            o.title, o.last_edited, o.last_edited_by.name, o.url
        );
        for (name, value) in &o.properties {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            text.push_str(&format!("- {name}: {value}\n"));
        }
        if !o.markdown.is_empty() {
            text.push('\n');
            text.push_str(&o.markdown);
            text.push('\n');
        }
        if let Some(why) = &o.truncation {
            text.push_str(&format!("\n(Truncated: {why}.)\n"));
        }
        Some(text)
    }
}

/// At most `max` characters, cut at a line end when one is near.
pub fn cut(text: String, max: usize) -> (String, bool) {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return (text, false);
    };
    let head = &text[..end];
    let at = match head.rfind('\n') {
        Some(i) if i > end / 2 => i,
        _ => end,
    };
    (format!("{}\n…", head[..at].trim_end()), true)
}
