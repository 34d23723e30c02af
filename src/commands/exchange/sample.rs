//! The sample organisation's script (`scripts/sample-tenant.ps1`, compiled in) as
//! requests. Its lines are plain commands with literal arguments, so they are read with
//! the shell's own parser and sent straight to the backend: a new organisation is filled
//! before any script can run, and without depending on the rest of the language.

use serde_json::Value as Json;

use crate::exchange::{Request, SAMPLE_ORGANIZATION_SCRIPT};
use crate::syntax::ast::{
    CommandElement, CommandName, Expr, ExprKind, Number, PipelineElement, StatementKind, StringPart,
};
use crate::syntax::parser::parse_script;

/// A literal argument's JSON value (a list of literals too: `-Members ken, christa`);
/// `None` for anything computed (a variable such as the sample password, which the local
/// organisation does not keep).
fn literal(expr: &Expr) -> Option<Json> {
    match &expr.kind {
        ExprKind::StringLiteral(s) | ExprKind::BareWord(s) => Some(Json::String(s.clone())),
        ExprKind::ExpandableString(parts) => parts
            .iter()
            .map(|p| match p {
                StringPart::Literal(s) => Some(s.as_str()),
                _ => None,
            })
            .collect::<Option<String>>()
            .map(Json::String),
        ExprKind::Number(Number::Int(i)) => Some(Json::from(*i)),
        ExprKind::Number(Number::Long(i)) => Some(Json::from(*i)),
        ExprKind::ArrayLiteral(items) => items
            .iter()
            .map(literal)
            .collect::<Option<_>>()
            .map(Json::Array),
        ExprKind::Variable(v) if v.scope.is_none() => match v.name.to_ascii_lowercase().as_str() {
            "true" => Some(Json::Bool(true)),
            "false" => Some(Json::Bool(false)),
            "null" => Some(Json::Null),
            _ => None,
        },
        _ => None,
    }
}

/// The sample script's commands as requests, in order. Statements that are not a single
/// command (the password assignment) are left out.
pub fn requests() -> Vec<Request> {
    let Ok(script) = parse_script(SAMPLE_ORGANIZATION_SCRIPT) else {
        return Vec::new();
    };
    let mut requests = Vec::new();
    for statement in &script.end.statements {
        let StatementKind::Pipeline(pipeline) = &statement.kind else {
            continue;
        };
        let [PipelineElement::Command(command)] = pipeline.elements.as_slice() else {
            continue;
        };
        let CommandName::Bare(name) = &command.name else {
            continue;
        };
        let mut request = Request::new(name.clone());
        let mut elements = command.elements.iter().peekable();
        while let Some(element) = elements.next() {
            let CommandElement::Parameter {
                name, colon_arg, ..
            } = element
            else {
                continue;
            };
            let argument = match (colon_arg, elements.peek()) {
                (Some(expr), _) => Some(expr),
                (None, Some(CommandElement::Argument(expr))) => {
                    elements.next();
                    Some(expr)
                }
                _ => None,
            };
            match argument {
                None => {
                    request.parameters.insert(name.clone(), Json::Bool(true));
                }
                Some(expr) => {
                    if let Some(value) = literal(expr) {
                        request.parameters.insert(name.clone(), value);
                    }
                }
            }
        }
        requests.push(request);
    }
    requests
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_command_of_the_sample() {
        let requests = requests();
        let ken = &requests[0];
        assert_eq!(ken.cmdlet_name, "New-Mailbox");
        assert_eq!(ken.get_str("Name").as_deref(), Some("Ken Sanchez"));
        assert!(ken.get("Password").is_none());
        let shared = requests
            .iter()
            .find(|r| r.get_str("Name").as_deref() == Some("Sales Team"))
            .expect("shared");
        assert!(shared.switch("Shared"));
        assert_eq!(
            requests.len(),
            29 + 28 + 3 + 3 + 1 + 9 + 3 + 7 + 4 + 2 + 3 + 4
        );
    }
}
