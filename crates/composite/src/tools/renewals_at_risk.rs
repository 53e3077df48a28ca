//! `customers_find_renewals_at_risk`: "Which customers have an open
//! enterprise renewal this quarter and more than one unresolved support
//! ticket?" in one call.

use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use futures::stream::{self, StreamExt};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, Effect, ErrorKind, Tool};

use super::summarize::{list, text, total};
use crate::parts::{call, Part};
use crate::State;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Like "2026-Q4"; default this quarter.
    pub quarter: Option<String>,
    /// Default 2.
    #[schemars(range(min = 1, max = 100))]
    pub min_open_tickets: Option<u32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Answer {
    pub quarter: String,
    /// Open enterprise renewals closing in the quarter.
    pub renewals_checked: usize,
    pub at_risk: Part<Vec<AtRisk>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AtRisk {
    pub customer: String,
    pub domain: Option<String>,
    pub deal: String,
    pub stage: Option<String>,
    pub amount: Option<f64>,
    pub close_date: Option<String>,
    pub open_tickets: u64,
    pub tickets: Vec<String>,
}

pub struct RenewalsAtRisk;

/// `(label, first day, last day)` of a quarter.
pub fn quarter(
    raw: Option<&str>,
    today: NaiveDate,
) -> Result<(String, NaiveDate, NaiveDate), ConnectorError> {
    let (year, q) = match raw.map(str::trim) {
        None | Some("") => (today.year(), (today.month0() / 3) + 1),
        Some(s) => {
            let up = s.to_uppercase().replace(' ', "-");
            let parsed = up
                .split_once("-Q")
                .and_then(|(y, q)| Some((y.parse::<i32>().ok()?, q.parse::<u32>().ok()?)))
                .or_else(|| {
                    up.strip_prefix('Q')
                        .and_then(|r| r.split_once('-'))
                        .and_then(|(q, y)| Some((y.parse().ok()?, q.parse().ok()?)))
                });
            match parsed {
                Some((y, q)) if (1..=4).contains(&q) && (2000..=2100).contains(&y) => (y, q),
                _ => {
                    return Err(ConnectorError::invalid_args(format!(
                        "invalid argument `quarter`: `{s}` is not like 2026-Q4"
                    )))
                }
            }
        }
    };
    let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).expect("valid quarter start");
    let next = if q == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, q * 3 + 1, 1)
    }
    .expect("valid date");
    Ok((
        format!("{year}-Q{q}"),
        start,
        next.pred_opt().expect("valid date"),
    ))
}

fn is_open_enterprise_renewal(deal: &Value) -> bool {
    let name = text(deal, "name").unwrap_or_default().to_lowercase();
    let stage = text(deal, "stage").unwrap_or_default().to_lowercase();
    name.contains("renewal") && name.contains("enterprise") && !stage.contains("closed")
}

#[async_trait]
impl Tool for RenewalsAtRisk {
    type State = State;
    type Args = Args;
    type Output = Answer;

    const NAME: &'static str = "customers_find_renewals_at_risk";
    const TITLE: &'static str = "Renewals at risk this quarter";
    const DESCRIPTION: &'static str = "Customers with an open enterprise renewal in a quarter and at least min_open_tickets unresolved support tickets.";
    const PERMISSION: &'static str = "composite:customers:read";
    const EFFECT: Effect = Effect::Read;

    async fn call(
        &self,
        state: &State,
        ctx: &CallContext,
        args: Args,
    ) -> Result<Answer, ConnectorError> {
        let (label, from, to) = quarter(args.quarter.as_deref(), state.today.date())?;
        let min = u64::from(args.min_open_tickets.unwrap_or(2).max(1));
        let deals = call(
            ctx,
            "hubspot_search_deals",
            json!({"query": "Renewal", "close_date_from": from.to_string(), "close_date_to": to.to_string(), "limit": 200}),
        )
        .await
        .map_err(|e| match e.kind {
            ErrorKind::UnknownTool => ConnectorError::invalid_args("renewals live in the CRM, which you may not use"),
            _ => e,
        })?;
        let renewals: Vec<Value> = list(&deals, "deals")
            .iter()
            .filter(|d| is_open_enterprise_renewal(d))
            .cloned()
            .collect();
        let checked = renewals.len();
        let results: Vec<Result<Option<AtRisk>, ConnectorError>> = stream::iter(renewals)
            .map(|deal| check(ctx, deal, min))
            .buffer_unordered(4)
            .collect()
            .await;
        let mut at_risk = Vec::new();
        for r in results {
            match r {
                Ok(Some(item)) => at_risk.push(item),
                Ok(None) => {}
                Err(e) => {
                    return Ok(Answer {
                        quarter: label,
                        renewals_checked: checked,
                        at_risk: Part::from_error(&e),
                    });
                }
            }
        }
        at_risk.sort_by(|a, b| {
            b.open_tickets
                .cmp(&a.open_tickets)
                .then(a.customer.cmp(&b.customer))
        });
        Ok(Answer {
            quarter: label,
            renewals_checked: checked,
            at_risk: Part::Ok(at_risk),
        })
    }
}

/// One renewal: its company (from the deal's association), then the
/// company's unresolved tickets.
async fn check(ctx: &CallContext, deal: Value, min: u64) -> Result<Option<AtRisk>, ConnectorError> {
    let id = text(&deal, "id").unwrap_or_default();
    let full = call(ctx, "hubspot_get_deal", json!({"deal_id": id})).await?;
    let company = &full["companies"][0];
    let name = text(company, "name").unwrap_or_else(|| text(&deal, "name").unwrap_or_default());
    let domain = text(company, "domain");
    let key = domain.clone().unwrap_or_else(|| name.clone());
    let tickets = call(
        ctx,
        "intercom_search_tickets",
        json!({"company": key, "state": "open", "limit": 50}),
    )
    .await?;
    let open = total(&tickets, "tickets");
    if open < min {
        return Ok(None);
    }
    Ok(Some(AtRisk {
        customer: name,
        domain,
        deal: text(&deal, "name").unwrap_or_default(),
        stage: text(&deal, "stage"),
        amount: deal["amount"].as_f64(),
        close_date: text(&deal, "close_date"),
        open_tickets: open,
        tickets: list(&tickets, "tickets")
            .iter()
            .filter_map(|t| text(t, "title"))
            .take(5)
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let (l, a, b) = quarter(None, today).unwrap();
        assert_eq!(
            (l.as_str(), a.to_string(), b.to_string()),
            ("2026-Q4", "2026-10-01".into(), "2026-12-31".into())
        );
        assert_eq!(
            quarter(Some("2027-q1"), today).unwrap().2.to_string(),
            "2027-03-31"
        );
        assert_eq!(
            quarter(Some("Q2 2026"), today).unwrap().1.to_string(),
            "2026-04-01"
        );
        assert!(quarter(Some("2026-Q5"), today).is_err());
        assert!(quarter(Some("soon"), today).is_err());
    }
}
