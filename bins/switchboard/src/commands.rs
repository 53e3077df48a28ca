//! One function per subcommand.

use anyhow::bail;

use crate::cli::Command;
use crate::config::LoadedConfig;
use crate::serve;

pub async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => {
            let built = serve::build(&args.source).await?;
            serve::serve(built, args.bind).await
        }
        Command::Check { config } => {
            let loaded = LoadedConfig::load(&config)?;
            println!(
                "{}: ok ({} connectors, {} api keys)",
                config.display(),
                loaded.file.connectors.len(),
                loaded.file.api_keys.len()
            );
            Ok(())
        }
        Command::Tools(args) => {
            let built = serve::build(&args.source).await?;
            let Some(principal) = built.keys.principals().find(|p| p.user_id == args.as_user) else {
                bail!("no configured user `{}`", args.as_user);
            };
            for spec in built.gateway.visible_tools(principal) {
                println!("{}", spec.name);
            }
            Ok(())
        }
    }
}
