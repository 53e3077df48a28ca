//! Narrowing searches to a company or a contact. Intercom cannot search
//! conversations or tickets by company, so a company becomes its contacts:
//! by domain, the contacts whose email is at that domain; by name, the
//! contacts attached to the company of that name. Their ids then filter
//! `contact_ids`. The contacts fetched on the way also name the people in
//! the results, saving a lookup.

use std::collections::HashMap;

use switchboard_core::{CallContext, ConnectorError, ErrorKind};

use crate::args::CompanyKey;
use crate::client::{Client, SEARCH_PAGE_MAX};
use crate::model::{Contact, ContactList};
use crate::query::Query;
use crate::shape::{Names, Person};
use crate::Intercom;

/// The most contacts a company or email narrows to (one search page).
pub const MAX_SCOPE_CONTACTS: usize = SEARCH_PAGE_MAX;

/// What a search is narrowed to.
#[derive(Debug, Default)]
pub struct Scope {
    /// The company's name (or the domain, if no company record names it).
    pub company: Option<String>,
    /// `None`: no narrowing; `Some(empty)`: nothing can match.
    pub contact_ids: Option<Vec<String>>,
    /// The contacts met on the way, by id.
    pub people: HashMap<String, Person>,
}

pub fn person(c: &Contact) -> Person {
    Person::from_parts(c.name.as_deref(), c.email.as_deref(), "Unnamed contact")
}

async fn contacts_where(
    client: &Client,
    ctx: &CallContext,
    q: Query,
) -> Result<Vec<Contact>, ConnectorError> {
    let page: ContactList = client
        .search_page(ctx, &q, MAX_SCOPE_CONTACTS, None)
        .await?;
    Ok(page.data)
}

/// Resolves the optional company and contact email of a search.
pub async fn resolve(
    state: &Intercom,
    ctx: &CallContext,
    company: Option<&CompanyKey>,
    email: Option<&str>,
) -> Result<Scope, ConnectorError> {
    let client = &state.client;
    let mut scope = Scope::default();
    let mut ids: Option<Vec<String>> = None;
    if let Some(key) = company {
        let contacts = match key {
            CompanyKey::Domain(domain) => {
                let found =
                    contacts_where(client, ctx, Query::eq("email_domain", domain.as_str())).await?;
                // The domain's company is the first contact's first company.
                let first = found
                    .first()
                    .and_then(|c| c.company_ids().into_iter().next());
                let mut names = state
                    .directory
                    .company_names(client, ctx, first.clone())
                    .await?;
                let name = first.and_then(|id| names.remove(&id));
                scope.company = Some(name.unwrap_or_else(|| domain.clone()));
                found
            }
            CompanyKey::Name(name) => {
                let company = client
                    .company_named(ctx, name)
                    .await
                    .or_else(|e| match e.kind {
                        ErrorKind::NotFound => Ok(None),
                        _ => Err(e),
                    })?;
                let company = company.ok_or_else(|| {
                    ConnectorError::not_found(format!("Intercom has no company named \"{name}\""))
                })?;
                scope.company = Some(company.name.clone().unwrap_or_else(|| name.clone()));
                client
                    .company_contacts(ctx, &company.id, MAX_SCOPE_CONTACTS)
                    .await?
                    .data
            }
        };
        ids = Some(contacts.iter().map(|c| c.id.clone()).collect());
        scope
            .people
            .extend(contacts.iter().map(|c| (c.id.clone(), person(c))));
    }
    if let Some(email) = email {
        let found = contacts_where(client, ctx, Query::eq("email", email)).await?;
        let by_email: Vec<String> = found.iter().map(|c| c.id.clone()).collect();
        scope
            .people
            .extend(found.iter().map(|c| (c.id.clone(), person(c))));
        ids = Some(match ids {
            Some(company_ids) => by_email
                .into_iter()
                .filter(|id| company_ids.contains(id))
                .collect(),
            None => by_email,
        });
    }
    scope.contact_ids = ids;
    Ok(scope)
}

/// Names the contacts with these ids (one search; unknown ids are
/// skipped), adding to `known`.
pub async fn name_contacts(
    client: &Client,
    ctx: &CallContext,
    ids: impl IntoIterator<Item = String>,
    known: &mut HashMap<String, Person>,
) -> Result<(), ConnectorError> {
    let mut wanted: Vec<String> = Vec::new();
    for id in ids {
        if !known.contains_key(&id) && !wanted.contains(&id) {
            wanted.push(id);
        }
    }
    wanted.truncate(MAX_SCOPE_CONTACTS);
    if wanted.is_empty() {
        return Ok(());
    }
    let found = contacts_where(client, ctx, Query::any_of("id", &wanted)).await?;
    known.extend(found.iter().map(|c| (c.id.clone(), person(c))));
    Ok(())
}

/// The names a result list needs: the people already known from the
/// company scope, the contacts with these ids, and every teammate.
pub async fn names_for(
    state: &Intercom,
    ctx: &CallContext,
    mut people: HashMap<String, Person>,
    contact_ids: impl IntoIterator<Item = String>,
) -> Result<Names, ConnectorError> {
    let (admins, ()) = tokio::try_join!(
        state.directory.admins(&state.client, ctx),
        name_contacts(&state.client, ctx, contact_ids, &mut people),
    )?;
    Ok(Names {
        contacts: people,
        admins: (*admins).clone(),
        ..Names::default()
    })
}
