//! The individual rules: what a query body may be made of, which table
//! sources are plain tables, and which functions are never allowed.

use sqlparser::ast::{ObjectName, ObjectNamePart, Query, SetExpr, Statement, TableFactor};

/// Functions that sleep, touch files or the network, run SQL held in a
/// string, change or read session settings, take locks or write: refused
/// whatever schema they are called through. Compared in lower case on the
/// last part of the name.
const DENIED: &[&str] = &[
    // sleeping and burning CPU on purpose
    "sleep",
    "pg_sleep",
    "pg_sleep_for",
    "pg_sleep_until",
    "benchmark",
    // files, programs, extensions
    "load_file",
    "load_extension",
    "readfile",
    "writefile",
    "edit",
    "fts3_tokenizer",
    "sys_exec",
    "sys_eval",
    // other databases and SQL in strings
    "dblink",
    "dblink_exec",
    "dblink_connect",
    "external_query",
    "query_to_xml",
    "query_to_xml_and_xmlschema",
    "query_to_xmlschema",
    "table_to_xml",
    "table_to_xml_and_xmlschema",
    "table_to_xmlschema",
    "cursor_to_xml",
    "cursor_to_xmlschema",
    "schema_to_xml",
    "schema_to_xml_and_xmlschema",
    "database_to_xml",
    "database_to_xml_and_xmlschema",
    // session settings (could lift the statement timeout)
    "set_config",
    "current_setting",
    // locks
    "get_lock",
    "release_lock",
    "release_all_locks",
    "is_free_lock",
    "is_used_lock",
    "master_pos_wait",
    "source_pos_wait",
    // writes that a SELECT can make
    "nextval",
    "setval",
    // huge values from nothing
    "randomblob",
    "zeroblob",
    "repeat",
    "space",
];

/// Prefixes of whole function families that are refused: PostgreSQL's
/// administration functions (`pg_read_file`, `pg_terminate_backend`,
/// `pg_advisory_lock`, ...), large objects and dblink.
const DENIED_PREFIXES: &[&str] = &["pg_", "lo_", "dblink"];

/// Why a function may not be called, if it may not.
pub fn denied_function(name: &ObjectName) -> Option<String> {
    let parts: Vec<String> = name
        .0
        .iter()
        .map(|p| match p {
            ObjectNamePart::Identifier(i) => i.value.to_lowercase(),
            ObjectNamePart::Function(f) => f.name.value.to_lowercase(),
        })
        .collect();
    let last = parts.last()?.as_str();
    if DENIED.contains(&last) || DENIED_PREFIXES.iter().any(|p| last.starts_with(p)) {
        return Some(format!("the function `{last}` is not allowed"));
    }
    // BigQuery's `SAFE.` prefix is an error-handling mode, not a schema.
    if parts.len() > 1 && !(parts.len() == 2 && parts[0] == "safe") {
        return Some(format!(
            "schema-qualified functions (`{name}`) are not allowed; call built-in functions by name"
        ));
    }
    None
}

/// The body of one query (not its nested queries, which are checked on
/// their own): selects, set operations of them, or VALUES.
pub fn check_body(body: &SetExpr) -> Result<(), String> {
    match body {
        SetExpr::Select(select) => {
            if select.into.is_some() {
                return Err("SELECT … INTO writes a table or variables; it is not allowed".into());
            }
            if !select.optimizer_hints.is_empty() {
                return Err("optimizer hints (`/*+ … */`) are not allowed".into());
            }
            Ok(())
        }
        SetExpr::Query(_) | SetExpr::Values(_) => Ok(()),
        SetExpr::SetOperation { left, right, .. } => {
            check_body(left)?;
            check_body(right)
        }
        SetExpr::Insert(s) | SetExpr::Update(s) | SetExpr::Delete(s) | SetExpr::Merge(s) => {
            Err(format!(
                "{} inside a query is a write; only reads are allowed",
                statement_kind(s)
            ))
        }
        SetExpr::Table(_) => Err("`TABLE name` is not allowed; write SELECT … FROM name".into()),
    }
}

/// The clauses of a query other than its body.
pub fn check_query(query: &Query) -> Result<(), String> {
    if !query.locks.is_empty() {
        return Err("locking clauses (FOR UPDATE / FOR SHARE) are not allowed".into());
    }
    if query.for_clause.is_some() {
        return Err("FOR XML / FOR JSON clauses are not allowed".into());
    }
    if query.settings.is_some() || query.format_clause.is_some() {
        return Err("SETTINGS and FORMAT clauses are not allowed".into());
    }
    if !query.pipe_operators.is_empty() {
        return Err("pipe syntax (`|>`) is not allowed".into());
    }
    check_body(&query.body)
}

/// Plain tables, derived tables (subqueries), joins and UNNEST are table
/// sources; table functions and the exotic forms are not.
pub fn check_table_factor(factor: &TableFactor) -> Result<(), String> {
    match factor {
        TableFactor::Table { args: None, .. }
        | TableFactor::Derived { .. }
        | TableFactor::NestedJoin { .. }
        | TableFactor::UNNEST { .. } => Ok(()),
        TableFactor::Table { name, .. } => Err(format!(
            "table functions (`{name}(…)`) are not allowed; read tables"
        )),
        _ => Err("only tables, subqueries, joins and UNNEST may appear in FROM".into()),
    }
}

/// "INSERT", "DROP", "BEGIN", ... : the statement's leading keywords, to
/// name what was refused.
pub fn statement_kind(statement: &Statement) -> String {
    let text = statement.to_string();
    let words: Vec<&str> = text.split_whitespace().take(2).collect();
    let kind = match words.as_slice() {
        [first, second]
            if matches!(
                first.to_uppercase().as_str(),
                "CREATE" | "DROP" | "ALTER" | "TRUNCATE" | "START"
            ) =>
        {
            format!("{first} {second}")
        }
        [first, ..] => first.to_string(),
        [] => "an empty statement".into(),
    };
    kind.to_uppercase()
}
