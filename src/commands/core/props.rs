//! What the object cmdlets share: `-Property` arguments (names, wildcards, calculated
//! properties) turned into [`PropertySpec`]s, with script blocks evaluated by the engine.
//!
//! Formatting evaluates expressions as plain closures (`Fn(&Value) -> Value`), but a
//! script block needs the engine. So a command evaluates every script block of its specs
//! for an object first ([`ScriptProps::prepare`]) and the closures read those results.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::command::{Ctx, Flow};
use crate::engine::error::ErrorCategory;
use crate::engine::value::{ScriptBlockValue, Value};
use crate::format::select::{Column, PropertySpec, ScriptFn, SpecContext};
use crate::format::text::DEFAULT_ENUMERATION_LIMIT;

/// The script blocks of a command's property specs and their results for the current
/// object.
#[derive(Default)]
pub struct ScriptProps {
    blocks: RefCell<Vec<Rc<ScriptBlockValue>>>,
    results: Rc<RefCell<Vec<Value>>>,
}

impl ScriptProps {
    /// Registers a block; the closure returned yields its result for the prepared object.
    pub fn closure(&self, block: &Rc<ScriptBlockValue>) -> ScriptFn {
        let mut blocks = self.blocks.borrow_mut();
        let index = blocks.len();
        blocks.push(block.clone());
        let results = self.results.clone();
        Rc::new(move |_| results.borrow().get(index).cloned().unwrap_or(Value::Null))
    }

    /// Evaluates every registered block with `$_` = `v`.
    pub fn prepare(&self, cx: &mut Ctx, v: &Value) -> Result<(), Flow> {
        let blocks = self.blocks.borrow().clone();
        let mut results = Vec::with_capacity(blocks.len());
        for block in &blocks {
            results.push(single(cx.eval_block(block, Some(v.clone()), Vec::new())?));
        }
        *self.results.borrow_mut() = results;
        Ok(())
    }

    /// Whether there is anything to evaluate.
    pub fn is_empty(&self) -> bool {
        self.blocks.borrow().is_empty()
    }

    /// Reads a `-Property`-like argument (one value or an array of them).
    pub fn specs(
        &self,
        cx: &Ctx,
        arg: Option<&Value>,
        ctx: SpecContext,
    ) -> Result<Vec<PropertySpec>, Flow> {
        let Some(arg) = arg else {
            return Ok(Vec::new());
        };
        let items = match arg {
            Value::Array(a) => a.borrow().clone(),
            other => vec![other.clone()],
        };
        items
            .iter()
            .map(|item| {
                PropertySpec::from_value(item, ctx, &|b| self.closure(b)).map_err(|message| {
                    cx.terminating(&message, "IllegalKey", ErrorCategory::InvalidArgument)
                })
            })
            .collect()
    }

    /// Reads a `-Property`-like argument as one column per element (Group-Object's keys).
    pub fn columns(
        &self,
        cx: &Ctx,
        arg: Option<&Value>,
        ctx: SpecContext,
    ) -> Result<Vec<Column>, Flow> {
        Ok(self
            .specs(cx, arg, ctx)?
            .into_iter()
            .map(PropertySpec::into_column)
            .collect())
    }

    /// Reads a single expression argument (`-GroupBy`, a Sort-Object key).
    pub fn column(
        &self,
        cx: &Ctx,
        arg: Option<&Value>,
        ctx: SpecContext,
    ) -> Result<Option<Column>, Flow> {
        Ok(self.columns(cx, arg, ctx)?.into_iter().next())
    }

    /// The object a command is to process (pipeline input, else `-InputObject`) and its
    /// readable view ([`readable`]), with the script blocks of its specs already evaluated
    /// for it; `None` when there is none. Keys are read from the view; the object itself
    /// is what passes on.
    pub fn input(
        &self,
        cx: &mut Ctx,
        input: Option<Value>,
    ) -> Result<Option<(Value, Value)>, Flow> {
        let Some(v) = given(cx, input) else {
            return Ok(None);
        };
        if !self.is_empty() {
            self.prepare(cx, &v)?;
        }
        let view = readable(cx, &v)?;
        Ok(Some((v, view)))
    }
}

/// The object a command is given: pipeline input, else `-InputObject`.
pub fn given(cx: &Ctx, input: Option<Value>) -> Option<Value> {
    input.or_else(|| cx.param("InputObject").cloned())
}

/// Like [`given`], with `$null` counting as no object (Select-Object and Get-Member skip
/// it, as in pwsh).
pub fn given_non_null(cx: &Ctx, input: Option<Value>) -> Option<Value> {
    given(cx, input).filter(|v| !v.is_null())
}

/// An object as code without the engine reads it (layout, selection closures, JSON, CSV):
/// its ScriptProperties worked out now. A copy when it has any, so it is for reading
/// only: what a command passes on is the object itself.
pub fn readable(cx: &mut Ctx, v: &Value) -> Result<Value, Flow> {
    cx.engine.resolve_script_properties(v)
}

/// The object a command reads and does not pass on (Out-*, Measure-Object, ConvertTo-Json,
/// CSV): pipeline input, else `-InputObject`, as [`readable`] gives it.
pub fn input_object(cx: &mut Ctx, input: Option<Value>) -> Result<Option<Value>, Flow> {
    match given(cx, input) {
        Some(v) => readable(cx, &v).map(Some),
        None => Ok(None),
    }
}

/// An object's values under sort or group keys; with no keys, the object itself is the
/// one key (`3, 1 | Sort-Object`).
pub fn key_values<'a>(keys: impl Iterator<Item = &'a Column>, v: &Value) -> Vec<Value> {
    let values: Vec<Value> = keys.map(|k| k.expr.eval(v)).collect();
    if values.is_empty() {
        vec![v.clone()]
    } else {
        values
    }
}

/// A non-negative count argument (`-First 3`, `-Tail 2`); `None` when absent or negative.
pub fn count(cx: &Ctx, name: &str) -> Option<usize> {
    match cx.param(name) {
        Some(Value::Int(n)) => usize::try_from(*n).ok(),
        _ => None,
    }
}

/// Keeps the first `head` items, then the last `tail` of those (`-First`/`-Last`,
/// `-TotalCount`/`-Tail`, `-Top`/`-Bottom`).
pub fn keep_ends<T>(items: &mut Vec<T>, head: Option<usize>, tail: Option<usize>) {
    if let Some(h) = head {
        items.truncate(h);
    }
    if let Some(t) = tail {
        let skip = items.len().saturating_sub(t);
        items.drain(..skip);
    }
}

/// A script block's output as one value: nothing is `$null`, one object itself, several
/// an array.
pub fn single(mut out: Vec<Value>) -> Value {
    match out.len() {
        0 => Value::Null,
        1 => out.pop().unwrap_or(Value::Null),
        _ => Value::array(out),
    }
}

/// `$FormatEnumerationLimit` (4 unless the session changed it).
pub fn enumeration_limit(cx: &Ctx) -> i64 {
    match cx.engine.scopes.get(None, "FormatEnumerationLimit") {
        Some(Value::Int(i)) => i64::from(i),
        Some(Value::Long(i)) => i,
        _ => DEFAULT_ENUMERATION_LIMIT,
    }
}
