//! Page content as Markdown. Notion's block JSON costs ~700 bytes per
//! paragraph; the same paragraph as Markdown costs its text. Headings,
//! paragraphs, lists, to-dos, code, quotes, callouts, toggles and tables
//! render as Markdown; sub-pages and databases as named references;
//! anything else as a short bracketed note.

use crate::model::{Block, LinkPayload, RichText, TableRowPayload, TextPayload, TitlePayload};

/// A fetched block and the children fetched for it.
#[derive(Debug, Clone)]
pub struct Node {
    pub block: Block,
    pub children: Vec<Node>,
    /// It has children that were not fetched (a depth or size budget).
    pub omitted: bool,
}

impl Node {
    pub fn leaf(block: Block) -> Node {
        Node {
            block,
            children: Vec::new(),
            omitted: false,
        }
    }
}

/// Rich text with its annotations as Markdown (`**bold**`, `` `code` ``,
/// links).
pub fn inline(runs: &[RichText]) -> String {
    let mut out = String::new();
    for r in runs {
        let text = r.plain_text.as_str();
        if text.trim().is_empty() {
            out.push_str(text);
            continue;
        }
        let a = &r.annotations;
        let mut s = if a.code {
            format!("`{text}`")
        } else {
            text.to_owned()
        };
        if a.bold {
            s = format!("**{s}**");
        }
        if a.italic {
            s = format!("*{s}*");
        }
        if a.strikethrough {
            s = format!("~~{s}~~");
        }
        if let Some(href) = r.href.as_deref().filter(|h| h.starts_with("http")) {
            s = format!("[{s}]({href})");
        }
        out.push_str(&s);
    }
    out
}

/// Renders sibling blocks: list items stay together, other blocks are
/// separated by a blank line.
pub fn render(nodes: &[Node]) -> String {
    let mut out = String::new();
    let mut number = 0;
    let mut previous_list = false;
    for node in nodes {
        let kind = node.block.kind.as_str();
        number = if kind == "numbered_list_item" {
            number + 1
        } else {
            0
        };
        let Some(chunk) = block(node, number) else {
            continue;
        };
        let is_list = matches!(kind, "bulleted_list_item" | "numbered_list_item" | "to_do");
        if !out.is_empty() {
            out.push_str(if is_list && previous_list {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&chunk);
        previous_list = is_list;
    }
    out
}

/// Prefixes every non-empty line.
fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                l.to_owned()
            } else {
                format!("{prefix}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The block's children, rendered, indented under it.
fn nested(node: &Node, prefix: &str) -> String {
    let mut body = render(&node.children);
    if node.omitted {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push('…');
    }
    if body.is_empty() {
        String::new()
    } else {
        format!("\n{}", indent(&body, prefix))
    }
}

fn block(node: &Node, number: usize) -> Option<String> {
    let b = &node.block;
    let text = || b.payload::<TextPayload>().unwrap_or_default();
    let md = match b.kind.as_str() {
        "paragraph" => format!("{}{}", inline(&text().rich_text), nested(node, "  ")),
        "heading_1" | "heading_2" | "heading_3" => {
            let level = &b.kind[8..];
            let hashes = "#".repeat(level.parse().unwrap_or(3));
            let children = render(&node.children);
            let mut s = format!("{hashes} {}", inline(&text().rich_text));
            if !children.is_empty() {
                s = format!("{s}\n\n{children}");
            }
            s
        }
        "bulleted_list_item" => format!("- {}{}", inline(&text().rich_text), nested(node, "  ")),
        "numbered_list_item" => {
            format!(
                "{number}. {}{}",
                inline(&text().rich_text),
                nested(node, "   ")
            )
        }
        "to_do" => {
            let t = text();
            let mark = if t.checked == Some(true) { "x" } else { " " };
            format!("- [{mark}] {}{}", inline(&t.rich_text), nested(node, "  "))
        }
        "toggle" => format!("▸ {}{}", inline(&text().rich_text), nested(node, "  ")),
        "quote" => indent(
            &format!("{}{}", inline(&text().rich_text), nested(node, "")),
            "> ",
        ),
        "callout" => {
            let t = text();
            let emoji = t
                .icon
                .and_then(|i| i.emoji)
                .map(|e| format!("{e} "))
                .unwrap_or_default();
            indent(
                &format!("{emoji}{}{}", inline(&t.rich_text), nested(node, "")),
                "> ",
            )
        }
        "code" => {
            let t = text();
            let lang = t.language.filter(|l| l != "plain text").unwrap_or_default();
            let code: String = t.rich_text.iter().map(|r| r.plain_text.as_str()).collect();
            format!("```{lang}\n{code}\n```")
        }
        "divider" => "---".to_owned(),
        "table" => table(node),
        "child_page" => format!("📄 **{}** (page {})", title(b), b.id),
        "child_database" => format!("🗃️ **{}** (database {})", title(b), b.id),
        "column_list" | "column" | "synced_block" => render(&node.children),
        "equation" => format!("$${}$$", link(b).expression.unwrap_or_default()),
        "bookmark" | "embed" | "link_preview" => {
            let l = link(b);
            let url = l.url.unwrap_or_default();
            let caption = super::plain(&l.caption);
            format!(
                "[{}]({url})",
                if caption.is_empty() {
                    url.as_str()
                } else {
                    caption.as_str()
                }
            )
        }
        "image" | "video" | "audio" | "file" | "pdf" => {
            let l = link(b);
            let caption = super::plain(&l.caption);
            let what = l.name.filter(|n| !n.is_empty()).unwrap_or(caption);
            if what.is_empty() {
                format!("[{}]", b.kind)
            } else {
                format!("[{}: {what}]", b.kind)
            }
        }
        "table_of_contents" | "breadcrumb" => return None,
        other => format!("[unsupported block: {other}]"),
    };
    Some(md)
}

fn title(b: &Block) -> String {
    b.payload::<TitlePayload>()
        .map(|t| t.title)
        .unwrap_or_default()
}

fn link(b: &Block) -> LinkPayload {
    b.payload::<LinkPayload>().unwrap_or_default()
}

/// A Markdown table; the first row is the header (Markdown needs one).
fn table(node: &Node) -> String {
    let rows: Vec<Vec<String>> = node
        .children
        .iter()
        .filter_map(|r| r.block.payload::<TableRowPayload>())
        .map(|r| {
            r.cells
                .iter()
                .map(|c| inline(c).replace('|', "\\|").replace('\n', " "))
                .collect()
        })
        .collect();
    let Some(first) = rows.first() else {
        return "[table]".to_owned();
    };
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let mut out = vec![line(first), line(&vec!["---".to_owned(); first.len()])];
    out.extend(rows[1..].iter().map(|r| line(r)));
    if node.omitted {
        out.push("…".to_owned());
    }
    out.join("\n")
}
