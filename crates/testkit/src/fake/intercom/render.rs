//! The demo desk as Intercom 2.11 JSON: admins, companies, contacts and
//! the small references other objects embed. Key sets follow the recorded
//! payloads (`admins_list.json`, `companies_get.json`, `contacts_get.json`).

use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::{ok, Shared};
use crate::demo::support::{Admin, SupportCompany, SupportContact, SupportDesk, APP_ID};

pub(super) fn unix(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// `<p>` paragraphs with `&`, `<` and `>` escaped: how Intercom stores
/// plain text typed into the inbox.
pub(super) fn html(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<p>{escaped}</p>")
}

pub(super) fn admin(a: &Admin) -> Value {
    json!({
        "type": "admin",
        "email": a.email,
        "id": a.id,
        "name": a.name,
        "away_mode_enabled": false,
        "away_mode_reassign": false,
        "has_inbox_seat": !a.bot,
        "team_ids": [],
        "team_priority_level": {},
    })
}

/// `GET /admins`: every teammate, one page.
pub(super) async fn admins(State(state): State<Shared>) -> Response {
    let admins: Vec<Value> = state.desk.admins.iter().map(admin).collect();
    ok(&json!({"type": "admin.list", "admins": admins}))
}

/// A part author: `{id, type, name, email}` for an admin, bot or user.
pub(super) fn admin_author(desk: &SupportDesk, email: &str) -> Value {
    match desk.admin_by_email(email) {
        Some(a) => {
            json!({"id": a.id, "type": if a.bot { "bot" } else { "admin" }, "name": a.name, "email": a.email})
        }
        None => json!({"id": null, "type": "admin", "name": null, "email": email}),
    }
}

pub(super) fn contact_author(desk: &SupportDesk, email: &str) -> Value {
    let c = desk.contact(email);
    json!({"id": c.map(|c| &c.id), "type": "user", "name": c.map(|c| &c.name), "email": email})
}

pub(super) fn admin_id(desk: &SupportDesk, email: Option<&String>) -> Option<String> {
    Some(desk.admin_by_email(email?)?.id.clone())
}

/// `{type: contact.list, contacts: [{type, id, external_id}]}`.
pub(super) fn contact_refs(desk: &SupportDesk, email: &str) -> Value {
    let contacts: Vec<Value> = desk
        .contact(email)
        .map(|c| json!({"type": "contact", "id": c.id, "external_id": c.external_id}))
        .into_iter()
        .collect();
    json!({"type": "contact.list", "contacts": contacts})
}

pub(super) fn company(desk: &SupportDesk, c: &SupportCompany) -> Value {
    let users = desk
        .contacts
        .iter()
        .filter(|p| p.company_domain == c.domain)
        .count();
    json!({
        "type": "company",
        "company_id": c.company_id,
        "id": c.id,
        "app_id": APP_ID,
        "name": c.name,
        "created_at": unix(c.created),
        "updated_at": unix(c.updated),
        "monthly_spend": c.monthly_spend,
        "session_count": c.session_count,
        "user_count": users,
        "tags": {"type": "tag.list", "tags": []},
        "segments": {"type": "segment.list", "segments": []},
        "plan": {"type": "plan", "id": plan_id(&c.plan), "name": c.plan},
        "custom_attributes": {"domain": c.domain, "industry": c.industry},
    })
}

fn plan_id(plan: &str) -> String {
    (48_100 + plan.len()).to_string()
}

fn list(url: String, data: Vec<Value>) -> Value {
    let n = data.len();
    json!({"type": "list", "data": data, "url": url, "total_count": n, "has_more": false})
}

pub(super) fn contact(desk: &SupportDesk, c: &SupportContact) -> Value {
    let companies: Vec<Value> = desk
        .company(&c.company_domain)
        .map(|co| json!({"id": co.id, "type": "company", "url": format!("/companies/{}", co.id)}))
        .into_iter()
        .collect();
    let owner = c
        .owner_email
        .as_deref()
        .and_then(|e| desk.admin_by_email(e))
        .and_then(|a| a.id.parse::<u64>().ok());
    let (created, seen) = (unix(c.created), unix(c.last_seen));
    let (replied, contacted) = contact_activity(desk, &c.email);
    let url = |what: &str| format!("/contacts/{}/{what}", c.id);
    let mut v = json!({
        "type": "contact", "id": c.id, "workspace_id": APP_ID, "external_id": c.external_id,
        "role": "user", "email": c.email, "phone": c.phone, "name": c.name, "avatar": null,
        "owner_id": owner, "social_profiles": {"type": "list", "data": []},
        "has_hard_bounced": false, "marked_email_as_spam": false, "unsubscribed_from_emails": false,
        "created_at": created, "updated_at": seen.max(created), "signed_up_at": created,
        "last_seen_at": seen, "last_replied_at": replied, "last_contacted_at": contacted,
        "last_email_opened_at": null, "last_email_clicked_at": null,
    });
    let more = json!({
        "language_override": null, "browser": null, "browser_version": null,
        "browser_language": null, "os": null,
        "location": {"type": "location", "country": c.country, "region": null, "city": c.city,
            "country_code": null, "continent_code": null},
        "custom_attributes": {"job_title": c.job_title},
        "tags": list(url("tags"), vec![]),
        "notes": list(url("notes"), vec![]),
        "companies": list(url("companies"), companies),
        "opted_out_subscription_types": list(url("subscriptions"), vec![]),
        "opted_in_subscription_types": list(url("subscriptions"), vec![]),
    });
    let utm = [
        "utm_campaign",
        "utm_content",
        "utm_medium",
        "utm_source",
        "utm_term",
        "referrer",
    ];
    for (key, value) in more.as_object().into_iter().flatten() {
        v[key] = value.clone();
    }
    for key in utm {
        v[key] = Value::Null;
    }
    v["sms_consent"] = json!(false);
    v["unsubscribed_from_sms"] = json!(false);
    for key in ["android", "ios"] {
        for field in [
            "app_name",
            "app_version",
            "device",
            "os_version",
            "sdk_version",
            "last_seen_at",
        ] {
            v[format!("{key}_{field}")] = Value::Null;
        }
    }
    v
}

/// The last time a contact wrote or was written to, from the desk's
/// conversations: `(last_replied_at, last_contacted_at)`.
fn contact_activity(desk: &SupportDesk, email: &str) -> (Option<i64>, Option<i64>) {
    use crate::demo::support::Author;
    let mut replied = None;
    let mut contacted = None;
    for c in desk
        .conversations
        .iter()
        .filter(|c| c.contact_email == email)
    {
        replied = replied.max(Some(unix(c.created)));
        for p in c.parts.iter().filter(|p| p.body.is_some()) {
            match &p.author {
                Author::Contact(_) => replied = replied.max(Some(unix(p.at))),
                Author::Admin(_) if p.kind.as_str() == "comment" => {
                    contacted = contacted.max(Some(unix(p.at)))
                }
                Author::Admin(_) => {}
            }
        }
    }
    (replied, contacted)
}
