//! Runs one command's processor directly with bound arguments and pipeline input, for
//! unit tests of cmdlets whose behaviour needs no script evaluation.

use crate::engine::command::{Bound, CommandInfo, Ctx, Preferences, Registry};
use crate::engine::runtime::{ActionPreference, CaptureHost, Engine};
use crate::engine::value::Value;

/// What a run produced: the output objects and the host text (errors included).
pub struct Run {
    pub output: Vec<Value>,
    pub host: String,
}

/// Runs `info` with `args` over `inputs` (begin, process per input, end). With no
/// inputs, process runs once without one, as for the first command of a pipeline.
pub fn run(info: &CommandInfo, args: &[(&str, Value)], inputs: &[Value]) -> Run {
    let host = CaptureHost::default();
    let text = host.text.clone();
    let mut engine = Engine::new(Registry::new(), Box::new(host));
    let bound = Bound {
        values: args
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect(),
        set: None,
    };
    let mut output: Vec<Value> = Vec::new();
    let mut failed = false;
    let mut processor = (info.factory)();
    {
        let mut cx = Ctx {
            engine: &mut engine,
            out: &mut output,
            args: &bound,
            sig: &info.sig,
            prefs: Preferences {
                error: ActionPreference::Continue,
                warning: ActionPreference::Continue,
                verbose: false,
                debug: false,
                what_if: false,
                confirm: false,
            },
            failed: &mut failed,
            position: None,
            error_var: None,
            warning_var: None,
            merge_errors: false,
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
    let host = text.borrow().clone();
    Run { output, host }
}

/// The text the output prints as (Out-String at width 120).
pub fn shown(output: &[Value]) -> String {
    crate::format::text_of(output, Default::default(), 120)
}
