//! The fake QuickBooks answers the recorded requests with payloads of the
//! recorded shapes: the same keys with the same JSON types at the levels
//! the recordings pin down, and the same model types parse both.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::Value;
use switchboard_core::CallContext;
use switchboard_quickbooks::model::*;
use switchboard_testkit::demo::billing::{books, REALM_ID};
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};

use crate::common::{env, fixture, TOKEN};

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Same keys, and each key holds the same JSON type.
fn same_shape(fake: &Value, recorded: &Value, what: &str) {
    assert_eq!(keys(fake), keys(recorded), "{what}: keys");
    for (k, v) in recorded.as_object().unwrap() {
        assert_eq!(kind(&fake[k]), kind(v), "{what}.{k}: type");
    }
}

struct Raw {
    client: UpstreamClient,
    ctx: CallContext,
}

impl Raw {
    fn new(base: &url::Url) -> Raw {
        let config =
            UpstreamConfig::new("QuickBooks", base.clone(), Auth::Bearer(Secret::new(TOKEN)));
        let principal = switchboard_testkit::principal("finance@demo", &[]);
        Raw {
            client: UpstreamClient::new(config).unwrap(),
            ctx: CallContext::for_principal(principal, Instant::now() + Duration::from_secs(10)),
        }
    }

    async fn get(&self, tail: &str, query: &[(&str, &str)]) -> Value {
        let mut request = UpstreamRequest::get(format!("/v3/company/{REALM_ID}/{tail}"))
            .query("minorversion", 75);
        for (k, v) in query {
            request = request.query(*k, *v);
        }
        self.client.get_json(&self.ctx, request).await.unwrap()
    }
}

#[tokio::test]
async fn customers_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let fake = raw.get("customer/60", &[]).await;
    let recorded = fixture("customer_read.json");
    assert_eq!(keys(&fake), keys(&recorded), "envelope");
    same_shape(&fake["Customer"], &recorded["Customer"], "customer read");
    for nested in [
        "CurrencyRef",
        "MetaData",
        "PrimaryPhone",
        "PrimaryEmailAddr",
        "BillAddr",
        "ShipAddr",
    ] {
        same_shape(
            &fake["Customer"][nested],
            &recorded["Customer"][nested],
            nested,
        );
    }
    serde_json::from_value::<Read<Customer>>(fake).unwrap();

    let fake = raw
        .get(
            "query",
            &[(
                "query",
                "SELECT * FROM Customer MAXRESULTS 5 STARTPOSITION 1",
            )],
        )
        .await;
    let recorded = fixture("customer_query.json");
    assert_eq!(keys(&fake), keys(&recorded));
    same_shape(
        &fake["QueryResponse"],
        &recorded["QueryResponse"],
        "customer query page",
    );
    same_shape(
        &fake["QueryResponse"]["Customer"][0],
        &recorded["QueryResponse"]["Customer"][0],
        "customer row",
    );
    serde_json::from_value::<QueryEnvelope>(fake).unwrap();
}

#[tokio::test]
async fn invoices_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let paid = &books().payments[0];
    let fake = raw.get(&format!("invoice/{}", paid.invoice_id), &[]).await;
    let recorded = fixture("invoice_read.json");
    assert_eq!(keys(&fake), keys(&recorded), "envelope");
    let (f, r) = (&fake["Invoice"], &recorded["Invoice"]);
    same_shape(f, r, "invoice read");
    for nested in [
        "MetaData",
        "CurrencyRef",
        "CustomerRef",
        "CustomerMemo",
        "SalesTermRef",
        "BillEmail",
        "BillAddr",
        "ShipAddr",
    ] {
        same_shape(&f[nested], &r[nested], nested);
    }
    same_shape(&f["Line"][0], &r["Line"][0], "item line");
    same_shape(
        &f["Line"][0]["SalesItemLineDetail"],
        &r["Line"][0]["SalesItemLineDetail"],
        "item detail",
    );
    let subtotal = f["Line"].as_array().unwrap().last().unwrap();
    same_shape(subtotal, &r["Line"][3], "subtotal line");
    assert_eq!(
        f["LinkedTxn"][0],
        serde_json::json!({"TxnId": paid.id, "TxnType": "Payment"})
    );
    serde_json::from_value::<Read<Invoice>>(fake).unwrap();

    let fake = raw
        .get(
            "query",
            &[(
                "query",
                "SELECT * FROM Invoice STARTPOSITION 1 MAXRESULTS 1000",
            )],
        )
        .await;
    let recorded = fixture("invoice_query.json");
    same_shape(
        &fake["QueryResponse"],
        &recorded["QueryResponse"],
        "a page reaching the last row",
    );
    let row = recorded["QueryResponse"]["Invoice"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["Id"] == "130")
        .unwrap();
    same_shape(
        &fake["QueryResponse"]["Invoice"][0],
        row,
        "invoice row (no InvoiceLink)",
    );
    let page: QueryEnvelope = serde_json::from_value(fake).unwrap();
    assert_eq!(page.response.invoices.len(), books().invoices.len());
}

#[tokio::test]
async fn payments_accounts_and_faults_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let fake = raw
        .get(&format!("payment/{}", books().payments[0].id), &[])
        .await;
    let recorded = fixture("payment_read.json");
    same_shape(&fake["Payment"], &recorded["Payment"], "payment");
    serde_json::from_value::<Read<Payment>>(fake).unwrap();
    let fake = raw.get("account/41", &[]).await;
    same_shape(
        &fake["Account"],
        &fixture("account_read.json")["Account"],
        "account",
    );
    serde_json::from_value::<Read<Account>>(fake).unwrap();

    // Errors: the documented template, for 400, 401 and the faults.
    let template = fixture("error_fault_docs_template.json");
    let http = reqwest::Client::new();
    let url = |tail: &str| {
        env.server
            .base_url
            .join(&format!("v3/company/{REALM_ID}/{tail}"))
            .unwrap()
    };
    for (request, status) in [
        (http.get(url("invoice/1")).bearer_auth(TOKEN), 400),
        (http.get(url("invoice/1")).bearer_auth("stale"), 401),
    ] {
        let r = request
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status);
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        let body: Value = r.json().await.unwrap();
        same_shape(&body, &template, "fault");
        same_shape(&body["Fault"], &template["Fault"], "Fault");
        same_shape(
            &body["Fault"]["Error"][0],
            &template["Fault"]["Error"][0],
            "Fault.Error",
        );
        serde_json::from_value::<FaultBody>(body).unwrap();
    }
}
