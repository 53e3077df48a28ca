//! The entities the tools do not read but the recordings hold (payments,
//! accounts, bills): modelled so every fixture parses.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Line, LinkedTxn, Ref};

/// A customer payment (`/payment/{id}`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Payment {
    pub id: String,
    pub customer_ref: Ref,
    pub total_amt: f64,
    #[serde(default)]
    pub unapplied_amt: Option<f64>,
    pub txn_date: NaiveDate,
    /// The invoices the payment is applied to (empty while unapplied).
    #[serde(default)]
    pub line: Vec<PaymentLine>,
}

/// `{"Amount", "LinkedTxn": [{"TxnId", "TxnType": "Invoice"}]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentLine {
    pub amount: f64,
    #[serde(default)]
    pub linked_txn: Vec<LinkedTxn>,
}

/// A ledger account (`/account/{id}`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub classification: Option<String>,
    pub account_type: String,
    #[serde(default)]
    pub current_balance: Option<f64>,
}

/// A vendor bill (`/bill/{id}`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Bill {
    pub id: String,
    pub vendor_ref: Ref,
    pub txn_date: NaiveDate,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub total_amt: f64,
    pub balance: f64,
    #[serde(default)]
    pub line: Vec<Line>,
}
