//! Invoices: a one-line summary for lists, and the detail with its lines
//! condensed to what was sold, how many, at what price.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{cents, day, money, money_opt, status, text, Status};
use crate::model::{Invoice, Line};

/// An invoice in a list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct InvoiceSummary {
    pub id: String,
    /// The number printed on the invoice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub customer: String,
    /// Invoice date.
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(serialize_with = "money")]
    pub total: f64,
    /// Still owed.
    #[serde(serialize_with = "money")]
    pub balance: f64,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
}

/// One invoice line: what was sold.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LineOut {
    pub description: String,
    /// The product or service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub unit_price: Option<f64>,
    /// Negative for discounts.
    #[serde(serialize_with = "money")]
    pub amount: f64,
}

/// One invoice in full, condensed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct InvoiceDetail {
    #[serde(flatten)]
    pub summary: InvoiceSummary,
    pub customer_id: String,
    /// Where the invoice is emailed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_to: Option<String>,
    /// Payment terms, e.g. "Net 30".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "money_opt")]
    pub tax: Option<f64>,
    #[serde(serialize_with = "money")]
    pub amount_paid: f64,
    /// How many payments were applied.
    pub payments: usize,
    pub lines: Vec<LineOut>,
    /// The message printed for the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
    /// Finance's internal note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub fn summary(i: &Invoice, today: NaiveDate) -> InvoiceSummary {
    let (status, days_overdue) = status(i.balance, i.due_date, i.txn_date, today);
    InvoiceSummary {
        id: i.id.clone(),
        number: text(i.doc_number.as_deref()),
        customer: text(i.customer_ref.name.as_deref())
            .unwrap_or_else(|| format!("customer {}", i.customer_ref.value)),
        date: day(i.txn_date),
        due_date: i.due_date.map(day),
        total: cents(i.total_amt),
        balance: cents(i.balance),
        status,
        days_overdue,
    }
}

pub fn detail(i: &Invoice, today: NaiveDate) -> InvoiceDetail {
    InvoiceDetail {
        summary: summary(i, today),
        customer_id: i.customer_ref.value.clone(),
        bill_to: i
            .bill_email
            .as_ref()
            .and_then(|e| text(e.address.as_deref())),
        terms: i
            .sales_term_ref
            .as_ref()
            .and_then(|t| text(t.name.as_deref())),
        currency: i.currency_ref.as_ref().map(|c| c.value.clone()),
        tax: i
            .txn_tax_detail
            .as_ref()
            .and_then(|t| t.total_tax)
            .map(cents)
            .filter(|t| *t != 0.0),
        amount_paid: cents(i.total_amt - i.balance),
        payments: i
            .linked_txn
            .iter()
            .filter(|l| l.txn_type == "Payment")
            .count(),
        lines: i.line.iter().filter_map(line).collect(),
        memo: i.customer_memo.as_ref().and_then(|m| text(Some(&m.value))),
        note: text(i.private_note.as_deref()),
    }
}

/// Item and discount lines; subtotals (which repeat the sum) are dropped.
pub fn line(l: &Line) -> Option<LineOut> {
    match l.detail_type.as_str() {
        "SalesItemLineDetail" => {
            let d = l.sales_item_line_detail.as_ref();
            let item = d
                .and_then(|d| d.item_ref.as_ref())
                .and_then(|r| text(r.name.as_deref()));
            Some(LineOut {
                description: text(l.description.as_deref())
                    .or_else(|| item.clone())
                    .unwrap_or_else(|| "Item".into()),
                item,
                qty: d.and_then(|d| d.qty),
                unit_price: d.and_then(|d| d.unit_price).map(cents),
                amount: cents(l.amount),
            })
        }
        "DiscountLineDetail" => {
            let d = l.discount_line_detail.as_ref();
            let percent = d
                .filter(|d| d.percent_based == Some(true))
                .and_then(|d| d.discount_percent);
            Some(LineOut {
                description: match percent {
                    Some(p) => format!("Discount {p}%"),
                    None => "Discount".into(),
                },
                item: None,
                qty: None,
                unit_price: None,
                amount: -cents(l.amount.abs()),
            })
        }
        "DescriptionOnly" => text(l.description.as_deref()).map(|description| LineOut {
            description,
            item: None,
            qty: None,
            unit_price: None,
            amount: cents(l.amount),
        }),
        _ => None,
    }
}
