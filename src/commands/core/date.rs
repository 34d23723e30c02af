//! Get-Date: the local time (or `-Date`, adjusted by `-Year` ... `-Second`), as a date or,
//! with `-Format` (.NET format strings) or `-UFormat` (Unix `%` specifiers), as text.

use chrono::{Datelike, Local, NaiveDateTime, Timelike};

use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

/// A date in a .NET format string: a standard one-letter format (`d`, `D`, `t`, `T`,
/// `g`, `G`, `f`, `F`, `s`, `u`, `o`, `M`, `Y`) or a custom pattern (`yyyy-MM-dd HH:mm`),
/// in the invariant (en-US) culture.
pub fn dotnet_format(dt: &NaiveDateTime, format: &str) -> String {
    let pattern = match format {
        "d" => "M/d/yyyy",
        "D" => "dddd, MMMM d, yyyy",
        "t" => "h:mm tt",
        "T" => "h:mm:ss tt",
        "g" => "M/d/yyyy h:mm tt",
        "G" => "M/d/yyyy h:mm:ss tt",
        "f" => "dddd, MMMM d, yyyy h:mm tt",
        "F" => "dddd, MMMM d, yyyy h:mm:ss tt",
        "s" => "yyyy-MM-ddTHH:mm:ss",
        "u" => "yyyy-MM-dd HH:mm:ssZ",
        "o" | "O" => "yyyy-MM-ddTHH:mm:ss.fffffff",
        "M" | "m" => "MMMM d",
        "Y" | "y" => "MMMM yyyy",
        other => other,
    };
    custom(dt, pattern)
}

/// The first `digits` (at most 7, .NET's ticks) of the fraction of a second.
fn fraction(dt: &NaiveDateTime, digits: usize) -> String {
    let all = format!("{:09}", dt.nanosecond() % 1_000_000_000);
    all[..digits.min(7)].to_string()
}

fn custom(dt: &NaiveDateTime, pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        let hour12 = match dt.hour() % 12 {
            0 => 12,
            h => h,
        };
        let pad = |n: u32, width: usize| format!("{n:0width$}");
        let text = match c {
            'y' => match run {
                1 => (dt.year() % 100).to_string(),
                2 => pad((dt.year() % 100) as u32, 2),
                n => format!("{:0n$}", dt.year()),
            },
            'M' => match run {
                1 => dt.month().to_string(),
                2 => pad(dt.month(), 2),
                3 => dt.format("%b").to_string(),
                _ => dt.format("%B").to_string(),
            },
            'd' => match run {
                1 => dt.day().to_string(),
                2 => pad(dt.day(), 2),
                3 => dt.format("%a").to_string(),
                _ => dt.format("%A").to_string(),
            },
            'H' => match run {
                1 => dt.hour().to_string(),
                _ => pad(dt.hour(), 2),
            },
            'h' => match run {
                1 => hour12.to_string(),
                _ => pad(hour12, 2),
            },
            'm' => match run {
                1 => dt.minute().to_string(),
                _ => pad(dt.minute(), 2),
            },
            's' => match run {
                1 => dt.second().to_string(),
                _ => pad(dt.second(), 2),
            },
            'f' => fraction(dt, run),
            // `F`: trailing zeros dropped, and with them a `.` before an all-zero fraction.
            'F' => {
                let digits = fraction(dt, run).trim_end_matches('0').to_string();
                if digits.is_empty() && out.ends_with('.') {
                    out.pop();
                }
                digits
            }
            't' => {
                let ampm = if dt.hour() < 12 { "AM" } else { "PM" };
                if run == 1 {
                    ampm[..1].to_string()
                } else {
                    ampm.to_string()
                }
            }
            'z' | 'K' => Local::now().format("%:z").to_string(),
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&x| x == c)
                    .map(|p| i + 1 + p);
                let literal: String = match end {
                    Some(e) => chars[i + 1..e].iter().collect(),
                    None => chars[i + 1..].iter().collect(),
                };
                i = end.map(|e| e + 1).unwrap_or(chars.len());
                out.push_str(&literal);
                continue;
            }
            '\\' => {
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                }
                i += 2;
                continue;
            }
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        out.push_str(&text);
        i += run;
    }
    out
}

struct GetDate;

impl Processor for GetDate {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let mut dt = match cx.param("Date") {
            Some(Value::DateTime(d)) => *d,
            Some(Value::String(s)) => match parse(s) {
                Some(d) => d,
                None => {
                    return Err(cx.terminating(
                        &format!("Cannot bind parameter 'Date'. Cannot convert value \"{s}\" to type \"System.DateTime\"."),
                        "CannotConvertArgumentNoMessage",
                        ErrorCategory::InvalidArgument,
                    ));
                }
            },
            _ => Local::now().naive_local(),
        };
        let part = |name: &str| match cx.param(name) {
            Some(Value::Int(n)) => Some(*n),
            _ => None,
        };
        let adjusted = (|| {
            let mut d = dt;
            if let Some(y) = part("Year") {
                d = d.with_year(y)?;
            }
            if let Some(m) = part("Month") {
                d = d.with_month(u32::try_from(m).ok()?)?;
            }
            if let Some(x) = part("Day") {
                d = d.with_day(u32::try_from(x).ok()?)?;
            }
            if let Some(x) = part("Hour") {
                d = d.with_hour(u32::try_from(x).ok()?)?;
            }
            if let Some(x) = part("Minute") {
                d = d.with_minute(u32::try_from(x).ok()?)?;
            }
            if let Some(x) = part("Second") {
                d = d.with_second(u32::try_from(x).ok()?)?;
            }
            Some(d)
        })();
        match adjusted {
            Some(d) => dt = d,
            None => {
                return Err(cx.terminating(
                    "Year, Month, and Day parameters describe an un-representable DateTime.",
                    "GetDateInvalidArgument",
                    ErrorCategory::InvalidArgument,
                ));
            }
        }
        if let Some(f) = cx.string("Format") {
            return cx.write(Value::str(dotnet_format(&dt, &f)));
        }
        if let Some(u) = cx.string("UFormat") {
            let mut text = String::new();
            use std::fmt::Write;
            if write!(text, "{}", dt.format(&u)).is_err() {
                text = u;
            }
            return cx.write(Value::str(text));
        }
        cx.write(Value::DateTime(dt))
    }
}

/// Dates as admins type them: ISO (`2024-01-31`, `2024-01-31T10:00:00`,
/// `2024-01-31 10:00`) or US (`1/31/2024`, `1/31/2024 10:00 AM`).
pub fn parse(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    let with_time = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
    ];
    with_time
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            ["%Y-%m-%d", "%m/%d/%Y"].iter().find_map(|f| {
                chrono::NaiveDate::parse_from_str(s, f)
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
        })
}

pub fn get_date() -> CommandInfo {
    let sig = Signature::new("Get-Date")
        .synopsis("Gets the current date and time.")
        .param(
            Param::new("Date", ParamType::Any)
                .alias("LastWriteTime")
                .position(0)
                .from_pipeline(),
        )
        .param(Param::new("Year", ParamType::Int))
        .param(Param::new("Month", ParamType::Int))
        .param(Param::new("Day", ParamType::Int))
        .param(Param::new("Hour", ParamType::Int))
        .param(Param::new("Minute", ParamType::Int))
        .param(Param::new("Second", ParamType::Int))
        .param(Param::new("Format", ParamType::String))
        .param(Param::new("UFormat", ParamType::String))
        .example(
            "A .NET format",
            "Get-Date -Date '2024-01-31 14:05:09' -Format 'yyyy-MM-dd HH:mm:ss'",
            "2024-01-31 14:05:09",
        )
        .example(
            "A Unix format",
            "Get-Date -Date '2024-01-31' -UFormat '%Y/%m/%d'",
            "2024/01/31",
        );
    CommandInfo::new(sig, || Box::new(GetDate))
}

/// Start-Sleep (`sleep`): waits `-Seconds` or `-Milliseconds`.
struct Sleep;

impl Processor for Sleep {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let number = |v: Option<&Value>| match v {
            Some(Value::Int(n)) => f64::from(*n),
            Some(Value::Long(n)) => *n as f64,
            Some(Value::Double(d)) => *d,
            Some(other) => other.to_string().parse().unwrap_or(0.0),
            None => 0.0,
        };
        let ms = number(cx.param("Seconds")) * 1000.0 + number(cx.param("Milliseconds"));
        if !(ms > 0.0 && ms.is_finite()) {
            return Ok(());
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(ms as u64);
        // In slices, so that Ctrl-C in the console stops a long sleep.
        while let Some(left) = deadline
            .checked_duration_since(std::time::Instant::now())
            .filter(|d| !d.is_zero())
        {
            std::thread::sleep(left.min(std::time::Duration::from_millis(100)));
            if cx.engine.interrupted() {
                return cx.engine.tick();
            }
        }
        Ok(())
    }
}

pub fn start_sleep() -> CommandInfo {
    let sig = Signature::new("Start-Sleep")
        .alias("sleep")
        .synopsis("Suspends the activity in a script or session for the specified period of time.")
        .param(
            Param::new("Seconds", ParamType::Double)
                .position(0)
                .set("Seconds"),
        )
        .param(
            Param::new("Milliseconds", ParamType::Int)
                .alias("ms")
                .set("Milliseconds"),
        )
        .default_set("Seconds");
    CommandInfo::new(sig, || Box::new(Sleep))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt() -> NaiveDateTime {
        parse("2024-01-05 14:05:09").unwrap_or_default()
    }

    #[test]
    fn custom_and_standard_formats() {
        assert_eq!(
            dotnet_format(&dt(), "yyyy-MM-dd HH:mm:ss"),
            "2024-01-05 14:05:09"
        );
        assert_eq!(dotnet_format(&dt(), "d"), "1/5/2024");
        assert_eq!(dotnet_format(&dt(), "D"), "Friday, January 5, 2024");
        assert_eq!(dotnet_format(&dt(), "G"), "1/5/2024 2:05:09 PM");
        assert_eq!(dotnet_format(&dt(), "s"), "2024-01-05T14:05:09");
        assert_eq!(dotnet_format(&dt(), "dd-MMM-yy h:m tt"), "05-Jan-24 2:5 PM");
        assert_eq!(dotnet_format(&dt(), "'Day' d"), "Day 5");
        assert_eq!(dotnet_format(&dt(), "ss.FFF"), "09");
        let frac = dt() + chrono::Duration::milliseconds(120);
        assert_eq!(dotnet_format(&frac, "ss.FFFFFFF"), "09.12");
        assert_eq!(dotnet_format(&frac, "ss.fff"), "09.120");
    }

    #[test]
    fn parses_admin_dates() {
        assert_eq!(parse("1/5/2024 2:05 PM").map(|d| d.hour()), Some(14));
        assert!(parse("2024-01-05").is_some());
        assert!(parse("not a date").is_none());
    }
}
