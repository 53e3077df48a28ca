//! `#support-escalations` and `#eng-incidents`: the customers' open support
//! tickets (see `demo/support/script.rs`) escalated, and the incidents
//! behind them.

use super::{post, Post};

#[rustfmt::skip]
pub(super) const POSTS: &[Post] = &[
    post!("support-escalations", 12, "08:15", "support", "Escalation: Acme Robotics (acme-robotics.example) fleet telemetry stops syncing after edge agent 4.2. Priority customer, renewal in December. Assigned to {@engineering}.", [
        (40, "engineering", "Reproduced. Tracking it as INC-2291 in {#eng-incidents}."),
    ], [("eyes", ["engineering"])], false),
    post!("support-escalations", 11, "14:00", "support", "Umbrella Health (umbrella-health.example): the HL7 ADT feed is rejected whenever a message carries custom Z-segments. {@engineering} please take a look.", [
        (60, "engineering", "The parser is too strict on custom segments; the fix is scheduled for the next release."),
        (75, "priya.nair", "Thanks. Victor Ramos asked me about it on our call."),
    ], [], false),
    post!("support-escalations", 9, "07:40", "support", "Lion City Bank (lioncity-bank.example): the audit log export for 14 Nov is missing ~200 entries (09:00–11:00 SGT). Their regulator review is next week. cc {@kenji.watanabe}", [
        (25, "engineering", "INC-2301: a partition was skipped during compaction. Backfill runs tonight SGT."),
        (40, "kenji.watanabe", "Thanks, Arjun Menon is waiting for it."),
    ], [("rotating_light", ["engineering", "kenji.watanabe"])], false),
    post!("support-escalations", 8, "10:30", "support", "Acme Robotics: second open ticket, an SSO login loop for plant supervisors (Okta). Waiting on their IdP admin for a SAML trace.", [], [], false),
    post!("support-escalations", 7, "12:00", "support", "Helios Pharma (helios-pharma.example): the e-signature step is skipped in the GxP batch-release workflow. Compliance-critical; waiting on their validation team for logs.", [
        (30, "priya.nair", "Thanks, this goes on the agenda of the exec meeting I'm requesting."),
    ], [], false),
    post!("support-escalations", 6, "09:10", "support", "Globex Logistics (globex-logistics.example): Rotterdam dashboards stale since Monday 06:00 CET, and the nightly batch gets 429s. Two open tickets; renewal on 20 Dec. cc {@tom.becker}", [
        (20, "engineering", "A stuck ingestion job for EU-West; replaying now (INC-2298)."),
        (35, "tom.becker", "Thanks! Pieter de Vries is asking for an ETA."),
        (50, "engineering", "The replay is done by 15:00 CET."),
    ], [], false),
    post!("support-escalations", 6, "15:20", "support", "Oceanic Insurance (oceanic-insurance.example) asked for a full data export before the contract ends on 30 Nov. Still open too: claims dashboard timeouts and duplicate claim records.", [
        (25, "maria.lopez", "Let's make the export smooth; they may come back."),
    ], [], false),
    post!("support-escalations", 5, "11:00", "support", "Stark Aerospace (stark-aerospace.example): CAD previews render blank for STEP files over 200 MB.", [
        (45, "engineering", "A limit of the preview service; raising it to 1 GB this week."),
    ], [], false),
    post!("support-escalations", 4, "09:45", "support", "Hooli Cloud (hooli-cloud.example): terraform import of existing workspaces fails with a 500 (INC-2305), and Nadia Haddad needs a cutover window for the migration.", [], [], false),
    post!("support-escalations", 3, "17:30", "support", "Weekly summary of unresolved tickets: Acme Robotics 3, Oceanic Insurance 3, Globex Logistics 2, Lion City Bank 2, Umbrella Health 2, Hooli Cloud 2, Helios Pharma 1, Stark Aerospace 1.", [],
        [("pray", ["sales", "tom.becker", "kenji.watanabe"])], false),

    post!("eng-incidents", 30, "09:00", "engineering", "Reminder: post every customer-facing incident here with an INC number, the customers affected and the status. <https://wiki.northwind.example/runbooks/incidents|Incident runbook>", [], [], true),
    post!("eng-incidents", 12, "10:00", "engineering", "INC-2291 (SEV2): edge agent 4.2 drops robot telemetry every few hours. Affected: Acme Robotics (acme-robotics.example). Workaround: roll back to agent 4.1.3.", [
        (240, "engineering", "Root cause: the new batching flushes on a timer that stops after a reconnect. Fix in review."),
        (260, "support", "Told Acme about the rollback workaround."),
        (420, "engineering", "Fix merged; it ships in agent 4.2.1."),
    ], [], false),
    post!("eng-incidents", 9, "13:00", "engineering", "INC-2301 (SEV2): the audit log export misses entries for 14 Nov 09:00–11:00 SGT. Affected: Lion City Bank (lioncity-bank.example). Cause: a partition skipped during compaction.", [
        (600, "engineering", "Backfill complete; the export matches the raw log again."),
    ], [], false),
    post!("eng-incidents", 6, "08:20", "engineering", "INC-2298 (SEV2): the EU-West ingestion job is stuck since Monday 06:00 CET; Rotterdam dashboards are stale. Affected: Globex Logistics (globex-logistics.example).", [
        (30, "engineering", "Replay running, ETA 15:00 CET."),
        (400, "engineering", "Resolved. Adding an alert on ingestion lag over 30 minutes."),
    ], [("white_check_mark", ["support", "tom.becker"])], false),
    post!("eng-incidents", 6, "16:45", "engineering", "INC-2305 (SEV3): the Terraform provider returns 500 on `terraform import` of existing workspaces. Affected: Hooli Cloud (hooli-cloud.example).", [], [], false),
    post!("eng-incidents", 2, "11:10", "engineering", "Oceanic Insurance (oceanic-insurance.example): the claims dashboard still times out at month end; the query plan fix targets the 30 Nov close.", [], [], false),
];
