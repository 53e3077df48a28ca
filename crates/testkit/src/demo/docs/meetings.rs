//! The "Meeting notes" hub: a customer QBR, the weekly pipeline review, a
//! support escalation and an engineering sync, with comment threads (page
//! discussions and one inline discussion on a block).

use chrono::NaiveDateTime;

use super::blocks::{assign_ids, child_page, h2, li, num, p, table, todo, Block, BlockKind};
use super::{at, notion_id, tracker, user_id, CommentParent, DocComment, DocPage, DocParent};
use crate::demo::{DemoCompany, Tier};

pub const ACME_QBR: &str = "Meeting notes — 2026-11-18 Acme Robotics QBR";
pub const PIPELINE_REVIEW: &str = "Meeting notes — 2026-11-20 Weekly pipeline review";
pub const LION_CITY_ESCALATION: &str = "Meeting notes — 2026-11-23 Lion City Bank escalation";
pub const ENGINEERING_SYNC: &str = "Meeting notes — 2026-11-24 Engineering sync";

/// (discussion number, author email, when, text); discussion 0 is the
/// inline one on the page's `INLINE` block when the page has one.
type Said = (usize, &'static str, NaiveDateTime, &'static str);

/// (title, author email, days before the reference date, content, start
/// of the block holding the inline discussion, comments)
type Meeting = (
    &'static str,
    &'static str,
    u64,
    Vec<Block>,
    Option<&'static str>,
    Vec<Said>,
);

fn acme_qbr() -> Vec<Block> {
    vec![
        p("**Attendees:** Sam Carter, Erik Lindqvist (Northwind); Dana Whitfield, Lena Okafor (Acme Robotics)."),
        h2("Agenda"),
        num("Fleet telemetry sync tickets"),
        num("2027 renewal order form"),
        num("Warehouse Analytics add-on"),
        h2("Notes"),
        li("Dana confirmed the renewal budget is approved, pending the sync fix."),
        li("Lena will release the October invoice once the fix ships."),
        h2("Decisions"),
        p("Engineering commits to a fix date by 2026-11-27."),
        h2("Action items"),
        todo("Erik: confirm the fleet-sync fix date", false),
        todo("Sam: resend the order form with the add-on option", true),
    ]
}

fn pipeline_review(company: &DemoCompany) -> Vec<Block> {
    let (start, end) = company.current_quarter();
    let mut rows = vec![vec![
        "Customer".to_owned(),
        "Renewal date".to_owned(),
        "Status".to_owned(),
    ]];
    let mut due: Vec<_> = company
        .customers
        .iter()
        .filter(|c| c.tier == Tier::Enterprise && (start..=end).contains(&c.renewal_date))
        .collect();
    due.sort_by_key(|c| c.renewal_date);
    rows.extend(due.iter().map(|c| {
        vec![
            c.name.clone(),
            c.renewal_date.to_string(),
            tracker::status(c).to_owned(),
        ]
    }));
    vec![
        p("**Attendees:** the sales team and Fiona Grant (Finance)."),
        h2("Enterprise renewals this quarter"),
        table(rows),
        h2("Notes"),
        li("Oceanic Insurance is lost to an in-house build; churn review next week."),
        li("Helios Pharma has had no call in 90 days; Priya to book one."),
        li("Acme Robotics, Globex Logistics and Lion City Bank each have two or more unresolved tickets."),
        todo("Priya: book a call with Helios Pharma", false),
    ]
}

fn lion_city() -> Vec<Block> {
    vec![
        p("**Attendees:** Sofia Reyes, Kenji Watanabe, Erik Lindqvist (Northwind); Arjun Menon (Lion City Bank)."),
        h2("Open tickets"),
        li("SSO outage on 2026-11-19 (unresolved)"),
        li("SSO session timeouts (unresolved)"),
        li("Audit export missing fields (unresolved)"),
        h2("Agreed"),
        num("Root-cause report by 2026-11-27"),
        num("Weekly check-in until the renewal closes"),
    ]
}

fn engineering_sync() -> Vec<Block> {
    vec![
        li("Fleet-sync fix for Acme Robotics is in review."),
        li("SSO root cause for Lion City Bank: an expired IdP certificate."),
        li("The Notion connector ships this week."),
    ]
}

/// Pushes the hub, the meetings and their comments.
pub(super) fn meetings(
    company: &DemoCompany,
    pages: &mut Vec<DocPage>,
    comments: &mut Vec<DocComment>,
) {
    let hub_id = notion_id("page:meeting-notes");
    #[rustfmt::skip]
    let meetings: Vec<Meeting> = vec![
        (ACME_QBR, "sales@northwind.example", 7, acme_qbr(), Some("Lena will release"), vec![
            (1, "sales@northwind.example", at(7, 17, 5), "Dana wants the fleet-sync fix date before she signs. Erik, can we commit to December 5?"),
            (1, "engineering@northwind.example", at(6, 9, 40), "The fix is in review; **December 5** is realistic."),
            (2, "finance@northwind.example", at(6, 11, 0), "Reminder: Acme's October invoice is overdue. Please raise it with Lena Okafor."),
            (0, "finance@northwind.example", at(6, 11, 5), "Finance will send the statement of account today."),
        ]),
        (PIPELINE_REVIEW, "maria.lopez@northwind.example", 5, pipeline_review(company), None, vec![
            (1, "maria.lopez@northwind.example", at(5, 15, 30), "Oceanic is lost; I moved it to Churned in the tracker."),
            (2, "priya.nair@northwind.example", at(4, 10, 10), "Booked a call with Helios Pharma for December 2."),
        ]),
        (LION_CITY_ESCALATION, "support@northwind.example", 2, lion_city(), None, vec![
            (1, "support@northwind.example", at(2, 13, 0), "Arjun asked for the root-cause report before their security review."),
            (1, "kenji.watanabe@northwind.example", at(2, 14, 20), "Signature depends on this; the tracker stays at At risk."),
        ]),
        (ENGINEERING_SYNC, "engineering@northwind.example", 1, engineering_sync(), None, vec![]),
    ];
    let mut hub_blocks = vec![p("Notes from customer and internal meetings, newest last.")];
    let mut children = Vec::new();
    for (title, author, days, mut blocks, inline, said) in meetings {
        let id = notion_id(&format!("page:{title}"));
        assign_ids(&id, &mut blocks);
        hub_blocks.push(child_page(&id, title));
        let inline_block = inline.and_then(|start| {
            blocks
                .iter()
                .flat_map(Block::walk)
                .find_map(|b| match &b.kind {
                    BlockKind::Bulleted(t) if t.starts_with(start) => Some(b.id.clone()),
                    _ => None,
                })
        });
        for (n, (discussion, who, when, text)) in said.into_iter().enumerate() {
            let parent = match (&inline_block, discussion) {
                (Some(block_id), 0) => CommentParent::Block {
                    block_id: block_id.clone(),
                    page_id: id.clone(),
                },
                _ => CommentParent::Page(id.clone()),
            };
            comments.push(DocComment {
                id: notion_id(&format!("comment:{id}:{n}")),
                discussion_id: notion_id(&format!("discussion:{id}:{discussion}")),
                parent,
                author: user_id(who),
                created: when,
                text: text.into(),
            });
        }
        let author = user_id(author);
        children.push(DocPage {
            id,
            title: title.into(),
            icon: Some("📝".into()),
            parent: DocParent::Page(hub_id.clone()),
            created: at(days, 16, 30),
            edited: at(days.saturating_sub(1), 9, 10),
            created_by: author.clone(),
            edited_by: author,
            properties: Vec::new(),
            blocks,
            customer_domain: None,
        });
    }
    comments.sort_by_key(|c| c.created);
    assign_ids(&hub_id, &mut hub_blocks);
    pages.push(DocPage {
        id: hub_id,
        title: "Meeting notes".into(),
        icon: Some("🗓️".into()),
        parent: DocParent::Workspace,
        created: at(236, 9, 0),
        edited: at(1, 9, 15),
        created_by: user_id("admin@northwind.example"),
        edited_by: user_id("engineering@northwind.example"),
        properties: Vec::new(),
        blocks: hub_blocks,
        customer_domain: None,
    });
    pages.extend(children);
}
