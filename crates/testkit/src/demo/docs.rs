//! Team documents (Notion) for the demo company: an account plan per
//! enterprise customer, the renewal tracker database (one row per
//! customer), the engineering runbooks and the meeting notes with their
//! comment threads.
//!
//! The story matches the other systems: the tracker marks Acme Robotics,
//! Globex Logistics, Lion City Bank (open support tickets) and Helios
//! Pharma (overdue invoices, no recent call) as "At risk" with their
//! renewals due this quarter; Stark Aerospace and Sakura Telecom are "In
//! negotiation"; Oceanic Insurance has "Churned" and Tyrell Biotech has
//! "Renewed". Ids are derived from stable keys (customer domains, staff
//! emails, page titles), times are fixed relative to [`REFERENCE_DATE`].

mod blocks;
mod ids;
mod meetings;
mod plans;
mod props;
mod runbook;
#[cfg(test)]
mod tests;
mod tracker;

use std::sync::LazyLock;

use chrono::NaiveDateTime;

pub use blocks::{Block, BlockKind};
pub use ids::notion_id;
use ids::{at, user_id};
pub use meetings::{ACME_QBR, ENGINEERING_SYNC, LION_CITY_ESCALATION, PIPELINE_REVIEW};
pub use props::{PropKind, PropSchema, PropValue};
pub use runbook::{CREDENTIALS_RUNBOOK, INCIDENT_RUNBOOK};
pub use tracker::TRACKER_TITLE;

use super::{northwind, DemoCompany};

/// The Notion workspace name, also the integration's `workspace_name`.
pub const WORKSPACE_NAME: &str = "Northwind";
/// The name of the integration the gateway uses (the bot user).
pub const INTEGRATION_NAME: &str = "Switchboard";

/// Everything the fake Notion serves.
#[derive(Debug, Clone)]
pub struct NotionWorkspace {
    pub workspace_id: String,
    /// The integration's bot user (`/v1/users/me`).
    pub bot: NotionUser,
    /// People: every Northwind employee, keyed by email.
    pub users: Vec<NotionUser>,
    /// Every page shared with the integration, database rows included.
    pub pages: Vec<DocPage>,
    pub databases: Vec<DocDatabase>,
    /// Oldest first.
    pub comments: Vec<DocComment>,
}

/// A Notion user: a Northwind employee, or the integration's bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotionUser {
    pub id: String,
    pub name: String,
    /// `None` for the bot.
    pub email: Option<String>,
}

/// Where a page lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocParent {
    Workspace,
    Page(String),
    /// A row of a database (2025-09-03: a page in a data source).
    DataSource {
        data_source_id: String,
        database_id: String,
    },
}

/// A page: its title, where it lives, who wrote it, and its content.
#[derive(Debug, Clone, PartialEq)]
pub struct DocPage {
    pub id: String,
    pub title: String,
    pub icon: Option<String>,
    pub parent: DocParent,
    pub created: NaiveDateTime,
    pub edited: NaiveDateTime,
    /// User ids.
    pub created_by: String,
    pub edited_by: String,
    /// Database rows only: every non-title property, by name.
    pub properties: Vec<(String, PropValue)>,
    pub blocks: Vec<Block>,
    /// The customer a page is about (account plans, tracker rows).
    pub customer_domain: Option<String>,
}

/// A database with its one data source.
#[derive(Debug, Clone, PartialEq)]
pub struct DocDatabase {
    pub database_id: String,
    pub data_source_id: String,
    pub title: String,
    pub parent_page: String,
    pub created: NaiveDateTime,
    pub edited: NaiveDateTime,
    pub created_by: String,
    /// The title property first, then the others in display order.
    pub schema: Vec<PropSchema>,
}

/// Where a comment sits: a page's discussion or a block's inline one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentParent {
    Page(String),
    Block { block_id: String, page_id: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocComment {
    pub id: String,
    pub discussion_id: String,
    pub parent: CommentParent,
    /// A user id.
    pub author: String,
    pub created: NaiveDateTime,
    /// Plain text; `**bold**` marks bold runs.
    pub text: String,
}

static WORKSPACE: LazyLock<NotionWorkspace> = LazyLock::new(|| workspace_for(northwind()));

/// The demo company's Notion workspace, built once per process.
pub fn workspace() -> &'static NotionWorkspace {
    &WORKSPACE
}

impl NotionWorkspace {
    pub fn page(&self, id: &str) -> Option<&DocPage> {
        self.pages.iter().find(|p| p.id == id)
    }

    pub fn page_titled(&self, title: &str) -> Option<&DocPage> {
        self.pages.iter().find(|p| p.title == title)
    }

    /// "Account plan — <Customer>" for the customer with this domain.
    pub fn account_plan(&self, domain: &str) -> Option<&DocPage> {
        self.pages.iter().find(|p| {
            p.customer_domain.as_deref() == Some(domain) && matches!(p.parent, DocParent::Page(_))
        })
    }

    /// The renewal tracker.
    pub fn tracker(&self) -> &DocDatabase {
        self.databases
            .iter()
            .find(|d| d.title == TRACKER_TITLE)
            .expect("the renewal tracker exists")
    }

    /// The rows of a database, in creation order.
    pub fn rows<'a>(&'a self, db: &'a DocDatabase) -> impl Iterator<Item = &'a DocPage> + 'a {
        self.pages.iter().filter(move |p| {
            matches!(&p.parent, DocParent::DataSource { data_source_id, .. } if *data_source_id == db.data_source_id)
        })
    }

    /// The renewal tracker's row for the customer with this domain.
    pub fn renewal_row(&self, domain: &str) -> Option<&DocPage> {
        self.rows(self.tracker())
            .find(|p| p.customer_domain.as_deref() == Some(domain))
    }

    pub fn user(&self, id: &str) -> Option<&NotionUser> {
        std::iter::once(&self.bot)
            .chain(&self.users)
            .find(|u| u.id == id)
    }

    pub fn user_by_email(&self, email: &str) -> Option<&NotionUser> {
        self.users.iter().find(|u| {
            u.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
        })
    }

    /// Comments on a page or a block, oldest first.
    pub fn comments_on<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a DocComment> + 'a {
        self.comments.iter().filter(move |c| match &c.parent {
            CommentParent::Page(p) => p == id,
            CommentParent::Block { block_id, .. } => block_id == id,
        })
    }
}

/// The workspace of any demo company (fakes take the company they serve;
/// for Northwind prefer the cached [`workspace`]).
pub fn workspace_for(company: &DemoCompany) -> NotionWorkspace {
    let users: Vec<NotionUser> = company
        .staff
        .iter()
        .map(|e| NotionUser {
            id: notion_id(&format!("user:{}", e.email)),
            name: format!("{} {}", e.first_name, e.last_name),
            email: Some(e.email.clone()),
        })
        .collect();
    let bot = NotionUser {
        id: notion_id("bot:switchboard"),
        name: INTEGRATION_NAME.into(),
        email: None,
    };
    let mut pages = Vec::new();
    let mut databases = Vec::new();
    let mut comments = Vec::new();
    let customers_hub = plans::customers_hub(company, &mut pages, &mut databases);
    pages.insert(0, customers_hub);
    runbook::engineering(&mut pages);
    meetings::meetings(company, &mut pages, &mut comments);
    NotionWorkspace {
        workspace_id: notion_id("workspace:northwind"),
        bot,
        users,
        pages,
        databases,
        comments,
    }
}
