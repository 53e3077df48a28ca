//! One file per tool; `crate::connector` registers them all.

mod get_company;
mod get_contact;
mod get_deal;
mod list_owners;
mod list_pipelines;
mod search_companies;
mod search_contacts;
mod search_deals;

pub use get_company::GetCompany;
pub use get_contact::GetContact;
pub use get_deal::GetDeal;
pub use list_owners::ListOwners;
pub use list_pipelines::ListPipelines;
pub use search_companies::SearchCompanies;
pub use search_contacts::SearchContacts;
pub use search_deals::SearchDeals;

use switchboard_core::{ConnectorError, ErrorKind};

/// Rewrites HubSpot's generic 404 into "no <what> has id <id>", keeping
/// the original as the source for the audit row.
pub(crate) fn not_found_as<'a>(
    what: &'a str,
    id: &'a str,
) -> impl FnOnce(ConnectorError) -> ConnectorError + 'a {
    move |e| {
        if e.kind != ErrorKind::NotFound {
            return e;
        }
        let status = e.upstream_status;
        let mut out = ConnectorError::not_found(format!("HubSpot has no {what} with id {id}"));
        out.upstream_status = status;
        out.with_source(e)
    }
}
