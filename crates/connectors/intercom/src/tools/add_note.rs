//! `intercom_add_note`: an internal note on a conversation, written as the
//! caller's own Intercom teammate account (resolved from the credential's
//! email, never from the arguments). Customers never see notes.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::directory::{admin_person, me};
use crate::shape::{datetime, Person};
use crate::{args, Intercom};

/// Longest note accepted, in characters.
const MAX_NOTE: usize = 5_000;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub conversation_id: String,
    /// Plain text; blank lines start paragraphs.
    pub body: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub conversation_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_id: Option<String>,
    /// You, as Intercom knows you.
    pub author: Person,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted_at: Option<String>,
    pub text: String,
}

pub struct AddNote;

#[async_trait]
impl Tool for AddNote {
    type State = Intercom;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "intercom_add_note";
    const TITLE: &'static str = "Add an Intercom note";
    const DESCRIPTION: &'static str = "Internal note on a support conversation, as you: teammates see it, the customer never does.";
    const PERMISSION: &'static str = "intercom:conversations:write";
    const EFFECT: Effect = Effect::Write;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::numeric_id("conversation_id", &a.conversation_id)?;
        let text = args::text("body", Some(&a.body), MAX_NOTE)?
            .ok_or_else(|| args::bad("body", "must not be empty"))?;
        // Identity comes from the credential, never from arguments.
        let admin = me(&state.client, ctx).await?;
        let conversation = state
            .client
            .add_note(ctx, &id, &admin.id, &to_html(&text))
            .await
            .map_err(not_found_as("conversation", &id))?;
        let parts = conversation.conversation_parts.as_ref();
        let note = parts
            .into_iter()
            .flat_map(|p| p.conversation_parts.iter())
            .rev()
            .find(|p| p.part_type == "note" && p.author.id.as_deref() == Some(admin.id.as_str()));
        Ok(Output {
            conversation_id: conversation.id,
            note_id: note.map(|n| n.id.clone()),
            author: admin_person(&admin),
            posted_at: note.map(|n| datetime(n.created_at)),
            text,
        })
    }
}

/// Paragraphs on blank lines, `<br>` on single newlines, `&`, `<` and `>`
/// escaped: notes accept HTML, and the caller's text must not become markup.
fn to_html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.lines().map(escape).collect::<Vec<_>>().join("<br>")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes_are_escaped_paragraphs() {
        assert_eq!(
            super::to_html("Call booked <Fri> & confirmed.\nBring logs.\n\nThanks"),
            "<p>Call booked &lt;Fri&gt; &amp; confirmed.<br>Bring logs.</p><p>Thanks</p>"
        );
    }
}
