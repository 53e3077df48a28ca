//! The QuickBooks fake over HTTP: auth, realm, reads, faults. (Its
//! payloads are also checked against the recorded fixtures in the
//! QuickBooks connector's tests, which own the model types.)

mod query;
mod reports;

use std::collections::BTreeSet;

use reqwest::header::HeaderMap;
use serde_json::Value;

use super::*;
use crate::demo::billing::{books, REALM_ID};
use crate::demo::northwind;
use crate::fake::Fault;

const TOKEN: &str = "qbo-demo-token";

struct Api {
    server: FakeServer,
    http: reqwest::Client,
}

impl Api {
    async fn start() -> Api {
        Api {
            server: spawn_quickbooks(northwind(), TOKEN).await,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, tail: &str) -> url::Url {
        let path = format!("v3/company/{REALM_ID}/{tail}");
        self.server.base_url.join(&path).unwrap()
    }

    async fn send(&self, r: reqwest::RequestBuilder) -> (u16, HeaderMap, Value) {
        let r = r.header("accept", "application/json").send().await.unwrap();
        let (status, headers) = (r.status().as_u16(), r.headers().clone());
        (status, headers, r.json().await.unwrap())
    }

    async fn get(&self, tail: &str, query: &[(&str, &str)]) -> (u16, Value) {
        let r = self
            .http
            .get(self.url(tail))
            .header("accept", "application/json")
            .query(&[("minorversion", "75")])
            .query(query)
            .bearer_auth(TOKEN);
        let (status, _, body) = self.send(r).await;
        (status, body)
    }

    async fn query(&self, statement: &str) -> (u16, Value) {
        self.get("query", &[("query", statement)]).await
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

/// The first error of a `Fault` body: (type, code, message).
fn fault(body: &Value) -> (String, String, String) {
    let e = &body["Fault"]["Error"][0];
    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    (s(&body["Fault"]["type"]), s(&e["code"]), s(&e["Message"]))
}

#[tokio::test]
async fn refuses_bad_tokens_and_other_realms() {
    let api = Api::start().await;
    for r in [
        api.http.get(api.url("customer/60")),
        api.http.get(api.url("customer/60")).bearer_auth("expired"),
    ] {
        let (status, _, body) = api.send(r).await;
        assert_eq!(status, 401);
        let (kind, code, message) = fault(&body);
        assert_eq!(
            (kind.as_str(), code.as_str()),
            ("AuthenticationFault", "3200")
        );
        assert!(message.contains("AuthenticationFailed"));
        assert_eq!(keys(&body), ["Fault", "time"].map(String::from).into());
    }
    let other = api
        .server
        .base_url
        .join("v3/company/123/customer/60")
        .unwrap();
    let (status, _, body) = api.send(api.http.get(other).bearer_auth(TOKEN)).await;
    assert_eq!((status, fault(&body).1.as_str()), (403, "3100"));
    let (status, body) = api.get("estimate/1/x", &[]).await;
    assert_eq!(
        (status, fault(&body).2.as_str()),
        (404, "Unsupported Operation")
    );
}

#[tokio::test]
async fn reads_entities_and_answers_missing_ids_like_quickbooks() {
    let api = Api::start().await;
    let (status, body) = api.get("customer/60", &[]).await;
    assert_eq!(status, 200);
    let c = &body["Customer"];
    assert_eq!(
        (c["DisplayName"].as_str(), c["Balance"].as_u64()),
        (Some("Acme Robotics"), Some(60_000))
    );
    assert_eq!(
        c["PrimaryEmailAddr"]["Address"],
        "lena.okafor@acme-robotics.example"
    );
    assert!(c.get("DefaultTaxCodeRef").is_some() && c.get("ClientEntityId").is_none());

    let acme_q4 = books()
        .invoices_of("60")
        .find(|i| i.txn_date.to_string() == "2026-10-01")
        .unwrap();
    let (_, body) = api.get(&format!("invoice/{}", acme_q4.id), &[]).await;
    let inv = &body["Invoice"];
    assert_eq!(
        (inv["TotalAmt"].as_u64(), inv["Balance"].as_u64()),
        (Some(60_000), Some(60_000))
    );
    assert_eq!(inv["DueDate"], "2026-10-31");
    assert_eq!(
        inv["SalesTermRef"],
        serde_json::json!({"value": "3", "name": "Net 30"})
    );
    assert_eq!(
        inv["Line"].as_array().unwrap().len(),
        3,
        "two items and the subtotal"
    );
    assert!(inv["InvoiceLink"].is_string() && inv["LinkedTxn"] == serde_json::json!([]));

    let paid = books().payments.first().unwrap();
    let (_, body) = api.get(&format!("payment/{}", paid.id), &[]).await;
    assert_eq!(
        body["Payment"]["Line"][0]["LinkedTxn"][0]["TxnId"],
        paid.invoice_id.as_str()
    );
    let (_, body) = api.get("account/61", &[]).await;
    assert_eq!(body["Account"]["Name"], "Salaries & Wages");

    let (status, body) = api.get("invoice/99999", &[]).await;
    assert_eq!((status, fault(&body).1.as_str()), (400, "610"));
    let (status, body) = api.get("customer/99999", &[]).await;
    assert_eq!((status, fault(&body).1.as_str()), (400, "2010"));
}

#[tokio::test]
async fn faults_use_intuit_bodies() {
    let api = Api::start().await;
    api.server.faults.inject(Fault::RateLimited {
        retry_after: std::time::Duration::from_secs(3),
    });
    let (status, body) = api.get("customer/60", &[]).await;
    assert_eq!((status, fault(&body).1.as_str()), (429, "3001"));
    api.server.faults.inject(Fault::ServerError);
    let (status, body) = api.get("customer/60", &[]).await;
    assert_eq!((status, fault(&body).0.as_str()), (500, "SystemFault"));
    api.server.faults.clear();
    assert_eq!(api.get("customer/60", &[]).await.0, 200);
    assert_eq!(
        api.server
            .hits
            .path(&format!("/v3/company/{REALM_ID}/customer/60")),
        3
    );
}
