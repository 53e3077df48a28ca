//! Where policies come from, and reloading them without a restart.
//!
//! Demo mode uses the repository's `policies/*.cedar`, compiled into the
//! binary so `serve --demo` works from anywhere; `--policies DIR` or the
//! config's `[policy] dir` reads a directory instead, which is then
//! reloaded on SIGHUP and when a file in it changes. An invalid new policy
//! set is rejected with a log line and the old one stays in force.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use switchboard_gateway::policy::catalog_tools;
use switchboard_gateway::refresh::Refresher;
use switchboard_gateway::Catalog;
use switchboard_policy::{PolicyEngine, PolicyFile};

use crate::registry::KNOWN_CONNECTORS;

/// The shipped policies, for demo mode.
const EMBEDDED: &[(&str, &str)] = &[
    ("base.cedar", include_str!("../../../policies/base.cedar")),
    (
        "engineering.cedar",
        include_str!("../../../policies/engineering.cedar"),
    ),
    (
        "finance.cedar",
        include_str!("../../../policies/finance.cedar"),
    ),
    ("hr.cedar", include_str!("../../../policies/hr.cedar")),
    ("sales.cedar", include_str!("../../../policies/sales.cedar")),
    (
        "support.cedar",
        include_str!("../../../policies/support.cedar"),
    ),
];

#[derive(Debug, Clone)]
pub enum PolicySource {
    Embedded,
    Dir(PathBuf),
}

impl PolicySource {
    pub fn files(&self) -> anyhow::Result<Vec<PolicyFile>> {
        match self {
            PolicySource::Embedded => Ok(EMBEDDED
                .iter()
                .map(|(name, text)| PolicyFile {
                    name: name.to_string(),
                    text: text.to_string(),
                })
                .collect()),
            PolicySource::Dir(dir) => read_dir(dir),
        }
    }

    /// Parses and validates against the catalog.
    pub fn engine(&self, catalog: &Catalog) -> anyhow::Result<PolicyEngine> {
        // Federated connectors have ids of their own choosing, and may
        // have no tools yet (upstream down): policies may still name them.
        let mut known: Vec<&str> = KNOWN_CONNECTORS.to_vec();
        known.extend(catalog.connectors().iter().map(|c| c.id()));
        Ok(PolicyEngine::new(
            &catalog_tools(catalog),
            &known,
            &self.files()?,
        )?)
    }
}

fn read_dir(dir: &Path) -> anyhow::Result<Vec<PolicyFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)
        .with_context(|| format!("cannot read policy directory {}", dir.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "cedar") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            files.push(PolicyFile {
                name: path.display().to_string(),
                text,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Newest modification time in the directory (files added, changed or
/// removed all move it or the directory's own time).
fn stamp(dir: &Path) -> Option<SystemTime> {
    let mut newest = std::fs::metadata(dir).and_then(|m| m.modified()).ok()?;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        if let Ok(t) = entry.metadata().and_then(|m| m.modified()) {
            newest = newest.max(t);
        }
    }
    Some(newest)
}

/// Reloads on SIGHUP and on changes in the directory (polled every
/// `interval`), for as long as the server runs. The refresher builds the
/// engine for the current catalog (federated tool lists change too).
pub fn spawn_reloader(dir: PathBuf, refresher: Arc<Refresher>, interval: Duration) {
    tokio::spawn(async move {
        let mut hangup = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGHUP; policies reload on file changes only");
                None
            }
        };
        let mut last = stamp(&dir);
        loop {
            let by_signal = tokio::select! {
                _ = async { match hangup.as_mut() { Some(h) => { h.recv().await; } None => std::future::pending().await } } => true,
                _ = tokio::time::sleep(interval) => false,
            };
            let now = stamp(&dir);
            if !by_signal && now == last {
                continue;
            }
            last = now;
            match refresher.reload_policies().await {
                Ok((count, told)) => {
                    tracing::info!(dir = %dir.display(), policies = count, sessions_notified = told, "policies reloaded");
                }
                Err(e) => {
                    tracing::error!(dir = %dir.display(), error = %e, "new policies rejected; the previous policies stay in force")
                }
            }
        }
    });
}
