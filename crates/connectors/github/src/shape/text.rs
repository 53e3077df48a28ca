//! Dates and bodies, made short: GitHub timestamps become dates (or
//! minutes, for comments), Markdown bodies lose template comments and
//! blank-line runs and are cut to a budget at a word boundary.

use chrono::DateTime;

/// `2026-11-24T09:12:31Z` → `2026-11-24`.
pub fn date(raw: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc3339(raw).ok()?;
    Some(t.naive_utc().date().format("%Y-%m-%d").to_string())
}

pub fn date_opt(raw: Option<&str>) -> Option<String> {
    raw.and_then(date)
}

/// `2026-11-24T09:12:31Z` → `2026-11-24 09:12 UTC`.
pub fn minute(raw: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc3339(raw).ok()?;
    Some(t.naive_utc().format("%Y-%m-%d %H:%M UTC").to_string())
}

/// Drops `<!-- ... -->` (PR and issue templates leave them), folds runs
/// of blank lines, trims, and cuts to `max` characters with `…`. `None`
/// for an empty body.
pub fn body(raw: Option<&str>, max: usize) -> Option<String> {
    let mut text = raw?.replace("\r\n", "\n");
    while let Some(start) = text.find("<!--") {
        let end = text[start..]
            .find("-->")
            .map_or(text.len(), |i| start + i + 3);
        text.replace_range(start..end, "");
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let out = out.trim();
    if out.is_empty() {
        return None;
    }
    Some(cut(out, max))
}

/// At most `max` characters, ending at a word boundary when one is near.
pub fn cut(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..end];
    let at = head
        .rfind(char::is_whitespace)
        .filter(|i| *i >= end / 2)
        .unwrap_or(end);
    format!("{}…", head[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_bodies() {
        assert_eq!(date("2026-04-29T09:28:14Z").as_deref(), Some("2026-04-29"));
        assert_eq!(
            minute("2026-04-29T09:28:14Z").as_deref(),
            Some("2026-04-29 09:28 UTC")
        );
        assert_eq!(date("yesterday"), None);
        let b = body(
            Some("Fixes #1.\r\n\r\n\r\n<!-- template -->\r\nTested.\n"),
            100,
        );
        assert_eq!(b.as_deref(), Some("Fixes #1.\n\nTested."));
        assert_eq!(body(Some("  <!-- only a template -->  "), 100), None);
        assert_eq!(body(None, 10), None);
        assert_eq!(cut("one two three four five", 12), "one two…");
        assert_eq!(cut("abcdefghijklmnop", 5), "abcde…");
        assert_eq!(cut("short", 5), "short");
    }
}
