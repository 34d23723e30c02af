//! Variables and functions in PowerShell's dynamic scopes.
//!
//! Scopes form a stack: global at the bottom, then the script scope, then one per function
//! or script-block call. Reading a variable walks from the innermost scope outwards (a
//! function sees its caller's variables); assigning without a scope prefix writes the
//! innermost scope (a function's `$x = 1` does not change the caller's `$x`).
//! `$script:x` and `$global:x` name their scope; `$env:X` is the process environment.

use std::collections::HashMap;
use std::rc::Rc;

use super::value::Value;
use crate::syntax::ast::{FunctionDef, Source};

/// A function as defined: its syntax and the source it came from.
#[derive(Debug)]
pub struct FunctionValue {
    pub def: Rc<FunctionDef>,
    pub source: Rc<Source>,
}

#[derive(Debug, Default)]
pub struct Scope {
    vars: HashMap<String, Value>,
    functions: HashMap<String, Rc<FunctionValue>>,
    /// Type constraints from `[int]$x = ...`: later assignments convert to the type.
    constraints: HashMap<String, String>,
}

/// The scope stack.
#[derive(Debug)]
pub struct Scopes {
    stack: Vec<Scope>,
    /// Index of the script scope (`$script:`); the global scope when no script runs.
    script: usize,
}

impl Default for Scopes {
    fn default() -> Self {
        Scopes::new()
    }
}

fn key(name: &str) -> String {
    name.to_lowercase()
}

impl Scopes {
    /// Just the global scope.
    pub fn new() -> Scopes {
        Scopes {
            stack: vec![Scope::default()],
            script: 0,
        }
    }

    /// Enters a new innermost scope (function or script-block call).
    pub fn push(&mut self) {
        self.stack.push(Scope::default());
    }

    /// Enters a scope kept from an earlier call (a function's scope between its begin,
    /// process and end blocks).
    pub fn push_scope(&mut self, scope: Scope) {
        self.stack.push(scope);
    }

    /// Leaves the innermost scope and hands it back (never the global one).
    pub fn pop_scope(&mut self) -> Scope {
        if self.stack.len() > 1 {
            let s = self.stack.pop().unwrap_or_default();
            self.script = self.script.min(self.stack.len() - 1);
            s
        } else {
            Scope::default()
        }
    }

    /// Leaves the innermost scope (never the global one).
    pub fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        self.script = self.script.min(self.stack.len() - 1);
    }

    /// Makes the innermost scope the script scope (a script file starts running);
    /// returns the previous script scope index for [`Scopes::restore_script`].
    pub fn mark_script(&mut self) -> usize {
        std::mem::replace(&mut self.script, self.stack.len() - 1)
    }

    pub fn restore_script(&mut self, previous: usize) {
        self.script = previous.min(self.stack.len() - 1);
    }

    /// How many scopes are on the stack.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The index a scope prefix names (`None` = no prefix, i.e. innermost for writes).
    fn index_of(&self, scope: Option<&str>) -> Option<usize> {
        match scope.map(str::to_lowercase).as_deref() {
            Some("global") => Some(0),
            Some("script") => Some(self.script),
            // `$Variable:x` names the variable drive, which sees what `$x` sees.
            Some("local") | Some("private") | Some("variable") | None => Some(self.stack.len() - 1),
            _ => None,
        }
    }

    /// Reads a variable. `$env:X` reads the environment; other prefixes pick one scope;
    /// no prefix searches from the innermost scope out.
    pub fn get(&self, scope: Option<&str>, name: &str) -> Option<Value> {
        if let Some(s) = scope {
            if s.eq_ignore_ascii_case("env") {
                return env_var(name).map(Value::str);
            }
            let searches = ["local", "private", "variable"];
            if !searches.iter().any(|p| s.eq_ignore_ascii_case(p)) {
                let i = self.index_of(scope)?;
                return self.stack.get(i)?.vars.get(&key(name)).cloned();
            }
        }
        let k = key(name);
        self.stack
            .iter()
            .rev()
            .find_map(|s| s.vars.get(&k).cloned())
    }

    /// Assigns a variable in the scope the prefix names (innermost without one).
    pub fn set(&mut self, scope: Option<&str>, name: &str, value: Value) {
        if scope.is_some_and(|s| s.eq_ignore_ascii_case("env")) {
            set_env(name, &value);
            return;
        }
        let i = self.index_of(scope).unwrap_or(self.stack.len() - 1);
        if let Some(s) = self.stack.get_mut(i) {
            s.vars.insert(key(name), value);
        }
    }

    /// The type constraint of a variable in the scope an assignment would write.
    pub fn constraint(&self, scope: Option<&str>, name: &str) -> Option<String> {
        let i = self.index_of(scope)?;
        self.stack.get(i)?.constraints.get(&key(name)).cloned()
    }

    /// Constrains a variable to a type (canonical name) in the scope an assignment writes.
    pub fn set_constraint(&mut self, scope: Option<&str>, name: &str, type_name: &str) {
        let i = self.index_of(scope).unwrap_or(self.stack.len() - 1);
        if let Some(s) = self.stack.get_mut(i) {
            s.constraints.insert(key(name), type_name.to_string());
        }
    }

    /// Removes a variable from the scope that holds it (`Remove-Variable`).
    pub fn remove(&mut self, name: &str) -> bool {
        let k = key(name);
        for s in self.stack.iter_mut().rev() {
            if s.vars.remove(&k).is_some() {
                return true;
            }
        }
        false
    }

    /// Sets a variable in the global scope (the engine's own variables: preferences,
    /// `$LASTEXITCODE`).
    pub fn set_global(&mut self, name: &str, value: Value) {
        if let Some(s) = self.stack.first_mut() {
            s.vars.insert(key(name), value);
        }
    }

    /// Defines a function in the innermost scope (or the one a `global:`/`script:` prefix
    /// names).
    pub fn define_function(&mut self, name: &str, f: Rc<FunctionValue>) {
        let (scope, bare) = match name.split_once(':') {
            Some((s, n)) => (Some(s), n),
            None => (None, name),
        };
        let i = self.index_of(scope).unwrap_or(self.stack.len() - 1);
        if let Some(s) = self.stack.get_mut(i) {
            s.functions.insert(key(bare), f);
        }
    }

    /// Finds a function, innermost scope first.
    pub fn function(&self, name: &str) -> Option<Rc<FunctionValue>> {
        let k = key(name);
        self.stack
            .iter()
            .rev()
            .find_map(|s| s.functions.get(&k).cloned())
    }

    /// All visible functions (innermost definitions win), by name.
    pub fn functions(&self) -> Vec<Rc<FunctionValue>> {
        let mut seen = HashMap::new();
        for s in self.stack.iter().rev() {
            for (k, f) in &s.functions {
                seen.entry(k.clone()).or_insert_with(|| f.clone());
            }
        }
        seen.into_values().collect()
    }

    /// All visible variables `(name, value)` (innermost wins).
    pub fn variables(&self) -> Vec<(String, Value)> {
        let mut seen: HashMap<String, Value> = HashMap::new();
        for s in self.stack.iter().rev() {
            for (k, v) in &s.vars {
                seen.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        let mut all: Vec<(String, Value)> = seen.into_iter().collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

fn set_env(name: &str, value: &Value) {
    // Names the OS cannot hold (empty, `=`, NUL) are ignored rather than panicking.
    let text = value.to_string();
    if name.is_empty() || name.contains(['=', '\0']) || text.contains('\0') {
        return;
    }
    if value.is_null() || text.is_empty() {
        ENV_OVERLAY.with(|o| o.borrow_mut().insert(name.to_string(), None));
    } else {
        ENV_OVERLAY.with(|o| o.borrow_mut().insert(name.to_string(), Some(text)));
    }
}

thread_local! {
    /// `$env:X = ...` assignments. Edition 2024 makes `std::env::set_var` unsafe, and
    /// unsafe code is forbidden, so assignments live here and reads consult this first.
    static ENV_OVERLAY: std::cell::RefCell<HashMap<String, Option<String>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// Every environment variable, with the shell's own `$env:` assignments, by name.
pub fn env_vars() -> Vec<(String, String)> {
    let mut vars: std::collections::BTreeMap<String, String> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    ENV_OVERLAY.with(|o| {
        for (name, value) in o.borrow().iter() {
            match value {
                Some(v) => vars.insert(name.clone(), v.clone()),
                None => vars.remove(name),
            };
        }
    });
    vars.into_iter().collect()
}

/// Reads an environment variable, seeing the shell's own `$env:` assignments.
pub fn env_var(name: &str) -> Option<String> {
    let overlaid = ENV_OVERLAY.with(|o| o.borrow().get(name).cloned());
    match overlaid {
        Some(v) => v,
        None => std::env::var(name).ok(),
    }
}
