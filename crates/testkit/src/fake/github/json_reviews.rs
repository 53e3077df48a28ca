//! Comments (`issue_comments_list.json`), and reviews and check runs,
//! which have no public recording and follow GitHub's published schema
//! (`pull-request-review`, `check-run`).

use serde_json::{json, Value};

use super::json::{node_id, ts, ts_opt, Era};
use super::{GitHub, HTML};
use crate::demo::code::{CheckRun, CheckState, Comment, PullRequest, PullState, Review, ORG};

impl GitHub {
    /// One issue comment (`issue_comments_list.json`).
    pub(super) fn comment_json(&self, repo: &str, number: u64, c: &Comment) -> Value {
        let api = self.repo_api(repo);
        let url = format!("{api}/issues/comments/{}", c.id);
        json!({
            "url": url,
            "html_url": format!("{HTML}/{ORG}/{repo}/issues/{number}#issuecomment-{}", c.id),
            "issue_url": format!("{api}/issues/{number}"),
            "id": c.id,
            "node_id": node_id("IC", c.id),
            "user": self.login_json(&c.author, Era::Y2026),
            "created_at": ts(c.at),
            "updated_at": ts(c.at),
            "body": c.body,
            "author_association": self.association(&c.author),
            "pin": null,
            "reactions": self.reactions(&url),
            "performed_via_github_app": null,
        })
    }

    /// One pull request review (published schema: `pull-request-review`).
    pub(super) fn review_json(&self, p: &PullRequest, r: &Review) -> Value {
        let html = format!(
            "{HTML}/{ORG}/{}/pull/{}#pullrequestreview-{}",
            p.repo, p.number, r.id
        );
        let pr_url = format!("{}/pulls/{}", self.repo_api(&p.repo), p.number);
        json!({
            "id": r.id,
            "node_id": node_id("PRR", r.id),
            "user": self.login_json(&r.reviewer, Era::Y2026),
            "body": r.body,
            "state": r.state.as_str(),
            "html_url": html,
            "pull_request_url": pr_url,
            "author_association": self.association(&r.reviewer),
            "_links": {"html": {"href": html}, "pull_request": {"href": pr_url}},
            "submitted_at": ts(r.at),
            "commit_id": r.commit,
        })
    }

    /// One check run (published schema: `check-run`), made by GitHub Actions.
    pub(super) fn check_run_json(&self, p: &PullRequest, c: &CheckRun) -> Value {
        let api = self.repo_api(&p.repo);
        let repo_id = self.host.repo(&p.repo).map_or(0, |r| r.id);
        let html = format!(
            "{HTML}/{ORG}/{}/actions/runs/{}/job/{}",
            p.repo,
            c.id / 7,
            c.id
        );
        let (status, conclusion) = match c.state {
            CheckState::Queued => ("queued", Value::Null),
            CheckState::InProgress => ("in_progress", Value::Null),
            CheckState::Completed(done) => ("completed", json!(done)),
        };
        let side = |r: &str, sha: &str| json!({"ref": r, "sha": sha, "repo": {"id": repo_id, "url": api, "name": p.repo}});
        json!({
            "id": c.id,
            "name": c.name,
            "node_id": node_id("CR", c.id),
            "head_sha": p.head_sha,
            "external_id": "",
            "url": format!("{api}/check-runs/{}", c.id),
            "html_url": html,
            "details_url": html,
            "status": status,
            "conclusion": conclusion,
            "started_at": ts(c.started),
            "completed_at": ts_opt(c.completed),
            "output": {"title": c.summary, "summary": c.summary, "text": null, "annotations_count": 0,
                "annotations_url": format!("{api}/check-runs/{}/annotations", c.id)},
            "check_suite": {"id": c.id / 3},
            "app": {
                "id": 15368, "client_id": "Iv1.05c79e9ad1f6bdfa", "slug": "github-actions", "node_id": "MDM6QXBwMTUzNjg=",
                "owner": {"login": "github", "id": 9919, "node_id": "MDEyOk9yZ2FuaXphdGlvbjk5MTk=", "type": "Organization",
                    "url": format!("{}/users/github", self.api), "html_url": format!("{HTML}/github"), "site_admin": false},
                "name": "GitHub Actions", "description": "Automate your workflow from idea to production",
                "external_url": "https://help.github.com/en/actions", "html_url": format!("{HTML}/apps/github-actions"),
                "created_at": "2018-07-30T09:30:17Z", "updated_at": "2024-04-10T20:33:16Z",
                "permissions": {"actions": "write", "checks": "write", "contents": "write", "metadata": "read", "pull_requests": "write"},
                "events": ["check_run", "check_suite", "pull_request", "push", "workflow_dispatch"]
            },
            "pull_requests": if p.state == PullState::Open {
                json!([{"url": format!("{api}/pulls/{}", p.number), "id": p.id, "number": p.number,
                    "head": side(&p.head_ref, &p.head_sha), "base": side(&p.base_ref, &p.base_sha)}])
            } else { json!([]) },
        })
    }
}
