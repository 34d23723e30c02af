//! New-TimeSpan and New-Guid: a length of time (between two dates, or from days, hours,
//! minutes, seconds and milliseconds), and a new random GUID — what report scripts use
//! for "days since last logon" and for unique names. TimeSpans print with pwsh's views
//! (a list of Days ... TotalMilliseconds; a table of Days ... Milliseconds).

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::timespan::{
    TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE, TICKS_PER_SECOND, TYPE,
    between, from_ticks,
};
use crate::engine::value::Value;
use crate::format::view::{Shape, View, Views};

/// pwsh's TimeSpan views.
pub fn register_views(r: &Views) {
    r.register(
        TYPE,
        View::list_of(&[
            "Days",
            "Hours",
            "Minutes",
            "Seconds",
            "Milliseconds",
            "Ticks",
            "TotalDays",
            "TotalHours",
            "TotalMinutes",
            "TotalSeconds",
            "TotalMilliseconds",
        ]),
    );
    r.register(
        TYPE,
        View::table_of(&["Days", "Hours", "Minutes", "Seconds", "Milliseconds"]),
    );
    let mut wide = View::table_of(&["TotalMilliseconds"]);
    wide.shape = Shape::Wide;
    r.register(TYPE, wide);
}

struct NewTimeSpan;

impl Processor for NewTimeSpan {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let date = |name: &str| match cx.param(name) {
            Some(Value::DateTime(t)) => Some(*t),
            _ => None,
        };
        let ticks = if cx.args.set.as_deref() == Some("Time") {
            let amount = |name: &str| match cx.param(name) {
                Some(Value::Int(n)) => i64::from(*n),
                _ => 0,
            };
            amount("Days") * TICKS_PER_DAY
                + amount("Hours") * TICKS_PER_HOUR
                + amount("Minutes") * TICKS_PER_MINUTE
                + amount("Seconds") * TICKS_PER_SECOND
                + amount("Milliseconds") * TICKS_PER_MILLISECOND
        } else {
            let now = chrono::Local::now().naive_local();
            let start = date("Start").unwrap_or(now);
            let end = date("End").unwrap_or(now);
            between(&end, &start)
        };
        cx.write(from_ticks(ticks))
    }
}

pub fn new_time_span() -> CommandInfo {
    let amount = |name: &str| Param::new(name, ParamType::Int).set("Time");
    let sig = Signature::new("New-TimeSpan")
        .synopsis("Creates a TimeSpan object.")
        .param(
            Param::new("Start", ParamType::DateTime)
                .alias("LastWriteTime")
                .position(0)
                .from_pipeline_by_name()
                .set("Date"),
        )
        .param(
            Param::new("End", ParamType::DateTime)
                .position(1)
                .from_pipeline_by_name()
                .set("Date"),
        )
        .param(amount("Days"))
        .param(amount("Hours"))
        .param(amount("Minutes"))
        .param(amount("Seconds"))
        .param(amount("Milliseconds"))
        .default_set("Date")
        .example(
            "Days between two dates",
            "(New-TimeSpan -Start '2024-01-01' -End '2024-03-01').Days",
            "60",
        )
        .example(
            "A span from its parts prints as .NET writes it",
            "\"$(New-TimeSpan -Days 1 -Hours 2 -Minutes 30)\"",
            "1.02:30:00",
        );
    CommandInfo::new(sig, || Box::new(NewTimeSpan))
}

struct NewGuid;

impl Processor for NewGuid {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let guid = if cx.switch("Empty") {
            Value::Guid(0)
        } else {
            Value::Guid(crate::engine::members::new_guid())
        };
        cx.write(guid)
    }
}

pub fn new_guid() -> CommandInfo {
    let sig = Signature::new("New-Guid")
        .synopsis("Creates a GUID.")
        .param(Param::switch("Empty"))
        .example(
            "The empty GUID",
            "New-Guid -Empty",
            "\nGuid\n----\n00000000-0000-0000-0000-000000000000\n",
        )
        .example(
            "A new GUID is 36 characters",
            "(New-Guid).ToString().Length",
            "36",
        );
    CommandInfo::new(sig, || Box::new(NewGuid))
}
