//! HubSpot's token matching, shared by `CONTAINS_TOKEN` filters and the
//! free-text `query`.

/// HubSpot tokenizes values on punctuation and whitespace; `*` is a
/// wildcard over the whole value or a word (`*@acme.example`).
pub(super) fn contains_token(value: &str, pattern: &str) -> bool {
    let value = value.to_lowercase();
    if pattern.contains('*') {
        return glob(&value, pattern) || value.split_whitespace().any(|w| glob(w, pattern));
    }
    value == pattern || tokens(&value).any(|t| t == pattern)
}

pub(super) fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

fn glob(text: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_wildcards() {
        assert!(contains_token("Test Company 2", "test"));
        assert!(contains_token(
            "dana.whitfield@acme-robotics.example",
            "*@acme-robotics.example"
        ));
        assert!(contains_token(
            "dana.whitfield@acme-robotics.example",
            "whitfield"
        ));
        assert!(!contains_token("Acme Robotics", "robot"));
        assert!(glob("acme robotics", "a*r*s") && !glob("ab", "a*b*c"));
    }
}
