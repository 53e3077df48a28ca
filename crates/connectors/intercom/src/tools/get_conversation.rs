//! `intercom_get_conversation`: one conversation condensed to who said
//! what, when: messages and internal notes as plain text, state changes
//! as one-word events, bookkeeping parts dropped.

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::not_found_as;
use crate::scope::name_contacts;
use crate::shape::{conversation_summary, timeline, ConversationSummary, Entry, Names};
use crate::{args, Intercom};

/// Entries returned at most: the opening message and the latest others.
const MAX_ENTRIES: usize = 40;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub conversation_id: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    #[serde(flatten)]
    pub conversation: ConversationSummary,
    /// Oldest first.
    pub messages: Vec<Entry>,
    /// Earlier entries left out to keep the answer short.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub omitted_earlier: Option<usize>,
}

pub struct GetConversation;

#[async_trait]
impl Tool for GetConversation {
    type State = Intercom;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "intercom_get_conversation";
    const TITLE: &'static str = "Get an Intercom conversation";
    const DESCRIPTION: &'static str =
        "A support conversation's messages and internal notes in order, as plain text.";
    const PERMISSION: &'static str = "intercom:conversations:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Intercom,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let id = args::numeric_id("conversation_id", &a.conversation_id)?;
        let (admins, conversation) =
            tokio::try_join!(state.directory.admins(&state.client, ctx), async {
                state
                    .client
                    .conversation(ctx, &id)
                    .await
                    .map_err(not_found_as("conversation", &id))
            },)?;
        let mut names = Names {
            admins: (*admins).clone(),
            ..Names::default()
        };
        let contact_ids = conversation.contacts.contacts.iter().map(|r| r.id.clone());
        name_contacts(&state.client, ctx, contact_ids, &mut names.contacts).await?;
        let (messages, omitted) = timeline(&conversation, &names, MAX_ENTRIES);
        let mut summary = conversation_summary(&conversation, &names);
        summary.preview = None;
        Ok(Output {
            conversation: summary,
            messages,
            omitted_earlier: (omitted > 0).then_some(omitted),
        })
    }
}
