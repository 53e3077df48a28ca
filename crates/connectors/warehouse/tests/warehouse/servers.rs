//! Throwaway databases on the local MariaDB and PostgreSQL servers, seeded
//! with the demo company's finance and HR tables, dropped afterwards (also
//! when the test fails). An unreachable server fails the test: these
//! servers are part of the test environment, not optional.

use std::future::Future;

use sqlx::{Connection, Executor, MySqlConnection, PgConnection};
use switchboard_testkit::demo::warehouse::seed_sql;

use crate::common::unique_name;

/// The server a test database lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    MariaDb,
    Postgres,
}

impl Server {
    /// The administrative URL: `SBWH_MYSQL_ADMIN_URL` / `SBWH_PG_ADMIN_URL`,
    /// else the local servers' defaults.
    fn admin_url(self) -> String {
        let (var, default) = match self {
            Server::MariaDb => ("SBWH_MYSQL_ADMIN_URL", "mysql://root@127.0.0.1:3306"),
            Server::Postgres => (
                "SBWH_PG_ADMIN_URL",
                "postgres://postgres@127.0.0.1:5432/postgres",
            ),
        };
        std::env::var(var).unwrap_or_else(|_| default.to_owned())
    }

    fn database_url(self, name: &str) -> String {
        let admin = self.admin_url();
        match self {
            Server::MariaDb => format!("{}/{name}", admin.trim_end_matches('/')),
            Server::Postgres => match admin.rsplit_once('/') {
                Some((base, _)) => format!("{base}/{name}"),
                None => format!("{admin}/{name}"),
            },
        }
    }

    async fn admin(self, sql: &str) {
        let url = self.admin_url();
        let result = match self {
            Server::MariaDb => match MySqlConnection::connect(&url).await {
                Ok(mut c) => c.execute(sql).await.map(drop),
                Err(e) => Err(e),
            },
            Server::Postgres => match PgConnection::connect(&url).await {
                Ok(mut c) => c.execute(sql).await.map(drop),
                Err(e) => Err(e),
            },
        };
        if let Err(e) = result {
            panic!("{self:?} at {url} must be reachable for these tests ({sql}): {e}");
        }
    }

    async fn seed(self, url: &str) {
        match self {
            Server::MariaDb => {
                let mut c = MySqlConnection::connect(url).await.unwrap();
                for statement in seed_sql() {
                    c.execute(sqlx::raw_sql(&statement)).await.unwrap();
                }
            }
            Server::Postgres => {
                let mut c = PgConnection::connect(url).await.unwrap();
                for statement in seed_sql() {
                    c.execute(sqlx::raw_sql(&statement)).await.unwrap();
                }
            }
        }
    }
}

/// Runs `test` with the URL of a fresh database seeded with the demo
/// tables, then drops the database whatever happened.
pub async fn with_database<F, Fut>(server: Server, test: F)
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let name = unique_name();
    let create = match server {
        Server::MariaDb => {
            format!("CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        }
        Server::Postgres => format!("CREATE DATABASE {name}"),
    };
    server.admin(&create).await;
    let url = server.database_url(&name);
    server.seed(&url).await;
    let outcome = tokio::spawn(test(url)).await;
    let drop = match server {
        Server::MariaDb => format!("DROP DATABASE IF EXISTS {name}"),
        Server::Postgres => format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    };
    server.admin(&drop).await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
