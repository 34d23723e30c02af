//! AST shape tests per grammar chapter.

use super::parse_script;
use crate::syntax::ast::*;

fn parse(text: &str) -> ScriptBlock {
    match parse_script(text) {
        Ok(sb) => sb,
        Err(e) => panic!("parse of {text:?} failed: {e:?}"),
    }
}

#[test]
fn simple_command() {
    let sb = parse("Set-CASMailbox -Identity \"Ken Sanchez\" -MAPIEnabled $false");
    assert_eq!(sb.end.statements.len(), 1);
}
