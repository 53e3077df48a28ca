//! Turning Intercom ids into what people read: teammate ids to names and
//! emails, company ids to names. Both change rarely, so they are cached in
//! the connector for a few minutes. The caller's own teammate account
//! ("me", the author of a note) is always looked up fresh.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use tokio::task::JoinSet;

use crate::client::Client;
use crate::model::Admin;
use crate::shape::Person;

/// Company names fetched at most per call; the rest stay unnamed.
const MAX_COMPANY_LOOKUPS: usize = 10;

type Admins = Arc<HashMap<String, Person>>;

#[derive(Debug)]
pub struct Directory {
    ttl: Duration,
    admins: Mutex<Option<(Instant, Admins)>>,
    companies: Mutex<HashMap<String, (Instant, String)>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn admin_person(a: &Admin) -> Person {
    Person::from_parts(
        a.name.as_deref(),
        a.email.as_deref(),
        &format!("Intercom teammate {}", a.id),
    )
}

impl Directory {
    pub fn new(ttl: Duration) -> Self {
        Directory {
            ttl,
            admins: Mutex::new(None),
            companies: Mutex::new(HashMap::new()),
        }
    }

    /// Every teammate by id. Concurrent misses may both fetch; the last
    /// write wins, which is harmless for data this stable.
    pub async fn admins(
        &self,
        client: &Client,
        ctx: &CallContext,
    ) -> Result<Admins, ConnectorError> {
        if let Some((at, admins)) = lock(&self.admins).as_ref() {
            if at.elapsed() < self.ttl {
                return Ok(admins.clone());
            }
        }
        let list = client.admins(ctx).await?;
        let admins: Admins = Arc::new(
            list.iter()
                .map(|a| (a.id.clone(), admin_person(a)))
                .collect(),
        );
        *lock(&self.admins) = Some((Instant::now(), admins.clone()));
        Ok(admins)
    }

    /// Names of the companies with these ids: cached ones, then up to ten
    /// fetched concurrently. Companies Intercom no longer has are skipped.
    pub async fn company_names(
        &self,
        client: &Client,
        ctx: &CallContext,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<HashMap<String, String>, ConnectorError> {
        let mut names = HashMap::new();
        let mut missing = Vec::new();
        {
            let cache = lock(&self.companies);
            for id in ids {
                match cache.get(&id) {
                    Some((at, name)) if at.elapsed() < self.ttl => {
                        names.insert(id, name.clone());
                    }
                    _ if !missing.contains(&id) && !names.contains_key(&id) => missing.push(id),
                    _ => {}
                }
            }
        }
        let mut lookups = JoinSet::new();
        for id in missing.into_iter().take(MAX_COMPANY_LOOKUPS) {
            let (client, ctx) = (client.clone(), ctx.clone());
            lookups.spawn(async move {
                let company = client.company(&ctx, &id).await;
                (id, company)
            });
        }
        while let Some(done) = lookups.join_next().await {
            let (id, company) = done
                .map_err(|e| ConnectorError::internal("a company lookup failed").with_source(e))?;
            match company {
                Ok(c) => {
                    if let Some(name) = c.name.filter(|n| !n.trim().is_empty()) {
                        let name = crate::shape::decode_entities(name.trim());
                        lock(&self.companies).insert(id.clone(), (Instant::now(), name.clone()));
                        names.insert(id, name);
                    }
                }
                Err(e) if e.kind == ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(names)
    }
}

/// The caller's own Intercom teammate account, matched on the email the
/// gateway authenticated (never on anything in the arguments).
pub async fn me(client: &Client, ctx: &CallContext) -> Result<Admin, ConnectorError> {
    let email = ctx.principal.email.trim();
    if !email.contains('@') {
        return Err(ConnectorError::new(
            ErrorKind::UpstreamDenied,
            "posting to Intercom needs a caller with an email address",
        ));
    }
    let admins = client.admins(ctx).await?;
    admins
        .into_iter()
        .find(|a| a.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(email)))
        .ok_or_else(|| {
            ConnectorError::new(
                ErrorKind::UpstreamDenied,
                format!("you ({email}) are not an Intercom teammate, so you cannot post notes; ask an Intercom admin to invite you"),
            )
        })
}
