//! Demo data in Slack's wire shapes, key for key as recorded: users as in
//! `users_list.json` / `users_lookupByEmail.json`, channels as in
//! `conversations_list.json` / `conversations_info.json`, messages as in
//! `conversations_history.json` / `conversations_replies.json` (a person's
//! message carries `client_msg_id` instead of the bot's `bot_id`, `app_id`
//! and `bot_profile`, as Slack sends it).

use serde_json::{json, Map, Value};

use super::Slack;
use crate::demo::chat::{SlackChannel, SlackMessage, SlackUser};

fn hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `users.info` / `users.lookupByEmail` (`listed` adds what `users.list`
/// adds: Slackbot's empty `fields`).
pub(super) fn user(s: &Slack, u: &SlackUser, listed: bool) -> Value {
    let team = &s.ws.team_id;
    let image = |size: &str| {
        format!(
            "https://avatars.slack-edge.com/northwind/{}_{size}.png",
            u.avatar_hash
        )
    };
    let mut profile = json!({
        "real_name": u.real_name, "display_name": u.display_name, "avatar_hash": u.avatar_hash,
        "real_name_normalized": u.real_name, "display_name_normalized": u.display_name,
        "image_24": image("24"), "image_32": image("32"), "image_48": image("48"),
        "image_72": image("72"), "image_192": image("192"), "image_512": image("512"),
        "first_name": u.first_name, "last_name": u.last_name, "team": team, "title": u.title,
        "phone": "", "skype": "", "status_text": "", "status_text_canonical": "", "status_emoji": "",
        "status_emoji_display_info": [], "status_expiration": 0,
    });
    if let Some(app) = &u.app {
        profile["image_1024"] = image("1024").into();
        profile["image_original"] = image("original").into();
        profile["is_custom_image"] = true.into();
        profile["bot_id"] = app.bot_id.clone().into();
        profile["api_app_id"] = app.app_id.clone().into();
        profile["always_active"] = false.into();
    } else if u.is_slackbot {
        profile["always_active"] = true.into();
        if listed {
            profile["fields"] = json!({});
        }
    } else {
        profile["email"] = u.email.clone().into();
    }
    json!({
        "id": u.id, "name": u.name, "is_bot": u.is_bot(), "updated": u.updated, "is_app_user": false,
        "team_id": team, "deleted": false, "color": u.color,
        "is_email_confirmed": !u.email.is_empty(), "real_name": u.real_name,
        "tz": u.tz, "tz_label": u.tz_label, "tz_offset": u.tz_offset,
        "is_admin": u.is_admin, "is_owner": u.is_owner, "is_primary_owner": u.is_owner,
        "is_restricted": false, "is_ultra_restricted": false, "who_can_share_contact_card": "EVERYONE",
        "profile": profile,
    })
}

/// A channel as `conversations.list` lists it; `info` adds what
/// `conversations.info` adds.
pub(super) fn channel(s: &Slack, c: &SlackChannel, as_user: &str, info: bool) -> Value {
    let team = &s.ws.team_id;
    let mut v = json!({
        "id": c.id, "name": c.name, "is_channel": true, "is_group": false, "is_im": false,
        "is_mpim": false, "is_private": false, "created": c.created, "is_archived": c.is_archived,
        "is_general": c.is_general, "unlinked": 0, "name_normalized": c.name, "is_shared": false,
        "is_org_shared": false, "is_pending_ext_shared": false, "pending_shared": [],
        "context_team_id": team, "updated": c.created * 1000 + 261, "parent_conversation": null,
        "creator": c.creator, "is_ext_shared": false, "shared_team_ids": [team],
        "pending_connected_team_ids": [], "is_member": c.has_member(as_user),
        "topic": {"value": c.topic, "creator": c.creator, "last_set": c.created},
        "purpose": {"value": c.purpose, "creator": c.creator, "last_set": c.created},
        "previous_names": c.previous_names,
        "num_members": c.members.len(),
    });
    if c.is_general {
        v["properties"] = json!({
            "tabs": [{"type": "bookmarks", "label": "", "id": "bookmarks"}],
            "tabz": [{"type": "bookmarks"}],
            "use_case": "welcome",
        });
    }
    if info {
        v["last_read"] = format!("{}.000100", c.created).into();
        v["is_thread_only"] = false.into();
        v["is_read_only"] = false.into();
    }
    v
}

/// A message with its thread summary, computed from `all` (replies to a
/// parent, the parent of a reply).
pub(super) fn message(s: &Slack, all: &[SlackMessage], m: &SlackMessage) -> Value {
    let mut v = json!({
        "user": m.user, "type": "message", "ts": m.ts, "text": m.text, "team": s.ws.team_id,
        "blocks": blocks(&m.ts, &m.text),
    });
    match s
        .ws
        .user(&m.user)
        .and_then(|u| u.app.as_ref().map(|a| (u, a)))
    {
        Some((u, app)) => {
            v["bot_id"] = app.bot_id.clone().into();
            v["app_id"] = app.app_id.clone().into();
            let icon = |n: u32| {
                format!(
                    "https://avatars.slack-edge.com/northwind/{}_{n}.png",
                    u.avatar_hash
                )
            };
            v["bot_profile"] = json!({
                "id": app.bot_id, "app_id": app.app_id, "user_id": u.id, "name": app.name,
                "icons": {"image_36": icon(36), "image_48": icon(48), "image_72": icon(72)},
                "deleted": false, "updated": u.updated, "team_id": s.ws.team_id,
            });
        }
        None => v["client_msg_id"] = client_msg_id(&m.ts).into(),
    }
    if let Some(parent) = m.thread_ts.as_deref().filter(|_| m.is_reply()) {
        v["thread_ts"] = parent.into();
        let parent_user = all
            .iter()
            .find(|p| p.channel == m.channel && p.ts == parent);
        v["parent_user_id"] = parent_user
            .map_or(m.user.clone(), |p| p.user.clone())
            .into();
    }
    let replies: Vec<&SlackMessage> = all
        .iter()
        .filter(|r| r.channel == m.channel && r.is_reply() && r.thread_ts.as_deref() == Some(&m.ts))
        .collect();
    if let Some(last) = replies.last() {
        let mut users: Vec<&str> = Vec::new();
        for r in &replies {
            if !users.contains(&r.user.as_str()) {
                users.push(&r.user);
            }
        }
        v["thread_ts"] = m.ts.clone().into();
        v["reply_count"] = replies.len().into();
        v["reply_users_count"] = users.len().into();
        v["latest_reply"] = last.ts.clone().into();
        v["reply_users"] = users.into();
        v["is_locked"] = false.into();
        v["subscribed"] = false.into();
    }
    if !m.reactions.is_empty() {
        let reactions: Vec<Value> = m
            .reactions
            .iter()
            .map(|r| json!({"name": r.name, "users": r.users, "count": r.users.len()}))
            .collect();
        v["reactions"] = reactions.into();
    }
    if let Some((by, at)) = &m.pinned {
        v["pinned_to"] = json!([m.channel]);
        v["pinned_info"] = json!({"channel": m.channel, "pinned_by": by, "pinned_ts": at});
    }
    v
}

/// A UUID-looking id derived from the ts.
fn client_msg_id(ts: &str) -> String {
    let (a, b) = (hash(ts), hash(&format!("{ts}:client")));
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

/// Slack's `rich_text` block for mrkdwn `text`: user, channel and link
/// elements for `<...>` references, text elements (unescaped) between.
pub(super) fn blocks(ts: &str, text: &str) -> Value {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let mut elements = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        if start > 0 {
            elements.push(json!({"type": "text", "text": unescape(&rest[..start])}));
        }
        let inner = &rest[start + 1..start + len];
        let (target, label) = inner.split_once('|').unwrap_or((inner, ""));
        elements.push(if let Some(id) = target.strip_prefix('@') {
            json!({"type": "user", "user_id": id})
        } else if let Some(id) = target.strip_prefix('#') {
            json!({"type": "channel", "channel_id": id})
        } else if label.is_empty() {
            json!({"type": "link", "url": target})
        } else {
            json!({"type": "link", "url": target, "text": unescape(label)})
        });
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        elements.push(json!({"type": "text", "text": unescape(rest)}));
    }
    const ID: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+";
    let mut h = hash(ts);
    let block_id: String = (0..5)
        .map(|_| {
            let c = ID[(h % 64) as usize] as char;
            h /= 64;
            c
        })
        .collect();
    json!([{
        "type": "rich_text", "block_id": block_id,
        "elements": [{"type": "rich_text_section", "elements": elements}],
    }])
}

/// The channel summary inside a search match.
pub(super) fn search_channel(c: &SlackChannel) -> Value {
    let mut v = Map::new();
    for key in [
        "is_ext_shared",
        "is_mpim",
        "is_org_shared",
        "is_pending_ext_shared",
        "is_private",
        "is_shared",
    ] {
        v.insert(key.into(), false.into());
    }
    v.insert("id".into(), c.id.clone().into());
    v.insert("name".into(), c.name.clone().into());
    v.insert("pending_shared".into(), json!([]));
    Value::Object(v)
}
