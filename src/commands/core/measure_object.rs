//! Measure-Object (`measure`): counts objects and computes `-Sum`, `-Average`,
//! `-Minimum`, `-Maximum`, `-StandardDeviation` of numbers (or of a property), or counts
//! `-Line`, `-Word`, `-Character` of text.

use super::order::{as_number, compare};
use super::props::{input_object, single};
use crate::engine::command::{
    Bound, CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature, plain_property_names,
};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::value::Value;
use crate::format::select::{has_wildcard, property_names, property_value, wildcard_match};

/// Running statistics of one property (or of the objects themselves).
#[derive(Default, Clone)]
struct Stats {
    count: usize,
    sum: f64,
    sum_sq: f64,
    min: Option<Value>,
    max: Option<Value>,
    lines: usize,
    words: usize,
    chars: usize,
}

#[derive(Default)]
struct Measure {
    /// `(property name, stats)`; a single unnamed entry without -Property.
    stats: Vec<(Option<String>, Stats)>,
}

impl Measure {
    fn text(&self, cx: &Ctx) -> bool {
        cx.switch("Line") || cx.switch("Word") || cx.switch("Character")
    }

    fn add(cx: &mut Ctx, stats: &mut Stats, v: &Value, text: bool) -> Result<(), Flow> {
        stats.count += 1;
        if text {
            let s = v.to_string();
            stats.lines += s.lines().filter(|l| !l.trim().is_empty()).count();
            stats.words += s.split_whitespace().count();
            stats.chars += s
                .chars()
                .filter(|c| !cx.switch("IgnoreWhiteSpace") || !c.is_whitespace())
                .filter(|c| *c != '\n' && *c != '\r')
                .count();
            return Ok(());
        }
        let numeric = cx.switch("Sum")
            || cx.switch("Average")
            || cx.switch("StandardDeviation")
            || cx.switch("AllStats");
        if numeric {
            let Some(n) = as_number(v, true) else {
                return Err(cx.terminating(
                    &format!("Input object \"{v}\" is not numeric."),
                    "NonNumericInputObject",
                    ErrorCategory::InvalidType,
                ));
            };
            stats.sum += n;
            stats.sum_sq += n * n;
        }
        let better = |cur: &Option<Value>, want: std::cmp::Ordering| match cur {
            None => true,
            Some(c) => compare(v, c, false) == want,
        };
        if better(&stats.min, std::cmp::Ordering::Less) {
            stats.min = Some(v.clone());
        }
        if better(&stats.max, std::cmp::Ordering::Greater) {
            stats.max = Some(v.clone());
        }
        Ok(())
    }
}

impl Processor for Measure {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = input_object(cx, input)? else {
            return Ok(());
        };
        let text = self.text(cx);
        let items = match cx.param("Property") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a.borrow().clone(),
            Some(one) => vec![one.clone()],
        };
        // A script block measures what it returns for each object, under its own text.
        let mut patterns = Vec::new();
        let mut computed = Vec::new();
        for item in items {
            match item {
                Value::ScriptBlock(block) => {
                    let value = single(cx.eval_block(&block, Some(v.clone()), Vec::new())?);
                    computed.push((Value::ScriptBlock(block).to_string(), value));
                }
                other => patterns.push(other.to_string()),
            }
        }
        if patterns.is_empty() && computed.is_empty() {
            if self.stats.is_empty() {
                self.stats.push((None, Stats::default()));
            }
            if !v.is_null() {
                return Self::add(cx, &mut self.stats[0].1, &v, text);
            }
            return Ok(());
        }
        // A hashtable's keys count as its properties here, as in pwsh.
        let names = match &v {
            Value::Hashtable(h) => h.borrow().iter().map(|(k, _)| k.to_string()).collect(),
            other => property_names(other),
        };
        let mut measured = computed;
        for pattern in &patterns {
            let matched: Vec<String> = if has_wildcard(pattern) {
                names
                    .iter()
                    .filter(|n| wildcard_match(pattern, n))
                    .cloned()
                    .collect()
            } else {
                vec![pattern.clone()]
            };
            for name in matched {
                let value = property_value(&v, &name).unwrap_or(Value::Null);
                measured.push((name, value));
            }
        }
        for (name, value) in measured {
            let index = match self
                .stats
                .iter()
                .position(|(n, _)| n.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&name)))
            {
                Some(i) => i,
                None => {
                    self.stats.push((Some(name), Stats::default()));
                    self.stats.len() - 1
                }
            };
            if !value.is_null() {
                Self::add(cx, &mut self.stats[index].1, &value, text)?;
            }
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if self.stats.is_empty() {
            self.stats.push((None, Stats::default()));
        }
        let all = cx.switch("AllStats");
        let on = |name: &str| all || cx.switch(name);
        let text = self.text(cx);
        let results: Vec<Value> = self
            .stats
            .iter()
            .map(|(name, s)| {
                let property = name.clone().map(Value::str).unwrap_or(Value::Null);
                if text {
                    let mut o = PsObject::new(vec![
                        "Microsoft.PowerShell.Commands.TextMeasureInfo".into(),
                        "System.Object".into(),
                    ]);
                    let count = |flag: &str, n: usize| {
                        if cx.switch(flag) {
                            Value::Int(n as i32)
                        } else {
                            Value::Null
                        }
                    };
                    o.set("Lines", count("Line", s.lines));
                    o.set("Words", count("Word", s.words));
                    o.set("Characters", count("Character", s.chars));
                    o.set("Property", property);
                    return Value::object(o);
                }
                let mut o = PsObject::new(vec![
                    "Microsoft.PowerShell.Commands.GenericMeasureInfo".into(),
                    "System.Object".into(),
                ]);
                let n = s.count as f64;
                let num = |flag: &str, x: f64| {
                    if on(flag) && s.count > 0 {
                        Value::Double(x)
                    } else {
                        Value::Null
                    }
                };
                let extreme = |flag: &str, x: &Option<Value>| match x {
                    Some(v) if on(flag) => {
                        as_number(v, true).map(Value::Double).unwrap_or(v.clone())
                    }
                    _ => Value::Null,
                };
                let variance = if s.count > 1 {
                    (s.sum_sq - s.sum * s.sum / n) / (n - 1.0)
                } else {
                    0.0
                };
                o.set("Count", Value::Int(s.count as i32));
                o.set("Average", num("Average", s.sum / n));
                o.set("Sum", num("Sum", s.sum));
                o.set("Maximum", extreme("Maximum", &s.max));
                o.set("Minimum", extreme("Minimum", &s.min));
                o.set(
                    "StandardDeviation",
                    num("StandardDeviation", variance.max(0.0).sqrt()),
                );
                o.set("Property", property);
                Value::object(o)
            })
            .collect();
        for r in results {
            cx.write(r)?;
        }
        Ok(())
    }
}

/// What Measure-Object reads of each object: the properties -Property names, or nothing
/// at all when it only counts (the objects themselves are measured by -Sum and the rest).
fn reads(args: &Bound) -> Option<Vec<String>> {
    match args.get("Property") {
        Some(property) => plain_property_names(property),
        None => args.values.is_empty().then(Vec::new),
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Measure-Object")
        .alias("measure")
        .synopsis("Calculates the numeric properties of objects, and the characters, words, and lines in string objects.")
        .param(Param::new("Property", ParamType::AnyArray).position(0))
        .param(Param::switch("Sum"))
        .param(Param::switch("Average"))
        .param(Param::switch("Maximum"))
        .param(Param::switch("Minimum"))
        .param(Param::switch("StandardDeviation"))
        .param(Param::switch("AllStats"))
        .param(Param::switch("Line"))
        .param(Param::switch("Word"))
        .param(Param::switch("Character"))
        .param(Param::switch("IgnoreWhiteSpace"))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .reads_input_by(reads)
        .example(
            "Sum and average",
            "(1, 2, 3 | Measure-Object -Sum -Average).Sum",
            "6",
        );
    CommandInfo::new(sig, || Box::new(Measure::default()))
}
