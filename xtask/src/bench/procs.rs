//! The processes under test: started with piped stdin (the bench's own
//! servers exit when it closes), ready once they print their URL, killed
//! when dropped so that nothing outlives the bench.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::plan::On;

/// A started server and the URL it announced.
pub struct Server {
    pub name: &'static str,
    pub url: String,
    /// The fake upstream's request counter (`listening <url> stats <url>`).
    pub stats: Option<String>,
    child: Child,
    _stdin: Option<ChildStdin>,
    log: std::path::PathBuf,
}

impl Server {
    /// Runs `command` with stderr to `<logs>/<name>.log`, and waits (at
    /// most 60 s) for a stdout line containing `marker` followed by a URL.
    pub fn start(
        name: &'static str,
        mut command: Command,
        logs: &Path,
        marker: &str,
    ) -> Result<Server, String> {
        let log = logs.join(format!("{name}.log"));
        let stderr = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {name}: {e}"))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        let marker = marker.to_owned();
        // The reader thread keeps draining stdout so that the child never
        // blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if !sent {
                    if let Some(rest) = line.split(&marker).nth(1) {
                        let _ = tx.send(rest.trim().to_owned());
                        sent = true;
                    }
                }
            }
        });
        let stdin = child.stdin.take();
        let mut server = Server {
            name,
            url: String::new(),
            stats: None,
            child,
            _stdin: stdin,
            log,
        };
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(announced) => {
                let mut words = announced.split_whitespace();
                server.url = words.next().unwrap_or_default().to_owned();
                if words.next() == Some("stats") {
                    server.stats = words.next().map(str::to_owned);
                }
            }
            Err(_) => return Err(format!("{name} did not start: {}", server.log_tail())),
        }
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `Err` with the end of its log if the process has exited.
    pub fn check_alive(&mut self) -> Result<(), String> {
        match self.child.try_wait() {
            Ok(None) => Ok(()),
            _ => Err(format!("{} exited: {}", self.name, self.log_tail())),
        }
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }

    /// A `/proc/<pid>/status` memory line now, in KiB: `VmRSS` (all
    /// resident pages) or `RssAnon` (heap and stacks, without the mapped
    /// executable's pages).
    pub fn mem_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The four servers.
pub struct Servers {
    pub bare: Server,
    pub echo: Server,
    pub gateway: Server,
    pub upstream: Server,
}

impl Servers {
    pub fn get(&mut self, on: On) -> &mut Server {
        match on {
            On::Bare => &mut self.bare,
            On::Echo => &mut self.echo,
            On::Gateway => &mut self.gateway,
            On::Upstream => &mut self.upstream,
        }
    }
}
