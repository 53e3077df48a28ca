//! The pull requests, as rows: fixes for the escalated issues (with their
//! reviews and CI check runs), dependency bumps, and some merged history.
//! Days count back from the reference date; `closed` 0 means open.

use super::CheckState::{self, *};
use super::PullState::{self, *};
use super::ReviewState::{self, *};

pub(super) struct PullRow {
    pub repo: &'static str,
    pub number: u64,
    pub customer: &'static str,
    pub author: &'static str,
    pub state: PullState,
    pub draft: bool,
    pub created_days_ago: u64,
    pub closed_days_ago: u64,
    pub title: &'static str,
    pub body: &'static str,
    pub head_ref: &'static str,
    /// (additions, deletions, changed files, commits)
    pub size: (u64, u64, u64, u64),
    pub mergeable_state: &'static str,
    pub labels: &'static [&'static str],
    pub requested: &'static [&'static str],
    /// (reviewer, state, days ago, body), chronological.
    pub reviews: &'static [(&'static str, ReviewState, u64, &'static str)],
    /// (check name, state), all run on the head commit.
    pub checks: &'static [(&'static str, CheckState)],
    pub fixes: Option<u64>,
    /// (author, days ago, body)
    pub comments: &'static [(&'static str, u64, &'static str)],
}

const PASS: CheckState = Completed("success");
const FAIL: CheckState = Completed("failure");
const RUST_CI: &[(&str, CheckState)] = &[("build", PASS), ("test", PASS), ("clippy", PASS)];
const GO_CI: &[(&str, CheckState)] = &[("build", PASS), ("test", PASS), ("govulncheck", PASS)];

macro_rules! pull {
    ($repo:literal #$n:literal, $cust:literal, $author:literal, $s:ident, draft=$d:literal, $cr:literal, $cl:literal, $title:literal, $body:literal,
     $head:literal, $size:expr, $ms:literal, [$($l:literal),*], requested=[$($rq:literal),*], reviews=[$(($rv:literal, $rs:ident, $rd:literal, $rb:literal)),* $(,)?],
     checks=$checks:expr, fixes=$fixes:expr, comments=[$(($ca:literal, $cd:literal, $cb:literal)),* $(,)?]) => {
        PullRow { repo: $repo, number: $n, customer: $cust, author: $author, state: $s, draft: $d, created_days_ago: $cr, closed_days_ago: $cl,
            title: $title, body: $body, head_ref: $head, size: $size, mergeable_state: $ms, labels: &[$($l),*], requested: &[$($rq),*],
            reviews: &[$(($rv, $rs, $rd, $rb)),*], checks: $checks, fixes: $fixes, comments: &[$(($ca, $cd, $cb)),*] }
    };
}

#[rustfmt::skip]
pub(super) const PULLS: &[PullRow] = &[
    pull!("edge-agent" #58, "acme-robotics.example", "erik-lindqvist", Open, draft=false, 4, 0,
        "Fix batch flush deadlock when the upload queue is full",
        "Fixes #57.\n\nThe 4.2 batcher held the queue lock while waiting for the uploader. Flush now releases the lock before awaiting.\n\n<!-- Describe how you tested this -->\nTested on the staging fleet (20 devices) for 48 h.",
        "fix/batch-flush-deadlock", (97, 23, 3, 4), "blocked", ["bug", "customer:acme-robotics"], requested=[],
        reviews=[("alex-morgan", ChangesRequested, 2, "Please add a soak test that fills the queue; right now the fix drops telemetry when the disk is full.")],
        checks=&[("build", PASS), ("test", PASS), ("clippy", PASS), ("soak-test", FAIL)], fixes=Some(57),
        comments=[("sam-carter", 1, "Acme's renewal is on 15 December. Anything blocking this besides the soak test?")]),
    pull!("platform" #418, "globex-logistics.example", "erik-lindqvist", Open, draft=false, 3, 0,
        "Replay stalled ingestion partitions on restart",
        "Fixes #412. A consumer that restarts now replays partitions whose committed offset has not moved for 15 minutes.",
        "fix/ingestion-replay", (212, 37, 6, 4), "clean", ["bug", "customer:globex-logistics"], requested=[],
        reviews=[("alex-morgan", Commented, 2, "Can the 15 minutes be a setting?"), ("alex-morgan", Approved, 1, "Looks good, thanks for making it configurable.")],
        checks=&[("build", PASS), ("test", PASS), ("clippy", PASS), ("integration-tests", PASS)], fixes=Some(412), comments=[]),
    pull!("platform" #419, "lioncity-bank.example", "erik-lindqvist", Open, draft=false, 1, 0,
        "Buffer audit events on disk across log-shipper restarts",
        "Fixes #409. Events are written to a local WAL before shipping, so a restart no longer loses them. Also restores the 14 Nov window from backups.",
        "fix/audit-wal", (348, 52, 9, 6), "blocked", ["bug", "compliance", "customer:lioncity-bank"], requested=["alex-morgan"], reviews=[],
        checks=&[("build", PASS), ("test", PASS), ("clippy", PASS), ("integration-tests", InProgress), ("CodeQL", Queued)], fixes=Some(409), comments=[]),
    pull!("platform" #420, "umbrella-health.example", "erik-lindqvist", Open, draft=false, 3, 0,
        "Pass HL7 Z-segments through the ADT importer",
        "Fixes #403. Unknown Z-segments are kept verbatim in the message's `extensions` instead of failing validation.",
        "feat/hl7-z-segments", (156, 18, 5, 3), "clean", ["bug", "customer:umbrella-health"], requested=[],
        reviews=[("alex-morgan", Approved, 2, "")], checks=RUST_CI, fixes=Some(403), comments=[]),
    pull!("platform" #421, "oceanic-insurance.example", "erik-lindqvist", Open, draft=true, 6, 0,
        "Rollup table for month-end claims queries",
        "Towards #398. Adds a daily rollup of claims per adjuster and points the month-end dashboard queries at it.",
        "feat/claims-rollup", (604, 41, 14, 9), "draft", ["customer:oceanic-insurance"], requested=[], reviews=[],
        checks=&[("build", PASS), ("test", FAIL), ("clippy", PASS)], fixes=None, comments=[]),
    pull!("platform" #390, "initech.example", "erik-lindqvist", Merged, draft=false, 40, 38,
        "Exponential backoff for webhook retries", "Fixes #388.",
        "fix/webhook-backoff", (88, 14, 2, 2), "unknown", ["bug"], requested=[],
        reviews=[("alex-morgan", Approved, 38, "")], checks=RUST_CI, fixes=Some(388), comments=[]),
    pull!("web" #233, "stark-aerospace.example", "erik-lindqvist", Open, draft=true, 3, 0,
        "Stream large STEP files to the preview renderer",
        "Fixes #228. The renderer reads STEP files in 16 MB chunks instead of loading them whole.",
        "fix/stream-step-preview", (241, 66, 7, 5), "draft", ["bug", "customer:stark-aerospace"], requested=[], reviews=[],
        checks=&[("build", PASS), ("lint", PASS), ("e2e (chromium)", FAIL), ("e2e (firefox)", FAIL)], fixes=Some(228), comments=[]),
    pull!("web" #221, "sakura-telecom.example", "erik-lindqvist", Merged, draft=false, 31, 29,
        "Export CSV as UTF-8 with BOM", "Fixes #219. Excel needs the BOM to detect UTF-8.",
        "fix/csv-utf8-bom", (12, 3, 2, 1), "unknown", ["bug"], requested=[],
        reviews=[("alex-morgan", Approved, 30, "")], checks=&[("build", PASS), ("lint", PASS), ("e2e (chromium)", PASS)], fixes=Some(219), comments=[]),
    pull!("web" #235, "", "dependabot[bot]", Open, draft=false, 2, 0,
        "Bump vite from 5.4.10 to 5.4.12",
        "Bumps [vite](https://github.com/vitejs/vite/tree/HEAD/packages/vite) from 5.4.10 to 5.4.12.\n\nDependabot will resolve any conflicts with this PR as long as you don't alter it yourself.",
        "dependabot/npm_and_yarn/vite-5.4.12", (3, 3, 2, 1), "clean", ["dependencies"], requested=["erik-lindqvist"], reviews=[],
        checks=&[("build", PASS), ("lint", PASS), ("e2e (chromium)", PASS), ("e2e (firefox)", Completed("skipped"))], fixes=None, comments=[]),
    pull!("billing-service" #144, "", "erik-lindqvist", Open, draft=false, 5, 0,
        "Idempotency key for dunning emails",
        "Fixes #138. Each reminder carries an idempotency key of invoice id and dunning step, so a retry never sends it twice.",
        "fix/dunning-idempotency", (131, 20, 4, 3), "clean", ["bug"], requested=[],
        reviews=[("alex-morgan", Approved, 3, "Nice. Please backfill the keys for invoices already in the queue before deploying.")], checks=GO_CI, fixes=Some(138), comments=[]),
    pull!("billing-service" #145, "", "dependabot[bot]", Open, draft=false, 1, 0,
        "Bump golang.org/x/net from 0.30.0 to 0.33.0",
        "Bumps [golang.org/x/net](https://github.com/golang/net) from 0.30.0 to 0.33.0.",
        "dependabot/go_modules/golang.org/x/net-0.33.0", (3, 3, 2, 1), "clean", ["dependencies"], requested=[], reviews=[],
        checks=GO_CI, fixes=None, comments=[]),
    pull!("billing-service" #133, "sakura-telecom.example", "erik-lindqvist", Merged, draft=false, 14, 12,
        "Support JPY as an invoice currency", "Fixes #131. JPY has no minor unit, so amounts are rounded to whole yen.",
        "feat/jpy-invoices", (176, 21, 6, 3), "unknown", ["enhancement"], requested=[],
        reviews=[("alex-morgan", ChangesRequested, 13, "JPY has no minor unit: amounts must not be multiplied by 100."), ("alex-morgan", Approved, 12, "")],
        checks=GO_CI, fixes=Some(131), comments=[]),
    pull!("terraform-provider-northwind" #89, "hooli-cloud.example", "erik-lindqvist", Open, draft=false, 4, 0,
        "Use the v2 workspace API for import",
        "Fixes #88. Import reads the workspace through `/v2/workspaces/{id}`, which knows workspaces created with either API.",
        "fix/import-v2", (64, 12, 3, 2), "clean", ["bug", "customer:hooli-cloud"], requested=[],
        reviews=[("alex-morgan", Approved, 1, "Tested against the Hooli sandbox, works.")], checks=GO_CI, fixes=Some(88), comments=[]),
];
