//! Matching the engine's table catalogue against the allowlist, so that
//! `list_tables` names only allowlisted tables and says which are missing.

use crate::backend::TableInfo;
use crate::dialect::Flavor;
use crate::guard::Allowlist;

/// One table or view as an engine's catalogue lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogRow {
    pub schema: String,
    pub table: String,
    /// The engine's kind ("BASE TABLE", "VIEW", "table", ...).
    pub kind: String,
    /// In the schema unqualified names resolve to.
    pub current: bool,
}

impl From<(String, String, String, bool)> for CatalogRow {
    fn from((schema, table, kind, current): (String, String, String, bool)) -> Self {
        CatalogRow {
            schema,
            table,
            kind,
            current,
        }
    }
}

/// "table" or "view", whatever the engine calls them.
pub fn kind_of(engine_kind: &str) -> String {
    if engine_kind.to_lowercase().contains("view") {
        "view".into()
    } else {
        "table".into()
    }
}

/// The allowlisted tables found in `rows`, in allowlist order.
pub fn match_catalog(flavor: Flavor, allow: &Allowlist, rows: &[CatalogRow]) -> Vec<TableInfo> {
    allow
        .names()
        .iter()
        .filter_map(|entry| {
            let parts: Vec<String> = entry
                .split('.')
                .map(|p| flavor.normalize_plain(p))
                .collect();
            let found = rows.iter().find(|r| {
                let table = flavor.normalize_plain(&r.table);
                let schema = flavor.normalize_plain(&r.schema);
                match parts.as_slice() {
                    [t] => r.current && table == *t,
                    [s, t] => schema == *s && table == *t,
                    _ => false,
                }
            })?;
            Some(TableInfo {
                name: entry.clone(),
                kind: kind_of(&found.kind),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_allowlisted_tables_in_the_current_schema() {
        let allow = Allowlist::new(
            Flavor::Postgres,
            &[
                "revenue_by_month".into(),
                "other.t".into(),
                "missing".into(),
            ],
            None,
        );
        let rows = vec![
            CatalogRow::from((
                "public".into(),
                "revenue_by_month".into(),
                "BASE TABLE".into(),
                true,
            )),
            CatalogRow::from((
                "public".into(),
                "salaries".into(),
                "BASE TABLE".into(),
                true,
            )),
            CatalogRow::from(("other".into(), "t".into(), "VIEW".into(), false)),
        ];
        let found = match_catalog(Flavor::Postgres, &allow, &rows);
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|t| (t.name.as_str(), t.kind.as_str()))
            .collect();
        assert_eq!(names, [("revenue_by_month", "table"), ("other.t", "view")]);
    }
}
