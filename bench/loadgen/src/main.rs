//! `loadgen`: the load generator behind `cargo xtask bench`, plus the
//! processes the bench measures it against.
//!
//! - `run`: drives one workload against one server, closed loop (N
//!   keep-alive connections as fast as they go) or at a fixed rate (latency
//!   from the intended send time), and prints one JSON line of results.
//! - `sessions`: memory per live legacy session.
//! - `coalesce`: concurrent identical misses against the upstream's
//!   request counter.
//! - `fake-hubspot`: the testkit's fake HubSpot with a fixed service time.
//! - `bare-server`: a bare hyper server answering a fixed body (the
//!   ceiling of the machine).
//! - `gateway-config`: the bench's gateway config (100 users, raised limits).
//!
//! Everything binds and connects to 127.0.0.1 only, and every run has a
//! bounded duration. The servers exit when their stdin closes, so they never
//! outlive the bench that started them.

mod coalesce;
mod config;
mod conn;
mod legacy;
mod loops;
mod procfs;
mod reply;
mod run;
mod servers;
mod sessions;
mod workload;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "loadgen", about = "Switchboard's benchmark load generator")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Drive one workload and print a JSON line of results.
    Run(run::RunArgs),
    /// Bursts of identical concurrent calls against the fake upstream's
    /// request counter: the cache's coalescing ratio.
    Coalesce(coalesce::CoalesceArgs),
    /// Measure the memory one live legacy session costs the server.
    Sessions(sessions::SessionArgs),
    /// Serve the fake HubSpot with a fixed added service time.
    FakeHubspot {
        #[arg(long, default_value_t = 20)]
        latency_ms: u64,
        #[arg(long)]
        token: String,
    },
    /// Serve a fixed JSON-RPC body on every request.
    BareServer,
    /// Write the bench's gateway config into a directory.
    GatewayConfig(config::ConfigArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::GatewayConfig(args) = &cli.command {
        return config::write(args);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        match cli.command {
            Command::Run(args) => run::run(args).await,
            Command::Sessions(args) => sessions::run(args).await,
            Command::Coalesce(args) => coalesce::run(args).await,
            Command::FakeHubspot { latency_ms, token } => {
                servers::fake_hubspot(latency_ms, &token).await
            }
            Command::BareServer => servers::bare_server().await,
            Command::GatewayConfig(_) => unreachable!("handled above"),
        }
    })
}
