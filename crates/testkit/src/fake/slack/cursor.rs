//! Slack's cursors: base64 of `<kind>:<position>` (`dXNlcjpVMEc5V0ZYTlo=`
//! is `user:U0G9WFXNZ`, the recorded history cursor is `next_ts:<ts>`).
//! Opaque to clients; anything that does not decode is `invalid_cursor`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The cursor for `kind:position`.
pub(super) fn encode(kind: &str, position: &str) -> String {
    base64(format!("{kind}:{position}").as_bytes())
}

/// The position in a cursor of this `kind`, or `None` if it is not one.
pub(super) fn decode(cursor: &str, kind: &str) -> Option<String> {
    let bytes = unbase64(cursor)?;
    let text = String::from_utf8(bytes).ok()?;
    let position = text.strip_prefix(kind)?.strip_prefix(':')?;
    (!position.is_empty()).then(|| position.to_owned())
}

/// `1773088501.887269` ↔ `1773088501887269`, as in the recorded cursor.
pub(super) fn ts_digits(ts: &str) -> String {
    ts.replace('.', "")
}

pub(super) fn digits_ts(digits: &str) -> Option<String> {
    if digits.len() != 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}.{}", &digits[..10], &digits[10..]))
}

fn base64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_recorded_cursors() {
        assert_eq!(encode("user", "U0G9WFXNZ"), "dXNlcjpVMEc5V0ZYTlo=");
        assert_eq!(
            encode("next_ts", &ts_digits("1773088501.887269")),
            "bmV4dF90czoxNzczMDg4NTAxODg3MjY5"
        );
        assert_eq!(
            decode("dGVhbTpDMEFKNTRXUDYxNQ==", "team").as_deref(),
            Some("C0AJ54WP615")
        );
        assert_eq!(decode("dGVhbTpDMEFKNTRXUDYxNQ==", "user"), None);
        assert_eq!(decode("not base64!", "team"), None);
        assert_eq!(
            digits_ts("1773088501887269").as_deref(),
            Some("1773088501.887269")
        );
        assert_eq!(digits_ts("17730885"), None);
    }
}
