//! The query language: paging, filters, escapes, and the errors Intuit
//! answers for statements it cannot parse or run.

use serde_json::json;

use super::*;
use crate::fake::quickbooks::query::{parse, Op};

#[test]
fn parses_escapes_and_refuses_or() {
    let st = parse(r"select * from Customer where DisplayName = 'Amy\'s Bird \\ Sanctuary' orderby DisplayName desc maxresults 5 startposition 2").unwrap();
    assert_eq!(st.entity, "Customer");
    assert_eq!(st.conds[0].values, [r"Amy's Bird \ Sanctuary"]);
    assert_eq!(st.order, [("DisplayName".to_owned(), true)]);
    assert_eq!((st.start, st.max), (Some(2), Some(5)));
    let st =
        parse("SELECT COUNT(*) FROM Invoice WHERE Id IN ('1', '2') AND Balance > '0'").unwrap();
    assert!(st.count);
    assert_eq!((st.conds[0].op, st.conds[0].values.len()), (Op::In, 2));
    for bad in [
        "SELECT * FROM Customer WHERE DisplayName = 'x' OR Active = true",
        "SELECT * FROM Customer WHERE DisplayName = 'unterminated",
        "SELECT * FROM Customer WHERE DisplayName = 'x'' OR 'a' = 'a'",
        "SELECT * FROM Customer; DROP",
        "SELECT name FROM Customer",
    ] {
        let err = parse(bad).unwrap_err();
        assert!(
            err.starts_with("QueryParserError: Encountered"),
            "{bad}: {err}"
        );
    }
}

#[tokio::test]
async fn pages_with_startposition_and_maxresults() {
    let api = Api::start().await;
    let all = books().invoices.len();
    let (status, body) = api
        .query("SELECT * FROM Invoice STARTPOSITION 1 MAXRESULTS 10")
        .await;
    assert_eq!(status, 200);
    let r = &body["QueryResponse"];
    assert_eq!(
        (r["startPosition"].as_u64(), r["maxResults"].as_u64()),
        (Some(1), Some(10))
    );
    assert!(r.get("totalCount").is_none(), "more rows remain");
    assert_eq!(
        r["Invoice"][0]["Id"],
        books().invoices[0].id.as_str(),
        "by id by default"
    );
    let last = format!(
        "SELECT * FROM Invoice STARTPOSITION {} MAXRESULTS 10",
        all - 2
    );
    let (_, body) = api.query(&last).await;
    let r = &body["QueryResponse"];
    assert_eq!(
        (r["maxResults"].as_u64(), r["totalCount"].as_u64()),
        (Some(3), Some(all as u64))
    );
    let beyond = format!("SELECT * FROM Invoice STARTPOSITION {}", all + 1);
    assert_eq!(api.query(&beyond).await.1["QueryResponse"], json!({}));
    let (_, body) = api.query("SELECT * FROM Invoice").await;
    assert_eq!(
        body["QueryResponse"]["maxResults"], 100,
        "QuickBooks' default page"
    );
    let (_, body) = api
        .query("SELECT COUNT(*) FROM Invoice WHERE CustomerRef = '60'")
        .await;
    assert_eq!(
        body["QueryResponse"],
        json!({"totalCount": books().invoices_of("60").count()})
    );
}

#[tokio::test]
async fn filters_sort_and_match_names_case_insensitively() {
    let api = Api::start().await;
    let (_, body) = api
        .query(
            "SELECT * FROM Invoice WHERE Balance > '0' AND DueDate < '2026-11-25' ORDERBY DueDate",
        )
        .await;
    let rows = body["QueryResponse"]["Invoice"].as_array().unwrap();
    let due: Vec<&str> = rows
        .iter()
        .map(|r| r["DueDate"].as_str().unwrap())
        .collect();
    assert!(due.windows(2).all(|w| w[0] <= w[1]) && due.iter().all(|d| *d < "2026-11-25"));
    let b = books();
    let overdue = b
        .invoices
        .iter()
        .filter(|i| b.days_overdue(i, b.as_of).is_some())
        .count();
    assert_eq!(
        (rows.len(), overdue),
        (11, 11),
        "the overdue invoices of the demo"
    );
    let (_, body) = api
        .query("select * from customer where DisplayName like '%LUMI%' ")
        .await;
    assert_eq!(
        body["QueryResponse"]["Customer"][0]["DisplayName"],
        "Lumière Hotels"
    );
    let (_, body) = api
        .query(r"SELECT * FROM Customer WHERE DisplayName = 'x\' OR DisplayName LIKE \'%'")
        .await;
    assert_eq!(
        body["QueryResponse"],
        json!({}),
        "an escaped quote is part of the value"
    );
    let (_, body) = api
        .query("SELECT * FROM Customer WHERE Balance = '0' ORDERBY DisplayName DESC")
        .await;
    let names: Vec<&str> = body["QueryResponse"]["Customer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["DisplayName"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Stark Aerospace") && !names.contains(&"Acme Robotics"));
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");

    let url = api.url("query");
    let post = api
        .http
        .post(url)
        .bearer_auth(TOKEN)
        .header("content-type", "application/text");
    let (status, _, body) = api
        .send(post.body("SELECT * FROM Customer WHERE Id = '79'"))
        .await;
    assert_eq!(
        (status, &body["QueryResponse"]["Customer"][0]["DisplayName"]),
        (200, &json!("Helios Pharma"))
    );
}

#[tokio::test]
async fn bad_statements_get_intuit_faults() {
    let api = Api::start().await;
    let (status, body) = api
        .query("SELECT * FROM Customer WHERE DisplayName = 'x' OR Id = '1'")
        .await;
    assert_eq!(
        (status, fault(&body)),
        (
            400,
            (
                "ValidationFault".into(),
                "4000".into(),
                "Error parsing query".into()
            )
        )
    );
    let (status, body) = api.query("SELECT * FROM Customer WHERE Notes = 'x'").await;
    assert_eq!((status, fault(&body).1.as_str()), (400, "4001"));
    let (status, body) = api.query("SELECT * FROM Widget").await;
    assert_eq!((status, fault(&body).1.as_str()), (400, "4001"));
    let (status, body) = api.get("query", &[]).await;
    assert_eq!((status, fault(&body).1.as_str()), (400, "4000"));
}
