//! Fetching a page's content: block children page by page, recursing into
//! blocks with children, within a depth budget, a size budget (characters
//! of text) and a request budget (Notion allows ~3 requests a second, so
//! a huge page must not eat the call's deadline).

use std::future::Future;
use std::pin::Pin;

use switchboard_core::{CallContext, ConnectorError};

use crate::client::Client;
use crate::model::{Block, TableRowPayload, TextPayload};
use crate::shape::markdown::Node;
use crate::shape::plain;

/// How much of a page to read.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// 1 = the page's own blocks only.
    pub max_depth: usize,
    pub max_chars: usize,
    pub max_requests: usize,
}

/// The fetched tree and which budgets cut it short.
#[derive(Debug, Default)]
pub struct Content {
    pub nodes: Vec<Node>,
    pub depth_cut: bool,
    pub size_cut: bool,
    pub request_cut: bool,
    pub requests: usize,
}

type Fetch<'a> = Pin<Box<dyn Future<Output = Result<Vec<Node>, ConnectorError>> + Send + 'a>>;

struct Fetcher<'a> {
    client: &'a Client,
    ctx: &'a CallContext,
    budget: Budget,
    chars: usize,
    out: Content,
}

/// Reads the children of `id` (a page or block) within `budget`.
pub async fn fetch(
    client: &Client,
    ctx: &CallContext,
    id: &str,
    budget: Budget,
) -> Result<Content, ConnectorError> {
    let mut f = Fetcher {
        client,
        ctx,
        budget,
        chars: 0,
        out: Content::default(),
    };
    let nodes = f.children(id.to_owned(), 1).await?;
    f.out.nodes = nodes;
    Ok(f.out)
}

/// Characters of text a block contributes, for the size budget.
fn text_len(b: &Block) -> usize {
    if let Some(row) = b.payload::<TableRowPayload>() {
        return row.cells.iter().map(|c| plain(c).len() + 3).sum();
    }
    b.payload::<TextPayload>()
        .map_or(0, |t| plain(&t.rich_text).len())
        + 4
}

impl<'a> Fetcher<'a> {
    fn over_requests(&mut self) -> bool {
        if self.out.requests >= self.budget.max_requests {
            self.out.request_cut = true;
            return true;
        }
        false
    }

    /// Text is counted in document order, so whatever fits the size
    /// budget is a prefix of the page.
    fn children(&mut self, id: String, depth: usize) -> Fetch<'_> {
        Box::pin(async move {
            let mut blocks = Vec::new();
            let mut pending = 0;
            let mut cursor: Option<String> = None;
            loop {
                if self.chars + pending > self.budget.max_chars {
                    self.out.size_cut = true;
                    break;
                }
                if self.over_requests() {
                    break;
                }
                let page = self
                    .client
                    .children(self.ctx, &id, cursor.as_deref())
                    .await?;
                self.out.requests += 1;
                let next = page.next();
                for b in page.results.into_iter().filter(|b| !b.in_trash) {
                    pending += text_len(&b);
                    blocks.push(b);
                }
                match next {
                    Some(c) => cursor = Some(c),
                    None => break,
                }
            }
            let mut nodes = Vec::with_capacity(blocks.len());
            for block in blocks {
                if self.chars > self.budget.max_chars {
                    self.out.size_cut = true;
                    break;
                }
                self.chars += text_len(&block);
                let mut node = Node::leaf(block);
                // Sub-pages and databases are separate documents.
                let separate = matches!(node.block.kind.as_str(), "child_page" | "child_database");
                if node.block.has_children && !separate {
                    // A table's rows are the table itself, whatever the depth.
                    let is_table = node.block.kind == "table";
                    if depth >= self.budget.max_depth && !is_table {
                        node.omitted = true;
                        self.out.depth_cut = true;
                    } else if self.over_requests() {
                        node.omitted = true;
                    } else {
                        let id = node.block.id.clone();
                        node.children = self.children(id, depth + 1).await?;
                    }
                }
                nodes.push(node);
            }
            Ok(nodes)
        })
    }
}
