//! `slack_get_user`: one workspace member by id, by email
//! (`users.lookupByEmail`), or "me" (the caller's email, from the
//! credential, never from arguments).

use async_trait::async_trait;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use switchboard_core::{CallContext, ConnectorError, Effect, ErrorKind, Tool};

use crate::client::Tier;
use crate::errors::restate;
use crate::model::{User, UserInfo};
use crate::shape::person;
use crate::{args, Slack};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// User id (U…), email, or "me".
    pub user: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Output {
    pub id: String,
    pub name: String,
    /// The @handle.
    pub handle: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// IANA zone and its label, e.g. "Asia/Tokyo (Japan Standard Time)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub admin: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bot: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deactivated: bool,
}

enum Who {
    Me(String),
    Email(String),
    Id(String),
}

fn who(ctx: &CallContext, value: &str) -> Result<Who, ConnectorError> {
    let v = value.trim();
    if v.eq_ignore_ascii_case("me") {
        let email = ctx.principal.email.trim().to_lowercase();
        if !email.contains('@') {
            return Err(args::bad(
                "user",
                "\"me\" needs a caller with an email address",
            ));
        }
        return Ok(Who::Me(email));
    }
    if v.contains('@') {
        return Ok(Who::Email(args::email("user", v)?));
    }
    let is_id = (9..=20).contains(&v.len())
        && v.starts_with(['U', 'W', 'B'])
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !is_id {
        return Err(args::bad(
            "user",
            format!("`{v}` is not a Slack user id (U…), an email, or \"me\""),
        ));
    }
    Ok(Who::Id(v.to_owned()))
}

fn shaped(u: &User) -> Output {
    let p = person(u);
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let status = [
        clean(&u.profile.status_emoji),
        clean(&u.profile.status_text),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    Output {
        id: u.id.clone(),
        name: p.name,
        handle: u.name.clone(),
        email: p.email,
        title: clean(&u.profile.title),
        timezone: clean(&u.tz).map(|tz| match clean(&u.tz_label) {
            Some(label) => format!("{tz} ({label})"),
            None => tz,
        }),
        status: Some(status).filter(|s| !s.is_empty()),
        admin: u.is_admin.unwrap_or(false),
        bot: u.is_bot,
        deactivated: u.deleted,
    }
}

pub struct GetUser;

#[async_trait]
impl Tool for GetUser {
    type State = Slack;
    type Args = Args;
    type Output = Output;

    const NAME: &'static str = "slack_get_user";
    const TITLE: &'static str = "Get a Slack user";
    const DESCRIPTION: &'static str = "A Slack member's profile: title, time zone, status.";
    const PERMISSION: &'static str = "slack:users:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &Slack,
        ctx: &CallContext,
        a: Args,
    ) -> Result<Output, ConnectorError> {
        let user = match who(ctx, &a.user)? {
            Who::Id(id) => {
                let args = [("user", Some(id.clone()))];
                let info: UserInfo = state
                    .client
                    .get(ctx, Tier::Four, "users.info", &args)
                    .await
                    .map_err(|e| match e.kind {
                        ErrorKind::NotFound => restate(e, format!("No Slack user has the id {id}")),
                        _ => e,
                    })?;
                info.user
            }
            Who::Email(email) => match state.client.user_by_email(ctx, &email).await? {
                Some(info) => info.user,
                None => {
                    return Err(ConnectorError::not_found(format!(
                        "No Slack user has the email {email}"
                    )))
                }
            },
            Who::Me(email) => match state.client.user_by_email(ctx, &email).await? {
                Some(info) => info.user,
                None => {
                    return Err(ConnectorError::not_found(format!(
                        "You ({email}) are not a member of the Slack workspace"
                    )))
                }
            },
        };
        Ok(shaped(&user))
    }
}
