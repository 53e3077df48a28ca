//! One file per tool; `crate::connector` registers them all.

mod get_channel_history;
mod get_thread;
mod get_user;
mod list_channels;
mod post_message;
mod search_messages;

pub use get_channel_history::GetChannelHistory;
pub use get_thread::GetThread;
pub use get_user::GetUser;
pub use list_channels::ListChannels;
pub use post_message::PostMessage;
pub use search_messages::SearchMessages;

use switchboard_core::{CallContext, ConnectorError};

use crate::errors::{has_code, restate};
use crate::resolve::ChannelRef;
use crate::shape::Names;
use crate::Slack;

/// Restates channel errors with the channel's name: the app not being a
/// member (and how to fix it), the channel being gone or archived.
pub(crate) fn in_channel(
    channel: &ChannelRef,
) -> impl FnOnce(ConnectorError) -> ConnectorError + '_ {
    move |e| {
        let label = channel.label();
        if has_code(&e, "not_in_channel") {
            restate(e, format!(
                "The Slack app is not a member of {label}, so the gateway cannot read or post there. Someone in {label} can add it with /invite."
            ))
        } else if has_code(&e, "channel_not_found") {
            restate(
                e,
                format!("Slack has no channel {label} that the app can see"),
            )
        } else if has_code(&e, "is_archived") {
            restate(
                e,
                format!("{label} is archived: it can be read but not posted to"),
            )
        } else {
            e
        }
    }
}

/// Names for the user ids an answer shows, and every channel's name.
pub(crate) async fn names(
    state: &Slack,
    ctx: &CallContext,
    user_ids: Vec<String>,
) -> Result<Names, ConnectorError> {
    let (people, channels) = tokio::try_join!(
        state.directory.people(&state.client, ctx, user_ids),
        state.directory.channels(&state.client, ctx, false),
    )?;
    Ok(Names {
        people,
        channels: channels
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
    })
}
