//! The demo workspace in Notion's 2025-09-03 payload shapes, with the key
//! sets of `upstream-fixtures/notion`: pages, blocks, users, comments and
//! rich text. Properties and data sources are in `schema.rs`.

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::demo::docs::{
    Block, BlockKind, CommentParent, DocComment, DocPage, DocParent, NotionUser, NotionWorkspace,
    WORKSPACE_NAME,
};

/// Notion's timestamps: minute precision, UTC, milliseconds shown.
pub(super) fn time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:00.000Z").to_string()
}

/// Rich text runs: `**bold**` and `` `code` `` marks become annotations.
pub(super) fn rich_text(text: &str) -> Value {
    let mut runs = Vec::new();
    let (mut bold, mut code) = (false, false);
    let mut current = String::new();
    let mut flush = |current: &mut String, bold: bool, code: bool| {
        if !current.is_empty() {
            runs.push(run(current, bold, code));
            current.clear();
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("**") && !code {
            flush(&mut current, bold, code);
            bold = !bold;
            rest = &rest[2..];
        } else if c == '`' {
            flush(&mut current, bold, code);
            code = !code;
            rest = &rest[1..];
        } else {
            current.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut current, bold, code);
    Value::Array(runs)
}

pub(super) fn run(text: &str, bold: bool, code: bool) -> Value {
    json!({
        "type": "text",
        "text": {"content": text, "link": null},
        "annotations": {
            "bold": bold, "italic": false, "strikethrough": false,
            "underline": false, "code": code, "color": "default"
        },
        "plain_text": text,
        "href": null
    })
}

pub(super) fn user_ref(id: &str) -> Value {
    json!({"object": "user", "id": id})
}

/// A full user (`users_list.json`): a person with an email, or the bot.
pub(super) fn user(ws: &NotionWorkspace, u: &NotionUser) -> Value {
    match &u.email {
        Some(email) => json!({
            "object": "user", "id": u.id, "name": u.name, "avatar_url": null,
            "type": "person", "person": {"email": email, "email_verified": true}
        }),
        None => json!({
            "object": "user", "id": u.id, "name": u.name, "avatar_url": null, "type": "bot",
            "bot": {
                "owner": {"type": "workspace", "workspace": true},
                "workspace_name": WORKSPACE_NAME,
                "workspace_id": ws.workspace_id,
                "workspace_limits": {"max_file_upload_size_in_bytes": 5242880}
            }
        }),
    }
}

fn parent(p: &DocParent) -> Value {
    match p {
        DocParent::Workspace => json!({"type": "workspace", "workspace": true}),
        DocParent::Page(id) => json!({"type": "page_id", "page_id": id}),
        DocParent::DataSource {
            data_source_id,
            database_id,
        } => {
            json!({"type": "data_source_id", "data_source_id": data_source_id, "database_id": database_id})
        }
    }
}

/// `https://app.notion.com/p/<Title-slug>-<id without dashes>`.
pub(super) fn url(title: &str, id: &str) -> String {
    let slug: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let hex = id.replace('-', "");
    if slug.is_empty() {
        format!("https://app.notion.com/p/{hex}")
    } else {
        format!("https://app.notion.com/p/{}-{hex}", slug.join("-"))
    }
}

pub(super) fn icon(emoji: Option<&str>) -> Value {
    emoji.map_or(Value::Null, |e| json!({"type": "emoji", "emoji": e}))
}

/// A page (`page_get.json` keys, without `request_id`).
pub(super) fn page(ws: &NotionWorkspace, p: &DocPage) -> Value {
    json!({
        "object": "page",
        "id": p.id,
        "created_time": time(p.created),
        "last_edited_time": time(p.edited),
        "created_by": user_ref(&p.created_by),
        "last_edited_by": user_ref(&p.edited_by),
        "cover": null,
        "icon": icon(p.icon.as_deref()),
        "parent": parent(&p.parent),
        "in_trash": false,
        "is_archived": false,
        "is_locked": false,
        "properties": super::schema::properties(ws, p),
        "url": url(&p.title, &p.id),
        "public_url": null,
        "archived": false
    })
}

/// A block (`blocks_children.json` item keys). `parent_block` is `None`
/// for a page's top-level blocks.
pub(super) fn block(
    ws: &NotionWorkspace,
    page: &DocPage,
    parent_block: Option<&str>,
    b: &Block,
) -> Value {
    let parent = match parent_block {
        Some(id) => json!({"type": "block_id", "block_id": id}),
        None => json!({"type": "page_id", "page_id": page.id}),
    };
    let has_children = match &b.kind {
        BlockKind::ChildPage { .. } => ws.page(&b.id).is_some_and(|p| !p.blocks.is_empty()),
        BlockKind::ChildDatabase { .. } => false,
        _ => !b.children.is_empty(),
    };
    let kind = b.kind.type_name();
    json!({
        "object": "block",
        "id": b.id,
        "parent": parent,
        "created_time": time(page.created),
        "last_edited_time": time(page.edited),
        "created_by": user_ref(&page.created_by),
        "last_edited_by": user_ref(&page.edited_by),
        "has_children": has_children,
        "in_trash": false,
        "type": kind,
        kind: block_payload(&b.kind),
        "archived": false
    })
}

fn block_payload(kind: &BlockKind) -> Value {
    let text = |t: &str| json!({"rich_text": rich_text(t), "color": "default"});
    match kind {
        BlockKind::Paragraph(t) => {
            json!({"rich_text": rich_text(t), "icon": null, "color": "default"})
        }
        BlockKind::Heading { text: t, .. } => {
            json!({"rich_text": rich_text(t), "is_toggleable": false, "color": "default"})
        }
        BlockKind::Bulleted(t)
        | BlockKind::Numbered(t)
        | BlockKind::Toggle(t)
        | BlockKind::Quote(t) => text(t),
        BlockKind::ToDo { text: t, checked } => {
            json!({"rich_text": rich_text(t), "checked": checked, "color": "default"})
        }
        BlockKind::Code { language, text: t } => {
            json!({"caption": [], "rich_text": [run(t, false, false)], "language": language})
        }
        BlockKind::Callout { emoji, text: t } => json!({
            "rich_text": rich_text(t), "icon": {"type": "emoji", "emoji": emoji}, "color": "gray_background"
        }),
        BlockKind::Divider => json!({}),
        BlockKind::Table {
            width,
            column_header,
        } => json!({
            "table_width": width, "has_column_header": column_header, "has_row_header": false
        }),
        BlockKind::TableRow(cells) => json!({
            "cells": cells.iter().map(|c| rich_text(c)).collect::<Vec<_>>()
        }),
        BlockKind::ChildPage { title } | BlockKind::ChildDatabase { title } => {
            json!({"title": title})
        }
    }
}

/// A comment (`comments_list.json` item keys).
pub(super) fn comment(ws: &NotionWorkspace, c: &DocComment) -> Value {
    let parent = match &c.parent {
        CommentParent::Page(id) => json!({"type": "page_id", "page_id": id}),
        CommentParent::Block { block_id, .. } => json!({"type": "block_id", "block_id": block_id}),
    };
    let name = ws
        .user(&c.author)
        .map_or("Unknown user", |u| u.name.as_str());
    json!({
        "object": "comment",
        "id": c.id,
        "parent": parent,
        "discussion_id": c.discussion_id,
        "created_time": time(c.created),
        "last_edited_time": time(c.created),
        "created_by": user_ref(&c.author),
        "rich_text": rich_text(&c.text),
        "display_name": {"type": "user", "resolved_name": name}
    })
}
