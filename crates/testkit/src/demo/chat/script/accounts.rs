//! The `#acct-*` channels: one per enterprise account renewing around the
//! reference quarter, where the owner, support, finance and engineering
//! keep the account's story in one place.

use super::{post, Post};

#[rustfmt::skip]
pub(super) const POSTS: &[Post] = &[
    post!("acct-acme-robotics", 13, "15:00", "sales", "Renewal plan: Dana Whitfield (VP Operations) signs, Lena Okafor runs procurement, Marcus Chen owns IT. Target close 15 Dec.", [], [], true),
    post!("acct-acme-robotics", 10, "09:20", "finance", "Acme Robotics has an overdue invoice; Lena Okafor says payment waits until the telemetry issue is fixed.", [
        (30, "sales", "I'll raise it with Dana together with the fix timeline."),
    ], [], false),
    post!("acct-acme-robotics", 2, "18:10", "sales", "Dana Whitfield: they sign once the telemetry & SSO issues are fixed. I send her the plan on Friday.", [
        (15, "engineering", "Agent 4.2.1 with the telemetry fix ships Thursday."),
        (25, "support", "SSO loop: still waiting on their Okta admin. And a new ticket came in: the monthly SAP export times out."),
        (40, "sales", "Three open tickets before a renewal. Let's close at least two by Friday."),
    ], [], false),

    post!("acct-globex-logistics", 25, "10:00", "tom.becker", "The security questionnaire for the renewal is done; SOC 2 report shared with Pieter de Vries.", [], [], false),
    post!("acct-globex-logistics", 6, "11:30", "tom.becker", "Pieter de Vries escalated the Rotterdam dashboard outage and asks for a service credit.", [
        (10, "finance", "Their October invoice is overdue as well."),
    ], [], false),
    post!("acct-globex-logistics", 1, "14:20", "tom.becker", "Anouk Jansen confirms the dashboards are fine since the replay. The nightly batch 429s are still open: we proposed moving it to 03:00 CET.", [], [], false),

    post!("acct-lioncity-bank", 9, "08:00", "kenji.watanabe", "Arjun Menon (VP Technology Risk) found the audit log gap. Engineering is on it: INC-2301.", [], [], false),
    post!("acct-lioncity-bank", 4, "06:30", "kenji.watanabe", "Siti Rahman needs written confirmation of Singapore data residency for the MAS audit before the renewal is signed.", [
        (20, "support", "Ticket created; legal is drafting the letter."),
    ], [], false),
    post!("acct-lioncity-bank", 3, "09:00", "finance", "Lion City Bank is fully paid up: no open invoices.", [], [], false),

    post!("acct-stark-aerospace", 5, "12:10", "priya.nair", "Jamal Rhodes reports blank CAD previews for big STEP files; engineering is raising the limit.", [], [], false),
    post!("acct-stark-aerospace", 1, "10:00", "finance", "Stark Aerospace is paid up.", [], [], false),

    post!("acct-sakura-telecom", 15, "02:30", "kenji.watanabe", "Haruto Sato asked for the renewal quote in JPY.", [
        (360, "finance", "OK, I'll prepare it."),
    ], [], false),
    post!("acct-sakura-telecom", 3, "09:30", "finance", "Sakura Telecom has an overdue invoice; Yui Nakamura says it is in this month's payment run.", [], [], false),

    post!("acct-helios-pharma", 20, "13:00", "priya.nair", "The Helios Pharma renewal ($410k) is early stage; Matthias Keller's team is evaluating a competitor.", [], [], true),
    post!("acct-helios-pharma", 7, "12:30", "support", "Matthias Keller reported the GxP e-signature bug; we need their audit trail export to reproduce it.", [], [], false),
    post!("acct-helios-pharma", 5, "09:00", "priya.nair", "No call with Helios for three months. I requested an exec sponsor meeting with Sophie Dubois and Lukas Frei.", [
        (20, "sales", "Let's get it done before 10 Dec."),
    ], [], false),
    post!("acct-helios-pharma", 3, "09:40", "finance", "Helios Pharma has an overdue invoice.", [], [], false),

    post!("acct-oceanic-insurance", 10, "10:30", "maria.lopez", "Renewal lost to a competitor. The contract ends 30 Nov; keep support excellent through the exit.", [], [], false),
    post!("acct-oceanic-insurance", 6, "15:40", "support", "Sarah Mitchell requested a full data export; Raj Singh will receive it.", [], [], false),
    post!("acct-oceanic-insurance", 2, "16:00", "finance", "Oceanic Insurance owes two quarters; final notice sent.", [], [], false),
];
