//! Request counting, so tests can assert that the upstream was (or was
//! not) called, and how often per path.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

/// The recent requests kept for inspection; older ones are only counted.
const KEEP: usize = 1000;

/// One request as the fake saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
}

#[derive(Debug, Default)]
struct Log {
    total: usize,
    by_path: HashMap<String, usize>,
    recent: VecDeque<RecordedRequest>,
}

/// A cloneable handle on a fake server's request counters.
#[derive(Debug, Clone, Default)]
pub struct Hits(Arc<Mutex<Log>>);

impl Hits {
    fn lock(&self) -> MutexGuard<'_, Log> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn record(&self, method: &str, path: &str, query: Option<&str>) {
        let mut log = self.lock();
        log.total += 1;
        *log.by_path.entry(path.to_owned()).or_default() += 1;
        if log.recent.len() == KEEP {
            log.recent.pop_front();
        }
        log.recent.push_back(RecordedRequest {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
        });
    }

    /// Every request received, faulted ones included.
    pub fn total(&self) -> usize {
        self.lock().total
    }

    /// Requests to exactly this path (no query string).
    pub fn path(&self, path: &str) -> usize {
        self.lock().by_path.get(path).copied().unwrap_or(0)
    }

    /// Requests to any path starting with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> usize {
        self.lock()
            .by_path
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }

    /// The most recent requests (up to 1000), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().recent.iter().cloned().collect()
    }

    /// Forgets everything counted so far.
    pub fn reset(&self) {
        *self.lock() = Log::default();
    }
}
