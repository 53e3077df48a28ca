//! Representative calls per tool, on the demo company's data. A tool with
//! no sample here is called with `{}`; if that is not a valid call it is
//! listed as not measured, with the reason.

use serde_json::{json, Value};
use switchboard_gateway::Gateway;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::hubspot;

fn sample(tool: &str) -> Option<Value> {
    let company = northwind();
    let acme = "acme-robotics.example";
    let crm_company = hubspot::company_id(company, acme).unwrap_or_default();
    let deal = company
        .customers
        .iter()
        .find(|c| c.domain == acme)
        .and_then(|c| c.deals.first())
        .and_then(|d| hubspot::deal_id(company, &d.name))
        .unwrap_or_default();
    let contact = company
        .customers
        .iter()
        .find(|c| c.domain == acme)
        .and_then(|c| c.contacts.first())
        .map(|c| c.email.clone())
        .unwrap_or_default();
    let contact_id = hubspot::contact_id(company, &contact).unwrap_or_default();
    Some(match tool {
        "hubspot_search_deals" => json!({"limit": 20}),
        "hubspot_get_deal" => json!({"deal_id": deal}),
        "hubspot_get_company" => json!({"company_id": crm_company}),
        "hubspot_search_companies" => json!({"limit": 20}),
        "hubspot_get_contact" => json!({"contact_id": contact_id}),
        "hubspot_search_contacts" => json!({"limit": 20}),
        "quickbooks_get_customer" | "quickbooks_search_invoices" => {
            json!({"customer": "Acme Robotics"})
        }
        "quickbooks_get_invoice" => return None,
        "gong_list_calls" => json!({"from": "2026-08-27", "to": "2026-11-25", "limit": 20}),
        "customer_get_profile" | "customer_get_timeline" => json!({"customer": acme}),
        _ => json!({}),
    })
}

/// `(tool, args)` for every tool in the catalog that has a sample.
pub fn calls(gateway: &Gateway) -> Vec<(String, Value)> {
    let mut calls: Vec<(String, Value)> = gateway
        .catalog()
        .entries()
        .iter()
        .filter(|e| e.spec.effect.is_read_only())
        .filter_map(|e| sample(&e.spec.name).map(|a| (e.spec.name.clone(), a)))
        .collect();
    // Tools whose sample needs an id from another tool's answer.
    calls.push((
        "quickbooks_get_invoice".into(),
        json!({"invoice_id": "1001"}),
    ));
    calls
}
