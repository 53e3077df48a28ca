//! The audit suite. Every case runs against SQLite (a temp file) and
//! PostgreSQL (a fresh database at 127.0.0.1:5432, or `SWITCHBOARD_TEST_PG`):
//! the same code must behave the same on both. PostgreSQL being unreachable
//! fails the `postgres::` half rather than skipping it.

#[path = "audit/bench.rs"]
mod bench;
#[path = "audit/chain.rs"]
mod chain;
#[path = "audit/cli.rs"]
mod cli;
#[path = "audit/failure.rs"]
mod failure;
#[path = "audit/roundtrip.rs"]
mod roundtrip;
#[path = "audit/support.rs"]
mod support;
#[path = "audit/writer.rs"]
mod writer;

/// Generates one `#[tokio::test]` per backend for each `module::case`.
macro_rules! on_both_backends {
    ($($module:ident::$case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = crate::support::TestDb::new(crate::support::Backend::Sqlite).await;
                    crate::$module::$case(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = crate::support::TestDb::new(crate::support::Backend::Postgres).await;
                    crate::$module::$case(&db).await;
                }
            )*
        }
    };
}

on_both_backends!(
    roundtrip::every_outcome_round_trips_with_all_fields,
    roundtrip::queries_filter_and_page,
    roundtrip::tail_and_follow_see_each_row_once,
    roundtrip::arguments_are_capped_and_secrets_stay_redacted,
    roundtrip::nul_bytes_do_not_poison_a_batch,
    cli::cli_commands_run,
    writer::concurrent_writes_are_group_committed,
    writer::chains_per_instance_verify,
    chain::edited_rows_are_named,
    chain::deleted_rows_are_named,
    chain::prune_leaves_an_anchor_and_verify_passes,
    chain::prune_moves_the_anchor_forward,
    failure::unavailable_store_denies_then_recovers,
    failure::unavailable_store_allows_when_configured,
    failure::lost_database_fails_closed,
);

#[tokio::test]
async fn sqlite_in_a_missing_directory_fails_to_open() {
    let settings =
        switchboard_audit::AuditSettings::with_url("sqlite:///nonexistent-dir-sb/audit.db");
    assert!(switchboard_audit::AuditStore::open(&settings)
        .await
        .is_err());
}

#[tokio::test]
async fn readers_do_not_create_a_missing_sqlite_file() {
    let path = std::env::temp_dir().join(format!(
        "sb_audit_missing_{}.db",
        uuid::Uuid::new_v4().simple()
    ));
    let url = format!("sqlite://{}", path.display());
    assert!(switchboard_audit::verify(&url).await.is_err());
    assert!(
        !path.exists(),
        "a mistyped path must not become an empty trail"
    );
}
