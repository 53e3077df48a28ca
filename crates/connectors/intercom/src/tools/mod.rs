//! One file per tool; `crate::connector` registers them all.

mod add_note;
mod get_company;
mod get_contact;
mod get_conversation;
mod get_ticket;
mod search_contacts;
mod search_conversations;
mod search_tickets;

pub use add_note::AddNote;
pub use get_company::GetCompany;
pub use get_contact::GetContact;
pub use get_conversation::GetConversation;
pub use get_ticket::GetTicket;
pub use search_contacts::SearchContacts;
pub use search_conversations::SearchConversations;
pub use search_tickets::SearchTickets;

use switchboard_core::{ConnectorError, ErrorKind};

/// Rewrites Intercom's generic 404 ("Resource Not Found") into "Intercom
/// has no <what> with id <id>", keeping the original for the audit row.
pub(crate) fn not_found_as<'a>(
    what: &'a str,
    id: &'a str,
) -> impl FnOnce(ConnectorError) -> ConnectorError + 'a {
    move |e| {
        if e.kind != ErrorKind::NotFound {
            return e;
        }
        let status = e.upstream_status;
        let mut out = ConnectorError::not_found(format!("Intercom has no {what} with id {id}"));
        out.upstream_status = status;
        out.with_source(e)
    }
}
