//! `switchboard audit --url URL <command>`: the binary embeds
//! [`AuditCommand`] as a clap subcommand and calls [`run`].

mod format;
mod since;

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use anyhow::{bail, Context};
use clap::Subcommand;

pub use format::{Format, Printer};
pub use since::parse_since;

use crate::{AuditReader, QueryFilter};

/// Rows fetched per round trip on exports (keyset pages by id).
const PAGE: u64 = 1_000;
/// How often `tail --follow` looks for new rows.
const FOLLOW_EVERY: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum AuditCommand {
    /// Walk every hash chain; fail naming the first broken link.
    Verify,
    /// Show the newest rows, and with --follow keep printing new ones.
    Tail {
        /// How many rows.
        #[arg(short = 'n', long, default_value_t = 20)]
        n: u64,
        /// Keep polling for new rows until interrupted.
        #[arg(short, long)]
        follow: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Rows matching every given filter, oldest first.
    Query {
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        tool: Option<String>,
        /// How far back: 30m, 1h, 2d, 1w, or an RFC 3339 time.
        #[arg(long)]
        since: Option<String>,
        /// ok, unknown_tool, denied, invalid_args, rate_limited, tool_error, cancelled.
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// At most this many rows (default: all).
        #[arg(long)]
        limit: Option<u64>,
    },
    /// Delete rows older than N days now (retention does this hourly).
    Prune {
        #[arg(long)]
        older_than_days: u32,
    },
}

/// Runs one command against the store at `url`, printing to stdout.
pub async fn run(url: &str, command: AuditCommand) -> anyhow::Result<()> {
    run_to(url, command, io::BufWriter::new(io::stdout())).await
}

/// [`run`], printing to `out`.
pub async fn run_to<W: Write + Send>(
    url: &str,
    command: AuditCommand,
    mut out: W,
) -> anyhow::Result<()> {
    let reader = AuditReader::connect(url)
        .await
        .context("opening the audit store")?;
    match command {
        AuditCommand::Verify => {
            let report = reader.verify().await?;
            for broken in &report.broken {
                writeln!(out, "BROKEN {broken}")?;
            }
            writeln!(
                out,
                "{} rows checked in {} chains ({} anchored by retention): {}",
                report.rows,
                report.chains,
                report.anchored_chains,
                if report.is_ok() { "ok" } else { "TAMPERED" }
            )?;
            out.flush()?;
            if let Some(first) = report.broken.first() {
                bail!("audit chain broken at {first}");
            }
        }
        AuditCommand::Tail { n, follow, format } => {
            let mut printer = Printer::new(format, out);
            let mut cursor = reader.follow().await?;
            let rows = reader.tail(n).await?;
            cursor.observe(&rows);
            printer.print(&rows)?;
            if follow {
                // One listener for the whole loop, so a Ctrl-C during a poll is not lost.
                let stop = tokio::signal::ctrl_c();
                tokio::pin!(stop);
                loop {
                    tokio::select! {
                        _ = &mut stop => break,
                        _ = tokio::time::sleep(FOLLOW_EVERY) => printer.print(&reader.poll(&mut cursor).await?)?,
                    }
                }
            }
        }
        AuditCommand::Query {
            user,
            tool,
            since,
            outcome,
            format,
            limit,
        } => {
            let since = since
                .map(|s| parse_since(&s, switchboard_gateway::audit::now_us()))
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let filter = QueryFilter {
                user,
                tool,
                outcome,
                since,
                after_id: None,
                limit: None,
            };
            export(&reader, filter, limit, Printer::new(format, out)).await?;
        }
        AuditCommand::Prune { older_than_days } => {
            let report = reader.prune(older_than_days).await?;
            writeln!(
                out,
                "pruned {} rows from {} chains",
                report.rows, report.chains
            )?;
            out.flush()?;
        }
    }
    Ok(())
}

/// Pages through the matching rows, with a progress line on stderr when it
/// is a terminal and the export spans more than one page.
async fn export<W: Write>(
    reader: &AuditReader,
    mut filter: QueryFilter,
    limit: Option<u64>,
    mut printer: Printer<W>,
) -> anyhow::Result<()> {
    let total = reader.count(&filter).await?.min(limit.unwrap_or(u64::MAX));
    let progress = io::stderr().is_terminal() && total > PAGE;
    let mut done = 0;
    loop {
        filter.limit = Some(PAGE.min(total - done));
        let rows = if filter.limit == Some(0) {
            Vec::new()
        } else {
            reader.query(&filter).await?
        };
        let Some(last) = rows.last() else { break };
        filter.after_id = Some(last.id);
        done += rows.len() as u64;
        printer.print(&rows)?;
        if progress {
            eprint!("\rexported {done}/{total} rows");
        }
    }
    if progress {
        eprintln!();
    }
    Ok(())
}
