//! The support desk agrees with the rest of the demo, and carries the facts
//! the cross-system questions depend on.

use std::collections::HashSet;

use super::script::{CONVERSATIONS, TICKETS};
use super::*;
use crate::demo::{DealType, REFERENCE_DATE};

#[test]
fn every_row_lands_and_ids_are_unique() {
    let desk = support_desk();
    assert_eq!(desk.tickets.len(), TICKETS.len());
    assert_eq!(desk.conversations.len(), CONVERSATIONS.len());
    assert_eq!(desk.companies.len(), northwind().customers.len());
    assert_eq!(desk.contacts.len(), northwind().contacts().count());
    let mut ids = HashSet::new();
    for id in desk
        .companies
        .iter()
        .map(|c| &c.id)
        .chain(desk.contacts.iter().map(|c| &c.id))
        .chain(desk.conversations.iter().map(|c| &c.id))
        .chain(
            desk.conversations
                .iter()
                .flat_map(|c| c.parts.iter().map(|p| &p.id)),
        )
        .chain(desk.tickets.iter().map(|t| &t.id))
        .chain(desk.admins.iter().map(|a| &a.id))
    {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    for c in desk
        .companies
        .iter()
        .map(|c| &c.id)
        .chain(desk.contacts.iter().map(|c| &c.id))
    {
        assert!(
            c.len() == 24 && c.bytes().all(|b| b.is_ascii_hexdigit()),
            "{c}"
        );
    }
}

#[test]
fn people_and_times_are_consistent() {
    let desk = support_desk();
    let demo = northwind();
    let end = REFERENCE_DATE.and_hms_opt(23, 59, 59).unwrap();
    for a in desk.admins.iter().filter(|a| !a.bot) {
        assert!(demo.employee(&a.email).is_some(), "{}", a.email);
    }
    assert!(desk.admin_by_email("support@northwind.example").is_some());
    assert!(desk.admin_by_email("finance@northwind.example").is_none());
    for c in &desk.conversations {
        let contact = desk.contact(&c.contact_email).unwrap();
        assert_eq!(contact.company_domain, c.company_domain);
        assert!(c.created <= c.updated && c.updated <= end, "{}", c.title);
        let mut last = c.created;
        for p in &c.parts {
            assert!(p.at > last, "{}: parts in order", c.title);
            last = p.at;
            if let Author::Admin(email) = &p.author {
                assert!(desk.admin_by_email(email).is_some(), "{email}");
            }
        }
    }
    for t in &desk.tickets {
        assert!(t.created <= t.updated && t.updated <= end, "{}", t.title);
        assert_eq!(
            t.parts.last().map_or(TicketState::Submitted, |p| p.to),
            t.state
        );
        assert!(t
            .assignee_email
            .iter()
            .all(|e| desk.admin_by_email(e).is_some()));
    }
    let newest: Vec<_> = desk.tickets.iter().map(|t| t.created).collect();
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

/// "Enterprise renewals open this quarter with more than one unresolved
/// ticket" has exactly three answers, and the near misses are there.
#[test]
fn renewals_at_risk_have_open_tickets() {
    let desk = support_desk();
    let demo = northwind();
    let (start, end) = demo.current_quarter();
    let mut at_risk: Vec<&str> = demo
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Enterprise)
        .filter(|c| {
            c.deals.iter().any(|d| {
                d.deal_type == DealType::ExistingBusiness
                    && !d.stage.is_closed()
                    && (start..=end).contains(&d.close_date)
            })
        })
        .filter(|c| desk.open_tickets(&c.domain).count() > 1)
        .map(|c| c.name.as_str())
        .collect();
    at_risk.sort_unstable();
    assert_eq!(
        at_risk,
        ["Acme Robotics", "Globex Logistics", "Lion City Bank"]
    );
    let open = |d: &str| desk.open_tickets(d).count();
    assert_eq!(open("acme-robotics.example"), 3);
    assert_eq!(open("oceanic-insurance.example"), 3, "renewal lost");
    assert_eq!(open("umbrella-health.example"), 2, "renewal next quarter");
    assert_eq!(open("hooli-cloud.example"), 2, "mid-market, no renewal");
    assert_eq!(open("stark-aerospace.example"), 1);
    assert_eq!(open("sakura-telecom.example"), 0);
    assert!(desk
        .tickets
        .iter()
        .any(|t| t.company_domain == "sakura-telecom.example"));
}
