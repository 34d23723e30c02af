//! Non-local control flow: what unwinds the evaluator out of blocks, loops and pipelines.

use std::rc::Rc;

use super::error::ErrorRecord;

/// Why evaluation stopped early. Everything the evaluator and processors return as `Err`.
#[derive(Debug, Clone)]
pub enum Flow {
    /// `break` / `break label`.
    Break(Option<String>),
    /// `continue` / `continue label`.
    Continue(Option<String>),
    /// `return` (its value was already written to the output).
    Return,
    /// `exit N`.
    Exit(i32),
    /// A statement-terminating error (a runtime error, a binding error, a cmdlet's
    /// terminating error): the statement stops, the script goes on with the next one,
    /// unless a `try` is active.
    Error(Rc<ErrorRecord>),
    /// A script-terminating error (`throw`, `-ErrorAction Stop`): unwinds to the nearest
    /// `try`, or ends the script.
    Throw(Rc<ErrorRecord>),
    /// A command needs no more input (`Select-Object -First`): the commands before it
    /// stop (their end blocks do not run), it and the ones after it end normally.
    StopUpstream,
    /// The step budget ([`super::runtime::Engine::set_step_limit`]) ran out.
    StepLimit,
    /// The user pressed Ctrl-C ([`super::runtime::Engine::set_interrupt`]): the running
    /// input stops between two objects or statements, as pwsh's pipeline stop does;
    /// no `catch` sees it.
    Stopped,
}
