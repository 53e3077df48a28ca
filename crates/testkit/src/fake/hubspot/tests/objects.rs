//! Reads: single objects, lists with paging, owners, pipelines, batch.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::{ids, keys, Api};
use crate::demo::northwind;
use crate::fake::hubspot::{company_id, contact_id, deal_id, HubSpotOptions};

#[tokio::test]
async fn get_returns_the_v3_shape_with_associations() {
    let api = Api::start(HubSpotOptions::default()).await;
    let demo = northwind();
    let id = deal_id(demo, "Acme Robotics - Enterprise Renewal 2027").unwrap();
    let path = format!("crm/v3/objects/deals/{id}?properties=dealname,amount,closedate,hubspot_owner_id,description&associations=companies,contacts");
    let (status, headers, deal) = api.get(&path).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/json;charset=utf-8");
    assert_eq!(headers["x-hubspot-ratelimit-max"], "110");
    assert_eq!(
        keys(&deal),
        [
            "archived",
            "associations",
            "createdAt",
            "id",
            "properties",
            "updatedAt",
            "url"
        ]
        .map(String::from)
        .into()
    );
    let p = &deal["properties"];
    assert_eq!(p["amount"], "252000");
    assert_eq!(p["closedate"], "2026-12-15T00:00:00Z");
    assert_eq!(p["hubspot_owner_id"], "61842001");
    assert_eq!(
        p["description"],
        Value::Null,
        "known but unset comes back null"
    );
    assert_eq!(p["hs_object_id"], id.as_str());
    assert_eq!(
        keys(p).len(),
        8,
        "requested five plus createdate, hs_lastmodifieddate, hs_object_id"
    );
    let company = company_id(demo, "acme-robotics.example").unwrap();
    assert_eq!(
        deal["associations"]["companies"]["results"],
        json!([{"id": company, "type": "deal_to_company"}, {"id": company, "type": "deal_to_company_unlabeled"}])
    );
    assert_eq!(
        deal["associations"]["contacts"]["results"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    let (_, _, plain) = api
        .get(&format!("crm/v3/objects/companies/{company}"))
        .await;
    assert_eq!(
        keys(&plain["properties"]),
        [
            "createdate",
            "domain",
            "hs_lastmodifieddate",
            "hs_object_id",
            "name"
        ]
        .map(String::from)
        .into()
    );
    let email = "dana.whitfield@acme-robotics.example";
    let (status, _, by_email) = api
        .get(&format!("crm/v3/objects/contacts/{email}?idProperty=email"))
        .await;
    assert_eq!(
        (status, by_email["id"].as_str()),
        (200, contact_id(demo, email).as_deref())
    );

    for missing in [
        "crm/v3/objects/deals/1",
        "crm/v3/objects/deals/abc",
        "crm/v3/owners/1",
        "crm/v9/nothing",
    ] {
        let (status, _, body) = api.get(missing).await;
        assert_eq!(
            (status, body["category"].as_str()),
            (404, Some("OBJECT_NOT_FOUND")),
            "{missing}"
        );
    }
}

#[tokio::test]
async fn lists_page_with_after_and_link() {
    let api = Api::start(HubSpotOptions::default()).await;
    let (status, headers, first) = api
        .get("crm/v3/objects/deals?limit=12&properties=dealname")
        .await;
    assert_eq!((status, ids(&first).len()), (200, 12));
    let remaining: u64 = headers["x-hubspot-ratelimit-remaining"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let link = first["paging"]["next"]["link"].as_str().unwrap();
    let after = first["paging"]["next"]["after"].as_str().unwrap();
    assert!(link.ends_with(&format!("after={after}")), "{link}");
    let (_, headers, second) = api.send(api.http.get(link)).await;
    let (_, _, third) = api
        .get(&format!(
            "crm/v3/objects/deals?limit=12&after={}",
            second["paging"]["next"]["after"].as_str().unwrap()
        ))
        .await;
    assert!(third.get("paging").is_none());
    let all: BTreeSet<String> = [&first, &second, &third]
        .iter()
        .flat_map(|b| ids(b))
        .collect();
    assert_eq!(all.len(), northwind().deals().count());
    let now: u64 = headers["x-hubspot-ratelimit-remaining"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(now < remaining);
    assert_eq!(api.get("crm/v3/objects/deals?limit=101").await.0, 400);
}

#[tokio::test]
async fn owners_pipelines_and_batch_read() {
    let api = Api::start(HubSpotOptions::default()).await;
    let (_, _, owners) = api.get("crm/v3/owners?email=SALES@northwind.example").await;
    assert_eq!(ids(&owners), ["61842001"]);
    assert_eq!(owners["results"][0]["firstName"], "Sam");
    let (_, _, page) = api.get("crm/v3/owners?limit=2&after=2").await;
    assert_eq!(ids(&page), ["61842003", "61842004"]);
    assert_eq!(page["paging"]["next"]["after"], "4");
    let (_, _, owner) = api.get("crm/v3/owners/61842005").await;
    assert_eq!(owner["email"], "tom.becker@northwind.example");

    let (_, _, pipelines) = api.get("crm/v3/pipelines/deals").await;
    let stages = &pipelines["results"][0]["stages"];
    assert_eq!(stages.as_array().unwrap().len(), 7);
    assert_eq!(
        stages[6]["metadata"],
        json!({"isClosed": "true", "probability": "0.0"})
    );

    let demo = northwind();
    let known = company_id(demo, "initech.example").unwrap();
    let url = api
        .server
        .base_url
        .join("crm/v3/objects/companies/batch/read")
        .unwrap();
    let body = json!({"inputs": [{"id": known}, {"id": "404"}], "properties": ["name"]});
    let (status, _, read) = api.send(api.http.post(url).json(&body)).await;
    assert_eq!((status, read["status"].as_str()), (207, Some("COMPLETE")));
    assert_eq!(read["results"][0]["properties"]["name"], "Initech Software");
    assert_eq!(read["errors"][0]["context"]["ids"], json!(["404"]));
}
