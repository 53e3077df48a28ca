//! The fake Intercom answers with payloads of the recorded shapes: the same
//! keys at every level the recording fills, the same value types, and the
//! same model types parse both. (`fake_errors.rs`: tickets and errors.)

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use switchboard_core::CallContext;
use switchboard_intercom::model::*;
use switchboard_testkit::demo::support::support_desk;
use switchboard_upstream::{Auth, Secret, UpstreamClient, UpstreamConfig, UpstreamRequest};

use crate::common::{env, TOKEN};

pub fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Workspace-defined contents (custom attributes, an empty recorded plan)
/// are not compared key by key.
const FREE_FORM: &[&str] = &["custom_attributes", "plan"];

/// Same keys wherever the recording has a non-empty object, same JSON
/// types wherever both have a value (either may be `null`: a recording is
/// one sample of a nullable field).
pub fn same_shape(fake: &Value, recorded: &Value, path: &str) {
    match (fake, recorded) {
        (_, Value::Null) | (Value::Null, _) => {}
        (Value::Object(f), Value::Object(r)) => {
            if r.is_empty() {
                return;
            }
            let keys =
                |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<BTreeSet<_>>();
            assert_eq!(keys(f), keys(r), "{path}: keys");
            for (k, v) in r {
                if !FREE_FORM.contains(&k.as_str()) {
                    same_shape(&f[k], v, &format!("{path}.{k}"));
                }
            }
        }
        (Value::Array(f), Value::Array(r)) => {
            if let (Some(f), Some(r)) = (f.first(), r.first()) {
                same_shape(f, r, &format!("{path}[0]"));
            }
        }
        (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_))
        | (Value::Bool(_), Value::Bool(_)) => {}
        _ => panic!("{path}: fake {fake} vs recorded {recorded}"),
    }
}

pub fn parses<T: DeserializeOwned>(v: &Value) {
    serde_json::from_value::<T>(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
}

pub struct Raw {
    client: UpstreamClient,
    ctx: CallContext,
}

impl Raw {
    pub fn new(base: &url::Url) -> Raw {
        let mut config =
            UpstreamConfig::new("Intercom", base.clone(), Auth::Bearer(Secret::new(TOKEN)));
        config
            .default_headers
            .push(("intercom-version".parse().unwrap(), "2.11".parse().unwrap()));
        let principal = switchboard_testkit::principal("support@demo", &[]);
        Raw {
            client: UpstreamClient::new(config).unwrap(),
            ctx: CallContext::for_principal(principal, Instant::now() + Duration::from_secs(10)),
        }
    }

    pub async fn get(&self, path: &str) -> Value {
        self.client
            .get_json(&self.ctx, UpstreamRequest::get(path))
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.client
            .get_json(&self.ctx, UpstreamRequest::post(path, &body))
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn admins_companies_and_contacts_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let desk = support_desk();
    let admins = raw.get("/admins").await;
    same_shape(&admins, &fixture("admins_list.json"), "admins");
    parses::<AdminList>(&admins);

    let company = raw
        .get(&format!("/companies/{}", desk.companies[0].id))
        .await;
    same_shape(&company, &fixture("companies_get.json"), "company");
    parses::<Company>(&company);

    let contact = raw.get(&format!("/contacts/{}", desk.contacts[0].id)).await;
    same_shape(&contact, &fixture("contacts_get.json"), "contact");
    same_shape(
        &contact,
        &fixture("contacts_search.json")["data"][0],
        "contact with company",
    );
    parses::<Contact>(&contact);

    let query = json!({"field": "email_domain", "operator": "=", "value": "acme-robotics.example"});
    let search = raw
        .post(
            "/contacts/search",
            json!({"query": query, "pagination": {"per_page": 10}}),
        )
        .await;
    same_shape(&search, &fixture("contacts_search.json"), "contact search");
    assert_eq!(
        search["pages"],
        json!({"type": "pages", "page": 1, "per_page": 10, "total_pages": 1})
    );
    parses::<ContactList>(&search);
    let list = raw.get("/contacts?per_page=10").await;
    assert!(
        list["pages"]["next"]["starting_after"].is_string(),
        "more than one page"
    );
    same_shape(
        &list["data"],
        &fixture("contacts_list.json")["data"],
        "contact list",
    );
    parses::<ContactList>(&list);
}

#[tokio::test]
async fn conversations_match_the_recordings() {
    let env = env().await;
    let raw = Raw::new(&env.server.base_url);
    let query = json!({"field": "state", "operator": "=", "value": "open"});
    let search = raw
        .post(
            "/conversations/search",
            json!({"query": query, "pagination": {"per_page": 150}}),
        )
        .await;
    same_shape(
        &search,
        &fixture("conversations_search.json"),
        "conversation search",
    );
    same_shape(
        &search["conversations"][0],
        &fixture("conversations_list.json")["conversations"][0],
        "item",
    );
    let tagged = search["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["tags"]["tags"][0].is_object());
    same_shape(
        &tagged.unwrap()["tags"],
        &fixture("conversations_reply.json")["tags"],
        "tags",
    );
    parses::<ConversationList>(&search);
    let list = raw.get("/conversations?per_page=5").await;
    same_shape(
        &list["conversations"],
        &fixture("conversations_list.json")["conversations"],
        "list",
    );
    parses::<ConversationList>(&list);

    let closed = support_desk()
        .conversations
        .iter()
        .find(|c| c.state.as_str() == "closed")
        .unwrap();
    let full = raw.get(&format!("/conversations/{}", closed.id)).await;
    for recorded in [
        "conversations_get.json",
        "conversations_close.json",
        "conversations_reply.json",
    ] {
        same_shape(&full, &fixture(recorded), recorded);
    }
    parses::<Conversation>(&full);
    let note = json!({"message_type": "note", "type": "admin", "admin_id": "7310401", "body": "<p>Checked.</p>"});
    let replied = raw
        .post(&format!("/conversations/{}/reply", closed.id), note)
        .await;
    same_shape(&replied, &fixture("conversations_reply.json"), "reply");
    parses::<Conversation>(&replied);
}
