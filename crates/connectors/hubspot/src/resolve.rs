//! Turning HubSpot ids into what people read: owner id → name and email,
//! stage and pipeline ids → labels. Owners and pipelines change rarely, so
//! the directory is fetched once and cached in the connector for a few
//! minutes; the caller's own owner id ("me") is always looked up fresh.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError};

use crate::client::Client;
use crate::model::{Owner, Pipeline};
use crate::shape::OwnerRef;

/// Owner pages fetched at most (100 owners each) before giving up.
const MAX_OWNER_PAGES: usize = 50;

/// Owners, stages and pipelines by id.
#[derive(Debug, Default)]
pub struct Directory {
    owners: HashMap<String, OwnerRef>,
    stages: HashMap<String, String>,
    pipelines: HashMap<String, String>,
}

impl Directory {
    pub fn new(owners: &[Owner], pipelines: &[Pipeline]) -> Directory {
        let owners = owners
            .iter()
            .map(|o| (o.id.clone(), owner_ref(o)))
            .collect();
        let stages = pipelines
            .iter()
            .flat_map(|p| p.stages.iter().map(|s| (s.id.clone(), s.label.clone())))
            .collect();
        let pipelines = pipelines
            .iter()
            .map(|p| (p.id.clone(), p.label.clone()))
            .collect();
        Directory {
            owners,
            stages,
            pipelines,
        }
    }

    pub fn owner(&self, id: &str) -> Option<&OwnerRef> {
        self.owners.get(id)
    }

    pub fn stage_label(&self, id: &str) -> Option<&str> {
        self.stages.get(id).map(String::as_str)
    }

    pub fn pipeline_label(&self, id: &str) -> Option<&str> {
        self.pipelines.get(id).map(String::as_str)
    }

    /// Stage ids whose id or label matches (labels case-insensitively; a
    /// label may exist in several pipelines), sorted.
    pub fn stage_ids(&self, label_or_id: &str) -> Vec<String> {
        let wanted = label_or_id.trim();
        let mut ids: Vec<String> = self
            .stages
            .iter()
            .filter(|(id, label)| *id == wanted || label.eq_ignore_ascii_case(wanted))
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// Every stage label, sorted and deduplicated (for error messages).
    pub fn stage_labels(&self) -> Vec<&str> {
        let mut labels: Vec<&str> = self.stages.values().map(String::as_str).collect();
        labels.sort_unstable();
        labels.dedup();
        labels
    }
}

/// "First Last" (or the email, or the id) plus the email.
pub fn owner_ref(o: &Owner) -> OwnerRef {
    let name = [o.first_name.as_deref(), o.last_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let email = o.email.clone().filter(|e| !e.is_empty());
    let name = if !name.is_empty() {
        name
    } else {
        email
            .clone()
            .unwrap_or_else(|| format!("HubSpot owner {}", o.id))
    };
    OwnerRef { name, email }
}

/// The cached directory. Concurrent misses may both fetch; the last write
/// wins, which is harmless for data this stable.
#[derive(Debug)]
pub struct Resolver {
    ttl: Duration,
    cached: Mutex<Option<(Instant, Arc<Directory>)>>,
}

impl Resolver {
    pub fn new(ttl: Duration) -> Self {
        Resolver {
            ttl,
            cached: Mutex::new(None),
        }
    }

    pub async fn directory(
        &self,
        client: &Client,
        ctx: &CallContext,
    ) -> Result<Arc<Directory>, ConnectorError> {
        if let Some((at, dir)) = self.lock().as_ref() {
            if at.elapsed() < self.ttl {
                return Ok(dir.clone());
            }
        }
        let (owners, pipelines) = tokio::try_join!(all_owners(client, ctx), client.pipelines(ctx))?;
        let dir = Arc::new(Directory::new(&owners, &pipelines));
        tracing::debug!(
            owners = dir.owners.len(),
            stages = dir.stages.len(),
            "refreshed the HubSpot owner and stage directory"
        );
        *self.lock() = Some((Instant::now(), dir.clone()));
        Ok(dir)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Instant, Arc<Directory>)>> {
        self.cached.lock().unwrap_or_else(|e| e.into_inner())
    }
}

async fn all_owners(client: &Client, ctx: &CallContext) -> Result<Vec<Owner>, ConnectorError> {
    let mut owners = Vec::new();
    let mut after = None;
    for _ in 0..MAX_OWNER_PAGES {
        let page = client.owners(ctx, None, 100, after).await?;
        after = page.next_after();
        owners.extend(page.results);
        if after.is_none() {
            break;
        }
    }
    Ok(owners)
}

/// The HubSpot owner whose email is `email` (the caller, for "me").
pub async fn owner_by_email(
    client: &Client,
    ctx: &CallContext,
    email: &str,
) -> Result<Option<Owner>, ConnectorError> {
    let page = client.owners(ctx, Some(email), 1, None).await?;
    Ok(page.results.into_iter().find(|o| {
        o.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(email))
    }))
}
