//! Paging up to a caller's limit over Gong's fixed-size pages.
//!
//! Gong serves 100 records a page and has no page-size parameter, and some
//! filters (participant, company) are applied here rather than by Gong. So
//! a limit can end in the middle of a page; the cursor handed to the
//! caller is Gong's cursor *of that page* plus how many kept records of it
//! were already returned: `"<skip>:<gong cursor>"` (empty for page one).

use std::future::Future;

use switchboard_core::ConnectorError;

use crate::client::Page;

/// Skips beyond this are not something a previous call can have returned.
const MAX_SKIP: usize = 10_000;

/// Where to resume: a Gong page and the kept records already returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor {
    pub page: Option<String>,
    pub skip: usize,
}

impl Cursor {
    /// Parses a `next_cursor` of a previous call (`None`: the start).
    pub fn parse(value: Option<&str>) -> Result<Cursor, ConnectorError> {
        let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(Cursor::default());
        };
        let bad = || {
            ConnectorError::invalid_args(
                "invalid argument `cursor`: must be a `next_cursor` from a previous call",
            )
        };
        let (skip, page) = v.split_once(':').ok_or_else(bad)?;
        let skip: usize = skip.parse().map_err(|_| bad())?;
        let page_ok = page.len() <= 2048
            && page
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.=+/".contains(&b));
        if skip > MAX_SKIP || !page_ok {
            return Err(bad());
        }
        Ok(Cursor {
            page: (!page.is_empty()).then(|| page.to_owned()),
            skip,
        })
    }

    pub fn encode(&self) -> String {
        format!("{}:{}", self.skip, self.page.as_deref().unwrap_or(""))
    }
}

/// Collects up to `limit` records that `keep` accepts, reading at most
/// `max_pages` Gong pages from `start`. Returns them and the cursor to
/// continue from when Gong has more (which may hold no further match).
pub async fn scan<T, F, Fut>(
    limit: usize,
    start: Cursor,
    max_pages: usize,
    keep: impl Fn(&T) -> bool,
    mut fetch: F,
) -> Result<(Vec<T>, Option<String>), ConnectorError>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, ConnectorError>>,
{
    let mut out = Vec::new();
    let Cursor { mut page, mut skip } = start;
    for _ in 0..max_pages.max(1) {
        let (items, next) = fetch(page.clone()).await?;
        let kept: Vec<T> = items.into_iter().filter(|i| keep(i)).skip(skip).collect();
        let wanted = limit - out.len();
        if kept.len() > wanted {
            out.extend(kept.into_iter().take(wanted));
            let resume = Cursor {
                page,
                skip: skip + wanted,
            };
            return Ok((out, Some(resume.encode())));
        }
        out.extend(kept);
        skip = 0;
        match next {
            None => return Ok((out, None)),
            Some(next) => page = Some(next),
        }
        if out.len() == limit {
            break;
        }
    }
    Ok((out, Some(Cursor { page, skip }.encode())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 25 numbers in pages of 10, cursors "p1", "p2".
    async fn fetch(cursor: Option<String>) -> Result<Page<u32>, ConnectorError> {
        let n: u32 = cursor.map_or(0, |c| c[1..].parse().unwrap());
        let items = (n * 10..(n * 10 + 10).min(25)).collect();
        Ok((items, (n < 2).then(|| format!("p{}", n + 1))))
    }

    async fn run(limit: usize, cursor: &str, pages: usize) -> (Vec<u32>, Option<String>) {
        let start = Cursor::parse(Some(cursor)).unwrap();
        scan(limit, start, pages, |n: &u32| n.is_multiple_of(2), fetch)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn limits_inside_a_page_resume_where_they_stopped() {
        let (first, next) = run(3, "", 10).await;
        assert_eq!((first, next.as_deref()), (vec![0, 2, 4], Some("3:")));
        let (second, next) = run(4, "3:", 10).await;
        assert_eq!(
            (second, next.as_deref()),
            (vec![6, 8, 10, 12], Some("2:p1"))
        );
        let (rest, next) = run(100, "2:p1", 10).await;
        assert_eq!((rest, next), (vec![14, 16, 18, 20, 22, 24], None));
        let (all, next) = run(13, "", 10).await;
        assert_eq!((all.len(), next), (13, None), "exactly everything");
        let (some, next) = run(100, "", 1).await;
        assert_eq!(
            (some.len(), next.as_deref()),
            (5, Some("0:p1")),
            "page budget"
        );
    }

    #[test]
    fn cursors_parse_strictly() {
        assert_eq!(Cursor::parse(None).unwrap(), Cursor::default());
        let c = Cursor::parse(Some("7:eyJhbGciOiJIUzI1NiJ9.eyJj_-")).unwrap();
        assert_eq!(
            (c.skip, c.page.as_deref()),
            (7, Some("eyJhbGciOiJIUzI1NiJ9.eyJj_-"))
        );
        assert_eq!(Cursor::parse(Some(&c.encode())).unwrap(), c);
        for bad in ["abc", "x:abc", "1:a b", "99999:abc", "-1:"] {
            let e = Cursor::parse(Some(bad)).unwrap_err();
            assert!(e.message.contains("`cursor`"), "{bad}");
        }
    }
}
