//! The renewal tracker: a database with one row per customer (renewal
//! date, tier, status, owner, ARR, exec sponsor, next step). Statuses
//! follow the CRM's renewal deals; the at-risk set is the one the support
//! and billing data explain (open tickets, overdue invoices, no calls).

use super::props::{PropKind, PropSchema, PropValue};
use super::{at, notion_id, user_id, DocDatabase, DocPage, DocParent};
use crate::demo::{Customer, DealStage, DealType, DemoCompany, Tier};

pub const TRACKER_TITLE: &str = "Renewal tracker";

/// Customers whose open renewal the account teams flag as at risk.
const AT_RISK: &[&str] = &[
    "acme-robotics.example",
    "globex-logistics.example",
    "lioncity-bank.example",
    "helios-pharma.example",
];

/// Customers with an engaged executive sponsor.
const EXEC_SPONSOR: &[&str] = &[
    "acme-robotics.example",
    "stark-aerospace.example",
    "sakura-telecom.example",
    "wayne-financial.example",
    "tyrell-bio.example",
    "umbrella-health.example",
];

fn opts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect()
}

fn prop(name: &str, kind: PropKind) -> PropSchema {
    let id = if kind == PropKind::Title {
        "title".to_owned()
    } else {
        // Notion's ids are short and URL-encoded; four characters do.
        notion_id(&format!("prop:{name}"))[..4].to_owned()
    };
    PropSchema {
        id,
        name: name.into(),
        kind,
    }
}

fn schema() -> Vec<PropSchema> {
    let status = PropKind::Status {
        options: opts(&[
            ("Not started", "default"),
            ("In negotiation", "blue"),
            ("At risk", "red"),
            ("Renewed", "green"),
            ("Churned", "gray"),
        ]),
        groups: vec![
            ("To-do".into(), "gray".into(), vec!["Not started".into()]),
            (
                "In progress".into(),
                "blue".into(),
                vec!["In negotiation".into(), "At risk".into()],
            ),
            (
                "Complete".into(),
                "green".into(),
                vec!["Renewed".into(), "Churned".into()],
            ),
        ],
    };
    vec![
        prop("Customer", PropKind::Title),
        prop("Domain", PropKind::RichText),
        prop(
            "Tier",
            PropKind::Select(opts(&[
                ("Enterprise", "purple"),
                ("Mid-Market", "blue"),
                ("SMB", "green"),
            ])),
        ),
        prop("Renewal date", PropKind::Date),
        prop("Status", status),
        prop("Owner", PropKind::People),
        prop("ARR", PropKind::Number("dollar".into())),
        prop("Exec sponsor", PropKind::Checkbox),
        prop("Next step", PropKind::RichText),
    ]
}

fn tier_label(t: Tier) -> &'static str {
    match t {
        Tier::Enterprise => "Enterprise",
        Tier::MidMarket => "Mid-Market",
        Tier::Smb => "SMB",
    }
}

/// The tracker status: the renewal deal's outcome, else how far along it
/// is, with the flagged accounts marked at risk.
pub(super) fn status(c: &Customer) -> &'static str {
    let renewal = c
        .deals
        .iter()
        .find(|d| d.deal_type == DealType::ExistingBusiness);
    let Some(deal) = renewal else {
        return "Not started";
    };
    let stage = DealStage::ALL.iter().position(|s| *s == deal.stage);
    let presented = DealStage::ALL
        .iter()
        .position(|s| *s == DealStage::PresentationScheduled);
    match deal.stage {
        DealStage::ClosedWon => "Renewed",
        DealStage::ClosedLost => "Churned",
        _ if AT_RISK.contains(&c.domain.as_str()) => "At risk",
        _ if stage >= presented => "In negotiation",
        _ => "Not started",
    }
}

/// The next step the tracker shows for a customer.
fn next_step(c: &Customer, status: &str) -> String {
    match status {
        "At risk" => super::plans::risk_summary(&c.domain)
            .unwrap_or("Escalate to the account team")
            .to_owned(),
        "Renewed" => "Kick off the expansion conversation".to_owned(),
        "Churned" => "Run the churn review".to_owned(),
        "In negotiation" => format!("Get the signed order form before {}", c.renewal_date),
        _ => format!(
            "Open the renewal conversation 90 days before {}",
            c.renewal_date
        ),
    }
}

/// The tracker database and its rows.
pub(super) fn tracker(company: &DemoCompany, hub_id: &str) -> (DocDatabase, Vec<DocPage>) {
    let db = DocDatabase {
        database_id: notion_id("database:renewal-tracker"),
        data_source_id: notion_id("data_source:renewal-tracker"),
        title: TRACKER_TITLE.into(),
        parent_page: hub_id.into(),
        created: at(200, 9, 30),
        edited: at(1, 16, 45),
        created_by: user_id("sales@northwind.example"),
        schema: schema(),
    };
    let rows = company
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let status = status(c);
            let owner = user_id(&c.owner_email);
            let props = vec![
                ("Domain".to_owned(), PropValue::Text(c.domain.clone())),
                (
                    "Tier".to_owned(),
                    PropValue::Select(tier_label(c.tier).into()),
                ),
                ("Renewal date".to_owned(), PropValue::Date(c.renewal_date)),
                ("Status".to_owned(), PropValue::Status(status.into())),
                ("Owner".to_owned(), PropValue::People(vec![owner.clone()])),
                ("ARR".to_owned(), PropValue::Number(c.arr as f64)),
                (
                    "Exec sponsor".to_owned(),
                    PropValue::Checkbox(EXEC_SPONSOR.contains(&c.domain.as_str())),
                ),
                (
                    "Next step".to_owned(),
                    PropValue::Text(next_step(c, status)),
                ),
            ];
            DocPage {
                id: notion_id(&format!("tracker-row:{}", c.domain)),
                title: c.name.clone(),
                icon: None,
                parent: DocParent::DataSource {
                    data_source_id: db.data_source_id.clone(),
                    database_id: db.database_id.clone(),
                },
                created: at(200 - i as u64, 10, 0),
                edited: at(1 + (i as u64 % 9), 11, (i as u32 * 7) % 60),
                created_by: db.created_by.clone(),
                edited_by: owner,
                properties: props,
                blocks: Vec::new(),
                customer_domain: Some(c.domain.clone()),
            }
        })
        .collect();
    (db, rows)
}
