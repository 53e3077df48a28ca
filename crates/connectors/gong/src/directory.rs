//! Gong's users by id and by email, to name call hosts and to resolve the
//! caller ("me") to their Gong user. Users change rarely, so the list is
//! fetched once and reused for a few minutes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError};

use crate::client::Client;
use crate::model::User;
use crate::shape::{self, Person};

/// User pages (100 each) read at most.
const MAX_PAGES: usize = 50;

/// Every Gong user, shaped, by id; ids by lower-cased email and alias.
#[derive(Debug, Default)]
pub struct Directory {
    people: HashMap<String, Person>,
    by_email: HashMap<String, String>,
}

impl Directory {
    pub fn new(users: &[User]) -> Directory {
        let mut dir = Directory::default();
        for u in users {
            dir.people.insert(u.id.clone(), shape::user_person(u));
            let aliases = u.email_aliases.iter().flatten();
            for email in u.email_address.iter().chain(aliases) {
                dir.by_email.insert(email.to_lowercase(), u.id.clone());
            }
        }
        dir
    }

    pub fn person(&self, user_id: &str) -> Option<&Person> {
        self.people.get(user_id)
    }

    /// The Gong user id of `email` (case-insensitive, aliases included).
    pub fn user_id(&self, email: &str) -> Option<&str> {
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
        if let Some((at, dir)) = self.lock().as_ref() {
            if at.elapsed() < self.ttl {
                return Ok(dir.clone());
            }
        }
        let mut users = Vec::new();
        let mut cursor = None;
        for _ in 0..MAX_PAGES {
            let page = client.users(ctx, cursor).await?;
            users.extend(page.users);
            cursor = page.records.cursor;
            if cursor.is_none() {
                break;
            }
        }
        let dir = Arc::new(Directory::new(&users));
        tracing::debug!(
            users = dir.people.len(),
            "refreshed the Gong user directory"
        );
        *self.lock() = Some((Instant::now(), dir.clone()));
        Ok(dir)
    }

    fn lock(&self) -> MutexGuard<'_, Option<(Instant, Arc<Directory>)>> {
        self.cached.lock().unwrap_or_else(|e| e.into_inner())
    }
}
