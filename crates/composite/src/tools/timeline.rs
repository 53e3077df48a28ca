//! `customer_get_timeline`: one time-ordered list of what happened with a
//! customer, across systems.

use async_trait::async_trait;
use chrono::Days;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, Effect, Tool};

use super::summarize::{date, list, text};
use crate::identity::Customer;
use crate::parts::{part, Part};
use crate::State;

/// The most events one answer holds; older ones are cut with a marker.
const MAX_EVENTS: usize = 60;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// CRM company id, domain, contact email, or name.
    pub customer: String,
    /// How far back (default 90).
    #[schemars(range(min = 1, max = 365))]
    pub days: Option<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Event {
    pub date: String,
    pub system: &'static str,
    pub kind: &'static str,
    pub title: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Timeline {
    pub customer: Customer,
    pub since: String,
    /// Newest first.
    pub events: Vec<Event>,
    /// Set when older events were cut to keep the answer small.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<String>,
    /// Per system: "ok", or why it is missing.
    pub sources: Vec<Source>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Source {
    pub system: &'static str,
    pub status: Part<&'static str>,
}

pub struct GetTimeline;

fn events_from(
    part: &Part<Value>,
    system: &'static str,
    key: &str,
    kind: &'static str,
    date_key: &str,
    title_key: &str,
) -> Vec<Event> {
    let Some(v) = part.ok() else {
        return Vec::new();
    };
    list(v, key)
        .iter()
        .filter_map(|item| {
            let when = text(item, date_key)?;
            Some(Event {
                date: when.chars().take(10).collect(),
                system,
                kind,
                title: text(item, title_key).unwrap_or_else(|| kind.to_owned()),
            })
        })
        .collect()
}

fn status(part: &Part<Value>) -> Part<&'static str> {
    match part {
        Part::Ok(_) => Part::Ok("ok"),
        Part::Omitted { omitted } => Part::Omitted {
            omitted: omitted.clone(),
        },
        Part::Failed { error } => Part::Failed {
            error: error.clone(),
        },
    }
}

#[async_trait]
impl Tool for GetTimeline {
    type State = State;
    type Args = Args;
    type Output = Timeline;

    const NAME: &'static str = "customer_get_timeline";
    const TITLE: &'static str = "Customer timeline across systems";
    const DESCRIPTION: &'static str = "What happened with one customer across CRM deals, support, invoices and calls, newest first.";
    const PERMISSION: &'static str = "composite:customers:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &State,
        ctx: &CallContext,
        args: Args,
    ) -> Result<Timeline, ConnectorError> {
        let days = args.days.unwrap_or(90);
        if !(1..=365).contains(&days) {
            return Err(ConnectorError::invalid_args(
                "invalid argument `days`: 1 to 365",
            ));
        }
        let customer = state.identity.resolve(ctx, &args.customer).await?;
        let today = state.today.date();
        let since = today
            .checked_sub_days(Days::new(u64::from(days)))
            .unwrap_or(today);
        let (from, to) = (since.to_string(), today.to_string());
        let deals = async {
            match &customer.crm_id {
                Some(id) => {
                    part(
                        ctx,
                        "hubspot_search_deals",
                        json!({"company_id": id, "limit": 20}),
                    )
                    .await
                }
                None => Part::omitted(),
            }
        };
        let support = customer.support_key();
        let (deals, conversations, tickets, invoices, calls) = futures::join!(
            deals,
            part(
                ctx,
                "intercom_search_conversations",
                json!({"company": support, "created_from": from, "limit": 50})
            ),
            part(
                ctx,
                "intercom_search_tickets",
                json!({"company": support, "limit": 50})
            ),
            part(
                ctx,
                "quickbooks_search_invoices",
                json!({"customer": customer.billing_key(), "date_from": from, "limit": 50})
            ),
            part(
                ctx,
                "gong_list_calls",
                json!({"company": customer.calls_key(), "from": from, "to": to, "limit": 100})
            ),
        );
        let mut events = Vec::new();
        events.extend(events_from(
            &deals,
            "crm",
            "deals",
            "deal close",
            "close_date",
            "name",
        ));
        events.extend(events_from(
            &conversations,
            "support",
            "conversations",
            "conversation",
            "created",
            "title",
        ));
        events.extend(events_from(
            &tickets, "support", "tickets", "ticket", "created", "title",
        ));
        events.extend(events_from(
            &invoices, "billing", "invoices", "invoice", "date", "number",
        ));
        events.extend(events_from(
            &calls, "calls", "calls", "call", "started", "title",
        ));
        events.retain(|e| {
            date(&e.date).is_some_and(|d| {
                d >= since && d <= today.checked_add_days(Days::new(366)).unwrap_or(today)
            })
        });
        events.sort_by(|a, b| b.date.cmp(&a.date).then(a.system.cmp(b.system)));
        let truncated = (events.len() > MAX_EVENTS).then(|| {
            format!(
                "{} older events left out; ask for fewer days",
                events.len() - MAX_EVENTS
            )
        });
        events.truncate(MAX_EVENTS);
        let sources = vec![
            Source {
                system: "crm",
                status: status(&deals),
            },
            Source {
                system: "support",
                status: status(&conversations),
            },
            Source {
                system: "billing",
                status: status(&invoices),
            },
            Source {
                system: "calls",
                status: status(&calls),
            },
        ];
        Ok(Timeline {
            customer,
            since: from,
            events,
            truncated,
            sources,
        })
    }
}
