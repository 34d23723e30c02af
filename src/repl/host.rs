//! The shell behind the console: one [`Engine`] for the whole session (so variables,
//! functions, `$?` and `$Error` carry from one input to the next), the prompt, the
//! profile, Ctrl-C, and the session history Get-History reads.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::ReplHost;
use super::candidates;
use super::complete::{Argument, CompletionSource};
use crate::commands::core::history::{self, Status};
use rustyline::error::ReadlineError;

use crate::engine::command::Registry;
use crate::engine::runtime::{Engine, Host, StdHost};
use crate::engine::session::InputEnd;
use crate::engine::value::Value;
use crate::syntax::ast::Source;
use crate::syntax::parser::parse_script;

/// The engine as the console's host.
pub struct EngineHost {
    engine: Engine,
    /// Set by the SIGINT handler while an input runs; the engine stops at its next step.
    interrupt: Arc<AtomicBool>,
    /// The prompt last shown, before the input it was answered with (for transcripts).
    shown_prompt: String,
}

/// The terminal as the engine's host: output and errors written as [`StdHost`] writes
/// them, and questions (a missing mandatory parameter) answered on the terminal, where
/// Ctrl-C stops the command as it does while one runs.
pub struct ConsoleIo {
    interrupt: Arc<AtomicBool>,
}

impl Host for ConsoleIo {
    fn out(&mut self, text: &str) {
        StdHost.out(text);
    }

    fn err(&mut self, text: &str) {
        StdHost.err(text);
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        // The lines before the last are a header; the line editor shows the last.
        let question = match prompt.rsplit_once('\n') {
            Some((header, question)) => {
                self.out(&format!("{header}\n"));
                question
            }
            None => prompt,
        };
        let mut editor = rustyline::DefaultEditor::new().ok()?;
        match editor.readline(question) {
            Ok(line) => Some(line),
            Err(ReadlineError::Interrupted) => {
                self.interrupt.store(true, Ordering::Relaxed);
                None
            }
            Err(_) => None,
        }
    }

    fn read_secret(&mut self, prompt: &str) -> Option<String> {
        crate::engine::runtime::read_terminal_secret(prompt)
    }
}

/// `$PROFILE`: `$XDG_CONFIG_HOME/exosh/profile.ps1`, else `~/.config/exosh/profile.ps1`.
pub fn profile_path() -> Option<PathBuf> {
    match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(d) => Some(PathBuf::from(d).join("exosh").join("profile.ps1")),
        None => std::env::var_os("HOME").map(|h| {
            PathBuf::from(h)
                .join(".config")
                .join("exosh")
                .join("profile.ps1")
        }),
    }
}

impl EngineHost {
    /// A session with the given commands, writing to the terminal: `$PROFILE` set, and
    /// Ctrl-C stopping a running input instead of ending the process (the line editor
    /// reads Ctrl-C itself while editing).
    pub fn new(registry: Registry) -> EngineHost {
        let interrupt = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupt);
        if let Err(e) = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)) {
            eprintln!("exosh: Ctrl-C cannot stop commands in this session: {e}");
        }
        let io = ConsoleIo {
            interrupt: Arc::clone(&interrupt),
        };
        let mut engine = Engine::new(registry, Box::new(io));
        engine.init_session_variables();
        engine.set_interrupt(Arc::clone(&interrupt));
        if let Some(path) = profile_path() {
            engine
                .scopes
                .set_global("PROFILE", Value::str(path.to_string_lossy()));
        }
        EngineHost {
            engine,
            interrupt,
            shown_prompt: String::new(),
        }
    }

    /// Runs the profile script in the global scope, as pwsh dot-sources `$PROFILE`;
    /// `Some(code)` when it ran `exit`. A missing profile is not an error.
    pub fn run_profile(&mut self, path: &Path) -> Option<i32> {
        let text = crate::engine::encoding::decode(&std::fs::read(path).ok()?);
        self.run_unrecorded(Source::new(path.to_string_lossy(), text))
    }

    /// Runs `-NoExit -Command` text before the first prompt (not part of the history);
    /// `Some(code)` when it ran `exit`.
    pub fn run_startup(&mut self, text: &str) -> Option<i32> {
        self.run_unrecorded(Source::new("", text))
    }

    fn run_unrecorded(&mut self, source: Rc<Source>) -> Option<i32> {
        match self.engine.run_interactive(source) {
            InputEnd::Exit(code) => Some(code),
            InputEnd::Done | InputEnd::Stopped => None,
        }
    }

    /// The user's `prompt` function's output, or `None` when there is none or it failed
    /// (pwsh then shows `PS>`). It leaves `$?` as the last input left it.
    fn user_prompt(&mut self) -> Option<String> {
        self.engine.scopes.function("prompt")?;
        let ast = parse_script("prompt").ok()?;
        let saved = self.engine.last_success;
        let mut out: Vec<Value> = Vec::new();
        let result = self.engine.run_script(
            Rc::new(ast),
            Source::new("", "prompt"),
            Vec::new(),
            true,
            &mut out,
        );
        self.engine.last_success = saved;
        result.ok()?;
        Some(
            out.iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

impl ReplHost for EngineHost {
    fn prompt(&mut self) -> String {
        // The line editor reads Ctrl-C itself; one pressed from here on stops the input.
        self.interrupt.store(false, Ordering::Relaxed);
        // The line editor completes file names from the process's directory: it follows
        // the session's location.
        let _ = std::env::set_current_dir(self.engine.location.current());
        self.shown_prompt = if self.engine.scopes.function("prompt").is_some() {
            self.user_prompt()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| "PS>".to_string())
        } else {
            format!("PS {}> ", self.engine.location.current_text())
        };
        self.shown_prompt.clone()
    }

    fn run(&mut self, text: &str) -> Option<i32> {
        let start = chrono::Local::now().naive_local();
        let typed = format!("{}{text}", self.shown_prompt);
        self.engine.host.input_line(&typed);
        let end_of = self.engine.run_interactive(Source::new("", text));
        // A Ctrl-C that came after the last step is spent here, not on the next input.
        self.interrupt.store(false, Ordering::Relaxed);
        let status = match end_of {
            InputEnd::Stopped => Status::Stopped,
            _ if self.engine.last_success => Status::Completed,
            _ => Status::Failed,
        };
        let end = chrono::Local::now().naive_local();
        history::record(&self.engine.session, text, status, start, end);
        match end_of {
            InputEnd::Exit(code) => Some(code),
            InputEnd::Done | InputEnd::Stopped => None,
        }
    }
}

impl CompletionSource for EngineHost {
    fn commands(&self) -> Vec<String> {
        candidates::commands(&self.engine)
    }

    fn parameters(&self, command: &str) -> Vec<String> {
        candidates::parameters(&self.engine, command)
    }

    fn values(&self, argument: &Argument) -> Vec<String> {
        candidates::values(&self.engine, argument)
    }

    fn variables(&self) -> Vec<String> {
        candidates::variables(&self.engine)
    }

    fn members(&self, variable: &str, path: &[String]) -> Vec<String> {
        candidates::members(&self.engine, variable, path)
    }
}
