//! `audit_log` and `audit_anchor`, with the indexes the CLI queries use.

use sea_orm_migration::prelude::*;

pub(crate) struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0001_create_audit"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditLog {
    Table,
    Id,
    ChainId,
    Seq,
    PrevHash,
    RowHash,
    TimeUs,
    CallId,
    ParentCallId,
    RequestId,
    TraceId,
    SessionId,
    Client,
    Method,
    UserId,
    Org,
    Groups,
    Tool,
    Connector,
    Arguments,
    Decision,
    Outcome,
    ErrorKind,
    ErrorMessage,
    Result,
    ResultSha256,
    ResultBytes,
    Cache,
    UpstreamRequests,
    LatencyUs,
}

#[derive(DeriveIden)]
enum AuditAnchor {
    Table,
    ChainId,
    Seq,
    RowHash,
    PrunedAtUs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AuditLog as L;
        let text = |c: L| ColumnDef::new(c).text().not_null().to_owned();
        let opt_text = |c: L| ColumnDef::new(c).text().null().to_owned();
        let int = |c: L| ColumnDef::new(c).big_integer().not_null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(L::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(text(L::ChainId))
                    .col(int(L::Seq))
                    .col(text(L::PrevHash))
                    .col(text(L::RowHash))
                    .col(int(L::TimeUs))
                    .col(text(L::CallId))
                    .col(opt_text(L::ParentCallId))
                    .col(text(L::RequestId))
                    .col(opt_text(L::TraceId))
                    .col(opt_text(L::SessionId))
                    .col(opt_text(L::Client))
                    .col(text(L::Method))
                    .col(text(L::UserId))
                    .col(text(L::Org))
                    .col(text(L::Groups))
                    .col(opt_text(L::Tool))
                    .col(opt_text(L::Connector))
                    .col(text(L::Arguments))
                    .col(text(L::Decision))
                    .col(text(L::Outcome))
                    .col(opt_text(L::ErrorKind))
                    .col(opt_text(L::ErrorMessage))
                    .col(opt_text(L::Result))
                    .col(opt_text(L::ResultSha256))
                    .col(ColumnDef::new(L::ResultBytes).big_integer().null())
                    .col(text(L::Cache))
                    .col(int(L::UpstreamRequests))
                    .col(int(L::LatencyUs))
                    .to_owned(),
            )
            .await?;
        let indexes: [(&str, &[L], bool); 6] = [
            ("audit_log_chain_seq", &[L::ChainId, L::Seq], true),
            ("audit_log_time", &[L::TimeUs], false),
            ("audit_log_user_time", &[L::UserId, L::TimeUs], false),
            ("audit_log_tool_time", &[L::Tool, L::TimeUs], false),
            ("audit_log_outcome_time", &[L::Outcome, L::TimeUs], false),
            ("audit_log_call", &[L::CallId], false),
        ];
        for (name, cols, unique) in indexes {
            let mut index = Index::create();
            index.name(name).table(L::Table).if_not_exists();
            for col in cols {
                index.col(*col);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(AuditAnchor::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(AuditAnchor::ChainId)
                            .text()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(AuditAnchor::Seq).big_integer().not_null())
                    .col(ColumnDef::new(AuditAnchor::RowHash).text().not_null())
                    .col(
                        ColumnDef::new(AuditAnchor::PrunedAtUs)
                            .big_integer()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditAnchor::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}
