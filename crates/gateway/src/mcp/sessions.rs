//! Who hears of changes: legacy (pre-2026-07-28) sessions on their GET
//! stream, and 2026-07-28 `subscriptions/listen` streams. Tool list
//! changes (a policy reload, a federated server's new tools) go to all of
//! them; a federated server's resource or prompt list changes only to
//! callers who may use that connector's resources or prompts; resource
//! updates only to their subscribers ([`Subscriptions`]).

use std::sync::{Arc, Mutex, MutexGuard};

use rmcp::model::SubscriptionFilter;
use rmcp::service::{Peer, SubscriptionSink};
use rmcp::RoleServer;
use serde_json::json;
use switchboard_core::{Principal, SurfaceChange};

use super::subscriptions::Subscriptions;
use crate::catalog::Surface;
use crate::pipeline::Gateway;

/// Open sessions and listen streams, and their resource subscriptions.
#[derive(Default)]
pub struct Sessions {
    /// Each session's peer and caller (`None`: unknown, told only of tool
    /// list changes).
    peers: Mutex<Vec<SessionPeer>>,
    listeners: Mutex<Vec<Listener>>,
    pub(crate) subscriptions: Subscriptions,
}

/// A session's peer and its caller.
type SessionPeer = (Peer<RoleServer>, Option<Arc<Principal>>);

/// A 2026-07-28 listen stream.
#[derive(Clone)]
struct Listener {
    id: u64,
    sink: SubscriptionSink,
    principal: Arc<Principal>,
    accepted: SubscriptionFilter,
}

impl Sessions {
    pub(crate) fn add(&self, peer: Peer<RoleServer>, principal: Option<Arc<Principal>>) {
        let mut peers = self.lock_peers();
        peers.retain(|(p, _)| !p.is_transport_closed());
        peers.push((peer, principal));
    }

    /// A listen stream, told what its accepted filter asks for.
    pub(crate) fn listen(
        &self,
        id: u64,
        sink: SubscriptionSink,
        principal: Arc<Principal>,
        accepted: SubscriptionFilter,
    ) {
        self.lock_listeners().push(Listener {
            id,
            sink,
            principal,
            accepted,
        });
    }

    /// A listen stream ended: forgets it, and returns the subscriptions
    /// it held (each to be released at its connector).
    pub(crate) fn end_listen(&self, id: u64) -> Vec<(String, String)> {
        self.lock_listeners().retain(|l| l.id != id);
        self.subscriptions.remove_listen(id)
    }

    /// Sends `notifications/tools/list_changed` to every open session and
    /// listen stream that asked; returns how many were told.
    pub async fn notify_tools_changed(&self) -> usize {
        let mut told = 0;
        for listener in self.listeners_asking(|f| f.tools_list_changed) {
            if listener.sink.notify_tool_list_changed().await.is_ok() {
                told += 1;
            }
        }
        for (peer, _) in self.open_peers() {
            if peer.notify_tool_list_changed().await.is_ok() {
                told += 1;
            }
        }
        told
    }

    /// A connector's resource or prompt list changed, or a subscribed
    /// resource did; returns how many were told.
    pub async fn surface_changed(
        &self,
        gateway: &Gateway,
        connector: &str,
        change: &SurfaceChange,
    ) -> usize {
        let surface = match change {
            SurfaceChange::ResourceUpdated(uri) => {
                return self.subscriptions.updated(gateway, connector, uri).await
            }
            SurfaceChange::ResourcesListChanged => Surface::Resources,
            SurfaceChange::PromptsListChanged => Surface::Prompts,
        };
        let may =
            |principal: &Principal| gateway.may_forward(principal, connector, surface, &json!({}));
        let mut told = 0;
        let asked = |f: &SubscriptionFilter| match surface {
            Surface::Prompts => f.prompts_list_changed,
            _ => f.resources_list_changed,
        };
        for listener in self.listeners_asking(asked) {
            if !may(&listener.principal) {
                continue;
            }
            let sent = match surface {
                Surface::Prompts => listener.sink.notify_prompt_list_changed().await,
                _ => listener.sink.notify_resource_list_changed().await,
            };
            told += usize::from(sent.is_ok());
        }
        for (peer, principal) in self.open_peers() {
            if !principal.is_some_and(|p| may(&p)) {
                continue;
            }
            let sent = match surface {
                Surface::Prompts => peer.notify_prompt_list_changed().await,
                _ => peer.notify_resource_list_changed().await,
            };
            told += usize::from(sent.is_ok());
        }
        told
    }

    /// Has every connector report its surface changes here.
    pub fn watch_surfaces(self: &Arc<Self>, gateway: &Arc<Gateway>) {
        for connector in gateway.catalog().connectors() {
            let id = connector.id().to_owned();
            let gateway = Arc::downgrade(gateway);
            let sessions = Arc::downgrade(self);
            connector.watch_surfaces(Arc::new(move |change: &SurfaceChange| {
                let (Some(gateway), Some(sessions)) = (gateway.upgrade(), sessions.upgrade())
                else {
                    return;
                };
                let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                    return;
                };
                let (id, change) = (id.clone(), change.clone());
                runtime.spawn(async move {
                    sessions.surface_changed(&gateway, &id, &change).await;
                });
            }));
        }
    }

    pub fn open(&self) -> usize {
        self.lock_peers()
            .iter()
            .filter(|(p, _)| !p.is_transport_closed())
            .count()
    }

    fn open_peers(&self) -> Vec<SessionPeer> {
        let mut peers = self.lock_peers();
        peers.retain(|(p, _)| !p.is_transport_closed());
        peers.clone()
    }

    fn listeners_asking(
        &self,
        asked: impl Fn(&SubscriptionFilter) -> Option<bool>,
    ) -> Vec<Listener> {
        self.lock_listeners()
            .iter()
            .filter(|l| asked(&l.accepted) == Some(true))
            .cloned()
            .collect()
    }

    fn lock_peers(&self) -> MutexGuard<'_, Vec<SessionPeer>> {
        self.peers.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_listeners(&self) -> MutexGuard<'_, Vec<Listener>> {
        self.listeners.lock().unwrap_or_else(|e| e.into_inner())
    }
}
