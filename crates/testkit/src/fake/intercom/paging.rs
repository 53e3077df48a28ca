//! Intercom's cursor paging: `per_page` and an opaque `starting_after`
//! (in the search body's `pagination`, or the list endpoints' query), and
//! the `pages` block with `next.starting_after` while more remain.

use std::ops::Range;

use serde_json::{json, Value};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Which slice of the matches to serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PageRequest {
    pub per_page: usize,
    pub offset: usize,
}

impl PageRequest {
    /// From `per_page` (default `default`, 1..=`max`) and an optional
    /// cursor a previous page handed out; errors are Intercom's messages.
    pub fn new(
        per_page: Option<&Value>,
        starting_after: Option<&Value>,
        default: usize,
        max: usize,
    ) -> Result<PageRequest, String> {
        let per_page = match per_page {
            None | Some(Value::Null) => default,
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .map(|n| n as usize)
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("per_page must be an integer between 1 and {max}"))?,
        };
        let offset = match starting_after {
            None | Some(Value::Null) => 0,
            Some(v) => v
                .as_str()
                .and_then(decode)
                .ok_or("starting_after is not a valid cursor")?,
        };
        Ok(PageRequest { per_page, offset })
    }

    /// The page's index range over `total` matches and its `pages` block.
    pub fn slice(self, total: usize) -> (Range<usize>, Value) {
        let start = self.offset.min(total);
        let end = (start + self.per_page).min(total);
        let total_pages = total.div_ceil(self.per_page);
        let mut pages = json!({
            "type": "pages",
            "page": start / self.per_page + 1,
            "per_page": self.per_page,
            "total_pages": total_pages,
        });
        if end < total {
            pages["next"] = json!({"page": end / self.per_page + 1, "starting_after": encode(end)});
        }
        (start..end, pages)
    }
}

/// `[offset]` in URL-safe base64, opaque to clients like Intercom's.
pub(super) fn encode(offset: usize) -> String {
    let bytes = format!("[{offset}]").into_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn decode(cursor: &str) -> Option<usize> {
    let mut bytes = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in cursor.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xff) as u8);
        }
    }
    let text = String::from_utf8(bytes).ok()?;
    text.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_pages_link() {
        for n in [0, 5, 20, 149, 12_345] {
            assert_eq!(decode(&encode(n)), Some(n), "{}", encode(n));
        }
        assert_eq!(decode("not a cursor!"), None);
        let request = PageRequest::new(Some(&json!(5)), None, 20, 150).unwrap();
        let (range, pages) = request.slice(12);
        assert_eq!(range, 0..5);
        assert_eq!(pages["total_pages"], 3);
        let next = pages["next"]["starting_after"].clone();
        let second = PageRequest::new(Some(&json!(5)), Some(&next), 20, 150).unwrap();
        let (range, pages) = second.slice(12);
        assert_eq!((range, pages["page"].clone()), (5..10, json!(2)));
        let (range, pages) = PageRequest {
            per_page: 5,
            offset: 10,
        }
        .slice(12);
        assert_eq!((range, pages.get("next")), (10..12, None));
        assert!(PageRequest::new(Some(&json!(151)), None, 20, 150).is_err());
    }
}
