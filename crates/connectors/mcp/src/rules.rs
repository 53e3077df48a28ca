//! Which permission and effect a discovered tool gets. Decided only by the
//! config, never by what the upstream claims about itself (its
//! `readOnlyHint` is the upstream's opinion, not the operator's).

use std::collections::BTreeMap;

use switchboard_core::Effect;

/// A tool name or a glob with `*` (any run of characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    raw: String,
}

impl Pattern {
    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.is_empty() || raw.chars().any(char::is_whitespace) {
            return Err(format!("`{raw}` is not a tool name or pattern"));
        }
        Ok(Pattern {
            raw: raw.to_owned(),
        })
    }

    pub fn is_exact(&self) -> bool {
        !self.raw.contains('*')
    }

    /// Glob match: `*` matches any (possibly empty) run.
    pub fn matches(&self, name: &str) -> bool {
        glob(self.raw.as_bytes(), name.as_bytes())
    }

    /// Literal characters; the more, the more specific.
    fn specificity(&self) -> usize {
        self.raw.chars().filter(|c| *c != '*').count()
    }
}

fn glob(pattern: &[u8], text: &[u8]) -> bool {
    // Iterative matcher with backtracking to the last star: linear enough
    // for tool names and free of recursion blow-ups.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, t));
            p += 1;
        } else if p < pattern.len() && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|b| *b == b'*')
}

/// The operator's rules for one upstream.
#[derive(Debug, Clone)]
pub struct Rules {
    default_permission: String,
    permissions: Vec<(Pattern, String)>,
    read_only: Vec<Pattern>,
}

/// What the rules decided for one upstream tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub permission: String,
    pub effect: Effect,
    /// Set when the configured permission's access did not match the
    /// effect and was raised to `write`.
    pub raised: bool,
}

impl Rules {
    /// Patterns must already be valid (`McpConfig::validate`).
    pub fn new(
        default_permission: &str,
        permissions: &BTreeMap<String, String>,
        read_only: &[String],
    ) -> Self {
        Rules {
            default_permission: default_permission.to_owned(),
            permissions: permissions
                .iter()
                .filter_map(|(p, perm)| Some((Pattern::parse(p).ok()?, perm.clone())))
                .collect(),
            read_only: read_only
                .iter()
                .filter_map(|p| Pattern::parse(p).ok())
                .collect(),
        }
    }

    /// Exact name, then the most specific matching pattern, then the
    /// default. A tool is a read only when it is listed in `read_only` *and*
    /// its permission grants read; any disagreement makes it a write whose
    /// permission ends in `:write` (fail closed: a reader's grant never
    /// reaches a tool that may change data).
    pub fn decide(&self, upstream_name: &str) -> Decision {
        let exact = self
            .permissions
            .iter()
            .find(|(p, _)| p.is_exact() && p.matches(upstream_name));
        let pattern = || {
            self.permissions
                .iter()
                .filter(|(p, _)| !p.is_exact() && p.matches(upstream_name))
                .max_by_key(|(p, _)| p.specificity())
        };
        let permission = exact
            .or_else(pattern)
            .map(|(_, perm)| perm.clone())
            .unwrap_or_else(|| self.default_permission.clone());
        let listed_read_only = self.read_only.iter().any(|p| p.matches(upstream_name));
        if listed_read_only && permission.ends_with(":read") {
            return Decision {
                permission,
                effect: Effect::Read,
                raised: false,
            };
        }
        match permission.strip_suffix(":read") {
            Some(stem) => Decision {
                permission: format!("{stem}:write"),
                effect: Effect::Write,
                raised: true,
            },
            None => Decision {
                permission,
                effect: Effect::Write,
                raised: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let p = |s: &str| Pattern::parse(s).unwrap();
        assert!(p("delete_*").matches("delete_user"));
        assert!(p("*_user").matches("delete_user"));
        assert!(p("*").matches(""));
        assert!(p("a*b*c").matches("aXXbYYc"));
        assert!(!p("a*b*c").matches("aXXbYY"));
        assert!(!p("get").matches("get_x"));
    }

    #[test]
    fn exact_beats_pattern_beats_default_and_writes_never_read() {
        let mut perms = BTreeMap::new();
        perms.insert("get_*".to_owned(), "c:get:read".to_owned());
        perms.insert("get_secret*".to_owned(), "c:secret:read".to_owned());
        perms.insert("get_one".to_owned(), "c:one:read".to_owned());
        let rules = Rules::new("c:tools:read", &perms, &["get_*".to_owned()]);
        assert_eq!(rules.decide("get_one").permission, "c:one:read");
        assert_eq!(rules.decide("get_secret_x").permission, "c:secret:read");
        assert_eq!(rules.decide("get_other").permission, "c:get:read");
        assert_eq!(rules.decide("get_other").effect, Effect::Read);
        let other = rules.decide("delete_all");
        assert_eq!(other.effect, Effect::Write);
        assert_eq!(other.permission, "c:tools:write");
        assert!(other.raised);
    }
}
