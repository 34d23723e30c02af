//! Select-Object (`select`): picks properties (names, wildcards, calculated properties)
//! into new objects, expands one property, or picks objects (`-First`, `-Last`, `-Skip`,
//! `-Index`, `-Unique`).
//!
//! A selected object is a PSCustomObject whose first type name is `Selected.<type>`, so
//! it no longer matches its type's registered view and prints as a plain table or list,
//! as in pwsh.

use super::order::equal;
use super::props::{ScriptProps, count, given_non_null, keep_ends, readable};
use crate::engine::command::{
    Bound, CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature, plain_property_names,
};
use crate::engine::error::ErrorCategory;
use crate::engine::object::{PSCUSTOMOBJECT, PsObject};
use crate::engine::value::Value;
use crate::format::select::{self, PropertySpec, SpecContext, wildcard_match};

#[derive(Default)]
struct Select {
    props: ScriptProps,
    specs: Vec<PropertySpec>,
    exclude: Vec<String>,
    expand: Option<String>,
    /// Objects kept for `-Last`, `-Unique` (written at the end).
    held: Vec<Value>,
    seen: usize,
    written: usize,
}

impl Select {
    /// Whether the objects must all be seen before any is written.
    fn holds(cx: &Ctx) -> bool {
        cx.param("Last").is_some() || cx.param("SkipLast").is_some() || cx.switch("Unique")
    }

    /// The object (or objects, with -ExpandProperty) an input becomes.
    fn project(&self, cx: &mut Ctx, v: &Value) -> Result<Vec<Value>, Flow> {
        let Some(name) = &self.expand else {
            if self.specs.is_empty() && self.exclude.is_empty() {
                mark_selected(v);
                return Ok(vec![v.clone()]);
            }
            return Ok(vec![Value::object(self.selected(cx, v)?)]);
        };
        let expanded = match select::property_value(&readable(cx, v)?, name) {
            Some(Value::Array(a)) => a.borrow().clone(),
            Some(x) => vec![x],
            None => {
                cx.error(
                    &format!("Property \"{name}\" cannot be found."),
                    "ExpandPropertyNotFound",
                    ErrorCategory::InvalidArgument,
                )?;
                return Ok(Vec::new());
            }
        };
        if self.specs.is_empty() {
            return Ok(expanded);
        }
        // With -Property too, pwsh adds the selected properties to each expanded object.
        // (exosh's strings and numbers carry no extra properties: they pass unchanged.)
        let notes = self.selected(cx, v)?;
        let mut out = Vec::with_capacity(expanded.len());
        for item in expanded {
            if let Value::Object(o) = &item {
                for p in notes.properties() {
                    if o.borrow().has(&p.name) {
                        cx.error(
                            &format!(
                                "The property cannot be processed because the property \"{}\" already exists.",
                                p.name
                            ),
                            "AlreadyExistingUserSpecifiedPropertyExpand",
                            ErrorCategory::InvalidOperation,
                        )?;
                        continue;
                    }
                    o.borrow_mut().set(&p.name, p.value.clone());
                }
            }
            out.push(item);
        }
        Ok(out)
    }

    /// The input's selected properties (`-Property`, less `-ExcludeProperty`) as a new
    /// `Selected.<type>` object.
    fn selected(&self, cx: &mut Ctx, v: &Value) -> Result<PsObject, Flow> {
        if !self.props.is_empty() {
            self.props.prepare(cx, v)?;
        }
        let v = &readable(cx, v)?;
        let specs = if self.specs.is_empty() {
            vec![PropertySpec::Name("*".into())]
        } else {
            self.specs.clone()
        };
        let mut names = vec![format!("Selected.{}", v.type_name())];
        if v.type_name() != PSCUSTOMOBJECT {
            names.push(PSCUSTOMOBJECT.to_string());
        }
        names.push("System.Object".into());
        let mut o = PsObject::new(names);
        for col in select::resolve(&specs, v, true) {
            let label = col.label();
            if self.exclude.iter().any(|x| wildcard_match(x, &label)) {
                continue;
            }
            o.set(&label, col.expr.eval(v));
        }
        Ok(o)
    }
}

impl Processor for Select {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        self.specs = self
            .props
            .specs(cx, cx.param("Property"), SpecContext::Select)?;
        self.exclude = strings(cx.param("ExcludeProperty"));
        self.expand = cx.string("ExpandProperty");
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        // `$null` input selects nothing, as in pwsh.
        let Some(v) = given_non_null(cx, input) else {
            return Ok(());
        };
        let index = self.seen;
        self.seen += 1;
        if let Some(wanted) = cx.param("Index")
            && !indexes(wanted).contains(&index)
        {
            return Ok(());
        }
        if let Some(unwanted) = cx.param("SkipIndex")
            && indexes(unwanted).contains(&index)
        {
            return Ok(());
        }
        if count(cx, "Skip").is_some_and(|s| index < s) {
            return Ok(());
        }
        if Self::holds(cx) {
            self.held.push(v);
            return Ok(());
        }
        if count(cx, "First").is_some_and(|f| self.written >= f) {
            return Ok(());
        }
        self.written += 1;
        for out in self.project(cx, &v)? {
            cx.write(out)?;
        }
        // Enough objects: the commands before this one stop (pwsh's StopUpstreamCommands).
        if count(cx, "First").is_some_and(|f| self.written >= f) {
            return Err(cx.stop_upstream());
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if !Self::holds(cx) {
            return Ok(());
        }
        let mut held = std::mem::take(&mut self.held);
        if let Some(n) = count(cx, "SkipLast") {
            held.truncate(held.len().saturating_sub(n));
        }
        let mut objects = Vec::new();
        for v in held {
            objects.extend(self.project(cx, &v)?);
        }
        if cx.switch("Unique") {
            let mut unique: Vec<Value> = Vec::new();
            for v in objects {
                if !unique.iter().any(|u| same(u, &v)) {
                    unique.push(v);
                }
            }
            objects = unique;
        }
        keep_ends(&mut objects, count(cx, "First"), count(cx, "Last"));
        for v in objects {
            cx.write(v)?;
        }
        Ok(())
    }
}

/// An `-Index`/`-SkipIndex` argument's positions (negative ones match nothing).
fn indexes(arg: &Value) -> Vec<usize> {
    let items = match arg {
        Value::Array(a) => a.borrow().clone(),
        one => vec![one.clone()],
    };
    items
        .iter()
        .filter_map(|i| match i {
            Value::Int(i) => usize::try_from(*i).ok(),
            _ => None,
        })
        .collect()
}

/// A custom object passed through whole still becomes "selected": pwsh puts
/// `Selected.System.Management.Automation.PSCustomObject` first in its type names.
fn mark_selected(v: &Value) {
    if let Value::Object(o) = v {
        let mut o = o.borrow_mut();
        if o.type_names.first().is_some_and(|t| t == PSCUSTOMOBJECT) {
            o.type_names.insert(0, format!("Selected.{PSCUSTOMOBJECT}"));
        }
    }
}

/// `-Unique`'s sameness: equal scalars (case-sensitive, as pwsh's Select-Object), or
/// objects whose properties are all equal.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.properties().zip(y.properties()).all(|(p, q)| {
                    p.name.eq_ignore_ascii_case(&q.name) && equal(&p.value, &q.value, true)
                })
        }
        _ => equal(a, b, true),
    }
}

/// A string-array parameter's items.
pub fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().iter().map(Value::to_string).collect(),
        Some(one) => vec![one.to_string()],
    }
}

/// What Select-Object reads of each object: the properties it selects by plain name and
/// the one it expands. Without either it passes the objects on whole.
fn reads(args: &Bound) -> Option<Vec<String>> {
    let expanded = args.get("ExpandProperty").map(Value::to_string);
    let mut names = match args.get("Property") {
        Some(property) => plain_property_names(property)?,
        None => Vec::new(),
    };
    names.extend(expanded);
    (!names.is_empty()).then_some(names)
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Select-Object")
        .alias("select")
        .synopsis("Selects objects or object properties.")
        .param(Param::new("Property", ParamType::AnyArray).position(0))
        .param(Param::new("ExcludeProperty", ParamType::StringArray))
        .param(Param::new("ExpandProperty", ParamType::String))
        .param(Param::new("First", ParamType::Int))
        .param(Param::new("Last", ParamType::Int))
        .param(Param::new("Skip", ParamType::Int))
        .param(Param::new("Index", ParamType::IntArray))
        .param(Param::new("SkipIndex", ParamType::IntArray))
        .param(Param::new("SkipLast", ParamType::Int))
        .param(Param::switch("Unique"))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .reads_input_by(reads)
        .example("The first objects", "1..5 | Select-Object -First 2", "1\n2")
        .example(
            "A calculated property",
            "[pscustomobject]@{Name='Ken'} | Select-Object Name, @{n='Upper'; e={$_.Name.ToUpper()}}",
            "\nName Upper\n---- -----\nKen  KEN\n",
        );
    CommandInfo::new(sig, || Box::new(Select::default()))
}
