//! Turning child tool outputs into the few fields a composite answer needs.
//! Children's outputs are their own shaped JSON; fields are read
//! defensively so that a connector adding fields never breaks a composite.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::parts::Part;

/// The CRM part: the customer's deals, the most relevant first.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Crm {
    pub deals: Vec<DealBrief>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DealBrief {
    pub name: String,
    pub stage: Option<String>,
    pub amount: Option<f64>,
    pub close_date: Option<String>,
    pub owner: Option<String>,
}

pub fn crm(deals: &Value) -> Crm {
    let deals = list(deals, "deals")
        .iter()
        .map(|d| DealBrief {
            name: text(d, "name").unwrap_or_default(),
            stage: text(d, "stage"),
            amount: d["amount"].as_f64(),
            close_date: text(d, "close_date"),
            owner: text(&d["owner"], "name"),
        })
        .collect();
    Crm { deals }
}

/// The support part: open conversations and tickets (each may be omitted
/// on its own: sales sees tickets, not conversations), the oldest open one.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Support {
    pub open_conversations: Part<u64>,
    pub open_tickets: Part<u64>,
    pub oldest_open: Option<OpenItem>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct OpenItem {
    pub kind: String,
    pub title: Option<String>,
    pub created: String,
    pub age_days: i64,
}

pub fn support(conversations: &Part<Value>, tickets: &Part<Value>, today: NaiveDate) -> Support {
    let mut open: Vec<OpenItem> = Vec::new();
    for (kind, part, list_key) in [
        ("conversation", conversations, "conversations"),
        ("ticket", tickets, "tickets"),
    ] {
        let Some(value) = part.ok() else { continue };
        for item in list(value, list_key) {
            if let Some(created) = text(item, "created") {
                let age = date(&created).map(|d| (today - d).num_days()).unwrap_or(0);
                open.push(OpenItem {
                    kind: kind.into(),
                    title: text(item, "title"),
                    created,
                    age_days: age,
                });
            }
        }
    }
    open.sort_by_key(|item| std::cmp::Reverse(item.age_days));
    Support {
        open_conversations: conversations.clone().map(|v| total(&v, "conversations")),
        open_tickets: tickets.clone().map(|v| total(&v, "tickets")),
        oldest_open: open.into_iter().next(),
    }
}

/// The billing part.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Billing {
    pub status: Option<String>,
    pub open_amount: Option<f64>,
    pub overdue_amount: Option<f64>,
    pub oldest_overdue_days: Option<i64>,
}

pub fn billing(customer: &Value) -> Billing {
    Billing {
        status: text(customer, "status"),
        open_amount: customer["open_amount"].as_f64(),
        overdue_amount: customer["overdue_amount"].as_f64(),
        oldest_overdue_days: customer["oldest_overdue_days"].as_i64(),
    }
}

/// The calls part.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Calls {
    pub last_call: Option<String>,
    pub calls_last_90_days: usize,
}

pub fn calls(calls: &Value) -> Calls {
    let list = list(calls, "calls");
    let last = list.iter().filter_map(|c| text(c, "started")).max();
    Calls {
        last_call: last.map(|s| s.chars().take(10).collect()),
        calls_last_90_days: list.len(),
    }
}

pub fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map(Vec::as_slice).unwrap_or_default()
}

pub fn text(v: &Value, key: &str) -> Option<String> {
    v[key].as_str().map(str::to_owned)
}

/// `total` when the tool reports it, else the length of the list.
pub fn total(v: &Value, list_key: &str) -> u64 {
    v["total"]
        .as_u64()
        .unwrap_or(list(v, list_key).len() as u64)
}

/// The date part of an ISO date or timestamp.
pub fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
