//! Builds the code host from the demo company and the rows: accounts from
//! staff and customer contacts, ids from positions, commit SHAs from
//! stable seeds, times from the reference date, never the clock.

use chrono::{Days, Duration, NaiveDateTime, NaiveTime};

use super::accounts::*;
use super::build_pull::pull;
use super::issues::ISSUES;
use super::pulls::PULLS;
use super::*;
use crate::demo::REFERENCE_DATE;

/// `days` before the reference date, at `minutes` past 08:00.
pub(super) fn at(days: u64, minutes: u64) -> NaiveDateTime {
    (REFERENCE_DATE - Days::new(days)).and_time(NaiveTime::MIN)
        + Duration::minutes(8 * 60 + minutes as i64)
}

/// A 40-hex commit SHA derived from `seed` (FNV-1a, three rounds).
pub(super) fn sha(seed: &str) -> String {
    let mut out = String::with_capacity(40);
    for round in 0u64..3 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ round.wrapping_mul(0x9e37_79b9);
        for b in seed.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out.truncate(40);
    out
}

pub(super) struct Ids {
    pub comment: u64,
    pub review: u64,
    pub check: u64,
}

pub(super) fn host(company: &DemoCompany) -> CodeHost {
    let (org, users, service_account) = accounts(company);
    let known = |login: &str| users.iter().any(|u| u.login == login);
    let customer_ok = |d: &str| d.is_empty() || company.customer(d).is_some();

    let mut ids = Ids {
        comment: 0,
        review: 0,
        check: 0,
    };
    let comments = |rows: &[(&str, u64, &str)], after: NaiveDateTime, ids: &mut Ids| {
        let mut out: Vec<Comment> = Vec::new();
        for &(author, days, body) in rows.iter().filter(|r| known(r.0)) {
            ids.comment += 1;
            let floor = out.last().map_or(after, |c| c.at) + Duration::minutes(7);
            out.push(Comment {
                id: 4_370_000_000 + ids.comment * 1_301,
                author: author.into(),
                body: body.into(),
                at: at(days, 60 + (ids.comment * 53) % 420).max(floor),
            });
        }
        out
    };

    let mut issues = Vec::new();
    for (seq, row) in ISSUES.iter().enumerate() {
        if !known(row.author) || !customer_ok(row.customer) {
            continue;
        }
        let opened = at(row.created_days_ago, (seq as u64 * 37) % 420);
        let thread = comments(row.comments, opened, &mut ids);
        let last = thread.last().map_or(opened, |c| c.at);
        let closed = (!row.state.is_open()).then(|| {
            at(row.closed_days_ago, 480 + seq as u64 % 50).max(last + Duration::minutes(3))
        });
        issues.push(Issue {
            repo: row.repo.into(),
            number: row.number,
            id: 3_600_000_000 + seq as u64 * 7_919,
            title: row.title.into(),
            body: row.body.into(),
            author: row.author.into(),
            assignees: row
                .assignees
                .iter()
                .filter(|a| known(a))
                .map(|a| a.to_string())
                .collect(),
            labels: labels(row.labels, row.customer),
            state: row.state,
            created: opened,
            updated: closed.unwrap_or(last),
            closed,
            closed_by: closed.map(|_| row.assignees.first().unwrap_or(&row.author).to_string()),
            comments: thread,
            customer: (!row.customer.is_empty()).then(|| row.customer.into()),
        });
    }

    let mut pulls = Vec::new();
    for (seq, row) in PULLS.iter().enumerate() {
        if !known(row.author) || !customer_ok(row.customer) {
            continue;
        }
        let opened = at(row.created_days_ago, 30 + (seq as u64 * 41) % 400);
        let thread = comments(row.comments, opened, &mut ids);
        pulls.push(pull(row, seq, opened, thread, &mut ids, &known));
    }

    let repos = REPOS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut names: Vec<String> = STANDARD_LABELS.iter().map(|l| l.0.to_string()).collect();
            let used = issues
                .iter()
                .filter(|x: &&Issue| x.repo == r.name)
                .flat_map(|x| x.labels.clone());
            let used = used.chain(
                pulls
                    .iter()
                    .filter(|p: &&PullRequest| p.repo == r.name)
                    .flat_map(|p| p.labels.clone()),
            );
            for name in used {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let pushed = pulls
                .iter()
                .filter(|p| p.repo == r.name)
                .map(|p| p.updated)
                .max();
            Repo {
                id: 812_000_000 + i as u64 * 1_117_003,
                name: r.name.into(),
                description: r.description.into(),
                language: r.language.into(),
                private: r.private,
                topics: r.topics.iter().map(|t| t.to_string()).collect(),
                default_branch: "main".into(),
                created: date(r.created),
                pushed: pushed.unwrap_or_else(|| date(r.created)),
                labels: names
                    .iter()
                    .enumerate()
                    .map(|(j, n)| label(company, i, j, n))
                    .collect(),
            }
        })
        .collect();
    CodeHost {
        org,
        users,
        service_account,
        repos,
        issues,
        pulls,
    }
}

pub(super) fn labels(names: &[&str], customer: &str) -> Vec<String> {
    let mut out: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    if !customer.is_empty() && !out.contains(&customer_label(customer)) {
        out.push(customer_label(customer));
    }
    out
}

fn label(company: &DemoCompany, repo: usize, j: usize, name: &str) -> Label {
    let (color, description) = match STANDARD_LABELS.iter().find(|l| l.0 == name) {
        Some(&(_, color, description)) => (color.to_string(), description.to_string()),
        None => {
            let customer = company
                .customers
                .iter()
                .find(|c| customer_label(&c.domain) == name);
            let who = customer.map_or(name, |c| c.name.as_str());
            (CUSTOMER_LABEL_COLOR.to_string(), format!("Affects {who}"))
        }
    };
    Label {
        id: 7_100_000_000 + repo as u64 * 1_000 + j as u64,
        name: name.into(),
        color,
        description,
    }
}
