//! Payments and accounts as QuickBooks entities (`payment_read.json`,
//! `account_read.json`).

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::render::{seq_of, stamp, usd};
use crate::demo::billing::{Account, Books, Payment};

pub(super) fn payment(books: &Books, p: &Payment) -> Value {
    let seq = seq_of(&p.id);
    let name = books
        .customer_by_id(&p.customer_id)
        .map(|c| c.name.as_str())
        .unwrap_or_default();
    json!({
        "CustomerRef": {"value": p.customer_id, "name": name},
        "DepositToAccountRef": {"value": "35"},
        "TotalAmt": p.amount,
        "UnappliedAmt": 0,
        "ProcessPayment": false,
        "domain": "QBO",
        "sparse": false,
        "Id": p.id,
        "SyncToken": "0",
        "MetaData": {"CreateTime": stamp(p.date, seq, 11), "LastUpdatedTime": stamp(p.date, seq, 11)},
        "TxnDate": p.date.to_string(),
        "CurrencyRef": usd(),
        "Line": [{"Amount": p.amount, "LinkedTxn": [{"TxnId": p.invoice_id, "TxnType": "Invoice"}]}],
    })
}

pub(super) fn account(_books: &Books, a: &Account) -> Value {
    let seq = seq_of(a.id);
    let created = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap_or_default();
    json!({
        "Name": a.name,
        "SubAccount": false,
        "FullyQualifiedName": a.name,
        "Active": true,
        "Classification": a.kind.classification(),
        "AccountType": a.kind.account_type(),
        "AccountSubType": a.sub_type,
        "CurrentBalance": 0,
        "CurrentBalanceWithSubAccounts": 0,
        "CurrencyRef": usd(),
        "domain": "QBO",
        "sparse": false,
        "Id": a.id,
        "SyncToken": "0",
        "MetaData": {"CreateTime": stamp(created, seq, 9), "LastUpdatedTime": stamp(created, seq, 9)},
    })
}
