//! QuickBooks Online's wire types, as recorded in
//! `upstream-fixtures/quickbooks` (entities) and as Intuit documents the
//! report service (`report`). Only what the tools read is modelled;
//! unknown fields are ignored so that Intuit adding fields (minor
//! versions do) never breaks a call.

mod envelope;
mod other;
mod report;

use chrono::NaiveDate;
use serde::Deserialize;

pub use envelope::{Fault, FaultBody, FaultError, QueryEnvelope, QueryResponse, Read};
pub use other::{Account, Bill, Payment, PaymentLine};
pub use report::{ColData, Column, Columns, NameValue, Report, ReportHeader, Row, RowPart, Rows};

/// A reference to another entity: `{"value": id, "name"?: label}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Ref {
    pub value: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// `{"Address": "..."}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EmailAddr {
    #[serde(default)]
    pub address: Option<String>,
}

/// `{"FreeFormNumber": "..."}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Phone {
    #[serde(default)]
    pub free_form_number: Option<String>,
}

/// A postal address; QuickBooks fills either the structured fields or
/// free-form `Line1..Line5`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Address {
    #[serde(default)]
    pub line1: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub country_sub_division_code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
}

/// `{"value": "..."}` (memo fields).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Memo {
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MetaData {
    #[serde(default)]
    pub create_time: Option<String>,
    #[serde(default)]
    pub last_updated_time: Option<String>,
}

/// A customer (`/customer/{id}`, `select * from Customer`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Customer {
    pub id: String,
    pub display_name: String,
    #[serde(default)]
    pub company_name: Option<String>,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub primary_email_addr: Option<EmailAddr>,
    #[serde(default)]
    pub primary_phone: Option<Phone>,
    #[serde(default)]
    pub bill_addr: Option<Address>,
    /// Open balance (negative when the customer has credit).
    #[serde(default)]
    pub balance: f64,
    #[serde(default)]
    pub currency_ref: Option<Ref>,
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    pub meta_data: Option<MetaData>,
}

fn yes() -> bool {
    true
}

/// A link to another transaction (`Payment`, `Estimate`, ...).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LinkedTxn {
    pub txn_id: String,
    pub txn_type: String,
}

/// An invoice (`/invoice/{id}`, `select * from Invoice`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Invoice {
    pub id: String,
    #[serde(default)]
    pub doc_number: Option<String>,
    pub txn_date: NaiveDate,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub customer_ref: Ref,
    #[serde(default)]
    pub bill_email: Option<EmailAddr>,
    #[serde(default)]
    pub line: Vec<Line>,
    #[serde(default)]
    pub txn_tax_detail: Option<TxnTaxDetail>,
    pub total_amt: f64,
    /// What is still owed; 0 once paid.
    pub balance: f64,
    #[serde(default)]
    pub currency_ref: Option<Ref>,
    #[serde(default)]
    pub sales_term_ref: Option<Ref>,
    #[serde(default)]
    pub linked_txn: Vec<LinkedTxn>,
    #[serde(default)]
    pub customer_memo: Option<Memo>,
    #[serde(default)]
    pub private_note: Option<String>,
    #[serde(default)]
    pub email_status: Option<String>,
}

/// One transaction line; `DetailType` says which detail object is set.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Line {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Absent on `DescriptionOnly` lines.
    #[serde(default)]
    pub amount: f64,
    pub detail_type: String,
    #[serde(default)]
    pub sales_item_line_detail: Option<SalesItemLineDetail>,
    #[serde(default)]
    pub discount_line_detail: Option<DiscountLineDetail>,
    #[serde(default)]
    pub account_based_expense_line_detail: Option<AccountBasedExpenseLineDetail>,
    #[serde(default)]
    pub linked_txn: Vec<LinkedTxn>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SalesItemLineDetail {
    #[serde(default)]
    pub item_ref: Option<Ref>,
    #[serde(default)]
    pub unit_price: Option<f64>,
    #[serde(default)]
    pub qty: Option<f64>,
    #[serde(default)]
    pub item_account_ref: Option<Ref>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DiscountLineDetail {
    #[serde(default)]
    pub percent_based: Option<bool>,
    #[serde(default)]
    pub discount_percent: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountBasedExpenseLineDetail {
    pub account_ref: Ref,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TxnTaxDetail {
    #[serde(default)]
    pub total_tax: Option<f64>,
}
