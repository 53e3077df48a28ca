//! `loadgen sessions`: what one live legacy session costs the server.
//! Opens `count` sessions (initialize + initialized, then left open, as an
//! idle client would), reads the server's RSS before and after, closes them
//! all and prints one JSON line.

use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use http::HeaderValue;
use serde_json::json;

use crate::conn::Conn;
use crate::procfs;
use crate::workload::Target;

#[derive(Debug, Args)]
pub struct SessionArgs {
    /// `http://127.0.0.1:PORT/mcp`.
    #[arg(long)]
    pub url: String,
    /// The server's pid.
    #[arg(long)]
    pub pid: u32,
    #[arg(long, default_value_t = 2000)]
    pub count: u64,
    #[arg(long, default_value_t = 16)]
    pub connections: u64,
    #[arg(long, default_value_t = 100)]
    pub keys: usize,
}

/// Runs `f` over `0..count` on `connections` connections; collects the
/// successes and the first error.
async fn fan_out<T, F, Fut>(
    target: &Arc<Target>,
    args: &SessionArgs,
    f: F,
) -> (Vec<T>, Option<String>)
where
    T: Send + 'static,
    F: Fn(Arc<Target>, Conn, Vec<u64>) -> Fut,
    Fut: std::future::Future<Output = (Vec<T>, Option<String>)> + Send + 'static,
{
    let mut tasks = Vec::new();
    for c in 0..args.connections {
        let ids: Vec<u64> = (c..args.count).step_by(args.connections as usize).collect();
        let conn = Conn::new(target.addr, Duration::from_secs(5));
        tasks.push(tokio::spawn(f(target.clone(), conn, ids)));
    }
    let (mut all, mut error) = (Vec::new(), None);
    for task in tasks {
        match task.await {
            Ok((mut done, e)) => {
                all.append(&mut done);
                error = error.or(e);
            }
            Err(e) => error = error.or(Some(e.to_string())),
        }
    }
    (all, error)
}

pub async fn run(args: SessionArgs) -> anyhow::Result<()> {
    let (addr, path) = crate::run::loopback_target(&args.url)?;
    let target = Arc::new(Target::new(addr, &path, args.keys, "")?);
    // Anonymous memory is what sessions allocate; total RSS also moves with
    // executable pages touched for the first time.
    let rss = || procfs::status_kib(args.pid, "VmRSS");
    let anon = || procfs::status_kib(args.pid, "RssAnon");
    let (before, anon_before) = (rss(), anon());
    let (open, open_error) = fan_out(&target, &args, |t, mut conn, ids| async move {
        let (mut out, mut err) = (Vec::new(), None);
        for i in ids {
            match t.open_session(&mut conn, i).await {
                Ok(s) => out.push((i, s)),
                Err(e) => err = err.or(Some(e)),
            }
        }
        (out, err)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (during, anon_during) = (rss(), anon());
    let per = |b: Option<u64>, d: Option<u64>| {
        b.zip(d)
            .filter(|_| !open.is_empty())
            .map(|(b, d)| (d as f64 - b as f64) / open.len() as f64)
    };
    let (per_session, anon_per_session) = (per(before, during), per(anon_before, anon_during));
    let opened = open.len();
    let shared = Arc::new(std::sync::Mutex::new(open));
    let (closed, close_error) = fan_out(&target, &args, |t, mut conn, ids| {
        let shared = shared.clone();
        async move {
            let mine: Vec<(u64, HeaderValue)> = {
                let mut all = shared.lock().unwrap_or_else(|e| e.into_inner());
                let take = ids.len().min(all.len());
                all.drain(..take).collect()
            };
            let (mut out, mut err) = (Vec::new(), None);
            for (i, s) in mine {
                match t.close_session(&mut conn, i, &s).await {
                    Ok(()) => out.push(()),
                    Err(e) => err = err.or(Some(e)),
                }
            }
            (out, err)
        }
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let out = json!({
        "sessions": opened,
        "closed": closed.len(),
        "errors": args.count as usize - closed.len(),
        "rss_before_kib": before,
        "rss_open_kib": during,
        "rss_after_close_kib": rss(),
        "kib_per_session": per_session,
        "anon_kib_per_session": anon_per_session,
        "first_error": open_error.or(close_error),
    });
    println!("{out}");
    Ok(())
}
