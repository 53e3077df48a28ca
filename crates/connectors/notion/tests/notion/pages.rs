//! `notion_get_page` against the fake: Markdown of real documents, the
//! depth and size budgets, paged block children, and database rows'
//! properties.

use std::time::{Duration, Instant};

use serde_json::json;
use switchboard_core::CallContext;
use switchboard_testkit::demo::docs::{workspace, INCIDENT_RUNBOOK};
use switchboard_testkit::fake::notion::NotionOptions;

use crate::common::{call, env, env_with, page};

#[tokio::test]
async fn an_account_plan_reads_as_markdown() {
    let env = env().await;
    let plan = workspace().account_plan("acme-robotics.example").unwrap();
    let out = call(&env.notion, "notion_get_page", json!({"page_id": plan.id}))
        .await
        .unwrap();
    assert_eq!(out["title"], "Account plan — Acme Robotics");
    assert_eq!(
        out["last_edited_by"],
        json!({"name": "Sam Carter", "email": "sales@northwind.example"})
    );
    assert!(out["url"]
        .as_str()
        .unwrap()
        .starts_with("https://app.notion.com/p/Account-plan-Acme-Robotics-"));
    assert_eq!(
        (out["truncated"].as_bool(), out.get("truncation")),
        (Some(false), None)
    );
    assert!(
        out.get("properties").is_none(),
        "a plain page has no columns"
    );
    let md = out["markdown"].as_str().unwrap();
    for expected in [
        "> ⚠️ **Renewal at risk:** Fix the fleet-sync tickets and collect the overdue invoice before 2026-12-15.",
        "## Overview\n\n**Acme Robotics** (acme-robotics.example) has been an enterprise customer",
        "ARR **$240,000**; the current contract renews on **2026-12-15**.",
        "- Dana Whitfield — VP Operations (`dana.whitfield@acme-robotics.example`)\n- Marcus Chen",
        "| Deal | Stage | Amount | Close date |\n| --- | --- | --- | --- |\n| Acme Robotics - Enterprise Renewal 2027 | Contract Sent | $252,000 | 2026-12-15 |",
        "- [x] Send the order form for the 2027 renewal\n- [ ] Confirm the fleet-sync fix date with engineering",
        "▸ Contract history\n  Customer since 2023-12-15.\n\n  Current term ends 2026-12-15 at $240,000 ARR.",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    // A link works as well as an id.
    let link = out["url"].as_str().unwrap().to_owned();
    let again = call(&env.notion, "notion_get_page", json!({"page_id": link}))
        .await
        .unwrap();
    assert_eq!(again["markdown"], out["markdown"]);
}

#[tokio::test]
async fn the_runbook_renders_code_nesting_and_budgets() {
    let env = env().await;
    let runbook = page(INCIDENT_RUNBOOK);
    let full = call(
        &env.notion,
        "notion_get_page",
        json!({"page_id": runbook.id}),
    )
    .await
    .unwrap();
    let md = full["markdown"].as_str().unwrap();
    for expected in [
        "> 🚨 If customers are affected, page the on-call engineer first (`#incident` in Slack)",
        "# Production incident response",
        "| SEV1 | Gateway down for all customers | 15 minutes | On-call and the Engineering Manager |",
        "1. Acknowledge the page and open an incident channel.\n2. Check the gateway health dashboard",
        "   - A breaker open on one connector: the vendor is failing, see **Upstream outage**.",
        "```bash\n  kubectl -n switchboard get pods",
        "     - Promote the PostgreSQL replica.\n       - `switchboard audit verify` must pass after the promotion.",
        "> Say what is affected",
        "- [ ] Status page updated",
        "---",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    assert_eq!(
        full["truncated"], false,
        "four levels fit the default depth"
    );

    let shallow = call(
        &env.notion,
        "notion_get_page",
        json!({"page_id": runbook.id, "max_depth": 2}),
    )
    .await
    .unwrap();
    let md = shallow["markdown"].as_str().unwrap();
    assert!(
        md.contains("Check the pods:") && !md.contains("Promote the PostgreSQL replica"),
        "{md}"
    );
    assert!(
        md.contains("fail over:\n     …"),
        "omitted children are marked:\n{md}"
    );
    assert_eq!(shallow["truncated"], true);
    assert!(shallow["truncation"]
        .as_str()
        .unwrap()
        .contains("deeper than 2 levels"));

    let short = call(
        &env.notion,
        "notion_get_page",
        json!({"page_id": runbook.id, "max_chars": 500}),
    )
    .await
    .unwrap();
    let md = short["markdown"].as_str().unwrap();
    assert!(md.chars().count() <= 502 && md.ends_with('…'), "{md}");
    assert!(short["truncation"]
        .as_str()
        .unwrap()
        .contains("about 500 characters"));
    assert!(full["markdown"]
        .as_str()
        .unwrap()
        .starts_with(md.trim_end_matches('…').trim_end()));
}

#[tokio::test]
async fn block_children_are_read_across_pages() {
    let paged = env_with(NotionOptions {
        max_page_size: Some(3),
    })
    .await;
    let whole = env().await;
    let runbook = page(INCIDENT_RUNBOOK);
    let args = json!({"page_id": runbook.id});
    let a = call(&paged.notion, "notion_get_page", args.clone())
        .await
        .unwrap();
    let b = call(&whole.notion, "notion_get_page", args).await.unwrap();
    assert_eq!(a["markdown"], b["markdown"]);
    let top = paged
        .server
        .hits
        .path(&format!("/v1/blocks/{}/children", runbook.id));
    assert_eq!(
        top,
        runbook.blocks.len().div_ceil(3),
        "{:?}",
        paged.server.hits.requests()
    );
}

#[tokio::test]
async fn a_tracker_row_shows_its_columns_as_plain_values() {
    let env = env().await;
    let row = workspace().renewal_row("acme-robotics.example").unwrap();
    let out = call(&env.notion, "notion_get_page", json!({"page_id": row.id}))
        .await
        .unwrap();
    assert_eq!(out["title"], "Acme Robotics");
    assert_eq!(
        out["properties"],
        json!({
            "ARR": 240000,
            "Domain": "acme-robotics.example",
            "Exec sponsor": true,
            "Next step": "Fix the fleet-sync tickets and collect the overdue invoice before 2026-12-15",
            "Owner": [{"name": "Sam Carter", "email": "sales@northwind.example"}],
            "Renewal date": "2026-12-15",
            "Status": "At risk",
            "Tier": "Enterprise"
        })
    );
    assert_eq!(out["markdown"], "");

    // Text-only clients get a readable document, not escaped JSON.
    let ctx = CallContext::for_principal(
        switchboard_testkit::principal("sales@demo", &[]),
        Instant::now() + Duration::from_secs(10),
    );
    let text = env
        .notion
        .call(&ctx, "notion_get_page", json!({"page_id": row.id}))
        .await
        .unwrap()
        .text
        .unwrap();
    assert!(
        text.starts_with("# Acme Robotics\n\nLast edited "),
        "{text}"
    );
    assert!(
        text.contains("- Status: At risk\n- Tier: Enterprise\n"),
        "{text}"
    );
}
