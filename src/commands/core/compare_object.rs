//! Compare-Object (`compare`, `diff`): what is only in the difference set (`=>`), only in
//! the reference set (`<=`), and, with `-IncludeEqual`, in both (`==`), matched within
//! `-SyncWindow` as pwsh matches them (see [`Matcher`]).

use super::order::equal;
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::property_value;

#[derive(Default)]
struct Compare {
    difference: Vec<Value>,
}

fn items(v: Option<&Value>) -> Vec<Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().clone(),
        Some(one) => vec![one.clone()],
    }
}

/// pwsh's matching: each difference object is paired with the reference object at the
/// same position; what does not match waits in a backlog of at most `-SyncWindow` objects
/// on its side, where a later object of the other side may still find it. Objects pushed
/// out of a full backlog, and those left at the end, are unmatched.
struct Matcher<'a> {
    same: &'a dyn Fn(&Value, &Value) -> bool,
    window: usize,
    reference_backlog: Vec<Value>,
    difference_backlog: Vec<Value>,
    /// `(object, side indicator)` in the order pwsh emits them.
    results: Vec<(Value, &'static str)>,
}

impl Matcher<'_> {
    fn step(&mut self, difference: Option<Value>, reference: Option<Value>) {
        let same = self.same;
        if let (Some(r), Some(d)) = (&reference, &difference)
            && same(r, d)
        {
            self.results.push((r.clone(), "=="));
            return;
        }
        let mut difference = difference;
        if let Some(d) = &difference
            && let Some(i) = self.reference_backlog.iter().position(|r| same(r, d))
        {
            let matched = self.reference_backlog.remove(i);
            self.results.push((matched, "=="));
            difference = None;
        }
        let mut reference = reference;
        if let Some(r) = &reference
            && let Some(i) = self.difference_backlog.iter().position(|d| same(r, d))
        {
            self.difference_backlog.remove(i);
            self.results.push((r.clone(), "=="));
            reference = None;
        }
        if let Some(d) = difference {
            Self::wait(
                &mut self.difference_backlog,
                d,
                "=>",
                self.window,
                &mut self.results,
            );
        }
        if let Some(r) = reference {
            Self::wait(
                &mut self.reference_backlog,
                r,
                "<=",
                self.window,
                &mut self.results,
            );
        }
    }

    /// Puts an unmatched object in its backlog, pushing the oldest out as unmatched when
    /// the backlog is full (with no window at all, the object is unmatched at once).
    fn wait(
        backlog: &mut Vec<Value>,
        v: Value,
        side: &'static str,
        window: usize,
        results: &mut Vec<(Value, &'static str)>,
    ) {
        if window == 0 {
            results.push((v, side));
            return;
        }
        while backlog.len() >= window {
            results.push((backlog.remove(0), side));
        }
        backlog.push(v);
    }
}

impl Processor for Compare {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        match input {
            Some(v) => self.difference.push(v),
            None => self.difference = items(cx.param("DifferenceObject")),
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let props = strings(cx.param("Property"));
        let case = cx.switch("CaseSensitive");
        let key = |v: &Value| -> Vec<Value> {
            if props.is_empty() {
                vec![v.clone()]
            } else {
                props
                    .iter()
                    .map(|p| property_value(v, p).unwrap_or(Value::Null))
                    .collect()
            }
        };
        let same = |a: &Value, b: &Value| {
            let (ka, kb) = (key(a), key(b));
            ka.iter().zip(&kb).all(|(x, y)| equal(x, y, case))
        };
        let window = match cx.param("SyncWindow") {
            Some(Value::Int(n)) => usize::try_from(*n).unwrap_or(0),
            _ => usize::MAX,
        };
        let mut matcher = Matcher {
            same: &same,
            window,
            reference_backlog: Vec::new(),
            difference_backlog: Vec::new(),
            results: Vec::new(),
        };
        let mut reference = items(cx.param("ReferenceObject")).into_iter();
        for d in std::mem::take(&mut self.difference) {
            matcher.step(Some(d), reference.next());
        }
        for r in reference {
            matcher.step(None, Some(r));
        }
        let mut results = matcher.results;
        results.extend(matcher.difference_backlog.into_iter().map(|d| (d, "=>")));
        results.extend(matcher.reference_backlog.into_iter().map(|r| (r, "<=")));
        let include_equal = cx.switch("IncludeEqual");
        let exclude_different = cx.switch("ExcludeDifferent");
        for (v, side) in results {
            let keep = if side == "==" {
                include_equal || exclude_different
            } else {
                !exclude_different
            };
            if !keep {
                continue;
            }
            if cx.switch("PassThru") {
                cx.write(v)?;
                continue;
            }
            let mut o = PsObject::custom();
            if props.is_empty() {
                o.set("InputObject", v.clone());
            } else {
                for (p, x) in props.iter().zip(key(&v)) {
                    o.set(p, x);
                }
            }
            o.set("SideIndicator", Value::str(side));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Compare-Object")
        .alias("compare")
        .alias("diff")
        .synopsis("Compares two sets of objects.")
        .param(Param::new("ReferenceObject", ParamType::AnyArray).position(0).mandatory())
        .param(Param::new("DifferenceObject", ParamType::AnyArray).position(1).mandatory().from_pipeline())
        .param(Param::new("Property", ParamType::StringArray))
        .param(Param::switch("IncludeEqual"))
        .param(Param::switch("ExcludeDifferent"))
        .param(Param::switch("PassThru"))
        .param(Param::switch("CaseSensitive"))
        .param(Param::new("SyncWindow", ParamType::Int))
        .example(
            "Differences",
            "Compare-Object (1, 2, 3) (2, 3, 4)",
            "\nInputObject SideIndicator\n----------- -------------\n          4 =>\n          1 <=\n",
        );
    CommandInfo::new(sig, || Box::new(Compare::default()))
}
