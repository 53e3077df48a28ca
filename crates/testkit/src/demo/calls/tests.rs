//! The call library agrees with the rest of the demo company and carries
//! the facts the cross-system questions rely on.

use std::collections::HashSet;

use chrono::Days;

use super::*;
use crate::demo::{DealType, Tier};

#[test]
fn users_are_the_staff_with_gong_seats() {
    let lib = call_library();
    let emails: Vec<&str> = lib.users.iter().map(|u| u.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "sales@northwind.example",
            "maria.lopez@northwind.example",
            "kenji.watanabe@northwind.example",
            "priya.nair@northwind.example",
            "tom.becker@northwind.example",
            "support@northwind.example",
            "engineering@northwind.example",
            "admin@northwind.example",
        ]
    );
    assert!(lib.user_by_email("finance@northwind.example").is_none());
    let ids: HashSet<&str> = lib.users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids.len(), lib.users.len());
    for u in &lib.users {
        assert!(northwind().employee(&u.email).is_some());
        assert!(u.id.len() == 19 && u.id.bytes().all(|b| b.is_ascii_digit()));
    }
}

#[test]
fn calls_join_the_crm_customers_and_contacts() {
    let (demo, lib) = (northwind(), call_library());
    assert_eq!(lib.calls.len(), 37);
    let ids: HashSet<&str> = lib.calls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), lib.calls.len());
    let earliest = REFERENCE_DATE - Days::new(120);
    for c in &lib.calls {
        assert!(c.started.date() >= earliest && c.started.date() < REFERENCE_DATE);
        assert!(
            c.scheduled <= c.started && c.duration_secs >= 600,
            "{}",
            c.title
        );
        assert_eq!(c.attendees[0].email, c.host_email);
        assert!(c.attendees[0].is_internal());
        match c.customer_domain.as_deref() {
            Some(domain) => {
                let customer = demo.customer(domain).unwrap();
                assert_eq!(c.host_email, customer.owner_email);
                assert!(c.title.starts_with(&format!("{} — ", customer.name)));
                for a in c.attendees.iter().filter(|a| !a.is_internal()) {
                    assert!(customer.contacts.iter().any(|p| p.email == a.email));
                }
                assert!(c.is_external());
            }
            None => assert!(!c.is_external(), "{}", c.title),
        }
        for a in c.attendees.iter().filter(|a| a.is_internal()) {
            assert_eq!(
                lib.user_by_email(&a.email).map(|u| &u.id),
                a.user_id.as_ref()
            );
        }
        for u in &c.transcript {
            assert!(c.attendee(&u.speaker_email).is_some(), "{}", c.title);
            assert!(u.sentences.windows(2).all(|w| w[0].1 < w[1].0));
        }
    }
    assert!(lib.calls.windows(2).all(|w| w[0].started <= w[1].started));
}

#[test]
fn recency_supports_the_customer_questions() {
    let (demo, lib) = (northwind(), call_library());
    let cutoff = (REFERENCE_DATE - Days::new(90))
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut quiet: Vec<&str> = demo
        .customers
        .iter()
        .filter(|c| {
            lib.last_call(&c.domain)
                .is_none_or(|call| call.started < cutoff)
        })
        .map(|c| c.domain.as_str())
        .collect();
    quiet.sort_unstable();
    assert_eq!(
        quiet,
        [
            "bluth-construction.example",
            "helios-pharma.example",
            "prairie-schools.example",
            "soylent-foods.example",
        ]
    );
    assert_eq!(lib.calls_with("prairie-schools.example").count(), 0);

    // Enterprise renewals closing this quarter: every one but Helios had
    // a call in the last two weeks.
    let (start, end) = demo.current_quarter();
    let renewing: Vec<_> = demo
        .deals()
        .filter(|(c, d)| {
            c.tier == Tier::Enterprise
                && d.deal_type == DealType::ExistingBusiness
                && !d.stage.is_closed()
                && (start..=end).contains(&d.close_date)
        })
        .map(|(c, _)| c)
        .collect();
    assert_eq!(renewing.len(), 6);
    for c in renewing {
        let last = lib.last_call(&c.domain);
        let recent = last.is_some_and(|l| l.started.date() >= REFERENCE_DATE - Days::new(14));
        assert_eq!(recent, c.domain != "helios-pharma.example", "{}", c.name);
    }

    let acme = lib.last_call("acme-robotics.example").unwrap();
    assert_eq!(acme.title, "Acme Robotics — renewal review");
    assert_eq!(acme.started.date(), REFERENCE_DATE - Days::new(8));
    let said: String = acme
        .transcript
        .iter()
        .flat_map(|u| u.sentences.iter().map(|s| s.2.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("$252,000") && said.contains("December 15"),
        "{said}"
    );
    assert!(said.starts_with("Thanks for making time, Dana."));
}

#[test]
fn ids_are_stable() {
    assert_eq!(gong_id("x"), gong_id("x"));
    assert_ne!(gong_id("x"), gong_id("y"));
    assert!(std::ptr::eq(call_library(), call_library()));
    let lib = CallLibrary::build(northwind());
    assert_eq!(lib.calls, call_library().calls);
}
