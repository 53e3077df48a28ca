//! Issues and pull requests in GitHub's JSON. Issue keys follow
//! `issues_list.json` (list), `issues_get.json` (get),
//! `issues_create_201.json` (create) and `search_issues.json` (search);
//! pull requests follow `pulls_get.json` and `pulls_list.json`.

use serde_json::{json, Map, Value};

use super::entries::Entry;
use super::json::{node_id, ts, ts_opt, Era};
use super::json_repo::RepoShape;
use super::{GitHub, HTML};
use crate::demo::code::{PullRequest, PullState, ORG};

/// Which endpoint an issue is served by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IssueShape {
    List,
    Get,
    Create,
    Search,
}

/// The merge commit GitHub computes for a pull request.
fn merge_sha(p: &PullRequest) -> String {
    crate::demo::code::commit_sha(&format!("{}#{}:merge", p.repo, p.number))
}

impl GitHub {
    pub(super) fn issue_json(&self, e: &Entry<'_>, shape: IssueShape) -> Value {
        let era = if matches!(shape, IssueShape::Get) {
            Era::Y2026
        } else {
            Era::Y2022
        };
        let url = format!("{}/issues/{}", self.repo_api(e.repo()), e.number());
        let kind = if e.pull().is_some() { "pull" } else { "issues" };
        let html = format!("{HTML}/{ORG}/{}/{kind}/{}", e.repo(), e.number());
        let assignees: Vec<Value> = e
            .assignees()
            .iter()
            .map(|a| self.login_json(a, era))
            .collect();
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        put("url", json!(url));
        put("repository_url", json!(self.repo_api(e.repo())));
        put("labels_url", json!(format!("{url}/labels{{/name}}")));
        put("comments_url", json!(format!("{url}/comments")));
        put("events_url", json!(format!("{url}/events")));
        put("html_url", json!(html));
        put("id", json!(e.id()));
        put(
            "node_id",
            json!(node_id(if e.pull().is_some() { "PR" } else { "I" }, e.id())),
        );
        put("number", json!(e.number()));
        put("title", json!(e.title()));
        put("user", self.login_json(e.author(), era));
        put("labels", self.labels_json(e.repo(), e.labels()));
        put("state", json!(if e.is_open() { "open" } else { "closed" }));
        put("locked", json!(false));
        put(
            "assignee",
            assignees.first().cloned().unwrap_or(Value::Null),
        );
        put("assignees", Value::Array(assignees));
        put("milestone", Value::Null);
        put("comments", json!(e.comments().len()));
        put("created_at", json!(ts(e.created())));
        put("updated_at", json!(ts(e.updated())));
        put("closed_at", ts_opt(e.closed()));
        put("author_association", json!(self.association(e.author())));
        put("active_lock_reason", Value::Null);
        put(
            "body",
            if e.body().is_empty() {
                Value::Null
            } else {
                json!(e.body())
            },
        );
        put("reactions", self.reactions(&url));
        put("timeline_url", json!(format!("{url}/timeline")));
        put("performed_via_github_app", Value::Null);
        put(
            "state_reason",
            e.state_reason().map_or(Value::Null, |r| json!(r)),
        );
        if let Some(p) = e.pull() {
            // Published schema: pull requests listed as issues carry these.
            put("draft", json!(p.draft));
            let pr_url = format!("{}/pulls/{}", self.repo_api(&p.repo), p.number);
            put(
                "pull_request",
                json!({"url": pr_url, "html_url": html, "diff_url": format!("{html}.diff"),
                "patch_url": format!("{html}.patch"), "merged_at": merged_at(p)}),
            );
        }
        if matches!(shape, IssueShape::Get | IssueShape::Create) {
            put(
                "closed_by",
                e.closed_by()
                    .map_or(Value::Null, |l| self.login_json(l, era)),
            );
        }
        match shape {
            IssueShape::Get => {
                put(
                    "sub_issues_summary",
                    json!({"total": 0, "completed": 0, "percent_completed": 0}),
                );
                put(
                    "issue_dependencies_summary",
                    json!({"blocked_by": 0, "total_blocked_by": 0, "blocking": 0, "total_blocking": 0}),
                );
                put("pinned_comment", Value::Null);
            }
            IssueShape::Search => put("score", json!(1.0)),
            IssueShape::List | IssueShape::Create => {}
        }
        Value::Object(m)
    }

    pub(super) fn pull_json(&self, p: &PullRequest, full: bool) -> Value {
        let era = Era::Y2026;
        let api = self.repo_api(&p.repo);
        let url = format!("{api}/pulls/{}", p.number);
        let issue_url = format!("{api}/issues/{}", p.number);
        let html = format!("{HTML}/{ORG}/{}/pull/{}", p.repo, p.number);
        let shape = if full {
            RepoShape::InPullGet
        } else {
            RepoShape::InPullList
        };
        let repo = (self.host.repo(&p.repo)).map_or(Value::Null, |r| self.repo_json(r, shape));
        let branch = |r: &str, sha: &str| {
            json!({"label": format!("{ORG}:{r}"), "ref": r, "sha": sha,
                "user": self.user_json(&self.host.org, era), "repo": repo.clone()})
        };
        let statuses = format!("{api}/statuses/{}", p.head_sha);
        let links = [
            ("self", &url),
            ("html", &html),
            ("issue", &issue_url),
            ("comments", &format!("{issue_url}/comments")),
            ("review_comments", &format!("{url}/comments")),
            (
                "review_comment",
                &format!("{api}/pulls/comments{{/number}}"),
            ),
            ("commits", &format!("{url}/commits")),
            ("statuses", &statuses),
        ];
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        put("url", json!(url));
        put("id", json!(p.id));
        put("node_id", json!(node_id("PR", p.id)));
        put("html_url", json!(html));
        put("diff_url", json!(format!("{html}.diff")));
        put("patch_url", json!(format!("{html}.patch")));
        put("issue_url", json!(issue_url));
        put("number", json!(p.number));
        let open = p.state == PullState::Open;
        put("state", json!(if open { "open" } else { "closed" }));
        put("locked", json!(false));
        put("title", json!(p.title));
        put("user", self.login_json(&p.author, era));
        put("body", json!(p.body));
        put("created_at", json!(ts(p.created)));
        put("updated_at", json!(ts(p.updated)));
        put("closed_at", ts_opt(p.closed));
        put("merged_at", merged_at(p));
        put("merge_commit_sha", json!(merge_sha(p)));
        put("assignee", Value::Null);
        put("assignees", json!([]));
        put(
            "requested_reviewers",
            Value::Array(
                p.requested_reviewers
                    .iter()
                    .map(|r| self.login_json(r, era))
                    .collect(),
            ),
        );
        put("requested_teams", json!([]));
        put("labels", self.labels_json(&p.repo, &p.labels));
        put("milestone", Value::Null);
        put("draft", json!(p.draft));
        put("commits_url", json!(format!("{url}/commits")));
        put("review_comments_url", json!(format!("{url}/comments")));
        put(
            "review_comment_url",
            json!(format!("{api}/pulls/comments{{/number}}")),
        );
        put("comments_url", json!(format!("{issue_url}/comments")));
        put("statuses_url", json!(statuses));
        put("head", branch(&p.head_ref, &p.head_sha));
        put("base", branch(&p.base_ref, &p.base_sha));
        put(
            "_links",
            Value::Object(
                links
                    .iter()
                    .map(|(k, href)| (k.to_string(), json!({"href": href})))
                    .collect(),
            ),
        );
        put("author_association", json!(self.association(&p.author)));
        put("auto_merge", Value::Null);
        put("active_lock_reason", Value::Null);
        if full {
            put("merged", json!(p.state == PullState::Merged));
            put("mergeable", json!(p.mergeable));
            put("rebaseable", json!(p.mergeable));
            put("mergeable_state", json!(p.mergeable_state));
            put(
                "merged_by",
                p.merged_by
                    .as_deref()
                    .map_or(Value::Null, |l| self.login_json(l, era)),
            );
            put("comments", json!(p.comments.len()));
            put("review_comments", json!(0));
            put("maintainer_can_modify", json!(false));
            put("commits", json!(p.commits));
            put("additions", json!(p.additions));
            put("deletions", json!(p.deletions));
            put("changed_files", json!(p.changed_files));
        }
        Value::Object(m)
    }
}

fn merged_at(p: &PullRequest) -> Value {
    match p.state {
        PullState::Merged => ts_opt(p.closed),
        _ => Value::Null,
    }
}
