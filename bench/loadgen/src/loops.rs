//! The two ways of offering load.
//!
//! Closed loop: every connection sends its next job as soon as the last one
//! is answered; latency is from send to last byte. Fixed rate: each of the
//! N connections owns every N-th slot of a global schedule (as wrk2 does)
//! and latency is measured from the slot's *intended* time whenever the
//! connection was still busy with an earlier job, so a stall is charged to
//! every request it delayed (coordinated-omission correction). When the
//! connection was idle and merely waited for its slot, latency starts at the
//! actual send, which keeps the 1 ms granularity of the tokio timer out of
//! the sub-millisecond numbers.

use std::sync::Arc;
use std::time::Duration;

use hdrhistogram::Histogram;
use tokio::time::{sleep_until, Instant};

use crate::conn::Conn;
use crate::workload::{Target, Workload};

/// The run's clock: load starts at `begin`; only `[t0, t1)` is measured.
pub struct Window {
    pub begin: Instant,
    pub t0: Instant,
    pub t1: Instant,
}

/// What one connection (or, merged, the run) saw inside the window.
pub struct Tally {
    pub hist: Histogram<u64>,
    pub errors: u64,
    pub first_error: Option<String>,
}

impl Tally {
    pub fn new() -> Self {
        Tally {
            // Microseconds, 1 µs to 120 s, 3 significant digits.
            hist: Histogram::new_with_bounds(1, 120_000_000, 3).expect("valid bounds"),
            errors: 0,
            first_error: None,
        }
    }

    fn record(&mut self, result: Result<(), String>, latency: Duration) {
        match result {
            Ok(()) => self.hist.saturating_record(latency.as_micros() as u64),
            Err(e) => {
                self.errors += 1;
                self.first_error.get_or_insert(e);
            }
        }
    }

    pub fn merge(&mut self, other: Tally) -> anyhow::Result<()> {
        self.hist.add(&other.hist)?;
        self.errors += other.errors;
        self.first_error = self.first_error.take().or(other.first_error);
        Ok(())
    }
}

/// One connection's share of the load: jobs `id`, `id + lanes`, ...
pub struct Lane {
    pub target: Arc<Target>,
    pub workload: Workload,
    pub id: u64,
    pub lanes: u64,
    pub window: Arc<Window>,
    pub conn: Conn,
}

impl Lane {
    pub async fn closed_loop(mut self) -> Tally {
        let mut tally = Tally::new();
        let win = self.window.clone();
        let mut i = self.id;
        sleep_until(win.begin).await;
        while Instant::now() < win.t1 {
            let started = Instant::now();
            let result = self.target.job(self.workload, &mut self.conn, i).await;
            let done = Instant::now();
            i += self.lanes;
            if started >= win.t0 && done <= win.t1 {
                tally.record(result, done - started);
            }
        }
        tally
    }

    /// `rate` is the whole run's; this lane offers `rate / lanes`. Slots
    /// still unsent at `hard_stop` are counted as errors.
    pub async fn fixed_rate(mut self, rate: f64, hard_stop: Instant) -> Tally {
        let mut tally = Tally::new();
        let win = self.window.clone();
        let interval = Duration::from_secs_f64(self.lanes as f64 / rate);
        let mut intended = win.begin + Duration::from_secs_f64(self.id as f64 / rate);
        let mut i = self.id;
        while intended < win.t1 {
            let now = Instant::now();
            if now >= hard_stop {
                // Slots the server never got to are failures, not omissions.
                let first = intended.max(win.t0);
                let left = (win.t1 - first).as_secs_f64() / interval.as_secs_f64();
                tally.errors += left.ceil() as u64;
                tally
                    .first_error
                    .get_or_insert("backlog not sent before the hard stop".into());
                break;
            }
            let from = if now < intended {
                sleep_until(intended).await;
                Instant::now()
            } else {
                intended
            };
            let result = self.target.job(self.workload, &mut self.conn, i).await;
            let done = Instant::now();
            if intended >= win.t0 {
                tally.record(result, done - from);
            }
            intended += interval;
            i += self.lanes;
        }
        tally
    }
}
