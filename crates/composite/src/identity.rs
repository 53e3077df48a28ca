//! Which record in each system is the same customer.
//!
//! The CRM is the system of record for who the customers are: a customer
//! argument (a CRM id, a domain, an email, or a name) resolves to one CRM
//! company, and its domain keys the other systems (support and call
//! participants by email domain, billing by name). An explicit map in
//! config overrides any system's key for customers whose records disagree.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{json, Value};
use switchboard_core::{CallContext, ConnectorError, ErrorKind};

use crate::config::CustomerIds;
use crate::parts::call;

/// A resolved customer and its key in each system.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Customer {
    pub name: String,
    pub domain: Option<String>,
    /// The CRM company id, when the CRM could be asked.
    pub crm_id: Option<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub ids: CustomerIds,
}

impl Customer {
    /// Support (Intercom) company key.
    pub fn support_key(&self) -> String {
        self.ids
            .intercom_company
            .clone()
            .or_else(|| self.domain.clone())
            .unwrap_or_else(|| self.name.clone())
    }

    /// Billing (QuickBooks) customer key.
    pub fn billing_key(&self) -> String {
        self.ids
            .quickbooks_customer
            .clone()
            .unwrap_or_else(|| self.name.clone())
    }

    /// Calls (Gong) company key.
    pub fn calls_key(&self) -> String {
        self.ids
            .gong_company
            .clone()
            .or_else(|| self.domain.clone())
            .unwrap_or_else(|| self.name.clone())
    }
}

/// The explicit part of the map, by customer domain.
#[derive(Debug, Clone, Default)]
pub struct IdentityMap {
    explicit: BTreeMap<String, CustomerIds>,
}

/// What a customer argument looks like.
#[derive(Debug, PartialEq, Eq)]
enum Given {
    CrmId(String),
    Domain(String),
    Name(String),
}

fn classify(raw: &str) -> Result<Given, ConnectorError> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return Err(ConnectorError::invalid_args(
            "invalid argument `customer`: give a CRM id, a domain, an email or a name",
        ));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Given::CrmId(s.to_owned()));
    }
    let host = s.rsplit_once('@').map(|(_, d)| d).unwrap_or(s);
    let host = host
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    if host.contains('.') && !host.contains(' ') {
        return Ok(Given::Domain(host.to_lowercase()));
    }
    Ok(Given::Name(s.to_owned()))
}

fn company(v: &Value) -> Option<(String, String, Option<String>)> {
    Some((
        v["id"].as_str()?.to_owned(),
        v["name"].as_str().unwrap_or_default().to_owned(),
        v["domain"].as_str().map(str::to_lowercase),
    ))
}

impl IdentityMap {
    pub fn new(explicit: BTreeMap<String, CustomerIds>) -> Self {
        IdentityMap { explicit }
    }

    /// Resolves a customer argument to one customer, or says why not
    /// (nothing matches; several match and the caller must be precise).
    pub async fn resolve(&self, ctx: &CallContext, raw: &str) -> Result<Customer, ConnectorError> {
        let given = classify(raw)?;
        let found = match &given {
            Given::CrmId(id) => call(ctx, "hubspot_get_company", json!({"company_id": id}))
                .await
                .map(|v| vec![v]),
            Given::Domain(d) => {
                let explicit = self
                    .explicit
                    .get(d)
                    .and_then(|ids| ids.hubspot_company_id.clone());
                match explicit {
                    Some(id) => call(ctx, "hubspot_get_company", json!({"company_id": id}))
                        .await
                        .map(|v| vec![v]),
                    None => search(ctx, json!({"domain": d})).await,
                }
            }
            Given::Name(n) => search(ctx, json!({"query": n, "limit": 10})).await,
        };
        let candidates = match found {
            Ok(list) => list,
            // Without the CRM a domain still keys the other systems.
            Err(e) if e.kind == ErrorKind::UnknownTool => return self.without_crm(&given, raw),
            Err(e) => return Err(e),
        };
        let mut matches: Vec<(String, String, Option<String>)> =
            candidates.iter().filter_map(company).collect();
        if let Given::Name(n) = &given {
            let exact: Vec<_> = matches
                .iter()
                .filter(|(_, name, _)| name.eq_ignore_ascii_case(n))
                .cloned()
                .collect();
            if !exact.is_empty() {
                matches = exact;
            }
        }
        match matches.len() {
            0 => Err(ConnectorError::not_found(format!(
                "no customer in the CRM matches `{}`",
                raw.trim()
            ))),
            1 => {
                let (id, name, domain) = matches.remove(0);
                let ids = domain
                    .as_ref()
                    .and_then(|d| self.explicit.get(d))
                    .cloned()
                    .unwrap_or_default();
                Ok(Customer {
                    name,
                    domain,
                    crm_id: Some(id),
                    ids,
                })
            }
            _ => {
                let listed: Vec<String> = matches
                    .iter()
                    .take(5)
                    .map(|(id, name, domain)| {
                        format!(
                            "{name} ({}, CRM id {id})",
                            domain.as_deref().unwrap_or("no domain")
                        )
                    })
                    .collect();
                Err(ConnectorError::invalid_args(format!(
                    "`{}` matches several customers: {}; pass a domain or a CRM id",
                    raw.trim(),
                    listed.join("; ")
                )))
            }
        }
    }

    fn without_crm(&self, given: &Given, raw: &str) -> Result<Customer, ConnectorError> {
        match given {
            Given::Domain(d) => Ok(Customer {
                name: d.clone(),
                domain: Some(d.clone()),
                crm_id: None,
                ids: self.explicit.get(d).cloned().unwrap_or_default(),
            }),
            _ => Err(ConnectorError::invalid_args(format!(
                "`{}` can only be looked up in the CRM, which you may not use; pass the customer's domain",
                raw.trim()
            ))),
        }
    }
}

async fn search(ctx: &CallContext, args: Value) -> Result<Vec<Value>, ConnectorError> {
    let out = call(ctx, "hubspot_search_companies", args).await?;
    Ok(out["companies"].as_array().cloned().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_arguments_are_classified() {
        assert_eq!(classify("12345").unwrap(), Given::CrmId("12345".into()));
        assert_eq!(
            classify("https://www.Acme.example/").unwrap(),
            Given::Domain("acme.example".into())
        );
        assert_eq!(
            classify("jane@acme.example").unwrap(),
            Given::Domain("acme.example".into())
        );
        assert_eq!(
            classify("Acme Robotics").unwrap(),
            Given::Name("Acme Robotics".into())
        );
        assert!(classify("  ").is_err());
    }
}
