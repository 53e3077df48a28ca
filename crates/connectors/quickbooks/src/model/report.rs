//! The report service's JSON (`/reports/AgedReceivables`,
//! `/reports/ProfitAndLoss`), per Intuit's published report schema: a
//! header, typed columns, and rows that nest. No recorded report payload
//! exists in `upstream-fixtures` (see `upstream-apis.md`).

use serde::Deserialize;

/// `{"Name": "...", "Value": "..."}` (header options, column metadata).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NameValue {
    pub name: String,
    #[serde(default)]
    pub value: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Report {
    pub header: ReportHeader,
    #[serde(default)]
    pub columns: Columns,
    #[serde(default)]
    pub rows: Rows,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReportHeader {
    #[serde(default)]
    pub time: Option<String>,
    pub report_name: String,
    #[serde(default)]
    pub date_macro: Option<String>,
    /// "Accrual" or "Cash" (profit and loss).
    #[serde(default)]
    pub report_basis: Option<String>,
    #[serde(default)]
    pub start_period: Option<String>,
    #[serde(default)]
    pub end_period: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub option: Vec<NameValue>,
}

impl ReportHeader {
    /// A header option's value (`report_date`, `NoReportData`).
    pub fn option(&self, name: &str) -> Option<&str> {
        self.option
            .iter()
            .find(|o| o.name == name)
            .and_then(|o| o.value.as_deref())
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Columns {
    #[serde(default)]
    pub column: Vec<Column>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Column {
    #[serde(default)]
    pub col_title: String,
    #[serde(default)]
    pub col_type: String,
    #[serde(default)]
    pub meta_data: Vec<NameValue>,
}

/// `"Rows": {"Row": [...]}`; an empty report sends `"Rows": {}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Rows {
    #[serde(default)]
    pub row: Vec<Row>,
}

/// A data row (`ColData`) or a section (`Header`, nested `Rows`,
/// `Summary`, and a `group` such as `Income` or `GrandTotal`).
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    #[serde(rename = "ColData", default)]
    pub col_data: Vec<ColData>,
    #[serde(rename = "Header", default)]
    pub header: Option<RowPart>,
    #[serde(rename = "Rows", default)]
    pub rows: Option<Rows>,
    #[serde(rename = "Summary", default)]
    pub summary: Option<RowPart>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
}

/// A section's header or summary line.
#[derive(Debug, Clone, Deserialize)]
pub struct RowPart {
    #[serde(rename = "ColData", default)]
    pub col_data: Vec<ColData>,
}

/// One cell: amounts are strings ("1593.50"), blank when zero.
#[derive(Debug, Clone, Deserialize)]
pub struct ColData {
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub id: Option<String>,
}
