//! Which calls happened: one row per call, keyed by customer domain, with
//! the day (relative to the reference date), kind, length, extra Northwind
//! staff and which of the customer's contacts attended.

use super::scripts;
use super::{at, days_ago, gong_id, Attendee, Call, CallKind, GongUser};
use crate::demo::{Customer, DemoCompany};

use CallKind::*;

struct Row {
    /// Customer domain; empty for an internal meeting.
    domain: &'static str,
    days_ago: u64,
    kind: CallKind,
    /// The title after "<Customer> — ".
    what: &'static str,
    minutes: u32,
    /// Email local parts of other staff on the call (for an internal
    /// meeting, the first one hosts).
    staff: &'static [&'static str],
    /// Indexes into the customer's contacts.
    contacts: &'static [usize],
}

macro_rules! rows {
    ($(($domain:literal, $ago:literal, $kind:ident, $what:literal, $min:literal, [$($s:literal),*], [$($c:literal),*])),+ $(,)?) => {
        &[$(Row { domain: $domain, days_ago: $ago, kind: $kind, what: $what, minutes: $min,
                  staff: &[$($s),*], contacts: &[$($c),*] }),+]
    };
}

#[rustfmt::skip]
const ROWS: &[Row] = rows![
    ("acme-robotics.example", 112, BusinessReview, "quarterly business review", 52, [], [0, 1]),
    ("acme-robotics.example", 41, SupportEscalation, "data sync escalation", 34, ["support"], [1, 0]),
    ("acme-robotics.example", 8, RenewalReview, "renewal review", 46, [], [0, 2]),
    ("globex-logistics.example", 95, BusinessReview, "quarterly business review", 55, [], [0, 1]),
    ("globex-logistics.example", 27, PricingNegotiation, "renewal pricing", 38, [], [0]),
    ("globex-logistics.example", 3, RenewalReview, "renewal review", 41, [], [0, 1]),
    ("initech.example", 60, Discovery, "seat expansion discovery", 31, [], [0, 1]),
    ("initech.example", 12, CheckIn, "account check-in", 14, [], [0]),
    ("umbrella-health.example", 70, BusinessReview, "quarterly business review", 58, [], [0, 1]),
    ("umbrella-health.example", 20, SecurityReview, "compliance module security review", 47, ["engineering"], [1, 2]),
    ("stark-aerospace.example", 50, RenewalReview, "renewal review", 44, [], [0, 1]),
    ("stark-aerospace.example", 6, PricingNegotiation, "renewal pricing", 36, [], [1, 0]),
    ("wayne-financial.example", 88, Onboarding, "fraud analytics pilot kickoff", 49, ["engineering"], [1]),
    ("wayne-financial.example", 30, BusinessReview, "quarterly business review", 57, [], [0, 1]),
    ("hooli-cloud.example", 45, Implementation, "platform migration planning", 53, ["engineering"], [0, 1]),
    ("hooli-cloud.example", 10, Implementation, "migration cutover plan", 39, ["engineering"], [1]),
    ("soylent-foods.example", 101, Discovery, "supply chain dashboards discovery", 28, [], [0]),
    ("tyrell-bio.example", 76, RenewalReview, "renewal review", 43, [], [0, 1]),
    ("tyrell-bio.example", 24, Discovery, "lab data connector discovery", 33, [], [1]),
    ("sakura-telecom.example", 64, BusinessReview, "quarterly business review", 54, [], [0, 1]),
    ("sakura-telecom.example", 14, PricingNegotiation, "renewal pricing", 37, [], [1]),
    ("sakura-telecom.example", 4, RenewalReview, "renewal review", 42, [], [0, 1]),
    ("kangaroo-retail.example", 33, Discovery, "store analytics expansion", 29, [], [0]),
    ("lioncity-bank.example", 80, SecurityReview, "vendor risk review", 61, ["engineering"], [1, 2]),
    ("lioncity-bank.example", 22, SupportEscalation, "reporting outage escalation", 35, ["support"], [0, 1]),
    ("lioncity-bank.example", 9, RenewalReview, "renewal review", 48, [], [0, 2]),
    ("vandelay.example", 118, Onboarding, "onboarding kickoff", 27, [], [0]),
    ("vandelay.example", 36, Discovery, "growth plan upgrade", 22, [], [0]),
    ("bluth-construction.example", 115, Discovery, "project tracking demo", 30, [], [0]),
    ("piedpiper.example", 18, PricingNegotiation, "compression analytics pricing", 26, [], [0, 1]),
    ("nordlicht-energie.example", 58, Discovery, "grid monitoring discovery", 34, [], [0]),
    ("nordlicht-energie.example", 11, Implementation, "grid monitoring rollout plan", 45, ["engineering"], [0, 1]),
    ("lumiere-hotels.example", 29, Discovery, "guest insights discovery", 27, [], [0]),
    ("oceanic-insurance.example", 47, RenewalReview, "renewal review", 40, [], [0, 1]),
    ("oceanic-insurance.example", 16, Discovery, "claims analytics pilot", 33, [], [0]),
    ("helios-pharma.example", 104, BusinessReview, "quarterly business review", 50, [], [0, 2]),
    ("", 7, Forecast, "Q4 renewal forecast", 44, ["maria.lopez", "kenji.watanabe", "priya.nair", "tom.becker"], []),
];

/// Every scheduled call whose customer (and staff) exist in `company`.
pub(super) fn calls(company: &DemoCompany, users: &[GongUser]) -> Vec<Call> {
    ROWS.iter()
        .enumerate()
        .filter_map(|(i, row)| build(company, users, i, row))
        .collect()
}

fn build(company: &DemoCompany, users: &[GongUser], i: usize, row: &Row) -> Option<Call> {
    let customer = match row.domain {
        "" => None,
        domain => Some(company.customer(domain)?),
    };
    let staff_email = |local: &str| format!("{local}@{}", company.domain);
    let host_email = match customer {
        Some(c) => c.owner_email.clone(),
        None => staff_email(row.staff.first()?),
    };
    let mut internal_emails = vec![host_email.clone()];
    for local in row.staff {
        let email = staff_email(local);
        if !internal_emails.contains(&email) {
            internal_emails.push(email);
        }
    }
    let mut attendees = Vec::new();
    for email in &internal_emails {
        let user = users.iter().find(|u| &u.email == email)?;
        attendees.push(Attendee {
            email: email.clone(),
            name: user.full_name(),
            title: user.title.clone(),
            user_id: Some(user.id.clone()),
        });
    }
    if let Some(c) = customer {
        for &k in row.contacts {
            let p = c.contacts.get(k)?;
            attendees.push(Attendee {
                email: p.email.clone(),
                name: p.full_name(),
                title: p.job_title.clone(),
                user_id: None,
            });
        }
    }

    let phone = row.kind == CheckIn;
    let scheduled = at(
        days_ago(row.days_ago),
        (base_hour(customer) + (i as u32 % 3)) * 3600 + if i % 2 == 1 { 1800 } else { 0 },
    );
    let started = scheduled + chrono::Duration::seconds(37 + (i as i64 * 13) % 180);
    let title_name = customer.map_or(company.name.as_str(), |c| c.name.as_str());
    let id = gong_id(&format!(
        "call:{}:{}:{}",
        row.domain, row.days_ago, row.what
    ));
    let transcript = scripts::transcript(row.kind, customer, &attendees);
    Some(Call {
        id,
        title: format!("{title_name} — {}", row.what),
        kind: row.kind,
        customer_domain: customer.map(|c| c.domain.clone()),
        scheduled,
        started,
        duration_secs: row.minutes * 60 + (i as u32 * 7) % 60,
        host_email,
        attendees,
        system: if phone { "Aircall" } else { "Zoom" },
        media: if phone { "Audio" } else { "Video" },
        direction: if phone { "Outbound" } else { "Conference" },
        transcript,
    })
}

/// A working-hours start in UTC for the customer's region.
fn base_hour(customer: Option<&Customer>) -> u32 {
    match customer.map(|c| c.country.as_str()) {
        Some("United States" | "Canada") => 16,
        Some("Japan" | "Singapore" | "Australia") => 1,
        _ => 9,
    }
}
