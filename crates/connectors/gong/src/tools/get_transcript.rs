//! `gong_get_transcript`: what was said on a call, as "Name: text" lines,
//! trimmed to a character budget the caller can raise up to a hard
//! maximum. Speakers are named from the call's parties, so the call and
//! its transcript are read together (two requests, in parallel).

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::no_such_call;
use crate::shape::transcript::{lines, topics, trim};
use crate::shape::utc;
use crate::{args, Gong};

/// Characters returned unless the caller asks for more.
const DEFAULT_CHARS: usize = 4_000;
/// The most a caller may ask for: a long call runs to 50,000+ characters.
const MAX_CHARS: usize = 20_000;
const MIN_CHARS: usize = 200;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub call_id: String,
    #[schemars(range(min = 200, max = 20000))]
    pub max_chars: Option<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub call_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    /// Topics Gong detected, in order.
    pub topics: Vec<String>,
    /// "Speaker Name: what they said", in order.
    pub lines: Vec<String>,
    /// Characters returned (lines joined by newlines).
    pub chars: usize,
    /// Characters in the whole transcript.
    pub total_chars: usize,
    /// True when lines were cut to fit `max_chars`.
    pub truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub struct GetTranscript;

#[async_trait]
impl Tool for GetTranscript {
    type State = Gong;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "gong_get_transcript";
    const TITLE: &'static str = "Get a Gong call transcript";
    const DESCRIPTION: &'static str = "What was said on a recorded call, as \"Speaker: text\" lines; cut at max_chars, and says so.";
    const PERMISSION: &'static str = "gong:transcripts:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Gong,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::call_id(&a.call_id)?;
        let budget = args::bounded(
            "max_chars",
            a.max_chars,
            DEFAULT_CHARS,
            MIN_CHARS,
            MAX_CHARS,
        )?;
        let (call, transcript) = tokio::try_join!(
            state.client.call(ctx, &id),
            state.client.transcript(ctx, &id)
        )?;
        let call = call.ok_or_else(|| no_such_call(&id))?;
        let meta = &call.meta_data;
        let mut out = Output {
            call_id: id,
            title: meta.title.clone(),
            started: meta.started.as_deref().map(utc),
            topics: Vec::new(),
            lines: Vec::new(),
            chars: 0,
            total_chars: 0,
            truncated: false,
            note: None,
        };
        let Some(transcript) = transcript else {
            out.note = Some("Gong has no transcript for this call (yet).".into());
            return Ok(out);
        };
        let parties = call.parties.as_deref().unwrap_or_default();
        let trimmed = trim(lines(&transcript, parties), budget);
        out.topics = topics(&transcript);
        out.note = trimmed.truncated.then(|| {
            let (shown, total) = (trimmed.chars, trimmed.total_chars);
            if total <= MAX_CHARS {
                format!("Trimmed to {shown} of {total} characters; ask again with max_chars={total} for all of it.")
            } else {
                format!("Trimmed to {shown} of {total} characters; the whole transcript is longer than the {MAX_CHARS}-character maximum.")
            }
        });
        out.lines = trimmed.lines;
        out.chars = trimmed.chars;
        out.total_chars = trimmed.total_chars;
        out.truncated = trimmed.truncated;
        Ok(out)
    }

    /// The lines as plain text, for clients that show only text.
    fn render(o: &Output) -> Option<String> {
        let mut text = o
            .title
            .clone()
            .unwrap_or_else(|| format!("Call {}", o.call_id));
        if let Some(started) = &o.started {
            text.push_str(&format!(" ({started})"));
        }
        for line in &o.lines {
            text.push('\n');
            text.push_str(line);
        }
        if let Some(note) = &o.note {
            text.push_str(&format!("\n[{note}]"));
        }
        Some(text)
    }
}
