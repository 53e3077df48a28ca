//! Turning Slack ids into what people read, and names into ids. Users are
//! looked up one by one with `users.info` (Tier 4) and cached in the
//! connector; channels are listed once with `conversations.list` (Tier 2)
//! and cached for a few minutes, so a channel given by name costs nothing
//! most of the time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use switchboard_core::{CallContext, ConnectorError, ErrorKind};
use tokio::task::JoinSet;

use crate::args::ChannelArg;
use crate::client::Client;
use crate::model::{next_cursor, Channel};
use crate::shape::{person, Person};

/// Channel pages (200 each) read at most for the directory.
const MAX_CHANNEL_PAGES: usize = 25;
/// Users looked up at most in one call; more are shown by id.
const MAX_LOOKUPS: usize = 40;
/// A name missing from a directory older than this triggers a refresh.
const REFRESH_AFTER: Duration = Duration::from_secs(30);

/// A channel as the directory knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRef {
    pub id: String,
    pub name: String,
    pub is_member: bool,
    pub is_archived: bool,
}

impl ChannelRef {
    /// `#name`.
    pub fn label(&self) -> String {
        format!("#{}", self.name)
    }
}

type Cached<T> = Mutex<Option<(Instant, Arc<T>)>>;

/// The connector's caches. Concurrent misses may both fetch; the last
/// write wins, which is harmless for data this stable.
#[derive(Debug)]
pub struct Directory {
    ttl: Duration,
    people: Mutex<HashMap<String, (Instant, Person)>>,
    channels: Cached<Vec<ChannelRef>>,
}

impl Directory {
    pub fn new(ttl: Duration) -> Self {
        Directory {
            ttl,
            people: Mutex::new(HashMap::new()),
            channels: Mutex::new(None),
        }
    }

    /// Every channel the app can see, cached for the TTL.
    pub async fn channels(
        &self,
        client: &Client,
        ctx: &CallContext,
        refresh: bool,
    ) -> Result<Arc<Vec<ChannelRef>>, ConnectorError> {
        if let Some((at, list)) = lock(&self.channels).as_ref() {
            if at.elapsed() < self.ttl && !(refresh && at.elapsed() > REFRESH_AFTER) {
                return Ok(list.clone());
            }
        }
        let mut out = Vec::new();
        let mut cursor = None;
        for _ in 0..MAX_CHANNEL_PAGES {
            let page = client.channels(ctx, 200, cursor, false).await?;
            out.extend(page.channels.iter().filter_map(channel_ref));
            cursor = next_cursor(&page.response_metadata);
            if cursor.is_none() {
                break;
            }
        }
        let list = Arc::new(out);
        *lock(&self.channels) = Some((Instant::now(), list.clone()));
        Ok(list)
    }

    /// The channel the caller named; unknown names are `NotFound`. An id
    /// missing from the directory is passed through for Slack to judge.
    pub async fn channel(
        &self,
        client: &Client,
        ctx: &CallContext,
        arg: &ChannelArg,
    ) -> Result<ChannelRef, ConnectorError> {
        let find = |list: &[ChannelRef]| {
            list.iter()
                .find(|c| match arg {
                    ChannelArg::Id(id) => c.id == *id,
                    ChannelArg::Name(name) => c.name == *name,
                })
                .cloned()
        };
        if let Some(found) = find(&self.channels(client, ctx, false).await?) {
            return Ok(found);
        }
        if let Some(found) = find(&self.channels(client, ctx, true).await?) {
            return Ok(found);
        }
        match arg {
            ChannelArg::Id(id) => Ok(ChannelRef {
                id: id.clone(),
                name: id.clone(),
                is_member: true,
                is_archived: false,
            }),
            ChannelArg::Name(name) => Err(ConnectorError::not_found(format!(
                "Slack has no channel #{name} that the app can see (slack_list_channels lists them)"
            ))),
        }
    }

    /// Names and emails for user ids, from the cache or `users.info`.
    /// Unknown ids are shown as themselves.
    pub async fn people(
        &self,
        client: &Client,
        ctx: &CallContext,
        ids: impl IntoIterator<Item = String>,
    ) -> Result<HashMap<String, Person>, ConnectorError> {
        let mut out = HashMap::new();
        let mut missing = Vec::new();
        {
            let cache = lock(&self.people);
            for id in ids {
                if id.is_empty() || out.contains_key(&id) || missing.contains(&id) {
                    continue;
                }
                match cache.get(&id) {
                    Some((at, p)) if at.elapsed() < self.ttl => {
                        out.insert(id, p.clone());
                    }
                    _ => missing.push(id),
                }
            }
        }
        let mut lookups = JoinSet::new();
        for id in missing.into_iter().take(MAX_LOOKUPS) {
            let (client, ctx) = (client.clone(), ctx.clone());
            lookups.spawn(async move {
                let info = client.user_info(&ctx, &id).await;
                (id, info)
            });
        }
        while let Some(joined) = lookups.join_next().await {
            let (id, info) = joined.map_err(|e| {
                ConnectorError::internal("a Slack user lookup failed").with_source(e)
            })?;
            let found = match info {
                Ok(info) => person(&info.user),
                Err(e) if e.kind == ErrorKind::NotFound => Person::unknown(&id),
                Err(e) => return Err(e),
            };
            lock(&self.people).insert(id.clone(), (Instant::now(), found.clone()));
            out.insert(id, found);
        }
        Ok(out)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn channel_ref(c: &Channel) -> Option<ChannelRef> {
    Some(ChannelRef {
        id: c.id.clone(),
        name: c.name.clone()?,
        is_member: c.is_member.unwrap_or(false),
        is_archived: c.is_archived,
    })
}
