//! The engine's state: commands, scopes, the host, `$Error`, budgets.

use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::command::{Registry, Sink};
use super::display;
use super::error::ErrorRecord;
use super::flow::Flow;
use super::scope::Scopes;
use super::state::SessionState;
use super::value::{ScriptBlockValue, Value};
use crate::syntax::ast::{RedirectStream, Source};

/// `-ErrorAction` / `$ErrorActionPreference` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionPreference {
    Continue,
    SilentlyContinue,
    Stop,
    Ignore,
    Inquire,
}

impl ActionPreference {
    pub const NAMES: [&'static str; 5] =
        ["Continue", "SilentlyContinue", "Stop", "Ignore", "Inquire"];

    /// Parses a preference name (case-insensitive), as `-ErrorAction Stop` gives it.
    pub fn parse(text: &str) -> Option<ActionPreference> {
        let t = text.trim();
        [
            ActionPreference::Continue,
            ActionPreference::SilentlyContinue,
            ActionPreference::Stop,
            ActionPreference::Ignore,
            ActionPreference::Inquire,
        ]
        .into_iter()
        .zip(Self::NAMES)
        .find(|(_, n)| n.eq_ignore_ascii_case(t))
        .map(|(p, _)| p)
    }

    pub fn name(self) -> &'static str {
        match self {
            ActionPreference::Continue => "Continue",
            ActionPreference::SilentlyContinue => "SilentlyContinue",
            ActionPreference::Stop => "Stop",
            ActionPreference::Ignore => "Ignore",
            ActionPreference::Inquire => "Inquire",
        }
    }
}

/// Where text for the user goes. The terminal host writes stdout/stderr; tests capture.
pub trait Host {
    /// Output text (Out-Default, Write-Host, warnings, verbose).
    fn out(&mut self, text: &str);
    /// Error text.
    fn err(&mut self, text: &str);
    /// Shows `prompt` and reads the line the user answers (without its line end), for
    /// questions such as a missing mandatory parameter. `None`: nobody can answer here
    /// (scripts, `-Command`, tests), and the question becomes an error.
    fn read_line(&mut self, _prompt: &str) -> Option<String> {
        None
    }
    /// Shows `prompt` (its lines before the last are a header) and reads the answer to a
    /// question the running command cannot go on without: a confirmation, or a line at
    /// its nested prompt. `None`: nobody can answer (no console, `-NonInteractive`, end
    /// of input), or Ctrl-C. By default, as [`Host::read_line`].
    fn answer(&mut self, prompt: &str) -> Option<String> {
        self.read_line(prompt)
    }
    /// Shows `prompt` and reads a secret (a password, `Read-Host -AsSecureString`) without
    /// showing what is typed. `None`: nobody can answer here.
    fn read_secret(&mut self, _prompt: &str) -> Option<String> {
        None
    }
    /// An input typed at the interactive prompt, as the console shows it
    /// (`PS /tmp> Get-Date`), for a transcript to record.
    fn input_line(&mut self, _line: &str) {}
}

/// Reads a line from the terminal with its echo off (a password), after `prompt`; the
/// line end the user typed is shown again. `None` without a terminal or at end of input.
pub fn read_terminal_secret(prompt: &str) -> Option<String> {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    let mut out = std::io::stdout();
    let _ = out.write_all(prompt.as_bytes());
    let _ = out.flush();
    let restore = echo_off();
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if let Some(restore) = restore {
        restore();
    }
    let _ = out.write_all(b"\n");
    match read {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
    }
}

/// Turns the terminal's echo off; returns how to turn it back on.
#[cfg(unix)]
fn echo_off() -> Option<Box<dyn FnOnce()>> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    let original = tcgetattr(&stdin).ok()?;
    let mut quiet = original.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    tcsetattr(&stdin, OptionalActions::Now, &quiet).ok()?;
    Some(Box::new(move || {
        let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, &original);
    }))
}

#[cfg(not(unix))]
fn echo_off() -> Option<Box<dyn FnOnce()>> {
    None
}

/// Writes to the process's stdout and stderr.
pub struct StdHost;

impl Host for StdHost {
    fn out(&mut self, text: &str) {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        // A closed stdout (`exosh x.ps1 | head`) must not panic.
        let _ = o.write_all(text.as_bytes());
        let _ = o.flush();
    }
    fn err(&mut self, text: &str) {
        use std::io::Write;
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

/// [`StdHost`] for a script or command run from a console (not `-NonInteractive`):
/// confirmations are asked on the terminal, reading the answer from standard input.
/// Missing mandatory parameters are still reported rather than asked for (powershell.md
/// §2's decision: only the interactive shell asks for them).
pub struct ConsoleHost;

impl Host for ConsoleHost {
    fn out(&mut self, text: &str) {
        StdHost.out(text);
    }
    fn err(&mut self, text: &str) {
        StdHost.err(text);
    }
    fn answer(&mut self, prompt: &str) -> Option<String> {
        use std::io::BufRead;
        StdHost.out(prompt);
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }
    fn read_secret(&mut self, prompt: &str) -> Option<String> {
        read_terminal_secret(prompt)
    }
}

/// Collects everything written, errors and output interleaved in order (for tests and
/// command examples).
#[derive(Default, Clone)]
pub struct CaptureHost {
    pub text: Rc<std::cell::RefCell<String>>,
}

impl Host for CaptureHost {
    fn out(&mut self, text: &str) {
        self.text.borrow_mut().push_str(text);
    }
    fn err(&mut self, text: &str) {
        self.text.borrow_mut().push_str(text);
    }
}

/// How errors are shown: `Cmd: message` alone (typed single-line input), or with the
/// `Line |` block (scripts, multi-line input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorView {
    Concise,
    WithPosition,
}

/// The deepest nesting of function and script-block calls before pwsh's "call depth
/// overflow" (the evaluator runs on a thread with a large stack to afford it).
pub const MAX_CALL_DEPTH: usize = 1000;

pub struct Engine {
    pub registry: Registry,
    pub scopes: Scopes,
    pub host: Box<dyn Host>,
    /// `$Error`: newest first. Shared with the `$Error` value scripts see, so
    /// `$Error.Clear()` empties it.
    pub errors: Rc<std::cell::RefCell<Vec<Value>>>,
    /// `$?`.
    pub last_success: bool,
    pub error_view: ErrorView,
    /// The source being run (for positions of errors raised outside any node).
    pub source: Rc<Source>,
    pub(crate) steps: u64,
    pub(crate) step_limit: Option<u64>,
    /// Current nesting of function and script-block calls.
    pub depth: usize,
    /// The deepest nesting allowed (pwsh's call depth overflow past it).
    pub(crate) max_depth: usize,
    /// How many `try` bodies are running: inside one, statement-terminating errors
    /// propagate to the catch instead of being shown.
    pub(crate) try_depth: usize,
    /// Inside `2>$null`: errors are recorded but not shown.
    pub(crate) suppress_errors: usize,
    /// Where the warning, verbose, debug and information streams go while the current
    /// command runs (`3>$null`, `4>&1`, `*>&1` on it or on a command that called it).
    pub(crate) stream_routes: StreamRoutes,
    /// The functions/scripts being run (name, call position), innermost last: errors
    /// written inside a function are shown as the function's.
    pub(crate) invocations: Vec<(String, Option<super::error::ErrorPosition>)>,
    /// The advanced functions being run, innermost last (`$PSCmdlet`'s state).
    pub(crate) cmdlet_frames: Vec<super::function::CmdletFrame>,
    /// Set (by a Ctrl-C handler) to stop what is running at the next step.
    interrupt: Option<Arc<AtomicBool>>,
    /// What commands keep for the session (the Exchange connection, views, history).
    pub session: SessionState,
    /// The current location and the location stack (the session's, see
    /// [`super::location::Location`]).
    pub location: Rc<super::location::Location>,
}

/// Where one of the streams 2 to 6 goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StreamRoute {
    /// Shown on the host as usual (`WARNING: ...`).
    #[default]
    Host,
    /// `3>$null`: dropped.
    Discard,
    /// `3>&1`: written to the output, so it can be captured or piped.
    Output,
}

/// The routes of the streams a redirection can move, in effect for a running command
/// and everything it calls: `f 3>$null` silences the warnings of the commands inside `f`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamRoutes {
    /// Only [`StreamRoute::Output`] is kept here (`2>&1`); discarded errors are still
    /// recorded in `$Error`, which `suppress_errors` handles.
    pub error: StreamRoute,
    pub warning: StreamRoute,
    pub verbose: StreamRoute,
    pub debug: StreamRoute,
    pub information: StreamRoute,
}

impl StreamRoutes {
    /// Applies `N>&1` / `N>$null` for one stream (`*` is every one).
    pub fn set(&mut self, stream: RedirectStream, route: StreamRoute) {
        match stream {
            RedirectStream::Output => {}
            RedirectStream::Error => self.error = route,
            RedirectStream::Warning => self.warning = route,
            RedirectStream::Verbose => self.verbose = route,
            RedirectStream::Debug => self.debug = route,
            RedirectStream::Information => self.information = route,
            RedirectStream::All => {
                *self = StreamRoutes {
                    error: route,
                    warning: route,
                    verbose: route,
                    debug: route,
                    information: route,
                }
            }
        }
    }
}

impl Engine {
    /// An engine with the given commands, writing to the given host, in a new session
    /// set up by the commands' modules ([`Registry::on_session_start`]).
    pub fn new(registry: Registry, host: Box<dyn Host>) -> Engine {
        let session = SessionState::default();
        registry.start_session(&session);
        Engine {
            location: session.get::<super::location::Location>(),
            session,
            registry,
            scopes: Scopes::new(),
            host,
            errors: Rc::new(std::cell::RefCell::new(Vec::new())),
            last_success: true,
            error_view: ErrorView::WithPosition,
            source: Source::new("", ""),
            steps: 0,
            step_limit: None,
            depth: 0,
            max_depth: MAX_CALL_DEPTH,
            try_depth: 0,
            suppress_errors: 0,
            stream_routes: StreamRoutes::default(),
            invocations: Vec::new(),
            cmdlet_frames: Vec::new(),
            interrupt: None,
        }
    }

    /// Bounds the work of evaluation: after `limit` steps (statements, loop iterations,
    /// pipeline objects) evaluation stops with [`Flow::StepLimit`]. For fuzzing.
    pub fn set_step_limit(&mut self, limit: u64) {
        self.step_limit = Some(limit);
        self.steps = 0;
    }

    /// Lowers the call depth limit (for running on a small stack, e.g. under a fuzzer;
    /// the default needs the large stack `main` gives the evaluator).
    pub fn set_max_depth(&mut self, depth: usize) {
        self.max_depth = depth.min(MAX_CALL_DEPTH);
    }

    /// Gives the engine a flag that, once set (by a Ctrl-C handler), stops what is
    /// running at the next step with [`Flow::Stopped`]. Steps fall between pipeline
    /// objects, statements and loop iterations, so no object's change is left half done.
    pub fn set_interrupt(&mut self, flag: Arc<AtomicBool>) {
        self.interrupt = Some(flag);
    }

    /// Whether Ctrl-C was pressed since the last step (for a command that waits, to stop
    /// waiting; its next [`Engine::tick`] then stops it).
    pub fn interrupted(&self) -> bool {
        self.interrupt
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// Counts one step against the budget, and stops when interrupted.
    pub fn tick(&mut self) -> Result<(), Flow> {
        if let Some(flag) = &self.interrupt {
            // Taken once: `finally` blocks still run while the stop unwinds.
            if flag.swap(false, Ordering::Relaxed) {
                return Err(Flow::Stopped);
            }
        }
        self.steps += 1;
        match self.step_limit {
            Some(limit) if self.steps > limit => Err(Flow::StepLimit),
            _ => Ok(()),
        }
    }

    /// Writes text to the host's output as is.
    pub fn host_write(&mut self, text: &str) {
        self.host.out(text);
    }

    /// Writes a line to the host's output.
    pub fn host_line(&mut self, text: &str) {
        let mut line = String::with_capacity(text.len() + 1);
        line.push_str(text);
        line.push('\n');
        self.host.out(&line);
    }

    /// Records an error in `$Error` and shows it, per the preference; `Stop` turns it into a
    /// terminating error.
    pub fn report_error(
        &mut self,
        record: Rc<ErrorRecord>,
        pref: ActionPreference,
    ) -> Result<(), Flow> {
        match pref {
            ActionPreference::Ignore => Ok(()),
            ActionPreference::SilentlyContinue => {
                self.record_error(record);
                Ok(())
            }
            ActionPreference::Stop => Err(Flow::Throw(record)),
            ActionPreference::Continue | ActionPreference::Inquire => {
                self.record_error(record.clone());
                if self.suppress_errors == 0 {
                    self.show_error(&record);
                }
                Ok(())
            }
        }
    }

    /// Adds an error to `$Error` (newest first), as every reported error is.
    pub fn record_error(&mut self, record: Rc<ErrorRecord>) {
        let mut errors = self.errors.borrow_mut();
        errors.insert(0, Value::Error(record));
        // pwsh keeps $MaximumErrorCount (256) errors.
        errors.truncate(256);
    }

    /// Shows an error on the host's error stream in ConciseView.
    pub fn show_error(&mut self, record: &ErrorRecord) {
        use std::io::IsTerminal;
        let mode = crate::format::color::ColorMode::for_stderr();
        // On a console pwsh wraps a script error's message to the window's width.
        let width = std::io::stderr()
            .is_terminal()
            .then(crate::format::terminal_width);
        let text = display::render_error_wrapped(record, self.error_view, mode, width);
        self.host.err(&text);
    }

    /// `WARNING: text`, per the preference.
    pub fn report_warning(&mut self, text: &str, pref: ActionPreference) -> Result<(), Flow> {
        match pref {
            ActionPreference::Continue | ActionPreference::Inquire => {
                use crate::format::color::{Accent, ColorMode, stream_line};
                let mode = ColorMode::for_stdout();
                self.host_line(&stream_line("WARNING", text, Accent::Warning, mode));
                Ok(())
            }
            ActionPreference::Stop => {
                let record = ErrorRecord::new(
                    format!(
                        "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {text}"
                    ),
                    "ActionPreferenceStop",
                    super::error::ErrorCategory::OperationStopped,
                );
                Err(Flow::Throw(Rc::new(record)))
            }
            ActionPreference::SilentlyContinue | ActionPreference::Ignore => Ok(()),
        }
    }

    /// The innermost function being run and where it was called from.
    pub fn current_invocation(&self) -> Option<(String, Option<super::error::ErrorPosition>)> {
        self.invocations.last().cloned()
    }

    /// Runs a script block (`& $sb`-like, but with `$_` set and in the caller's scope as
    /// ForEach-Object does), writing its output to `out`.
    pub fn invoke_block_to(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        out: &mut dyn Sink,
    ) -> Result<(), Flow> {
        self.run_block_dot_sourced(block, dollar_under, args, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::session::RunMode;
    use crate::syntax::ast::Source;

    /// The step budget stops an endless loop (what a fuzz target relies on).
    #[test]
    fn step_limit_stops_endless_loops() {
        let host = CaptureHost::default();
        let text = host.text.clone();
        let mut engine = Engine::new(Registry::new(), Box::new(host));
        engine.set_step_limit(10_000);
        let code = engine.run_source(
            Source::new("", "while ($true) { $i++ }"),
            Vec::new(),
            RunMode::Command,
        );
        assert_eq!(code, 1);
        assert!(text.borrow().contains("step limit"));
    }

    /// A lowered call depth ends deep recursion with pwsh's message.
    #[test]
    fn max_depth_reports_call_depth_overflow() {
        let host = CaptureHost::default();
        let text = host.text.clone();
        let mut engine = Engine::new(Registry::new(), Box::new(host));
        engine.set_max_depth(50);
        engine.run_source(
            Source::new("", "function f { f }; f"),
            Vec::new(),
            RunMode::Command,
        );
        assert!(
            text.borrow()
                .contains("The script failed due to call depth overflow.")
        );
    }
}
