//! The fake HubSpot answers the recorded requests with payloads of the
//! recorded shapes: same key sets at every level that matters, and the
//! same model types parse both.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use switchboard_core::CallContext;
use switchboard_hubspot::model::*;
use switchboard_testkit::demo::northwind;
use switchboard_testkit::fake::{hubspot, Fault};
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};

use crate::common::{env, TOKEN};

fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

struct Raw {
    client: UpstreamClient,
    ctx: CallContext,
}

impl Raw {
    fn new(base: &url::Url) -> Raw {
        let config = UpstreamConfig::new("HubSpot", base.clone(), Auth::Bearer(Secret::new(TOKEN)));
        let principal = switchboard_testkit::principal("sales@demo", &[]);
        Raw {
            client: UpstreamClient::new(config).unwrap(),
            ctx: CallContext::for_principal(principal, Instant::now() + Duration::from_secs(10)),
        }
    }

    async fn get(&self, path: &str, query: &[(&str, &str)]) -> Value {
        let mut request = UpstreamRequest::get(path);
        for (k, v) in query {
            request = request.query(*k, *v);
        }
        self.client.get_json(&self.ctx, request).await.unwrap()
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.client
            .get_json(&self.ctx, UpstreamRequest::post(path, &body))
            .await
            .unwrap()
    }
}

/// Same top-level keys and the same property names.
fn same_object_shape(fake: &Value, recorded: &Value, what: &str) {
    assert_eq!(keys(fake), keys(recorded), "{what}: top-level keys");
    assert_eq!(
        keys(&fake["properties"]),
        keys(&recorded["properties"]),
        "{what}: properties"
    );
    for (name, v) in fake["properties"].as_object().unwrap() {
        assert!(
            v.is_string() || v.is_null(),
            "{what}: property {name} is {v}"
        );
    }
    serde_json::from_value::<SimplePublicObject>(fake.clone()).unwrap();
}

#[tokio::test]
async fn objects_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let demo = northwind();
    let deal = hubspot::deal_id(demo, "Globex Logistics - Enterprise Renewal 2027").unwrap();
    let props = "dealname,dealstage,pipeline,amount,closedate,createdate,hubspot_owner_id,hs_lastmodifieddate";
    let fake = raw
        .get(
            &format!("/crm/v3/objects/deals/{deal}"),
            &[("properties", props)],
        )
        .await;
    same_object_shape(&fake, &fixture("crm_v3_objects_deals_get.json"), "deal get");
    assert_eq!(fake["properties"]["closedate"], "2026-12-20T00:00:00Z");

    let company = hubspot::company_id(demo, "globex-logistics.example").unwrap();
    let props = "name,domain,industry,phone,city,state,country";
    let fake = raw
        .get(
            &format!("/crm/v3/objects/companies/{company}"),
            &[("properties", props)],
        )
        .await;
    same_object_shape(
        &fake,
        &fixture("crm_v3_objects_companies_get.json"),
        "company get",
    );

    let contact = hubspot::contact_id(demo, "anouk.jansen@globex-logistics.example").unwrap();
    let fake = raw
        .get(
            &format!("/crm/v3/objects/contacts/{contact}"),
            &[("properties", "email,firstname,lastname")],
        )
        .await;
    same_object_shape(
        &fake,
        &fixture("crm_v3_objects_contacts_get.json"),
        "contact get",
    );
}

#[tokio::test]
async fn lists_and_searches_match_the_recorded_shapes() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let props = "dealname,dealstage,pipeline,amount,closedate,createdate,hs_lastmodifieddate";
    let fake = raw
        .get(
            "/crm/v3/objects/deals",
            &[("limit", "100"), ("properties", props)],
        )
        .await;
    let recorded = fixture("crm_v3_objects_deals_list.json");
    assert_eq!(keys(&fake), keys(&recorded), "one page, no paging block");
    same_object_shape(
        &fake["results"][0],
        &recorded["results"][0],
        "deal list item",
    );
    let props = "email,firstname,lastname,phone,createdate,lastmodifieddate";
    let fake = raw
        .get(
            "/crm/v3/objects/contacts",
            &[("limit", "100"), ("properties", props)],
        )
        .await;
    same_object_shape(
        &fake["results"][0],
        &fixture("crm_v3_objects_contacts_list.json")["results"][0],
        "contact list item",
    );

    let body = json!({"limit": 5, "properties": ["dealname", "amount", "dealstage", "pipeline", "closedate", "createdate", "hs_lastmodifieddate"]});
    let fake = raw.post("/crm/v3/objects/deals/search", body).await;
    let recorded = fixture("crm_v3_objects_deals_search.json");
    assert_eq!(keys(&fake), keys(&recorded));
    assert_eq!(
        fake["paging"],
        json!({"next": {"after": "5"}}),
        "numeric offset as a string, no link"
    );
    same_object_shape(
        &fake["results"][0],
        &recorded["results"][0],
        "deal search item",
    );
    serde_json::from_value::<SearchResponse>(fake).unwrap();

    let body = json!({"properties": ["name", "domain", "city", "industry", "createdate", "hs_lastmodifieddate"], "limit": 100,
        "filterGroups": [{"filters": [{"propertyName": "name", "operator": "CONTAINS_TOKEN", "value": "robotics"}]}]});
    let fake = raw.post("/crm/v3/objects/companies/search", body).await;
    let recorded = fixture("crm_v3_objects_companies_search.json");
    assert_eq!(keys(&fake), keys(&recorded));
    assert_eq!(fake["total"], 1);
    same_object_shape(
        &fake["results"][0],
        &recorded["results"][0],
        "company search item",
    );
}

#[tokio::test]
async fn owners_pipelines_and_errors_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let list = raw.get("/crm/v3/owners", &[("limit", "100")]).await;
    let recorded = fixture("crm_v3_owners_list.json");
    assert_eq!(keys(&list), keys(&recorded));
    assert_eq!(keys(&list["results"][0]), keys(&recorded["results"][0]));
    let one = raw.get("/crm/v3/owners/61842001", &[]).await;
    assert_eq!(keys(&one), keys(&fixture("crm_v3_owners_get.json")));
    serde_json::from_value::<Owner>(one).unwrap();

    let pipelines = raw.get("/crm/v3/pipelines/deals", &[]).await;
    assert_eq!(
        pipelines,
        fixture("crm_v3_pipelines_deals.json"),
        "HubSpot's default pipeline, exactly"
    );

    // Error bodies: HubSpot's shape for 404 and 401, the documented 429.
    let http = reqwest::Client::new();
    let url = |path: &str| env.server.base_url.join(path).unwrap();
    let r = http
        .get(url("crm/v3/objects/deals/1"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(body.category.as_deref(), Some("OBJECT_NOT_FOUND"));
    let r = http
        .get(url("crm/v3/owners"))
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["category"], "INVALID_AUTHENTICATION");
    assert!(body["correlationId"].is_string() && body["status"] == "error");
    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(1),
    });
    let r = http
        .get(url("crm/v3/owners"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "1")
    );
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        fixture("error_429_docs.json")
    );
}
