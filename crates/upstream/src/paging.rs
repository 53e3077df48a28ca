//! Cursor pagination up to a caller-given limit.

use std::future::Future;

use switchboard_core::ConnectorError;

/// One page of results and the cursor of the next one.
#[derive(Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// Fetches pages until `limit` items are collected or the upstream has no
/// more. Returns the items (at most `limit`) and the cursor to continue
/// from, if more remain. `fetch` gets the cursor and how many items are
/// still wanted, so it can size its page.
pub async fn collect_pages<T, F, Fut>(
    limit: usize,
    start: Option<String>,
    mut fetch: F,
) -> Result<(Vec<T>, Option<String>), ConnectorError>
where
    F: FnMut(Option<String>, usize) -> Fut,
    Fut: Future<Output = Result<Page<T>, ConnectorError>>,
{
    let mut items = Vec::new();
    let mut cursor = start;
    loop {
        let wanted = limit - items.len();
        let page = fetch(cursor.take(), wanted).await?;
        let got = page.items.len();
        items.extend(page.items);
        match page.next {
            Some(next) if items.len() < limit && got > 0 => cursor = Some(next),
            next => {
                let more = if items.len() > limit { None } else { next };
                items.truncate(limit);
                return Ok((items, more));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stops_at_limit_and_reports_the_next_cursor() {
        let data: Vec<u32> = (0..25).collect();
        let fetch = |cursor: Option<String>, wanted: usize| {
            let data = data.clone();
            async move {
                let start: usize = cursor.map(|c| c.parse().unwrap()).unwrap_or(0);
                let end = (start + wanted.min(10)).min(data.len());
                Ok(Page {
                    items: data[start..end].to_vec(),
                    next: (end < data.len()).then(|| end.to_string()),
                })
            }
        };
        let (items, next) = collect_pages(15, None, fetch).await.unwrap();
        assert_eq!(items, (0..15).collect::<Vec<_>>());
        assert_eq!(next.as_deref(), Some("15"));
        let (items, next) = collect_pages(100, None, fetch).await.unwrap();
        assert_eq!(items.len(), 25);
        assert_eq!(next, None);
    }
}
