//! `cargo xtask <task>`: the repository's own automation, in Rust so it runs
//! wherever cargo does.
//!
//! - `ci`: what CI runs: fmt check, clippy `-D warnings`, the architecture
//!   invariants, then every test (nextest when installed).
//! - `invariants`: only the crate-dependency rules of ARCHITECTURE.md.

mod invariants;

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "ci" => ci(),
        "invariants" => invariants::check(&invariants::metadata()).map_err(|e| e.join("\n")),
        _ => Err("usage: cargo xtask <ci|invariants>".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn ci() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    invariants::check(&invariants::metadata()).map_err(|e| e.join("\n"))?;
    eprintln!("xtask: architecture invariants hold");
    if has_nextest() {
        run(
            "cargo",
            &[
                "nextest",
                "run",
                "--workspace",
                "--locked",
                "--no-fail-fast",
            ],
        )
    } else {
        run(
            "cargo",
            &["test", "--workspace", "--locked", "--no-fail-fast"],
        )
    }
}

fn has_nextest() -> bool {
    Command::new("cargo")
        .args(["nextest", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}
