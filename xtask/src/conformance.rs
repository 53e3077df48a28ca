//! `cargo xtask conformance [--no-build]`: the official MCP conformance
//! suite through the gateway, in pass-through mode.
//!
//! 1. builds `switchboard` and the testkit's conformance fixture
//!    (`switchboard-mcp-fixture`, an MCP server implementing the suite's
//!    test tools, resources and prompts);
//! 2. starts the fixture on loopback, and the gateway with a config that
//!    federates it unprefixed (`[[connectors.mcp]]`), one API key, and a
//!    policy that lets that key use everything the fixture offers;
//! 3. waits for `/readyz`, then runs `../shared/harness/run-conformance.sh`
//!    (from a writable copy) with `SUITE=all`, once for the suite's default
//!    revision and once with `--spec-version 2025-06-18`.
//!
//! Exits 0 only when every scenario passes, except those listed in
//! `xtask/conformance-expected-failures.yml`, each with its reason. The
//! runner also fails when a listed scenario starts passing, so the list
//! cannot go stale. Every process started here is killed at the end.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::bench::procs::Server;

/// The API key the suite's requests carry (through the harness's proxy).
const API_KEY: &str = "conformance-key";
/// The federated connector's id.
const CONNECTOR: &str = "fixture";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn run(args: &[String]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    if !args.iter().any(|a| a == "--no-build") {
        crate::run(
            &cargo,
            &[
                "build",
                "--locked",
                "-p",
                "switchboard",
                "--bin",
                "switchboard",
            ],
        )?;
        build_fixture()?;
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let bin = target.join("debug");
    let work = std::env::temp_dir().join(format!("switchboard-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;

    let mut fixture = Command::new(bin.join("switchboard-mcp-fixture"));
    fixture
        .args(["--http", "127.0.0.1:0"])
        .env("RUST_LOG", "warn");
    let fixture = Server::start("fixture", fixture, &work, "LISTENING=")?;

    let policies = work.join("policies");
    std::fs::create_dir_all(&policies).map_err(|e| e.to_string())?;
    std::fs::write(policies.join("conformance.cedar"), policy()).map_err(|e| e.to_string())?;
    let config = work.join("switchboard.toml");
    std::fs::write(&config, gateway_config(&work, &fixture.url)).map_err(|e| e.to_string())?;

    let mut gateway = Command::new(bin.join("switchboard"));
    gateway
        .args(["serve", "--config"])
        .arg(&config)
        .args(["--bind", "127.0.0.1:0"])
        .env("RUST_LOG", "warn");
    let mut gateway = Server::start("gateway", gateway, &work, "listening on ")?;
    wait_ready(&gateway.url, Duration::from_secs(60))
        .map_err(|e| format!("{e}\n{}", gateway.log_tail()))?;

    let harness = harness()?;
    let expected = root().join("xtask/conformance-expected-failures.yml");
    let mut failed = Vec::new();
    for (name, extra) in [
        ("default revision", &[][..]),
        ("2025-06-18", &["--spec-version", "2025-06-18"][..]),
    ] {
        let out = work.join(format!("results-{}", name.replace(' ', "-")));
        let mut args = vec![gateway.url.clone(), API_KEY.to_owned(), "--".to_owned()];
        args.push("--expected-failures".into());
        args.push(expected.display().to_string());
        args.extend(extra.iter().map(|s| s.to_string()));
        eprintln!("xtask: conformance ({name}) against {}", gateway.url);
        let status = Command::new("bash")
            .arg(harness.join("run-conformance.sh"))
            .args(&args)
            .env("SUITE", "all")
            .env("OUT", &out)
            .current_dir(&work)
            .status()
            .map_err(|e| format!("cannot run the conformance harness: {e}"))?;
        if !status.success() {
            failed.push(format!("{name} (results in {})", out.display()));
        }
        gateway.check_alive()?;
    }
    drop(gateway);
    drop(fixture);
    if failed.is_empty() {
        eprintln!(
            "xtask: every conformance scenario passes through the gateway (exceptions, if any, are pinned with their reasons in {})",
            expected.display()
        );
        Ok(())
    } else {
        Err(format!(
            "conformance failed: {}; gateway and fixture logs in {}",
            failed.join(", "),
            work.display()
        ))
    }
}

/// The gateway's config: one API key, the policy directory, an audit file,
/// and the fixture federated unprefixed. The `[[connectors.mcp]]` keys are
/// the `mcp` connector's (crates/connectors/mcp).
fn gateway_config(work: &Path, fixture_url: &str) -> String {
    let key_sha256 = hex::encode(Sha256::digest(API_KEY.as_bytes()));
    format!(
        r#"version = 1

[server]
bind = "127.0.0.1:0"

[[api_keys]]
id = "conformance"
sha256 = "{key_sha256}"
user_id = "conformance@switchboard.test"
email = "conformance@switchboard.test"
org = "conformance"
groups = ["conformance"]

[policy]
dir = "{policies}"

[audit]
url = "sqlite://{audit}"

# The conformance fixture, passed through unchanged: no prefix, so the
# suite finds its test_* tools by their own names; nothing cached (the
# fixture's tools report progress and log per call).
[[connectors.mcp]]
id = "{CONNECTOR}"
transport = "http"
url = "{fixture_url}"
prefix = ""
permission_default = "{CONNECTOR}:tools:write"
read_only = []
"#,
        policies = work.join("policies").display(),
        audit = work.join("audit.db").display(),
    )
}

/// The key's group may use every tool and surface of the fixture (by the
/// `connector` attribute, which validates whatever tools the fixture lists
/// at start).
fn policy() -> String {
    format!(
        "permit (principal in Group::\"conformance\", action, resource) when {{ resource.connector == \"{CONNECTOR}\" }};\n"
    )
}

/// Polls `GET /readyz` next to the MCP URL until it answers 200.
fn wait_ready(mcp_url: &str, within: Duration) -> Result<(), String> {
    let authority = mcp_url
        .strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
        .ok_or_else(|| format!("unexpected gateway URL {mcp_url}"))?
        .to_owned();
    let started = Instant::now();
    let mut last = String::new();
    while started.elapsed() < within {
        match get(&authority, "/readyz") {
            Ok((200, _)) => return Ok(()),
            Ok((status, body)) => last = format!("{status} {body}"),
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    Err(format!(
        "the gateway was not ready within {within:?}: {last}"
    ))
}

/// A minimal HTTP/1.1 GET (xtask stays free of an HTTP client).
fn get(authority: &str, path: &str) -> Result<(u16, String), String> {
    let mut stream = std::net::TcpStream::connect(authority).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| e.to_string())?;
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("not an HTTP response: {response:.80}"))?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.trim().to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

/// Builds the testkit's MCP fixture server (`switchboard-mcp-fixture`).
/// Cargo does not build dev-dependencies' binaries, and the federation
/// tests and the conformance run start it as a child process.
pub fn build_fixture() -> Result<(), String> {
    crate::run(
        "cargo",
        &[
            "build",
            "--locked",
            "-p",
            "switchboard-testkit",
            "--features",
            "mcp-fixture",
            "--bin",
            "switchboard-mcp-fixture",
        ],
    )
}

/// A writable copy of `../shared/harness` with its pinned clients
/// installed, by `xtask/install-harness.sh` (the binary's acceptance tests
/// use the same script, copy and lock, so the install is shared).
/// `SWITCHBOARD_HARNESS_DIR` overrides where it lives.
fn harness() -> Result<PathBuf, String> {
    let source = root().join("../shared/harness");
    let source = source
        .canonicalize()
        .map_err(|e| format!("the shared harness {}: {e}", source.display()))?;
    let target = std::env::var_os("SWITCHBOARD_HARNESS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("switchboard-harness"));
    let status = Command::new("bash")
        .arg(root().join("xtask/install-harness.sh"))
        .arg(&source)
        .arg(&target)
        .status()
        .map_err(|e| format!("cannot run bash: {e}"))?;
    if !status.success() {
        return Err(format!(
            "installing the MCP client harness in {} failed",
            target.display()
        ));
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_federates_the_fixture_unprefixed_with_a_hashed_key() {
        let text = gateway_config(Path::new("/tmp/w"), "http://127.0.0.1:9/mcp");
        assert!(text.contains("[[connectors.mcp]]"));
        assert!(text.contains("prefix = \"\""));
        assert!(text.contains("url = \"http://127.0.0.1:9/mcp\""));
        assert!(!text.contains(API_KEY), "the key itself is never written");
        assert!(text.contains(&hex::encode(Sha256::digest(API_KEY.as_bytes()))));
    }
}
