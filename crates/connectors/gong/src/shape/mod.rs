//! The shaped outputs: who was on a call (names and emails, Northwind's own
//! people apart from the customer's), when, for how long. Never the raw
//! Gong object.

pub mod transcript;

use chrono::DateTime;
use schemars::JsonSchema;
use serde::Serialize;

use crate::directory::Directory;
use crate::model::{ExtensiveCall, Party, User};

/// A person on a call or in Gong.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A call in a list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CallSummary {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// UTC, e.g. 2026-11-17T16:00:37Z.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    /// The Northwind user who hosted the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<Person>,
    /// Participants from outside the company (customers).
    pub external: Vec<Person>,
}

/// One call in full.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CallDetail {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    /// "Conference" (a meeting), "Outbound" or "Inbound" (a phone call).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// "Video" or "Audio".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<String>,
    /// Where it was held, e.g. "Zoom".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Link to the recording in Gong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<Person>,
    /// The company's own people.
    pub internal: Vec<Person>,
    /// Customers and other outside participants.
    pub external: Vec<Person>,
}

/// A Gong user, shaped.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct UserOut {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub active: bool,
}

/// RFC 3339 in UTC to the second; an unreadable value is passed through.
pub fn utc(value: &str) -> String {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|_| value.to_owned())
}

/// Seconds to whole minutes.
pub fn minutes(seconds: f64) -> Option<u32> {
    (seconds.is_finite() && seconds >= 0.0).then(|| (seconds / 60.0).round() as u32)
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A party's name (or email) and email, with the job title if `titled`.
pub fn party_person(p: &Party, titled: bool) -> Person {
    let email = clean(&p.email_address);
    Person {
        name: clean(&p.name)
            .or_else(|| email.clone())
            .unwrap_or_else(|| "Unknown participant".to_owned()),
        email,
        title: if titled { clean(&p.title) } else { None },
    }
}

/// Company staff: marked Internal, or a Gong user.
pub fn is_internal(p: &Party) -> bool {
    p.user_id.is_some() || p.affiliation.as_deref() == Some("Internal")
}

/// "First Last" (or the email, or the id) and the email.
pub fn user_person(u: &User) -> Person {
    let name = [&u.first_name, &u.last_name]
        .into_iter()
        .filter_map(clean)
        .collect::<Vec<_>>()
        .join(" ");
    let email = clean(&u.email_address);
    Person {
        name: if name.is_empty() {
            email
                .clone()
                .unwrap_or_else(|| format!("Gong user {}", u.id))
        } else {
            name
        },
        email,
        title: clean(&u.title),
    }
}

pub fn user(u: &User) -> UserOut {
    let p = user_person(u);
    UserOut {
        name: p.name,
        email: p.email,
        title: p.title,
        active: u.active,
    }
}

/// The host: their party on the call, else the directory, else the id.
pub fn host(call: &ExtensiveCall, directory: Option<&Directory>) -> Option<Person> {
    let id = call.meta_data.primary_user_id.as_deref()?;
    let on_call = call
        .parties
        .iter()
        .flatten()
        .find(|p| p.user_id.as_deref() == Some(id))
        .map(|p| party_person(p, false));
    let known = || {
        directory.and_then(|d| d.person(id)).map(|p| Person {
            title: None,
            ..p.clone()
        })
    };
    Some(on_call.or_else(known).unwrap_or_else(|| Person {
        name: format!("Gong user {id}"),
        email: None,
        title: None,
    }))
}

/// Whether naming the host needs the user directory.
pub fn host_needs_directory(call: &ExtensiveCall) -> bool {
    let Some(id) = call.meta_data.primary_user_id.as_deref() else {
        return false;
    };
    !call
        .parties
        .iter()
        .flatten()
        .any(|p| p.user_id.as_deref() == Some(id))
}

pub fn summary(call: &ExtensiveCall, directory: Option<&Directory>) -> CallSummary {
    let m = &call.meta_data;
    CallSummary {
        id: m.id.clone(),
        title: clean(&m.title),
        started: m.started.as_deref().map(utc),
        duration_minutes: m.duration.and_then(minutes),
        host: host(call, directory),
        external: call
            .parties
            .iter()
            .flatten()
            .filter(|p| !is_internal(p))
            .map(|p| party_person(p, false))
            .collect(),
    }
}

pub fn detail(call: &ExtensiveCall, directory: Option<&Directory>) -> CallDetail {
    let m = &call.meta_data;
    let parties: Vec<&Party> = call.parties.iter().flatten().collect();
    let people = |internal: bool| {
        parties
            .iter()
            .filter(|p| is_internal(p) == internal)
            .map(|p| party_person(p, true))
            .collect()
    };
    CallDetail {
        id: m.id.clone(),
        title: clean(&m.title),
        started: m.started.as_deref().map(utc),
        duration_minutes: m.duration.and_then(minutes),
        direction: clean(&m.direction),
        media: clean(&m.media),
        system: clean(&m.system),
        url: clean(&m.url),
        host: host(call, directory),
        internal: people(true),
        external: people(false),
    }
}
