//! Single-entity reads: `GET /customer/{id}`, `/invoice/{id}`,
//! `/payment/{id}`, `/account/{id}`.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{ledger, render, Shared};

pub(super) async fn read_customer(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.books.customer_by_id(&id) {
        Some(c) => s.entity(
            "Customer",
            render::customer(&s.books, c, render::Form::Read),
        ),
        None => s.missing("customer"),
    }
}

pub(super) async fn read_invoice(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.books.invoice(&id) {
        Some(i) => s.entity("Invoice", render::invoice(&s.books, i, render::Form::Read)),
        None => s.missing("invoice"),
    }
}

pub(super) async fn read_payment(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.books.payments.iter().find(|p| p.id == id) {
        Some(p) => s.entity("Payment", ledger::payment(&s.books, p)),
        None => s.missing("payment"),
    }
}

pub(super) async fn read_account(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    match s.books.account(&id) {
        Some(a) => s.entity("Account", ledger::account(&s.books, a)),
        None => s.missing("account"),
    }
}
