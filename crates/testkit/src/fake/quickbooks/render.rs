//! The books as QuickBooks entities, key for key as the recordings show
//! them (`customer_read.json`, `customer_query.json`, `invoice_read.json`,
//! `invoice_query.json`, `payment_read.json`, `account_read.json`).

use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

use crate::demo::billing::{BillingCustomer, Books, Invoice, Payment};

/// A read (`/invoice/{id}`) and a query row differ slightly: reads carry
/// `InvoiceLink` and a customer's `DefaultTaxCodeRef`, query rows a
/// customer's `ClientEntityId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Read,
    Query,
}

/// The QuickBooks user who keys the invoices in (a Northwind finance user).
const FINANCE_USER: &str = "9341455130790001";

/// (city, state or region code, postal code)
#[rustfmt::skip]
const PLACES: &[(&str, &str, &str)] = &[
    ("Pittsburgh", "PA", "15222"), ("Rotterdam", "ZH", "3011 AA"), ("Austin", "TX", "78701"),
    ("Boston", "MA", "02110"), ("Seattle", "WA", "98101"), ("New York", "NY", "10005"),
    ("San Francisco", "CA", "94105"), ("Chicago", "IL", "60606"), ("Cambridge", "CAM", "CB2 1TN"),
    ("Tokyo", "13", "100-0005"), ("Sydney", "NSW", "2000"), ("Singapore", "SG", "018989"),
    ("Newark", "NJ", "07102"), ("Irvine", "CA", "92618"), ("Palo Alto", "CA", "94301"),
    ("Hamburg", "HH", "20095"), ("Lyon", "ARA", "69002"), ("Toronto", "ON", "M5H 2N2"),
    ("Denver", "CO", "80202"), ("Basel", "BS", "4051"),
];

/// `2026-10-01T10:14:07-07:00`: a fixed time of day varying with `seq`,
/// in Pacific time as the recordings are.
pub(super) fn stamp(day: NaiveDate, seq: usize, hour: usize) -> String {
    let offset = if (3..=10).contains(&day.month()) {
        "-07:00"
    } else {
        "-08:00"
    };
    format!(
        "{day}T{hour:02}:{:02}:{:02}{offset}",
        (seq * 7) % 60,
        (seq * 13) % 60
    )
}

pub(super) fn usd() -> Value {
    json!({"value": "USD", "name": "United States Dollar"})
}

fn street(seq: usize) -> String {
    let names = [
        "Harbor Way",
        "Market Street",
        "Station Road",
        "Canal Street",
        "Park Avenue",
    ];
    format!("{} {}", 100 + seq * 17, names[seq % names.len()])
}

fn place(city: &str) -> (&'static str, &'static str) {
    PLACES
        .iter()
        .find(|(c, _, _)| *c == city)
        .map_or(("", ""), |(_, region, postal)| (*region, *postal))
}

fn address(c: &BillingCustomer, id: usize, seq: usize) -> Value {
    let (region, postal) = place(&c.city);
    json!({"Id": id.to_string(), "Line1": street(seq), "City": c.city,
        "CountrySubDivisionCode": region, "PostalCode": postal})
}

pub(super) fn seq_of(id: &str) -> usize {
    id.parse().unwrap_or(0)
}

pub(super) fn customer(books: &Books, c: &BillingCustomer, form: Form) -> Value {
    let seq = seq_of(&c.id);
    let balance = books.customer_balance(&c.id, books.as_of);
    let last_change = books
        .payments
        .iter()
        .filter(|p| p.customer_id == c.id)
        .map(|p| p.date)
        .chain(books.invoices_of(&c.id).map(|i| i.txn_date))
        .max()
        .unwrap_or(c.created);
    let mut v = json!({
        "Taxable": false,
        "BillAddr": address(c, seq * 2, seq),
        "ShipAddr": address(c, seq * 2 + 1, seq),
        "Job": false,
        "BillWithParent": false,
        "Balance": balance,
        "BalanceWithJobs": balance,
        "CurrencyRef": usd(),
        "PreferredDeliveryMethod": "Email",
        "IsProject": false,
        "domain": "QBO",
        "sparse": false,
        "Id": c.id,
        "SyncToken": (seq % 4).to_string(),
        "MetaData": {"CreateTime": stamp(c.created, seq, 9), "LastUpdatedTime": stamp(last_change, seq, 16)},
        "GivenName": c.contact_first,
        "FamilyName": c.contact_last,
        "FullyQualifiedName": c.name,
        "CompanyName": c.name,
        "DisplayName": c.name,
        "PrintOnCheckName": c.name,
        "Active": true,
        "V4IDPseudonym": format!("0020{:034x}", (seq as u128 + 1) * 0x9e37_79b9_7f4a_7c15_f39c),
        "PrimaryPhone": {"FreeFormNumber": c.phone},
        "PrimaryEmailAddr": {"Address": c.email},
    });
    match form {
        Form::Read => v["DefaultTaxCodeRef"] = json!({"value": "NON"}),
        Form::Query => v["ClientEntityId"] = json!("0"),
    }
    v
}

fn customer_of<'a>(books: &'a Books, id: &str) -> Option<&'a BillingCustomer> {
    books.customer_by_id(id)
}

pub(super) fn invoice(books: &Books, inv: &Invoice, form: Form) -> Value {
    let seq = seq_of(&inv.id);
    let c = customer_of(books, &inv.customer_id);
    let name = c.map(|c| c.name.as_str()).unwrap_or_default();
    let payments: Vec<&Payment> = books.payments_of(&inv.id).collect();
    let mut lines: Vec<Value> = inv
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let account = books
                .account(l.account_id)
                .map(|a| a.name)
                .unwrap_or_default();
            json!({
                "Id": (i + 1).to_string(),
                "LineNum": i + 1,
                "Description": l.description,
                "Amount": l.amount(),
                "LinkedTxn": [],
                "DetailType": "SalesItemLineDetail",
                "SalesItemLineDetail": {
                    "ItemRef": {"value": l.item_id, "name": l.item},
                    "UnitPrice": l.unit_price,
                    "Qty": l.qty,
                    "ItemAccountRef": {"value": l.account_id, "name": account},
                    "TaxCodeRef": {"value": "NON"},
                },
                "CustomExtensions": [],
            })
        })
        .collect();
    lines.push(json!({"Amount": inv.total(), "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}}));
    let updated = payments
        .iter()
        .map(|p| p.date)
        .max()
        .unwrap_or(inv.txn_date);
    let bill_to = c.map_or(Value::Null, |c| {
        let (region, postal) = place(&c.city);
        json!({"Id": (seq * 3).to_string(), "Line1": format!("{} {}", c.contact_first, c.contact_last),
            "Line2": c.name, "Line3": street(seq_of(&c.id)), "Line4": format!("{}, {region}  {postal}", c.city),
            "Lat": "INVALID", "Long": "INVALID"})
    });
    let ship_to = c.map_or(Value::Null, |c| {
        let mut a = address(c, seq * 3 + 1, seq_of(&c.id));
        a["Lat"] = json!("INVALID");
        a["Long"] = json!("INVALID");
        a
    });
    let mut v = json!({
        "AllowIPNPayment": false,
        "AllowOnlinePayment": false,
        "AllowOnlineCreditCardPayment": true,
        "AllowOnlineACHPayment": true,
        "domain": "QBO",
        "sparse": false,
        "Id": inv.id,
        "SyncToken": payments.len().to_string(),
        "MetaData": {"CreateTime": stamp(inv.txn_date, seq, 10), "LastModifiedByRef": {"value": FINANCE_USER},
            "LastUpdatedTime": stamp(updated, seq, 15)},
        "CustomField": [],
        "DocNumber": inv.doc_number,
        "TxnDate": inv.txn_date.to_string(),
        "CurrencyRef": usd(),
        "PrivateNote": inv.note,
        "LinkedTxn": payments.iter().map(|p| json!({"TxnId": p.id, "TxnType": "Payment"})).collect::<Vec<_>>(),
        "Line": lines,
        "TxnTaxDetail": {"TotalTax": 0},
        "CustomerRef": {"value": inv.customer_id, "name": name},
        "CustomerMemo": {"value": "Thank you for your business. Questions? finance@northwind.example"},
        "BillAddr": bill_to,
        "ShipAddr": ship_to,
        "FreeFormAddress": true,
        "SalesTermRef": {"value": inv.terms.id(), "name": inv.terms.name()},
        "DueDate": inv.due_date.to_string(),
        "TotalAmt": inv.total(),
        "ApplyTaxAfterDiscount": false,
        "PrintStatus": "NotSet",
        "EmailStatus": "EmailSent",
        "BillEmail": {"Address": c.map(|c| c.email.as_str()).unwrap_or_default()},
        "Balance": books.balance(inv, books.as_of),
    });
    if form == Form::Read {
        v["InvoiceLink"] = json!(format!(
            "https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-{:032x}?locale=en_US&cta=v3invoicelink",
            (seq as u128 + 7) * 0x2545_f491_4f6c_dd1d
        ));
    }
    v
}
