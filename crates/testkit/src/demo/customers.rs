//! The twenty customers and their contacts. Deals live in `deals.rs`,
//! keyed by the customer's domain.

use chrono::NaiveDate;

use super::people::{email_for, owner_email};
use super::types::{Contact, Customer, Industry, Tier};
use super::{deals, REFERENCE_DATE};

struct Row {
    name: &'static str,
    domain: &'static str,
    industry: Industry,
    city: &'static str,
    country: &'static str,
    tier: Tier,
    arr: u64,
    since: (i32, u32, u32),
    renewal: (i32, u32, u32),
    owner: &'static str,
    /// (first name, last name, job title)
    contacts: &'static [(&'static str, &'static str, &'static str)],
}

macro_rules! row {
    ($name:literal, $domain:literal, $ind:ident, $city:literal, $country:literal, $tier:ident,
     $arr:literal, $since:expr, $renewal:expr, $owner:literal, [$(($f:literal, $l:literal, $t:literal)),+ $(,)?]) => {
        Row {
            name: $name, domain: $domain, industry: Industry::$ind, city: $city, country: $country,
            tier: Tier::$tier, arr: $arr, since: $since, renewal: $renewal, owner: $owner,
            contacts: &[$(($f, $l, $t)),+],
        }
    };
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    row!("Acme Robotics", "acme-robotics.example", Machinery, "Pittsburgh", "United States", Enterprise, 240_000, (2023, 12, 15), (2026, 12, 15), "sam",
        [("Dana", "Whitfield", "VP Operations"), ("Marcus", "Chen", "Director of IT"), ("Lena", "Okafor", "Procurement Manager")]),
    row!("Globex Logistics", "globex-logistics.example", Logistics, "Rotterdam", "Netherlands", Enterprise, 310_000, (2022, 12, 20), (2026, 12, 20), "tom",
        [("Pieter", "de Vries", "Chief Operating Officer"), ("Anouk", "Jansen", "Head of Data")]),
    row!("Initech Software", "initech.example", Software, "Austin", "United States", MidMarket, 86_000, (2024, 4, 1), (2027, 4, 1), "sam",
        [("Rachel", "Kim", "CTO"), ("Tom", "Alvarez", "Engineering Manager")]),
    row!("Umbrella Health", "umbrella-health.example", HealthCare, "Boston", "United States", Enterprise, 420_000, (2023, 2, 28), (2027, 2, 28), "priya",
        [("Grace", "Holloway", "Chief Medical Information Officer"), ("Victor", "Ramos", "IT Director"), ("Nina", "Patel", "Procurement Lead")]),
    row!("Stark Aerospace", "stark-aerospace.example", Aerospace, "Seattle", "United States", Enterprise, 380_000, (2023, 12, 31), (2026, 12, 31), "priya",
        [("Jamal", "Rhodes", "VP Engineering"), ("Claire", "Donovan", "Head of Procurement")]),
    row!("Wayne Financial", "wayne-financial.example", FinancialServices, "New York", "United States", Enterprise, 520_000, (2022, 1, 15), (2027, 1, 15), "maria",
        [("Eleanor", "Fox", "CFO"), ("Daniel", "Park", "Head of Risk Analytics")]),
    row!("Hooli Cloud", "hooli-cloud.example", ItServices, "San Francisco", "United States", MidMarket, 120_000, (2025, 6, 30), (2027, 6, 30), "sam",
        [("Nadia", "Haddad", "Director of Platform"), ("Chris", "Tanaka", "Solutions Architect")]),
    row!("Soylent Foods", "soylent-foods.example", FoodBeverages, "Chicago", "United States", MidMarket, 64_000, (2025, 5, 1), (2027, 5, 1), "maria",
        [("Harriet", "Olsen", "Supply Chain Manager")]),
    row!("Tyrell Biotech", "tyrell-bio.example", Biotechnology, "Cambridge", "United Kingdom", Enterprise, 295_000, (2023, 11, 1), (2027, 11, 1), "tom",
        [("Rachael", "Sterling", "Head of Research IT"), ("Oliver", "Bennett", "Data Platform Lead")]),
    row!("Sakura Telecom", "sakura-telecom.example", Telecommunications, "Tokyo", "Japan", Enterprise, 340_000, (2024, 12, 10), (2026, 12, 10), "kenji",
        [("Haruto", "Sato", "IT General Manager"), ("Yui", "Nakamura", "Procurement Director")]),
    row!("Kangaroo Retail", "kangaroo-retail.example", Retail, "Sydney", "Australia", MidMarket, 72_000, (2025, 3, 31), (2027, 3, 31), "kenji",
        [("Mia", "Thompson", "Head of Retail Analytics")]),
    row!("Lion City Bank", "lioncity-bank.example", Banking, "Singapore", "Singapore", Enterprise, 460_000, (2023, 12, 28), (2026, 12, 28), "kenji",
        [("Wei Ling", "Tan", "Chief Data Officer"), ("Arjun", "Menon", "VP Technology Risk"), ("Siti", "Rahman", "Vendor Manager")]),
    row!("Vandelay Industries", "vandelay.example", ImportExport, "Newark", "United States", Smb, 18_000, (2026, 3, 18), (2027, 3, 18), "sam",
        [("George", "Costa", "Owner")]),
    row!("Bluth Construction", "bluth-construction.example", Construction, "Irvine", "United States", Smb, 24_000, (2025, 2, 1), (2027, 2, 1), "maria",
        [("Lucille", "Barrett", "Operations Director")]),
    row!("Pied Piper", "piedpiper.example", Software, "Palo Alto", "United States", Smb, 15_000, (2025, 7, 15), (2027, 7, 15), "sam",
        [("Monica", "Hale", "COO"), ("Jared", "Dunne", "Finance Lead")]),
    row!("Nordlicht Energie", "nordlicht-energie.example", Renewables, "Hamburg", "Germany", MidMarket, 98_000, (2024, 9, 30), (2027, 9, 30), "tom",
        [("Katrin", "Müller", "Head of IT"), ("Jonas", "Schröder", "Data Engineer")]),
    row!("Lumière Hotels", "lumiere-hotels.example", Hospitality, "Lyon", "France", MidMarket, 56_000, (2025, 4, 30), (2027, 4, 30), "tom",
        [("Élodie", "Martin", "Director of Operations")]),
    row!("Oceanic Insurance", "oceanic-insurance.example", Insurance, "Toronto", "Canada", Enterprise, 275_000, (2023, 11, 30), (2026, 11, 30), "maria",
        [("Sarah", "Mitchell", "VP Claims"), ("Raj", "Singh", "IT Procurement")]),
    row!("Prairie Schools", "prairie-schools.example", Education, "Denver", "United States", Smb, 12_000, (2025, 8, 15), (2027, 8, 15), "priya",
        [("Laura", "Jenkins", "District Technology Coordinator")]),
    row!("Helios Pharma", "helios-pharma.example", Pharmaceuticals, "Basel", "Switzerland", Enterprise, 390_000, (2022, 12, 30), (2026, 12, 30), "priya",
        [("Matthias", "Keller", "Head of Quality Systems"), ("Sophie", "Dubois", "Procurement Manager"), ("Lukas", "Frei", "IT Director")]),
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

/// Fictional numbers: the 555-01xx block is reserved for fiction.
fn phone(country: &str, seq: usize) -> String {
    let prefix = match country {
        "United States" | "Canada" => "+1",
        "Netherlands" => "+31",
        "United Kingdom" => "+44",
        "Japan" => "+81",
        "Australia" => "+61",
        "Singapore" => "+65",
        "Germany" => "+49",
        "France" => "+33",
        "Switzerland" => "+41",
        other => panic!("no phone prefix for {other}"),
    };
    format!("{prefix} 555 01{:02}", seq % 100)
}

pub(super) fn customers() -> Vec<Customer> {
    let mut seq = 0;
    ROWS.iter()
        .map(|row| {
            let owner_email = owner_email(row.owner);
            let contacts = row
                .contacts
                .iter()
                .map(|&(first, last, title)| {
                    seq += 1;
                    Contact {
                        first_name: first.into(),
                        last_name: last.into(),
                        email: email_for(first, last, row.domain),
                        phone: phone(row.country, seq),
                        job_title: title.into(),
                    }
                })
                .collect();
            let since = date(row.since);
            assert!(since <= REFERENCE_DATE, "{} starts in the future", row.name);
            Customer {
                name: row.name.into(),
                domain: row.domain.into(),
                industry: row.industry,
                city: row.city.into(),
                country: row.country.into(),
                tier: row.tier,
                arr: row.arr,
                renewal_date: date(row.renewal),
                customer_since: since,
                deals: deals::deals_for(row.domain, row.name, &owner_email),
                owner_email,
                contacts,
            }
        })
        .collect()
}
