//! `cargo xtask <task>`: the repository's own automation, in Rust so it runs
//! wherever cargo does.
//!
//! - `ci`: what CI runs: fmt check, clippy `-D warnings`, the architecture
//!   invariants, then every test (nextest when installed).
//! - `invariants`: only the crate-dependency rules of ARCHITECTURE.md.
//! - `bench [--quick]`: the load benchmark on loopback; writes
//!   `docs/benchmarks.md` (see `bench/mod.rs`).
//! - `bench tokens`: raw vs shaped tokens per tool and `tools/list` per
//!   role; writes `docs/token-economics.md`.
//! - `conformance [--no-build]`: the official MCP conformance suite through
//!   the gateway in front of the testkit's fixture server (see
//!   `conformance.rs`).

mod bench;
mod conformance;
mod invariants;

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().cloned().unwrap_or_default();
    let result = match task.as_str() {
        "ci" => ci(),
        "invariants" => invariants::check(&invariants::metadata()).map_err(|e| e.join("\n")),
        "bench" if args.get(1).map(String::as_str) == Some("tokens") => bench_tokens(),
        "bench" => bench::run(&args[1..]),
        "conformance" => conformance::run(&args[1..]),
        _ => Err(
            "usage: cargo xtask <ci|invariants|bench [--quick] [--no-build]|conformance [--no-build]>"
                .to_owned(),
        ),
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
    conformance::build_fixture()?;
    let tests = if has_nextest() {
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
    };
    // The official conformance suite through the gateway federating the
    // fixture (issue #10), after the tests so that their result stands.
    let conformance = conformance::run(&["--no-build".to_owned()]);
    tests.and(conformance)
}

/// The token-economics benchmark lives in the binary (it needs every
/// connector and the demo); this runs it with its feature on.
fn bench_tokens() -> Result<(), String> {
    run(
        "cargo",
        &[
            "run",
            "--release",
            "-p",
            "switchboard",
            "--features",
            "token-bench",
            "--",
            "bench-tokens",
            "--out",
            "docs/token-economics.md",
        ],
    )
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
