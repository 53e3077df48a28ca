//! Support desk data (Intercom) for the demo customers: the Northwind
//! teammates who answer, one company per customer, one contact per
//! customer contact, and the conversations and tickets between them.
//!
//! Vendor ids are derived from positions so fakes and tests can compute
//! them; every time is fixed relative to [`super::REFERENCE_DATE`]. The story the
//! data tells (see `support/script.rs`): Acme Robotics, Globex Logistics
//! and Lion City Bank, enterprise customers with a renewal open this
//! quarter, each have two or more unresolved tickets; Oceanic Insurance
//! (renewal lost) and Umbrella Health and Hooli Cloud (no renewal this
//! quarter) do too; Sakura Telecom's are all resolved.

mod build;
mod script;
mod states;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDateTime;

pub use states::{ConversationState, PartKind, TicketState};

use super::{northwind, DemoCompany, Tier};

/// The Intercom workspace (app) id.
pub const APP_ID: &str = "nw4k7x2p";

/// Everything the fake Intercom serves.
#[derive(Debug, Clone)]
pub struct SupportDesk {
    /// Teammates (Northwind staff) and the Fin bot.
    pub admins: Vec<Admin>,
    pub companies: Vec<SupportCompany>,
    pub contacts: Vec<SupportContact>,
    /// Newest first.
    pub conversations: Vec<Conversation>,
    /// Newest first.
    pub tickets: Vec<Ticket>,
}

/// An Intercom teammate: a Northwind employee, or the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin {
    /// Numeric string.
    pub id: String,
    pub email: String,
    pub name: String,
    pub bot: bool,
}

/// A customer as an Intercom company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportCompany {
    /// Intercom's 24-hex id.
    pub id: String,
    /// Northwind's own id for the company: the customer's domain.
    pub company_id: String,
    pub name: String,
    pub domain: String,
    pub tier: Tier,
    /// "Enterprise", "Mid-Market" or "SMB".
    pub plan: String,
    /// Whole US dollars (ARR / 12).
    pub monthly_spend: u64,
    pub industry: String,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub session_count: u64,
}

/// A customer contact as an Intercom user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportContact {
    /// Intercom's 24-hex id.
    pub id: String,
    /// Northwind's product user id.
    pub external_id: String,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub job_title: String,
    pub city: String,
    pub country: String,
    pub company_domain: String,
    /// The customer's CRM owner, when they are an Intercom teammate.
    pub owner_email: Option<String>,
    pub created: NaiveDateTime,
    pub last_seen: NaiveDateTime,
}

/// Who wrote a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// A customer contact, by email.
    Contact(String),
    /// A teammate, by email.
    Admin(String),
}

/// One part of a conversation after its opening message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    pub author: Author,
    /// Plain text; `None` for state changes.
    pub body: Option<String>,
    pub at: NaiveDateTime,
}

/// A customer conversation; the customer opened it with `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversation {
    /// Numeric string.
    pub id: String,
    /// The opening message's id.
    pub source_id: String,
    pub company_domain: String,
    pub contact_email: String,
    pub title: String,
    pub message: String,
    pub state: ConversationState,
    pub priority: bool,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub snoozed_until: Option<NaiveDateTime>,
    pub assignee_email: Option<String>,
    pub tags: Vec<String>,
    pub parts: Vec<Part>,
}

/// A state change on a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketPart {
    pub id: String,
    pub from: TicketState,
    pub to: TicketState,
    pub at: NaiveDateTime,
    pub author_email: String,
}

/// A customer ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// Intercom's internal id (numeric string).
    pub id: String,
    /// The number people quote ("#142").
    pub number: String,
    pub company_domain: String,
    pub contact_email: String,
    /// "Bug report", "Technical question" or "Access request".
    pub ticket_type: String,
    pub title: String,
    pub description: String,
    pub state: TicketState,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
    pub assignee_email: Option<String>,
    pub parts: Vec<TicketPart>,
}

static DESK: LazyLock<SupportDesk> = LazyLock::new(|| SupportDesk::build(northwind()));

/// The Northwind support desk, built once per process.
pub fn support_desk() -> &'static SupportDesk {
    &DESK
}

impl SupportDesk {
    /// The desk for `company`'s customers (rows naming other domains are
    /// skipped).
    pub fn build(company: &DemoCompany) -> SupportDesk {
        build::desk(company)
    }

    pub fn admin_by_email(&self, email: &str) -> Option<&Admin> {
        self.admins
            .iter()
            .find(|a| a.email.eq_ignore_ascii_case(email))
    }

    pub fn company(&self, domain: &str) -> Option<&SupportCompany> {
        self.companies
            .iter()
            .find(|c| c.domain.eq_ignore_ascii_case(domain))
    }

    pub fn contact(&self, email: &str) -> Option<&SupportContact> {
        self.contacts
            .iter()
            .find(|c| c.email.eq_ignore_ascii_case(email))
    }

    /// The customer's unresolved tickets.
    pub fn open_tickets(&self, domain: &str) -> impl Iterator<Item = &Ticket> {
        let domain = domain.to_owned();
        self.tickets
            .iter()
            .filter(move |t| t.company_domain == domain && t.state.is_open())
    }
}
