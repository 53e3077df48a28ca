//! OAuth 2.1 resource server: JWTs from the test IdP, the forged-token
//! matrix, JWKS rotation, and the protected-resource metadata.

use serde_json::{json, Value};
use switchboard_testkit::jwt::{
    mint, mint_hs256_with_public_key, mint_unsigned, tamper_signature, TestKey,
};

use super::harness::{start, TestGateway, ISSUER};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn claims(gw: &TestGateway) -> Value {
    json!({
        "iss": ISSUER,
        "aud": gw.url,
        "sub": "jwt-user",
        "email": "jwt-user@test.example",
        "org": "test",
        "groups": ["readers"],
        "iat": now(),
        "exp": now() + 600,
    })
}

async fn list_status(gw: &TestGateway, token: &str) -> (u16, Value) {
    gw.rpc(token, "tools/list", json!({})).await
}

#[tokio::test]
async fn valid_tokens_of_every_accepted_algorithm_authenticate() {
    let gw = start().await;
    for key in [TestKey::Rs256, TestKey::Es256, TestKey::EdDsa] {
        let token = mint(key, key.kid(), &claims(&gw));
        let (status, body) = list_status(&gw, &token).await;
        assert_eq!(status, 200, "{key:?}: {body}");
        assert_eq!(
            body["result"]["tools"][0]["name"], "test_echo_text",
            "{key:?}"
        );
    }
    let token = mint(TestKey::Rs256, "rsa-1", &claims(&gw));
    let body = gw
        .call_tool(&token, "test_echo_text", json!({"text": "hi"}))
        .await;
    assert_eq!(body["result"]["structuredContent"]["caller"], "jwt-user");
}

#[tokio::test]
async fn the_forged_token_matrix_is_refused() {
    let gw = start().await;
    let base = claims(&gw);
    let with = |patch: Value| {
        let mut c = base.clone();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                c.as_object_mut().unwrap().remove(k);
            } else {
                c[k] = v.clone();
            }
        }
        c
    };
    let rs = |c: &Value| mint(TestKey::Rs256, "rsa-1", c);
    let cases = [
        ("expired", rs(&with(json!({"exp": now() - 600})))),
        ("not yet valid", rs(&with(json!({"nbf": now() + 600})))),
        (
            "wrong issuer",
            rs(&with(json!({"iss": "https://evil.example"}))),
        ),
        (
            "wrong audience",
            rs(&with(json!({"aud": "https://other.example/mcp"}))),
        ),
        ("no expiry", rs(&with(json!({"exp": null})))),
        ("bad signature", tamper_signature(&rs(&base))),
        (
            "unknown kid",
            mint(TestKey::Rs256, "rsa-rotated-away", &base),
        ),
        (
            "key of another algorithm",
            mint(TestKey::Es256, "rsa-1", &base),
        ),
        ("alg none", mint_unsigned(&base)),
        (
            "HS256 with the public key",
            mint_hs256_with_public_key(&base),
        ),
        ("garbage", "a.b.c".to_owned()),
    ];
    for (name, token) in cases {
        let (status, _) = list_status(&gw, &token).await;
        assert_eq!(status, 401, "{name} was accepted");
    }
    assert_eq!(gw.calls(), 0);
}

#[tokio::test]
async fn missing_groups_mean_no_tools_not_an_error() {
    let gw = start().await;
    let mut c = claims(&gw);
    c.as_object_mut().unwrap().remove("groups");
    let (status, body) = list_status(&gw, &mint(TestKey::EdDsa, "ed-1", &c)).await;
    assert_eq!(status, 200);
    assert_eq!(body["result"]["tools"], json!([]));
    c["groups"] = json!([]);
    let (status, body) = list_status(&gw, &mint(TestKey::EdDsa, "ed-1", &c)).await;
    assert_eq!(status, 200);
    assert_eq!(body["result"]["tools"], json!([]));
}

#[tokio::test]
async fn an_unknown_kid_refetches_the_jwks_at_most_once_per_interval() {
    let gw = start().await;
    let good = mint(TestKey::Rs256, "rsa-1", &claims(&gw));
    assert_eq!(list_status(&gw, &good).await.0, 200);
    let fetched = gw.jwks.fetch_count();
    assert_eq!(fetched, 1);
    for _ in 0..5 {
        let junk = mint(TestKey::Rs256, "rsa-unknown", &claims(&gw));
        assert_eq!(list_status(&gw, &junk).await.0, 401);
    }
    assert!(
        gw.jwks.fetch_count() <= fetched + 1,
        "junk kids hammered the JWKS: {}",
        gw.jwks.fetch_count()
    );
}

#[tokio::test]
async fn protected_resource_metadata_is_served_without_credentials() {
    let gw = start().await;
    for path in [
        "/.well-known/oauth-protected-resource/mcp",
        "/.well-known/oauth-protected-resource",
    ] {
        let r = gw
            .http
            .get(gw.url.replace("/mcp", path))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let meta: Value = r.json().await.unwrap();
        assert_eq!(meta["resource"], gw.url);
        assert_eq!(meta["authorization_servers"], json!([ISSUER]));
        assert_eq!(meta["bearer_methods_supported"], json!(["header"]));
        assert!(meta["scopes_supported"].is_array());
    }
}
