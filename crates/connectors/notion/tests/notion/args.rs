//! Bad arguments are refused before any upstream call, each error naming
//! the offending field.

use serde_json::json;
use switchboard_core::ErrorKind;
use switchboard_testkit::demo::docs::workspace;

use crate::common::{call, env};

#[tokio::test]
async fn invalid_arguments_never_reach_notion() {
    let env = env().await;
    let db = workspace().tracker().database_id.clone();
    let cases = [
        ("notion_search", json!({"limit": 0}), "limit"),
        ("notion_search", json!({"limit": 101}), "limit"),
        ("notion_search", json!({"kind": "table"}), "kind"),
        ("notion_search", json!({"cursor": "a b"}), "cursor"),
        ("notion_search", json!({"filter": "page"}), "filter"),
        ("notion_get_page", json!({}), "page_id"),
        (
            "notion_get_page",
            json!({"page_id": "../users/me"}),
            "page_id",
        ),
        ("notion_get_page", json!({"page_id": "393abc1e"}), "page_id"),
        (
            "notion_get_page",
            json!({"page_id": db, "max_depth": 9}),
            "max_depth",
        ),
        (
            "notion_get_page",
            json!({"page_id": db, "max_chars": 60000}),
            "max_chars",
        ),
        (
            "notion_query_database",
            json!({"database_id": "renewals"}),
            "database_id",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": "Renewal date", "after": "2026-13-01"}]}),
            "where[0].after",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": "Renewal date", "after": "2027-01-01", "before": "2026-10-01"}]}),
            "where[0].after",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": "Tier"}]}),
            "where[0]",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": "Tier", "equals": "SMB", "contains": "S"}]}),
            "where[0]",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": " ", "checkbox": true}]}),
            "where[0].property",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "where": [{"property": "Tier", "like": "S"}]}),
            "like",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "sort": [{"property": "A"}, {"property": "B"}, {"property": "C"}, {"property": "D"}]}),
            "sort",
        ),
        (
            "notion_query_database",
            json!({"database_id": db, "limit": 500}),
            "limit",
        ),
        (
            "notion_list_comments",
            json!({"block_id": "not-an-id"}),
            "block_id",
        ),
        (
            "notion_list_comments",
            json!({"block_id": db, "cursor": "x y"}),
            "cursor",
        ),
    ];
    for (tool, args, field) in cases {
        let err = call(&env.notion, tool, args.clone()).await.unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::InvalidArgs,
            "{tool} {args}: {}",
            err.message
        );
        assert!(
            err.message.contains(field),
            "{tool} {args}: `{}` should name `{field}`",
            err.message
        );
    }
    assert_eq!(
        env.server.hits.total(),
        0,
        "{:?}",
        env.server.hits.requests()
    );
}
