//! `cargo xtask bench [--quick] [--no-build]`: builds the gateway, the load generator
//! and the reference servers in release mode, runs every scenario against
//! them on 127.0.0.1 (3 interleaved repetitions, or 1 short one with
//! `--quick`), and writes the tables: into `docs/benchmarks.md` for a full
//! run, into `<target>/bench/benchmarks-quick.md` for a quick one (a smoke
//! test must not replace measured numbers).
//!
//! Nothing is asserted: the numbers depend on the machine. Every process is
//! started here and killed when the bench ends.

mod machine;
mod plan;
pub(crate) mod procs;
mod report;
mod targets;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use plan::{Settings, SCENARIOS, UPSTREAM_TOKEN};
use procs::{Server, Servers};

const TOKEN_ENV: &str = "SB_BENCH_HUBSPOT_TOKEN";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn build(cargo: &str) -> Result<(), String> {
    for args in [
        &[
            "build",
            "--release",
            "-p",
            "switchboard",
            "-p",
            "switchboard-loadgen",
        ][..],
        &[
            "build",
            "--release",
            "-p",
            "switchboard-gateway",
            "--example",
            "echo_reference",
        ][..],
    ] {
        super::run(cargo, args)?;
    }
    Ok(())
}

fn start_servers(bin: &Path, work: &Path) -> Result<Servers, String> {
    let loadgen = bin.join("loadgen");
    let mut fake = Command::new(&loadgen);
    fake.args([
        "fake-hubspot",
        "--latency-ms",
        "20",
        "--token",
        UPSTREAM_TOKEN,
    ]);
    let upstream = Server::start("fake-hubspot", fake, work, "listening ")?;
    let mut bare = Command::new(&loadgen);
    bare.arg("bare-server");
    let bare = Server::start("bare", bare, work, "listening ")?;
    let echo = Server::start(
        "echo",
        Command::new(bin.join("examples/echo_reference")),
        work,
        "listening ",
    )?;
    let output = Command::new(&loadgen)
        .args([
            "gateway-config",
            "--hubspot-url",
            &upstream.url,
            "--token-env",
            TOKEN_ENV,
        ])
        .arg("--dir")
        .arg(work)
        .arg("--policies")
        .arg(root().join("policies"))
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let config = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let mut gateway = Command::new(bin.join("switchboard"));
    // The default log filter, as deployed.
    gateway
        .args(["serve", "--config", &config])
        .env(TOKEN_ENV, UPSTREAM_TOKEN)
        .env_remove("RUST_LOG");
    let gateway = Server::start("gateway", gateway, work, "listening on ")?;
    Ok(Servers {
        bare,
        echo,
        gateway,
        upstream,
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    let set = Settings::new(quick);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // `--no-build` reuses the binaries already built (when the tree is
    // mid-edit and does not build, or to re-run without waiting).
    if !args.iter().any(|a| a == "--no-build") {
        build(&cargo)?;
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let bin = target.join("release");
    let work = std::env::temp_dir().join(format!("switchboard-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let load_before = machine::load_average();
    let started = Instant::now();
    let mut servers = start_servers(&bin, &work)?;
    std::thread::sleep(Duration::from_secs(1));
    let idle = |s: &Server| (s.mem_kib("VmRSS"), s.mem_kib("RssAnon"));
    let idle_rss = vec![
        ("gateway", idle(&servers.gateway)),
        ("rmcp echo", idle(&servers.echo)),
        ("bare hyper", idle(&servers.bare)),
    ];
    let loadgen = bin.join("loadgen");
    let mut runs = Vec::new();
    for rep in 0..set.repetitions {
        for scenario in SCENARIOS {
            eprintln!(
                "xtask bench: repetition {}/{}: {}",
                rep + 1,
                set.repetitions,
                scenario.title
            );
            let mut result = plan::run(&loadgen, scenario, &mut servers, &set)?;
            result["rep"] = rep.into();
            eprintln!("  {result}");
            runs.push(result);
        }
    }
    let sessions = plan::loadgen_json(
        &loadgen,
        &[
            "sessions".into(),
            "--url".into(),
            servers.gateway.url.clone(),
            "--pid".into(),
            servers.gateway.pid().to_string(),
            "--count".into(),
            set.sessions.to_string(),
        ],
    )?;
    eprintln!("  sessions: {sessions}");
    let coalesce = plan::loadgen_json(
        &loadgen,
        &[
            "coalesce".into(),
            "--url".into(),
            servers.gateway.url.clone(),
            "--stats".into(),
            servers
                .upstream
                .stats
                .clone()
                .ok_or("the fake upstream announced no stats URL")?,
            "--bursts".into(),
            set.bursts.to_string(),
            "--width".into(),
            set.burst_width.to_string(),
        ],
    )?;
    eprintln!("  coalesce: {coalesce}");
    std::thread::sleep(Duration::from_secs(1));
    let measured = report::Measured {
        runs,
        idle_rss,
        gateway_rss_after: idle(&servers.gateway),
        sessions,
        coalesce,
    };
    drop(servers);
    let _ = std::fs::remove_dir_all(&work);
    let generated = format!(
        "Measured {} ({}); load average {} before, {} after; {:.0} s in all.\n\n### Machine\n\n{}\n### Results\n\n{}\n{}\n### Cache: served without the upstream, and coalescing\n\n{}\n### Targets\n\n{}",
        if quick { "with `--quick`" } else { "with the full bench" },
        report::settings_line(&set),
        load_before,
        machine::load_average(),
        started.elapsed().as_secs_f64(),
        machine::describe(),
        report::table(&measured),
        report::derived(&measured),
        report::cache_evidence(&measured),
        targets::targets_table(&measured),
    );
    println!("{generated}");
    let out_dir = target.join("bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let raw: String = measured.runs.iter().map(|r| format!("{r}\n")).collect();
    let mode = if quick { "quick" } else { "full" };
    std::fs::write(out_dir.join(format!("results-{mode}.jsonl")), raw)
        .map_err(|e| e.to_string())?;
    let doc = if quick {
        out_dir.join("benchmarks-quick.md")
    } else {
        root().join("docs/benchmarks.md")
    };
    machine::write_section(&doc, &generated, include_str!("skeleton.md"))?;
    eprintln!("xtask bench: wrote {}", doc.display());
    Ok(())
}
