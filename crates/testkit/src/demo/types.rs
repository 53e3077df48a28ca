//! The plain types of the demo dataset. Vendor-neutral except where a
//! value's canonical form is the CRM's own (stage and deal-type ids,
//! industry codes), because those are what the fakes must serve.

use chrono::NaiveDate;

/// A Northwind employee: a demo user of the gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    /// "sales", "finance", "support", "engineering", "hr", "it".
    pub department: String,
}

/// A sales rep as the CRM knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// HubSpot-style owner id (a numeric string).
    pub id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
}

impl Owner {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// Commercial segment; drives support SLAs and billing terms later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    Enterprise,
    MidMarket,
    Smb,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Enterprise => "enterprise",
            Tier::MidMarket => "mid-market",
            Tier::Smb => "smb",
        }
    }
}

/// Industries in the CRM's enumeration (HubSpot uses LinkedIn's codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Industry {
    Machinery,
    Logistics,
    Software,
    HealthCare,
    Aerospace,
    FinancialServices,
    ItServices,
    FoodBeverages,
    Biotechnology,
    Telecommunications,
    Retail,
    Banking,
    ImportExport,
    Construction,
    Renewables,
    Hospitality,
    Insurance,
    Education,
    Pharmaceuticals,
}

impl Industry {
    /// The CRM's code, e.g. `COMPUTER_SOFTWARE`.
    pub fn code(self) -> &'static str {
        use Industry::*;
        match self {
            Machinery => "MACHINERY",
            Logistics => "LOGISTICS_AND_SUPPLY_CHAIN",
            Software => "COMPUTER_SOFTWARE",
            HealthCare => "HOSPITAL_HEALTH_CARE",
            Aerospace => "AVIATION_AEROSPACE",
            FinancialServices => "FINANCIAL_SERVICES",
            ItServices => "INFORMATION_TECHNOLOGY_AND_SERVICES",
            FoodBeverages => "FOOD_BEVERAGES",
            Biotechnology => "BIOTECHNOLOGY",
            Telecommunications => "TELECOMMUNICATIONS",
            Retail => "RETAIL",
            Banking => "BANKING",
            ImportExport => "IMPORT_AND_EXPORT",
            Construction => "CONSTRUCTION",
            Renewables => "RENEWABLES_ENVIRONMENT",
            Hospitality => "HOSPITALITY",
            Insurance => "INSURANCE",
            Education => "EDUCATION_MANAGEMENT",
            Pharmaceuticals => "PHARMACEUTICALS",
        }
    }
}

/// The stages of the CRM's default sales pipeline, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DealStage {
    AppointmentScheduled,
    QualifiedToBuy,
    PresentationScheduled,
    DecisionMakerBoughtIn,
    ContractSent,
    ClosedWon,
    ClosedLost,
}

impl DealStage {
    pub const ALL: [DealStage; 7] = [
        DealStage::AppointmentScheduled,
        DealStage::QualifiedToBuy,
        DealStage::PresentationScheduled,
        DealStage::DecisionMakerBoughtIn,
        DealStage::ContractSent,
        DealStage::ClosedWon,
        DealStage::ClosedLost,
    ];

    /// The CRM's stage id, e.g. `appointmentscheduled`.
    pub fn id(self) -> &'static str {
        use DealStage::*;
        match self {
            AppointmentScheduled => "appointmentscheduled",
            QualifiedToBuy => "qualifiedtobuy",
            PresentationScheduled => "presentationscheduled",
            DecisionMakerBoughtIn => "decisionmakerboughtin",
            ContractSent => "contractsent",
            ClosedWon => "closedwon",
            ClosedLost => "closedlost",
        }
    }

    /// The label a person sees, e.g. "Appointment Scheduled".
    pub fn label(self) -> &'static str {
        use DealStage::*;
        match self {
            AppointmentScheduled => "Appointment Scheduled",
            QualifiedToBuy => "Qualified To Buy",
            PresentationScheduled => "Presentation Scheduled",
            DecisionMakerBoughtIn => "Decision Maker Bought-In",
            ContractSent => "Contract Sent",
            ClosedWon => "Closed Won",
            ClosedLost => "Closed Lost",
        }
    }

    /// Win probability as the CRM writes it ("0.2").
    pub fn probability(self) -> &'static str {
        use DealStage::*;
        match self {
            AppointmentScheduled => "0.2",
            QualifiedToBuy => "0.4",
            PresentationScheduled => "0.6",
            DecisionMakerBoughtIn => "0.8",
            ContractSent => "0.9",
            ClosedWon => "1.0",
            ClosedLost => "0.0",
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, DealStage::ClosedWon | DealStage::ClosedLost)
    }
}

/// New logo / expansion versus renewal of an existing contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DealType {
    NewBusiness,
    /// Renewals; their names contain "Enterprise Renewal".
    ExistingBusiness,
}

impl DealType {
    /// The CRM's value, `newbusiness` or `existingbusiness`.
    pub fn id(self) -> &'static str {
        match self {
            DealType::NewBusiness => "newbusiness",
            DealType::ExistingBusiness => "existingbusiness",
        }
    }
}

/// A person at a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    /// At the customer's domain; the key other systems join on.
    pub email: String,
    pub phone: String,
    pub job_title: String,
}

impl Contact {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// An opportunity with a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    /// Unique across the dataset: "<Customer> - <what>".
    pub name: String,
    pub stage: DealStage,
    /// Whole US dollars.
    pub amount: u64,
    pub close_date: NaiveDate,
    pub deal_type: DealType,
    /// The day the deal was created (never after the reference date).
    pub created: NaiveDate,
    /// The owning rep's email (the customer's owner).
    pub owner_email: String,
}

/// A company Northwind sells to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub name: String,
    /// The key every system joins on, e.g. "acme-robotics.example".
    pub domain: String,
    pub industry: Industry,
    pub city: String,
    pub country: String,
    pub tier: Tier,
    /// Annual recurring revenue, whole US dollars.
    pub arr: u64,
    /// When the current contract ends.
    pub renewal_date: NaiveDate,
    /// When they became a customer (CRM record creation).
    pub customer_since: NaiveDate,
    /// The owning rep's email.
    pub owner_email: String,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
}
