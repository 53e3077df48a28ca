//! The shaped outputs: the handful of fields that answer a question, with
//! ids resolved to names, HTML to text, epoch seconds to dates. Never the
//! raw object.

mod contact;
mod conversation;
mod text;
mod ticket;

use std::collections::HashMap;

use chrono::DateTime;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

pub use contact::{company, contact, contact_summary, CompanyOut, ContactOut, ContactSummary};
pub use conversation::{conversation_summary, timeline, ConversationSummary, Entry, Role};
pub use text::{decode_entities, html_to_text, truncate};
pub use ticket::{ticket_detail, ticket_summary, TicketDetail, TicketEvent, TicketSummary};

use crate::model::Author;

/// A person: a customer contact or a teammate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Person {
    /// The name (entities decoded), else the email, else `fallback`.
    pub fn from_parts(name: Option<&str>, email: Option<&str>, fallback: &str) -> Person {
        let email = email
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned);
        let name = name
            .map(|n| decode_entities(n.trim()))
            .filter(|n| !n.is_empty())
            .or_else(|| email.clone())
            .unwrap_or_else(|| fallback.to_owned());
        Person { name, email }
    }
}

/// What ids resolve to: contact and teammate ids to people, company ids
/// to names. Missing entries fall back to what the payload itself says.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub contacts: HashMap<String, Person>,
    pub admins: HashMap<String, Person>,
    pub companies: HashMap<String, String>,
}

impl Names {
    pub fn admin(&self, id: Option<&str>) -> Option<Person> {
        let id = id?;
        Some(self.admins.get(id).cloned().unwrap_or_else(|| Person {
            name: format!("Intercom teammate {id}"),
            email: None,
        }))
    }

    /// A part's author, preferring the directory for teammates.
    pub fn author(&self, a: &Author) -> Person {
        let known = match a.kind.as_str() {
            "admin" | "bot" | "team" => a.id.as_deref().and_then(|id| self.admins.get(id)),
            _ => a.id.as_deref().and_then(|id| self.contacts.get(id)),
        };
        known.cloned().unwrap_or_else(|| {
            Person::from_parts(
                a.name.as_deref(),
                a.email.as_deref(),
                &format!("Unknown {}", a.kind),
            )
        })
    }
}

/// `2026-11-20T14:05:00Z`.
pub fn datetime(ts: i64) -> String {
    DateTime::from_timestamp(ts, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// `2026-11-20`.
pub fn date(ts: i64) -> String {
    DateTime::from_timestamp(ts, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `in_progress` → `In progress`.
pub fn humanize(code: &str) -> String {
    let words = code.replace('_', " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `20000` rather than `20000.0`: fewer tokens, same number.
pub(crate) fn whole_if_possible<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
        Some(n) => s.serialize_f64(*n),
        None => s.serialize_none(),
    }
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_names_and_codes() {
        assert_eq!(datetime(1_778_132_868), "2026-05-07T05:47:48Z");
        assert_eq!(date(1_778_132_868), "2026-05-07");
        assert_eq!(humanize("waiting_on_customer"), "Waiting on customer");
        let p = Person::from_parts(Some("Phone &amp; SMS"), Some("phone@projectmap.com"), "x");
        assert_eq!(p.name, "Phone & SMS");
        assert_eq!(
            Person::from_parts(None, Some("a@b.example"), "x").name,
            "a@b.example"
        );
        assert_eq!(
            Person::from_parts(Some(" "), None, "Unknown user").name,
            "Unknown user"
        );
        let names = Names::default();
        assert_eq!(names.admin(Some("7")).unwrap().name, "Intercom teammate 7");
    }
}
