//! Page content as a tree of blocks, with small builders so the pages read
//! like the documents they are. Ids are assigned once a page's tree is
//! complete, from the page id and each block's position.

use super::notion_id;

/// One block of page content.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Empty until [`assign_ids`] runs.
    pub id: String,
    pub kind: BlockKind,
    pub children: Vec<Block>,
}

/// The block types the demo pages use. Text is plain, with `**bold**`
/// and `` `code` `` runs marked inline.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    Bulleted(String),
    Numbered(String),
    ToDo {
        text: String,
        checked: bool,
    },
    Toggle(String),
    Code {
        language: String,
        text: String,
    },
    Quote(String),
    Callout {
        emoji: String,
        text: String,
    },
    Divider,
    /// Its children are `TableRow`s.
    Table {
        width: usize,
        column_header: bool,
    },
    TableRow(Vec<String>),
    /// A sub-page; the block id is the child page's id.
    ChildPage {
        title: String,
    },
    /// An inline database; the block id is the database id.
    ChildDatabase {
        title: String,
    },
}

impl BlockKind {
    /// Notion's block `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            BlockKind::Heading { level: 1, .. } => "heading_1",
            BlockKind::Heading { level: 2, .. } => "heading_2",
            BlockKind::Heading { .. } => "heading_3",
            BlockKind::Paragraph(_) => "paragraph",
            BlockKind::Bulleted(_) => "bulleted_list_item",
            BlockKind::Numbered(_) => "numbered_list_item",
            BlockKind::ToDo { .. } => "to_do",
            BlockKind::Toggle(_) => "toggle",
            BlockKind::Code { .. } => "code",
            BlockKind::Quote(_) => "quote",
            BlockKind::Callout { .. } => "callout",
            BlockKind::Divider => "divider",
            BlockKind::Table { .. } => "table",
            BlockKind::TableRow(_) => "table_row",
            BlockKind::ChildPage { .. } => "child_page",
            BlockKind::ChildDatabase { .. } => "child_database",
        }
    }
}

impl Block {
    fn new(kind: BlockKind) -> Block {
        Block {
            id: String::new(),
            kind,
            children: Vec::new(),
        }
    }

    /// Nests `children` under this block.
    pub fn with(mut self, children: Vec<Block>) -> Block {
        self.children = children;
        self
    }

    /// Every block in the tree, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Block> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Block::walk)))
    }
}

pub(super) fn h1(text: &str) -> Block {
    heading(1, text)
}

pub(super) fn h2(text: &str) -> Block {
    heading(2, text)
}

pub(super) fn h3(text: &str) -> Block {
    heading(3, text)
}

fn heading(level: u8, text: &str) -> Block {
    Block::new(BlockKind::Heading {
        level,
        text: text.into(),
    })
}

pub(super) fn p(text: impl Into<String>) -> Block {
    Block::new(BlockKind::Paragraph(text.into()))
}

pub(super) fn li(text: impl Into<String>) -> Block {
    Block::new(BlockKind::Bulleted(text.into()))
}

pub(super) fn num(text: impl Into<String>) -> Block {
    Block::new(BlockKind::Numbered(text.into()))
}

pub(super) fn todo(text: impl Into<String>, checked: bool) -> Block {
    Block::new(BlockKind::ToDo {
        text: text.into(),
        checked,
    })
}

pub(super) fn toggle(text: impl Into<String>, children: Vec<Block>) -> Block {
    Block::new(BlockKind::Toggle(text.into())).with(children)
}

pub(super) fn code(language: &str, text: &str) -> Block {
    Block::new(BlockKind::Code {
        language: language.into(),
        text: text.into(),
    })
}

pub(super) fn quote(text: impl Into<String>) -> Block {
    Block::new(BlockKind::Quote(text.into()))
}

pub(super) fn callout(emoji: &str, text: impl Into<String>) -> Block {
    Block::new(BlockKind::Callout {
        emoji: emoji.into(),
        text: text.into(),
    })
}

pub(super) fn divider() -> Block {
    Block::new(BlockKind::Divider)
}

/// A table whose first row is the column header.
pub(super) fn table(rows: Vec<Vec<String>>) -> Block {
    let width = rows.first().map_or(0, Vec::len);
    let rows = rows
        .into_iter()
        .map(|cells| Block::new(BlockKind::TableRow(cells)))
        .collect();
    Block::new(BlockKind::Table {
        width,
        column_header: true,
    })
    .with(rows)
}

/// A link to a sub-page whose id is already known.
pub(super) fn child_page(id: &str, title: &str) -> Block {
    let mut b = Block::new(BlockKind::ChildPage {
        title: title.into(),
    });
    b.id = id.into();
    b
}

pub(super) fn child_database(id: &str, title: &str) -> Block {
    let mut b = Block::new(BlockKind::ChildDatabase {
        title: title.into(),
    });
    b.id = id.into();
    b
}

/// Gives every block without an id one derived from the page id and its
/// path (`<page>/3/0`), so ids are stable across runs.
pub(super) fn assign_ids(page_id: &str, blocks: &mut [Block]) {
    fn go(prefix: &str, blocks: &mut [Block]) {
        for (i, b) in blocks.iter_mut().enumerate() {
            let path = format!("{prefix}/{i}");
            if b.id.is_empty() {
                b.id = notion_id(&format!("block:{path}"));
            }
            go(&path, &mut b.children);
        }
    }
    go(page_id, blocks);
}
