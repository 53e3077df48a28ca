//! The Web API methods the tools call, typed.

use serde_json::Value;
use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use switchboard_upstream::UpstreamRequest;

use super::{Client, Tier};
use crate::model::{ChannelList, History, PostMessage, Replies, SearchMessages, UserInfo};

impl Client {
    pub async fn history(
        &self,
        ctx: &CallContext,
        channel: &str,
        window: (Option<String>, Option<String>),
        limit: usize,
        cursor: Option<String>,
    ) -> Result<History, ConnectorError> {
        let args = [
            ("channel", Some(channel.to_owned())),
            ("oldest", window.0),
            ("latest", window.1),
            ("inclusive", Some("true".to_owned())),
            ("limit", Some(limit.to_string())),
            ("cursor", cursor),
        ];
        self.get(ctx, Tier::Three, "conversations.history", &args)
            .await
    }

    pub async fn replies(
        &self,
        ctx: &CallContext,
        channel: &str,
        ts: &str,
        limit: usize,
        cursor: Option<String>,
    ) -> Result<Replies, ConnectorError> {
        let args = [
            ("channel", Some(channel.to_owned())),
            ("ts", Some(ts.to_owned())),
            ("limit", Some(limit.to_string())),
            ("cursor", cursor),
        ];
        self.get(ctx, Tier::Three, "conversations.replies", &args)
            .await
    }

    /// One page of public and private channels the app can see.
    pub async fn channels(
        &self,
        ctx: &CallContext,
        limit: usize,
        cursor: Option<String>,
        exclude_archived: bool,
    ) -> Result<ChannelList, ConnectorError> {
        let args = [
            ("types", Some("public_channel,private_channel".to_owned())),
            ("exclude_archived", Some(exclude_archived.to_string())),
            ("limit", Some(limit.to_string())),
            ("cursor", cursor),
        ];
        self.get(ctx, Tier::Two, "conversations.list", &args).await
    }

    pub async fn user_info(&self, ctx: &CallContext, id: &str) -> Result<UserInfo, ConnectorError> {
        let args = [("user", Some(id.to_owned()))];
        self.get(ctx, Tier::Four, "users.info", &args).await
    }

    /// The member with this email, `None` if there is none.
    pub async fn user_by_email(
        &self,
        ctx: &CallContext,
        email: &str,
    ) -> Result<Option<UserInfo>, ConnectorError> {
        let args = [("email", Some(email.to_owned()))];
        match self
            .get(ctx, Tier::Three, "users.lookupByEmail", &args)
            .await
        {
            Ok(info) => Ok(Some(info)),
            Err(e) if e.kind == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `search.messages` with the user token, newest first.
    pub async fn search(
        &self,
        ctx: &CallContext,
        query: &str,
        count: usize,
        page: u32,
    ) -> Result<SearchMessages, ConnectorError> {
        let Some(user) = &self.user else {
            return Err(ConnectorError::new(
                ErrorKind::UpstreamDenied,
                "Slack search is not configured: it needs a user token",
            ));
        };
        let request = UpstreamRequest::get("search.messages")
            .query("query", query)
            .query("count", count)
            .query("page", page)
            .query("sort", "timestamp")
            .query("sort_dir", "desc");
        self.call(ctx, user, request).await
    }

    /// `chat.postMessage` with a JSON body (never retried: not idempotent).
    pub async fn post_message(
        &self,
        ctx: &CallContext,
        body: &Value,
    ) -> Result<PostMessage, ConnectorError> {
        let request = UpstreamRequest::post("chat.postMessage", body);
        self.call(ctx, &self.post, request).await
    }
}
