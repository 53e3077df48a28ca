//! Secrets are referenced (`env:NAME`, `file:PATH`), never written into
//! config files, and never printed.

use std::fmt;

/// A resolved secret. `Debug` and `Display` never show the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value obtained elsewhere (tests, the demo's fixed tokens).
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    #[error("secret reference `{0}` must start with `env:` or `file:` (literal secrets are not accepted)")]
    NotAReference(String),
    #[error("environment variable `{0}` is not set")]
    MissingEnv(String),
    #[error("cannot read secret file `{path}`: {reason}")]
    File { path: String, reason: String },
    #[error("secret `{0}` is empty")]
    Empty(String),
}

/// Checks the form of a reference without reading anything (config
/// validation runs before any I/O).
pub fn check_reference(reference: &str) -> Result<(), SecretError> {
    if reference.starts_with("env:") || reference.starts_with("file:") {
        Ok(())
    } else {
        Err(SecretError::NotAReference(redact(reference)))
    }
}

/// Resolves `env:NAME` or `file:PATH` (trailing newline trimmed).
pub fn resolve_secret(reference: &str) -> Result<Secret, SecretError> {
    check_reference(reference)?;
    let value = if let Some(name) = reference.strip_prefix("env:") {
        std::env::var(name).map_err(|_| SecretError::MissingEnv(name.to_owned()))?
    } else {
        let path = &reference["file:".len()..];
        std::fs::read_to_string(path)
            .map_err(|e| SecretError::File {
                path: path.to_owned(),
                reason: e.kind().to_string(),
            })?
            .trim_end_matches(['\n', '\r'])
            .to_owned()
    };
    if value.is_empty() {
        return Err(SecretError::Empty(reference.to_owned()));
    }
    Ok(Secret(value))
}

/// Never echo something that may be a literal secret back in an error.
fn redact(s: &str) -> String {
    match s.char_indices().nth(4) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => "…".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_secrets_are_refused_and_not_echoed() {
        let err = resolve_secret("pat-na1-very-secret").unwrap_err();
        assert!(!err.to_string().contains("very-secret"), "{err}");
    }

    #[test]
    fn env_and_file_references_resolve() {
        std::env::set_var("SWITCHBOARD_TEST_SECRET", "s3cr3t");
        assert_eq!(
            resolve_secret("env:SWITCHBOARD_TEST_SECRET")
                .unwrap()
                .expose(),
            "s3cr3t"
        );
        assert_eq!(
            resolve_secret("env:SWITCHBOARD_TEST_SECRET_MISSING").unwrap_err(),
            SecretError::MissingEnv("SWITCHBOARD_TEST_SECRET_MISSING".into())
        );
        let path = std::env::temp_dir().join(format!("sb-secret-{}", std::process::id()));
        std::fs::write(&path, "from-file\n").unwrap();
        let got = resolve_secret(&format!("file:{}", path.display())).unwrap();
        assert_eq!(got.expose(), "from-file");
        assert_eq!(format!("{got:?}"), "Secret(***)");
        std::fs::remove_file(path).unwrap();
    }
}
