//! Legacy (pre-2026-07-28) sessions that can be told the tool list changed,
//! e.g. after a policy reload, and that subscribe to federated resources.
//! Stateless 2026-07-28 clients re-list on their own schedule and honour
//! the list's cache hints instead (and that revision has no
//! `resources/subscribe`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rmcp::model::ResourceUpdatedNotificationParam;
use rmcp::service::Peer;
use rmcp::RoleServer;
use serde_json::json;
use switchboard_core::Principal;

use crate::catalog::Surface;
use crate::pipeline::Gateway;

/// The peers of open sessions, and their resource subscriptions.
#[derive(Default)]
pub struct Sessions {
    peers: Mutex<Vec<Peer<RoleServer>>>,
    /// (connector, URI) → the sessions subscribed to it.
    subscriptions: Mutex<HashMap<(String, String), Vec<Subscriber>>>,
}

/// One session's subscription to one resource.
struct Subscriber {
    session: String,
    peer: Peer<RoleServer>,
    principal: Arc<Principal>,
}

impl Sessions {
    pub(crate) fn add(&self, peer: Peer<RoleServer>) {
        let mut peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.retain(|p| !p.is_transport_closed());
        peers.push(peer);
    }

    /// Sends `notifications/tools/list_changed` to every open session;
    /// returns how many were told.
    pub async fn notify_tools_changed(&self) -> usize {
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

    /// Records that `session` subscribed to `uri`, which `connector` took.
    pub(crate) fn subscribe(
        &self,
        connector: &str,
        uri: &str,
        session: &str,
        peer: Peer<RoleServer>,
        principal: Arc<Principal>,
    ) {
        let mut subscriptions = self.lock_subscriptions();
        subscriptions
            .entry((connector.to_owned(), uri.to_owned()))
            .or_default()
            .push(Subscriber {
                session: session.to_owned(),
                peer,
                principal,
            });
    }

    /// The connector `session` subscribed to `uri` through, if it did
    /// (the unsubscribe goes there and nowhere else). Forgets one such
    /// subscription.
    pub(crate) fn unsubscribe(&self, uri: &str, session: &str) -> Option<String> {
        let mut subscriptions = self.lock_subscriptions();
        let key = subscriptions
            .iter()
            .find(|((_, u), subs)| u == uri && subs.iter().any(|s| s.session == session))
            .map(|(k, _)| k.clone())?;
        let subs = subscriptions.get_mut(&key)?;
        if let Some(i) = subs.iter().position(|s| s.session == session) {
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
                .partition(|s| !s.peer.is_transport_closed());
            let told: Vec<(Peer<RoleServer>, Arc<Principal>)> = open
                .iter()
                .map(|s| (s.peer.clone(), s.principal.clone()))
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
        for (peer, principal) in open {
            if !gateway.may_forward(&principal, connector, Surface::Resources, &params) {
                continue;
            }
            let update = ResourceUpdatedNotificationParam::new(uri);
            if peer.notify_resource_updated(update).await.is_ok() {
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
