//! What HubSpot knows about each object type: path names, type ids, and
//! which properties are returned by default, always, or searched by text.

/// The three CRM object types the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum ObjectType {
    Companies,
    Contacts,
    Deals,
}

impl ObjectType {
    /// Path segment or association name: plural, singular or type id.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "companies" | "company" | "0-2" => Some(ObjectType::Companies),
            "contacts" | "contact" | "0-1" => Some(ObjectType::Contacts),
            "deals" | "deal" | "0-3" => Some(ObjectType::Deals),
            _ => None,
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            ObjectType::Companies => "companies",
            ObjectType::Contacts => "contacts",
            ObjectType::Deals => "deals",
        }
    }

    /// The object type id used in record URLs (`0-3` for deals).
    pub fn type_id(self) -> &'static str {
        match self {
            ObjectType::Companies => "0-2",
            ObjectType::Contacts => "0-1",
            ObjectType::Deals => "0-3",
        }
    }

    /// Returned when a request names no properties.
    pub fn default_properties(self) -> &'static [&'static str] {
        match self {
            ObjectType::Companies => &[
                "createdate",
                "domain",
                "hs_lastmodifieddate",
                "hs_object_id",
                "name",
            ],
            ObjectType::Contacts => &[
                "createdate",
                "email",
                "firstname",
                "hs_object_id",
                "lastmodifieddate",
                "lastname",
            ],
            ObjectType::Deals => &[
                "amount",
                "closedate",
                "createdate",
                "dealname",
                "dealstage",
                "hs_lastmodifieddate",
                "hs_object_id",
                "pipeline",
            ],
        }
    }

    /// Always returned, whatever was asked for (as HubSpot does).
    pub fn always_properties(self) -> &'static [&'static str] {
        match self {
            ObjectType::Contacts => &["createdate", "hs_object_id", "lastmodifieddate"],
            _ => &["createdate", "hs_lastmodifieddate", "hs_object_id"],
        }
    }

    /// Matched by a search's free-text `query`.
    pub fn searchable(self) -> &'static [&'static str] {
        match self {
            ObjectType::Companies => &["name", "domain", "website", "phone"],
            ObjectType::Contacts => &["firstname", "lastname", "email", "phone", "company"],
            ObjectType::Deals => &["dealname"],
        }
    }

    /// Real properties the demo leaves empty: requested, they come back null.
    pub fn unset_properties(self) -> &'static [&'static str] {
        match self {
            ObjectType::Companies => &[
                "phone",
                "state",
                "website",
                "description",
                "numberofemployees",
            ],
            ObjectType::Contacts => &["mobilephone", "city", "country", "website"],
            ObjectType::Deals => &["description", "hs_next_step", "closed_lost_reason"],
        }
    }
}
