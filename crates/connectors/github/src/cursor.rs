//! The `next_cursor` the list tools return: where the next call resumes,
//! as GitHub's page number and page size plus how many items of that
//! page were already returned (a call may stop mid-page at its limit, or
//! when pull requests were filtered out of an issue list). It names a
//! position only, so it can never point a request at another endpoint.

use std::fmt;

use switchboard_core::ConnectorError;

/// GitHub's largest page.
pub const MAX_PER_PAGE: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// From 1.
    pub page: u32,
    pub per_page: u32,
    /// Items of this page already returned.
    pub skip: u32,
}

impl Position {
    /// The first page, sized for `limit` items.
    pub fn start(limit: usize) -> Position {
        Position {
            page: 1,
            per_page: (limit as u32).clamp(1, MAX_PER_PAGE),
            skip: 0,
        }
    }

    /// Index of the first item this position points at.
    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page) + u64::from(self.skip)
    }

    /// Reads a cursor from a previous call (`field` names the argument in
    /// errors), or starts afresh for `limit` items.
    pub fn resume(
        field: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<Position, ConnectorError> {
        let Some(raw) = cursor.map(str::trim).filter(|c| !c.is_empty()) else {
            return Ok(Position::start(limit));
        };
        let bad = || {
            ConnectorError::invalid_args(format!(
                "invalid argument `{field}`: must be a `next_cursor` from a previous call"
            ))
        };
        let parts: Vec<u32> = raw
            .split('.')
            .map(|p| p.parse::<u32>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        let [page, per_page, skip] = parts[..] else {
            return Err(bad());
        };
        let ok = (1..=100_000).contains(&page)
            && (1..=MAX_PER_PAGE).contains(&per_page)
            && skip < per_page;
        if !ok {
            return Err(bad());
        }
        Ok(Position {
            page,
            per_page,
            skip,
        })
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.page, self.per_page, self.skip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_anything_else() {
        let p = Position {
            page: 3,
            per_page: 25,
            skip: 7,
        };
        assert_eq!(p.to_string(), "3.25.7");
        assert_eq!(Position::resume("cursor", Some("3.25.7"), 10).unwrap(), p);
        assert_eq!(p.offset(), 57);
        assert_eq!(
            Position::resume("cursor", None, 250).unwrap(),
            Position {
                page: 1,
                per_page: 100,
                skip: 0
            }
        );
        for bad in [
            "3.25",
            "0.25.0",
            "1.101.0",
            "1.25.25",
            "a.b.c",
            "https://evil.example/?page=2",
            "1.2.3.4",
        ] {
            let e = Position::resume("cursor", Some(bad), 10).unwrap_err();
            assert!(e.message.contains("`cursor`"), "{bad}: {}", e.message);
        }
    }
}
