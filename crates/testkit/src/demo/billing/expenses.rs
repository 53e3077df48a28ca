//! The chart of accounts behind the profit and loss report, and Northwind's
//! monthly operating costs (posted on the 20th of each month).

use chrono::NaiveDate;

/// Where an account sits in the profit and loss report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountKind {
    Income,
    CostOfGoodsSold,
    Expense,
}

impl AccountKind {
    /// QuickBooks' `Classification`.
    pub fn classification(self) -> &'static str {
        match self {
            AccountKind::Income => "Revenue",
            AccountKind::CostOfGoodsSold | AccountKind::Expense => "Expense",
        }
    }

    /// QuickBooks' `AccountType`.
    pub fn account_type(self) -> &'static str {
        match self {
            AccountKind::Income => "Income",
            AccountKind::CostOfGoodsSold => "Cost of Goods Sold",
            AccountKind::Expense => "Expense",
        }
    }
}

/// A QuickBooks account (income, cost of sales or expense).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: AccountKind,
    /// QuickBooks' `AccountSubType`.
    pub sub_type: &'static str,
}

/// A cost posted to an account (a bill or card purchase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expense {
    pub account_id: &'static str,
    pub vendor: &'static str,
    pub date: NaiveDate,
    /// Whole US dollars.
    pub amount: u64,
}

#[rustfmt::skip]
const ACCOUNTS: &[(&str, &str, AccountKind, &str)] = &[
    ("41", "Subscription Revenue", AccountKind::Income, "ServiceFeeIncome"),
    ("42", "Support Revenue", AccountKind::Income, "ServiceFeeIncome"),
    ("43", "Professional Services Revenue", AccountKind::Income, "ServiceFeeIncome"),
    ("51", "Cloud Hosting", AccountKind::CostOfGoodsSold, "OtherCostsOfServiceCos"),
    ("52", "Third-Party Data Licenses", AccountKind::CostOfGoodsSold, "OtherCostsOfServiceCos"),
    ("61", "Salaries & Wages", AccountKind::Expense, "PayrollExpenses"),
    ("62", "Rent or Lease", AccountKind::Expense, "RentOrLeaseOfBuildings"),
    ("63", "Software & Subscriptions", AccountKind::Expense, "OfficeGeneralAdministrativeExpenses"),
    ("64", "Advertising & Marketing", AccountKind::Expense, "AdvertisingPromotional"),
    ("65", "Travel", AccountKind::Expense, "Travel"),
    ("66", "Legal & Professional Fees", AccountKind::Expense, "LegalProfessionalFees"),
    ("67", "Utilities", AccountKind::Expense, "Utilities"),
];

pub(super) fn accounts() -> Vec<Account> {
    ACCOUNTS
        .iter()
        .map(|&(id, name, kind, sub_type)| Account {
            id,
            name,
            kind,
            sub_type,
        })
        .collect()
}

/// (account id, vendor, amount in month `m`)
type CostRow = (&'static str, &'static str, fn(u64) -> u64);

#[rustfmt::skip]
const COSTS: &[CostRow] = &[
    ("51", "Nimbus Cloud Inc.", |m| 52_000 + m * 1_200),
    ("52", "Meridian Data Co.", |_| 9_500),
    ("61", "Payroll", |m| if m >= 7 { 180_000 } else { 168_000 }),
    ("62", "Harbor Point Properties", |_| 18_500),
    ("63", "SaaS vendors (card)", |m| 7_200 + m * 130),
    ("64", "Brightline Media", |m| 22_000 + (m % 3) * 3_000),
    ("65", "Corporate travel card", |m| 6_400 + (m % 4) * 900),
    ("66", "Keane & Ward LLP", |m| if m == 3 { 16_800 } else { 4_800 }),
    ("67", "City Power & Water", |m| 2_150 + (m % 2) * 180),
];

/// Every month's costs of 2026 up to `as_of`.
pub(super) fn expenses(as_of: NaiveDate) -> Vec<Expense> {
    let mut out = Vec::new();
    for month in 1..=12u32 {
        let Some(date) = NaiveDate::from_ymd_opt(2026, month, 20).filter(|d| *d <= as_of) else {
            continue;
        };
        for &(account_id, vendor, amount) in COSTS {
            out.push(Expense {
                account_id,
                vendor,
                date,
                amount: amount(u64::from(month)),
            });
        }
    }
    out
}
