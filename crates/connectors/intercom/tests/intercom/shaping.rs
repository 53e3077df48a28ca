//! The shaping turns the recorded payloads into the expected values: the
//! conversation timeline, summaries, contacts, companies and tickets.

use serde_json::Value;
use switchboard_intercom::model::*;
use switchboard_intercom::shape::{self, Names, Person, Role};

use crate::fixtures::{load, text};

/// Teammates from the recorded admin list, contacts from the recorded
/// search, the recorded company.
fn names() -> Names {
    let admins: AdminList = load("admins_list.json");
    let contacts: ContactList = load("contacts_list.json");
    let company: Company = load("companies_get.json");
    Names {
        admins: admins
            .admins
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    Person::from_parts(a.name.as_deref(), a.email.as_deref(), "?"),
                )
            })
            .collect(),
        contacts: contacts
            .data
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    Person::from_parts(c.name.as_deref(), c.email.as_deref(), "?"),
                )
            })
            .collect(),
        companies: [(company.id.clone(), company.name.clone().unwrap())].into(),
    }
}

#[test]
fn conversations_shape_from_recordings() {
    let names = names();
    let raw: Conversation = load("conversations_get.json");
    let summary = shape::conversation_summary(&raw, &names);
    assert_eq!(
        (summary.id.as_str(), summary.state.as_str()),
        ("215474207061545", "snoozed")
    );
    let customer = summary.customer.unwrap();
    assert_eq!(
        (customer.name.as_str(), customer.email.as_deref()),
        ("Phone & SMS", Some("phone@projectmap.com"))
    );
    assert_eq!(
        (summary.title, summary.assignee, summary.preview),
        (None, None, None)
    );

    let (entries, omitted) = shape::timeline(&raw, &names, 40);
    assert_eq!(
        (entries.len(), omitted),
        (13, 0),
        "company and tag updates dropped"
    );
    assert_eq!(entries[0].at, "2026-05-07T05:47:48Z");
    assert_eq!(
        (
            entries[0].kind.as_str(),
            entries[0].from.as_str(),
            entries[0].role
        ),
        ("closed", "Nango Developer", Role::Teammate)
    );
    let said: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == "message")
        .map(|e| e.text.as_deref().unwrap())
        .collect();
    assert_eq!(said, ["This is a test reply from Nango automation"; 4]);
    assert_eq!(entries[12].kind, "snoozed");
    let (latest, omitted) = shape::timeline(&raw, &names, 5);
    assert_eq!(
        (latest.len(), omitted, latest[0].at.as_str()),
        (5, 8, "2026-05-07T05:52:07Z")
    );

    let shaped = serde_json::to_string(&entries).unwrap();
    let raw_size = serde_json::to_string(
        &serde_json::from_str::<Value>(&text("conversations_get.json")).unwrap(),
    )
    .unwrap()
    .len();
    assert!(
        shaped.len() * 3 < raw_size,
        "shaped {} B vs raw {raw_size} B",
        shaped.len()
    );

    let note: Conversation = load("conversations_reply_admin_note_spec.json");
    let (entries, _) = shape::timeline(&note, &names, 40);
    assert_eq!(
        (entries[0].from.as_str(), entries[0].text.as_deref()),
        ("Ciaran213 Lee", Some("this is the message body"))
    );
    assert_eq!(entries[1].kind, "note");
    assert_eq!(entries[1].text.as_deref(), Some("An Unordered HTML List\n- Coffee\n- Tea\n- Milk\nAn Ordered HTML List\n- Coffee\n- Tea\n- Milk"));
    let summary = shape::conversation_summary(&note, &names);
    assert_eq!(
        summary.assignee.unwrap().name,
        "Intercom teammate 991267715"
    );
    assert_eq!(summary.state, "closed");
}

#[test]
fn conversation_lists_shape_from_recordings() {
    let names = names();
    let search: ConversationList = load("conversations_search.json");
    assert_eq!(
        (search.total_count, search.pages.starting_after()),
        (1, None)
    );
    let open = shape::conversation_summary(&search.conversations[0], &names);
    assert_eq!(open.waiting_since.as_deref(), Some("2026-05-07T05:49:59Z"));
    let list: ConversationList = load("conversations_list.json");
    assert_eq!(list.conversations.len(), 5);
    let first = shape::conversation_summary(&list.conversations[0], &names);
    assert_eq!(
        first.preview.as_deref(),
        Some("Test conversation for close action")
    );
    assert_eq!(
        first.customer.unwrap(),
        Person {
            name: "Test User".into(),
            email: Some("test-close-conv@example.com".into())
        }
    );
    assert_eq!(first.title, None, "an empty title is no title");
    let tagged: Conversation = load("conversations_reply.json");
    assert_eq!(
        shape::conversation_summary(&tagged, &names).tags,
        ["Feature Request"]
    );
}

#[test]
fn contacts_companies_and_tickets_shape_from_recordings() {
    let names = names();
    let contact = shape::contact(&load("contacts_get.json"), &names);
    assert_eq!(contact.summary.name, "Test User Dryrun");
    assert_eq!(
        contact.summary.email.as_deref(),
        Some("test-dryrun-123@example.com")
    );
    assert_eq!(
        (contact.companies.len(), contact.location, contact.owner),
        (0, None, None)
    );
    let search: ContactList = load("contacts_search.json");
    assert_eq!((search.total_count, search.data.len()), (4, 4));
    let first = shape::contact_summary(&search.data[0], &names);
    assert_eq!(
        (first.name.as_str(), first.company.as_deref()),
        ("Phone & SMS", Some("[Demo]"))
    );
    let list: ContactList = load("contacts_list.json");
    let lead = list
        .data
        .iter()
        .find(|c| c.role.as_deref() == Some("lead"))
        .unwrap();
    assert_eq!(shape::contact_summary(lead, &names).name, "Test Lead Save");

    let company = shape::company(&load("companies_get.json"), vec![]);
    assert_eq!(
        (
            company.name.as_deref(),
            company.users,
            company.plan.as_deref()
        ),
        (Some("[Demo]"), Some(1), None)
    );
    assert_eq!(serde_json::to_value(&company).unwrap()["monthly_spend"], 0);
    let spec = shape::company(&load("companies_get_spec.json"), vec![]);
    assert_eq!(spec.external_id.as_deref(), Some("1"));

    let ticket = shape::ticket_detail(&load("tickets_get_spec.json"), &names);
    let s = &ticket.summary;
    assert_eq!(
        (s.id.as_str(), s.number.as_deref(), s.title.as_deref()),
        ("631", Some("38"), Some("attribute_value"))
    );
    assert_eq!(
        (s.state.as_str(), s.open, s.ticket_type.as_deref()),
        ("Submitted", true, Some("my-ticket-type-30"))
    );
    assert_eq!(
        (
            s.assignee.clone(),
            ticket.description.clone(),
            ticket.category.as_deref()
        ),
        (None, None, Some("Back-office"))
    );
    assert!(
        ticket.history.is_empty(),
        "a submitted → submitted update is no change"
    );
    let list: TicketList = load("tickets_search_spec.json");
    assert_eq!(
        (list.total_count, list.tickets[0].ticket_id.as_deref()),
        (1, Some("40"))
    );
    let v211: Ticket = serde_json::from_value({
        let mut v: Value = serde_json::from_str(&text("tickets_get_spec.json")).unwrap();
        v["ticket_state"] = "in_progress".into();
        v
    })
    .unwrap();
    assert_eq!(
        v211.ticket_state.label(),
        "In progress",
        "2.11's plain-string state"
    );
}
