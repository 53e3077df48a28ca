//! Building the gateway from a config source and serving it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use switchboard_audit::{AuditSettings, AuditStore};
use switchboard_gateway::audit::{AuditSink, LogAuditSink};
use switchboard_gateway::auth::{
    ApiKeys, AuthState, Credentials, JwtAuthenticator, ProtectedResource,
};
use switchboard_gateway::mcp::Sessions;
use switchboard_gateway::policy::CedarAuthorizer;
use switchboard_gateway::refresh::Refresher;
use switchboard_gateway::{Catalog, Gateway, GatewayOptions};
use switchboard_testkit::fake::FakeServer;
use tokio_util::sync::CancellationToken;

use crate::cli::Source;
use crate::config::LoadedConfig;
use crate::policies::{spawn_reloader, PolicySource};
use crate::{demo, registry};

/// A gateway ready to serve, with whatever must live as long as it.
pub struct Built {
    pub gateway: Arc<Gateway>,
    /// Builds the authenticator once the bound address (and so the default
    /// resource URL) is known.
    pub jwt: Option<crate::config::JwtConfig>,
    pub public_url: Option<String>,
    pub authorizer: Arc<CedarAuthorizer>,
    pub policies: PolicySource,
    pub keys: ApiKeys,
    pub bind: SocketAddr,
    pub demo: bool,
    /// Demo mode's fake upstreams.
    pub _fakes: Vec<FakeServer>,
}

/// Where audit rows go: the store named by `url`, or the log when `url` is
/// empty (`switchboard tools`, which serves no calls).
async fn audit_sink(settings: AuditSettings) -> anyhow::Result<Arc<dyn AuditSink>> {
    if settings.url.is_empty() {
        return Ok(Arc::new(LogAuditSink));
    }
    let store = AuditStore::open(&settings)
        .await
        .with_context(|| format!("cannot open the audit store {}", redact_url(&settings.url)))?;
    Ok(store)
}

/// A database URL without its password, for messages.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***@{}", &url[..s], &url[at + 1..]),
        _ => url.to_owned(),
    }
}

/// Builds everything; `policies` and `audit_url` override the config.
pub async fn build(
    source: &Source,
    policies: Option<PathBuf>,
    audit_url: Option<String>,
) -> anyhow::Result<Built> {
    if source.demo {
        let (connectors, fakes) = registry::demo_connectors().await?;
        let catalog = Catalog::discover(connectors, None).await?;
        let policies = policies
            .map(PolicySource::Dir)
            .unwrap_or(PolicySource::Embedded);
        let authorizer = Arc::new(CedarAuthorizer::new(policies.engine(&catalog)?));
        let audit = audit_sink(AuditSettings::with_url(
            audit_url.unwrap_or_else(|| "sqlite://./switchboard-demo.db".into()),
        ))
        .await?;
        let gateway = Gateway::new(
            catalog,
            authorizer.clone(),
            audit,
            GatewayOptions::default(),
        );
        return Ok(Built {
            gateway,
            jwt: None,
            public_url: None,
            authorizer,
            policies,
            keys: demo::api_keys(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            demo: true,
            _fakes: fakes,
        });
    }
    let path = source
        .config
        .as_ref()
        .context("either --demo or --config is required")?;
    let loaded = LoadedConfig::load(path)?;
    let file = &loaded.file;
    let mut connectors = Vec::new();
    for (id, table) in &file.connectors {
        connectors.extend(
            registry::build_connectors(id, table)
                .await
                .with_context(|| format!("{}", path.display()))?,
        );
    }
    let keys = file
        .api_keys
        .iter()
        .map(|k| k.entry().map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let catalog = Catalog::discover(connectors, None).await?;
    let policies = PolicySource::Dir(policies.unwrap_or_else(|| loaded.policy_dir()));
    let authorizer = Arc::new(CedarAuthorizer::new(
        policies
            .engine(&catalog)
            .with_context(|| format!("{}: policy", path.display()))?,
    ));
    let options = GatewayOptions {
        limits: file.limits.settings(),
        cache_max_bytes: file.cache.max_mb * 1024 * 1024,
        cache_ttl_overrides: file.cache.ttl_overrides(),
        ..file.server.options().map_err(anyhow::Error::msg)?
    };
    let mut audit = file.audit.clone();
    if let Some(url) = audit_url {
        audit.url = url;
    }
    let gateway = Gateway::new(
        catalog,
        authorizer.clone(),
        audit_sink(audit).await?,
        options,
    );
    Ok(Built {
        gateway,
        jwt: loaded.file.auth.jwt.clone(),
        public_url: loaded.file.server.public_url.clone(),
        authorizer,
        policies,
        keys: ApiKeys::new(keys),
        bind: file.server.bind,
        demo: false,
        _fakes: Vec::new(),
    })
}

/// How long a burst of tool-list changes from federated connectors may last
/// before the catalog is rebuilt once for all of it.
const CATALOG_DEBOUNCE: Duration = Duration::from_millis(250);

pub async fn serve(built: Built, bind: Option<SocketAddr>) -> anyhow::Result<()> {
    let bind = bind.unwrap_or(built.bind);
    if built.demo && !bind.ip().is_loopback() {
        bail!("--demo serves fixed, public demo keys and only binds to loopback; {bind} is not a loopback address");
    }
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr()?;
    let shutdown = CancellationToken::new();
    let sessions = Arc::new(Sessions::default());
    // One path for every change of catalog or policies: federated
    // connectors' tool lists (watched here) and policy files (below).
    let policies = built.policies.clone();
    let refresher = Refresher::new(
        built.gateway.clone(),
        built.authorizer.clone(),
        sessions.clone(),
        Arc::new(move |catalog: &Catalog| policies.engine(catalog).map_err(|e| format!("{e:#}"))),
    );
    refresher.watch(CATALOG_DEBOUNCE);
    if let PolicySource::Dir(dir) = &built.policies {
        spawn_reloader(dir.clone(), refresher, Duration::from_secs(2));
    }
    let resource = match &built.public_url {
        Some(url) => format!("{}/mcp", url.trim_end_matches('/')),
        None => format!("http://{addr}/mcp"),
    };
    let issuers: Vec<String> = built.jwt.iter().map(|j| j.issuer.clone()).collect();
    let scopes = built
        .jwt
        .as_ref()
        .map(|j| j.scopes_supported.clone())
        .unwrap_or_default();
    let auth = AuthState {
        authenticator: Arc::new(Credentials {
            api_keys: built.keys,
            jwt: built
                .jwt
                .as_ref()
                .map(|j| JwtAuthenticator::new(j.settings(&resource))),
        }),
        resource: Arc::new(ProtectedResource::new(resource, issuers, scopes)),
    };
    let app = switchboard_gateway::http::router(built.gateway, sessions, auth, shutdown.clone());
    print_banner(addr, built.demo);
    let signal = shutdown.clone();
    // TCP_NODELAY on every accepted connection: SSE responses are written
    // in several small chunks, and without it each waits ~40 ms for the
    // client's delayed ACK (Nagle).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            signal.cancel();
        })
        .await
        .context("server failed")?;
    Ok(())
}

fn print_banner(addr: SocketAddr, demo: bool) {
    let url = format!("http://{addr}/mcp");
    println!("Switchboard listening on {url}");
    if demo {
        let keys: Vec<&str> = demo::DEMO_USERS.iter().map(|(k, _, _)| *k).collect();
        println!(
            "Demo mode: fake upstreams, demo users; keys: {}",
            keys.join(" ")
        );
        println!();
        println!("Claude Code:   claude mcp add --transport http switchboard {url} --header \"Authorization: Bearer demo-sales\"");
        println!("Inspector:     npx @modelcontextprotocol/inspector --cli {url} --transport http --header \"Authorization: Bearer demo-sales\" --method tools/list");
        println!("Python SDK:    streamablehttp_client(\"{url}\", headers={{\"Authorization\": \"Bearer demo-sales\"}})");
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
}
