//! `--since` values: a duration back from now (`90s`, `30m`, `1h`, `2d`,
//! `1w`) or an RFC 3339 time (`2026-01-31T09:00:00Z`).

use chrono::DateTime;

/// The instant `spec` names, in µs since the epoch.
pub fn parse_since(spec: &str, now_us: i64) -> Result<i64, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(spec) {
        return Ok(t.timestamp_micros());
    }
    let split = spec
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(spec.len());
    let (digits, unit) = spec.split_at(split);
    let n: i64 = digits.parse().map_err(|_| bad(spec))?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return Err(bad(spec)),
    };
    let back = n
        .checked_mul(seconds * 1_000_000)
        .ok_or_else(|| bad(spec))?;
    Ok(now_us.saturating_sub(back))
}

fn bad(spec: &str) -> String {
    format!("--since {spec:?}: expected a duration like 30m, 1h, 2d or an RFC 3339 time")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_times() {
        let now = 10_000_000_000_000;
        assert_eq!(parse_since("30m", now), Ok(now - 1_800_000_000));
        assert_eq!(parse_since("1h", now), Ok(now - 3_600_000_000));
        assert_eq!(parse_since("2d", now), Ok(now - 172_800_000_000));
        assert_eq!(parse_since("1970-01-01T00:00:01Z", now), Ok(1_000_000));
        for bad in ["", "h", "1y", "-1h", "1.5h", "99999999999999999999h"] {
            assert!(parse_since(bad, now).is_err(), "{bad}");
        }
    }
}
