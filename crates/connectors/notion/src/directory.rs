//! The workspace's people, by id and by email. Comments and `created_by`
//! fields carry only user ids, and people filters need ids, so the user
//! list is fetched once and cached for a few minutes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError};

use crate::client::Client;
use crate::model::User;
use crate::shape::{person, PersonRef};

/// User pages (100 users each) fetched at most.
const MAX_PAGES: usize = 20;

#[derive(Debug, Default)]
pub struct Directory {
    by_id: HashMap<String, PersonRef>,
    by_email: HashMap<String, String>,
}

impl Directory {
    pub fn new(users: &[User]) -> Directory {
        let mut d = Directory::default();
        for u in users {
            let p = person(u);
            if let Some(email) = &p.email {
                d.by_email.insert(email.to_lowercase(), u.id.clone());
            }
            d.by_id.insert(u.id.clone(), p);
        }
        d
    }

    /// The person behind a user id; unknown ids (deactivated users,
    /// guests the integration cannot see) get a placeholder.
    pub fn person(&self, id: &str) -> PersonRef {
        self.by_id.get(id).cloned().unwrap_or_else(|| PersonRef {
            name: format!("Notion user {id}"),
            email: None,
        })
    }

    /// The user id of the person with this email (case-insensitive).
    pub fn id_for_email(&self, email: &str) -> Option<&str> {
        self.by_email.get(&email.to_lowercase()).map(String::as_str)
    }
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
        if let Some((at, d)) = self.lock().as_ref() {
            if at.elapsed() < self.ttl {
                return Ok(d.clone());
            }
        }
        let mut users = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let page = client.users(ctx, cursor.as_deref()).await?;
            let next = page.next();
            users.extend(page.results);
            match next {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        let d = Arc::new(Directory::new(&users));
        *self.lock() = Some((Instant::now(), d.clone()));
        Ok(d)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Instant, Arc<Directory>)>> {
        self.cached.lock().unwrap_or_else(|e| e.into_inner())
    }
}
