//! `switchboard`: a thin binary. Parses the command line, loads config,
//! asks the registry for the compiled-in connectors, and serves.

#[cfg(feature = "token-bench")]
mod bench_tokens;
mod cli;
mod commands;
mod config;
mod demo;
mod policies;
mod registry;
mod serve;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli.command, cli.log_format)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
