//! Configuration: parsed strictly, validated without I/O (saved queries
//! included), and saved queries turned into tools with typed schemas.

use serde_json::{json, Value};
use switchboard_core::ErrorKind;
use switchboard_warehouse::{connect, demo_config, WarehouseConfig};

use crate::common::{demo, env_reference};

fn parse(v: Value) -> Result<WarehouseConfig, serde_json::Error> {
    serde_json::from_value(v)
}

fn base() -> Value {
    json!({
        "backend": "postgres",
        "url": "env:WAREHOUSE_URL",
        "tables": ["revenue_by_month", "finance.invoices"],
        "saved_queries": [{
            "name": "revenue",
            "description": "Revenue per month between two dates, for finance.",
            "permission": "warehouse:finance:read",
            "sql": "SELECT * FROM revenue_by_month WHERE month_start >= :since",
            "params": [{"name": "since", "type": "date", "required": true}]
        }]
    })
}

fn invalid(patch: impl FnOnce(&mut Value)) -> String {
    let mut v = base();
    patch(&mut v);
    parse(v).unwrap().validate().unwrap_err()
}

#[test]
fn validation_catches_mistakes_before_any_io() {
    assert_eq!(parse(base()).unwrap().validate(), Ok(()));
    demo_config().validate().unwrap();
    assert!(
        parse(json!({"backend": "postgres", "url": "env:X", "tabels": []})).is_err(),
        "unknown fields"
    );
    assert!(parse(json!({"backend": "oracle", "url": "env:X"})).is_err());

    let literal = invalid(|v| v["url"] = json!("postgres://admin:hunter2@db/warehouse"));
    assert!(
        literal.contains("warehouse.url") && !literal.contains("hunter2"),
        "{literal}"
    );
    assert!(invalid(|v| v["tables"] = json!(["revenue; DROP"])).contains("warehouse.tables"));
    assert!(invalid(|v| v["tables"] = json!(["a", "A"])).contains("twice"));
    assert!(invalid(|v| v["max_rows"] = json!(0)).contains("max_rows"));
    assert!(invalid(|v| v["statement_timeout_ms"] = json!(0)).contains("statement_timeout_ms"));
    assert!(
        invalid(|v| v["bigquery"] = json!({"project": "p", "token": "env:T"})).contains("bigquery")
    );

    let q = |patch: fn(&mut Value)| invalid(|v| patch(&mut v["saved_queries"][0]));
    assert!(q(|s| s["name"] = json!("Revenue!")).contains("may only hold"));
    assert!(q(|s| s["permission"] = json!("warehouse:finance:write")).contains(":read"));
    assert!(q(|s| s["permission"] = json!("finance")).contains("permission"));
    assert!(q(|s| s["sql"] = json!("DELETE FROM revenue_by_month")).contains("refused"));
    assert!(q(|s| s["sql"] = json!("SELECT 1; SELECT 2")).contains("exactly one statement"));
    assert!(q(|s| s["sql"] = json!("SELECT * FROM t WHERE a = :other")).contains("`:other`"));
    assert!(q(|s| s["sql"] = json!("SELECT * FROM t")).contains("never uses"));
    assert!(q(|s| s["params"][0]["name"] = json!("caller_email")).contains("filled by the gateway"));
    assert!(q(|s| s["description"] = json!("short")).contains("description"));
    let twice = invalid(|v| {
        let first = v["saved_queries"][0].clone();
        v["saved_queries"].as_array_mut().unwrap().push(first);
    });
    assert!(twice.contains("twice"), "{twice}");

    let bq = json!({"backend": "bigquery", "tables": ["finance.revenue_by_month"],
                    "bigquery": {"project": "northwind-analytics", "token": "env:BQ_TOKEN"}});
    let c = parse(bq.clone()).unwrap();
    c.validate().unwrap();
    assert_eq!(
        c.bigquery.unwrap().base_url.as_str(),
        "https://bigquery.googleapis.com/bigquery/v2"
    );
    let mut unqualified = bq;
    unqualified["tables"] = json!(["revenue_by_month"]);
    assert!(parse(unqualified)
        .unwrap()
        .validate()
        .unwrap_err()
        .contains("dataset.table"));
}

#[tokio::test]
async fn unreachable_or_unresolvable_warehouses_fail_to_connect() {
    let mut c = parse(base()).unwrap();
    c.url = Some("env:SBWH_UNSET_VARIABLE_FOR_TEST".into());
    let err = connect(&c).await.err().unwrap();
    assert!(
        err.message.contains("SBWH_UNSET_VARIABLE_FOR_TEST"),
        "{}",
        err.message
    );
    c.url = Some(env_reference(
        "SBWH_CLOSED_PORT_URL",
        "postgres://postgres@127.0.0.1:9/none",
    ));
    let err = connect(&c).await.err().unwrap();
    assert_eq!(err.kind, ErrorKind::Unavailable, "{}", err.message);
}

#[tokio::test]
async fn saved_queries_become_typed_tools() {
    let c = demo().await;
    let tools = c.tools();
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "warehouse_list_tables",
            "warehouse_describe_table",
            "warehouse_sql",
            "warehouse_query_revenue_by_month",
            "warehouse_query_arr_by_customer",
            "warehouse_query_overdue_invoices",
            "warehouse_query_salary",
        ]
    );
    let perms: Vec<&str> = tools.iter().map(|t| t.permission.as_str()).collect();
    assert_eq!(
        &perms[..3],
        [
            "warehouse:schema:read",
            "warehouse:schema:read",
            "warehouse:sql:read"
        ]
    );
    assert_eq!(perms[6], "warehouse:hr:read");
    let salary = &tools[6];
    assert_eq!(
        Value::Object((*salary.input_schema).clone()),
        json!({
            "type": "object",
            "properties": {
                "employee_email": {"type": "string", "maxLength": 1000, "description": "One employee, by work email."},
                "department": {"type": "string", "maxLength": 1000, "description": "sales, finance, support, engineering, hr or it."}
            },
            "additionalProperties": false
        }),
        "the caller's identity is not an argument"
    );
    let revenue = &tools[3];
    assert_eq!(
        revenue.input_schema["properties"]["from_month"]["format"],
        "date"
    );
    assert!(tools[2].input_schema["properties"].get("detail").is_none());
    assert_eq!(tools[0].input_schema["additionalProperties"], false);
    let out = tools[0].output_schema.as_ref().unwrap();
    // Shallow: names and types only, no `required` (the tool-list diet).
    assert_eq!(
        out["properties"],
        json!({"tables": {"type": "array"}, "missing": {"type": "array"}})
    );
    assert!(out.get("required").is_none());
}
