//! What the gateway knows about a tool before calling it.

use std::sync::Arc;
use std::time::Duration;

use crate::schema::JsonObject;

/// What a tool does to the world. Drives MCP annotations, caching (only
/// reads are cached) and retry safety.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// Reads only; safe to cache and to retry.
    Read,
    /// Creates or changes data; never cached, never retried blindly.
    Write,
    /// Deletes or irreversibly changes data.
    Destructive,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Read => "read",
            Effect::Write => "write",
            Effect::Destructive => "destructive",
        }
    }

    pub fn is_read_only(self) -> bool {
        matches!(self, Effect::Read)
    }
}

/// How the gateway may cache a tool's result. The cache key always carries a
/// scope: the caller, or (for `SharedByPermission`) the caller's permission
/// set, so nothing is ever shared between callers who may see different data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Never cached (writes, and reads whose result must be fresh).
    Never,
    /// Cached per principal for `ttl`.
    PerCaller { ttl: Duration },
    /// The result does not depend on who calls (e.g. a pipeline's stage
    /// names): cached per permission set for `ttl`.
    SharedByPermission { ttl: Duration },
}

impl CachePolicy {
    /// The default for an effect: reads are cached per caller for a minute.
    pub const fn default_for(effect: Effect) -> Self {
        match effect {
            Effect::Read => CachePolicy::PerCaller {
                ttl: Duration::from_secs(60),
            },
            Effect::Write | Effect::Destructive => CachePolicy::Never,
        }
    }
}

/// Everything the gateway needs to list, authorize, validate, cache and
/// describe a tool. Owned strings so that federated connectors can build
/// specs discovered at run time.
#[derive(Debug, Clone)]
pub struct ToolSpec {
    /// `<connector>_<verb>_<noun>`, `[a-z0-9_]`, at most 64 characters.
    pub name: String,
    /// Human-readable title shown by clients.
    pub title: String,
    /// What the tool answers; the model reads this to pick the tool.
    pub description: String,
    /// JSON Schema of the arguments; the root is an object that rejects
    /// unknown properties.
    pub input_schema: Arc<JsonObject>,
    /// JSON Schema of `structuredContent`.
    pub output_schema: Option<Arc<JsonObject>>,
    /// `<connector>:<noun>:<read|write>`; mandatory.
    pub permission: String,
    pub effect: Effect,
    pub cache: CachePolicy,
    /// Repeating the call with the same arguments has no further effect.
    pub idempotent: bool,
    /// The tool talks to an external system (all connector tools do).
    pub open_world: bool,
}
