//! The `switchboard audit` subcommands, run in process against a real store.

use switchboard_audit::cli::{self, AuditCommand, Format};
use switchboard_gateway::audit::{AuditSink, Outcome};

use crate::support::{record, TestDb};

/// Runs a CLI command, returning what it printed.
async fn cli(db: &TestDb, command: AuditCommand) -> anyhow::Result<String> {
    let mut out = Vec::new();
    cli::run_to(&db.url, command, &mut out).await?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn query(since: &str, format: Format) -> AuditCommand {
    AuditCommand::Query {
        user: Some("user-0".into()),
        tool: None,
        since: Some(since.into()),
        outcome: Some("ok".into()),
        format,
        limit: Some(10),
    }
}

pub async fn cli_commands_run(db: &TestDb) {
    let store = db.open().await;
    for i in 0..4 {
        store
            .write(record(i, Outcome::Ok))
            .await
            .expect("committed");
    }
    let verified = cli(db, AuditCommand::Verify).await.expect("verify passes");
    assert!(
        verified.contains("4 rows checked in 1 chains") && verified.ends_with("ok\n"),
        "{verified}"
    );

    let tail = cli(
        db,
        AuditCommand::Tail {
            n: 2,
            follow: false,
            format: Format::Json,
        },
    )
    .await
    .expect("tail");
    let seqs: Vec<i64> = tail
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["seq"]
                .as_i64()
                .expect("seq")
        })
        .collect();
    assert_eq!(seqs, [3, 4]);

    // user-0 wrote rows 0 and 3.
    let csv = cli(db, query("3650d", Format::Csv)).await.expect("query");
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.starts_with("time,time_us,id,chain_id,seq,call_id"));
    let table = cli(db, query("2025-01-01T00:00:00Z", Format::Table))
        .await
        .expect("query");
    assert!(
        table.lines().nth(1).expect("a row").contains("user-0"),
        "{table}"
    );
    assert!(cli(db, query("yesterday", Format::Table)).await.is_err());

    let pruned = cli(
        db,
        AuditCommand::Prune {
            older_than_days: 36_500,
        },
    )
    .await
    .expect("prune");
    assert_eq!(pruned.trim(), "pruned 0 rows from 0 chains");
}
