//! The body of `POST /crm/v3/objects/{type}/search`: filter groups (ORed;
//! filters in a group ANDed), free text, one sort, the properties to
//! return, and offset paging.

use serde::Serialize;

/// `POST /crm/v3/objects/{type}/search` body.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchBody {
    pub filter_groups: Vec<FilterGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub sorts: Vec<Sort>,
    pub properties: Vec<&'static str>,
    pub limit: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FilterGroup {
    pub filters: Vec<Filter>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Filter {
    pub property_name: &'static str,
    pub operator: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl Filter {
    pub fn new(
        property_name: &'static str,
        operator: &'static str,
        value: impl Into<String>,
    ) -> Self {
        Filter {
            property_name,
            operator,
            value: Some(value.into()),
            values: None,
        }
    }

    pub fn any_of(property_name: &'static str, values: Vec<String>) -> Self {
        Filter {
            property_name,
            operator: "IN",
            value: None,
            values: Some(values),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sort {
    pub property_name: &'static str,
    pub direction: &'static str,
}
