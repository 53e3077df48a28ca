//! Resource subscriptions: who subscribed to which federated resource,
//! through which connector, and where its updates go.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use rmcp::model::ResourceUpdatedNotificationParam;
use rmcp::service::{Peer, SubscriptionSink};
use rmcp::RoleServer;
use serde_json::json;
use switchboard_core::Principal;

use crate::catalog::Surface;
use crate::pipeline::Gateway;

/// Where a subscription's updates go.
#[derive(Clone)]
pub(crate) enum Target {
    /// A legacy session (its GET stream).
    Session {
        session: String,
        peer: Peer<RoleServer>,
    },
    /// A 2026-07-28 `subscriptions/listen` stream (ended explicitly).
    Listen { id: u64, sink: SubscriptionSink },
}

impl Target {
    fn is_closed(&self) -> bool {
        match self {
            Target::Session { peer, .. } => peer.is_transport_closed(),
            Target::Listen { .. } => false,
        }
    }

    fn is_session(&self, id: &str) -> bool {
        matches!(self, Target::Session { session, .. } if session == id)
    }

    async fn updated(&self, uri: &str) -> bool {
        match self {
            Target::Session { peer, .. } => peer
                .notify_resource_updated(ResourceUpdatedNotificationParam::new(uri))
                .await
                .is_ok(),
            Target::Listen { sink, .. } => sink.notify_resource_updated(uri).await.is_ok(),
        }
    }
}

struct Subscriber {
    target: Target,
    principal: Arc<Principal>,
}

/// (connector, URI) → who subscribed to it.
#[derive(Default)]
pub(crate) struct Subscriptions {
    by_resource: Mutex<HashMap<(String, String), Vec<Subscriber>>>,
}

impl Subscriptions {
    /// Records that `target` subscribed to `uri`, which `connector` took.
    pub(crate) fn add(
        &self,
        connector: &str,
        uri: &str,
        target: Target,
        principal: Arc<Principal>,
    ) {
        self.lock()
            .entry((connector.to_owned(), uri.to_owned()))
            .or_default()
            .push(Subscriber { target, principal });
    }

    /// The connector `session` subscribed to `uri` through, if it did (the
    /// unsubscribe goes there and nowhere else). Forgets one such
    /// subscription.
    pub(crate) fn remove_session(&self, uri: &str, session: &str) -> Option<String> {
        let mut map = self.lock();
        let key = map
            .iter()
            .find(|((_, u), subs)| u == uri && subs.iter().any(|s| s.target.is_session(session)))
            .map(|(k, _)| k.clone())?;
        let subs = map.get_mut(&key)?;
        if let Some(i) = subs.iter().position(|s| s.target.is_session(session)) {
            subs.remove(i);
        }
        if subs.is_empty() {
            map.remove(&key);
        }
        Some(key.0)
    }

    /// Forgets every subscription of listen stream `id`; returns each
    /// (connector, URI), to be released at its connector.
    pub(crate) fn remove_listen(&self, id: u64) -> Vec<(String, String)> {
        let mut released = Vec::new();
        self.lock().retain(|key, subs| {
            let before = subs.len();
            subs.retain(|s| !matches!(s.target, Target::Listen { id: i, .. } if i == id));
            for _ in subs.len()..before {
                released.push(key.clone());
            }
            !subs.is_empty()
        });
        released
    }

    /// `connector` reports that `uri` changed: every subscriber whose
    /// caller may *still* read it (the policy is asked again) gets
    /// `notifications/resources/updated`. Subscriptions of closed sessions
    /// are dropped and released at the connector (each was a
    /// `resources/subscribe` it counted). Returns how many were told.
    pub(crate) async fn updated(&self, gateway: &Gateway, connector: &str, uri: &str) -> usize {
        let key = (connector.to_owned(), uri.to_owned());
        let (open, closed) = {
            let mut map = self.lock();
            let Some(subs) = map.get_mut(&key) else {
                return 0;
            };
            let (open, closed): (Vec<Subscriber>, Vec<Subscriber>) = std::mem::take(subs)
                .into_iter()
                .partition(|s| !s.target.is_closed());
            let told: Vec<(Target, Arc<Principal>)> = open
                .iter()
                .map(|s| (s.target.clone(), s.principal.clone()))
                .collect();
            if open.is_empty() {
                map.remove(&key);
            } else {
                *subs = open;
            }
            (told, closed.len())
        };
        for _ in 0..closed {
            gateway.release_subscription(connector, uri).await;
        }
        let params = json!({"uri": uri});
        let mut told = 0;
        for (target, principal) in open {
            if gateway.may_forward(&principal, connector, Surface::Resources, &params)
                && target.updated(uri).await
            {
                told += 1;
            }
        }
        told
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<(String, String), Vec<Subscriber>>> {
        self.by_resource.lock().unwrap_or_else(|e| e.into_inner())
    }
}
