//! The recorded pull requests and repository shaped; reviews and check
//! runs, which have no public recording, from GitHub's published schema.

use serde_json::{json, Value};
use switchboard_github::model::*;
use switchboard_github::people::Directory;
use switchboard_github::shape::{self, text, Person};

use crate::fixtures::{load, text_of};

#[test]
fn pull_requests_shape_from_recordings() {
    let raw: PullRequest = load("pulls_get.json");
    let dir = Directory::of([Person {
        login: "JLLeitschuh".into(),
        name: Some("Jonathan Leitschuh".into()),
        email: None,
    }]);
    let p = shape::pull_summary(&raw, &dir);
    assert_eq!(
        (p.number, p.state.as_str(), p.draft),
        (3370, "merged", false)
    );
    assert_eq!(p.title, "Bump actions/setup-python from 5 to 6");
    assert_eq!(
        (p.base.as_str(), p.head.as_str()),
        ("main", "dependabot/github_actions/actions/setup-python-6")
    );
    assert_eq!(
        (p.merged.as_deref(), p.closed.as_deref()),
        (Some("2025-11-19"), None)
    );
    assert_eq!(p.labels, ["dependencies", "github_actions"]);
    assert!(raw.user.as_ref().unwrap().is_bot());
    assert_eq!(
        dir.opt(raw.merged_by.as_ref()).unwrap().name.as_deref(),
        Some("Jonathan Leitschuh")
    );
    assert_eq!(
        (raw.changed_files, raw.additions, raw.deletions, raw.commits),
        (Some(4), Some(7), Some(7), Some(1))
    );
    assert_eq!(
        (raw.mergeable, raw.mergeable_state.as_deref()),
        (None, Some("unknown"))
    );
    let repo = raw.base.repo.as_ref().unwrap();
    assert_eq!(
        (repo.full_name.as_str(), repo.owner.kind.as_deref()),
        ("PyGithub/PyGithub", Some("Organization"))
    );
    // The dependabot body is ~9 KB of release notes; the budget holds.
    let body = text::body(raw.body.as_deref(), 1000).unwrap();
    assert!(body.chars().count() <= 1001 && body.ends_with('…') && !body.contains("<!--"));
    let raw_size =
        serde_json::to_string(&serde_json::from_str::<Value>(&text_of("pulls_get.json")).unwrap())
            .unwrap()
            .len();
    let shaped = serde_json::to_string(&p).unwrap().len();
    assert!(
        shaped * 50 < raw_size,
        "shaped {shaped} B vs raw {raw_size} B"
    );

    let list: Vec<PullRequest> = load("pulls_list.json");
    let shaped: Vec<_> = list
        .iter()
        .map(|p| shape::pull_summary(p, &Directory::default()))
        .collect();
    assert_eq!(shaped.iter().map(|p| p.number).collect::<Vec<_>>(), [10, 7]);
    assert_eq!(
        (shaped[0].state.as_str(), shaped[0].head.as_str()),
        ("open", "release/v0.2")
    );
    assert_eq!(shaped[1].title, "feat: add greetings list");
    assert!(list[0].changed_files.is_none(), "lists carry no size");

    let r: Repository = load("repos_get.json");
    assert_eq!(
        (r.full_name.as_str(), r.private, r.default_branch.as_deref()),
        ("octokit-fixture-org/hello-world", false, Some("master"))
    );
}

/// No public recording: GitHub's published `pull-request-review` and
/// `check-run` schema examples, with the states this connector reads.
#[test]
fn reviews_and_checks_follow_the_published_schema() {
    let user = |login: &str| json!({"login": login, "id": 1, "type": "User"});
    let reviews: Vec<Review> = serde_json::from_value(json!([
        {"id": 80, "user": user("octocat"), "body": "Here is the body for the review.", "state": "COMMENTED", "submitted_at": "2019-11-17T17:43:43Z", "commit_id": "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091"},
        {"id": 81, "user": user("octocat"), "body": "", "state": "APPROVED", "submitted_at": "2019-11-18T10:00:00Z"},
        {"id": 82, "user": user("hubot"), "body": "Please add tests.", "state": "CHANGES_REQUESTED", "submitted_at": "2019-11-18T11:00:00Z"},
        {"id": 83, "user": user("hubot"), "body": "Nit.", "state": "COMMENTED", "submitted_at": "2019-11-18T12:00:00Z"},
        {"id": 84, "user": user("draftsman"), "state": "PENDING"}
    ]))
    .unwrap();
    let requested: Vec<User> = serde_json::from_value(json!([user("monalisa")])).unwrap();
    let r = shape::review(&reviews, &requested, &Directory::default());
    assert_eq!(r.decision, "changes_requested");
    let states: Vec<(&str, &str)> = r
        .reviewers
        .iter()
        .map(|x| (x.reviewer.login.as_str(), x.state.as_str()))
        .collect();
    assert_eq!(
        states,
        [
            ("hubot", "changes_requested"),
            ("monalisa", "pending"),
            ("octocat", "approved")
        ]
    );
    assert_eq!(r.reviewers[0].comment.as_deref(), Some("Nit."));
    assert_eq!(
        shape::review(&reviews[..2], &[], &Directory::default()).decision,
        "approved"
    );
    assert_eq!(
        shape::review(&[], &[], &Directory::default()).decision,
        "none"
    );

    let runs: CheckRunList = serde_json::from_value(json!({"total_count": 4, "check_runs": [
        {"id": 4, "name": "mighty_readme", "status": "completed", "conclusion": "neutral", "started_at": "2018-05-04T01:14:52Z", "completed_at": "2018-05-04T01:14:52Z",
         "output": {"title": "Mighty Readme report", "summary": "There are 0 failures, 2 warnings, and 1 notice.", "text": null, "annotations_count": 2}},
        {"id": 5, "name": "test", "status": "completed", "conclusion": "failure"},
        {"id": 6, "name": "lint", "status": "in_progress", "conclusion": null},
        {"id": 7, "name": "deploy", "status": "completed", "conclusion": "skipped"}
    ]}))
    .unwrap();
    let c = shape::checks(&runs.check_runs, runs.total_count);
    assert_eq!(
        (
            c.state.as_str(),
            c.total,
            c.passed,
            c.failed,
            c.pending,
            c.skipped
        ),
        ("failing", 4, 1, 1, 1, 1)
    );
    assert_eq!(c.failing, ["test"]);
    assert_eq!(shape::checks(&[], 0).state, "none");

    let profile: PublicUser = serde_json::from_value(json!({"login": "octocat", "id": 1, "type": "User", "name": "monalisa octocat",
        "company": "GitHub", "email": "octocat@github.com", "public_repos": 2, "created_at": "2008-01-14T04:33:35Z"})).unwrap();
    assert_eq!(
        (profile.name.as_deref(), profile.email.as_deref()),
        (Some("monalisa octocat"), Some("octocat@github.com"))
    );
}
