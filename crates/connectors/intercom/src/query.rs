//! The body of Intercom's search endpoints: a query in Intercom's query
//! language (filters `{field, operator, value}` grouped with AND/OR) and
//! cursor pagination.

use serde::Serialize;
use serde_json::Value;

/// Intercom allows at most this many filters in one group.
pub const MAX_FILTERS: usize = 15;

/// A search query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Query {
    Filter {
        field: &'static str,
        operator: &'static str,
        value: Value,
    },
    Group {
        operator: &'static str,
        value: Vec<Query>,
    },
}

impl Query {
    pub fn eq(field: &'static str, value: impl Into<Value>) -> Query {
        Query::Filter {
            field,
            operator: "=",
            value: value.into(),
        }
    }

    pub fn any_of(field: &'static str, values: &[String]) -> Query {
        Query::Filter {
            field,
            operator: "IN",
            value: values.iter().cloned().map(Value::String).collect(),
        }
    }

    /// On or after (Intercom's `>` includes the bound for conversations
    /// and tickets).
    pub fn at_least(field: &'static str, value: i64) -> Query {
        Query::Filter {
            field,
            operator: ">",
            value: value.into(),
        }
    }

    /// On or before.
    pub fn at_most(field: &'static str, value: i64) -> Query {
        Query::Filter {
            field,
            operator: "<",
            value: value.into(),
        }
    }

    pub fn contains(field: &'static str, value: &str) -> Query {
        Query::Filter {
            field,
            operator: "~",
            value: value.into(),
        }
    }

    /// All of `filters`. Intercom needs some query, so none becomes "any
    /// creation time" (`created_at > 0`).
    pub fn all(mut filters: Vec<Query>) -> Query {
        if filters.is_empty() {
            filters.push(Query::at_least("created_at", 0));
        }
        filters.truncate(MAX_FILTERS);
        Query::Group {
            operator: "AND",
            value: filters,
        }
    }

    pub fn either(filters: Vec<Query>) -> Query {
        Query::Group {
            operator: "OR",
            value: filters,
        }
    }
}

/// `POST /{conversations,contacts,tickets}/search` body.
#[derive(Debug, Clone, Serialize)]
pub struct SearchBody<'a> {
    pub query: &'a Query,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub per_page: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn serializes_in_intercoms_query_language() {
        let q = Query::all(vec![
            Query::eq("state", "open"),
            Query::any_of("contact_ids", &["a".into(), "b".into()]),
            Query::at_least("created_at", 1_790_000_000),
        ]);
        let body = SearchBody {
            query: &q,
            pagination: Pagination {
                per_page: 20,
                starting_after: None,
            },
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({"query": {"operator": "AND", "value": [
                {"field": "state", "operator": "=", "value": "open"},
                {"field": "contact_ids", "operator": "IN", "value": ["a", "b"]},
                {"field": "created_at", "operator": ">", "value": 1_790_000_000}]},
                "pagination": {"per_page": 20}})
        );
        let empty = serde_json::to_value(Query::all(vec![])).unwrap();
        assert_eq!(empty["value"][0]["field"], "created_at");
    }
}
