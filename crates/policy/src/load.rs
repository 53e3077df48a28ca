//! Parsing and validating policy files. Every error names the file.

use std::collections::HashSet;
use std::str::FromStr;

use cedar_policy::{PolicyId, PolicySet, Schema, ValidationMode, Validator};

use crate::PolicyFile;

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("the generated Cedar schema is invalid (a bug): {0}")]
    Schema(String),
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: policy `{policy}` does not validate against the catalog's schema: {message}")]
    Invalid {
        file: String,
        policy: String,
        message: String,
    },
    #[error("{file}: policy `{policy}` names {entity}, which does not exist in this build")]
    UnknownEntity {
        file: String,
        policy: String,
        entity: String,
    },
    #[error("no policy files were given: with default deny, nobody could use anything")]
    Empty,
}

/// Parses every file, gives each policy an id `file:index`, and merges them.
pub(crate) fn parse(files: &[PolicyFile]) -> Result<PolicySet, PolicyError> {
    if files.is_empty() {
        return Err(PolicyError::Empty);
    }
    let mut all = PolicySet::new();
    for file in files {
        let set = PolicySet::from_str(&file.text).map_err(|e| PolicyError::Parse {
            file: file.name.clone(),
            message: with_sources(&e),
        })?;
        for (i, policy) in set.policies().enumerate() {
            let id = PolicyId::new(format!("{}:{i}", file.name));
            all.add(policy.new_id(id)).map_err(|e| PolicyError::Parse {
                file: file.name.clone(),
                message: e.to_string(),
            })?;
        }
    }
    Ok(all)
}

/// Cedar's errors carry their detail in their sources; flatten them.
fn with_sources(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Strict validation, then every entity literal must exist.
pub(crate) fn validate(
    policies: &PolicySet,
    schema: &Schema,
    tools: &HashSet<String>,
    connectors: &HashSet<String>,
) -> Result<(), PolicyError> {
    let file_of = |id: &PolicyId| {
        id.to_string()
            .rsplit_once(':')
            .map(|(f, _)| f.to_owned())
            .unwrap_or_default()
    };
    let result = Validator::new(schema.clone()).validate(policies, ValidationMode::Strict);
    if let Some(error) = result.validation_errors().next() {
        let id = error.policy_id();
        return Err(PolicyError::Invalid {
            file: file_of(id),
            policy: id.to_string(),
            message: error.to_string(),
        });
    }
    for policy in policies.policies() {
        for entity in policy.entity_literals() {
            let kind = entity.type_name().to_string();
            let id = entity.id().unescaped().to_owned();
            let known = match kind.as_str() {
                "Tool" => tools.contains(&id),
                "Connector" => connectors.contains(&id),
                _ => true,
            };
            if !known {
                return Err(PolicyError::UnknownEntity {
                    file: file_of(policy.id()),
                    policy: policy.id().to_string(),
                    entity: format!("{kind}::\"{id}\""),
                });
            }
        }
    }
    Ok(())
}
