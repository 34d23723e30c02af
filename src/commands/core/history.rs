//! Get-History (`h`, `history`, `ghy`) and Invoke-History (`r`, `ihy`): the commands typed
//! at the interactive prompt in this session, as pwsh keeps them. The console records
//! each input with [`record`]; scripts see an empty history, as in pwsh.
//!
//! The list is kept in the engine's session state ([`History`]), so the console and the
//! cmdlets share it without the engine knowing about consoles.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDateTime;

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::object::PsObject;
use crate::engine::state::SessionState;
use crate::engine::value::{ScriptBlockValue, Value};
use crate::format::select::{Align, Column, Expr};
use crate::format::view::{View, Views};
use crate::syntax::ast::Source;
use crate::syntax::parser::parse_script;

/// Get-History's output type.
pub const HISTORY_INFO: &str = "Microsoft.PowerShell.Commands.HistoryInfo";

/// How an input ended (HistoryInfo's ExecutionStatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Completed,
    Failed,
    Stopped,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Completed => "Completed",
            Status::Failed => "Failed",
            Status::Stopped => "Stopped",
        }
    }
}

/// One input of the session.
#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    command_line: String,
    status: Status,
    start: NaiveDateTime,
    end: NaiveDateTime,
}

/// The session's history, a slot of its state.
#[derive(Default)]
pub struct History(RefCell<Entries>);

#[derive(Default)]
struct Entries {
    list: Vec<Entry>,
    /// The command line Invoke-History ran during the current input: the input is
    /// recorded as that line rather than as `r`, as pwsh does.
    invoked: Option<String>,
}

/// pwsh's `$MaximumHistoryCount` default: older entries are dropped.
const MAXIMUM_HISTORY_COUNT: usize = 4096;

/// Adds an input to the session's history (the line Invoke-History re-ran, when it
/// did); returns its Id.
pub fn record(
    session: &SessionState,
    command_line: &str,
    status: Status,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> i64 {
    let history = session.get::<History>();
    let mut h = history.0.borrow_mut();
    let command_line = h.invoked.take().unwrap_or_else(|| command_line.to_string());
    let id = h.list.last().map_or(1, |e| e.id + 1);
    h.list.push(Entry {
        id,
        command_line,
        status,
        start,
        end,
    });
    if h.list.len() > MAXIMUM_HISTORY_COUNT {
        h.list.remove(0);
    }
    id
}

fn entries(cx: &Ctx) -> Vec<Entry> {
    cx.session().get::<History>().0.borrow().list.clone()
}

fn history_info(e: &Entry) -> Value {
    let mut o = PsObject::new(vec![HISTORY_INFO.into(), "System.Object".into()]);
    o.set("Id", Value::Long(e.id));
    o.set("CommandLine", Value::str(&e.command_line));
    o.set("ExecutionStatus", Value::str(e.status.name()));
    o.set("StartExecutionTime", Value::DateTime(e.start));
    o.set("EndExecutionTime", Value::DateTime(e.end));
    o.set("Duration", Value::str(time_span(e.end - e.start)));
    Value::object(o)
}

/// A duration as .NET's TimeSpan prints it (`00:00:01.2340000`).
fn time_span(d: chrono::TimeDelta) -> String {
    let ticks = d.num_microseconds().unwrap_or(0).max(0) * 10;
    let secs = ticks / 10_000_000;
    let frac = ticks % 10_000_000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let (days, h) = (h / 24, h % 24);
    let day = if days > 0 {
        format!("{days}.")
    } else {
        String::new()
    };
    format!("{day}{h:02}:{m:02}:{s:02}.{frac:07}")
}

/// The Duration column of pwsh 7.4's history table: `s.fff`, `m:ss.fff`, `h:mm:ss.fff`.
fn duration_cell(v: &Value) -> Value {
    let time = |name: &str| match crate::format::select::property_value(v, name) {
        Some(Value::DateTime(t)) => Some(t),
        _ => None,
    };
    let (Some(start), Some(end)) = (time("StartExecutionTime"), time("EndExecutionTime")) else {
        return Value::Null;
    };
    let ms = (end - start).num_milliseconds().max(0);
    let (secs, ms) = (ms / 1000, ms % 1000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    Value::str(if h > 0 {
        format!("{h}:{m:02}:{s:02}.{ms:03}")
    } else if m > 0 {
        format!("{m}:{s:02}.{ms:03}")
    } else {
        format!("{s}.{ms:03}")
    })
}

/// pwsh 7.4's view: Id (4 cells, right), Duration (12 cells, right), CommandLine.
pub fn register_views(session: &SessionState) {
    session.get::<Views>().register(
        HISTORY_INFO,
        View::table(vec![
            Column {
                label: None,
                expr: Expr::Property("Id".into()),
                align: Align::Right,
                width: 4,
            },
            Column {
                label: Some("Duration".into()),
                expr: Expr::Script {
                    text: "Duration".into(),
                    eval: Rc::new(duration_cell),
                },
                align: Align::Right,
                width: 12,
            },
            Column::property("CommandLine"),
        ]),
    );
}

/// The Ids a parameter gives (numbers, or text that reads as one).
fn ids(value: Option<&Value>) -> Vec<i64> {
    let one = |v: &Value| match v {
        Value::Int(i) => Some(i64::from(*i)),
        Value::Long(l) => Some(*l),
        other => other.to_string().trim().parse().ok(),
    };
    match value {
        Some(Value::Array(items)) => items.borrow().iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
}

struct GetHistory;

impl Processor for GetHistory {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let all = entries(cx);
        let wanted = ids(cx.param("Id"));
        let count = cx
            .param("Count")
            .and_then(|c| c.to_string().trim().parse::<usize>().ok());
        if wanted.is_empty() {
            let skip = count.map_or(0, |c| all.len().saturating_sub(c));
            for e in &all[skip..] {
                cx.write(history_info(e))?;
            }
            return Ok(());
        }
        for id in wanted {
            match all.iter().find(|e| e.id == id) {
                Some(e) => cx.write(history_info(e))?,
                None => cx.error(
                    &format!("Cannot locate history for Id {id}."),
                    "GetHistoryNoHistoryForId",
                    ErrorCategory::ObjectNotFound,
                )?,
            }
        }
        Ok(())
    }
}

struct InvokeHistory;

impl Processor for InvokeHistory {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let all = entries(cx);
        let spec = cx.string("Id").filter(|s| !s.trim().is_empty());
        let found = match &spec {
            None => all.last().ok_or_else(|| {
                cx.terminating(
                    "Cannot locate the most recent history.",
                    "InvokeHistoryNoLastHistoryEntryFound",
                    ErrorCategory::ObjectNotFound,
                )
            })?,
            Some(text) => match text.trim().parse::<i64>() {
                Ok(id) => all.iter().find(|e| e.id == id).ok_or_else(|| {
                    cx.terminating(
                        &format!("Cannot locate history for Id {id}."),
                        "InvokeHistoryNoHistoryForId",
                        ErrorCategory::ObjectNotFound,
                    )
                })?,
                // Text: the most recent command line starting with it.
                Err(_) => all
                    .iter()
                    .rev()
                    .find(|e| {
                        e.command_line
                            .to_lowercase()
                            .starts_with(&text.to_lowercase())
                    })
                    .ok_or_else(|| {
                        cx.terminating(
                            &format!("Cannot locate history for command line {text}."),
                            "InvokeHistoryNoHistoryForCommandline",
                            ErrorCategory::ObjectNotFound,
                        )
                    })?,
            },
        };
        let line = found.command_line.clone();
        cx.session().get::<History>().0.borrow_mut().invoked = Some(line.clone());
        // pwsh shows the command line it is about to run.
        cx.host(&format!("{line}\n"));
        let ast = parse_script(&line).map_err(|errors| {
            let message = errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_else(|| "The text could not be parsed.".into());
            cx.terminating(&message, "ParseException", ErrorCategory::ParserError)
        })?;
        let block = ScriptBlockValue {
            ast: Rc::new(ast),
            source: Source::new("", line),
        };
        cx.run_block(&block, None, Vec::new())
    }
}

pub fn get_history() -> CommandInfo {
    let sig = Signature::new("Get-History")
        .alias("h")
        .alias("history")
        .alias("ghy")
        .synopsis("Gets a list of the commands entered during the current session.")
        .param(
            Param::new("Id", ParamType::AnyArray)
                .type_name("System.Int64[]")
                .position(0)
                .from_pipeline(),
        )
        .param(Param::new("Count", ParamType::Int).position(1))
        .example(
            "A script has no interactive history",
            "@(Get-History).Count",
            "0",
        );
    CommandInfo::new(sig, || Box::new(GetHistory))
}

pub fn invoke_history() -> CommandInfo {
    let sig = Signature::new("Invoke-History")
        .alias("r")
        .alias("ihy")
        .synopsis("Runs commands from the session history.")
        .param(Param::new("Id", ParamType::String).position(0))
        .supports_should_process();
    CommandInfo::new(sig, || Box::new(InvokeHistory))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::builtin_registry;
    use crate::engine::runtime::{CaptureHost, Engine};
    use crate::engine::session::{RunMode, run_to_string};

    fn at(secs: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000 + secs, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    #[test]
    fn history_lists_and_reruns_what_was_typed() {
        let host = CaptureHost::default();
        let printed = host.text.clone();
        let mut engine = Engine::new(builtin_registry(), Box::new(host));
        engine.init_session_variables();
        record(
            &engine.session,
            "Write-Output one",
            Status::Completed,
            at(0),
            at(1),
        );
        record(
            &engine.session,
            "Write-Output two",
            Status::Completed,
            at(2),
            at(63),
        );
        let mut run = |text: &str| {
            engine.run_source(Source::new("", text), Vec::new(), RunMode::Command);
            printed.take()
        };
        assert_eq!(
            run("Get-History"),
            "\n  Id     Duration CommandLine\n  --     -------- -----------\n   1        1.000 Write-Output one\n   2     1:01.000 Write-Output two\n\n"
        );
        assert_eq!(
            run("(Get-History -Count 1).CommandLine"),
            "Write-Output two\n"
        );
        assert_eq!(run("r 1"), "Write-Output one\none\n");
        assert_eq!(
            run("Invoke-History Write-Output"),
            "Write-Output two\ntwo\n"
        );
        assert_eq!(
            run("r 9"),
            "Invoke-History: Cannot locate history for Id 9.\n"
        );
        assert_eq!(
            run_to_string(builtin_registry(), "@(Get-History).Count"),
            "0\n",
            "another session has its own history"
        );
    }

    #[test]
    fn durations_print_as_time_spans() {
        assert_eq!(
            time_span(chrono::TimeDelta::milliseconds(1234)),
            "00:00:01.2340000"
        );
        assert_eq!(
            time_span(chrono::TimeDelta::hours(25)),
            "1.01:00:00.0000000"
        );
    }
}
