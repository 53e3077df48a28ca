//! Composite tools against a scripted dispatcher standing in for the
//! gateway: identity resolution (ambiguous, missing, explicit), parts that
//! are omitted or failing, and the two seed questions' logic. The real
//! pipeline path is covered by the binary's acceptance tests.

mod composite {
    pub mod dispatcher;
    mod identity;
    mod profile;
    mod renewals;
}
