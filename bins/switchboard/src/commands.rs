//! One function per subcommand.

use anyhow::bail;

use switchboard_gateway::Catalog;

use switchboard_gateway::telemetry::{self, OtlpSettings, TelemetryGuard};

use crate::cli::{Command, LogFormat, PolicyCommand};
use crate::config::LoadedConfig;
use crate::policies::PolicySource;
use crate::{registry, serve};

/// Logs (and, for `serve` with `[telemetry]`, OTLP traces) for the run.
fn telemetry(format: LogFormat, otlp: Option<&OtlpSettings>) -> anyhow::Result<TelemetryGuard> {
    let format = match format {
        LogFormat::Text => telemetry::LogFormat::Text,
        LogFormat::Json => telemetry::LogFormat::Json,
    };
    telemetry::init(format, otlp).map_err(|e| anyhow::anyhow!("cannot start telemetry: {e}"))
}

pub async fn run(command: Command, log_format: LogFormat) -> anyhow::Result<()> {
    let otlp = match &command {
        Command::Serve(args) => match &args.source.config {
            Some(path) => LoadedConfig::load(path)?.file.telemetry.otlp(),
            None => None,
        },
        _ => None,
    };
    let _telemetry = telemetry(log_format, otlp.as_ref())?;
    match command {
        Command::Serve(args) => {
            let built = serve::build(&args.source, args.policies, args.audit_url).await?;
            serve::serve(built, args.bind).await
        }
        Command::Check { config } => {
            let loaded = LoadedConfig::load(&config)?;
            let named: Vec<(String, Option<toml::Value>)> = loaded
                .file
                .connectors
                .iter()
                .map(|(id, t)| (id.clone(), Some(t.clone())))
                .collect();
            let ids: Vec<&String> = named.iter().map(|(id, _)| id).collect();
            let catalog = Catalog::new(registry::offline_catalog(&named).await?)?;
            let engine = PolicySource::Dir(loaded.policy_dir()).engine(&catalog)?;
            println!(
                "{}: ok ({} connectors, {} tools, {} api keys, {} policies)",
                config.display(),
                ids.len(),
                catalog.entries().len(),
                loaded.file.api_keys.len(),
                engine.policy_count()
            );
            Ok(())
        }
        Command::Tools(args) => {
            let built = serve::build(&args.source, args.policies, Some(String::new())).await?;
            let Some(principal) = built.keys.principals().find(|p| p.user_id == args.as_user)
            else {
                bail!("no configured user `{}`", args.as_user);
            };
            for spec in built.gateway.visible_tools(principal).iter() {
                println!("{}", spec.name);
            }
            Ok(())
        }
        #[cfg(feature = "token-bench")]
        Command::BenchTokens { out } => crate::bench_tokens::run(&out).await,
        Command::Audit { url, command } => switchboard_audit::cli::run(&url, command).await,
        Command::Policy {
            command: PolicyCommand::Table,
        } => {
            print!("{}", policy_table().await?);
            Ok(())
        }
        Command::Policy {
            command: PolicyCommand::Schema,
        } => {
            let catalog = Catalog::new(registry::offline_catalog(&registry::compiled()).await?)?;
            let engine = PolicySource::Embedded.engine(&catalog)?;
            print!("{}", engine.schema_text());
            Ok(())
        }
    }
}

/// The demo roles × compiled tools, as the shipped policies decide.
async fn policy_table() -> anyhow::Result<String> {
    let catalog = Catalog::new(registry::offline_catalog(&registry::compiled()).await?)?;
    let engine = PolicySource::Embedded.engine(&catalog)?;
    let keys = crate::demo::api_keys();
    let users: Vec<_> = keys.principals().collect();
    let mut out = String::from("| tool | permission |");
    for u in &users {
        out.push_str(&format!(" {} |", u.groups.join(",")));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(users.len()));
    out.push('\n');
    for entry in catalog.entries() {
        out.push_str(&format!(
            "| `{}` | `{}` |",
            entry.spec.name, entry.spec.permission
        ));
        for u in &users {
            out.push_str(if engine.allows_use(u, &entry.spec.name) {
                " ✓ |"
            } else {
                " · |"
            });
        }
        out.push('\n');
    }
    Ok(out)
}
