//! Runs one command's processor directly with bound arguments and pipeline input, for
//! unit tests of cmdlets whose behaviour needs no script evaluation.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::command::{Bound, CommandInfo, Ctx, Preferences, Registry};
use crate::engine::runtime::{ActionPreference, CaptureHost, Engine};
use crate::engine::state::SessionState;
use crate::engine::value::Value;
use crate::format::view::Views;

/// What a run produced: the output objects and the host text (errors included).
pub struct Run {
    pub output: Vec<Value>,
    pub host: String,
}

/// A session to run commands in directly: its engine and what it printed.
pub struct TestSession {
    engine: Engine,
    printed: Rc<RefCell<String>>,
}

impl TestSession {
    /// A new session set up by `registry`'s modules (their views, for instance).
    pub fn new(registry: Registry) -> TestSession {
        let host = CaptureHost::default();
        let printed = host.text.clone();
        TestSession {
            engine: Engine::new(registry, Box::new(host)),
            printed,
        }
    }

    /// The session's state, to install what a test needs (an organisation).
    pub fn state(&self) -> &SessionState {
        &self.engine.session
    }

    /// Runs `info` with `args` over `inputs` (begin, process per input, end). With no
    /// inputs, process runs once without one, as for the first command of a pipeline.
    pub fn run(&mut self, info: &CommandInfo, args: &[(&str, Value)], inputs: &[Value]) -> Run {
        let bound = Bound {
            values: args
                .iter()
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect(),
            set: None,
        };
        let mut output: Vec<Value> = Vec::new();
        let mut failed = false;
        let mut answered = crate::engine::confirm::ContinueStatus::default();
        let mut processor = (info.factory)();
        {
            let mut cx = Ctx {
                engine: &mut self.engine,
                out: &mut output,
                args: &bound,
                sig: &info.sig,
                prefs: Preferences {
                    error: ActionPreference::Continue,
                    warning: ActionPreference::Continue,
                    verbose: false,
                    debug: false,
                    what_if: false,
                    confirm: crate::engine::confirm::ConfirmImpact::High,
                },
                failed: &mut failed,
                position: None,
                error_var: None,
                warning_var: None,
                merge_errors: false,
                answered: &mut answered,
            };
            let mut go = || -> Result<(), crate::engine::command::Flow> {
                processor.begin(&mut cx)?;
                if inputs.is_empty() {
                    processor.process(&mut cx, None)?;
                }
                for v in inputs {
                    processor.process(&mut cx, Some(v.clone()))?;
                }
                processor.end(&mut cx)
            };
            if let Err(crate::engine::command::Flow::Error(e)) = go() {
                cx.engine.show_error(&e);
            }
        }
        Run {
            output,
            host: self.printed.take(),
        }
    }

    /// The text the output prints as in this session (Out-String at width 120).
    pub fn shown(&self, output: &[Value]) -> String {
        let views = self.state().get::<Views>().registry();
        crate::format::text_of(output, Default::default(), 120, views)
    }
}

/// Runs `info` in a new session of its own (see [`TestSession::run`]).
pub fn run(info: &CommandInfo, args: &[(&str, Value)], inputs: &[Value]) -> Run {
    TestSession::new(Registry::new()).run(info, args, inputs)
}

/// The text the output prints as with the built-in views (Out-String at width 120).
pub fn shown(output: &[Value]) -> String {
    TestSession::new(Registry::new()).shown(output)
}
