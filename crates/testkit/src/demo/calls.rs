//! Call recordings (Gong) for the demo customers: who of Northwind met whom
//! at which customer, when, for how long, and what was said.
//!
//! Calls span the 120 days before [`REFERENCE_DATE`]. Hosts are the
//! customers' CRM owners; support and engineering join escalations and
//! technical calls; customer contacts are the external parties. Some
//! customers have had no call in the last 90 days (Helios Pharma, whose
//! enterprise renewal closes this quarter, Soylent Foods, Bluth
//! Construction) and Prairie Schools has none at all. Ids are derived from
//! stable keys, never random.

mod schedule;
mod scripts;

use std::sync::LazyLock;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::{northwind, DemoCompany, REFERENCE_DATE};

/// Staff departments licensed in Gong (finance and HR are not).
const GONG_DEPARTMENTS: &[&str] = &["sales", "support", "engineering", "it"];

/// The demo company's Gong account.
#[derive(Debug, Clone)]
pub struct CallLibrary {
    /// The one workspace every call belongs to.
    pub workspace_id: String,
    pub users: Vec<GongUser>,
    /// Oldest first (Gong's order).
    pub calls: Vec<Call>,
}

/// A Northwind employee with a Gong seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GongUser {
    /// Gong's numeric user id (19 digits).
    pub id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    /// When the seat was created (UTC).
    pub created: NaiveDateTime,
}

impl GongUser {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// What a call was about; picks its transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallKind {
    RenewalReview,
    PricingNegotiation,
    BusinessReview,
    SupportEscalation,
    Discovery,
    Onboarding,
    Implementation,
    SecurityReview,
    /// A short phone call.
    CheckIn,
    /// Northwind only, no customer.
    Forecast,
}

/// Someone on a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub email: String,
    pub name: String,
    pub title: String,
    /// Gong user id for Northwind staff, `None` for customer contacts.
    pub user_id: Option<String>,
}

impl Attendee {
    pub fn is_internal(&self) -> bool {
        self.user_id.is_some()
    }
}

/// One utterance: a speaker's monologue, split into sentences by Gong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub speaker_email: String,
    pub topic: String,
    /// (start ms, end ms, text) from the start of the recording.
    pub sentences: Vec<(u64, u64, String)>,
}

/// A recorded call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// Gong's numeric call id (19 digits).
    pub id: String,
    /// "Acme Robotics — renewal review".
    pub title: String,
    pub kind: CallKind,
    /// The customer's domain; `None` for internal meetings.
    pub customer_domain: Option<String>,
    /// Calendar start (UTC).
    pub scheduled: NaiveDateTime,
    /// Recording start (UTC), a little after `scheduled`.
    pub started: NaiveDateTime,
    pub duration_secs: u32,
    pub host_email: String,
    /// The host first, then other staff, then customer contacts.
    pub attendees: Vec<Attendee>,
    /// "Zoom" for video meetings, "Aircall" for phone calls.
    pub system: &'static str,
    /// "Video" or "Audio".
    pub media: &'static str,
    /// "Conference" for meetings, "Outbound" for phone calls.
    pub direction: &'static str,
    pub transcript: Vec<Utterance>,
}

impl Call {
    pub fn is_external(&self) -> bool {
        self.attendees.iter().any(|a| !a.is_internal())
    }

    pub fn attendee(&self, email: &str) -> Option<&Attendee> {
        self.attendees
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(email))
    }
}

impl CallLibrary {
    /// Builds the library for `company` (customers without a schedule row
    /// simply have no calls).
    pub fn build(company: &DemoCompany) -> CallLibrary {
        let users: Vec<GongUser> = company
            .staff
            .iter()
            .filter(|e| GONG_DEPARTMENTS.contains(&e.department.as_str()))
            .enumerate()
            .map(|(i, e)| GongUser {
                id: gong_id(&format!("user:{}", e.email)),
                email: e.email.clone(),
                first_name: e.first_name.clone(),
                last_name: e.last_name.clone(),
                title: e.title.clone(),
                created: at(
                    NaiveDate::from_ymd_opt(2024, 1, 8).expect("a valid date")
                        + Days::new(9 * i as u64),
                    14 * 3600 + 5 * 60 + 60 * i as u32,
                ),
            })
            .collect();
        let mut calls = schedule::calls(company, &users);
        calls.sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
        CallLibrary {
            workspace_id: gong_id(&format!("workspace:{}", company.domain)),
            users,
            calls,
        }
    }

    pub fn user_by_email(&self, email: &str) -> Option<&GongUser> {
        self.users
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(email))
    }

    pub fn call(&self, id: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id)
    }

    /// Calls with this customer, oldest first.
    pub fn calls_with<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Call> + 'a {
        self.calls
            .iter()
            .filter(move |c| c.customer_domain.as_deref() == Some(domain))
    }

    /// The most recent call with this customer.
    pub fn last_call(&self, domain: &str) -> Option<&Call> {
        self.calls
            .iter()
            .rev()
            .find(|c| c.customer_domain.as_deref() == Some(domain))
    }
}

static LIBRARY: LazyLock<CallLibrary> = LazyLock::new(|| CallLibrary::build(northwind()));

/// The Northwind demo company's calls, built once per process.
pub fn call_library() -> &'static CallLibrary {
    &LIBRARY
}

/// A Gong-style numeric id (19 digits) derived from a stable key (FNV-1a).
pub fn gong_id(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (1_000_000_000_000_000_000 + h % 8_000_000_000_000_000_000).to_string()
}

/// `day` at `secs` seconds after midnight.
fn at(day: NaiveDate, secs: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("a valid time"))
}

/// Midnight UTC `days` before the reference date.
fn days_ago(days: u64) -> NaiveDate {
    REFERENCE_DATE - Days::new(days)
}

#[cfg(test)]
mod tests;
