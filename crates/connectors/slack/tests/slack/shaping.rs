//! The shaping turns the recorded payloads into the expected values.

use switchboard_slack::model::*;
use switchboard_slack::shape::{self, Names};

use crate::fixtures::{load, text};

/// Names from the recorded member list.
fn names() -> Names {
    let users: UserList = load("users_list.json");
    Names {
        people: users
            .members
            .iter()
            .map(|u| (u.id.clone(), shape::person(u)))
            .collect(),
        channels: [("C0AH33PLXSN".to_owned(), "nango-tests".to_owned())].into(),
    }
}

#[test]
fn messages_shape_from_recordings() {
    let names = names();
    let history: History = load("conversations_history.json");
    assert_eq!(
        (history.messages.len(), history.has_more, history.pin_count),
        (10, true, Some(2))
    );
    assert_eq!(
        next_cursor(&history.response_metadata).as_deref(),
        Some("bmV4dF90czoxNzczMDg4NTAxODg3MjY5")
    );
    let pinned = shape::line(&history.messages[0], &names);
    assert_eq!(
        (pinned.text.as_str(), pinned.pinned),
        ("Another test message for pinning", true)
    );
    assert_eq!(pinned.time, "2026-03-12T07:40:31Z");
    assert_eq!(pinned.author.name, "NangoDevelopersOnlyNotForProduction");
    assert_eq!(pinned.author.email, None, "a bot has no email");
    let parent = shape::post(&history.messages[1], &[], &names);
    assert_eq!(
        (parent.reply_count, parent.more_replies),
        (Some(2), Some(2))
    );
    assert_eq!(
        shape::line(&history.messages[3], &names).reactions,
        ["fire×1"]
    );

    // The shaped message is a fraction of the raw one (blocks, bot_profile).
    let raw: serde_json::Value = serde_json::from_str(&text("conversations_history.json")).unwrap();
    let raw_size = raw["messages"][0].to_string().len();
    let shaped_size = serde_json::to_string(&pinned).unwrap().len();
    assert!(
        shaped_size * 4 < raw_size,
        "shaped {shaped_size} B vs raw {raw_size} B"
    );

    let replies: Replies = load("conversations_replies.json");
    let (parents, rest): (Vec<_>, Vec<_>) = replies.messages.iter().partition(|m| !m.is_reply());
    assert_eq!((parents.len(), rest.len(), replies.has_more), (1, 2, false));
    let post = shape::post(
        parents[0],
        &rest.iter().map(|m| (*m).clone()).collect::<Vec<_>>(),
        &names,
    );
    assert_eq!(post.replies[1].text, "Test reply 2");
    assert_eq!(post.more_replies, None);
    let spec: Replies = load("conversations_replies_spec.json");
    assert_eq!(spec.messages.iter().filter(|m| m.is_reply()).count(), 3);
    assert_eq!(
        next_cursor(&spec.response_metadata).as_deref(),
        Some("bmV4dF90czoxNDg0Njc4MjkwNTE3MDkx")
    );

    let posted: PostMessage = load("chat_postMessage.json");
    assert_eq!(
        (posted.channel.as_str(), posted.warning.as_deref()),
        ("C0AGWLS4CQ3", Some("missing_charset"))
    );
    assert_eq!(
        posted.message.bot_profile.unwrap().name,
        "NangoDevelopersOnlyNotForProduction"
    );
    let spec: PostMessage = load("chat_postMessage_spec.json");
    let by_bot = shape::line(&spec.message, &names);
    assert_eq!(
        (by_bot.author.name.as_str(), by_bot.text.as_str()),
        ("ecto1", "Here's a message for you")
    );
}

#[test]
fn users_channels_and_search_shape_from_recordings() {
    let marcin: UserInfo = load("users_lookupByEmail.json");
    let p = shape::person(&marcin.user);
    assert_eq!(
        (p.name.as_str(), p.email.as_deref()),
        ("marcin", Some("marcinnango@gmail.com"))
    );
    let egon: UserInfo = load("users_info_spec.json");
    assert_eq!(shape::person(&egon.user).name, "Egon Spengler");
    assert_eq!(egon.user.is_admin, Some(true));
    let slackbot: UserInfo = load("users_info.json");
    assert_eq!(
        shape::person(&slackbot.user),
        shape::Person {
            name: "Slackbot".into(),
            email: None
        }
    );
    let list: UserList = load("users_list.json");
    assert_eq!(
        (list.members.len(), next_cursor(&list.response_metadata)),
        (3, None)
    );
    assert!(list.members[1].is_bot);

    let channels: ChannelList = load("conversations_list.json");
    assert_eq!(channels.channels.len(), 10);
    assert_eq!(
        next_cursor(&channels.response_metadata).as_deref(),
        Some("dGVhbTpDMEFKNTRXUDYxNQ==")
    );
    let general = shape::channel(&channels.channels[0]);
    assert_eq!(
        (
            general.name.as_str(),
            general.app_is_member,
            general.members
        ),
        ("#all-nango-test", true, Some(2))
    );
    assert_eq!(general.topic, None, "an empty topic is left out");
    assert!(general.purpose.unwrap().starts_with("Share announcements"));
    assert_eq!(general.created, "2026-02-25");
    let info: ChannelInfo = load("conversations_info_spec.json");
    let spec = shape::channel(&info.channel);
    assert_eq!(
        (spec.name.as_str(), spec.topic.as_deref()),
        ("#general", Some("For public discussion of generalities"))
    );
    assert_eq!(spec.members, None);

    let found: SearchMessages = load("search_messages.json");
    let results = &found.messages;
    assert_eq!(
        (results.total, results.paging.pages, results.matches.len()),
        (2, 1, 2)
    );
    assert_eq!(results.matches[0].channel.name.as_deref(), Some("general"));
    assert_eq!(results.matches[1].user.as_deref(), Some(""));
    assert_eq!(
        results.matches[1].username.as_deref(),
        Some("robot overlord")
    );
    assert_eq!(results.pagination.as_ref().unwrap().per_page, 20);
    let auth: AuthTest = load("auth_test.json");
    assert_eq!(
        (auth.team_id.as_str(), auth.user_id.as_str()),
        ("T12345678", "W12345678")
    );
}
