//! Representative calls per tool, on the demo company's data. Tools that
//! need an id take it from another tool's answer (the first item of its
//! first list), the way a model would chain them.

use serde_json::{json, Value};
use switchboard_gateway::Gateway;

/// One sample: fixed arguments, or arguments completed with an id read
/// from another call.
pub struct Sample {
    pub tool: &'static str,
    pub args: Value,
    /// `(tool, its args, the argument to fill, the field of the first item)`.
    pub from: Option<(&'static str, Value, &'static str, &'static str)>,
}

fn fixed(tool: &'static str, args: Value) -> Sample {
    Sample {
        tool,
        args,
        from: None,
    }
}

fn chained(
    tool: &'static str,
    args: Value,
    source: &'static str,
    source_args: Value,
    arg: &'static str,
    field: &'static str,
) -> Sample {
    Sample {
        tool,
        args,
        from: Some((source, source_args, arg, field)),
    }
}

/// Every sample; tools not in the catalog are skipped by the caller.
pub fn all() -> Vec<Sample> {
    let acme = "acme-robotics.example";
    vec![
        fixed("hubspot_search_deals", json!({"limit": 20})),
        chained(
            "hubspot_get_deal",
            json!({}),
            "hubspot_search_deals",
            json!({"limit": 1}),
            "deal_id",
            "id",
        ),
        chained(
            "hubspot_get_company",
            json!({}),
            "hubspot_search_companies",
            json!({"domain": acme}),
            "company_id",
            "id",
        ),
        fixed("hubspot_search_companies", json!({"limit": 20})),
        chained(
            "hubspot_get_contact",
            json!({}),
            "hubspot_search_contacts",
            json!({"limit": 1}),
            "contact_id",
            "id",
        ),
        fixed("hubspot_search_contacts", json!({"limit": 20})),
        fixed("hubspot_list_owners", json!({})),
        fixed("hubspot_list_pipelines", json!({})),
        fixed("intercom_search_conversations", json!({"state": "open"})),
        chained(
            "intercom_get_conversation",
            json!({}),
            "intercom_search_conversations",
            json!({"company": acme}),
            "conversation_id",
            "id",
        ),
        fixed("intercom_search_contacts", json!({"company": acme})),
        chained(
            "intercom_get_contact",
            json!({}),
            "intercom_search_contacts",
            json!({"company": acme}),
            "contact_id",
            "id",
        ),
        fixed("intercom_get_company", json!({"name": "Acme Robotics"})),
        fixed("intercom_search_tickets", json!({"state": "open"})),
        chained(
            "intercom_get_ticket",
            json!({}),
            "intercom_search_tickets",
            json!({"company": acme}),
            "ticket_id",
            "id",
        ),
        fixed("quickbooks_search_customers", json!({"limit": 20})),
        fixed(
            "quickbooks_get_customer",
            json!({"customer": "Acme Robotics"}),
        ),
        fixed(
            "quickbooks_search_invoices",
            json!({"customer": "Acme Robotics"}),
        ),
        chained(
            "quickbooks_get_invoice",
            json!({}),
            "quickbooks_search_invoices",
            json!({"customer": "Acme Robotics"}),
            "invoice_id",
            "id",
        ),
        fixed("quickbooks_get_ar_aging", json!({})),
        fixed("quickbooks_get_profit_and_loss", json!({})),
        fixed(
            "gong_list_calls",
            json!({"from": "2026-08-27", "to": "2026-11-25", "limit": 20}),
        ),
        chained(
            "gong_get_call",
            json!({}),
            "gong_list_calls",
            json!({"company": acme, "from": "2026-08-27", "to": "2026-11-25"}),
            "call_id",
            "id",
        ),
        chained(
            "gong_get_transcript",
            json!({}),
            "gong_list_calls",
            json!({"company": acme, "from": "2026-08-27", "to": "2026-11-25"}),
            "call_id",
            "id",
        ),
        fixed("gong_list_users", json!({})),
        fixed("notion_search", json!({})),
        chained(
            "notion_get_page",
            json!({}),
            "notion_search",
            json!({"query": "Account plan"}),
            "page_id",
            "id",
        ),
        chained(
            "notion_query_database",
            json!({}),
            "notion_search",
            json!({"kind": "database"}),
            "database_id",
            "id",
        ),
        chained(
            "notion_list_comments",
            json!({}),
            "notion_search",
            json!({"query": "meeting"}),
            "block_id",
            "id",
        ),
        fixed("slack_search_messages", json!({"query": "renewal"})),
        fixed("slack_get_channel_history", json!({"channel": "#sales"})),
        fixed("slack_list_channels", json!({})),
        fixed("slack_get_user", json!({"user": "sales@northwind.example"})),
        fixed(
            "github_search_issues",
            json!({"repo": "northwind/platform"}),
        ),
        fixed("github_list_issues", json!({"repo": "northwind/platform"})),
        chained(
            "github_get_issue",
            json!({"repo": "northwind/platform"}),
            "github_list_issues",
            json!({"repo": "northwind/platform"}),
            "number",
            "number",
        ),
        chained(
            "github_get_pull_request",
            json!({"repo": "northwind/platform"}),
            "github_list_pull_requests",
            json!({"repo": "northwind/platform"}),
            "number",
            "number",
        ),
        fixed(
            "github_list_pull_requests",
            json!({"repo": "northwind/platform"}),
        ),
        fixed("warehouse_list_tables", json!({})),
        fixed(
            "warehouse_describe_table",
            json!({"table": "arr_by_customer"}),
        ),
        fixed(
            "warehouse_sql",
            json!({"sql": "select * from arr_by_customer"}),
        ),
        fixed("warehouse_query_arr_by_customer", json!({})),
        fixed("customer_get_profile", json!({"customer": acme})),
        fixed("customers_find_renewals_at_risk", json!({})),
        fixed("customer_get_timeline", json!({"customer": acme})),
    ]
}

/// The first item's `field` in the first list of a tool's answer.
pub fn first_id(answer: &Value, field: &str) -> Option<Value> {
    let lists = answer.as_object()?.values().filter_map(Value::as_array);
    lists
        .flat_map(|l| l.first())
        .find_map(|item| item.get(field).cloned())
}

/// Whether the gateway has the tool.
pub fn present(gateway: &Gateway, tool: &str) -> bool {
    gateway.catalog().get(tool).is_some()
}
