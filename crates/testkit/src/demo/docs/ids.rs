//! Stable ids and times: every id is derived from a key, every time from
//! the reference date, so systems and tests can recompute them.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::demo::REFERENCE_DATE;

/// A Notion-style UUID (`8-4-4-4-12` hex) derived from a stable key with
/// two FNV-1a passes, so every system and test can recompute it.
pub fn notion_id(key: &str) -> String {
    let fnv = |seed: u64| {
        key.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let hex = format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    );
    format!(
        "{}-{}-8{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// `days` before the reference date at `hour:minute`.
pub(crate) fn at(days: u64, hour: u32, minute: u32) -> NaiveDateTime {
    let day: NaiveDate = REFERENCE_DATE - Days::new(days);
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid demo time"))
}

/// The user id of a staff member by email.
pub(crate) fn user_id(email: &str) -> String {
    notion_id(&format!("user:{email}"))
}
