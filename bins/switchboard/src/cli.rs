//! Command-line interface.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "switchboard",
    version,
    about = "One MCP endpoint in front of the company's systems"
)]
pub struct Cli {
    /// Log line format (stderr).
    #[arg(long, value_enum, default_value = "text", global = true)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the gateway.
    Serve(ServeArgs),
    /// Validate a config file (and its policies) without serving.
    Check {
        #[arg(long)]
        config: PathBuf,
    },
    /// Print the tools a user may use, one per line.
    Tools(ToolsArgs),
    /// Read and check the audit trail.
    Audit {
        /// The audit store: `sqlite://PATH` or `postgres://...`.
        #[arg(long)]
        url: String,
        #[command(subcommand)]
        command: switchboard_audit::cli::AuditCommand,
    },
    /// Measure shaped vs raw tokens per tool in demo mode (needs the
    /// `token-bench` feature).
    #[cfg(feature = "token-bench")]
    #[command(hide = true)]
    BenchTokens {
        #[arg(long, default_value = "docs/token-economics.md")]
        out: PathBuf,
    },
    /// Policy tools.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Print the Cedar schema generated from the compiled catalog.
    Schema,
    /// Print the demo roles × tools table (Markdown) the shipped policies give.
    Table,
}

/// Where the gateway's configuration comes from.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Source {
    /// Run against built-in fake upstreams with the demo company and demo
    /// users (loopback only).
    #[arg(long)]
    pub demo: bool,
    /// A TOML config file (`version = 1`).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub source: Source,
    /// Address to listen on (default 127.0.0.1:8080, or the config's).
    #[arg(long)]
    pub bind: Option<SocketAddr>,
    /// A directory of `*.cedar` policy files (reloaded on change and SIGHUP).
    #[arg(long)]
    pub policies: Option<PathBuf>,
    /// The audit store (`sqlite://PATH` or `postgres://...`); overrides the
    /// config. Demo mode defaults to `sqlite://./switchboard-demo.db`.
    #[arg(long)]
    pub audit_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ToolsArgs {
    #[command(flatten)]
    pub source: Source,
    /// The user id to list tools for (e.g. sales@demo).
    #[arg(long = "as")]
    pub as_user: String,
    /// A directory of `*.cedar` policy files.
    #[arg(long)]
    pub policies: Option<PathBuf>,
}
