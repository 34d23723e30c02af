//! Sort-Object (`sort`): sorts by the objects themselves or by properties, script blocks
//! and `@{Expression=...; Descending=$true}` keys; `-Descending`, `-Unique`, `-Top`,
//! `-Bottom`, `-CaseSensitive`. The sort is stable.

use std::cmp::Ordering;

use super::order::compare;
use super::props::ScriptProps;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::select::{Column, PropertySpec, SpecContext};

/// One sort key: an expression and its direction.
struct Key {
    col: Column,
    descending: bool,
}

#[derive(Default)]
struct Sort {
    props: ScriptProps,
    keys: Vec<Key>,
    rows: Vec<(Vec<Value>, Value)>,
}

impl Processor for Sort {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let descending = cx.switch("Descending");
        let items = match cx.param("Property") {
            Some(Value::Array(a)) => a.borrow().clone(),
            Some(v) => vec![v.clone()],
            None => Vec::new(),
        };
        for item in items {
            // A hashtable may carry its own direction (Ascending/Descending keys), which
            // the formatting key rules do not know: read it and pass the rest on.
            let mut direction = descending;
            let item = match &item {
                Value::Hashtable(h) => {
                    let mut h = h.borrow().clone();
                    if let Some(d) = h.remove(&Value::str("Descending")) {
                        direction = d.is_true();
                    }
                    if let Some(a) = h.remove(&Value::str("Ascending")) {
                        direction = !a.is_true();
                    }
                    Value::hashtable(h)
                }
                other => other.clone(),
            };
            let spec = self
                .props
                .specs(cx, Some(&item), SpecContext::Select)?
                .into_iter()
                .next();
            let col = match spec {
                Some(PropertySpec::Name(n)) => Column::property(&n),
                Some(PropertySpec::Calculated(c)) => c,
                None => continue,
            };
            self.keys.push(Key {
                col,
                descending: direction,
            });
        }
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = input.or_else(|| cx.param("InputObject").cloned()) else {
            return Ok(());
        };
        if !self.props.is_empty() {
            self.props.prepare(cx, &v)?;
        }
        let values = if self.keys.is_empty() {
            vec![v.clone()]
        } else {
            self.keys.iter().map(|k| k.col.expr.eval(&v)).collect()
        };
        self.rows.push((values, v));
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let case = cx.switch("CaseSensitive");
        let default_desc = cx.switch("Descending");
        let directions: Vec<bool> = if self.keys.is_empty() {
            vec![default_desc]
        } else {
            self.keys.iter().map(|k| k.descending).collect()
        };
        let order = |a: &[Value], b: &[Value]| {
            a.iter()
                .zip(b)
                .zip(&directions)
                .map(|((x, y), desc)| {
                    let o = compare(x, y, case);
                    if *desc { o.reverse() } else { o }
                })
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        };
        let mut rows = std::mem::take(&mut self.rows);
        rows.sort_by(|a, b| order(&a.0, &b.0));
        if cx.switch("Unique") {
            rows.dedup_by(|b, a| {
                a.0.iter()
                    .zip(&b.0)
                    .all(|(x, y)| super::order::equal(x, y, case))
            });
        }
        let n = |name: &str| match cx.param(name) {
            Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
            _ => None,
        };
        if let Some(top) = n("Top") {
            rows.truncate(top);
        }
        if let Some(bottom) = n("Bottom") {
            let skip = rows.len().saturating_sub(bottom);
            rows.drain(..skip);
        }
        for (_, v) in rows {
            cx.write(v)?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Sort-Object")
        .alias("sort")
        .synopsis("Sorts objects by property values.")
        .param(Param::new("Property", ParamType::AnyArray).position(0))
        .param(Param::switch("Descending"))
        .param(Param::switch("Unique"))
        .param(Param::switch("CaseSensitive"))
        .param(Param::new("Top", ParamType::Int))
        .param(Param::new("Bottom", ParamType::Int))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .example("Numbers by value", "3, 10, 2 | Sort-Object", "2\n3\n10")
        .example(
            "Descending, unique",
            "'b', 'a', 'B' | Sort-Object -Descending -Unique",
            "B\na",
        );
    CommandInfo::new(sig, || Box::new(Sort::default()))
}
