//! Where-Object (`?`, `where`): passes on the input objects a script block accepts, or
//! whose property passes a comparison (`? Enabled`, `? Name -Like 'a*'`,
//! `where -Property Size -GT -Value 10`).

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::convert;
use crate::engine::members;
use crate::engine::ops;
use crate::engine::value::Value;
use crate::syntax::ast::{Case, CompareOp};

/// The comparison switches, with the operator each one means.
const OPERATORS: [(&str, CompareOp); 14] = [
    ("EQ", CompareOp::Eq),
    ("NE", CompareOp::Ne),
    ("GT", CompareOp::Gt),
    ("GE", CompareOp::Ge),
    ("LT", CompareOp::Lt),
    ("LE", CompareOp::Le),
    ("Like", CompareOp::Like),
    ("NotLike", CompareOp::NotLike),
    ("Match", CompareOp::Match),
    ("NotMatch", CompareOp::NotMatch),
    ("Contains", CompareOp::Contains),
    ("NotContains", CompareOp::NotContains),
    ("In", CompareOp::In),
    ("NotIn", CompareOp::NotIn),
];

struct WhereObject;

impl WhereObject {
    /// Whether `item`'s property passes the comparison the switches ask for.
    fn property_test(cx: &Ctx, item: &Value, name: &str) -> Result<bool, Flow> {
        let prop = members::get_member(item, name);
        let value = cx.param("Value").cloned().unwrap_or(Value::Null);
        for (switch, op) in OPERATORS {
            for (prefix, case) in [("", Case::Default), ("C", Case::Sensitive)] {
                if cx.switch(&format!("{prefix}{switch}")) {
                    let r = ops::compare_op(op, case, &prop, &value).map_err(|e| {
                        cx.terminating(
                            &e.message,
                            e.id,
                            crate::engine::error::ErrorCategory::InvalidOperation,
                        )
                    })?;
                    return Ok(r.value.is_true());
                }
            }
        }
        if cx.switch("Is") || cx.switch("IsNot") {
            let t = match &value {
                Value::Type(t) => t.to_string(),
                v => convert::canonical_type(&v.to_string()).unwrap_or_default(),
            };
            return Ok(convert::is_type(&prop, &t) == cx.switch("Is"));
        }
        if cx.switch("Not") {
            return Ok(!prop.is_true());
        }
        Ok(prop.is_true())
    }
}

impl Processor for WhereObject {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(item) = input.or_else(|| cx.param("InputObject").cloned()) else {
            return Ok(());
        };
        let keep = match cx.param("FilterScript").cloned() {
            Some(Value::ScriptBlock(sb)) => {
                let out = cx.eval_block(&sb, Some(item.clone()), Vec::new())?;
                crate::engine::eval::collect_value(out).is_true()
            }
            Some(Value::Null) | None => false,
            Some(name) => Self::property_test(cx, &item, &name.to_string())?,
        };
        if keep { cx.write(item) } else { Ok(()) }
    }
}

pub fn command() -> CommandInfo {
    let mut sig = Signature::new("Where-Object")
        .alias("?")
        .alias("where")
        .synopsis("Selects objects from a collection based on their property values.")
        .param(
            Param::new("FilterScript", ParamType::Any)
                .type_name("System.Management.Automation.ScriptBlock")
                .position(0)
                .mandatory()
                .alias("Property"),
        )
        .param(Param::new("Value", ParamType::Any).position(1))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline());
    for (switch, _) in OPERATORS {
        sig = sig
            .param(Param::switch(switch))
            .param(Param::switch(&format!("C{switch}")));
    }
    let sig = sig
        .param(Param::switch("Is"))
        .param(Param::switch("IsNot"))
        .param(Param::switch("Not"))
        .example("Keeps the even numbers", "1..6 | Where-Object { $_ % 2 -eq 0 }", "2\n4\n6")
        .example("With $PSItem", "'a','bb','ccc' | ? { $PSItem.Length -gt 1 }", "bb\nccc")
        .example(
            "Compares a property",
            "'a','bb','ccc' | Where-Object Length -GE 2",
            "bb\nccc",
        )
        .example(
            "Tests a property's truth",
            "[pscustomobject]@{ N = 'x'; On = $true }, [pscustomobject]@{ N = 'y'; On = $false } | ? On | % N",
            "x",
        );
    CommandInfo::new(sig, || Box::new(WhereObject))
}
