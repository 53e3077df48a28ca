//! Which tool arguments the policies can read, found in their text, so
//! that a call whose arguments include none of them gets an `invoke`
//! answer that does not depend on its arguments and can be memoized.
//!
//! Every use of `context` must have one of the forms `context.args.NAME`,
//! `context.args has NAME` (or `"NAME"`) or `context.args["NAME"]`; one
//! other use anywhere (`context.args == {}`, `context` in a comment or a
//! string) gives `None`, and every call is then evaluated with its
//! arguments. Failing to recognize a form is always the safe direction.

use std::collections::BTreeSet;

/// The argument names policies read through `context.args`, or `None`
/// when some text uses `context` in another way.
pub(crate) fn argument_names(texts: &[&str]) -> Option<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for text in texts {
        let mut rest = *text;
        let mut before: Option<char> = None;
        while let Some(at) = rest.find("context") {
            let prev = rest[..at].chars().next_back().or(before);
            let after = &rest[at + "context".len()..];
            let whole_word =
                !prev.is_some_and(is_ident) && !after.chars().next().is_some_and(is_ident);
            if whole_word {
                names.insert(read_name(after)?);
            }
            before = Some('t');
            rest = after;
        }
    }
    Some(names)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// After `context`: `.args` then `.NAME`, `has NAME`, `has "NAME"` or
/// `["NAME"]`.
fn read_name(s: &str) -> Option<String> {
    let s = s.trim_start().strip_prefix('.')?.trim_start();
    let s = s.strip_prefix("args")?;
    if s.chars().next().is_some_and(is_ident) {
        return None;
    }
    let s = s.trim_start();
    if let Some(r) = s.strip_prefix('.') {
        return ident(r.trim_start());
    }
    if let Some(r) = s.strip_prefix('[') {
        return quoted(r.trim_start())
            .filter(|(_, r)| r.trim_start().starts_with(']'))
            .map(|(n, _)| n);
    }
    if let Some(r) = s.strip_prefix("has") {
        if !r.starts_with(char::is_whitespace) {
            return None;
        }
        let r = r.trim_start();
        return quoted(r).map(|(n, _)| n).or_else(|| ident(r));
    }
    None
}

fn ident(s: &str) -> Option<String> {
    let name: String = s.chars().take_while(|&c| is_ident(c)).collect();
    (!name.is_empty()).then_some(name)
}

/// A string literal without escapes, and what follows it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let r = s.strip_prefix('"')?;
    let end = r.find('"')?;
    let name = &r[..end];
    (!name.contains('\\')).then(|| (name.to_owned(), &r[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Option<Vec<String>> {
        argument_names(&[text]).map(|n| n.into_iter().collect())
    }

    #[test]
    fn the_read_forms_are_collected() {
        assert_eq!(names("permit (principal, action, resource);"), Some(vec![]));
        assert_eq!(
            names(
                r#"forbid (principal, action, resource) when { context.args has limit && context.args.limit > 100 };
                   forbid (principal, action, resource) when { context.args has "channel" && context.args["channel"] == "x" };"#
            ),
            Some(vec!["channel".into(), "limit".into()])
        );
        assert_eq!(
            names("when { context . args . limit > 1 }"),
            Some(vec!["limit".into()])
        );
        assert_eq!(
            names("when { mycontext.x && context_free }"),
            Some(vec![]),
            "not the word"
        );
    }

    #[test]
    fn any_other_use_of_context_turns_the_memo_off() {
        for text in [
            "when { context.args == {} }",
            "when { context has args }",
            "// the context is checked below\npermit (principal, action, resource);",
            r#"when { resource.permission == "context" }"#,
            "when { context.argsx.limit > 1 }",
            r#"when { context.args["a\"b"] == 1 }"#,
            "when { context.args has(limit) }",
        ] {
            assert_eq!(names(text), None, "{text}");
        }
    }
}
