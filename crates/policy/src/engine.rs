//! The loaded, validated policy set and the two questions it answers.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

use cedar_policy::{Authorizer, Context, Decision, Entities, Entity, PolicySet, Request, Schema};
use serde_json::Value;
use switchboard_core::{Principal, ToolSpec};

use crate::entities::{action, invoke_context, tool, uid, user};
use crate::load::{parse, validate, PolicyError};
use crate::schema::{argument_union, cedar_schema, ArgType};

/// One policy file's name (for errors) and text.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub name: String,
    pub text: String,
}

/// Policies validated against this build's catalog.
pub struct PolicyEngine {
    policies: PolicySet,
    tools: HashMap<String, Vec<Entity>>,
    args: BTreeMap<String, ArgType>,
    authorizer: Authorizer,
    schema_text: String,
    /// The argument names `invoke` rules can read (`None`: unknown, so
    /// every call is evaluated with its arguments).
    reads: Option<BTreeSet<String>>,
    /// `invoke` answers for calls whose arguments no rule reads, per caller
    /// fingerprint and tool. Lives as long as this policy set.
    argument_free: Mutex<HashMap<String, bool>>,
}

/// Bound on the `invoke` memo; when full it is emptied and refilled by use.
const MAX_MEMO: usize = 100_000;

/// Everything the engine sees of a principal (its Cedar entities are built
/// from these), as one key.
pub fn principal_fingerprint(p: &Principal) -> String {
    let mut groups = p.groups.clone();
    groups.sort();
    format!(
        "{}\u{0}{}\u{0}{}\u{0}{}",
        p.user_id,
        p.email,
        p.org,
        groups.join("\u{0}")
    )
}

impl PolicyEngine {
    /// `tools` pairs each spec with its connector id; `known_connectors`
    /// lists every connector id policies may name (compiled in or not, so a
    /// per-team build can share the company's policy files).
    pub fn new(
        tools: &[(ToolSpec, String)],
        known_connectors: &[&str],
        files: &[PolicyFile],
    ) -> Result<Self, PolicyError> {
        let specs: Vec<ToolSpec> = tools.iter().map(|(s, _)| s.clone()).collect();
        let schema_text = cedar_schema(&specs);
        let (schema, _) = Schema::from_cedarschema_str(&schema_text)
            .map_err(|e| PolicyError::Schema(e.to_string()))?;
        let policies = parse(files)?;
        let tool_names: HashSet<String> = specs.iter().map(|s| s.name.clone()).collect();
        let mut connectors: HashSet<String> =
            known_connectors.iter().map(|c| c.to_string()).collect();
        connectors.extend(tools.iter().map(|(_, c)| c.clone()));
        validate(&policies, &schema, &tool_names, &connectors)?;
        let texts: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
        Ok(PolicyEngine {
            reads: crate::reads::argument_names(&texts),
            argument_free: Mutex::new(HashMap::new()),
            policies,
            tools: tools
                .iter()
                .map(|(s, c)| (s.name.clone(), tool(s, c)))
                .collect(),
            args: argument_union(&specs),
            authorizer: Authorizer::new(),
            schema_text,
        })
    }

    /// The generated schema, in Cedar syntax.
    pub fn schema_text(&self) -> &str {
        &self.schema_text
    }

    pub fn policy_count(&self) -> usize {
        self.policies.policies().count()
    }

    /// Action `use`: decides both `tools/list` and `tools/call`.
    pub fn allows_use(&self, principal: &Principal, tool_name: &str) -> bool {
        self.decide(principal, tool_name, "use", Context::empty())
    }

    /// Whether calls whose arguments no rule reads skip evaluation.
    pub fn memoizes_invoke(&self) -> bool {
        self.reads.is_some()
    }

    /// Action `invoke`: argument-level rules at call time. When the policy
    /// text shows which arguments rules can read and the call carries none
    /// of them, the answer is the one for no arguments (`{"args": {}}`,
    /// exactly equal: no rule can tell the two apart), memoized per caller
    /// and tool.
    pub fn allows_invoke(&self, principal: &Principal, tool_name: &str, args: &Value) -> bool {
        if let Some(reads) = &self.reads {
            let read = match args {
                Value::Object(map) => map.keys().any(|k| reads.contains(k)),
                _ => false,
            };
            if !read {
                return self.allows_invoke_without_arguments(principal, tool_name);
            }
        }
        self.decide(
            principal,
            tool_name,
            "invoke",
            invoke_context(args, &self.args),
        )
    }

    fn allows_invoke_without_arguments(&self, principal: &Principal, tool_name: &str) -> bool {
        let key = format!("{}\u{0}{tool_name}", principal_fingerprint(principal));
        let memo = || self.argument_free.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&answer) = memo().get(&key) {
            return answer;
        }
        let answer = self.decide(
            principal,
            tool_name,
            "invoke",
            invoke_context(&Value::Object(Default::default()), &self.args),
        );
        let mut memo = memo();
        if memo.len() >= MAX_MEMO {
            memo.clear();
        }
        memo.insert(key, answer);
        answer
    }

    /// `invoke`, always evaluated with the arguments (tests compare the
    /// memoized path against it).
    pub fn allows_invoke_evaluated(
        &self,
        principal: &Principal,
        tool_name: &str,
        args: &Value,
    ) -> bool {
        self.decide(
            principal,
            tool_name,
            "invoke",
            invoke_context(args, &self.args),
        )
    }

    /// Default deny: an unknown tool, a malformed request or an evaluation
    /// error is a deny.
    fn decide(&self, principal: &Principal, tool_name: &str, act: &str, context: Context) -> bool {
        let Some(tool_entities) = self.tools.get(tool_name) else {
            return false;
        };
        let mut entities = user(principal);
        entities.extend(tool_entities.iter().cloned());
        let Ok(entities) = Entities::from_entities(entities, None) else {
            return false;
        };
        let Ok(request) = Request::new(
            uid("User", &principal.user_id),
            action(act),
            uid("Tool", tool_name),
            context,
            None,
        ) else {
            return false;
        };
        let response = self
            .authorizer
            .is_authorized(&request, &self.policies, &entities);
        for error in response.diagnostics().errors() {
            tracing::warn!(tool = tool_name, action = act, error = %error, "policy evaluation error (treated as deny)");
        }
        response.decision() == Decision::Allow
    }
}
