//! Gong's cursor paging: a page of records plus the `records` block
//! (`totalRecords`, `currentPageSize`, `currentPageNumber`, and `cursor`
//! only while more pages remain). Cursors are opaque base64url tokens, like
//! Gong's JWT-looking ones.

use serde_json::{json, Value};

/// One page of `items` starting at the offset `cursor` encodes.
pub(super) struct Paged<'a, T> {
    pub items: &'a [T],
    pub records: Value,
}

/// Slices `items` for `cursor`; `Err` carries the 400 message for a cursor
/// Gong did not issue.
pub(super) fn page<'a, T>(
    items: &'a [T],
    cursor: Option<&str>,
    size: usize,
) -> Result<Paged<'a, T>, String> {
    let offset = match cursor.filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => decode_cursor(c).ok_or_else(|| format!("Invalid cursor: {c}"))?,
    };
    let start = offset.min(items.len());
    let end = (start + size).min(items.len());
    let mut records = json!({
        "totalRecords": items.len(),
        "currentPageSize": end - start,
        "currentPageNumber": start / size,
    });
    if end < items.len() {
        records["cursor"] = Value::String(encode_cursor(end));
    }
    Ok(Paged {
        items: &items[start..end],
        records,
    })
}

fn encode_cursor(offset: usize) -> String {
    base64(format!(r#"{{"offset":{offset}}}"#).as_bytes(), true)
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let text = String::from_utf8(base64url_decode(cursor)?).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    usize::try_from(v.get("offset")?.as_u64()?).ok()
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64: standard with padding (Basic auth), or URL-safe unpadded.
pub(super) fn base64(bytes: &[u8], url_safe: bool) -> String {
    let alphabet = if url_safe { URL_SAFE } else { STANDARD };
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(alphabet[(n >> (18 - 6 * i) & 63) as usize]));
        }
        if !url_safe {
            out.extend(std::iter::repeat_n('=', 3 - chunk.len()));
        }
    }
    out
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in s.bytes() {
        let v = URL_SAFE.iter().position(|&a| a == c)? as u32;
        bits = bits << 6 | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_cursors() {
        assert_eq!(base64(b"key:secret", false), "a2V5OnNlY3JldA==");
        assert_eq!(base64(b"ab", false), "YWI=");
        assert_eq!(base64(br#"{"offset":100}"#, true), "eyJvZmZzZXQiOjEwMH0");
        assert_eq!(decode_cursor(&encode_cursor(42)), Some(42));
        assert_eq!(decode_cursor("not a cursor"), None);
        let items: Vec<u32> = (0..5).collect();
        let p = page(&items, None, 2).unwrap();
        assert_eq!(p.items, [0, 1]);
        let next = p.records["cursor"].as_str().unwrap().to_owned();
        let p = page(&items, Some(&next), 2).unwrap();
        assert_eq!(
            (p.items, &p.records["currentPageNumber"]),
            (&[2, 3][..], &json!(1))
        );
        let last = page(&items, p.records["cursor"].as_str(), 2).unwrap();
        assert_eq!(last.items, [4]);
        assert!(last.records.get("cursor").is_none());
        assert!(page(&items, Some("%%%"), 2).is_err());
    }
}
