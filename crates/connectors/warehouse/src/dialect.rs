//! What differs between the SQL engines behind the connector: the parser
//! dialect, how identifiers compare, and how bound parameters are written.

use sqlparser::ast::Ident;
use sqlparser::dialect::{
    BigQueryDialect, Dialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};

/// The SQL flavour of a backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flavor {
    Postgres,
    /// MySQL protocol: StarRocks in production, MariaDB and MySQL too.
    MySql,
    Sqlite,
    BigQuery,
}

impl Flavor {
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Postgres => "PostgreSQL",
            Flavor::MySql => "MySQL",
            Flavor::Sqlite => "SQLite",
            Flavor::BigQuery => "BigQuery",
        }
    }

    /// The sqlparser dialect that reads this engine's SQL.
    pub fn dialect(self) -> Box<dyn Dialect> {
        match self {
            Flavor::Postgres => Box::new(PostgreSqlDialect {}),
            Flavor::MySql => Box::new(MySqlDialect {}),
            Flavor::Sqlite => Box::new(SQLiteDialect {}),
            Flavor::BigQuery => Box::new(BigQueryDialect {}),
        }
    }

    /// An identifier as the engine resolves it, so that names compare the
    /// way the engine compares them. PostgreSQL folds unquoted names to
    /// lower case; SQLite ignores case; MySQL (table names on Linux) and
    /// BigQuery compare exactly. Where unsure, exact comparison is the
    /// safe side: it can only refuse more.
    pub fn normalize(self, ident: &Ident) -> String {
        match self {
            Flavor::Postgres if ident.quote_style.is_none() => ident.value.to_lowercase(),
            Flavor::Sqlite => ident.value.to_lowercase(),
            _ => ident.value.clone(),
        }
    }

    /// A configured (unquoted) name as the engine resolves it.
    pub fn normalize_plain(self, name: &str) -> String {
        self.normalize(&Ident::new(name))
    }

    /// How the `index`-th distinct parameter (0-based) called `name` is
    /// written in SQL sent to this engine. MySQL's `?` is positional and
    /// handled separately (see `plan`).
    pub fn placeholder(self, index: usize, name: &str) -> String {
        match self {
            Flavor::Postgres => format!("${}", index + 1),
            Flavor::Sqlite => format!("?{}", index + 1),
            Flavor::MySql => "?".to_owned(),
            Flavor::BigQuery => format!("@{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_compare_like_the_engine() {
        let quoted = Ident::with_quote('"', "Revenue");
        let plain = Ident::new("Revenue");
        assert_eq!(Flavor::Postgres.normalize(&plain), "revenue");
        assert_eq!(Flavor::Postgres.normalize(&quoted), "Revenue");
        assert_eq!(Flavor::Sqlite.normalize(&quoted), "revenue");
        assert_eq!(Flavor::MySql.normalize(&plain), "Revenue");
        assert_eq!(Flavor::BigQuery.normalize(&plain), "Revenue");
        assert_eq!(Flavor::Postgres.placeholder(1, "x"), "$2");
        assert_eq!(Flavor::BigQuery.placeholder(1, "x"), "@x");
    }
}
