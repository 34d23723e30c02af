//! Expressions: literals, variables, strings, operators, casts, members, indexing, and
//! assignment targets.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::convert::{self, canonical_type};
use super::eval::collect_value;
use super::flow::Flow;
use super::format_op;
use super::limits;
use super::members;
use super::object::PsObject;
use super::ops::{self, Arith, OpError};
use super::runtime::Engine;
use super::value::{HashKey, Hashtable, ScriptBlockValue, Value};
use crate::syntax::ast::{
    BinaryOp, Expr, ExprKind, Number, Span, StringPart, TypeName, UnaryOp, VariablePath,
};

impl Engine {
    fn op_error(&self, e: OpError, span: Span) -> Flow {
        self.runtime_error(e.message, e.id, span)
    }

    /// Reads a variable, with the automatic ones computed.
    pub fn get_variable(&self, scope: Option<&str>, name: &str) -> Value {
        if scope.is_none() {
            match name.to_ascii_lowercase().as_str() {
                "true" => return Value::Bool(true),
                "false" => return Value::Bool(false),
                "null" => return Value::Null,
                "?" => return Value::Bool(self.last_success),
                "error" => return Value::Array(self.errors.clone()),
                "psitem" => return self.scopes.get(None, "_").unwrap_or(Value::Null),
                _ => {}
            }
        }
        self.scopes.get(scope, name).unwrap_or(Value::Null)
    }

    /// Assigns a variable (`$null = ...` discards).
    pub fn set_variable(&mut self, scope: Option<&str>, name: &str, value: Value) {
        if scope.is_none() && name.eq_ignore_ascii_case("null") {
            return;
        }
        let name = if name.eq_ignore_ascii_case("psitem") {
            "_"
        } else {
            name
        };
        self.scopes.set(scope, name, value);
    }

    fn resolve_type(&self, ty: &TypeName) -> Result<String, Flow> {
        canonical_type(&ty.name).ok_or_else(|| {
            self.runtime_error(
                format!("Unable to find type [{}].", ty.name),
                "TypeNotFound",
                ty.span,
            )
        })
    }

    pub fn eval_expr(&mut self, e: &Expr) -> Result<Value, Flow> {
        match &e.kind {
            ExprKind::Number(n) => Ok(number_value(*n)),
            ExprKind::StringLiteral(s) | ExprKind::BareWord(s) => Ok(Value::str(s)),
            ExprKind::ExpandableString(parts) => self.expand_string(parts, e.span).map(Value::str),
            ExprKind::Variable(v) => Ok(self.get_variable(v.scope.as_deref(), &v.name)),
            ExprKind::Ternary {
                condition,
                if_true,
                if_false,
            } => {
                let chosen = if self.eval_expr(condition)?.is_true() {
                    if_true
                } else {
                    if_false
                };
                self.eval_expr(chosen)
            }
            ExprKind::Splat(v) => Ok(self.get_variable(v.scope.as_deref(), &v.name)),
            ExprKind::ArrayLiteral(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval_expr(i)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::ArraySubexpression(block) => {
                let mut out = Vec::new();
                self.exec_block(block, &mut out)?;
                Ok(Value::array(out))
            }
            ExprKind::Subexpression(block) => {
                let mut out = Vec::new();
                self.exec_block(block, &mut out)?;
                Ok(collect_value(out))
            }
            ExprKind::Paren(st) => {
                if let crate::syntax::ast::StatementKind::Assignment { target, .. } = &st.kind {
                    self.exec_statement(st, &mut Vec::new())?;
                    return self.eval_expr(target);
                }
                self.eval_statement_value(st)
            }
            ExprKind::Hashtable(entries) => self.eval_hashtable(entries, false),
            ExprKind::ScriptBlock(ast) => Ok(Value::ScriptBlock(Rc::new(ScriptBlockValue {
                ast: ast.clone(),
                source: self.source.clone(),
            }))),
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            ExprKind::Binary { op, left, right } => self.eval_binary(*op, left, right, e.span),
            ExprKind::Cast { ty, operand } => self.eval_cast(ty, operand, e.span),
            ExprKind::TypeLiteral(ty) => {
                let t = self.resolve_type(ty)?;
                Ok(Value::Type(Rc::from(t)))
            }
            ExprKind::Member {
                target,
                member,
                is_static,
                null_conditional,
            } => {
                let t = self.eval_expr(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(member)?;
                if *is_static {
                    members::static_member(&t, &name)
                        .map_err(|m| self.runtime_error(m, "PropertyNotFound", e.span))
                } else if let Some(getter) = Engine::script_getter(&t, &name) {
                    self.script_property(&getter, &t)
                } else {
                    Ok(members::get_member(&t, &name))
                }
            }
            ExprKind::MethodCall {
                target,
                method,
                args,
                is_static,
                null_conditional,
            } => {
                let t = self.eval_expr(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(method)?;
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval_expr(a)?);
                }
                self.call_method(&t, &name, values, *is_static, e.span)
            }
            ExprKind::Index {
                target,
                index,
                null_conditional,
            } => {
                let t = self.eval_expr(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let i = self.eval_expr(index)?;
                members::index(&t, &i).map_err(|m| self.runtime_error(m, "IndexError", e.span))
            }
        }
    }

    fn member_name(&mut self, member: &Expr) -> Result<String, Flow> {
        Ok(match &member.kind {
            ExprKind::BareWord(s) | ExprKind::StringLiteral(s) => s.clone(),
            _ => self.eval_expr(member)?.to_string(),
        })
    }

    fn call_method(
        &mut self,
        target: &Value,
        name: &str,
        args: Vec<Value>,
        is_static: bool,
        span: Span,
    ) -> Result<Value, Flow> {
        if !is_static
            && let Value::ScriptBlock(sb) = target
            && (name.eq_ignore_ascii_case("Invoke")
                || name.eq_ignore_ascii_case("InvokeReturnAsIs"))
        {
            let mut out = Vec::new();
            self.invoke_script_block(sb, args, &mut out)?;
            return Ok(collect_value(out));
        }
        // `PSWhere`/`PSForEach` are the intrinsics' other names; `$null` is an empty
        // collection to them.
        let intrinsic = match name.to_ascii_lowercase().as_str() {
            "where" | "pswhere" => Some("where"),
            "foreach" | "psforeach" => Some("foreach"),
            _ => None,
        };
        if !is_static
            && let Some(intrinsic) = intrinsic
            && !matches!(target, Value::Hashtable(_) | Value::Object(_))
        {
            return self.intrinsic_where_foreach(target, intrinsic, &args, span);
        }
        if let Value::Object(o) = target {
            let is_cmdlet = o.borrow().type_name() == super::function::PSCMDLET_TYPE;
            if is_cmdlet && let Some(r) = self.cmdlet_method(name, &args) {
                // A method's error is placed at the call, as pwsh places it.
                return r.map_err(|flow| match flow {
                    Flow::Error(rec) if rec.position.is_none() => {
                        let mut rec = (*rec).clone();
                        rec.position = self.position(span);
                        Flow::Error(Rc::new(rec))
                    }
                    other => other,
                });
            }
        }
        let result = if is_static {
            members::call_static(target, name, &args)
        } else {
            members::call_method(target, name, &args)
        };
        result.map_err(|e| self.runtime_error(e.message, e.id, span))
    }

    /// The intrinsic `.Where({...}[, mode[, count]])` and `.ForEach({...} | 'Name')` of any
    /// collection or value: they always return a collection.
    fn intrinsic_where_foreach(
        &mut self,
        target: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Result<Value, Flow> {
        let items = convert::to_vec(target);
        let mut out = Vec::new();
        match (name.to_ascii_lowercase().as_str(), args.first()) {
            ("where", Some(Value::ScriptBlock(sb))) => {
                let mode = args
                    .get(1)
                    .map(|m| m.to_string().to_lowercase())
                    .unwrap_or_default();
                let count = match args.get(2) {
                    Some(n) => usize::try_from(convert::to_i32(n).unwrap_or(0)).unwrap_or(0),
                    None => 0,
                };
                let mut matched = Vec::new();
                let mut rest = Vec::new();
                for item in items {
                    let mut r = Vec::new();
                    self.run_block_dot_sourced(sb, Some(item.clone()), Vec::new(), &mut r)?;
                    if collect_value(r).is_true() {
                        matched.push(item);
                        if mode == "first" && count.max(1) == matched.len() {
                            break;
                        }
                    } else {
                        rest.push(item);
                    }
                }
                out = match mode.as_str() {
                    "last" => {
                        let keep = count.max(1);
                        matched.split_off(matched.len().saturating_sub(keep))
                    }
                    "split" => {
                        return Ok(Value::array(vec![
                            Value::array(matched),
                            Value::array(rest),
                        ]));
                    }
                    _ if count > 0 => matched.into_iter().take(count).collect(),
                    _ => matched,
                };
            }
            ("foreach", Some(Value::ScriptBlock(sb))) => {
                for item in items {
                    self.run_block_dot_sourced(sb, Some(item), Vec::new(), &mut out)?;
                }
            }
            ("foreach", Some(member)) => {
                let member = member.to_string();
                for item in items {
                    let v = if args.len() > 1 {
                        members::call_method(&item, &member, &args[1..])
                            .map_err(|e| self.op_error(e, span))?
                    } else {
                        members::get_member(&item, &member)
                    };
                    out.extend(convert::to_vec(&v));
                }
            }
            _ => {
                return Err(self.runtime_error(
                    format!(
                        "Cannot find an overload for \"{name}\" and the argument count: \"{}\".",
                        args.len()
                    ),
                    "MethodCountCouldNotFindBest",
                    span,
                ));
            }
        }
        Ok(Value::array(out))
    }

    /// `-split { predicate }[, count]`: splits where the script block is true for the
    /// character in `$_`; a negative count splits from the right.
    fn split_by_block(
        &mut self,
        text: &Value,
        sb: &ScriptBlockValue,
        max: i32,
    ) -> Result<Value, Flow> {
        let mut out = Vec::new();
        for item in convert::to_vec(text) {
            let chars: Vec<char> = item.to_string().chars().collect();
            let mut cuts = Vec::new();
            for (i, c) in chars.iter().enumerate() {
                let mut r = Vec::new();
                self.run_block_dot_sourced(sb, Some(Value::Char(*c)), Vec::new(), &mut r)?;
                if collect_value(r).is_true() {
                    cuts.push(i);
                }
            }
            let limit = usize::try_from(max.unsigned_abs()).unwrap_or(usize::MAX);
            let cuts: Vec<usize> = match max {
                0 => cuts,
                m if m > 0 => cuts.into_iter().take(limit.saturating_sub(1)).collect(),
                _ => {
                    let skip = cuts.len().saturating_sub(limit.saturating_sub(1));
                    cuts.into_iter().skip(skip).collect()
                }
            };
            let mut last = 0;
            for c in cuts {
                out.push(Value::str(chars[last..c].iter().collect::<String>()));
                last = c + 1;
            }
            out.push(Value::str(chars[last..].iter().collect::<String>()));
        }
        Ok(Value::array(out))
    }

    /// `"text $var $(expr)"`.
    pub fn expand_string(&mut self, parts: &[StringPart], span: Span) -> Result<String, Flow> {
        let mut values = Vec::with_capacity(parts.len());
        for p in parts {
            values.push(match p {
                StringPart::Literal(t) => Value::str(t),
                StringPart::Variable(v) => self.get_variable(v.scope.as_deref(), &v.name),
                StringPart::Subexpression(block) => {
                    let mut out = Vec::new();
                    self.exec_block(block, &mut out)?;
                    collect_value(out)
                }
            });
        }
        let mut pieces = Vec::with_capacity(values.len());
        for value in &values {
            pieces.push(self.to_text(value).map_err(|e| self.op_error(e, span))?);
        }
        limits::join(pieces, "").map_err(|e| self.op_error(e, span))
    }

    /// A value as text in a string: arrays are joined with `$OFS` (a space by default),
    /// within the size limit; a string is itself, not copied.
    pub fn to_text<'v>(&self, v: &'v Value) -> Result<std::borrow::Cow<'v, str>, OpError> {
        match v {
            Value::Array(a) => {
                let sep = match self.scopes.get(None, "OFS") {
                    Some(Value::Null) | None => " ".to_string(),
                    Some(s) => s.to_string(),
                };
                // Each element by its own ToString(): a nested array is `System.Object[]`.
                let items = a.borrow();
                let texts = items.iter().map(|x| match x {
                    Value::Array(_) => "System.Object[]".into(),
                    other => limits::text(other),
                });
                limits::join(texts, &sep).map(Into::into)
            }
            other => Ok(limits::text(other)),
        }
    }

    fn eval_hashtable(
        &mut self,
        entries: &[(Expr, crate::syntax::ast::Statement)],
        ordered: bool,
    ) -> Result<Value, Flow> {
        let mut h = Hashtable::new(ordered);
        for (k, v) in entries {
            let key = self.eval_expr(k)?;
            if h.contains_key(&key) {
                return Err(self.runtime_error(
                    format!("Duplicate keys '{key}' are not allowed in hash literals."),
                    "DuplicateKeyInHashLiteral",
                    k.span,
                ));
            }
            let value = self.eval_statement_value(v)?;
            h.insert(key, value);
        }
        Ok(Value::hashtable(h))
    }

    /// `[pscustomobject]@{...}`: the object, its properties in the literal's order. A key
    /// written twice is the hash literal's error; `PSTypeName = 'X'` (with
    /// `type_name_key`) names the object's type instead of adding a property.
    fn eval_custom_object(
        &mut self,
        entries: &[(Expr, crate::syntax::ast::Statement)],
        type_name_key: bool,
    ) -> Result<Value, Flow> {
        let mut o = PsObject::custom();
        // The keys so far, for telling a key written twice (`1` and `'1'` are two keys of
        // a hash literal, and one property name).
        let mut keys: Vec<Value> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let key = self.eval_expr(k)?;
            let name = key.to_string();
            if o.has(&name) || (type_name_key && name.eq_ignore_ascii_case("PSTypeName")) {
                let written = HashKey::of(&key);
                if keys.iter().any(|earlier| HashKey::of(earlier) == written) {
                    return Err(self.runtime_error(
                        format!("Duplicate keys '{key}' are not allowed in hash literals."),
                        "DuplicateKeyInHashLiteral",
                        k.span,
                    ));
                }
            }
            let value = self.eval_statement_value(v)?;
            if type_name_key && name.eq_ignore_ascii_case("PSTypeName") {
                o.type_names.insert(0, value.to_string());
            } else {
                o.set_owned(name, value);
            }
            keys.push(key);
        }
        Ok(Value::object(o))
    }

    fn eval_cast(&mut self, ty: &TypeName, operand: &Expr, span: Span) -> Result<Value, Flow> {
        let t = self.resolve_type(ty)?;
        if let ExprKind::Hashtable(entries) = &operand.kind {
            if t == "System.Collections.Specialized.OrderedDictionary" {
                return self.eval_hashtable(entries, true);
            }
            if t == "System.Management.Automation.PSCustomObject" {
                return self.eval_custom_object(entries, true);
            }
        }
        // `[pscustomobject][ordered]@{...}`, the report scripts' idiom: the object is
        // made from the literal directly, as from `[pscustomobject]@{...}`, rather than
        // by making the ordered table first.
        if t == "System.Management.Automation.PSCustomObject"
            && let ExprKind::Cast {
                ty: inner,
                operand: table,
            } = &operand.kind
            && let ExprKind::Hashtable(entries) = &table.kind
            && self.resolve_type(inner)? == "System.Collections.Specialized.OrderedDictionary"
        {
            return self.eval_custom_object(entries, false);
        }
        let v = self.eval_expr(operand)?;
        if let (Value::Array(_), "System.String") = (&v, t.as_str()) {
            return self
                .to_text(&v)
                .map(|t| Value::str(&t))
                .map_err(|e| self.op_error(e, span));
        }
        convert::cast(&v, &t)
            .map_err(|e| self.runtime_error(e.message, "InvalidCastFromStringToInteger", span))
    }

    fn eval_unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> Result<Value, Flow> {
        match op {
            UnaryOp::PreIncrement
            | UnaryOp::PreDecrement
            | UnaryOp::PostIncrement
            | UnaryOp::PostDecrement => {
                let old = self.eval_expr(operand)?;
                let delta = if matches!(op, UnaryOp::PreIncrement | UnaryOp::PostIncrement) {
                    Arith::Add
                } else {
                    Arith::Sub
                };
                let base = if old.is_null() {
                    Value::Int(0)
                } else {
                    old.clone()
                };
                let new =
                    ops::arith(delta, &base, &Value::Int(1)).map_err(|e| self.op_error(e, span))?;
                self.assign(operand, new.clone())?;
                Ok(
                    if matches!(op, UnaryOp::PostIncrement | UnaryOp::PostDecrement) {
                        if old.is_null() { Value::Int(0) } else { old }
                    } else {
                        new
                    },
                )
            }
            _ => {
                let v = self.eval_expr(operand)?;
                match op {
                    UnaryOp::Not => Ok(Value::Bool(!v.is_true())),
                    UnaryOp::Bnot => {
                        let n = convert::to_i64(&v)
                            .map_err(|e| self.runtime_error(e.message, "InvalidCast", span))?;
                        Ok(match v {
                            Value::Long(_) => Value::Long(!n),
                            _ => i32::try_from(n).map_or(Value::Long(!n), |i| Value::Int(!i)),
                        })
                    }
                    UnaryOp::Negate => {
                        let n = convert::to_number(&v)
                            .map_err(|e| self.runtime_error(e.message, "InvalidCast", span))?;
                        ops::numeric(Arith::Sub, &Value::Int(0), &n)
                            .map_err(|e| self.op_error(e, span))
                    }
                    UnaryOp::Plus => convert::to_number(&v)
                        .map_err(|e| self.runtime_error(e.message, "InvalidCast", span)),
                    UnaryOp::Split => Ok(ops::split_whitespace(&v)),
                    UnaryOp::Join => ops::join(&v, "").map_err(|e| self.op_error(e, span)),
                    UnaryOp::Comma => Ok(Value::array(vec![v])),
                    _ => Ok(v),
                }
            }
        }
    }

    fn eval_binary(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        span: Span,
    ) -> Result<Value, Flow> {
        let l = self.eval_expr(left)?;
        match op {
            BinaryOp::And => {
                if !l.is_true() {
                    return Ok(Value::Bool(false));
                }
                return Ok(Value::Bool(self.eval_expr(right)?.is_true()));
            }
            BinaryOp::Or => {
                if l.is_true() {
                    return Ok(Value::Bool(true));
                }
                return Ok(Value::Bool(self.eval_expr(right)?.is_true()));
            }
            BinaryOp::Coalesce if !l.is_null() => return Ok(l),
            BinaryOp::Coalesce => return self.eval_expr(right),
            _ => {}
        }
        let r = self.eval_expr(right)?;
        let err = |me: &Self, e: OpError| me.op_error(e, span);
        match op {
            BinaryOp::Add if matches!((&l, &r), (Value::String(_), Value::Array(_))) => {
                let right_text = self.to_text(&r).map_err(|e| err(self, e))?;
                ops::arith(Arith::Add, &l, &Value::str(&right_text)).map_err(|e| err(self, e))
            }
            BinaryOp::Add => ops::arith(Arith::Add, &l, &r).map_err(|e| err(self, e)),
            BinaryOp::Sub => ops::arith(Arith::Sub, &l, &r).map_err(|e| err(self, e)),
            BinaryOp::Mul => ops::arith(Arith::Mul, &l, &r).map_err(|e| err(self, e)),
            BinaryOp::Div => ops::arith(Arith::Div, &l, &r).map_err(|e| err(self, e)),
            BinaryOp::Rem => ops::arith(Arith::Rem, &l, &r).map_err(|e| err(self, e)),
            BinaryOp::Range => ops::range(&l, &r).map_err(|e| err(self, e)),
            BinaryOp::Format => {
                let args = match &r {
                    Value::Array(a) => a.borrow().clone(),
                    v => vec![v.clone()],
                };
                format_op::format(&l.to_string(), &args)
                    .map(Value::str)
                    .map_err(|e| err(self, e))
            }
            BinaryOp::Xor => Ok(Value::Bool(l.is_true() != r.is_true())),
            BinaryOp::Band | BinaryOp::Bor | BinaryOp::Bxor | BinaryOp::Shl | BinaryOp::Shr => {
                ops::bitwise(op, &l, &r).map_err(|e| err(self, e))
            }
            BinaryOp::Is | BinaryOp::IsNot => {
                let t = self.type_operand(&r, right.span)?;
                let is = convert::is_type(&l, &t);
                Ok(Value::Bool(is == (op == BinaryOp::Is)))
            }
            BinaryOp::As => {
                let t = self.type_operand(&r, right.span)?;
                Ok(convert::cast(&l, &t).unwrap_or(Value::Null))
            }
            BinaryOp::Join => ops::join(&l, &r.to_string()).map_err(|e| err(self, e)),
            BinaryOp::Split(case) => {
                let parts = convert::to_vec(&r);
                if let Some(Value::ScriptBlock(sb)) = parts.first() {
                    let max = match parts.get(1) {
                        Some(n) => convert::to_i32(n).map_err(|e| err(self, e.into()))?,
                        None => 0,
                    };
                    return self.split_by_block(&l, sb, max);
                }
                ops::split(&l, &r, case.is_sensitive()).map_err(|e| err(self, e))
            }
            BinaryOp::Replace(case) => {
                ops::replace(&l, &r, case.is_sensitive()).map_err(|e| err(self, e))
            }
            BinaryOp::Compare(cop, case) => {
                let c = ops::compare_op(cop, case, &l, &r).map_err(|e| err(self, e))?;
                if let Some(m) = c.matches {
                    self.scopes.set(None, "Matches", m);
                }
                Ok(c.value)
            }
            BinaryOp::And | BinaryOp::Or | BinaryOp::Coalesce => Ok(Value::Null),
        }
    }

    /// The right side of `-is`/`-as`: a type literal or a type name string.
    fn type_operand(&self, v: &Value, span: Span) -> Result<String, Flow> {
        match v {
            Value::Type(t) => Ok(t.to_string()),
            other => canonical_type(&other.to_string()).ok_or_else(|| {
                self.runtime_error(
                    format!("Unable to find type [{other}]."),
                    "TypeNotFound",
                    span,
                )
            }),
        }
    }

    /// Assigns to an assignable expression: a variable, `[type]$var`, `$x.Prop`,
    /// `$x[i]`, or `$a, $b` (multiple assignment).
    pub fn assign(&mut self, target: &Expr, value: Value) -> Result<(), Flow> {
        match &target.kind {
            ExprKind::Variable(VariablePath { scope, name, .. }) => {
                let value = match self.scopes.constraint(scope.as_deref(), name) {
                    Some(t) => convert::cast(&value, &t).map_err(|e| {
                        self.runtime_error(e.message, "InvalidCastFromStringToInteger", target.span)
                    })?,
                    None => value,
                };
                self.set_variable(scope.as_deref(), name, value);
                Ok(())
            }
            ExprKind::Cast { ty, operand } => {
                let t = self.resolve_type(ty)?;
                let v = convert::cast(&value, &t).map_err(|e| {
                    self.runtime_error(e.message, "InvalidCastFromStringToInteger", target.span)
                })?;
                if let ExprKind::Variable(VariablePath { scope, name, .. }) = &operand.kind {
                    self.scopes.set_constraint(scope.as_deref(), name, &t);
                    self.set_variable(scope.as_deref(), name, v);
                    return Ok(());
                }
                self.assign(operand, v)
            }
            ExprKind::Member {
                target: obj,
                member,
                ..
            } => {
                let o = self.eval_expr(obj)?;
                let name = self.member_name(member)?;
                members::set_member(&o, &name, value)
                    .map_err(|m| self.runtime_error(m, "PropertyAssignmentException", target.span))
            }
            ExprKind::Index {
                target: obj, index, ..
            } => {
                let o = self.eval_expr(obj)?;
                let i = self.eval_expr(index)?;
                members::set_index(&o, &i, value)
                    .map_err(|m| self.runtime_error(m, "IndexError", target.span))
            }
            ExprKind::ArrayLiteral(targets) => {
                let mut values = convert::to_vec(&value);
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    let v = if i + 1 == n {
                        let rest: Vec<Value> = std::mem::take(&mut values);
                        collect_value(rest)
                    } else if values.is_empty() {
                        Value::Null
                    } else {
                        values.remove(0)
                    };
                    self.assign(t, v)?;
                }
                Ok(())
            }
            ExprKind::Paren(st) => match &st.kind {
                crate::syntax::ast::StatementKind::Pipeline(p) => match p.elements.as_slice() {
                    [crate::syntax::ast::PipelineElement::Expression { expr, .. }] => {
                        self.assign(expr, value)
                    }
                    _ => Err(self.not_assignable(target.span)),
                },
                _ => Err(self.not_assignable(target.span)),
            },
            _ => Err(self.not_assignable(target.span)),
        }
    }

    fn not_assignable(&self, span: Span) -> Flow {
        self.runtime_error(
            "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
            "InvalidLeftHandSide",
            span,
        )
    }
}

/// The value of a number literal.
pub fn number_value(n: Number) -> Value {
    match n {
        Number::Int(i) => Value::Int(i),
        Number::Long(l) => Value::Long(l),
        Number::Double(d) => Value::Double(d),
        Number::Decimal(d) => Decimal::try_from_i128_with_scale(d.mantissa, d.scale)
            .map(Value::Decimal)
            .unwrap_or(Value::Double(
                d.mantissa as f64 / 10f64.powi(d.scale.min(300) as i32),
            )),
    }
}
