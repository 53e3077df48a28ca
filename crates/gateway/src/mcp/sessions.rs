//! Who hears of changes: legacy (pre-2026-07-28) sessions, told the tool
//! list changed (e.g. after a policy reload) on their GET stream, and
//! 2026-07-28 `subscriptions/listen` streams; both may subscribe to
//! federated resources and get their updates.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rmcp::model::ResourceUpdatedNotificationParam;
use rmcp::service::{Peer, SubscriptionSink};
use rmcp::RoleServer;
use serde_json::json;
use switchboard_core::Principal;

use crate::catalog::Surface;
use crate::pipeline::Gateway;

/// The peers of open sessions, and their resource subscriptions.
#[derive(Default)]
pub struct Sessions {
    peers: Mutex<Vec<Peer<RoleServer>>>,
    /// 2026-07-28 listen streams that asked for `tools/list_changed`.
    listeners: Mutex<Vec<(u64, SubscriptionSink)>>,
    /// (connector, URI) → who subscribed to it.
    subscriptions: Mutex<HashMap<(String, String), Vec<Subscriber>>>,
}

/// One subscription to one resource.
struct Subscriber {
    target: Target,
    principal: Arc<Principal>,
}

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

impl Sessions {
    pub(crate) fn add(&self, peer: Peer<RoleServer>) {
        let mut peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.retain(|p| !p.is_transport_closed());
        peers.push(peer);
    }

    /// A 2026-07-28 listen stream that wants `tools/list_changed`.
    pub(crate) fn listen_tools(&self, id: u64, sink: SubscriptionSink) {
        self.lock_listeners().push((id, sink));
    }

    /// A listen stream ended: forgets it, and returns the subscriptions
    /// it held (each to be released at its connector).
    pub(crate) fn end_listen(&self, id: u64) -> Vec<(String, String)> {
        self.lock_listeners().retain(|(i, _)| *i != id);
        let mut released = Vec::new();
        let mut subscriptions = self.lock_subscriptions();
        subscriptions.retain(|key, subs| {
            let before = subs.len();
            subs.retain(|s| !matches!(s.target, Target::Listen { id: i, .. } if i == id));
            for _ in subs.len()..before {
                released.push(key.clone());
            }
            !subs.is_empty()
        });
        released
    }

    fn lock_listeners(&self) -> std::sync::MutexGuard<'_, Vec<(u64, SubscriptionSink)>> {
        self.listeners.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends `notifications/tools/list_changed` to every open session and
    /// listen stream that asked; returns how many were told.
    pub async fn notify_tools_changed(&self) -> usize {
        let listeners: Vec<(u64, SubscriptionSink)> = self.lock_listeners().clone();
        let mut told = 0;
        for (_, sink) in listeners {
            if sink.notify_tool_list_changed().await.is_ok() {
                told += 1;
            }
        }
        told + self.notify_sessions_tools_changed().await
    }

    async fn notify_sessions_tools_changed(&self) -> usize {
        let peers: Vec<Peer<RoleServer>> = {
            let mut peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
            peers.retain(|p| !p.is_transport_closed());
            peers.clone()
        };
        let mut told = 0;
        for peer in peers {
            if peer.notify_tool_list_changed().await.is_ok() {
                told += 1;
            }
        }
        told
    }

    /// Records that `target` subscribed to `uri`, which `connector` took.
    pub(crate) fn subscribe(
        &self,
        connector: &str,
        uri: &str,
        target: Target,
        principal: Arc<Principal>,
    ) {
        let mut subscriptions = self.lock_subscriptions();
        subscriptions
            .entry((connector.to_owned(), uri.to_owned()))
            .or_default()
            .push(Subscriber { target, principal });
    }

    /// The connector `session` subscribed to `uri` through, if it did
    /// (the unsubscribe goes there and nowhere else). Forgets one such
    /// subscription.
    pub(crate) fn unsubscribe(&self, uri: &str, session: &str) -> Option<String> {
        let mut subscriptions = self.lock_subscriptions();
        let key = subscriptions
            .iter()
            .find(|((_, u), subs)| u == uri && subs.iter().any(|s| s.target.is_session(session)))
            .map(|(k, _)| k.clone())?;
        let subs = subscriptions.get_mut(&key)?;
        if let Some(i) = subs.iter().position(|s| s.target.is_session(session)) {
            subs.remove(i);
        }
        if subs.is_empty() {
            subscriptions.remove(&key);
        }
        Some(key.0)
    }

    /// `connector` reports that `uri` changed: every open session
    /// subscribed to it whose caller may *still* read it (the policy is
    /// asked again) gets `notifications/resources/updated`. Subscriptions
    /// of closed sessions are dropped, and the connector is told (each one
    /// was a `resources/subscribe` it counted). Returns how many were told.
    pub async fn resource_updated(&self, gateway: &Gateway, connector: &str, uri: &str) -> usize {
        let key = (connector.to_owned(), uri.to_owned());
        let (open, closed) = {
            let mut subscriptions = self.lock_subscriptions();
            let Some(subs) = subscriptions.get_mut(&key) else {
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
                subscriptions.remove(&key);
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
            if !gateway.may_forward(&principal, connector, Surface::Resources, &params) {
                continue;
            }
            if target.updated(uri).await {
                told += 1;
            }
        }
        told
    }

    /// Has every connector report its subscribed resources' updates here.
    pub fn watch_resources(self: &Arc<Self>, gateway: &Arc<Gateway>) {
        for connector in gateway.catalog().connectors() {
            let id = connector.id().to_owned();
            let gateway = Arc::downgrade(gateway);
            let sessions = Arc::downgrade(self);
            connector.watch_resources(Arc::new(move |uri: &str| {
                let (Some(gateway), Some(sessions)) = (gateway.upgrade(), sessions.upgrade())
                else {
                    return;
                };
                let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                    return;
                };
                let (id, uri) = (id.clone(), uri.to_owned());
                runtime.spawn(async move {
                    sessions.resource_updated(&gateway, &id, &uri).await;
                });
            }));
        }
    }

    fn lock_subscriptions(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<(String, String), Vec<Subscriber>>> {
        self.subscriptions.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn open(&self) -> usize {
        let peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.iter().filter(|p| !p.is_transport_closed()).count()
    }
}
