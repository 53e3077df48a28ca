//! One file per tool; `crate::connector` registers them all.

mod create_issue;
mod get_issue;
mod get_pull_request;
mod list_issues;
mod list_pull_requests;
mod search_issues;

pub use create_issue::CreateIssue;
pub use get_issue::GetIssue;
pub use get_pull_request::GetPullRequest;
pub use list_issues::ListIssues;
pub use list_pull_requests::ListPullRequests;
pub use search_issues::SearchIssues;

use switchboard_core::{ConnectorError, ErrorKind};

/// Rewrites GitHub's bare 404 ("Not Found") into what was not found. GitHub
/// also answers 404 for private repositories the token cannot see, so the
/// message says so.
pub(crate) fn not_found_as(what: String) -> impl FnOnce(ConnectorError) -> ConnectorError {
    move |e| {
        if e.kind != ErrorKind::NotFound {
            return e;
        }
        let status = e.upstream_status;
        let mut out = ConnectorError::not_found(format!(
            "GitHub has no {what} (or the gateway's token cannot see it)"
        ));
        out.upstream_status = status;
        out.with_source(e)
    }
}
