//! The channels: the company-wide ones as rows, and one `#acct-*` channel
//! per customer in [`ACCOUNTS`]. Members are named by the local part of
//! their Northwind email; `"*"` means every employee.

/// A company-wide channel.
pub(super) struct ChannelRow {
    pub name: &'static str,
    pub topic: &'static str,
    pub purpose: &'static str,
    /// (year, month, day) of creation, 09:00 UTC.
    pub created: (i32, u32, u32),
    pub creator: &'static str,
    pub members: &'static [&'static str],
    /// Whether the Switchboard app has been invited.
    pub bot: bool,
    pub general: bool,
    pub archived: bool,
    pub previous_names: &'static [&'static str],
}

#[rustfmt::skip]
pub(super) const CHANNELS: &[ChannelRow] = &[
    ChannelRow {
        name: "general", topic: "Company-wide announcements and work-based matters",
        purpose: "This channel is for team-wide communication and announcements. All team members are in this channel.",
        created: (2021, 3, 1), creator: "admin", members: &["*"], bot: true, general: true, archived: false,
        previous_names: &["all-northwind"],
    },
    ChannelRow {
        name: "sales", topic: "Q4 renewals: Acme, Globex, Stark, Sakura, Lion City, Helios",
        purpose: "Pipeline, renewals and deal reviews.",
        created: (2021, 3, 1), creator: "sales", members: &["sales", "maria.lopez", "kenji.watanabe", "priya.nair", "tom.becker", "finance", "admin"],
        bot: true, general: false, archived: false, previous_names: &[],
    },
    ChannelRow {
        name: "support-escalations", topic: "Escalate customer tickets here; tag the account owner",
        purpose: "Customer issues that need engineering or the account team.",
        created: (2022, 6, 13), creator: "support", members: &["support", "engineering", "sales", "maria.lopez", "kenji.watanabe", "priya.nair", "tom.becker", "admin"],
        bot: true, general: false, archived: false, previous_names: &["escalations"],
    },
    ChannelRow {
        name: "eng-incidents", topic: "One thread per incident: INC number, customers affected, status",
        purpose: "Customer-facing incidents and their follow-ups.",
        created: (2022, 6, 13), creator: "engineering", members: &["engineering", "support", "admin"],
        bot: true, general: false, archived: false, previous_names: &[],
    },
    ChannelRow {
        name: "random", topic: "Non-work banter and water cooler conversation",
        purpose: "A place for non-work-related chatter.",
        created: (2021, 3, 1), creator: "admin", members: &["*"], bot: false, general: false, archived: false,
        previous_names: &[],
    },
    ChannelRow {
        name: "proj-atlas-launch", topic: "Atlas launched on 12 May 2026",
        purpose: "Coordination for the Atlas release.",
        created: (2026, 1, 12), creator: "engineering", members: &["engineering", "support", "sales", "admin"],
        bot: true, general: false, archived: true, previous_names: &[],
    },
];

/// Customers with their own `#acct-<domain without .example>` channel: the
/// enterprise accounts renewing around the reference quarter.
pub(super) const ACCOUNTS: &[&str] = &[
    "acme-robotics.example",
    "globex-logistics.example",
    "lioncity-bank.example",
    "stark-aerospace.example",
    "sakura-telecom.example",
    "helios-pharma.example",
    "oceanic-insurance.example",
];

/// Members of an account channel besides its owner.
pub(super) const ACCOUNT_TEAM: &[&str] = &["support", "finance", "engineering", "admin"];

/// `acct-acme-robotics` for `acme-robotics.example`.
pub(super) fn account_channel(domain: &str) -> String {
    format!("acct-{}", domain.trim_end_matches(".example"))
}
