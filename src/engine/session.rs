//! Running a whole text: parse, run with output to Out-Default, show what went wrong,
//! and compute pwsh's exit code.

use std::rc::Rc;

use super::binder::Arg;
use super::flow::Flow;
use super::runtime::{Engine, ErrorView};
use super::value::{Hashtable, Value};
use crate::syntax::ast::Source;
use crate::syntax::error::render;
use crate::syntax::parser::parse_script;

/// How the text came: a script file (`-File`), a command (`-Command`, stdin), or an
/// input typed at the interactive prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    File,
    Command,
    Interactive,
}

/// How an interactive input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputEnd {
    /// It ran to its end (or stopped at an error); the session goes on.
    Done,
    /// Ctrl-C stopped it.
    Stopped,
    /// It ran `exit N`: the session ends with this code.
    Exit(i32),
}

impl Engine {
    /// Sets the automatic and preference variables a session starts with.
    pub fn init_session_variables(&mut self) {
        let s = &mut self.scopes;
        s.set_global("FormatEnumerationLimit", Value::Int(4));
        s.set_global("ErrorActionPreference", Value::str("Continue"));
        s.set_global("WarningPreference", Value::str("Continue"));
        s.set_global("VerbosePreference", Value::str("SilentlyContinue"));
        s.set_global("DebugPreference", Value::str("SilentlyContinue"));
        s.set_global("InformationPreference", Value::str("SilentlyContinue"));
        s.set_global("ConfirmPreference", Value::str("High"));
        s.set_global("WhatIfPreference", Value::Bool(false));
        s.set_global("IsLinux", Value::Bool(cfg!(target_os = "linux")));
        s.set_global("IsMacOS", Value::Bool(cfg!(target_os = "macos")));
        s.set_global("IsWindows", Value::Bool(cfg!(windows)));
        s.set_global(
            "PID",
            Value::Int(i32::try_from(std::process::id()).unwrap_or(0)),
        );
        if let Some(home) = super::scope::env_var("HOME") {
            s.set_global("HOME", Value::str(home));
        }
        s.set_global("PWD", super::location::path_info(&self.location.current()));
        let mut v = Hashtable::new(false);
        let mut version = super::object::PsObject::new(vec![
            "System.Management.Automation.SemanticVersion".into(),
        ]);
        version.set("Major", Value::Int(7));
        version.set("Minor", Value::Int(4));
        version.set("Patch", Value::Int(0));
        version.set("PreReleaseLabel", Value::Null);
        version.set("BuildLabel", Value::Null);
        v.insert(Value::str("PSVersion"), Value::object(version));
        v.insert(Value::str("PSEdition"), Value::str("Core"));
        v.insert(Value::str("Platform"), Value::str("Unix"));
        s.set_global("PSVersionTable", Value::hashtable(v));
    }

    /// Parses and runs `source`, output to Out-Default; returns the exit code pwsh would
    /// give: for a file, `exit N`'s value, 1 after an unhandled terminating error (or a
    /// parse error), else 0; for a command, also 1 when the last statement failed.
    pub fn run_source(&mut self, source: Rc<Source>, args: Vec<Arg>, mode: RunMode) -> i32 {
        self.run_text(source, args, mode).0
    }

    /// Runs one input typed (or pasted) at the interactive prompt, in the global scope,
    /// as pwsh's console does: errors of a single line in ConciseView, `$?` and the
    /// session's state kept for the next input, `$LASTEXITCODE` left alone. A named
    /// source (the profile) shows errors with their position, as a script does.
    pub fn run_interactive(&mut self, source: Rc<Source>) -> InputEnd {
        self.run_text(source, Vec::new(), RunMode::Interactive).1
    }

    /// Runs a text; the exit code and how it ended.
    fn run_text(&mut self, source: Rc<Source>, args: Vec<Arg>, mode: RunMode) -> (i32, InputEnd) {
        let multi_line = source.text.trim_end().contains('\n') || !source.name.is_empty();
        self.error_view = match mode {
            RunMode::File => ErrorView::WithPosition,
            RunMode::Command | RunMode::Interactive if multi_line => ErrorView::WithPosition,
            RunMode::Command | RunMode::Interactive => ErrorView::Concise,
        };
        let ast = match parse_script(&source.text) {
            Ok(ast) => Rc::new(ast),
            Err(errors) => {
                self.host.err(&render(&source, &errors));
                self.last_success = false;
                return (1, InputEnd::Done);
            }
        };
        let mut sink = self.out_default_sink();
        let in_global = mode != RunMode::File;
        let result = self.run_script(ast, source, args, in_global, &mut sink);
        let flushed = sink.finish(self);
        let (code, end) = match result.and_then(|code| flushed.map(|()| code)) {
            Ok(Some(code)) => (code, InputEnd::Exit(code)),
            Ok(None) => match mode {
                RunMode::Command if !self.last_success => (1, InputEnd::Done),
                _ => (0, InputEnd::Done),
            },
            Err(Flow::Error(rec)) | Err(Flow::Throw(rec)) => {
                self.record_error(rec.clone());
                self.show_error(&rec);
                self.last_success = false;
                (1, InputEnd::Done)
            }
            Err(Flow::Exit(code)) => (code, InputEnd::Exit(code)),
            Err(Flow::StepLimit) => {
                self.host
                    .err("exosh: the step limit was reached; evaluation stopped.\n");
                (1, InputEnd::Done)
            }
            // Ctrl-C: pwsh stops without a message.
            Err(Flow::Stopped) => {
                self.last_success = false;
                (1, InputEnd::Stopped)
            }
            Err(Flow::Break(_))
            | Err(Flow::Continue(_))
            | Err(Flow::Return)
            | Err(Flow::StopUpstream) => (0, InputEnd::Done),
        };
        if mode != RunMode::Interactive {
            self.scopes.set_global("LASTEXITCODE", Value::Int(code));
        }
        (code, end)
    }
}

/// Runs `text` as a command with the given commands and returns everything it printed
/// (output, host text and errors, in order). For command examples and tests.
pub fn run_to_string(registry: super::command::Registry, text: &str) -> String {
    let host = super::runtime::CaptureHost::default();
    let captured = host.text.clone();
    let mut engine = Engine::new(registry, Box::new(host));
    engine.init_session_variables();
    engine.run_source(Source::new("", text), Vec::new(), RunMode::Command);

    captured.borrow().clone()
}
