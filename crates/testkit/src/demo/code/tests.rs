//! The code host agrees with the rest of the demo and carries the facts
//! the cross-system questions depend on.

use std::collections::HashSet;

use super::issues::ISSUES;
use super::pulls::PULLS;
use super::*;
use crate::demo::support::support_desk;
use crate::demo::REFERENCE_DATE;

#[test]
fn every_row_lands_and_numbers_are_unique_per_repo() {
    let host = code_host();
    assert_eq!(host.issues.len(), ISSUES.len());
    assert_eq!(host.pulls.len(), PULLS.len());
    let mut numbers = HashSet::new();
    for (repo, n) in host
        .issues
        .iter()
        .map(|i| (&i.repo, i.number))
        .chain(host.pulls.iter().map(|p| (&p.repo, p.number)))
    {
        assert!(host.repo(repo).is_some(), "unknown repo {repo}");
        assert!(numbers.insert((repo.clone(), n)), "{repo}#{n} twice");
    }
    let mut ids = HashSet::new();
    let comments = host
        .issues
        .iter()
        .flat_map(|i| &i.comments)
        .chain(host.pulls.iter().flat_map(|p| &p.comments));
    for id in host
        .issues
        .iter()
        .map(|i| i.id)
        .chain(host.pulls.iter().map(|p| p.id))
        .chain(comments.map(|c| c.id))
        .chain(
            host.pulls
                .iter()
                .flat_map(|p| p.reviews.iter().map(|r| r.id)),
        )
        .chain(
            host.pulls
                .iter()
                .flat_map(|p| p.checks.iter().map(|c| c.id)),
        )
        .chain(host.users.iter().map(|u| u.id))
    {
        assert!(ids.insert(id), "duplicate id {id}");
    }
}

#[test]
fn people_are_staff_bots_or_customer_contacts() {
    let host = code_host();
    let demo = northwind();
    for u in &host.users {
        match u.kind {
            UserKind::Bot => assert!(u.login.ends_with("[bot]") && u.email.is_none()),
            _ => {
                let email = u.email.as_deref().unwrap();
                let staff = demo.employee(email).is_some();
                let contact = demo.contacts().any(|(_, p)| p.email == email);
                assert!(staff || contact, "{} <{email}> is nobody", u.login);
            }
        }
    }
    let erik = host.user_by_email("engineering@northwind.example").unwrap();
    assert_eq!(
        (erik.login.as_str(), erik.name.as_deref()),
        ("erik-lindqvist", Some("Erik Lindqvist"))
    );
    assert!(
        host.user_by_email("hr@northwind.example").is_none(),
        "HR has no GitHub seat"
    );
    let login_known = |l: &String| host.user(l).is_some();
    for i in &host.issues {
        assert!(login_known(&i.author) && i.assignees.iter().all(login_known));
        assert!(i.comments.iter().all(|c| login_known(&c.author)));
    }
    for p in &host.pulls {
        assert!(p.reviews.iter().all(|r| login_known(&r.reviewer)));
    }
}

#[test]
fn times_are_ordered_and_never_after_the_reference_day() {
    let host = code_host();
    let end = REFERENCE_DATE
        .succ_opt()
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for i in &host.issues {
        assert!(
            i.created <= i.updated && i.updated < end,
            "{}#{}",
            i.repo,
            i.number
        );
        assert!(i.comments.windows(2).all(|w| w[0].at < w[1].at));
        assert!(i
            .comments
            .iter()
            .all(|c| c.at > i.created && c.at <= i.updated));
        assert_eq!(i.closed.is_some(), !i.state.is_open());
    }
    for p in &host.pulls {
        assert!(
            p.created <= p.updated && p.updated < end,
            "{}#{}",
            p.repo,
            p.number
        );
        assert!(p
            .reviews
            .iter()
            .all(|r| r.at > p.created && r.at <= p.updated));
        assert!(p
            .checks
            .iter()
            .all(|c| c.completed.is_none_or(|d| d > c.started)));
        assert_eq!(p.head_sha.len(), 40);
        if let Some(n) = p.fixes {
            assert!(
                host.issue(&p.repo, n).is_some(),
                "{}#{} fixes nothing",
                p.repo,
                p.number
            );
        }
    }
}

#[test]
fn escalations_match_the_support_desk() {
    let host = code_host();
    let desk = support_desk();
    let open = |d: &str| host.open_issues(d).count();
    assert_eq!(open("acme-robotics.example"), 3);
    assert_eq!(open("globex-logistics.example"), 2);
    assert_eq!(open("lioncity-bank.example"), 2);
    assert_eq!(open("oceanic-insurance.example"), 3);
    assert_eq!(
        open("sakura-telecom.example"),
        0,
        "Sakura's problems are fixed"
    );
    for i in &host.issues {
        let Some(domain) = &i.customer else { continue };
        assert!(i.labels.contains(&customer_label(domain)));
        assert!(northwind().customer(domain).is_some());
        if i.state.is_open() && i.labels.iter().any(|l| l == "escalation") {
            assert!(
                desk.open_tickets(domain).count() >= 1,
                "{domain} has no open ticket"
            );
        }
    }
    let acme_fix = host.pull("edge-agent", 58).unwrap();
    assert!(acme_fix
        .reviews
        .iter()
        .any(|r| r.state == ReviewState::ChangesRequested));
    assert!(acme_fix
        .checks
        .iter()
        .any(|c| c.state == CheckState::Completed("failure")));
    let globex_fix = host.pull("platform", 418).unwrap();
    assert_eq!(
        globex_fix.reviews.last().unwrap().state,
        ReviewState::Approved
    );
    assert_eq!(
        customer_label("lioncity-bank.example"),
        "customer:lioncity-bank"
    );
    let repo = host.repo("platform").unwrap();
    assert!(repo
        .labels
        .iter()
        .any(|l| l.name == "customer:globex-logistics"
            && l.description == "Affects Globex Logistics"));
}

#[test]
fn built_once_and_deterministic() {
    let a = CodeHost::build(northwind());
    assert_eq!(a.issues, code_host().issues);
    assert_eq!(a.pulls, code_host().pulls);
    assert!(std::ptr::eq(code_host(), code_host()));
}
