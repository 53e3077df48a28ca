//! Customer search against the fake serving the demo books: names,
//! paging, and names with quotes that must stay inside the literal.

use serde_json::json;
use switchboard_core::ErrorKind;

use crate::common::{call, column, env};

/// The statements the fake was asked to run, decoded.
fn statements(env: &crate::common::Env) -> Vec<String> {
    env.server
        .hits
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/query"))
        .filter_map(|r| {
            url::form_urlencoded::parse(r.query.unwrap_or_default().as_bytes())
                .find(|(k, _)| k == "query")
                .map(|(_, v)| v.into_owned())
        })
        .collect()
}

#[tokio::test]
async fn search_finds_customers_by_part_of_the_name() {
    let env = env().await;
    let found = call(
        &env.qbo,
        "quickbooks_search_customers",
        json!({"name": "robot"}),
    )
    .await
    .unwrap();
    assert_eq!(
        found,
        json!({"customers": [{"id": "60", "name": "Acme Robotics", "balance": 60000, "contact": {
            "name": "Lena Okafor", "email": "lena.okafor@acme-robotics.example", "phone": "+1 555 0103"}}]})
    );
    let found = call(
        &env.qbo,
        "quickbooks_search_customers",
        json!({"name": "lumière"}),
    )
    .await
    .unwrap();
    assert_eq!(column(&found, "customers", "name"), ["Lumière Hotels"]);
    assert_eq!(
        statements(&env),
        [
            "SELECT * FROM Customer WHERE DisplayName LIKE '%robot%' ORDERBY DisplayName STARTPOSITION 1 MAXRESULTS 21",
            "SELECT * FROM Customer WHERE DisplayName LIKE '%lumière%' ORDERBY DisplayName STARTPOSITION 1 MAXRESULTS 21",
        ]
    );
    assert!(env.server.hits.requests().iter().all(|r| r
        .query
        .as_deref()
        .unwrap_or("")
        .contains("minorversion=75")));
}

#[tokio::test]
async fn search_pages_up_to_the_limit_with_a_cursor() {
    let env = env().await;
    let mut names = Vec::new();
    let mut cursor: Option<String> = None;
    let mut cursors = Vec::new();
    loop {
        let page = call(
            &env.qbo,
            "quickbooks_search_customers",
            json!({"limit": 7, "cursor": cursor}),
        )
        .await
        .unwrap();
        names.extend(column(&page, "customers", "name"));
        cursor = page["next_cursor"].as_str().map(str::to_owned);
        match &cursor {
            Some(c) => cursors.push(c.clone()),
            None => break,
        }
    }
    assert_eq!(cursors, ["8", "15"]);
    assert_eq!(names.len(), 20, "{names:?}");
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, names, "sorted by name, none twice");
    assert_eq!(
        env.server.hits.path("/v3/company/9341455130788120/query"),
        3
    );
}

#[tokio::test]
async fn quotes_in_names_stay_inside_the_literal() {
    let env = env().await;
    for name in [
        "Amy's Bird Sanctuary",
        r"x\' OR DisplayName LIKE \'",
        "' OR Active = true OR DisplayName = '",
    ] {
        let found = call(
            &env.qbo,
            "quickbooks_search_customers",
            json!({"name": name}),
        )
        .await
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(found["customers"], json!([]), "{name} matched something");
        let err = call(
            &env.qbo,
            "quickbooks_get_customer",
            json!({"customer": name}),
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::NotFound, "{name}: {}", err.message);
    }
    let sent = statements(&env);
    assert!(sent.contains(&r"SELECT * FROM Customer WHERE DisplayName = 'Amy\'s Bird Sanctuary' STARTPOSITION 1 MAXRESULTS 2".to_owned()), "{sent:#?}");
}
