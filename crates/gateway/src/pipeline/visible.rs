//! A memo of which catalog entries each caller may use.
//!
//! The answer depends only on the caller's identity attributes (what the
//! policy engine sees: user id, email, org, groups) and on the policies, so
//! it is kept per caller until the authorizer's generation or the catalog
//! snapshot changes. The map is bounded: when full it is emptied and
//! refilled by use.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use switchboard_core::Principal;

const MAX_CALLERS: usize = 10_000;

/// Caller fingerprint → (policy generation, catalog epoch, visible catalog
/// indices). The indices are only meaningful in the catalog snapshot they
/// were computed for, so the epoch is part of the check.
type Memo = HashMap<String, (u64, u64, Arc<[usize]>)>;

#[derive(Default)]
pub(super) struct VisibleMemo {
    entries: Mutex<Memo>,
}

impl VisibleMemo {
    /// The memoized indices for `principal` under policy `generation` in
    /// catalog `epoch`, or `compute`'s answer, remembered.
    pub(super) fn get(
        &self,
        principal: &Principal,
        generation: u64,
        epoch: u64,
        compute: impl FnOnce() -> Vec<usize>,
    ) -> Arc<[usize]> {
        let key = switchboard_policy::principal_fingerprint(principal);
        if let Some((g, e, visible)) = self.lock().get(&key) {
            if *g == generation && *e == epoch {
                return visible.clone();
            }
        }
        let visible: Arc<[usize]> = compute().into();
        let mut entries = self.lock();
        if entries.len() >= MAX_CALLERS {
            entries.clear();
        }
        entries.insert(key, (generation, epoch, visible.clone()));
        visible
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Memo> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}
