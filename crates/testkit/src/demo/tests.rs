//! Invariants later fakes and tests rely on: clean unique keys, every
//! reference resolvable, and enough spread to make queries interesting.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::*;

#[test]
fn keys_are_unique_and_clean() {
    let demo = northwind();
    assert_eq!(demo.customers.len(), 20);
    let mut domains = HashSet::new();
    let mut emails = HashSet::new();
    for c in &demo.customers {
        assert!(domains.insert(c.domain.as_str()), "duplicate {}", c.domain);
        assert!(c.domain.ends_with(".example") && c.domain.is_ascii());
        assert!((1..=3).contains(&c.contacts.len()), "{}", c.name);
        assert!((1..=2).contains(&c.deals.len()), "{}", c.name);
        for p in &c.contacts {
            assert!(p.email.ends_with(&format!("@{}", c.domain)), "{}", p.email);
            assert!(p.email.is_ascii() && !p.email.contains(' '));
            assert!(emails.insert(p.email.as_str()), "duplicate {}", p.email);
        }
    }
    let names: HashSet<_> = demo.deals().map(|(_, d)| d.name.as_str()).collect();
    assert_eq!(names.len(), demo.deals().count());
    assert_eq!(
        demo.deals().count(),
        deals::row_count(),
        "a deal row names no customer"
    );
}

#[test]
fn owners_and_staff_resolve() {
    let demo = northwind();
    assert_eq!(demo.owners.len(), 5);
    let sales = demo.owner_by_email("SALES@northwind.example").unwrap();
    assert_eq!(sales.full_name(), "Sam Carter");
    for o in &demo.owners {
        assert!(o.id.bytes().all(|b| b.is_ascii_digit()));
        assert!(demo.employee(&o.email).is_some());
    }
    for c in &demo.customers {
        assert!(demo.owner_by_email(&c.owner_email).is_some(), "{}", c.name);
        assert!(c.deals.iter().all(|d| d.owner_email == c.owner_email));
    }
    for e in &demo.staff {
        assert!(e.email.ends_with("@northwind.example"));
    }
    assert!(demo.owner_by_email("finance@northwind.example").is_none());
    let mine = demo
        .deals()
        .filter(|(_, d)| d.owner_email == "sales@northwind.example")
        .count();
    assert_eq!(mine, 9);
}

#[test]
fn deals_cover_the_pipeline_and_the_quarter() {
    let demo = northwind();
    let (start, end) = demo.current_quarter();
    assert_eq!(start, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
    assert_eq!(end, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    for stage in DealStage::ALL {
        assert!(demo.deals().any(|(_, d)| d.stage == stage), "{stage:?}");
    }
    let open_this_quarter = demo
        .deals()
        .filter(|(_, d)| !d.stage.is_closed() && d.close_date >= start && d.close_date <= end)
        .count();
    assert!(open_this_quarter >= 10, "{open_this_quarter}");
    for (c, d) in demo.deals() {
        assert_eq!(
            d.name.contains("Enterprise Renewal"),
            d.deal_type == DealType::ExistingBusiness,
            "{}",
            d.name
        );
        assert!(d.name.starts_with(&c.name));
        assert!(d.created <= demo.reference_date && d.created < d.close_date);
    }
}

#[test]
fn built_once_and_deterministic() {
    assert!(std::ptr::eq(northwind(), northwind()));
    let acme = northwind().customer("acme-robotics.example").unwrap();
    assert_eq!(acme.tier, Tier::Enterprise);
    assert_eq!(
        acme.contacts[0].email,
        "dana.whitfield@acme-robotics.example"
    );
    assert_eq!(acme.contacts[0].phone, "+1 555 0101");
    assert_eq!(
        acme.deals[0].name,
        "Acme Robotics - Enterprise Renewal 2027"
    );
    assert_eq!(
        quarter_of(NaiveDate::from_ymd_opt(2027, 2, 14).unwrap()).1,
        NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
    );
}
