//! The shipped policies against a catalog spanning several connectors, and
//! the loud failures for policies that name what does not exist.

use std::sync::Arc;

use serde_json::json;
use switchboard_core::{AuthMethod, CachePolicy, Effect, Principal, ToolSpec};
use switchboard_policy::{PolicyEngine, PolicyError, PolicyFile};

const KNOWN: &[&str] = &[
    "hubspot",
    "intercom",
    "quickbooks",
    "gong",
    "notion",
    "slack",
    "github",
    "warehouse",
    "composite",
];

fn spec(
    name: &str,
    permission: &str,
    effect: Effect,
    args: serde_json::Value,
) -> (ToolSpec, String) {
    let connector = name.split('_').next().unwrap().to_owned();
    let schema = json!({"type": "object", "properties": args, "additionalProperties": false});
    (
        ToolSpec {
            name: name.into(),
            title: name.into(),
            description: "a tool for testing policies".into(),
            input_schema: Arc::new(schema.as_object().unwrap().clone()),
            output_schema: None,
            permission: permission.into(),
            effect,
            cache: CachePolicy::Never,
            idempotent: true,
            open_world: true,
        },
        connector,
    )
}

fn catalog() -> Vec<(ToolSpec, String)> {
    let limit = json!({"limit": {"type": ["integer", "null"], "format": "uint32"}});
    vec![
        spec(
            "hubspot_search_deals",
            "hubspot:deals:read",
            Effect::Read,
            limit.clone(),
        ),
        spec(
            "hubspot_search_contacts",
            "hubspot:contacts:read",
            Effect::Read,
            limit.clone(),
        ),
        spec(
            "intercom_search_conversations",
            "intercom:conversations:read",
            Effect::Read,
            json!({}),
        ),
        spec(
            "intercom_search_tickets",
            "intercom:tickets:read",
            Effect::Read,
            json!({}),
        ),
        spec(
            "quickbooks_get_ar_aging",
            "quickbooks:reports:read",
            Effect::Read,
            json!({}),
        ),
        spec(
            "github_create_issue",
            "github:issues:write",
            Effect::Write,
            json!({"title": {"type": "string"}}),
        ),
        spec(
            "github_list_issues",
            "github:issues:read",
            Effect::Read,
            json!({}),
        ),
        spec(
            "warehouse_query_payroll",
            "warehouse:hr:read",
            Effect::Read,
            json!({}),
        ),
        spec(
            "warehouse_query_finance_revenue",
            "warehouse:finance_revenue:read",
            Effect::Read,
            json!({}),
        ),
    ]
}

fn shipped() -> Vec<PolicyFile> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies");
    let mut files: Vec<PolicyFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cedar"))
        .map(|p| PolicyFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn user(groups: &[&str]) -> Principal {
    Principal {
        user_id: format!("{}@demo", groups.first().unwrap_or(&"nobody")),
        email: "x@northwind.example".into(),
        org: "northwind".into(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
        auth: AuthMethod::Internal,
    }
}

fn engine() -> PolicyEngine {
    PolicyEngine::new(&catalog(), KNOWN, &shipped()).unwrap()
}

fn visible(engine: &PolicyEngine, groups: &[&str]) -> Vec<String> {
    let u = user(groups);
    catalog()
        .into_iter()
        .map(|(s, _)| s.name)
        .filter(|n| engine.allows_use(&u, n))
        .collect()
}

#[test]
fn each_role_sees_its_systems() {
    let e = engine();
    assert_eq!(
        visible(&e, &["sales"]),
        [
            "hubspot_search_deals",
            "hubspot_search_contacts",
            "intercom_search_tickets"
        ]
    );
    assert_eq!(
        visible(&e, &["finance"]),
        [
            "hubspot_search_deals",
            "quickbooks_get_ar_aging",
            "warehouse_query_finance_revenue"
        ],
        "finance sees billing but not customer conversations"
    );
    assert_eq!(
        visible(&e, &["support"]),
        [
            "hubspot_search_deals",
            "hubspot_search_contacts",
            "intercom_search_conversations",
            "intercom_search_tickets"
        ]
    );
    assert_eq!(
        visible(&e, &["engineering"]),
        ["github_create_issue", "github_list_issues"]
    );
    assert_eq!(visible(&e, &["hr"]), ["warehouse_query_payroll"]);
    let admin = visible(&e, &["admin"]);
    assert!(
        !admin.contains(&"warehouse_query_payroll".to_string()),
        "nobody but HR sees salaries"
    );
    assert!(
        !admin.contains(&"github_create_issue".to_string()),
        "GitHub writes are engineering's"
    );
    assert_eq!(admin.len(), catalog().len() - 2);
    assert!(visible(&e, &[]).is_empty(), "no group, no tools");
    assert!(
        visible(&e, &["marketing"]).is_empty(),
        "an unknown group gets nothing"
    );
}

#[test]
fn unknown_tools_are_denied() {
    assert!(!engine().allows_use(&user(&["admin"]), "hubspot_delete_everything"));
}

#[test]
fn support_may_not_export_more_than_100_contacts() {
    let e = engine();
    let support = user(&["support"]);
    assert!(e.allows_invoke(&support, "hubspot_search_contacts", &json!({"limit": 100})));
    assert!(!e.allows_invoke(&support, "hubspot_search_contacts", &json!({"limit": 101})));
    assert!(e.allows_invoke(&support, "hubspot_search_contacts", &json!({})));
    assert!(e.allows_invoke(
        &user(&["sales"]),
        "hubspot_search_contacts",
        &json!({"limit": 150})
    ));
}

fn with(extra: &str) -> Result<PolicyEngine, PolicyError> {
    let mut files = shipped();
    files.push(PolicyFile {
        name: "extra.cedar".into(),
        text: extra.into(),
    });
    PolicyEngine::new(&catalog(), KNOWN, &files)
}

#[test]
fn a_policy_naming_a_tool_that_does_not_exist_fails_loudly() {
    let e = with(
        r#"permit (principal, action == Action::"use", resource == Tool::"hubspot_get_dael");"#,
    )
    .err()
    .unwrap();
    let msg = e.to_string();
    assert!(
        msg.contains("extra.cedar") && msg.contains("hubspot_get_dael"),
        "{msg}"
    );
}

#[test]
fn a_policy_naming_an_unknown_connector_attribute_or_action_fails() {
    let e = with(
        r#"permit (principal, action == Action::"use", resource in Connector::"salesforce");"#,
    )
    .err()
    .unwrap();
    assert!(e.to_string().contains("salesforce"), "{e}");
    let e = with(
        r#"permit (principal, action == Action::"use", resource) when { resource.owner == "x" };"#,
    )
    .err()
    .unwrap();
    assert!(matches!(e, PolicyError::Invalid { .. }), "{e}");
    let e = with(r#"permit (principal, action == Action::"delete", resource);"#)
        .err()
        .unwrap();
    assert!(matches!(e, PolicyError::Invalid { .. }), "{e}");
    let e = with(r#"permit (principal, action == Action::"invoke", resource) when { context.args.nope > 1 };"#).err().unwrap();
    assert!(matches!(e, PolicyError::Invalid { .. }), "{e}");
}

#[test]
fn syntax_errors_name_the_file_and_no_policies_is_an_error() {
    let e = with("permit (principal, action, resource").err().unwrap();
    assert!(
        matches!(&e, PolicyError::Parse { file, .. } if file == "extra.cedar"),
        "{e}"
    );
    assert!(matches!(
        PolicyEngine::new(&catalog(), KNOWN, &[]),
        Err(PolicyError::Empty)
    ));
}

#[test]
fn the_schema_describes_the_catalog() {
    let schema = engine().schema_text().to_owned();
    assert!(schema.contains("entity Tool in [Connector]"));
    assert!(schema.contains("\"limit\"?: Long"));
    assert!(schema.contains("action \"invoke\""));
}

/// The memoized `invoke` path answers exactly as full evaluation, for
/// every role, tool and argument set, including arguments the rules read
/// (those are always evaluated) and repeated calls (served from the memo).
#[test]
fn memoized_invoke_answers_exactly_as_full_evaluation() {
    let e = engine();
    assert!(
        e.memoizes_invoke(),
        "the shipped rules use only context.args reads"
    );
    let arg_sets = [
        json!({}),
        json!(null),
        json!({"limit": 5}),
        json!({"limit": 101}),
        json!({"query": "acme"}),
        json!({"channel": "#general", "text": "hi"}),
        json!({"channel": "#eng"}),
    ];
    for groups in [
        &["sales"][..],
        &["support"],
        &["engineering"],
        &["finance"],
        &["admin"],
        &[],
    ] {
        let u = user(groups);
        for (tool, _) in catalog() {
            for args in &arg_sets {
                for _ in 0..2 {
                    assert_eq!(
                        e.allows_invoke(&u, &tool.name, args),
                        e.allows_invoke_evaluated(&u, &tool.name, args),
                        "{groups:?} {} {args}",
                        tool.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_rule_reading_context_otherwise_turns_the_invoke_memo_off() {
    let e = with(
        "// a context the reader does not recognize turns the memo off\n\
         forbid (principal, action == Action::\"invoke\", resource)\n\
         when { resource.permission == \"hubspot:contacts:read\" && !(context.args has limit) };",
    )
    .unwrap();
    assert!(!e.memoizes_invoke());
    let support = user(&["support"]);
    assert!(
        !e.allows_invoke(&support, "hubspot_search_contacts", &json!({})),
        "the rule refuses a call without a limit"
    );
    assert!(e.allows_invoke(&support, "hubspot_search_contacts", &json!({"limit": 5})));
}
