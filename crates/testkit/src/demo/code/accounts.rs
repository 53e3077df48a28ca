//! Who is on Northwind's GitHub and which repositories it has. Staff
//! accounts are keyed by the local part of their Northwind email, the
//! customer contributor by their email at the customer.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{GitUser, UserKind, ORG};
use crate::demo::DemoCompany;

/// (key, login, account id, account created (y, m, d))
pub(super) type Account = (&'static str, &'static str, u64, (i32, u32, u32));

/// Staff accounts, keyed by the local part of their email.
pub(super) const STAFF_ACCOUNTS: &[Account] = &[
    ("engineering", "erik-lindqvist", 52_110_318, (2016, 5, 11)),
    ("admin", "alex-morgan", 48_377_902, (2015, 9, 2)),
    ("support", "sofia-reyes", 91_204_557, (2021, 8, 19)),
    ("sales", "sam-carter", 133_901_246, (2023, 2, 7)),
];

/// Customer engineers, keyed by their email at the customer.
pub(super) const CUSTOMER_ACCOUNTS: &[Account] = &[(
    "chris.tanaka@hooli-cloud.example",
    "ctanaka-hooli",
    97_554_120,
    (2020, 1, 14),
)];

/// (login, account id): GitHub's own bots, with their real ids.
pub(super) const BOTS: &[(&str, u64)] = &[
    ("dependabot[bot]", 49_699_333),
    ("github-actions[bot]", 41_898_282),
];

pub(super) const ORG_ID: u64 = 118_400_001;
pub(super) const SERVICE_LOGIN: &str = "northwind-switchboard";
pub(super) const SERVICE_ID: u64 = 160_220_417;

pub(super) struct RepoRow {
    pub name: &'static str,
    pub description: &'static str,
    pub language: &'static str,
    pub private: bool,
    pub topics: &'static [&'static str],
    pub created: (i32, u32, u32),
}

#[rustfmt::skip]
pub(super) const REPOS: &[RepoRow] = &[
    RepoRow { name: "platform", description: "Northwind analytics platform: ingestion, public API and workflow engine.", language: "Rust", private: true, topics: &["api", "ingestion", "rust"], created: (2019, 4, 2) },
    RepoRow { name: "web", description: "Customer dashboards and the admin console.", language: "TypeScript", private: true, topics: &["dashboards", "react"], created: (2019, 6, 17) },
    RepoRow { name: "billing-service", description: "Invoicing, dunning and payment collection.", language: "Go", private: true, topics: &["billing", "payments"], created: (2020, 2, 10) },
    RepoRow { name: "edge-agent", description: "On-site agent that ships device telemetry to the platform.", language: "Rust", private: true, topics: &["iot", "telemetry"], created: (2021, 3, 22) },
    RepoRow { name: "terraform-provider-northwind", description: "Terraform provider for Northwind workspaces.", language: "Go", private: false, topics: &["terraform", "terraform-provider"], created: (2022, 9, 5) },
];

/// (name, color, description) of the labels every repository has.
pub(super) const STANDARD_LABELS: &[(&str, &str, &str)] = &[
    ("bug", "d73a4a", "Something isn't working"),
    ("enhancement", "a2eeef", "New feature or request"),
    (
        "documentation",
        "0075ca",
        "Improvements or additions to documentation",
    ),
    (
        "dependencies",
        "0366d6",
        "Pull requests that update a dependency file",
    ),
    (
        "escalation",
        "b60205",
        "Raised by support on behalf of a customer",
    ),
    ("compliance", "5319e7", "Regulatory or audit requirement"),
    ("priority:high", "e11d21", "Fix before anything else"),
];

/// Colour of every `customer:<slug>` label.
pub(super) const CUSTOMER_LABEL_COLOR: &str = "c5def5";

pub(super) fn date((y, m, d): (i32, u32, u32)) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .expect("valid demo date")
        .and_time(NaiveTime::from_hms_opt(9, 30, 0).expect("valid time"))
}

/// The organization, everyone with an account (staff who have a GitHub
/// seat, customer engineers, bots), and the gateway's service account.
pub(super) fn accounts(company: &DemoCompany) -> (GitUser, Vec<GitUser>, GitUser) {
    let created = date((2019, 3, 4));
    let org = GitUser {
        login: ORG.into(),
        id: ORG_ID,
        kind: UserKind::Organization,
        name: Some(company.name.clone()),
        email: None,
        company: None,
        created,
    };
    let mut users = Vec::new();
    for &(local, login, id, since) in STAFF_ACCOUNTS {
        if let Some(e) = company.employee(&format!("{local}@{}", company.domain)) {
            users.push(GitUser {
                login: login.into(),
                id,
                kind: UserKind::User,
                name: Some(format!("{} {}", e.first_name, e.last_name)),
                email: Some(e.email.clone()),
                company: Some(format!("@{ORG}")),
                created: date(since),
            });
        }
    }
    for &(email, login, id, since) in CUSTOMER_ACCOUNTS {
        if let Some((customer, person)) = company.contacts().find(|(_, p)| p.email == email) {
            users.push(GitUser {
                login: login.into(),
                id,
                kind: UserKind::User,
                name: Some(person.full_name()),
                email: Some(person.email.clone()),
                company: Some(customer.name.clone()),
                created: date(since),
            });
        }
    }
    for &(login, id) in BOTS {
        users.push(GitUser {
            login: login.into(),
            id,
            kind: UserKind::Bot,
            name: None,
            email: None,
            company: None,
            created,
        });
    }
    let service_account = GitUser {
        login: SERVICE_LOGIN.into(),
        id: SERVICE_ID,
        kind: UserKind::User,
        name: Some(format!("Switchboard ({})", company.name)),
        email: None,
        company: Some(format!("@{ORG}")),
        created: date((2026, 6, 1)),
    };
    (org, users, service_account)
}
