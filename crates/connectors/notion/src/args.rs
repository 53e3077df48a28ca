//! Argument checks shared by the tools. They run before any I/O, so a bad
//! argument never costs an upstream call, and each error names its field.

use chrono::NaiveDate;
use switchboard_core::ConnectorError;

pub use switchboard_core::args::{bad, bounded, limit};

/// A Notion id (it goes into a URL path): 32 hex digits with or without
/// dashes, or a Notion link ending in one (`…/Account-plan-<id>?pvs=4`).
/// Returned in the dashed 8-4-4-4-12 form.
pub fn notion_id(field: &str, value: &str) -> Result<String, ConnectorError> {
    let v = value.trim();
    let path = v.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    let dashed_tail = last
        .len()
        .checked_sub(36)
        .and_then(|i| last.get(i..))
        .filter(|t| dash_positions_ok(t));
    let tail = match dashed_tail {
        Some(t) => t,
        None if v.contains('/') => last.rsplit('-').next().unwrap_or_default(),
        None => last,
    };
    let hex: String = tail.chars().filter(|c| *c != '-').collect();
    let dashed_ok = tail.len() == 32 || (tail.len() == 36 && dash_positions_ok(tail));
    if hex.len() != 32 || !dashed_ok || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(
            field,
            "must be a Notion id (32 hex digits, with or without dashes) or a Notion link",
        ));
    }
    let h = hex.to_ascii_lowercase();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

fn dash_positions_ok(s: &str) -> bool {
    s.char_indices()
        .all(|(i, c)| (c == '-') == matches!(i, 8 | 13 | 18 | 23))
}

/// An opaque cursor from a previous call (Notion's are ids).
pub fn cursor(value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    switchboard_core::args::opaque_cursor(value, 256, b"-_=.")
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date(field: &str, value: &str) -> Result<NaiveDate, ConnectorError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| bad(field, format!("`{value}` is not a YYYY-MM-DD date")))
}

/// Trimmed free text; empty means absent.
pub fn text(field: &str, value: Option<&str>) -> Result<Option<String>, ConnectorError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) if v.chars().count() > 200 => Err(bad(field, "must be at most 200 characters")),
        other => Ok(other.map(str::to_owned)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_links_and_limits() {
        let want = "393abc1e-edcd-81f5-ae94-ec2d55fe98ed";
        for given in [
            want,
            "393abc1eedcd81f5ae94ec2d55fe98ed",
            "393ABC1E-EDCD-81F5-AE94-EC2D55FE98ED",
            "https://app.notion.com/p/Test-2026-07-04-393abc1eedcd81f5ae94ec2d55fe98ed",
            "https://www.notion.so/northwind/393abc1eedcd81f5ae94ec2d55fe98ed?pvs=4",
            "https://www.notion.so/Plan-393abc1e-edcd-81f5-ae94-ec2d55fe98ed",
        ] {
            assert_eq!(notion_id("page_id", given).unwrap(), want, "{given}");
        }
        for bad in [
            "",
            "../users",
            "393abc1e",
            "393abc1e-edcd-81f5-ae94-ec2d55fe98eg",
            "3-93abc1eedcd81f5ae94ec2d55fe98ed",
        ] {
            let e = notion_id("page_id", bad).unwrap_err();
            assert!(e.message.contains("`page_id`"), "{bad}: {}", e.message);
        }
        assert_eq!(limit(None, 20, 100).unwrap(), 20);
        assert!(limit(Some(0), 20, 100)
            .unwrap_err()
            .message
            .contains("`limit`"));
        assert!(bounded("max_depth", Some(9), 4, 1, 8).is_err());
        assert!(cursor(Some("a b")).is_err());
        assert_eq!(cursor(Some(" ")).unwrap(), None);
        assert!(date("after", "2026-02-30").is_err());
        assert_eq!(text("query", Some("  ")).unwrap(), None);
    }
}
