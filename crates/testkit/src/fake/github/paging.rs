//! GitHub's page-number paging: `per_page` (default 30, at most 100) and
//! `page` (from 1), with an RFC 8288 `Link` header carrying the `prev`,
//! `next`, `last` and `first` pages, as `issues_list.json` was recorded.

use axum::http::HeaderValue;
use axum::response::Response;
use url::form_urlencoded;

/// The query string as ordered pairs (GitHub echoes them in links).
pub(super) fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The first value of `key`.
pub(super) fn param<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// One requested page.
#[derive(Debug, Clone, Copy)]
pub(super) struct PageReq {
    pub page: usize,
    /// Items per page: `per_page`, lowered by `max_per_page` if set.
    pub size: usize,
}

impl PageReq {
    /// Like GitHub: a missing, zero or unreadable value falls back to the
    /// default; `per_page` above 100 is served as 100.
    pub fn from(pairs: &[(String, String)], cap: Option<usize>) -> Self {
        let num = |key| {
            param(pairs, key)
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|n| *n > 0)
        };
        let per_page = num("per_page").unwrap_or(30).min(100);
        PageReq {
            page: num("page").unwrap_or(1),
            size: cap.map_or(per_page, |c| per_page.min(c.max(1))),
        }
    }

    /// Index of the page's first item.
    pub fn start(&self) -> usize {
        (self.page - 1).saturating_mul(self.size)
    }

    /// This page of `items`.
    pub fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = self.start().min(items.len());
        let end = start.saturating_add(self.size).min(items.len());
        &items[start..end]
    }

    /// The number of pages `total` items fill (at least one).
    pub fn pages(&self, total: usize) -> usize {
        total.div_ceil(self.size).max(1)
    }
}

/// Sets the `Link` header for `page` of `total` items at `url` (the API
/// root plus path), keeping every query pair but `page`.
pub(super) fn link(
    response: &mut Response,
    url: &str,
    pairs: &[(String, String)],
    page: PageReq,
    total: usize,
) {
    let last = page.pages(total);
    let kept: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| k != "page").collect();
    let href = |n: usize| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &kept {
            q.append_pair(k, v);
        }
        q.append_pair("page", &n.to_string());
        format!("<{url}?{}>", q.finish())
    };
    let mut rels = Vec::new();
    if page.page > 1 {
        rels.push(format!("{}; rel=\"prev\"", href(page.page - 1)));
    }
    if page.page < last {
        rels.push(format!("{}; rel=\"next\"", href(page.page + 1)));
        rels.push(format!("{}; rel=\"last\"", href(last)));
    }
    if page.page > 1 {
        rels.push(format!("{}; rel=\"first\"", href(1)));
    }
    if rels.is_empty() {
        return;
    }
    if let Ok(v) = HeaderValue::from_str(&rels.join(", ")) {
        response.headers_mut().insert("link", v);
    }
}
