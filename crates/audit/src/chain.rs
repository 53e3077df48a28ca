//! The hash chain. Each row stores the hash of the previous row of its chain
//! and its own hash over every content column, so editing, deleting or
//! reordering a row breaks a link that `verify` names.
//!
//! The canonical serialization is a domain tag followed by each column in a
//! fixed order, each as a tag byte (`0` null, `1` integer, `2` text) plus an
//! 8-byte little-endian integer or an 8-byte length and the UTF-8 bytes.
//! Length prefixes make it unambiguous; it hashes the stored text verbatim.

use sha2::{Digest, Sha256};

use crate::entity::audit_log::Model;

/// `prev_hash` of the first row of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN: &[u8] = b"switchboard-audit/row/v1";

struct Canon(Sha256);

impl Canon {
    fn text(&mut self, s: &str) {
        self.0.update([2]);
        self.0.update((s.len() as u64).to_le_bytes());
        self.0.update(s.as_bytes());
    }
    fn opt_text(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.text(s),
            None => self.0.update([0]),
        }
    }
    fn int(&mut self, n: i64) {
        self.0.update([1]);
        self.0.update(n.to_le_bytes());
    }
    fn opt_int(&mut self, n: Option<i64>) {
        match n {
            Some(n) => self.int(n),
            None => self.0.update([0]),
        }
    }
}

/// The hash of a row: every column except the surrogate `id` and `row_hash`
/// itself, hex encoded.
pub(crate) fn row_hash(m: &Model) -> String {
    let mut c = Canon(Sha256::new());
    c.0.update(DOMAIN);
    c.text(&m.chain_id);
    c.int(m.seq);
    c.text(&m.prev_hash);
    c.int(m.time_us);
    c.text(&m.call_id);
    c.opt_text(&m.parent_call_id);
    c.text(&m.request_id);
    c.opt_text(&m.trace_id);
    c.opt_text(&m.session_id);
    c.opt_text(&m.client);
    c.text(&m.method);
    c.text(&m.user_id);
    c.text(&m.org);
    c.text(&m.groups);
    c.opt_text(&m.tool);
    c.opt_text(&m.connector);
    c.text(&m.arguments);
    c.text(&m.decision);
    c.text(&m.outcome);
    c.opt_text(&m.error_kind);
    c.opt_text(&m.error_message);
    c.opt_text(&m.result);
    c.opt_text(&m.result_sha256);
    c.opt_int(m.result_bytes);
    c.text(&m.cache);
    c.int(m.upstream_requests);
    c.int(m.latency_us);
    hex::encode(c.0.finalize())
}

/// Places a row in its chain: fills the chain columns and the hash.
pub(crate) fn link(mut m: Model, chain_id: &str, seq: i64, prev_hash: &str) -> Model {
    m.chain_id = chain_id.to_owned();
    m.seq = seq;
    m.prev_hash = prev_hash.to_owned();
    m.row_hash = row_hash(&m);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model {
            id: 0,
            chain_id: String::new(),
            seq: 0,
            prev_hash: String::new(),
            row_hash: String::new(),
            time_us: 1,
            call_id: "c".into(),
            parent_call_id: None,
            request_id: "r".into(),
            trace_id: None,
            session_id: None,
            client: None,
            method: "tools/call".into(),
            user_id: "u".into(),
            org: "o".into(),
            groups: "[]".into(),
            tool: Some("t".into()),
            connector: None,
            arguments: "{}".into(),
            decision: "allowed".into(),
            outcome: "ok".into(),
            error_kind: None,
            error_message: None,
            result: None,
            result_sha256: None,
            result_bytes: None,
            cache: "bypass".into(),
            upstream_requests: 0,
            latency_us: 0,
        }
    }

    #[test]
    fn every_column_and_the_link_change_the_hash() {
        let base = link(model(), "chain", 1, GENESIS);
        assert_eq!(base.row_hash, row_hash(&base), "deterministic");
        let mut other = base.clone();
        other.id = 99;
        assert_eq!(
            row_hash(&other),
            base.row_hash,
            "the surrogate id is not content"
        );
        for edit in [
            |m: &mut Model| m.seq = 2,
            |m: &mut Model| m.prev_hash = "x".into(),
            |m: &mut Model| m.chain_id = "other".into(),
            |m: &mut Model| m.arguments = "{\"a\":1}".into(),
            |m: &mut Model| m.connector = Some(String::new()),
            |m: &mut Model| m.result_bytes = Some(0),
        ] {
            let mut m = base.clone();
            edit(&mut m);
            assert_ne!(row_hash(&m), base.row_hash);
        }
    }

    #[test]
    fn length_prefixes_keep_adjacent_fields_apart() {
        let mut a = link(model(), "c", 1, GENESIS);
        a.user_id = "ab".into();
        a.org = "c".into();
        let mut b = a.clone();
        b.user_id = "a".into();
        b.org = "bc".into();
        assert_ne!(row_hash(&a), row_hash(&b));
    }
}
