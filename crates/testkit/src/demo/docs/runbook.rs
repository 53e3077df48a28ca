//! The "Engineering" hub and its runbooks. The incident runbook nests four
//! levels deep (toggle → step → sub-step → check) so depth budgets matter.

use super::blocks::{
    assign_ids, callout, child_page, code, divider, h1, h2, h3, li, num, p, quote, table, todo,
    toggle, Block,
};
use super::{at, notion_id, user_id, DocPage, DocParent};

pub const INCIDENT_RUNBOOK: &str = "Runbook — Production incident response";
pub const CREDENTIALS_RUNBOOK: &str = "Runbook — Rotating upstream credentials";

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn incident() -> Vec<Block> {
    vec![
        callout("🚨", "If customers are affected, page the on-call engineer first (`#incident` in Slack), then follow this runbook."),
        h1("Production incident response"),
        p("Owner: Erik Lindqvist (Engineering Manager). Last reviewed 2026-11-02."),
        h2("Severity levels"),
        table(vec![
            row(&["Severity", "Meaning", "Response time", "Who is paged"]),
            row(&["SEV1", "Gateway down for all customers", "15 minutes", "On-call and the Engineering Manager"]),
            row(&["SEV2", "One connector or region degraded", "1 hour", "On-call"]),
            row(&["SEV3", "Minor bug with a workaround", "Next business day", "Ticket queue"]),
        ]),
        h2("First 15 minutes"),
        num("Acknowledge the page and open an incident channel."),
        num("Check the gateway health dashboard and the upstream breaker states.").with(vec![
            li("A breaker open on one connector: the vendor is failing, see **Upstream outage**."),
            li("Every connector failing: it is us, see **Gateway down**."),
        ]),
        num("Post the first status update within 15 minutes."),
        h2("Diagnosis"),
        toggle("Gateway down", vec![
            num("Check the pods:"),
            code("bash", "kubectl -n switchboard get pods\nkubectl -n switchboard logs deploy/switchboard --since=15m | grep -i error"),
            num("If the audit database is unreachable, fail over:").with(vec![
                li("Promote the PostgreSQL replica.").with(vec![
                    li("`switchboard audit verify` must pass after the promotion."),
                ]),
                li("Point `audit.url` at the new primary and restart one replica at a time."),
            ]),
        ]),
        toggle("Upstream outage", vec![
            p("Check the vendor's status page and the breaker metrics."),
            li("Rate limited (HTTP 429)? Lower the connector's quota in config."),
            li("5xx from the vendor? Wait for the breaker to half-open; do not restart the gateway."),
        ]),
        h2("Communication"),
        quote("Say what is affected, what we are doing, and when the next update comes. Never guess a root cause in public."),
        todo("Status page updated", false),
        todo("Customer success informed (support@northwind.example)", false),
        todo("Post-incident review scheduled within 5 business days", false),
        divider(),
        p(format!("See also: {CREDENTIALS_RUNBOOK}.")),
    ]
}

fn credentials() -> Vec<Block> {
    vec![
        callout("🔐", "Rotate a vendor token whenever someone with access leaves, and every 90 days otherwise."),
        h2("Steps"),
        num("Create the new token in the vendor's admin console (read scopes only)."),
        num("Store it where the gateway's secret reference points:"),
        code("bash", "kubectl -n switchboard create secret generic notion-token \\\n  --from-literal=token=\"$NEW_TOKEN\" --dry-run=client -o yaml | kubectl apply -f -"),
        num("Restart the gateway replicas one at a time and watch for 401s."),
        num("Revoke the old token."),
        h3("Checks"),
        todo("`switchboard check` passes", false),
        todo("No `upstream_denied` errors in the audit log for 30 minutes", false),
    ]
}

/// The hub and both runbooks.
pub(super) fn engineering(pages: &mut Vec<DocPage>) {
    let hub_id = notion_id("page:engineering");
    let eng = user_id("engineering@northwind.example");
    let mut children = Vec::new();
    let mut hub_blocks = vec![p("How we build and run Switchboard.")];
    for (i, (title, blocks)) in [
        (INCIDENT_RUNBOOK, incident()),
        (CREDENTIALS_RUNBOOK, credentials()),
    ]
    .into_iter()
    .enumerate()
    {
        let id = notion_id(&format!("page:{title}"));
        let mut blocks = blocks;
        assign_ids(&id, &mut blocks);
        hub_blocks.push(child_page(&id, title));
        children.push(DocPage {
            id,
            title: title.into(),
            icon: Some(if i == 0 { "🚨" } else { "🔐" }.into()),
            parent: DocParent::Page(hub_id.clone()),
            created: at(180 - 20 * i as u64, 11, 0),
            edited: at(23 - 5 * i as u64, 15, 30),
            created_by: eng.clone(),
            edited_by: eng.clone(),
            properties: Vec::new(),
            blocks,
            customer_domain: None,
        });
    }
    assign_ids(&hub_id, &mut hub_blocks);
    pages.push(DocPage {
        id: hub_id,
        title: "Engineering".into(),
        icon: Some("🛠️".into()),
        parent: DocParent::Workspace,
        created: at(238, 9, 0),
        edited: at(23, 15, 35),
        created_by: user_id("admin@northwind.example"),
        edited_by: eng,
        properties: Vec::new(),
        blocks: hub_blocks,
        customer_domain: None,
    });
    pages.extend(children);
}
