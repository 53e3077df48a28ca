//! One file per tool; `crate::connector` registers them all.

mod get_page;
mod list_comments;
mod query_database;
mod search;

pub use get_page::GetPage;
pub use list_comments::ListComments;
pub use query_database::QueryDatabase;
pub use search::Search;

use switchboard_core::{ConnectorError, ErrorKind};

/// Rewrites Notion's 404 into "Notion has no <what> <id> shared with the
/// integration", keeping the original as the source for the audit row.
pub(crate) fn not_found_as<'a>(
    what: &'a str,
    id: &'a str,
) -> impl FnOnce(ConnectorError) -> ConnectorError + 'a {
    move |e| {
        if e.kind != ErrorKind::NotFound {
            return e;
        }
        let status = e.upstream_status;
        let mut out = ConnectorError::not_found(format!(
            "Notion has no {what} {id}, or it is not shared with the integration"
        ));
        out.upstream_status = status;
        out.with_source(e)
    }
}
