//! Code and issues (GitHub) for the demo company: the `northwind`
//! organization, its repositories, the engineering issues that support
//! escalations became, and the pull requests that fix them.
//!
//! People are Northwind staff (GitHub logins mapped to their work emails),
//! two bots, the gateway's own service account, and one customer engineer
//! (Hooli Cloud's Chris Tanaka) who files issues on the public Terraform
//! provider. Issues about a customer carry a `customer:<slug>` label
//! ([`customer_label`]). The story (see `code/issues.rs`, `code/pulls.rs`):
//! Acme Robotics has three open issues and its fix PR has changes requested
//! and a failing soak test; Globex Logistics and Lion City Bank have two
//! open issues each, Globex's fix approved and green, Lion City's waiting
//! for review with checks still running; Oceanic Insurance has three open
//! issues and a draft PR with a failing test; Stark Aerospace's draft fails
//! its end-to-end checks. Every time is fixed relative to
//! [`super::REFERENCE_DATE`]; ids derive from positions, never randomness.

mod accounts;
mod build;
mod build_pull;
mod issues;
mod pulls;
#[cfg(test)]
mod tests;
mod types;

use std::sync::LazyLock;

pub use types::*;

use super::{northwind, DemoCompany};

/// The GitHub organization that owns every demo repository.
pub const ORG: &str = "northwind";

static HOST: LazyLock<CodeHost> = LazyLock::new(|| CodeHost::build(northwind()));

/// The Northwind GitHub organization, built once per process.
pub fn code_host() -> &'static CodeHost {
    &HOST
}

/// A 40-hex commit SHA derived from `seed`: stable across runs, so fakes
/// can mint the SHAs of commits the dataset does not list.
pub fn commit_sha(seed: &str) -> String {
    build::sha(seed)
}

/// The label that marks an issue as being about the customer with this
/// domain: `customer:acme-robotics` for `acme-robotics.example`.
pub fn customer_label(domain: &str) -> String {
    let slug = domain.rsplit_once('.').map_or(domain, |(name, _)| name);
    format!("customer:{slug}")
}

impl CodeHost {
    /// Built for `company`'s staff and customers (rows naming others are
    /// skipped).
    pub fn build(company: &DemoCompany) -> CodeHost {
        build::host(company)
    }

    /// Any account by login (case-insensitive), the service account and
    /// the organization included.
    pub fn user(&self, login: &str) -> Option<&GitUser> {
        self.users
            .iter()
            .chain([&self.service_account, &self.org])
            .find(|u| u.login.eq_ignore_ascii_case(login))
    }

    /// The account whose public email is `email`.
    pub fn user_by_email(&self, email: &str) -> Option<&GitUser> {
        self.users.iter().find(|u| {
            u.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
        })
    }

    pub fn repo(&self, name: &str) -> Option<&Repo> {
        self.repos
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))
    }

    pub fn issue(&self, repo: &str, number: u64) -> Option<&Issue> {
        self.issues
            .iter()
            .find(|i| i.repo == repo && i.number == number)
    }

    pub fn pull(&self, repo: &str, number: u64) -> Option<&PullRequest> {
        self.pulls
            .iter()
            .find(|p| p.repo == repo && p.number == number)
    }

    /// Open issues (not pull requests) about the customer with `domain`.
    pub fn open_issues(&self, domain: &str) -> impl Iterator<Item = &Issue> {
        let domain = domain.to_owned();
        self.issues
            .iter()
            .filter(move |i| i.state.is_open() && i.customer.as_deref() == Some(&domain))
    }
}
