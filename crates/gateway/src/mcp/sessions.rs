//! Legacy (pre-2026-07-28) sessions that can be told the tool list changed,
//! e.g. after a policy reload. Stateless 2026-07-28 clients re-list on their
//! own schedule and honour the list's cache hints instead.

use std::sync::Mutex;

use rmcp::service::Peer;
use rmcp::RoleServer;

/// The peers of open sessions.
#[derive(Default)]
pub struct Sessions {
    peers: Mutex<Vec<Peer<RoleServer>>>,
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

    pub fn open(&self) -> usize {
        let peers = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        peers.iter().filter(|p| !p.is_transport_closed()).count()
    }
}
