//! Fake tickets follow the spec examples, and the fake's error bodies
//! follow the recorded ones.

use std::time::Duration;

use serde_json::{json, Value};
use switchboard_intercom::model::*;
use switchboard_testkit::demo::support::support_desk;
use switchboard_testkit::fake::Fault;

use crate::common::{env, TOKEN};
use crate::fake_shapes::{fixture, parses, same_shape, Raw};

#[tokio::test]
async fn tickets_and_errors_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let query = json!({"field": "open", "operator": "=", "value": true});
    let search = raw
        .post(
            "/tickets/search",
            json!({"query": query, "pagination": {"per_page": 150}}),
        )
        .await;
    same_shape(
        &search,
        &fixture("tickets_search_spec.json"),
        "ticket search",
    );
    parses::<TicketList>(&search);
    let with_history = support_desk()
        .tickets
        .iter()
        .find(|t| !t.parts.is_empty())
        .unwrap();
    let ticket = raw.get(&format!("/tickets/{}", with_history.id)).await;
    let mut recorded = fixture("tickets_get_spec.json");
    // The spec's get example tags its part with the app that made it; parts
    // made by teammates (and the search example's) carry no app.
    recorded["ticket_parts"]["ticket_parts"][0]
        .as_object_mut()
        .unwrap()
        .remove("app_package_code");
    same_shape(&ticket, &recorded, "ticket");
    parses::<Ticket>(&ticket);

    let http = reqwest::Client::new();
    let url = |path: &str| env.server.base_url.join(path).unwrap();
    let send = |r: reqwest::RequestBuilder| r.header("Intercom-Version", "2.11").send();
    let r = send(http.get(url("conversations/1")).bearer_auth(TOKEN))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    same_shape(
        &r.json().await.unwrap(),
        &fixture("error_404_conversation.json"),
        "404",
    );
    let r = send(http.get(url("admins")).bearer_auth("revoked"))
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["errors"], fixture("error_401.json")["errors"]);
    env.server.faults.inject(Fault::RateLimited {
        retry_after: Duration::from_secs(2),
    });
    let r = send(http.get(url("admins")).bearer_auth(TOKEN))
        .await
        .unwrap();
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "2")
    );
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    same_shape(&r.json().await.unwrap(), &fixture("error_429.json"), "429");
}
