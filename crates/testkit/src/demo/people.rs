//! Northwind's own people: the demo users and the sales reps who own
//! customers. `sales@northwind.example` is both the demo sales user and a
//! CRM owner, so "my deals" has an answer in the demo.

use super::types::{Employee, Owner};

/// (email local part, first, last, title, department, CRM owner id)
type StaffRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

#[rustfmt::skip]
const STAFF: &[StaffRow] = &[
    ("sales", "Sam", "Carter", "Account Executive", "sales", Some("61842001")),
    ("maria.lopez", "Maria", "Lopez", "Senior Account Executive", "sales", Some("61842002")),
    ("kenji.watanabe", "Kenji", "Watanabe", "Account Executive, APAC", "sales", Some("61842003")),
    ("priya.nair", "Priya", "Nair", "Enterprise Account Executive", "sales", Some("61842004")),
    ("tom.becker", "Tom", "Becker", "Account Executive, EMEA", "sales", Some("61842005")),
    ("finance", "Fiona", "Grant", "Finance Manager", "finance", None),
    ("support", "Sofia", "Reyes", "Support Lead", "support", None),
    ("engineering", "Erik", "Lindqvist", "Engineering Manager", "engineering", None),
    ("hr", "Hannah", "Price", "People Partner", "hr", None),
    ("admin", "Alex", "Morgan", "IT Administrator", "it", None),
];

pub(super) const DOMAIN: &str = "northwind.example";

/// Builds the staff list and, from it, the CRM owners.
pub(super) fn staff_and_owners() -> (Vec<Employee>, Vec<Owner>) {
    let mut staff = Vec::new();
    let mut owners = Vec::new();
    for &(local, first, last, title, department, owner_id) in STAFF {
        let email = format!("{local}@{DOMAIN}");
        if let Some(id) = owner_id {
            owners.push(Owner {
                id: id.into(),
                email: email.clone(),
                first_name: first.into(),
                last_name: last.into(),
            });
        }
        staff.push(Employee {
            email,
            first_name: first.into(),
            last_name: last.into(),
            title: title.into(),
            department: department.into(),
        });
    }
    (staff, owners)
}

/// The email of a rep, by the short name the customer table uses.
pub(super) fn owner_email(short: &str) -> String {
    let local = match short {
        "sam" => "sales",
        "maria" => "maria.lopez",
        "kenji" => "kenji.watanabe",
        "priya" => "priya.nair",
        "tom" => "tom.becker",
        other => panic!("unknown demo owner `{other}`"),
    };
    format!("{local}@{DOMAIN}")
}

/// `first.last@domain` in plain ASCII: accents folded, spaces and
/// punctuation dropped, so emails stay clean join keys.
pub(super) fn email_for(first: &str, last: &str, domain: &str) -> String {
    format!("{}.{}@{domain}", ascii_fold(first), ascii_fold(last))
}

fn ascii_fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'ö' | 'ø' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(folded);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails_are_ascii_join_keys() {
        assert_eq!(
            super::email_for("Élodie", "Martin", "lumiere-hotels.example"),
            "elodie.martin@lumiere-hotels.example"
        );
        assert_eq!(
            super::email_for("Wei Ling", "Tan", "x.example"),
            "weiling.tan@x.example"
        );
        assert_eq!(
            super::email_for("Katrin", "Müller", "x.example"),
            "katrin.muller@x.example"
        );
    }
}
