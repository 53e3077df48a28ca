//! Repositories in GitHub's JSON: `repos_get.json` for `GET /repos/{o}/{r}`,
//! and the `head.repo`/`base.repo` of `pulls_get.json` and
//! `pulls_list.json`, whose key sets differ slightly.

use serde_json::{json, Map, Value};

use super::json::{node_id, ts, Era};
use super::{GitHub, HTML};
use crate::demo::code::Repo;

/// A repository's shape per endpoint (see `repos_get.json` and the
/// `head.repo` of `pulls_get.json` and `pulls_list.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RepoShape {
    Get,
    InPullGet,
    InPullList,
}

const REPO_URLS: &[(&str, &str)] = &[
    ("forks_url", "/forks"),
    ("keys_url", "/keys{/key_id}"),
    ("collaborators_url", "/collaborators{/collaborator}"),
    ("teams_url", "/teams"),
    ("hooks_url", "/hooks"),
    ("issue_events_url", "/issues/events{/number}"),
    ("events_url", "/events"),
    ("assignees_url", "/assignees{/user}"),
    ("branches_url", "/branches{/branch}"),
    ("tags_url", "/tags"),
    ("blobs_url", "/git/blobs{/sha}"),
    ("git_tags_url", "/git/tags{/sha}"),
    ("git_refs_url", "/git/refs{/sha}"),
    ("trees_url", "/git/trees{/sha}"),
    ("statuses_url", "/statuses/{sha}"),
    ("languages_url", "/languages"),
    ("stargazers_url", "/stargazers"),
    ("contributors_url", "/contributors"),
    ("subscribers_url", "/subscribers"),
    ("subscription_url", "/subscription"),
    ("commits_url", "/commits{/sha}"),
    ("git_commits_url", "/git/commits{/sha}"),
    ("comments_url", "/comments{/number}"),
    ("issue_comment_url", "/issues/comments{/number}"),
    ("contents_url", "/contents/{+path}"),
    ("compare_url", "/compare/{base}...{head}"),
    ("merges_url", "/merges"),
    ("archive_url", "/{archive_format}{/ref}"),
    ("downloads_url", "/downloads"),
    ("issues_url", "/issues{/number}"),
    ("pulls_url", "/pulls{/number}"),
    ("milestones_url", "/milestones{/number}"),
    (
        "notifications_url",
        "/notifications{?since,all,participating}",
    ),
    ("labels_url", "/labels{/name}"),
    ("releases_url", "/releases{/id}"),
    ("deployments_url", "/deployments"),
];
impl GitHub {
    pub(super) fn repo_json(&self, r: &Repo, shape: RepoShape) -> Value {
        let api = self.repo_api(&r.name);
        let full = r.full_name();
        let era = if shape == RepoShape::Get {
            Era::Y2022
        } else {
            Era::Y2026
        };
        let open = self
            .entries(Some(&r.name))
            .iter()
            .filter(|e| e.is_open())
            .count();
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        put("id", json!(r.id));
        put("node_id", json!(node_id("R", r.id)));
        put("name", json!(r.name));
        put("full_name", json!(full));
        put("private", json!(r.private));
        put("owner", self.user_json(&self.host.org, era));
        put("html_url", json!(format!("{HTML}/{full}")));
        put("description", json!(r.description));
        put("fork", json!(false));
        put("url", json!(api));
        for (key, suffix) in REPO_URLS {
            put(key, json!(format!("{api}{suffix}")));
        }
        put("created_at", json!(ts(r.created)));
        put("updated_at", json!(ts(r.pushed)));
        put("pushed_at", json!(ts(r.pushed)));
        put("git_url", json!(format!("git://github.com/{full}.git")));
        put("ssh_url", json!(format!("git@github.com:{full}.git")));
        put("clone_url", json!(format!("{HTML}/{full}.git")));
        put("svn_url", json!(format!("{HTML}/{full}")));
        put("homepage", Value::Null);
        put("size", json!(r.id % 40_000));
        for k in [
            "stargazers_count",
            "watchers_count",
            "forks_count",
            "forks",
            "watchers",
        ] {
            put(k, json!(if r.private { 0 } else { 37 }));
        }
        put("language", json!(r.language));
        for (k, v) in [
            ("has_issues", true),
            ("has_projects", false),
            ("has_downloads", true),
            ("has_wiki", false),
            ("has_pages", false),
        ] {
            put(k, json!(v));
        }
        if shape != RepoShape::Get {
            put("has_discussions", json!(false));
        }
        put("mirror_url", Value::Null);
        put("archived", json!(false));
        put("disabled", json!(false));
        put("open_issues_count", json!(open));
        put("open_issues", json!(open));
        put(
            "license",
            match r.private {
                true => Value::Null,
                false => {
                    json!({"key": "mpl-2.0", "name": "Mozilla Public License 2.0", "spdx_id": "MPL-2.0",
                "url": format!("{}/licenses/mpl-2.0", self.api), "node_id": "MDc6TGljZW5zZTE0"})
                }
            },
        );
        put("allow_forking", json!(!r.private));
        put("is_template", json!(false));
        put("web_commit_signoff_required", json!(false));
        if shape == RepoShape::InPullList {
            put("has_pull_requests", json!(true));
            put("pull_request_creation_policy", json!("all"));
        }
        put("topics", json!(r.topics));
        put(
            "visibility",
            json!(if r.private { "private" } else { "public" }),
        );
        put("default_branch", json!(r.default_branch));
        if shape == RepoShape::Get {
            put(
                "permissions",
                json!({"admin": false, "maintain": false, "push": true, "triage": true, "pull": true}),
            );
            put("temp_clone_token", json!(""));
            for (k, v) in [
                ("allow_squash_merge", true),
                ("allow_merge_commit", false),
                ("allow_rebase_merge", false),
                ("allow_auto_merge", true),
                ("delete_branch_on_merge", true),
                ("allow_update_branch", true),
                ("use_squash_pr_title_as_default", true),
            ] {
                put(k, json!(v));
            }
            put("organization", self.user_json(&self.host.org, Era::Y2022));
            put("network_count", json!(0));
            put("subscribers_count", json!(4));
        }
        Value::Object(m)
    }
}
