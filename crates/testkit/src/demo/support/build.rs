//! Builds the desk from the demo company and the script: ids from
//! positions, times from the reference date, never the clock.

use chrono::{Days, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::script::{ConversationRow, TicketRow, Who, CONVERSATIONS, TICKETS};
use super::*;
use crate::demo::{Customer, Tier, REFERENCE_DATE};

/// Staff who are Intercom teammates (by email local part), after the bot.
const TEAMMATES: &[&str] = &["support", "admin", "sales", "engineering"];

/// A 24-hex object id, like Intercom's contact and company ids.
fn hex_id(kind: u8, i: usize) -> String {
    format!("6a{kind:02x}5c73{:016x}", 0x1bb6_9f9f_2193_u64 + i as u64)
}

pub(super) fn company_id_at(i: usize) -> String {
    hex_id(0x11, i)
}

pub(super) fn contact_id_at(i: usize) -> String {
    hex_id(0x22, i)
}

fn at(day: NaiveDate, hour: u32, minute: u64) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN) + Duration::hours(hour.into()) + Duration::minutes(minute as i64)
}

fn days_ago(n: u64) -> NaiveDate {
    REFERENCE_DATE - Days::new(n)
}

pub(super) fn desk(company: &DemoCompany) -> SupportDesk {
    let mut admins = vec![Admin {
        id: "7310400".into(),
        email: format!("operator+{APP_ID}@intercom.io"),
        name: "Fin".into(),
        bot: true,
    }];
    for (i, local) in TEAMMATES.iter().enumerate() {
        let email = format!("{local}@{}", company.domain);
        if let Some(e) = company.employee(&email) {
            admins.push(Admin {
                id: (7_310_401 + i).to_string(),
                email,
                name: format!("{} {}", e.first_name, e.last_name),
                bot: false,
            });
        }
    }
    let is_admin = |email: &str| admins.iter().any(|a| a.email == email);
    let mut companies = Vec::new();
    let mut contacts = Vec::new();
    for (i, c) in company.customers.iter().enumerate() {
        companies.push(support_company(c, i));
        for (j, p) in c.contacts.iter().enumerate() {
            let seq = contacts.len();
            let created = (c.customer_since + Days::new(3 * (j as u64 + 1))).min(REFERENCE_DATE);
            let seen = days_ago((seq as u64 * 5) % 20).max(created);
            contacts.push(SupportContact {
                id: contact_id_at(seq),
                external_id: format!("nw-user-{}", 1000 + seq),
                email: p.email.clone(),
                name: p.full_name(),
                phone: p.phone.clone(),
                job_title: p.job_title.clone(),
                city: c.city.clone(),
                country: c.country.clone(),
                company_domain: c.domain.clone(),
                owner_email: is_admin(&c.owner_email).then(|| c.owner_email.clone()),
                created: at(created, 10, seq as u64 % 60),
                last_seen: at(seen, 14, (seq as u64 * 7) % 60),
            });
        }
    }
    let teammate = |local: &str| format!("{local}@{}", company.domain);
    let mut conversations: Vec<Conversation> = CONVERSATIONS
        .iter()
        .enumerate()
        .filter_map(|(i, row)| conversation(company, i, row, &teammate))
        .collect();
    let mut tickets: Vec<Ticket> = TICKETS
        .iter()
        .enumerate()
        .filter_map(|(i, row)| ticket(company, i, row, &teammate))
        .collect();
    conversations.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
    tickets.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
    SupportDesk {
        admins,
        companies,
        contacts,
        conversations,
        tickets,
    }
}

fn support_company(c: &Customer, i: usize) -> SupportCompany {
    let plan = match c.tier {
        Tier::Enterprise => "Enterprise",
        Tier::MidMarket => "Mid-Market",
        Tier::Smb => "SMB",
    };
    let created = at(c.customer_since, 8, i as u64 * 3);
    SupportCompany {
        id: company_id_at(i),
        company_id: c.domain.clone(),
        name: c.name.clone(),
        domain: c.domain.clone(),
        tier: c.tier,
        plan: plan.into(),
        monthly_spend: c.arr / 12,
        industry: c.industry.code().into(),
        created,
        updated: at(days_ago(1 + i as u64 % 9), 7, i as u64).max(created),
        session_count: 40 + c.arr / 2_000,
    }
}

/// The customer and contact email a row names, if the company has them.
fn who<'a>(
    company: &'a DemoCompany,
    domain: &str,
    contact: usize,
) -> Option<(&'a Customer, String)> {
    let customer = company.customer(domain)?;
    Some((customer, customer.contacts.get(contact)?.email.clone()))
}

fn conversation(
    company: &DemoCompany,
    i: usize,
    row: &ConversationRow,
    teammate: &dyn Fn(&str) -> String,
) -> Option<Conversation> {
    let (customer, contact_email) = who(company, row.domain, row.contact)?;
    let created = at(days_ago(row.created_days_ago), 9, (i as u64 * 7) % 50);
    let assignee = (!row.assignee.is_empty()).then(|| teammate(row.assignee));
    let responder = assignee.clone().unwrap_or_else(|| teammate("support"));
    let mut parts = Vec::new();
    let mut time = created;
    let part_id = |j: usize| (44_950_000_000_u64 + i as u64 * 1_000 + j as u64).to_string();
    for (j, (w, text)) in row.messages.iter().enumerate().skip(1) {
        time += Duration::minutes(197);
        let (kind, author) = match w {
            Who::C => (PartKind::Comment, Author::Contact(contact_email.clone())),
            Who::A => (PartKind::Comment, Author::Admin(responder.clone())),
            Who::N => (PartKind::Note, Author::Admin(responder.clone())),
        };
        parts.push(Part {
            id: part_id(j),
            kind,
            author,
            body: Some((*text).into()),
            at: time,
        });
    }
    let closing = match row.state {
        ConversationState::Open => None,
        ConversationState::Closed => Some(PartKind::Close),
        ConversationState::Snoozed => Some(PartKind::Snoozed),
    };
    if let Some(kind) = closing {
        time += Duration::minutes(45);
        let id = part_id(row.messages.len());
        parts.push(Part {
            id,
            kind,
            author: Author::Admin(responder),
            body: None,
            at: time,
        });
    }
    let snoozed_until =
        (row.state == ConversationState::Snoozed).then(|| at(REFERENCE_DATE + Days::new(2), 9, 0));
    Some(Conversation {
        id: (215_474_300_000_000_u64 + (i as u64 + 1) * 10_007).to_string(),
        source_id: (3_653_700_000_u64 + i as u64 * 37).to_string(),
        company_domain: customer.domain.clone(),
        contact_email,
        title: row.title.into(),
        message: row.messages[0].1.into(),
        state: row.state,
        priority: row.priority,
        created,
        updated: time,
        snoozed_until,
        assignee_email: assignee,
        tags: row.tags.iter().map(|t| (*t).to_owned()).collect(),
        parts,
    })
}

fn ticket(
    company: &DemoCompany,
    i: usize,
    row: &TicketRow,
    teammate: &dyn Fn(&str) -> String,
) -> Option<Ticket> {
    let (customer, contact_email) = who(company, row.domain, row.contact)?;
    let created = at(days_ago(row.created_days_ago), 10, (i as u64 * 11) % 50);
    let updated = at(days_ago(row.updated_days_ago), 15, (i as u64 * 13) % 50).max(created);
    let assignee = (!row.assignee.is_empty()).then(|| teammate(row.assignee));
    let author = assignee.clone().unwrap_or_else(|| teammate("support"));
    let midway = created + (updated - created) / 2;
    let steps = match row.state {
        TicketState::Submitted => vec![],
        TicketState::InProgress => vec![(TicketState::Submitted, TicketState::InProgress, updated)],
        to => vec![
            (TicketState::Submitted, TicketState::InProgress, midway),
            (TicketState::InProgress, to, updated),
        ],
    };
    let parts = steps
        .iter()
        .enumerate()
        .map(|(j, &(from, to, at))| TicketPart {
            id: (19_000 + i * 10 + j).to_string(),
            from,
            to,
            at,
            author_email: author.clone(),
        })
        .collect();
    Some(Ticket {
        id: (4_700 + (i + 1) * 13).to_string(),
        number: (120 + i).to_string(),
        company_domain: customer.domain.clone(),
        contact_email,
        ticket_type: row.kind.into(),
        title: row.title.into(),
        description: row.description.into(),
        state: row.state,
        created,
        updated,
        assignee_email: assignee,
        parts,
    })
}
