//! Starting the demo gateway and finding the shared harness.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A `switchboard serve --demo` child process, killed on drop.
pub struct DemoServer {
    child: Child,
    pub url: String,
}

impl DemoServer {
    /// The demo gateway, auditing to a fresh SQLite file of its own.
    pub fn start() -> DemoServer {
        let db =
            std::env::temp_dir().join(format!("sb-demo-{}-{}.db", std::process::id(), unique()));
        Self::start_with(&["--audit-url", &format!("sqlite://{}", db.display())])
    }

    pub fn start_with(extra: &[&str]) -> DemoServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("switchboard starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let url = loop {
            let line = lines.next().expect("switchboard printed its URL").unwrap();
            if let Some(url) = line.strip_prefix("Switchboard listening on ") {
                break url.trim().to_owned();
            }
        };
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        DemoServer { child, url }
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl DemoServer {
    /// SIGKILL: no chance to flush anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A writable copy of `../shared/harness` that keeps its installs
/// (`node_modules`, `.venv`) between runs, made by
/// `xtask/install-harness.sh` (shared with `cargo xtask conformance`).
/// `SWITCHBOARD_HARNESS_DIR` overrides where the copy lives.
pub fn harness() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let source = root.join("../shared/harness");
    let source = source
        .canonicalize()
        .unwrap_or_else(|_| panic!("the shared harness exists at {}", source.display()));
    let target = std::env::var_os("SWITCHBOARD_HARNESS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("switchboard-harness"));
    let status = Command::new("bash")
        .arg(root.join("xtask/install-harness.sh"))
        .arg(&source)
        .arg(&target)
        .status()
        .expect("bash runs");
    assert!(
        status.success(),
        "installing the MCP client harness in {} failed",
        target.display()
    );
    target
}

/// Runs a harness script; returns (success, combined output).
pub fn run_script(script: &Path, args: &[&str], log_dir: &Path) -> (bool, String) {
    let output = Command::new("bash")
        .arg(script)
        .args(args)
        .env("LOGDIR", log_dir)
        .env("OUT", log_dir.join("conformance"))
        .current_dir(log_dir)
        .output()
        .expect("bash runs");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// A fresh log folder under the harness copy.
pub fn log_dir(harness: &Path, name: &str) -> PathBuf {
    let dir = harness
        .join("logs")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
