//! The table allowlist, compared the way the engine resolves names.

use sqlparser::ast::{ObjectName, ObjectNamePart};

use crate::dialect::Flavor;

/// The tables ad-hoc SQL, `list_tables` and `describe_table` may touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowlist {
    flavor: Flavor,
    /// Each entry's parts, normalized (`["finance", "revenue_by_month"]`).
    entries: Vec<Vec<String>>,
    /// The entries as configured, for listing.
    names: Vec<String>,
    /// A qualifier a reference may carry in front of an entry (the
    /// BigQuery project the connector runs in).
    prefix: Option<String>,
}

/// A configured table name: 1 to 3 dot-separated parts of `[A-Za-z0-9_]`.
pub fn valid_table_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    (1..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// Checks configured table names: well formed, unique, and `dataset.table`
/// on BigQuery (queries there name the dataset).
pub fn tables_valid(names: &[String], flavor: Flavor) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !valid_table_name(name) {
            return Err(format!(
                "warehouse.tables: `{name}` must be `table` or `schema.table` of [A-Za-z0-9_]"
            ));
        }
        if flavor == Flavor::BigQuery && name.split('.').count() != 2 {
            return Err(format!(
                "warehouse.tables: `{name}` must be `dataset.table` on BigQuery"
            ));
        }
        if !seen.insert(
            name.split('.')
                .map(|p| flavor.normalize_plain(p))
                .collect::<Vec<_>>(),
        ) {
            return Err(format!("warehouse.tables: `{name}` is listed twice"));
        }
    }
    Ok(())
}

impl Allowlist {
    /// `names` must satisfy [`valid_table_name`] (config validation does).
    pub fn new(flavor: Flavor, names: &[String], prefix: Option<&str>) -> Allowlist {
        Allowlist {
            flavor,
            entries: names
                .iter()
                .map(|n| n.split('.').map(|p| flavor.normalize_plain(p)).collect())
                .collect(),
            names: names.to_vec(),
            prefix: prefix.map(|p| flavor.normalize_plain(p)),
        }
    }

    /// The configured names, in configuration order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The configured name a reference resolves to, if it is allowed: an
    /// exact match of every part, optionally behind the prefix.
    pub fn resolve(&self, name: &ObjectName) -> Option<&str> {
        let parts: Option<Vec<String>> = name
            .0
            .iter()
            .map(|part| match part {
                ObjectNamePart::Identifier(ident) => Some(self.flavor.normalize(ident)),
                _ => None,
            })
            .collect();
        let parts = parts?;
        let i = self.entries.iter().position(|entry| {
            *entry == parts
                || (parts.len() == entry.len() + 1
                    && self.prefix.as_deref() == Some(parts[0].as_str())
                    && parts[1..] == entry[..])
        })?;
        Some(&self.names[i])
    }

    /// The configured entry named exactly `name` (a tool argument).
    pub fn find(&self, name: &str) -> Option<&str> {
        let parts: Vec<String> = name
            .split('.')
            .map(|p| self.flavor.normalize_plain(p))
            .collect();
        let i = self.entries.iter().position(|e| *e == parts)?;
        Some(&self.names[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::ast::Ident;

    fn object(parts: &[Ident]) -> ObjectName {
        ObjectName(
            parts
                .iter()
                .cloned()
                .map(ObjectNamePart::Identifier)
                .collect(),
        )
    }

    #[test]
    fn names_match_like_the_engine() {
        let pg = Allowlist::new(Flavor::Postgres, &["revenue_by_month".into()], None);
        assert!(pg
            .resolve(&object(&[Ident::new("REVENUE_BY_MONTH")]))
            .is_some());
        assert!(pg
            .resolve(&object(&[Ident::with_quote('"', "REVENUE_BY_MONTH")]))
            .is_none());
        assert!(pg
            .resolve(&object(&[
                Ident::new("public"),
                Ident::new("revenue_by_month")
            ]))
            .is_none());

        let bq = Allowlist::new(
            Flavor::BigQuery,
            &["finance.revenue_by_month".into()],
            Some("acme-analytics"),
        );
        let with_project = object(&[
            Ident::new("acme-analytics"),
            Ident::new("finance"),
            Ident::new("revenue_by_month"),
        ]);
        assert_eq!(bq.resolve(&with_project), Some("finance.revenue_by_month"));
        assert!(bq
            .resolve(&object(&[Ident::new("revenue_by_month")]))
            .is_none());
        assert_eq!(
            bq.find("finance.revenue_by_month"),
            Some("finance.revenue_by_month")
        );
        assert!(valid_table_name("a.b_c") && !valid_table_name("a;b") && !valid_table_name(""));
    }
}
