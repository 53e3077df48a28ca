//! The facts other systems' stories and the Notion tests rely on.

use std::collections::HashSet;

use super::*;

#[test]
fn ids_are_unique_and_uuid_shaped() {
    let w = workspace();
    let mut seen = HashSet::new();
    let blocks = w
        .pages
        .iter()
        .flat_map(|p| p.blocks.iter().flat_map(Block::walk));
    let ids = w
        .pages
        .iter()
        .map(|p| &p.id)
        .chain(
            blocks
                .filter(|b| {
                    !matches!(
                        b.kind,
                        BlockKind::ChildPage { .. } | BlockKind::ChildDatabase { .. }
                    )
                })
                .map(|b| &b.id),
        )
        .chain(w.comments.iter().map(|c| &c.id))
        .chain(w.users.iter().map(|u| &u.id))
        .chain(
            w.databases
                .iter()
                .flat_map(|d| [&d.database_id, &d.data_source_id]),
        );
    for id in ids {
        assert!(seen.insert(id.clone()), "duplicate id {id}");
        assert_eq!(id.len(), 36, "{id}");
        assert_eq!(id.matches('-').count(), 4, "{id}");
    }
    assert_eq!(notion_id("x"), notion_id("x"));
}

#[test]
fn one_account_plan_per_enterprise_customer() {
    let w = workspace();
    let demo = northwind();
    let enterprise: Vec<_> = demo
        .customers
        .iter()
        .filter(|c| c.tier == crate::demo::Tier::Enterprise)
        .collect();
    assert_eq!(enterprise.len(), 10);
    for c in enterprise {
        let plan = w.account_plan(&c.domain).unwrap();
        assert_eq!(plan.title, format!("Account plan — {}", c.name));
        assert!(plan.blocks.len() > 10, "{} has sections", plan.title);
    }
    assert!(w.account_plan("initech.example").is_none());
    let acme = w.account_plan("acme-robotics.example").unwrap();
    assert!(
        matches!(&acme.blocks[0].kind, BlockKind::Callout { text, .. } if text.contains("Renewal at risk"))
    );
}

#[test]
fn the_tracker_tells_the_renewal_story() {
    let w = workspace();
    let tracker = w.tracker();
    assert_eq!(w.rows(tracker).count(), northwind().customers.len());
    let status = |domain: &str| {
        let row = w.renewal_row(domain).unwrap();
        row.properties
            .iter()
            .find_map(|(k, v)| match (k.as_str(), v) {
                ("Status", PropValue::Status(s)) => Some(s.clone()),
                _ => None,
            })
            .unwrap()
    };
    for d in [
        "acme-robotics.example",
        "globex-logistics.example",
        "lioncity-bank.example",
        "helios-pharma.example",
    ] {
        assert_eq!(status(d), "At risk", "{d}");
    }
    assert_eq!(status("stark-aerospace.example"), "In negotiation");
    assert_eq!(status("sakura-telecom.example"), "In negotiation");
    assert_eq!(status("oceanic-insurance.example"), "Churned");
    assert_eq!(status("tyrell-bio.example"), "Renewed");
    assert_eq!(status("initech.example"), "Not started");
    let sam = w.user_by_email("sales@northwind.example").unwrap();
    let acme = w.renewal_row("acme-robotics.example").unwrap();
    assert!(acme
        .properties
        .contains(&("Owner".into(), PropValue::People(vec![sam.id.clone()]))));
}

#[test]
fn meetings_carry_comment_threads() {
    let w = workspace();
    let qbr = w.page_titled(ACME_QBR).unwrap();
    let on_page: Vec<_> = w.comments_on(&qbr.id).collect();
    assert_eq!(on_page.len(), 3);
    assert_eq!(on_page[0].discussion_id, on_page[1].discussion_id);
    let inline = w
        .comments
        .iter()
        .find(|c| matches!(&c.parent, CommentParent::Block { page_id, .. } if *page_id == qbr.id))
        .unwrap();
    assert!(inline.text.contains("statement of account"));
    assert!(w.comments.windows(2).all(|p| p[0].created <= p[1].created));
    let sync = w.page_titled(ENGINEERING_SYNC).unwrap();
    assert_eq!(w.comments_on(&sync.id).count(), 0);
}
