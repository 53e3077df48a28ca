//! stdio: a child process speaking newline-delimited JSON-RPC, supervised.
//!
//! The supervisor task owns the child. It starts it in its own process
//! group with a clean environment, performs the `initialize` handshake,
//! and when the child exits fails every request in flight with
//! `Unavailable` and starts it again after an exponential backoff (capped;
//! reset once a child stayed up). Dropping the transport kills the whole
//! process group and reaps the child, so no process outlives the gateway's
//! interest in it.
//!
//! stdio carries no per-request stream, so messages the upstream sends
//! during a request are routed conservatively: progress by its token
//! (unique per call); log messages and server-to-client requests only when
//! exactly one caller's request is in flight (otherwise a log line could
//! reach another caller, or a caller could be asked on another's behalf).

use std::collections::{BTreeMap, HashMap};
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde_json::{json, Value};
use switchboard_core::{ConnectorError, ErrorKind, Health};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::{mpsc, oneshot, watch};

use super::jsonrpc::{self, classify, code, Incoming, RpcError};
use super::{initialize_params, unavailable, Events, Inbound, NoCaller, Outgoing, Transport};
use crate::lock;

/// How long a new request waits for a (re)starting child.
const READY_WAIT: Duration = Duration::from_secs(5);
/// How long the handshake may take.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// A child that stayed up this long resets the backoff.
const STABLE_RUN: Duration = Duration::from_secs(10);
/// The longest line a child may write.
const MAX_LINE: usize = 16 * 1024 * 1024;

/// What to run.
#[derive(Clone)]
pub struct StdioSpec {
    pub command: String,
    pub args: Vec<String>,
    /// The child's whole environment (besides `PATH`, `HOME`, `LANG`).
    pub env: BTreeMap<String, String>,
    pub restart_min: Duration,
    pub restart_max: Duration,
}

impl std::fmt::Debug for StdioSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Values may be secrets: names only.
        f.debug_struct("StdioSpec")
            .field("command", &self.command)
            .field("args", &self.args)
            .field("env", &self.env.keys().collect::<Vec<_>>())
            .finish()
    }
}

struct Pending {
    reply: oneshot::Sender<Result<Value, RpcError>>,
    inbound: Arc<dyn Inbound>,
}

/// The running child, as requests see it.
struct Running {
    generation: u64,
    pid: u32,
    version: String,
    writer: mpsc::UnboundedSender<String>,
}

#[derive(Default)]
struct State {
    running: Option<Arc<Running>>,
    pending: HashMap<u64, Pending>,
    last_error: Option<String>,
    restarts: u64,
}

struct Shared {
    service: String,
    ids: AtomicU64,
    state: Mutex<State>,
    /// Bumped whenever a child becomes ready; requests wait on it.
    ready: watch::Sender<u64>,
    events: Arc<Events>,
}

/// The stdio client of one upstream.
pub struct StdioTransport {
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
}

impl StdioTransport {
    /// Starts the supervisor (needs a Tokio runtime). Never fails because
    /// the program cannot start: that is retried with backoff.
    pub fn start(service: &str, spec: StdioSpec, events: Arc<Events>) -> Self {
        let shared = Arc::new(Shared {
            service: service.to_owned(),
            ids: AtomicU64::new(1),
            state: Mutex::new(State::default()),
            ready: watch::channel(0).0,
            events,
        });
        let (stop, stop_rx) = watch::channel(false);
        tokio::spawn(supervise(shared.clone(), spec, stop_rx));
        StdioTransport { shared, stop }
    }

    /// The running child's process id (tests, diagnostics).
    pub fn pid(&self) -> Option<u32> {
        lock(&self.shared.state).running.as_ref().map(|r| r.pid)
    }

    /// How many times the child was started after the first.
    pub fn restarts(&self) -> u64 {
        lock(&self.shared.state).restarts
    }
}

impl Drop for StdioTransport {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

#[async_trait]
impl Transport for StdioTransport {
    async fn request(
        &self,
        outgoing: Outgoing<'_>,
        inbound: Arc<dyn Inbound>,
    ) -> Result<Value, ConnectorError> {
        let running = self.wait_ready(outgoing.timeout.min(READY_WAIT)).await?;
        let shared = &self.shared;
        let (id, rx) = shared.register(inbound);
        let mut guard = CancelGuard {
            shared: shared.clone(),
            running: running.clone(),
            id,
            armed: true,
        };
        let line = jsonrpc::request(id, outgoing.method, &outgoing.params).to_string();
        if running.writer.send(line).is_err() {
            guard.armed = false;
            shared.unregister(id);
            return Err(unavailable(format!("{} exited", shared.service)));
        }
        let outcome = tokio::time::timeout(outgoing.timeout, rx).await;
        guard.armed = false;
        match outcome {
            Ok(Ok(Ok(value))) => Ok(value),
            Ok(Ok(Err(rpc))) => Err(rpc.into_connector_error(&shared.service)),
            Ok(Err(_)) => Err(unavailable(format!(
                "{} exited while handling the request",
                shared.service
            ))),
            Err(_) => {
                shared.unregister(id);
                send_cancel(&running, id);
                Err(ConnectorError::new(
                    ErrorKind::Timeout,
                    format!("{} did not answer in time", shared.service),
                ))
            }
        }
    }

    fn protocol_version(&self) -> Option<String> {
        lock(&self.shared.state)
            .running
            .as_ref()
            .map(|r| r.version.clone())
    }

    fn health(&self) -> Health {
        let state = lock(&self.shared.state);
        match (&state.running, &state.last_error) {
            (Some(_), _) => Health::Ok,
            (None, Some(e)) => Health::Down(e.clone()),
            (None, None) => Health::Down(format!("{} is starting", self.shared.service)),
        }
    }
}

impl StdioTransport {
    async fn wait_ready(&self, wait: Duration) -> Result<Arc<Running>, ConnectorError> {
        let mut ready = self.shared.ready.subscribe();
        let deadline = Instant::now() + wait;
        loop {
            if let Some(running) = lock(&self.shared.state).running.clone() {
                return Ok(running);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || tokio::time::timeout(left, ready.changed()).await.is_err() {
                let why = lock(&self.shared.state)
                    .last_error
                    .clone()
                    .unwrap_or_else(|| "it is starting".into());
                return Err(unavailable(format!(
                    "{} is not running ({why})",
                    self.shared.service
                )));
            }
        }
    }
}

impl Shared {
    fn register(
        &self,
        inbound: Arc<dyn Inbound>,
    ) -> (u64, oneshot::Receiver<Result<Value, RpcError>>) {
        let id = self.ids.fetch_add(1, Ordering::Relaxed);
        let (reply, rx) = oneshot::channel();
        lock(&self.state)
            .pending
            .insert(id, Pending { reply, inbound });
        (id, rx)
    }

    fn unregister(&self, id: u64) {
        lock(&self.state).pending.remove(&id);
    }

    /// The one caller-bound request in flight, if there is exactly one.
    fn sole_caller(&self) -> Option<Arc<dyn Inbound>> {
        let state = lock(&self.state);
        let mut callers = state.pending.values().filter(|p| p.inbound.has_caller());
        match (callers.next(), callers.next()) {
            (Some(one), None) => Some(one.inbound.clone()),
            _ => None,
        }
    }

    /// Fails every request in flight: dropping its reply sender makes it
    /// return `Unavailable` ("exited while handling the request").
    fn fail_all(&self) {
        lock(&self.state).pending.clear();
    }
}

/// Cancels a request upstream when its future is dropped.
struct CancelGuard {
    shared: Arc<Shared>,
    running: Arc<Running>,
    id: u64,
    armed: bool,
}

impl Drop for CancelGuard {
    fn drop(&mut self) {
        if self.armed {
            self.shared.unregister(self.id);
            send_cancel(&self.running, self.id);
        }
    }
}

fn send_cancel(running: &Running, id: u64) {
    let message = jsonrpc::notification(
        "notifications/cancelled",
        json!({"requestId": id, "reason": "the caller cancelled the call"}),
    );
    let _ = running.writer.send(message.to_string());
}

/// The supervisor: start, handshake, wait for exit, back off, repeat.
async fn supervise(shared: Arc<Shared>, spec: StdioSpec, mut stop: watch::Receiver<bool>) {
    let mut attempt: u32 = 0;
    let mut generation = 0u64;
    let mut first = true;
    loop {
        if *stop.borrow() {
            return;
        }
        if !first {
            lock(&shared.state).restarts += 1;
        }
        first = false;
        generation += 1;
        let started = Instant::now();
        match run_child(&shared, &spec, generation, &mut stop).await {
            ChildEnd::Stopped => return,
            ChildEnd::Exited(why) => {
                tracing::warn!(upstream = %shared.service, reason = %why, "MCP upstream process ended");
                lock(&shared.state).last_error = Some(why.clone());
                shared.fail_all();
            }
        }
        if started.elapsed() >= STABLE_RUN {
            attempt = 0;
        }
        let delay = spec
            .restart_min
            .saturating_mul(1u32 << attempt.min(16))
            .min(spec.restart_max);
        attempt = attempt.saturating_add(1);
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = stop.changed() => return,
        }
    }
}

enum ChildEnd {
    /// The transport was dropped; the child is killed and reaped.
    Stopped,
    Exited(String),
}

async fn run_child(
    shared: &Arc<Shared>,
    spec: &StdioSpec,
    generation: u64,
    stop: &mut watch::Receiver<bool>,
) -> ChildEnd {
    let mut command = Command::new(&spec.command);
    command
        .args(&spec.args)
        .env_clear()
        .envs(
            ["PATH", "HOME", "LANG"]
                .iter()
                .filter_map(|k| std::env::var(k).ok().map(|v| (*k, v))),
        )
        .envs(&spec.env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    #[cfg(unix)]
    command.process_group(0);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return ChildEnd::Exited(format!("cannot start `{}`: {e}", spec.command)),
    };
    let pid = child.id().unwrap_or_default();
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        kill_and_reap(&mut child).await;
        return ChildEnd::Exited("the child has no pipes".into());
    };

    let (writer, mut lines) = mpsc::unbounded_channel::<String>();
    let write_task = tokio::spawn(async move {
        let mut stdin = stdin;
        while let Some(mut line) = lines.recv().await {
            line.push('\n');
            if stdin.write_all(line.as_bytes()).await.is_err() || stdin.flush().await.is_err() {
                return;
            }
        }
    });
    let service = shared.service.clone();
    let stderr_task = tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            tracing::info!(upstream = %service, "stderr: {line}");
        }
    });
    let reader_shared = shared.clone();
    let reply_writer = writer.clone();
    let read_task = tokio::spawn(async move {
        read_loop(reader_shared, stdout, reply_writer).await;
    });

    let end = tokio::select! {
        end = async {
            // Handshake on the fresh child, then publish it.
            match handshake(shared, &writer).await {
                Ok(version) => {
                    let running = Arc::new(Running { generation, pid, version, writer: writer.clone() });
                    {
                        let mut state = lock(&shared.state);
                        state.running = Some(running);
                        state.last_error = None;
                    }
                    shared.ready.send_modify(|g| *g = generation);
                    shared.events.tools_changed.notify_one();
                    tracing::info!(upstream = %shared.service, pid, "MCP upstream process ready");
                }
                Err(e) => {
                    lock(&shared.state).last_error = Some(e.message.clone());
                    tracing::warn!(upstream = %shared.service, error = %e.message, "MCP upstream handshake failed");
                    return ChildEnd::Exited(format!("handshake failed: {}", e.message));
                }
            }
            match child.wait().await {
                Ok(status) => ChildEnd::Exited(format!("it exited ({status})")),
                Err(e) => ChildEnd::Exited(format!("waiting for it failed: {e}")),
            }
        } => end,
        _ = stop.changed() => ChildEnd::Stopped,
    };
    {
        let mut state = lock(&shared.state);
        if state
            .running
            .as_ref()
            .is_some_and(|r| r.generation == generation)
        {
            state.running = None;
        }
    }
    kill_and_reap(&mut child).await;
    read_task.abort();
    write_task.abort();
    stderr_task.abort();
    end
}

/// SIGKILL to the child's whole process group (grandchildren included),
/// then wait so no zombie is left.
async fn kill_and_reap(child: &mut Child) {
    #[cfg(unix)]
    if let Some(pid) = child.id() {
        // The child leads its own group (process_group(0)): -pid is it.
        // SAFETY: kill(2) has no memory effects; a stale group id at worst
        // fails with ESRCH.
        unsafe {
            libc::kill(-(pid as libc::pid_t), libc::SIGKILL);
        }
    }
    let _ = child.start_kill();
    let _ = child.wait().await;
}

async fn handshake(
    shared: &Arc<Shared>,
    writer: &mpsc::UnboundedSender<String>,
) -> Result<String, ConnectorError> {
    let (id, rx) = shared.register(Arc::new(NoCaller));
    let line = jsonrpc::request(id, "initialize", &initialize_params()).to_string();
    writer
        .send(line)
        .map_err(|_| unavailable("the child closed its input"))?;
    let result = match tokio::time::timeout(HANDSHAKE_TIMEOUT, rx).await {
        Ok(Ok(Ok(v))) => v,
        Ok(Ok(Err(rpc))) => return Err(rpc.into_connector_error(&shared.service)),
        Ok(Err(_)) => return Err(unavailable("the child exited during the handshake")),
        Err(_) => {
            shared.unregister(id);
            return Err(unavailable("the child did not answer initialize in time"));
        }
    };
    let version = result
        .get("protocolVersion")
        .and_then(Value::as_str)
        .unwrap_or(super::LEGACY_VERSION)
        .to_owned();
    writer
        .send(jsonrpc::notification("notifications/initialized", Value::Null).to_string())
        .map_err(|_| unavailable("the child closed its input"))?;
    Ok(version)
}

async fn read_loop(
    shared: Arc<Shared>,
    stdout: tokio::process::ChildStdout,
    writer: mpsc::UnboundedSender<String>,
) {
    let mut reader = BufReader::new(stdout);
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match (&mut reader)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut buffer)
            .await
        {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&buffer);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(message) = serde_json::from_str::<Value>(text).ok().and_then(classify) else {
            tracing::warn!(upstream = %shared.service, line = %jsonrpc::truncate(text, 200), "the upstream wrote a line that is not JSON-RPC");
            continue;
        };
        match message {
            Incoming::Response { id, result } => {
                let pending = id
                    .as_u64()
                    .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
                    .and_then(|id| lock(&shared.state).pending.remove(&id));
                if let Some(p) = pending {
                    let _ = p.reply.send(result);
                }
            }
            Incoming::Notification { method, params } => match method.as_str() {
                _ if shared.events.connection_wide(&method, &params) => {}
                "notifications/progress" => {
                    // Every in-flight call filters by its own token.
                    let inbounds: Vec<Arc<dyn Inbound>> = lock(&shared.state)
                        .pending
                        .values()
                        .map(|p| p.inbound.clone())
                        .collect();
                    for inbound in inbounds {
                        inbound.notification(&method, params.clone()).await;
                    }
                }
                _ => match shared.sole_caller() {
                    Some(inbound) => inbound.notification(&method, params).await,
                    None => {
                        tracing::info!(upstream = %shared.service, method = %method, params = %jsonrpc::truncate(&params.to_string(), 500), "upstream notification outside a single call")
                    }
                },
            },
            Incoming::Request { id, method, params } => {
                let target = shared.sole_caller();
                let writer = writer.clone();
                let service = shared.service.clone();
                tokio::spawn(async move {
                    let answer = match (method.as_str(), target) {
                        ("ping", _) => Ok(json!({})),
                        (_, Some(inbound)) => inbound.request(&method, params).await,
                        (_, None) => {
                            tracing::info!(upstream = %service, method = %method, "upstream request refused: not exactly one call in flight");
                            Err(RpcError::new(
                                code::INVALID_REQUEST,
                                format!(
                                    "{method}: the gateway cannot tell which call this belongs to"
                                ),
                            ))
                        }
                    };
                    let _ = writer.send(jsonrpc::response(id, answer).to_string());
                });
            }
        }
    }
}
