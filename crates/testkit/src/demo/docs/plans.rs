//! The "Customers" hub: the renewal tracker and one "Account plan —
//! <Customer>" page per enterprise customer (overview, stakeholders,
//! opportunities, renewal strategy, risks, next steps).

use super::blocks::{
    assign_ids, callout, child_database, child_page, h2, li, p, table, todo, toggle,
};
use super::{at, notion_id, tracker, user_id, DocDatabase, DocPage, DocParent};
use crate::demo::{Customer, DemoCompany, Tier};

/// What the account owner wrote about one customer.
struct Notes {
    domain: &'static str,
    strategy: &'static str,
    risks: &'static [&'static str],
    next_steps: &'static [(&'static str, bool)],
    /// One line for the tracker's "Next step" when the renewal is at risk.
    risk_summary: Option<&'static str>,
}

#[rustfmt::skip]
const NOTES: &[Notes] = &[
    Notes { domain: "acme-robotics.example",
        strategy: "Renew for 2027 at $252,000 and use the Warehouse Analytics add-on as the expansion lever.",
        risks: &["Two unresolved support tickets on fleet telemetry sync; Dana Whitfield wants a fix date before signing.",
                 "The October invoice is overdue; procurement (Lena Okafor) is holding it until the tickets are fixed."],
        next_steps: &[("Send the order form for the 2027 renewal", true), ("Confirm the fleet-sync fix date with engineering", false),
                      ("Agree a payment plan for the overdue invoice", false)],
        risk_summary: Some("Fix the fleet-sync tickets and collect the overdue invoice before 2026-12-15") },
    Notes { domain: "globex-logistics.example",
        strategy: "Renew at $325,000 and position the data platform for the new Rotterdam hub.",
        risks: &["Open tickets on EDI import failures and dashboard latency.",
                 "The Q3 invoice is paid late; Anouk Jansen escalated it internally.",
                 "No engaged executive sponsor since the COO changed priorities."],
        next_steps: &[("Joint call with Pieter de Vries on the EDI fix", false), ("Finance to send a statement of account", true)],
        risk_summary: Some("Resolve the EDI import tickets and re-engage Pieter de Vries") },
    Notes { domain: "lioncity-bank.example",
        strategy: "Renew at $483,000; the Risk Reporting Suite is the upsell once the renewal closes.",
        risks: &["Three unresolved tickets (SSO outages, audit export) escalated by Arjun Menon.",
                 "The regulator-driven security review must finish before signature."],
        next_steps: &[("Share the SSO root-cause report", false), ("Complete the vendor security questionnaire", true),
                      ("Schedule an executive check-in with Wei Ling Tan", false)],
        risk_summary: Some("Close the SSO escalation before the 2026-12-28 renewal") },
    Notes { domain: "helios-pharma.example",
        strategy: "Renew at $410,000, leaning on the GxP Audit Trail win.",
        risks: &["Invoices are overdue by more than 30 days.",
                 "No customer call in over 90 days; the champion may have gone quiet."],
        next_steps: &[("Book a call with Matthias Keller", false), ("Finance to chase the overdue invoices", false)],
        risk_summary: Some("Re-engage Matthias Keller and collect the overdue invoices") },
    Notes { domain: "stark-aerospace.example",
        strategy: "Renew at $399,000; the contract is out for signature, expected mid-December.",
        risks: &[],
        next_steps: &[("Send the contract to Claire Donovan", true), ("Countersign and book the kickoff", false)],
        risk_summary: None },
    Notes { domain: "sakura-telecom.example",
        strategy: "Renew at $357,000; the decision maker has bought in.",
        risks: &["One invoice is overdue; settle it before signature."],
        next_steps: &[("Finalise the Japanese-language order form", true), ("Collect the overdue invoice", false)],
        risk_summary: None },
    Notes { domain: "oceanic-insurance.example",
        strategy: "The renewal was lost on 2026-11-15 to an in-house build; keep the Claims Analytics Pilot alive.",
        risks: &["The contract ends 2026-11-30 and two quarters of invoices are unpaid."],
        next_steps: &[("Run the churn review", false), ("Hand the unpaid invoices to collections", false)],
        risk_summary: None },
    Notes { domain: "tyrell-bio.example",
        strategy: "Renewed on 2026-11-01 at $295,000; next comes the Lab Data Connector.",
        risks: &[],
        next_steps: &[("Countersign the renewal", true), ("Scope the Lab Data Connector", false)],
        risk_summary: None },
    Notes { domain: "umbrella-health.example",
        strategy: "The renewal is due 2027-02-28; expand with the Compliance Module rollout.",
        risks: &["Open tickets on HL7 feed delays; watch them before the renewal opens."],
        next_steps: &[("Open the renewal conversation in December", false)],
        risk_summary: None },
    Notes { domain: "wayne-financial.example",
        strategy: "The renewal is due 2027-01-15 at $546,000; the fraud pilot results are the story.",
        risks: &[],
        next_steps: &[("Present the fraud pilot results to Eleanor Fox", false)],
        risk_summary: None },
];

/// The tracker's one-line next step for an at-risk account.
pub(super) fn risk_summary(domain: &str) -> Option<&'static str> {
    NOTES
        .iter()
        .find(|n| n.domain == domain)
        .and_then(|n| n.risk_summary)
}

/// "$252,000".
pub(super) fn dollars(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
}

/// Builds the hub page; pushes the plans and tracker rows into `pages` and
/// the tracker into `databases`.
pub(super) fn customers_hub(
    company: &DemoCompany,
    pages: &mut Vec<DocPage>,
    databases: &mut Vec<DocDatabase>,
) -> DocPage {
    let hub_id = notion_id("page:customers");
    let (db, rows) = tracker::tracker(company, &hub_id);
    let mut blocks = vec![
        p("Account plans for every enterprise customer and the renewal tracker. Owners keep them current before each QBR."),
        child_database(&db.database_id, &db.title),
        h2("Account plans"),
    ];
    let enterprise = company
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Enterprise);
    for (i, c) in enterprise.enumerate() {
        let plan = account_plan(company, c, &hub_id, i as u64);
        blocks.push(child_page(&plan.id, &plan.title));
        pages.push(plan);
    }
    pages.extend(rows);
    databases.push(db);
    assign_ids(&hub_id, &mut blocks);
    DocPage {
        id: hub_id,
        title: "Customers".into(),
        icon: Some("🤝".into()),
        parent: DocParent::Workspace,
        created: at(240, 9, 0),
        edited: at(3, 17, 20),
        created_by: user_id("admin@northwind.example"),
        edited_by: user_id("sales@northwind.example"),
        properties: Vec::new(),
        blocks,
        customer_domain: None,
    }
}

fn account_plan(company: &DemoCompany, c: &Customer, hub_id: &str, i: u64) -> DocPage {
    let id = notion_id(&format!("account-plan:{}", c.domain));
    let notes = NOTES.iter().find(|n| n.domain == c.domain);
    let owner = company
        .employee(&c.owner_email)
        .map(|e| format!("{} {}", e.first_name, e.last_name))
        .unwrap_or_else(|| c.owner_email.clone());
    let mut blocks = Vec::new();
    if tracker::status(c) == "At risk" {
        let why = notes.and_then(|n| n.risk_summary).unwrap_or("see Risks");
        blocks.push(callout("⚠️", format!("**Renewal at risk:** {why}.")));
    }
    blocks.push(h2("Overview"));
    blocks.push(p(format!(
        "**{}** ({}) has been an enterprise customer in {}, {} since {}. ARR **{}**; the current contract renews on **{}**. Account owner: {owner}.",
        c.name, c.domain, c.city, c.country, c.customer_since, dollars(c.arr), c.renewal_date
    )));
    blocks.push(h2("Stakeholders"));
    blocks.extend(c.contacts.iter().map(|ct| {
        li(format!(
            "{} — {} (`{}`)",
            ct.full_name(),
            ct.job_title,
            ct.email
        ))
    }));
    blocks.push(h2("Opportunities"));
    let mut rows = vec![vec![
        "Deal".to_owned(),
        "Stage".to_owned(),
        "Amount".to_owned(),
        "Close date".to_owned(),
    ]];
    rows.extend(c.deals.iter().map(|d| {
        vec![
            d.name.clone(),
            d.stage.label().to_owned(),
            dollars(d.amount),
            d.close_date.to_string(),
        ]
    }));
    blocks.push(table(rows));
    blocks.push(h2("Renewal strategy"));
    blocks.push(p(notes.map_or("Renew on current terms.", |n| n.strategy)));
    blocks.push(h2("Risks"));
    match notes.map(|n| n.risks).filter(|r| !r.is_empty()) {
        Some(risks) => blocks.extend(risks.iter().map(|r| li(*r))),
        None => blocks.push(p("No open risks.")),
    }
    blocks.push(h2("Next steps"));
    for (step, done) in notes.map(|n| n.next_steps).unwrap_or_default() {
        blocks.push(todo(*step, *done));
    }
    blocks.push(toggle(
        "Contract history",
        vec![
            p(format!("Customer since {}.", c.customer_since)),
            p(format!(
                "Current term ends {} at {} ARR.",
                c.renewal_date,
                dollars(c.arr)
            )),
        ],
    ));
    assign_ids(&id, &mut blocks);
    let owner_id = user_id(&c.owner_email);
    DocPage {
        id,
        title: format!("Account plan — {}", c.name),
        icon: Some("🗺️".into()),
        parent: DocParent::Page(hub_id.into()),
        created: at(150 + i, 14, 0),
        edited: at(2 + i % 5, 10, 15 + i as u32),
        created_by: owner_id.clone(),
        edited_by: owner_id,
        properties: Vec::new(),
        blocks,
        customer_domain: Some(c.domain.clone()),
    }
}
