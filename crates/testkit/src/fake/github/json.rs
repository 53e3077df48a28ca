//! Accounts, repositories and labels in GitHub's JSON. Which keys appear
//! follows the recording of each endpoint: the 2022 recordings
//! (`issues_list.json`, `search_issues.json`, `issues_create_201.json`,
//! `repos_get.json`) predate `user_view_type`; the 2026 ones carry it.

use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use super::{GitHub, HTML};
use crate::demo::code::{GitUser, UserKind, ORG};

/// GitHub's timestamp form, `2026-11-24T09:12:00Z`.
pub(super) fn ts(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub(super) fn ts_opt(t: Option<NaiveDateTime>) -> Value {
    t.map_or(Value::Null, |t| Value::String(ts(t)))
}

/// A GraphQL node id: a type prefix and an opaque tail.
pub(super) fn node_id(prefix: &str, id: u64) -> String {
    format!(
        "{prefix}_kwDOB{:010X}",
        id.wrapping_mul(2_654_435_761) % 0xFF_FFFF_FFFF
    )
}

/// Which recording an object must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Era {
    /// Recorded in 2022: no `user_view_type`.
    Y2022,
    /// Recorded in 2026.
    Y2026,
}

const USER_URLS: &[(&str, &str)] = &[
    ("followers_url", "/followers"),
    ("following_url", "/following{/other_user}"),
    ("gists_url", "/gists{/gist_id}"),
    ("starred_url", "/starred{/owner}{/repo}"),
    ("subscriptions_url", "/subscriptions"),
    ("organizations_url", "/orgs"),
    ("repos_url", "/repos"),
    ("events_url", "/events{/privacy}"),
    ("received_events_url", "/received_events"),
];

impl GitHub {
    /// The simple-user object (`user`, `assignees`, `owner`, ...).
    pub(super) fn user_json(&self, u: &GitUser, era: Era) -> Value {
        let api = format!(
            "{}/users/{}",
            self.api,
            u.login.replace('[', "%5B").replace(']', "%5D")
        );
        let html = match u.kind {
            UserKind::Bot => format!("{HTML}/apps/{}", u.login.trim_end_matches("[bot]")),
            _ => format!("{HTML}/{}", u.login),
        };
        let mut m = Map::new();
        m.insert("login".into(), json!(u.login));
        m.insert("id".into(), json!(u.id));
        m.insert("node_id".into(), json!(node_id("U", u.id)));
        m.insert(
            "avatar_url".into(),
            json!(format!(
                "https://avatars.githubusercontent.com/u/{}?v=4",
                u.id
            )),
        );
        m.insert("gravatar_id".into(), json!(""));
        m.insert("url".into(), json!(api));
        m.insert("html_url".into(), json!(html));
        for (key, suffix) in USER_URLS {
            m.insert((*key).into(), json!(format!("{api}{suffix}")));
        }
        m.insert("type".into(), json!(u.kind.as_str()));
        if era == Era::Y2026 {
            m.insert("user_view_type".into(), json!("public"));
        }
        m.insert("site_admin".into(), json!(false));
        Value::Object(m)
    }

    /// The user with `login`, or `null` for an unknown one.
    pub(super) fn login_json(&self, login: &str, era: Era) -> Value {
        self.host
            .user(login)
            .map_or(Value::Null, |u| self.user_json(u, era))
    }

    /// `MEMBER` for Northwind people, `NONE` for everyone else.
    pub(super) fn association(&self, login: &str) -> &'static str {
        match self.host.user(login) {
            Some(u) if u.kind == UserKind::Bot => "CONTRIBUTOR",
            Some(u) if u.company.as_deref() == Some(&format!("@{ORG}")) => "MEMBER",
            _ => "NONE",
        }
    }

    pub(super) fn repo_api(&self, repo: &str) -> String {
        format!("{}/repos/{ORG}/{repo}", self.api)
    }

    /// A label as issues embed it (`issues_get.json`).
    pub(super) fn label_json(&self, repo: &str, name: &str) -> Value {
        let label = self
            .host
            .repo(repo)
            .and_then(|r| r.labels.iter().find(|l| l.name == name));
        let (id, color, description) = label.map_or((7_199_000_000, "ededed", None), |l| {
            (l.id, l.color.as_str(), Some(l.description.as_str()))
        });
        json!({
            "id": id,
            "node_id": node_id("LA", id),
            "url": format!("{}/labels/{}", self.repo_api(repo), name.replace(':', "%3A")),
            "name": name,
            "color": color,
            "default": matches!(name, "bug" | "enhancement" | "documentation"),
            "description": description,
        })
    }

    pub(super) fn labels_json(&self, repo: &str, names: &[String]) -> Value {
        Value::Array(names.iter().map(|n| self.label_json(repo, n)).collect())
    }

    /// The all-zero reactions rollup every issue and comment carries.
    pub(super) fn reactions(&self, url: &str) -> Value {
        json!({"url": format!("{url}/reactions"), "total_count": 0, "+1": 0, "-1": 0, "laugh": 0,
            "hooray": 0, "confused": 0, "heart": 0, "rocket": 0, "eyes": 0})
    }
}
