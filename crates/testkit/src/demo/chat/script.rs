//! What was said, as rows. Days count back from the reference date, times
//! are UTC, people are named by the local part of their Northwind email.
//! In texts, `{@local}` becomes a mention of that employee and `{#name}` a
//! link to that channel; `<url|label>` is a Slack link; `&` is escaped on
//! the way out.

mod accounts;
mod support;

/// A top-level message and its thread.
pub(super) struct Post {
    pub channel: &'static str,
    pub day: u64,
    /// "HH:MM", UTC.
    pub at: &'static str,
    pub by: &'static str,
    pub text: &'static str,
    /// (minutes after the parent, author, text)
    pub replies: &'static [(u32, &'static str, &'static str)],
    /// (emoji, who reacted)
    pub reactions: &'static [(&'static str, &'static [&'static str])],
    /// Pinned to the channel by its author.
    pub pinned: bool,
}

macro_rules! post {
    ($ch:literal, $day:literal, $at:literal, $by:literal, $text:literal,
     [$(($m:literal, $rb:literal, $rt:literal)),* $(,)?],
     [$(($rn:literal, [$($ru:literal),* $(,)?])),* $(,)?], $pinned:literal) => {
        Post {
            channel: $ch, day: $day, at: $at, by: $by, text: $text,
            replies: &[$(($m, $rb, $rt)),*],
            reactions: &[$(($rn, &[$($ru),*])),*],
            pinned: $pinned,
        }
    };
}
use post;

/// Every post, in no particular order (the builder sorts by time).
pub(super) fn posts() -> impl Iterator<Item = &'static Post> {
    TEAM.iter().chain(support::POSTS).chain(accounts::POSTS)
}

#[rustfmt::skip]
const TEAM: &[Post] = &[
    post!("general", 34, "09:00", "admin", "Welcome to Q4! The holiday calendar is pinned here: offices close 24 Dec – 1 Jan. Questions go to {@admin}.", [],
        [("tada", ["sales", "maria.lopez", "support"])], true),
    post!("general", 24, "15:30", "sales", "Tyrell Biotech (tyrell-bio.example) renewed for 2027: $295k. Thanks {@tom.becker} and everyone who supported the lab data work! :tada:", [
        (12, "finance", "Invoice for the first year goes out on Monday."),
        (40, "tom.becker", "Rachael Sterling already asked about the Lab Data Connector for Q1."),
    ], [("tada", ["maria.lopez", "kenji.watanabe", "priya.nair", "support", "engineering"])], false),
    post!("general", 20, "16:30", "hr", "Open enrollment for 2027 benefits closes Friday. Details: <https://hr.northwind.example/benefits/2027|Benefits 2027>", [], [], false),
    post!("general", 15, "14:00", "maria.lopez", "Wayne Financial (wayne-financial.example) signed the Fraud Analytics Pilot: $35k. Eleanor Fox wants a readout in January.", [],
        [("raised_hands", ["sales", "finance"])], false),
    post!("general", 6, "17:00", "admin", "Planned maintenance: SSO (Okta) is read-only this Saturday 02:00–04:00 UTC.", [], [], false),

    post!("sales", 27, "14:10", "sales", "Q4 renewal board: Acme Robotics, Globex Logistics, Stark Aerospace, Sakura Telecom, Lion City Bank and Helios Pharma all renew by 31 Dec. Owners, keep the CRM close dates current.", [],
        [("+1", ["maria.lopez", "kenji.watanabe", "priya.nair", "tom.becker"])], true),
    post!("sales", 18, "10:40", "maria.lopez", "Wayne Financial pilot paperwork is with Eleanor Fox (CFO); expecting the signature this week.", [], [], false),
    post!("sales", 16, "11:15", "sales", "Hooli Cloud (hooli-cloud.example) platform migration is at Decision Maker Bought-In: $78k, closing 18 Dec. Nadia Haddad wants the cutover before Christmas.", [
        (25, "engineering", "Cutover weekends 5–6 or 12–13 Dec work for us."),
    ], [], false),
    post!("sales", 12, "09:30", "sales", "Acme Robotics (acme-robotics.example) renewal is at Contract Sent ($252k, closes 15 Dec), but Dana Whitfield won't sign until the fleet sync bug from agent 4.2 is fixed. {@engineering} can we get an ETA?", [
        (30, "engineering", "Root cause is the new batching in agent 4.2, see {#eng-incidents}. Fix is in review; rolling back to 4.1.3 is the workaround."),
        (55, "sales", "Thanks, passing the workaround to Marcus Chen today."),
        (120, "support", "I'm tracking all open Acme tickets in {#acct-acme-robotics}."),
    ], [("eyes", ["engineering", "support"])], false),
    post!("sales", 10, "10:05", "maria.lopez", "Oceanic Insurance (oceanic-insurance.example) chose another vendor: the 2027 renewal is lost. The contract ends 30 Nov. Month-end claims dashboard timeouts were the main reason.", [
        (20, "finance", "Noted. Oceanic still owes two quarters; I'll chase before the contract ends."),
        (45, "sales", "Painful. Let's still push the Claims Analytics Pilot (19 Dec) to keep a foot in the door."),
    ], [("disappointed", ["sales", "priya.nair"])], false),
    post!("sales", 9, "11:20", "kenji.watanabe", "Lion City Bank (lioncity-bank.example): contract sent for the 2027 renewal ($483k, closes 28 Dec). Their MAS audit is next week, so the missing audit-log entries are now a blocker.", [
        (35, "sales", "{@engineering} is on it in {#eng-incidents} (INC-2301)."),
        (90, "kenji.watanabe", "Good, I'll update Wei Ling Tan."),
    ], [], false),
    post!("sales", 7, "13:45", "tom.becker", "Globex Logistics (globex-logistics.example) renewal: decision maker bought in ($325k, closes 20 Dec). Pieter de Vries wants a service credit for the Rotterdam dashboard outage before signing.", [
        (15, "finance", "Globex also has an overdue invoice; let's settle that in the same conversation."),
        (30, "sales", "A credit up to 5% is fine if they sign by 15 Dec."),
    ], [], false),
    post!("sales", 5, "08:50", "priya.nair", "Helios Pharma (helios-pharma.example): the $410k renewal is still only Qualified To Buy and closes 30 Dec. We haven't had a call with them in three months; I'm asking Matthias Keller for an exec meeting.", [
        (20, "sales", "Loop me in. Is the GxP e-signature bug still open?"),
        (35, "support", "Yes, waiting on their validation team since last week."),
    ], [], false),
    post!("sales", 3, "16:00", "finance", "Overdue invoices: Acme Robotics, Globex Logistics, Sakura Telecom, Helios Pharma, Oceanic Insurance (two quarters) and Vandelay Industries (three monthly invoices). Owners, please raise it on your next call.", [],
        [("+1", ["sales", "tom.becker", "kenji.watanabe", "priya.nair", "maria.lopez"])], false),
    post!("sales", 2, "10:15", "kenji.watanabe", "Sakura Telecom (sakura-telecom.example) gets the renewal quote in JPY today. All their support tickets are resolved :+1:", [
        (50, "finance", "JPY quote approved at today's rate, valid for 14 days."),
    ], [], false),
    post!("sales", 1, "09:05", "priya.nair", "Stark Aerospace (stark-aerospace.example): contract sent ($399k, closes 31 Dec). Claire Donovan confirmed procurement is fine; only the CAD preview bug is open.", [], [], false),
    post!("sales", 0, "08:30", "sales", "Forecast call at 16:00 UTC today. Bring updates on Acme, Globex, Lion City and Helios.", [], [], false),

    post!("random", 4, "12:30", "maria.lopez", "Who's in for the Thanksgiving potluck on Wednesday? I'm bringing pie.", [
        (5, "support", "Count me in, I'll bring tamales."),
        (9, "hr", "Sign-up sheet is on the kitchen door."),
    ], [], false),
    post!("random", 1, "13:00", "kenji.watanabe", "Photos from the Tokyo team dinner :sushi:", [], [("heart_eyes", ["maria.lopez"])], false),

    post!("proj-atlas-launch", 197, "18:00", "engineering", "Atlas is live for every customer. Thanks all; archiving this channel.", [], [("rocket", ["support", "sales"])], false),
];
