//! `Link`-header paging up to a caller's limit: follow `rel="next"` while
//! it stays on the configured API, stop mid-page at the limit, and hand
//! back the position to resume from.

use serde::de::DeserializeOwned;
use switchboard_core::{CallContext, ConnectorError};
use switchboard_upstream::UpstreamRequest;

use crate::client::{Api, Client};
use crate::cursor::Position;
use crate::link;
use crate::model::SearchResponse;

/// Pages one call may walk before it hands back a cursor.
const MAX_PAGES: usize = 10;

/// A page body: a bare array, or a search result with its total.
pub trait Listing<T> {
    fn into_parts(self) -> (Vec<T>, Option<u64>, bool);
}

impl<T> Listing<T> for Vec<T> {
    fn into_parts(self) -> (Vec<T>, Option<u64>, bool) {
        (self, None, false)
    }
}

impl<T> Listing<T> for SearchResponse<T> {
    fn into_parts(self) -> (Vec<T>, Option<u64>, bool) {
        (self.items, Some(self.total_count), self.incomplete_results)
    }
}

/// What a walk over pages collected.
#[derive(Debug)]
pub struct Walked<T> {
    pub items: Vec<T>,
    /// Where to resume, when GitHub has more.
    pub next: Option<Position>,
    /// Search only: every match, not just these.
    pub total: Option<u64>,
    /// Search only: GitHub timed out and the results may be partial.
    pub incomplete: bool,
}

impl Client {
    /// Walks pages from `start` until `limit` items pass `keep`, GitHub
    /// has no `next` page, or [`MAX_PAGES`] were read. Next pages come
    /// from the `Link` header when it points at the configured API, else
    /// from `request` with the next page number. `window` caps how far
    /// paging may go (search serves the first 1,000 results only).
    #[allow(clippy::too_many_arguments)]
    pub async fn walk<T, B>(
        &self,
        ctx: &CallContext,
        api: Api,
        request: UpstreamRequest,
        start: Position,
        limit: usize,
        window: Option<u64>,
        keep: impl Fn(&T) -> bool,
    ) -> Result<Walked<T>, ConnectorError>
    where
        B: DeserializeOwned + Listing<T>,
    {
        let client = self.upstream(api);
        let at = |pos: Position| {
            request
                .clone()
                .query("per_page", pos.per_page)
                .query("page", pos.page)
        };
        let mut out = Walked {
            items: Vec::new(),
            next: None,
            total: None,
            incomplete: false,
        };
        let mut pos = start;
        let mut next_request = at(pos);
        for _ in 0..MAX_PAGES {
            let response = client.send(ctx, next_request).await?;
            let (items, total, incomplete) = response.json::<B>(client.service())?.into_parts();
            out.total = out.total.or(total);
            out.incomplete |= incomplete;
            let got = items.len();
            for (i, item) in items.into_iter().enumerate().skip(pos.skip as usize) {
                if out.items.len() == limit {
                    out.next = Some(Position {
                        skip: i as u32,
                        ..pos
                    });
                    return Ok(out);
                }
                if keep(&item) {
                    out.items.push(item);
                }
            }
            let links = response
                .headers
                .get_all("link")
                .iter()
                .filter_map(|v| v.to_str().ok());
            let Some(href) = link::next(links) else {
                return Ok(out);
            };
            let following = Position {
                page: link::number_param(&href, "page").unwrap_or(pos.page + 1),
                per_page: link::number_param(&href, "per_page").unwrap_or(pos.per_page),
                skip: 0,
            };
            if window.is_some_and(|w| following.offset() >= w) || got == 0 {
                return Ok(out);
            }
            if out.items.len() == limit {
                out.next = Some(following);
                return Ok(out);
            }
            next_request = link::follow(&self.base, &href).unwrap_or_else(|| {
                tracing::warn!(
                    "GitHub's next-page link is not on the configured API; building it instead"
                );
                at(following)
            });
            pos = following;
        }
        out.next = Some(pos);
        Ok(out)
    }
}
