//! Sort-Object (`sort`): sorts by the objects themselves or by properties, script blocks
//! and `@{Expression=...; Descending=$true}` keys; `-Descending`, `-Unique`, `-Top`,
//! `-Bottom`, `-CaseSensitive`. The sort is stable.

use std::cmp::Ordering;

use super::order::compare;
use super::props::{ScriptProps, count, keep_ends, key_values};
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::select::{Column, SpecContext};

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
            let Some(col) = self.props.column(cx, Some(&item), SpecContext::Select)? else {
                continue;
            };
            self.keys.push(Key {
                col,
                descending: direction,
            });
        }
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some((v, view)) = self.props.input(cx, input)? else {
            return Ok(());
        };
        let values = key_values(self.keys.iter().map(|k| &k.col), &view);
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
        keep_ends(&mut rows, count(cx, "Top"), count(cx, "Bottom"));
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
