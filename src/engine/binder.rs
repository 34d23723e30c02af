//! Parameter binding (PowerShell spec §8.14, pwsh's `ParameterBinderBase`):
//! named arguments (exact name or alias, else an unambiguous prefix), then positional
//! ones by position within the possible parameter sets, then — per input object —
//! pipeline input by value and then by property name. Arguments are converted to the
//! parameter's type with pwsh's messages on failure.

use std::rc::Rc;

use super::command::{ALL_SETS, Bound, Param, ParamType, Signature, Validation};
use super::convert;
use super::error::{ErrorCategory, ErrorRecord};
use super::runtime::ActionPreference;
use super::value::Value;
use crate::syntax::ast::Span;

/// One argument as written: `-Name`, `-Name:value`, or a positional value.
#[derive(Debug, Clone)]
pub enum Arg {
    Named {
        /// The name without the dash, as written (`Ident`).
        name: String,
        /// `Some` for `-Name:value` and for splatted entries.
        value: Option<Value>,
        span: Span,
    },
    Positional {
        value: Value,
        span: Span,
    },
}

/// A binding failure: message, error id, and the span to mark.
#[derive(Debug, Clone)]
pub struct BindError {
    pub message: String,
    pub id: &'static str,
    pub span: Option<Span>,
    pub category: ErrorCategory,
}

impl BindError {
    fn new(message: String, id: &'static str, span: Option<Span>) -> BindError {
        BindError {
            message,
            id,
            span,
            category: ErrorCategory::InvalidArgument,
        }
    }

    /// The error record, attributed to `command`.
    pub fn record(&self, command: &str) -> ErrorRecord {
        let mut r = ErrorRecord::new(
            self.message.clone(),
            format!("{},{command}", self.id),
            self.category,
        );
        r.exception_type = "System.Management.Automation.ParameterBindingException".into();
        r.command = Some(command.to_string());
        r
    }
}

/// The common parameters every cmdlet (and advanced function) accepts.
pub fn common_params(should_process: bool) -> Vec<Param> {
    let pref = || {
        ParamType::Enum(
            ActionPreference::NAMES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        )
    };
    let mut v = vec![
        Param::switch("Verbose").alias("vb"),
        Param::switch("Debug").alias("db"),
        Param::new("ErrorAction", pref())
            .alias("ea")
            .type_name("System.Management.Automation.ActionPreference"),
        Param::new("WarningAction", pref())
            .alias("wa")
            .type_name("System.Management.Automation.ActionPreference"),
        Param::new("InformationAction", pref())
            .alias("infa")
            .type_name("System.Management.Automation.ActionPreference"),
        Param::new("ProgressAction", pref())
            .alias("proga")
            .type_name("System.Management.Automation.ActionPreference"),
        Param::new("ErrorVariable", ParamType::String).alias("ev"),
        Param::new("WarningVariable", ParamType::String).alias("wv"),
        Param::new("InformationVariable", ParamType::String).alias("iv"),
        Param::new("OutVariable", ParamType::String).alias("ov"),
        Param::new("OutBuffer", ParamType::Int).alias("ob"),
        Param::new("PipelineVariable", ParamType::String).alias("pv"),
    ];
    if should_process {
        v.push(Param::switch("WhatIf").alias("wi"));
        v.push(Param::switch("Confirm").alias("cf"));
    }
    v
}

/// Options that differ between cmdlets/advanced functions and simple functions.
#[derive(Debug, Clone, Copy)]
pub struct BindOptions {
    /// Common parameters are recognised (cmdlets and advanced functions).
    pub common: bool,
    /// Unknown named and extra positional arguments go to `$args` instead of failing
    /// (simple functions and script blocks).
    pub extra_to_args: bool,
}

/// The result of binding a command's arguments.
#[derive(Debug, Clone, Default)]
pub struct Binding {
    pub bound: Bound,
    /// Common parameters given, by canonical name.
    pub common: Vec<(String, Value)>,
    /// Arguments no parameter took (`$args` of a simple function).
    pub extra: Vec<Value>,
    /// Parameter sets still possible after the arguments.
    pub candidate_sets: Vec<String>,
}

/// Finds the parameter a written name means: exact name or alias, else the single
/// parameter a prefix fits.
fn resolve<'a>(all: &'a [Param], written: &str) -> Result<Option<&'a Param>, Vec<&'a Param>> {
    let exact = all.iter().find(|p| {
        p.name.eq_ignore_ascii_case(written)
            || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(written))
    });
    if exact.is_some() {
        return Ok(exact);
    }
    let lw = written.to_lowercase();
    let hits: Vec<&Param> = all
        .iter()
        .filter(|p| {
            p.name.to_lowercase().starts_with(&lw)
                || p.aliases.iter().any(|a| a.to_lowercase().starts_with(&lw))
        })
        .collect();
    match hits.len() {
        0 => Ok(None),
        1 => Ok(hits.first().copied()),
        _ => Err(hits),
    }
}

/// Converts an argument to a parameter's type and validates it, with pwsh's messages.
pub fn coerce(p: &Param, v: Value) -> Result<Value, BindError> {
    let v = convert_arg(p, v)?;
    for check in &p.validate {
        validate(p, check, &v)?;
    }
    Ok(v)
}

/// Applies one validation attribute (to each element of a collection).
fn validate(p: &Param, check: &Validation, v: &Value) -> Result<(), BindError> {
    let fail = |detail: String| {
        Err(BindError::new(
            format!(
                "Cannot validate argument on parameter '{}'. {detail}",
                p.name
            ),
            "ParameterArgumentValidationError",
            None,
        ))
    };
    match check {
        Validation::NotNull if v.is_null() => fail(
            "The argument is null. Provide a valid value for the argument, and then try running the command again.".into(),
        ),
        Validation::NotNullOrEmpty
            if v.is_null()
                || matches!(v, Value::String(s) if s.is_empty())
                || matches!(v, Value::Array(a) if a.borrow().is_empty()) =>
        {
            fail("The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.".into())
        }
        Validation::Set(names) => {
            for item in convert::to_vec(v) {
                let text = item.to_string();
                if !names.iter().any(|n| n.eq_ignore_ascii_case(&text)) {
                    return fail(format!(
                        "The argument \"{text}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                        names.join(",")
                    ));
                }
            }
            Ok(())
        }
        Validation::Range(min, max) => {
            for item in convert::to_vec(v) {
                let x = convert::to_f64(&item).unwrap_or(f64::NAN);
                let shown = |f: f64| Value::Double(f).to_string();
                if x > *max {
                    return fail(format!(
                        "The {item} argument is greater than the maximum allowed range of {}. Supply an argument that is less than or equal to {} and then try the command again.",
                        shown(*max),
                        shown(*max)
                    ));
                }
                if x < *min || x.is_nan() {
                    return fail(format!(
                        "The {item} argument is less than the minimum allowed range of {}. Supply an argument that is greater than or equal to {} and then try the command again.",
                        shown(*min),
                        shown(*min)
                    ));
                }
            }
            Ok(())
        }
        Validation::Pattern(pattern) => {
            let re = super::ops::regex(pattern, false).map_err(|e| BindError::new(e.message, "ValidatePatternFailure", None))?;
            for item in convert::to_vec(v) {
                let text = item.to_string();
                let matched = re
                    .is_match(&text)
                    .map_err(|e| BindError::new(e.message, "ValidatePatternFailure", None))?;
                if !matched {
                    return fail(format!(
                        "The argument \"{text}\" does not match the \"{pattern}\" pattern. Supply an argument that matches \"{pattern}\" and try the command again."
                    ));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Converts an argument to a parameter's type, with pwsh's messages.
fn convert_arg(p: &Param, v: Value) -> Result<Value, BindError> {
    let transform = |detail: String| {
        BindError::new(
            format!(
                "Cannot process argument transformation on parameter '{}'. {detail}",
                p.name
            ),
            "ParameterArgumentTransformationError",
            None,
        )
    };
    let cannot_bind = |detail: String| {
        BindError::new(
            format!("Cannot bind parameter '{}'. {detail}", p.name),
            "CannotConvertArgumentNoMessage",
            None,
        )
    };
    match &p.ty {
        ParamType::Any => Ok(v),
        ParamType::AnyArray => Ok(match v {
            Value::Array(_) => v,
            Value::Null => Value::Null,
            other => Value::array(vec![other]),
        }),
        ParamType::Switch => Ok(Value::Bool(v.is_true())),
        ParamType::Bool => match v {
            Value::Bool(_) => Ok(v),
            Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Decimal(_) => {
                Ok(Value::Bool(v.is_true()))
            }
            Value::Array(ref a) if a.borrow().len() == 1 => {
                let first = a.borrow()[0].clone();
                coerce(p, first)
            }
            other => Err(transform(format!(
                "Cannot convert value \"{}\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
                other.type_name()
            ))),
        },
        ParamType::String => Ok(match v {
            Value::Null => Value::Null,
            Value::String(_) => v,
            other => Value::str(other.to_string()),
        }),
        ParamType::StringArray => Ok(match v {
            Value::Null => Value::Null,
            other => Value::array(
                convert::to_vec(&other)
                    .into_iter()
                    .map(|x| match x {
                        Value::String(_) => x,
                        y => Value::str(y.to_string()),
                    })
                    .collect(),
            ),
        }),
        ParamType::Int => convert::to_i32(&v)
            .map(Value::Int)
            .map_err(|e| transform(e.message)),
        ParamType::IntArray => convert::to_vec(&v)
            .iter()
            .map(|x| convert::to_i32(x).map(Value::Int))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::array)
            .map_err(|e| transform(e.message)),
        ParamType::Long => convert::to_i64(&v)
            .map(Value::Long)
            .map_err(|e| transform(e.message)),
        ParamType::Double => convert::to_f64(&v)
            .map(Value::Double)
            .map_err(|e| transform(e.message)),
        ParamType::Decimal => convert::to_decimal(&v)
            .map(Value::Decimal)
            .map_err(|e| transform(e.message)),
        ParamType::DateTime => {
            convert::cast(&v, "System.DateTime").map_err(|e| transform(e.message))
        }
        ParamType::Guid => convert::cast(&v, "System.Guid").map_err(|e| transform(e.message)),
        ParamType::Hashtable => match v {
            Value::Hashtable(_) => Ok(v),
            other => Err(cannot_bind(format!(
                "Cannot convert the \"{other}\" value of type \"{}\" to type \"System.Collections.Hashtable\".",
                other.type_name()
            ))),
        },
        ParamType::ScriptBlock => match v {
            Value::ScriptBlock(_) => Ok(v),
            other => Err(cannot_bind(format!(
                "Cannot convert the \"{other}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                other.type_name()
            ))),
        },
        ParamType::ScriptBlockArray => {
            let items = convert::to_vec(&v);
            for i in &items {
                if !matches!(i, Value::ScriptBlock(_)) {
                    return Err(cannot_bind(format!(
                        "Cannot convert the \"{i}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                        i.type_name()
                    )));
                }
            }
            Ok(Value::array(items))
        }
        ParamType::Enum(names) => {
            let text = v.to_string();
            match names.iter().find(|n| n.eq_ignore_ascii_case(text.trim())) {
                Some(n) => Ok(Value::str(n)),
                None => Err(cannot_bind(format!(
                    "Cannot convert value \"{text}\" to type \"{}\". Error: \"Unable to match the identifier name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
                    p.type_name,
                    names.join(", ")
                ))),
            }
        }
    }
}

/// Binds a command's arguments (not yet the pipeline input).
pub fn bind_args(sig: &Signature, args: Vec<Arg>, opts: BindOptions) -> Result<Binding, BindError> {
    let commons = if opts.common {
        common_params(sig.supports_should_process)
    } else {
        Vec::new()
    };
    let all: Vec<Param> = sig
        .params
        .iter()
        .cloned()
        .chain(commons.iter().cloned())
        .collect();
    let mut b = Binding::default();
    let mut positional: Vec<(Value, Span)> = Vec::new();
    let mut args = args.into_iter().peekable();
    while let Some(arg) = args.next() {
        match arg {
            Arg::Positional { value, span } => positional.push((value, span)),
            Arg::Named { name, value, span } => {
                let p = match resolve(&all, &name) {
                    Ok(Some(p)) => p,
                    Ok(None) => {
                        if opts.extra_to_args {
                            let text = match &value {
                                Some(v) => format!("-{name}:{v}"),
                                None => format!("-{name}"),
                            };
                            positional.push((Value::str(text), span));
                            continue;
                        }
                        return Err(BindError::new(
                            format!(
                                "A parameter cannot be found that matches parameter name '{name}'."
                            ),
                            "NamedParameterNotFound",
                            Some(span),
                        ));
                    }
                    Err(hits) => {
                        let list: Vec<String> =
                            hits.iter().map(|p| format!("-{}", p.name)).collect();
                        return Err(BindError::new(
                            format!(
                                "Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include: {}.",
                                list.join(" ")
                            ),
                            "AmbiguousParameter",
                            Some(span),
                        ));
                    }
                };
                // A conversion failure marks the value when it was written apart.
                let mut value_span = span;
                let value = match value {
                    Some(v) => v,
                    None if p.is_switch() => Value::Bool(true),
                    None => match args.peek() {
                        Some(Arg::Positional { .. }) => match args.next() {
                            Some(Arg::Positional { value, span }) => {
                                value_span = span;
                                value
                            }
                            _ => Value::Null,
                        },
                        _ => {
                            return Err(BindError::new(
                                format!(
                                    "Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again.",
                                    p.name, p.type_name
                                ),
                                "MissingArgument",
                                Some(span),
                            ));
                        }
                    },
                };
                let already =
                    b.bound.contains(&p.name) || b.common.iter().any(|(n, _)| n == &p.name);
                if already {
                    return Err(BindError::new(
                        format!(
                            "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                            p.name
                        ),
                        "ParameterAlreadyBound",
                        Some(span),
                    ));
                }
                let v = coerce(p, value).map_err(|mut e| {
                    e.span = Some(value_span);
                    e
                })?;
                if commons.iter().any(|c| c.name == p.name) {
                    b.common.push((p.name.clone(), v));
                } else {
                    b.bound.set_value(&p.name, v);
                }
            }
        }
    }
    // Parameter sets possible with the named arguments.
    let mut sets = sig.set_names();
    if sets.is_empty() {
        sets.push(ALL_SETS.to_string());
    }
    let mut candidates: Vec<String> = sets
        .iter()
        .filter(|s| {
            b.bound
                .values
                .iter()
                .all(|(n, _)| sig.find_param(n).is_none_or(|p| p.in_set(s)))
        })
        .cloned()
        .collect();
    if candidates.is_empty() {
        return Err(BindError::new(
            "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.".into(),
            "AmbiguousParameterSet",
            None,
        ));
    }
    // Positional arguments, in position order among the candidate sets' parameters.
    if !positional.is_empty() {
        let set_for_positions = pick_set(sig, &candidates);
        let mut slots: Vec<&Param> = sig
            .params
            .iter()
            .filter(|p| p.position.is_some() && !b.bound.contains(&p.name))
            .filter(|p| match &set_for_positions {
                Some(s) => p.in_set(s),
                None => candidates.iter().any(|s| p.in_set(s)),
            })
            .collect();
        slots.sort_by_key(|p| p.position);
        slots.dedup_by(|a, b| a.name == b.name);
        let mut slots = slots.into_iter();
        let mut leftovers: Vec<(Value, Span)> = Vec::new();
        for (value, span) in positional {
            match slots.next() {
                Some(p) => {
                    let v = coerce(p, value).map_err(|mut e| {
                        e.span = Some(span);
                        e
                    })?;
                    b.bound.set_value(&p.name, v);
                }
                None => leftovers.push((value, span)),
            }
        }
        if !leftovers.is_empty() {
            if let Some(rest) = sig.params.iter().find(|p| p.remaining) {
                let mut items: Vec<Value> = match b.bound.get(&rest.name) {
                    Some(Value::Array(a)) => a.borrow().clone(),
                    Some(v) => vec![v.clone()],
                    None => Vec::new(),
                };
                items.extend(leftovers.into_iter().map(|(v, _)| v));
                let v = if items.len() == 1
                    && !matches!(rest.ty, ParamType::AnyArray | ParamType::StringArray)
                {
                    items.pop().unwrap_or(Value::Null)
                } else {
                    Value::array(items)
                };
                b.bound.set_value(&rest.name, coerce(rest, v)?);
            } else if opts.extra_to_args {
                b.extra.extend(leftovers.into_iter().map(|(v, _)| v));
            } else if let Some((value, span)) = leftovers.into_iter().next() {
                return Err(BindError::new(
                    format!(
                        "A positional parameter cannot be found that accepts argument '{}'.",
                        arg_text(&value)
                    ),
                    "PositionalParameterNotFound",
                    Some(span),
                ));
            }
        }
        candidates.retain(|s| {
            b.bound
                .values
                .iter()
                .all(|(n, _)| sig.find_param(n).is_none_or(|p| p.in_set(s)))
        });
    }
    b.bound.set = pick_set(sig, &candidates)
        .or_else(|| (sig.set_names().is_empty()).then(|| ALL_SETS.to_string()));
    b.candidate_sets = candidates;
    Ok(b)
}

/// How pwsh names an argument in "cannot be found that accepts argument 'X'".
fn arg_text(v: &Value) -> String {
    match v {
        Value::Array(_) => "System.Object[]".to_string(),
        Value::Hashtable(_) => "System.Collections.Hashtable".to_string(),
        other => other.to_string(),
    }
}

/// The set to use when several remain: the default set if possible, else the only one,
/// else `None` (undecided).
pub fn pick_set(sig: &Signature, candidates: &[String]) -> Option<String> {
    if candidates.len() == 1 {
        return candidates.first().cloned();
    }
    if let Some(d) = &sig.default_set
        && candidates.iter().any(|c| c.eq_ignore_ascii_case(d))
    {
        return Some(d.clone());
    }
    None
}

/// Binds one pipeline input object: by value to the first unbound parameter that takes
/// pipeline input and accepts the object, else by property name. Returns the bound set
/// for this object, or an error when it binds to nothing.
pub fn bind_pipeline(sig: &Signature, base: &Binding, input: &Value) -> Result<Bound, BindError> {
    let mut bound = base.bound.clone();
    let in_candidates = |p: &Param| base.candidate_sets.iter().any(|s| p.in_set(s));
    let takers: Vec<&Param> = sig
        .params
        .iter()
        .filter(|p| (p.from_pipeline || p.from_pipeline_by_name) && in_candidates(p))
        .collect();
    if takers.is_empty() {
        return Err(not_bound());
    }
    // pwsh's order: by value where the object already has the parameter's type, then by
    // property name, then by value with conversion.
    let by_value = |bound: &mut Bound, convert: bool| -> bool {
        for p in takers.iter().filter(|p| p.from_pipeline) {
            if bound.contains(&p.name) || !(convert || has_type(&p.ty, input)) {
                continue;
            }
            if let Ok(v) = coerce(p, input.clone()) {
                bound.set_value(&p.name, v);
                return true;
            }
        }
        false
    };
    if by_value(&mut bound, false) {
        return Ok(bound);
    }
    let mut any = false;
    for p in takers.iter().filter(|p| p.from_pipeline_by_name) {
        if bound.contains(&p.name) {
            continue;
        }
        let found = std::iter::once(&p.name)
            .chain(p.aliases.iter())
            .find_map(|n| property_of(input, n));
        if let Some(v) = found {
            bound.set_value(&p.name, coerce(p, v)?);
            any = true;
        }
    }
    if any || by_value(&mut bound, true) {
        Ok(bound)
    } else {
        Err(not_bound())
    }
}

/// Whether a value already is of a parameter's type (binding without conversion).
fn has_type(ty: &ParamType, v: &Value) -> bool {
    match ty {
        ParamType::Any | ParamType::AnyArray => true,
        ParamType::String | ParamType::Enum(_) => matches!(v, Value::String(_)),
        ParamType::StringArray => match v {
            Value::String(_) => true,
            Value::Array(a) => a.borrow().iter().all(|x| matches!(x, Value::String(_))),
            _ => false,
        },
        ParamType::Bool | ParamType::Switch => matches!(v, Value::Bool(_)),
        ParamType::Int | ParamType::IntArray => matches!(v, Value::Int(_)),
        ParamType::Long => matches!(v, Value::Int(_) | Value::Long(_)),
        ParamType::Double => matches!(v, Value::Double(_)),
        ParamType::Decimal => matches!(v, Value::Decimal(_)),
        ParamType::DateTime => matches!(v, Value::DateTime(_)),
        ParamType::Guid => matches!(v, Value::Guid(_)),
        ParamType::Hashtable => matches!(v, Value::Hashtable(_)),
        ParamType::ScriptBlock | ParamType::ScriptBlockArray => matches!(v, Value::ScriptBlock(_)),
    }
}

fn not_bound() -> BindError {
    BindError::new(
        "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".into(),
        "InputObjectNotBound",
        None,
    )
}

fn property_of(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        Value::Hashtable(h) => h.borrow().get_str(name).cloned(),
        _ => None,
    }
}

/// The mandatory parameters of the chosen set that are still unbound.
pub fn missing_mandatory(sig: &Signature, bound: &Bound, candidates: &[String]) -> Vec<String> {
    let set = pick_set(sig, candidates);
    let relevant = |p: &&Param| match &set {
        Some(s) => p.in_set(s),
        None => candidates.iter().all(|s| p.in_set(s)),
    };
    sig.params
        .iter()
        .filter(relevant)
        .filter(|p| p.mandatory && !bound.contains(&p.name))
        .map(|p| p.name.clone())
        .collect()
}

/// pwsh's error for mandatory parameters missing in a non-interactive run.
pub fn missing_mandatory_error(names: &[String]) -> BindError {
    BindError::new(
        format!(
            "Cannot process command because of one or more missing mandatory parameters: {}.",
            names.join(" ")
        ),
        "MissingMandatoryParameter",
        None,
    )
}

/// Wraps a binding error as a statement-terminating flow for `command`.
pub fn to_flow(
    e: &BindError,
    command: &str,
    pos: Option<super::error::ErrorPosition>,
) -> super::flow::Flow {
    let mut r = e.record(command);
    r.position = pos;
    super::flow::Flow::Error(Rc::new(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig() -> Signature {
        Signature::new("Set-Thing")
            .param(
                Param::new("Identity", ParamType::String)
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("MAPIEnabled", ParamType::Bool))
            .param(Param::new("ImapEnabled", ParamType::Bool))
            .param(Param::switch("Force"))
    }

    fn named(n: &str) -> Arg {
        Arg::Named {
            name: n.into(),
            value: None,
            span: Span::default(),
        }
    }
    fn pos(v: Value) -> Arg {
        Arg::Positional {
            value: v,
            span: Span::default(),
        }
    }
    const OPTS: BindOptions = BindOptions {
        common: true,
        extra_to_args: false,
    };

    #[test]
    fn prefix_and_positional() {
        let b = bind_args(
            &sig(),
            vec![
                pos(Value::str("ken")),
                named("MAPI"),
                pos(Value::Bool(false)),
            ],
            OPTS,
        )
        .unwrap();
        assert_eq!(b.bound.get("Identity").unwrap().to_string(), "ken");
        assert_eq!(b.bound.get("MAPIEnabled").unwrap().to_string(), "False");
    }

    #[test]
    fn errors_have_pwsh_text() {
        let e = bind_args(&sig(), vec![named("E")], OPTS).unwrap_err();
        assert_eq!(
            e.message,
            "Parameter cannot be processed because the parameter name 'E' is ambiguous. Possible matches include: -ErrorAction -ErrorVariable."
        );
        let e = bind_args(&sig(), vec![named("Nope")], OPTS).unwrap_err();
        assert_eq!(
            e.message,
            "A parameter cannot be found that matches parameter name 'Nope'."
        );
        let e = bind_args(
            &sig(),
            vec![named("MAPIEnabled"), pos(Value::str("False"))],
            OPTS,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "Cannot process argument transformation on parameter 'MAPIEnabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
        );
        let e = bind_args(&sig(), vec![named("MAPIEnabled")], OPTS).unwrap_err();
        assert_eq!(
            e.message,
            "Missing an argument for parameter 'MAPIEnabled'. Specify a parameter of type 'System.Boolean' and try again."
        );
        let e = bind_args(
            &sig(),
            vec![
                pos(Value::str("a")),
                named("Force"),
                pos(Value::Bool(false)),
            ],
            OPTS,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "A positional parameter cannot be found that accepts argument 'False'."
        );
    }
}
