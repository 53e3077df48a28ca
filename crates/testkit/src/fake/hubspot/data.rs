//! The demo company as HubSpot CRM records: numeric ids derived from each
//! record's position (so tests can compute them), every property a string,
//! timestamps with milliseconds, and v3 association types.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

pub(super) use super::schema::ObjectType;
use crate::demo::{Customer, DemoCompany};

/// A v3 association: target type, id, and association type name.
#[derive(Debug, Clone)]
pub(super) struct Assoc {
    pub to: ObjectType,
    pub id: String,
    pub kind: &'static str,
}

/// One CRM object.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub id: String,
    pub props: BTreeMap<&'static str, String>,
    pub created_at: String,
    pub updated_at: String,
    pub assoc: Vec<Assoc>,
}

/// Every record the fake serves, each list sorted by id.
#[derive(Debug)]
pub(super) struct Data {
    pub companies: Vec<Record>,
    pub contacts: Vec<Record>,
    pub deals: Vec<Record>,
}

pub(super) fn company_id_at(i: usize) -> String {
    (18_400_000_000u64 + (i as u64 + 1) * 1_013).to_string()
}

pub(super) fn contact_id_at(i: usize) -> String {
    (51_200_000_000u64 + (i as u64 + 1) * 1_009).to_string()
}

pub(super) fn deal_id_at(i: usize) -> String {
    (27_900_000_000u64 + (i as u64 + 1) * 1_021).to_string()
}

/// `2026-11-18T14:07:31.137Z`: a fixed time of day that varies by `seq`.
pub(super) fn stamp(date: NaiveDate, seq: usize, hour: usize) -> String {
    format!(
        "{date}T{hour:02}:{:02}:{:02}.{:03}Z",
        (seq * 7) % 60,
        (seq * 13) % 60,
        (seq * 137) % 1000
    )
}

impl Data {
    pub fn build(demo: &DemoCompany) -> Data {
        let owner_id = |email: &str| {
            demo.owner_by_email(email)
                .map(|o| o.id.clone())
                .unwrap_or_default()
        };
        let modified = |created: NaiveDate, seq: usize| {
            let latest = demo.reference_date - Days::new(1 + (seq as u64 % 9));
            (created + Days::new(21)).min(latest).max(created)
        };
        let (mut companies, mut contacts, mut deals) = (Vec::new(), Vec::new(), Vec::new());
        let (mut contact_seq, mut deal_seq) = (0, 0);
        for (ci, customer) in demo.customers.iter().enumerate() {
            let company_id = company_id_at(ci);
            let contact_ids: Vec<String> = (0..customer.contacts.len())
                .map(|j| contact_id_at(contact_seq + j))
                .collect();
            let deal_ids: Vec<String> = (0..customer.deals.len())
                .map(|j| deal_id_at(deal_seq + j))
                .collect();
            let owner = owner_id(&customer.owner_email);

            let updated = modified(customer.customer_since, ci);
            let mut company = company_record(customer, &company_id, &owner, ci, updated);
            company.assoc.extend(links(
                ObjectType::Contacts,
                &contact_ids,
                &["company_to_contact"],
            ));
            company
                .assoc
                .extend(links(ObjectType::Deals, &deal_ids, &["company_to_deal"]));
            companies.push(company);

            for (j, person) in customer.contacts.iter().enumerate() {
                let seq = contact_seq + j;
                let created = (customer.customer_since + Days::new(3 * (j as u64 + 1)))
                    .min(demo.reference_date);
                let mut props = BTreeMap::new();
                props.insert("firstname", person.first_name.clone());
                props.insert("lastname", person.last_name.clone());
                props.insert("email", person.email.clone());
                props.insert("phone", person.phone.clone());
                props.insert("jobtitle", person.job_title.clone());
                props.insert("company", customer.name.clone());
                props.insert("hs_email_domain", customer.domain.clone());
                props.insert("associatedcompanyid", company_id.clone());
                props.insert("hubspot_owner_id", owner.clone());
                props.insert("lifecyclestage", "customer".into());
                let mut record = record(
                    contact_ids[j].clone(),
                    props,
                    created,
                    modified(created, seq),
                    seq,
                    "lastmodifieddate",
                );
                record.assoc.extend(links(
                    ObjectType::Companies,
                    std::slice::from_ref(&company_id),
                    &["contact_to_company", "contact_to_company_unlabeled"],
                ));
                record
                    .assoc
                    .extend(links(ObjectType::Deals, &deal_ids, &["contact_to_deal"]));
                contacts.push(record);
            }

            for (j, deal) in customer.deals.iter().enumerate() {
                let seq = deal_seq + j;
                let mut props = BTreeMap::new();
                props.insert("dealname", deal.name.clone());
                props.insert("dealstage", deal.stage.id().into());
                props.insert("pipeline", "default".into());
                props.insert("amount", deal.amount.to_string());
                props.insert("closedate", format!("{}T00:00:00Z", deal.close_date));
                props.insert("dealtype", deal.deal_type.id().into());
                props.insert("hubspot_owner_id", owner_id(&deal.owner_email));
                props.insert("hs_deal_stage_probability", deal.stage.probability().into());
                props.insert("hs_is_closed", deal.stage.is_closed().to_string());
                props.insert(
                    "hs_is_closed_won",
                    (deal.stage.id() == "closedwon").to_string(),
                );
                let updated = if deal.stage.is_closed() {
                    deal.close_date.max(deal.created)
                } else {
                    modified(deal.created, seq)
                };
                let mut record = record(
                    deal_ids[j].clone(),
                    props,
                    deal.created,
                    updated,
                    seq,
                    "hs_lastmodifieddate",
                );
                record.assoc.extend(links(
                    ObjectType::Companies,
                    std::slice::from_ref(&company_id),
                    &["deal_to_company", "deal_to_company_unlabeled"],
                ));
                record.assoc.extend(links(
                    ObjectType::Contacts,
                    &contact_ids,
                    &["deal_to_contact"],
                ));
                deals.push(record);
            }
            contact_seq += customer.contacts.len();
            deal_seq += customer.deals.len();
        }
        Data {
            companies,
            contacts,
            deals,
        }
    }

    pub fn records(&self, t: ObjectType) -> &[Record] {
        match t {
            ObjectType::Companies => &self.companies,
            ObjectType::Contacts => &self.contacts,
            ObjectType::Deals => &self.deals,
        }
    }

    pub fn find(&self, t: ObjectType, id: &str) -> Option<&Record> {
        self.records(t).iter().find(|r| r.id == id)
    }

    /// Whether `t` has a property of that name (set on some record, or a
    /// real property the demo leaves empty).
    pub fn is_property(&self, t: ObjectType, name: &str) -> bool {
        t.unset_properties().contains(&name)
            || self.records(t).iter().any(|r| r.props.contains_key(name))
    }
}

fn company_record(c: &Customer, id: &str, owner: &str, seq: usize, updated: NaiveDate) -> Record {
    let mut props = BTreeMap::new();
    props.insert("name", c.name.clone());
    props.insert("domain", c.domain.clone());
    props.insert("industry", c.industry.code().into());
    props.insert("city", c.city.clone());
    props.insert("country", c.country.clone());
    props.insert("hubspot_owner_id", owner.into());
    props.insert("lifecyclestage", "customer".into());
    props.insert("num_associated_contacts", c.contacts.len().to_string());
    props.insert("num_associated_deals", c.deals.len().to_string());
    record(
        id.into(),
        props,
        c.customer_since,
        updated,
        seq,
        "hs_lastmodifieddate",
    )
}

/// Fills the properties every object carries and the top-level stamps.
fn record(
    id: String,
    mut props: BTreeMap<&'static str, String>,
    created: NaiveDate,
    updated: NaiveDate,
    seq: usize,
    modified_prop: &'static str,
) -> Record {
    let created_at = stamp(created, seq, 9);
    let updated_at = stamp(updated, seq, 16);
    props.insert("hs_object_id", id.clone());
    props.insert("createdate", created_at.clone());
    props.insert(modified_prop, updated_at.clone());
    Record {
        id,
        props,
        created_at,
        updated_at,
        assoc: Vec::new(),
    }
}

fn links(to: ObjectType, ids: &[String], kinds: &[&'static str]) -> Vec<Assoc> {
    ids.iter()
        .flat_map(|id| {
            kinds.iter().map(move |&kind| Assoc {
                to,
                id: id.clone(),
                kind,
            })
        })
        .collect()
}
