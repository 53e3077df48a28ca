//! The visitor that walks every node of the parsed statement: nested
//! statements, query clauses, table sources, table references (with CTE
//! scoping), function calls, parameters and variables.

use std::ops::ControlFlow;

use sqlparser::ast::{
    Expr, ObjectName, Query, Statement, TableFactor, Value, ValueWithSpan, Visitor,
};

use super::rules;
use super::{Rules, Tables};

/// The CTE names one query defines, and where the walk is inside it.
struct Frame {
    /// The query this frame belongs to.
    query: usize,
    names: Vec<String>,
    /// The address of each CTE's body, to notice entering it.
    bodies: Vec<usize>,
    recursive: bool,
    /// The CTE whose body is being walked, if any.
    inside: Option<usize>,
}

impl Frame {
    /// The CTE names visible at the current point of this query: all of
    /// them in the main body or a recursive WITH; inside the body of CTE
    /// `i` of a plain WITH only the earlier ones (a later or same name
    /// there means a real table).
    fn visible(&self) -> &[String] {
        match self.inside {
            Some(i) if !self.recursive => &self.names[..i],
            _ => &self.names,
        }
    }
}

pub(super) struct Guard<'a> {
    rules: &'a Rules<'a>,
    statements: usize,
    frames: Vec<Frame>,
    parameters: Vec<String>,
}

fn addr(q: &Query) -> usize {
    q as *const Query as usize
}

impl<'a> Guard<'a> {
    pub(super) fn new(rules: &'a Rules<'a>) -> Self {
        Guard {
            rules,
            statements: 0,
            frames: Vec::new(),
            parameters: Vec::new(),
        }
    }

    pub(super) fn into_parameters(self) -> Vec<String> {
        self.parameters
    }

    fn is_cte(&self, name: &ObjectName) -> bool {
        let [part] = name.0.as_slice() else {
            return false;
        };
        let Some(ident) = part.as_ident() else {
            return false;
        };
        let wanted = self.rules.flavor.normalize(ident);
        self.frames.iter().any(|f| f.visible().contains(&wanted))
    }
}

impl Visitor for Guard<'_> {
    type Break = String;

    fn pre_visit_statement(&mut self, _: &Statement) -> ControlFlow<String> {
        self.statements += 1;
        if self.statements > 1 {
            return ControlFlow::Break(
                "a statement nested inside the query (such as a write in a CTE) is not allowed"
                    .into(),
            );
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<String> {
        if let Err(why) = rules::check_query(query) {
            return ControlFlow::Break(why);
        }
        let here = addr(query);
        if let Some(parent) = self.frames.last_mut() {
            if let Some(i) = parent.bodies.iter().position(|b| *b == here) {
                parent.inside = Some(i);
            }
        }
        let flavor = self.rules.flavor;
        let (names, bodies, recursive) = match &query.with {
            Some(with) => (
                with.cte_tables
                    .iter()
                    .map(|c| flavor.normalize(&c.alias.name))
                    .collect(),
                with.cte_tables.iter().map(|c| addr(&c.query)).collect(),
                with.recursive,
            ),
            None => (Vec::new(), Vec::new(), false),
        };
        self.frames.push(Frame {
            query: here,
            names,
            bodies,
            recursive,
            inside: None,
        });
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, query: &Query) -> ControlFlow<String> {
        let here = addr(query);
        if self.frames.last().map(|f| f.query) == Some(here) {
            self.frames.pop();
        }
        if let Some(parent) = self.frames.last_mut() {
            if parent.bodies.contains(&here) {
                parent.inside = None;
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<String> {
        match rules::check_table_factor(factor) {
            Ok(()) => ControlFlow::Continue(()),
            Err(why) => ControlFlow::Break(why),
        }
    }

    fn pre_visit_relation(&mut self, name: &ObjectName) -> ControlFlow<String> {
        if self.is_cte(name) {
            return ControlFlow::Continue(());
        }
        match self.rules.tables {
            Tables::Any => ControlFlow::Continue(()),
            Tables::Only(allow) if allow.resolve(name).is_some() => ControlFlow::Continue(()),
            Tables::Only(allow) => ControlFlow::Break(format!(
                "the table `{name}` is not on the allowlist (allowed: {})",
                allow.names().join(", ")
            )),
        }
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<String> {
        let variable = |v: &str| {
            ControlFlow::Break(format!(
                "variables and parameters such as `{v}` are not allowed; write values into the SQL"
            ))
        };
        match expr {
            Expr::Function(f) => match rules::denied_function(&f.name) {
                Some(why) => ControlFlow::Break(why),
                None => ControlFlow::Continue(()),
            },
            Expr::Identifier(i) if i.quote_style.is_none() && i.value.starts_with('@') => {
                variable(&i.value)
            }
            Expr::CompoundIdentifier(parts)
                if parts
                    .iter()
                    .any(|i| i.quote_style.is_none() && i.value.starts_with('@')) =>
            {
                variable(&parts[0].value)
            }
            _ => ControlFlow::Continue(()),
        }
    }

    fn pre_visit_value(&mut self, value: &ValueWithSpan) -> ControlFlow<String> {
        let Value::Placeholder(p) = &value.value else {
            return ControlFlow::Continue(());
        };
        if !self.rules.parameters {
            return ControlFlow::Break(format!(
                "parameters such as `{p}` are not allowed here; write values into the SQL"
            ));
        }
        let name = p
            .strip_prefix(':')
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        match name {
            Some(name) => {
                self.parameters.push(name.to_owned());
                ControlFlow::Continue(())
            }
            None => ControlFlow::Break(format!(
                "the parameter `{p}` is not supported; write parameters as `:name`"
            )),
        }
    }
}
