//! `slack_post_message`: posts as the app, into a channel named exactly
//! `#name` (one spelling per channel, so argument-level policies such as
//! `forbid ... when { context.args.channel == "#general" }` cannot be
//! side-stepped), optionally as a thread reply. The message says on whose
//! behalf it was sent: the caller from the credential, resolved to their
//! Slack user by email. Mass mentions (`<!channel>`, `<!here>`) are
//! escaped, never sent.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;
use switchboard_core::{CallContext, ConnectorError, Effect, ErrorKind, Tool};

use super::{in_channel, names};
use crate::args::{self, ChannelArg};
use crate::errors::{has_code, restate};
use crate::shape::{mentions, mrkdwn, Person};
use crate::Slack;

/// Slack accepts far more, but a chat message from the gateway is short.
const MAX_TEXT: usize = 4_000;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// #name, lower case.
    pub channel: String,
    /// Slack mrkdwn, at most 4000 characters.
    pub text: String,
    /// Parent message's `ts`, to reply in its thread.
    pub thread_ts: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    /// `#name`.
    pub channel: String,
    /// The new message's ts.
    pub ts: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_ts: Option<String>,
    /// As posted, attribution included.
    pub text: String,
    /// Who the message says it was sent for (you).
    pub on_behalf_of: Person,
}

pub struct PostMessage;

#[async_trait]
impl Tool for PostMessage {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_post_message";
    const TITLE: &'static str = "Post a Slack message";
    const DESCRIPTION: &'static str =
        "Post to a Slack channel or thread; marked as sent on your behalf.";
    const PERMISSION: &'static str = "slack:messages:write";
    const EFFECT: Effect = Effect::Write;

    async fn call(
        &self,
        state: &Slack,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let name = args::post_channel(&a.channel)?;
        let text = args::text("text", Some(&a.text), MAX_TEXT)?
            .ok_or_else(|| args::bad("text", "must not be empty"))?;
        let thread_ts = a
            .thread_ts
            .as_deref()
            .map(|t| args::ts("thread_ts", t))
            .transpose()?;

        let channel = state
            .directory
            .channel(&state.client, ctx, &ChannelArg::Name(name))
            .await?;
        if channel.is_archived {
            return Err(args::bad(
                "channel",
                format!(
                    "{} is archived: it can be read but not posted to",
                    channel.label()
                ),
            ));
        }
        let email = ctx.principal.email.trim().to_lowercase();
        let thread = async {
            let Some(ts) = &thread_ts else {
                return Ok(None);
            };
            let page = state
                .client
                .replies(ctx, &channel.id, ts, 1, None)
                .await
                .map_err(|e| {
                    if has_code(&e, "thread_not_found") {
                        let label = channel.label();
                        restate(
                            e,
                            format!("{label} has no message with ts {ts} to reply to"),
                        )
                    } else {
                        in_channel(&channel)(e)
                    }
                })?;
            // Reply to the thread's parent even when given one of its replies.
            Ok(page
                .messages
                .first()
                .map(|m| m.thread_ts.clone().unwrap_or_else(|| m.ts.clone())))
        };
        let author = async {
            if !email.contains('@') {
                return Ok(None);
            }
            state.client.user_by_email(ctx, &email).await
        };
        let (root, author) = tokio::try_join!(thread, author)?;

        let (for_whom, on_behalf_of) = match &author {
            Some(info) => (
                format!("<@{}>", info.user.id),
                crate::shape::person(&info.user),
            ),
            None => {
                let who = if email.contains('@') {
                    email.clone()
                } else {
                    ctx.principal.user_id.clone()
                };
                (
                    mrkdwn::escape_for_posting(&who),
                    Person {
                        name: who,
                        email: Some(email.clone()).filter(|e| e.contains('@')),
                    },
                )
            }
        };
        let body_text = format!(
            "{}\n_Sent with Switchboard on behalf of {for_whom}_",
            mrkdwn::escape_for_posting(&text)
        );
        let mut body = json!({"channel": channel.id, "text": body_text});
        if let Some(root) = &root {
            body["thread_ts"] = root.clone().into();
        }
        let posted = state
            .client
            .post_message(ctx, &body)
            .await
            .map_err(|e| match e.kind {
                ErrorKind::RateLimited => restate(
                    e,
                    format!(
                        "Slack is rate limiting posts to {}; try again shortly",
                        channel.label()
                    ),
                ),
                _ => in_channel(&channel)(e),
            })?;
        let names = names(state, ctx, mentions(&posted.message.text).collect()).await?;
        Ok(Output {
            channel: channel.label(),
            ts: posted.ts,
            thread_ts: root,
            text: names.text(&posted.message.text),
            on_behalf_of,
        })
    }
}
