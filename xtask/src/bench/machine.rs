//! The machine the numbers come from, and where they are written.

use std::path::Path;
use std::process::Command;

const BEGIN: &str =
    "<!-- bench:begin (written by `cargo xtask bench`; edit outside these markers) -->";
const END: &str = "<!-- bench:end -->";

fn first_line(path: &str, prefix: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with(prefix))?;
    Some(line.split_once(':')?.1.trim().to_owned())
}

/// The 1-minute load average now.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// nproc, CPU model, memory, kernel, rustc.
pub fn describe() -> String {
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = first_line("/proc/cpuinfo", "model name").unwrap_or_else(|| "?".into());
    let mem = first_line("/proc/meminfo", "MemTotal")
        .and_then(|m| m.split_whitespace().next()?.parse::<f64>().ok())
        .map_or("?".into(), |kib| {
            format!("{:.1} GiB", kib / 1024.0 / 1024.0)
        });
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map_or("?".into(), |k| k.trim().to_owned());
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map_or("?".into(), |o| {
            String::from_utf8_lossy(&o.stdout).trim().to_owned()
        });
    format!(
        "- CPUs (nproc): {nproc}, model: {cpu}\n- memory: {mem}\n- kernel: Linux {kernel}\n- {rustc}, `--release` (the workspace's release profile)\n"
    )
}

/// Replaces the generated part of `path` (between the markers, or a
/// `{results}` placeholder), keeping the hand-written text around it;
/// writes `skeleton` when the file has neither.
pub fn write_section(path: &Path, generated: &str, skeleton: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let block = format!("{BEGIN}\n{generated}{END}");
    let new = match (text.find(BEGIN), text.find(END)) {
        (Some(b), Some(e)) if e > b => format!("{}{block}{}", &text[..b], &text[e + END.len()..]),
        _ if text.contains("{results}") => text.replace("{results}", &block),
        _ => skeleton.replace("{results}", &block),
    };
    std::fs::write(path, new).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
