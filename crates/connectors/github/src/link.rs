//! GitHub's `Link` header (RFC 8288): finding `rel="next"`, and turning
//! it into a request only when it stays on the configured API (same
//! origin, under the base path, so a GitHub Enterprise `/api/v3` prefix
//! is kept and the token is never sent elsewhere).

use switchboard_upstream::UpstreamRequest;
use url::Url;

/// `(href, rel)` pairs of every link in the header value(s).
pub fn parse<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for value in values {
        let mut rest = value;
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>').map(|i| open + i) else {
                break;
            };
            let href = rest[open + 1..close].trim().to_owned();
            // Parameters run to the next link (a `,` followed by `<`).
            let after = &rest[close + 1..];
            let end = after.find('<').unwrap_or(after.len());
            for param in after[..end].split(';') {
                let Some((key, val)) = param.split_once('=') else {
                    continue;
                };
                if key.trim().eq_ignore_ascii_case("rel") {
                    let rels = val.trim().trim_end_matches(',').trim().trim_matches('"');
                    for rel in rels.split_whitespace() {
                        out.push((href.clone(), rel.to_ascii_lowercase()));
                    }
                }
            }
            rest = &after[end..];
        }
    }
    out
}

/// The `rel="next"` target, if any.
pub fn next<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    parse(values)
        .into_iter()
        .find(|(_, rel)| rel == "next")
        .map(|(href, _)| href)
}

/// A query parameter of a link target, as a number.
pub fn number_param(href: &str, key: &str) -> Option<u32> {
    let url = Url::parse(href).ok()?;
    let value = url.query_pairs().find(|(k, _)| k == key)?.1;
    value.parse().ok()
}

/// The request for `href` relative to `base`, or `None` when `href` is
/// not on `base`'s origin or not under its path.
pub fn follow(base: &Url, href: &str) -> Option<UpstreamRequest> {
    let url = Url::parse(href).ok()?;
    let same_origin = url.scheme() == base.scheme()
        && url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default();
    if !same_origin || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let prefix = base.path().trim_end_matches('/');
    let path = url.path().strip_prefix(prefix)?;
    if !path.starts_with('/') || path.split('/').any(|s| s == "..") {
        return None;
    }
    let mut request = UpstreamRequest::get(path);
    for (k, v) in url.query_pairs() {
        request = request.query(k.into_owned(), v.into_owned());
    }
    Some(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = r#"<https://api.github.com/repositories/515435940/issues?per_page=3&page=1>; rel="prev", <https://api.github.com/repositories/515435940/issues?per_page=3&page=3>; rel="next", <https://api.github.com/repositories/515435940/issues?per_page=3&page=5>; rel="last", <https://api.github.com/repositories/515435940/issues?per_page=3&page=1>; rel="first""#;

    #[test]
    fn finds_next_in_the_recorded_header() {
        let links = parse([RECORDED]);
        assert_eq!(links.len(), 4);
        let href = next([RECORDED]).unwrap();
        assert!(href.ends_with("issues?per_page=3&page=3"), "{href}");
        assert_eq!(number_param(&href, "page"), Some(3));
        assert_eq!(number_param(&href, "per_page"), Some(3));
        assert_eq!(next([r#"<https://x.example/a?page=2>; rel="prev""#]), None);
        // A comma inside the URL does not split links.
        let odd = r#"<https://api.github.com/repos/o/r/issues?labels=a,b&page=2>; rel="next""#;
        assert_eq!(
            next([odd]).unwrap(),
            "https://api.github.com/repos/o/r/issues?labels=a,b&page=2"
        );
    }

    #[test]
    fn follows_only_links_on_the_configured_api() {
        let base = Url::parse("https://api.github.com").unwrap();
        let href = next([RECORDED]).unwrap();
        let r = follow(&base, &href).unwrap();
        assert_eq!(r.path, "/repositories/515435940/issues");
        assert_eq!(
            r.query,
            [
                ("per_page".to_owned(), "3".to_owned()),
                ("page".to_owned(), "3".to_owned())
            ]
        );
        assert!(follow(&base, "https://evil.example/repositories/1/issues?page=2").is_none());
        assert!(follow(&base, "http://api.github.com/repositories/1/issues").is_none());
        assert!(follow(&base, "https://api.github.com:8443/repositories/1/issues").is_none());

        let ghe = Url::parse("https://ghe.example.com/api/v3").unwrap();
        let r = follow(
            &ghe,
            "https://ghe.example.com/api/v3/repositories/9/issues?page=2",
        )
        .unwrap();
        assert_eq!(r.path, "/repositories/9/issues");
        assert!(follow(&ghe, "https://ghe.example.com/other/repositories/9/issues").is_none());
        assert!(follow(&ghe, "https://ghe.example.com/api/v3x/repositories").is_none());
        assert!(follow(&ghe, "https://u:p@ghe.example.com/api/v3/x").is_none());
    }
}
