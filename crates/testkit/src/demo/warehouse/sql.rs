//! Generic tables and the portable SQL that creates and fills them.
//!
//! The dialect subset is what SQLite, PostgreSQL and MySQL/MariaDB all
//! accept: `VARCHAR(n)`, `BIGINT`, `DATE`, single-quoted literals with
//! doubled quotes, and multi-row `INSERT ... VALUES`.

use chrono::NaiveDate;

/// A column's type, mapped to each engine's name by [`ColumnType::sql`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
    Date,
}

impl ColumnType {
    /// The portable SQL type.
    pub fn sql(self) -> &'static str {
        match self {
            ColumnType::Text => "VARCHAR(200)",
            ColumnType::Integer => "BIGINT",
            ColumnType::Date => "DATE",
        }
    }

    /// The BigQuery (GoogleSQL) type name the REST API reports.
    pub fn bigquery(self) -> &'static str {
        match self {
            ColumnType::Text => "STRING",
            ColumnType::Integer => "INTEGER",
            ColumnType::Date => "DATE",
        }
    }
}

/// One column of a demo table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
    pub nullable: bool,
}

/// One value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Date(NaiveDate),
    Null,
}

impl Cell {
    /// The value as a SQL literal.
    pub fn literal(&self) -> String {
        match self {
            Cell::Text(s) => {
                assert!(!s.contains('\\'), "backslashes are not portable: {s}");
                format!("'{}'", s.replace('\'', "''"))
            }
            Cell::Integer(n) => n.to_string(),
            Cell::Date(d) => format!("'{}'", d.format("%Y-%m-%d")),
            Cell::Null => "NULL".into(),
        }
    }

    /// The value as BigQuery's REST API writes it in an `f/v` cell:
    /// every scalar a string, NULL a JSON null.
    pub fn bigquery_value(&self) -> Option<String> {
        match self {
            Cell::Text(s) => Some(s.clone()),
            Cell::Integer(n) => Some(n.to_string()),
            Cell::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
            Cell::Null => None,
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Integer(n)
    }
}

impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Null, Into::into)
    }
}

/// A demo table: the first column is the primary key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    /// "finance" or "hr" (the BigQuery dataset).
    pub dataset: &'static str,
    /// What the table holds, for `describe`-style answers.
    pub description: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub(super) fn new(
        name: &'static str,
        dataset: &'static str,
        description: &'static str,
        columns: &[(&'static str, ColumnType, bool)],
    ) -> Table {
        Table {
            name,
            dataset,
            description,
            columns: columns
                .iter()
                .map(|&(name, ty, nullable)| Column { name, ty, nullable })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, row: Vec<Cell>) {
        assert_eq!(row.len(), self.columns.len(), "row width of {}", self.name);
        self.rows.push(row);
    }

    /// The index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// `CREATE TABLE <name> (...)`, the first column the primary key.
    pub fn create_sql(&self, name: &str) -> String {
        let columns: Vec<String> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let null = if i == 0 {
                    " NOT NULL PRIMARY KEY"
                } else if c.nullable {
                    ""
                } else {
                    " NOT NULL"
                };
                format!("{} {}{null}", c.name, c.ty.sql())
            })
            .collect();
        format!("CREATE TABLE {name} ({})", columns.join(", "))
    }

    /// One multi-row `INSERT INTO <name> (...) VALUES (...), (...)`.
    pub fn insert_sql(&self, name: &str) -> String {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| {
                let values: Vec<String> = r.iter().map(Cell::literal).collect();
                format!("({})", values.join(", "))
            })
            .collect();
        format!(
            "INSERT INTO {name} ({}) VALUES {}",
            names.join(", "),
            rows.join(", ")
        )
    }
}
