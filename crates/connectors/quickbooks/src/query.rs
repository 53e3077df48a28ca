//! Statements in QuickBooks' query language (`SELECT * FROM Invoice WHERE
//! ... ORDERBY ... STARTPOSITION n MAXRESULTS m`). Field names are
//! constants of this crate; every value is written as a quoted literal
//! with `\` and `'` escaped, so text from a caller can never close the
//! string and add clauses of its own.

use chrono::NaiveDate;

/// A comparison QuickBooks supports in `WHERE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// `SELECT * FROM <entity>` with `AND`-joined conditions (QuickBooks has
/// no `OR`) and one sort key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    entity: &'static str,
    conditions: Vec<String>,
    order: Option<(&'static str, bool)>,
}

impl Select {
    pub fn from(entity: &'static str) -> Self {
        Select {
            entity,
            conditions: Vec::new(),
            order: None,
        }
    }

    /// `field <op> 'value'`.
    pub fn filter(mut self, field: &'static str, op: Op, value: &str) -> Self {
        self.conditions
            .push(format!("{field} {} {}", op.as_str(), literal(value)));
        self
    }

    pub fn eq(self, field: &'static str, value: &str) -> Self {
        self.filter(field, Op::Eq, value)
    }

    /// A date comparison, `field <op> 'YYYY-MM-DD'`.
    pub fn date(self, field: &'static str, op: Op, value: NaiveDate) -> Self {
        self.filter(field, op, &value.format("%Y-%m-%d").to_string())
    }

    /// `field LIKE '%text%'`. `%` is QuickBooks' only wildcard and cannot
    /// be escaped, so callers refuse it in `text` beforehand.
    pub fn contains(mut self, field: &'static str, text: &str) -> Self {
        let quoted = literal(text);
        let inner = &quoted[1..quoted.len() - 1];
        self.conditions.push(format!("{field} LIKE '%{inner}%'"));
        self
    }

    pub fn order_by(mut self, field: &'static str, descending: bool) -> Self {
        self.order = Some((field, descending));
        self
    }

    /// The statement for one page: rows `start..start + max` (1-based).
    pub fn page(&self, start: u64, max: u64) -> String {
        let mut q = format!("SELECT * FROM {}", self.entity);
        if !self.conditions.is_empty() {
            q.push_str(" WHERE ");
            q.push_str(&self.conditions.join(" AND "));
        }
        if let Some((field, descending)) = self.order {
            q.push_str(&format!(" ORDERBY {field}"));
            if descending {
                q.push_str(" DESC");
            }
        }
        q.push_str(&format!(" STARTPOSITION {start} MAXRESULTS {max}"));
        q
    }
}

/// `'text'` with backslashes and single quotes escaped by a backslash,
/// the escape Intuit documents for names like `Amy\'s Bird Sanctuary`.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        if c == '\\' || c == '\'' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_statements_with_escaped_values() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let q = Select::from("Invoice")
            .eq("CustomerRef", "60")
            .filter("Balance", Op::Gt, "0")
            .date("DueDate", Op::Lt, day)
            .order_by("DueDate", false);
        assert_eq!(
            q.page(1, 21),
            "SELECT * FROM Invoice WHERE CustomerRef = '60' AND Balance > '0' AND DueDate < '2026-11-25' ORDERBY DueDate STARTPOSITION 1 MAXRESULTS 21"
        );
        let q = Select::from("Customer")
            .contains("DisplayName", "Amy's")
            .order_by("DisplayName", true);
        assert_eq!(
            q.page(41, 20),
            r"SELECT * FROM Customer WHERE DisplayName LIKE '%Amy\'s%' ORDERBY DisplayName DESC STARTPOSITION 41 MAXRESULTS 20"
        );
    }

    #[test]
    fn caller_text_cannot_close_the_literal() {
        assert_eq!(literal("Amy's Bird Sanctuary"), r"'Amy\'s Bird Sanctuary'");
        // A trailing backslash would otherwise escape the closing quote.
        assert_eq!(literal(r"x\"), r"'x\\'");
        assert_eq!(literal(r"x\' OR 1=1 --"), r"'x\\\' OR 1=1 --'");
        let q = Select::from("Customer").eq("DisplayName", "' OR DisplayName LIKE '%");
        assert_eq!(
            q.page(1, 1),
            r"SELECT * FROM Customer WHERE DisplayName = '\' OR DisplayName LIKE \'%' STARTPOSITION 1 MAXRESULTS 1"
        );
        // Every quote in the output but the two delimiters is escaped.
        for text in ["'", r"\'", r"\\'", "a'b'c", r"\"] {
            let lit = literal(text);
            let body = &lit[1..lit.len() - 1];
            let mut escaped = false;
            for c in body.chars() {
                assert!(escaped || c != '\'', "{text} -> {lit}");
                escaped = !escaped && c == '\\';
            }
            assert!(!escaped, "{text} -> {lit} ends inside an escape");
        }
    }
}
