//! What happened on the support desk, as rows keyed by customer domain and
//! contact position. Days count back from the reference date; teammates
//! are named by the local part of their Northwind email ("" = nobody).

use super::ConversationState::{self, *};
use super::TicketState::{self, *};

/// Who wrote a conversation message: the customer, the assignee, or the
/// assignee as an internal note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    C,
    A,
    N,
}
use Who::*;

pub(super) struct TicketRow {
    pub domain: &'static str,
    pub contact: usize,
    pub kind: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub state: TicketState,
    pub created_days_ago: u64,
    pub updated_days_ago: u64,
    pub assignee: &'static str,
}

pub(super) struct ConversationRow {
    pub domain: &'static str,
    pub contact: usize,
    pub title: &'static str,
    pub state: ConversationState,
    pub created_days_ago: u64,
    pub assignee: &'static str,
    pub priority: bool,
    pub tags: &'static [&'static str],
    /// The first is the customer's opening message.
    pub messages: &'static [(Who, &'static str)],
}

const BUG: &str = "Bug report";
const QUESTION: &str = "Technical question";
const ACCESS: &str = "Access request";

macro_rules! ticket {
    ($d:literal, $c:literal, $k:ident, $t:literal, $desc:literal, $s:ident, $cr:literal, $up:literal, $a:literal) => {
        TicketRow {
            domain: $d,
            contact: $c,
            kind: $k,
            title: $t,
            description: $desc,
            state: $s,
            created_days_ago: $cr,
            updated_days_ago: $up,
            assignee: $a,
        }
    };
}

#[rustfmt::skip]
pub(super) const TICKETS: &[TicketRow] = &[
    ticket!("acme-robotics.example", 1, BUG, "Fleet sync fails after agent 4.2 upgrade", "Since upgrading the edge agent to 4.2, robot telemetry stops syncing to the dashboard every few hours.", InProgress, 12, 1, "engineering"),
    ticket!("acme-robotics.example", 1, ACCESS, "SSO login loop for plant supervisors", "Supervisors at the Pittsburgh plant are sent back to the Okta sign-in page after logging in.", WaitingOnCustomer, 8, 2, "support"),
    ticket!("acme-robotics.example", 0, QUESTION, "Monthly SAP export times out", "The monthly operations export to SAP runs > 30 minutes & then fails with a timeout.", Submitted, 3, 3, ""),
    ticket!("acme-robotics.example", 2, QUESTION, "Change invoice contact", "Please send invoices to ap@acme-robotics.example from next month.", Resolved, 40, 36, "support"),
    ticket!("globex-logistics.example", 1, BUG, "Rotterdam dashboards show stale data", "Dashboards for the Rotterdam hub stopped refreshing on Monday; the last update shows 06:00 CET.", InProgress, 6, 1, "engineering"),
    ticket!("globex-logistics.example", 1, QUESTION, "Rate limits on the nightly batch load", "Our nightly batch gets 429 responses around 02:00 CET. Can the limit be raised?", WaitingOnCustomer, 10, 4, "support"),
    ticket!("globex-logistics.example", 0, QUESTION, "Security questionnaire for the renewal", "Procurement needs the updated security questionnaire before signing.", Resolved, 30, 25, "support"),
    ticket!("lioncity-bank.example", 1, BUG, "Audit log export missing entries for 14 Nov", "The audit export for 14 November lacks about 200 entries between 09:00 and 11:00 SGT.", InProgress, 9, 2, "engineering"),
    ticket!("lioncity-bank.example", 2, ACCESS, "Data residency confirmation for MAS audit", "We need written confirmation that all our data stays in the Singapore region.", Submitted, 4, 4, ""),
    ticket!("stark-aerospace.example", 0, BUG, "CAD previews render blank", "Previews of STEP files larger than 200 MB render as a blank canvas.", InProgress, 5, 1, "engineering"),
    ticket!("stark-aerospace.example", 1, ACCESS, "Add two procurement users", "Please add seats for two new buyers in procurement.", Resolved, 20, 18, "support"),
    ticket!("sakura-telecom.example", 0, BUG, "Japanese text garbled in CSV export", "Exported CSV files show mojibake for Japanese store names.", Resolved, 35, 28, "engineering"),
    ticket!("sakura-telecom.example", 1, QUESTION, "Renewal quote in JPY", "Can the renewal quote be issued in JPY instead of USD?", Resolved, 15, 12, "support"),
    ticket!("helios-pharma.example", 0, BUG, "E-signature step skipped in GxP workflow", "Approvals in the batch-release workflow complete without the e-signature step.", WaitingOnCustomer, 7, 3, "support"),
    ticket!("umbrella-health.example", 1, BUG, "HL7 import rejects messages with Z-segments", "Our ADT feed is rejected whenever a message carries custom Z-segments.", InProgress, 11, 2, "engineering"),
    ticket!("umbrella-health.example", 0, ACCESS, "BAA countersignature", "Legal needs the countersigned business associate agreement.", Submitted, 2, 2, ""),
    ticket!("hooli-cloud.example", 1, BUG, "Terraform provider fails on workspace import", "terraform import of existing workspaces fails with a 500 from the API.", InProgress, 6, 1, "engineering"),
    ticket!("hooli-cloud.example", 0, QUESTION, "Cutover window for the platform migration", "Which weekend windows are available for the final cutover?", WaitingOnCustomer, 4, 2, "support"),
    ticket!("oceanic-insurance.example", 0, BUG, "Claims dashboard times out at month end", "The claims dashboard times out for every adjuster during month-end close.", InProgress, 25, 14, "engineering"),
    ticket!("oceanic-insurance.example", 0, BUG, "Duplicate claim records after re-import", "Re-importing the October claims file created duplicate records.", WaitingOnCustomer, 18, 9, "support"),
    ticket!("oceanic-insurance.example", 1, QUESTION, "Full data export before contract end", "We need a complete export of our data before the contract ends on 30 November.", Submitted, 6, 6, ""),
    ticket!("wayne-financial.example", 1, QUESTION, "Model risk documentation for the fraud pilot", "Our model risk team needs the validation pack for the fraud analytics pilot.", InProgress, 9, 3, "support"),
    ticket!("initech.example", 1, BUG, "Webhook retries stop after the first failure", "Failed webhooks are retried once and then dropped.", Resolved, 45, 38, "engineering"),
    ticket!("tyrell-bio.example", 1, ACCESS, "Sandbox for the lab data connector", "Please set up a sandbox so we can test the lab data connector.", Resolved, 22, 19, "support"),
    ticket!("piedpiper.example", 1, QUESTION, "Card payment failed on the last invoice", "Our card was declined for the November invoice; how do we pay by bank transfer?", Submitted, 5, 5, ""),
    ticket!("nordlicht-energie.example", 1, BUG, "Sensor timestamps off by one hour after DST", "Since the DST change all grid sensor readings are shifted by one hour.", Resolved, 28, 24, "engineering"),
];

macro_rules! conversation {
    ($d:literal, $c:literal, $t:literal, $s:ident, $cr:literal, $a:literal, $p:literal, [$($tag:literal),*], [$(($w:ident, $m:literal)),+ $(,)?]) => {
        ConversationRow { domain: $d, contact: $c, title: $t, state: $s, created_days_ago: $cr, assignee: $a,
            priority: $p, tags: &[$($tag),*], messages: &[$(($w, $m)),+] }
    };
}

#[rustfmt::skip]
pub(super) const CONVERSATIONS: &[ConversationRow] = &[
    conversation!("acme-robotics.example", 1, "Telemetry gaps since agent 4.2", Open, 12, "engineering", true, ["Bug"], [
        (C, "Since we rolled out edge agent 4.2, robot telemetry drops out every few hours."),
        (A, "Thanks Marcus, we can reproduce this on 4.2 and have opened a ticket for it."),
        (N, "Likely the new batching in agent 4.2. Rollback to 4.1.3 is a safe workaround."),
        (C, "Any ETA? This blocks our weekly operations review.")]),
    conversation!("acme-robotics.example", 0, "Renewal depends on open issues", Open, 2, "sales", true, ["Renewal"], [
        (C, "Before we sign the renewal we need the telemetry & SSO issues fixed."),
        (A, "Understood, Dana. I am meeting engineering tomorrow and will send you a plan by Friday.")]),
    conversation!("acme-robotics.example", 2, "New invoice address", Closed, 40, "support", false, [], [
        (C, "Please send invoices to ap@acme-robotics.example from next month."),
        (A, "Done, the next invoice goes to the new address.")]),
    conversation!("globex-logistics.example", 1, "Rotterdam dashboards not refreshing", Open, 6, "engineering", true, ["Bug"], [
        (C, "Our Rotterdam dashboards have not refreshed since Monday 06:00."),
        (A, "We found a stuck ingestion job for your region and are replaying it now.")]),
    conversation!("globex-logistics.example", 0, "Security questionnaire", Closed, 30, "support", false, ["Renewal"], [
        (C, "Procurement needs your latest security questionnaire for the renewal."),
        (A, "Attached is the 2026 questionnaire and our SOC 2 report.")]),
    conversation!("lioncity-bank.example", 1, "Missing audit log entries", Open, 9, "engineering", true, ["Compliance"], [
        (C, "The audit export for 14 November is missing entries; our regulator review is next week."),
        (A, "We are restoring the missing window from backups and will confirm once complete."),
        (N, "Root cause: a log shipper restart during the 14 Nov maintenance window.")]),
    conversation!("lioncity-bank.example", 0, "Quarterly business review agenda", Closed, 21, "support", false, [], [
        (C, "Could you share the agenda for our quarterly business review?"),
        (A, "Here it is: roadmap, adoption metrics and the renewal timeline.")]),
    conversation!("stark-aerospace.example", 0, "Blank CAD previews", Open, 5, "engineering", false, ["Bug"], [
        (C, "Large STEP files show a blank preview."),
        (A, "Thanks Jamal, files over 200 MB hit a renderer limit; a fix is scheduled.")]),
    conversation!("sakura-telecom.example", 0, "CSV export encoding", Closed, 35, "engineering", false, ["Bug"], [
        (C, "Japanese store names are garbled in CSV exports."),
        (A, "Exports now default to UTF-8 with BOM; please try again."),
        (C, "Works now, thank you.")]),
    conversation!("helios-pharma.example", 0, "E-signature step skipped", Snoozed, 7, "support", true, ["Compliance"], [
        (C, "Batch-release approvals complete without the e-signature step."),
        (A, "Could you send the workflow export so we can check its configuration?"),
        (N, "Waiting for the workflow export from Matthias; snoozed until Friday.")]),
    conversation!("umbrella-health.example", 1, "HL7 import errors", Open, 11, "engineering", false, ["Bug"], [
        (C, "Our ADT feed gets rejected when messages include Z-segments."),
        (A, "We are adding Z-segment passthrough; a beta build is ready for testing.")]),
    conversation!("hooli-cloud.example", 0, "Migration cutover planning", Snoozed, 4, "support", false, [], [
        (C, "Which weekends are available for the final cutover?"),
        (A, "5-6 December or 12-13 December; please confirm which suits you.")]),
    conversation!("oceanic-insurance.example", 0, "Month-end dashboard timeouts", Open, 25, "support", true, ["Escalation"], [
        (C, "Every adjuster gets timeouts on the claims dashboard during month-end close."),
        (A, "We have escalated this to engineering as a priority."),
        (C, "This is the third month in a row. We are reviewing alternatives."),
        (N, "Sarah mentioned evaluating alternatives at renewal; flag to Maria Lopez.")]),
    conversation!("wayne-financial.example", 1, "Model risk documentation", Open, 9, "support", false, [], [
        (C, "Our model risk team needs the validation pack for the fraud pilot."),
        (A, "We are compiling it and will share it this week.")]),
    conversation!("initech.example", 1, "Webhook retries", Closed, 45, "engineering", false, ["Bug"], [
        (C, "Failed webhooks are only retried once."),
        (A, "Retries now back off exponentially for up to 24 hours.")]),
    conversation!("piedpiper.example", 1, "Card declined", Open, 5, "", false, ["Billing"], [
        (C, "Our card was declined for the November invoice. Can we pay by bank transfer?")]),
    conversation!("tyrell-bio.example", 1, "Sandbox access", Closed, 22, "support", false, [], [
        (C, "Can we get a sandbox to test the lab data connector?"),
        (A, "Your sandbox is ready; credentials were sent to Oliver.")]),
    conversation!("kangaroo-retail.example", 0, "Adding a new store", Closed, 16, "support", false, ["How-to"], [
        (C, "How do we add a new store to the analytics workspace?"),
        (A, "Settings > Locations > Add store; data appears within an hour.")]),
    conversation!("vandelay.example", 0, "Upgrade options", Open, 3, "sales", false, [], [
        (C, "What does the Growth plan add over Starter?"),
        (A, "More seats, API access and priority support; I will send a quote today.")]),
    conversation!("nordlicht-energie.example", 1, "DST timestamp shift", Closed, 28, "engineering", false, ["Bug"], [
        (C, "All sensor readings are one hour off since the DST change."),
        (A, "Fixed: readings are stored in UTC again and history was corrected.")]),
    conversation!("lumiere-hotels.example", 0, "Guest insights demo follow-up", Closed, 12, "support", false, [], [
        (C, "Thanks for the demo. Could you send the slides?"),
        (A, "Slides and the pilot proposal are attached.")]),
    conversation!("prairie-schools.example", 0, "Login help for teachers", Closed, 70, "support", false, ["How-to"], [
        (C, "Several teachers cannot log in after the password policy change."),
        (A, "They need to reset via the link on the sign-in page; sessions were cleared.")]),
];
