//! `[timespan]` (System.TimeSpan): a length of time in 100-nanosecond ticks, as
//! New-TimeSpan returns it and as subtracting two dates gives it. An object of pwsh's
//! type with .NET's properties (Days ... TotalMilliseconds); it prints as .NET's
//! `[-][d.]hh:mm:ss[.fffffff]` and compares by its ticks.

use std::cmp::Ordering;

use super::object::PsObject;
use super::value::Value;

pub const TYPE: &str = "System.TimeSpan";

pub const TICKS_PER_MILLISECOND: i64 = 10_000;
pub const TICKS_PER_SECOND: i64 = 10_000_000;
pub const TICKS_PER_MINUTE: i64 = 60 * TICKS_PER_SECOND;
pub const TICKS_PER_HOUR: i64 = 60 * TICKS_PER_MINUTE;
pub const TICKS_PER_DAY: i64 = 24 * TICKS_PER_HOUR;

/// A TimeSpan of `ticks`, with .NET's properties in .NET's order.
pub fn from_ticks(ticks: i64) -> Value {
    let part = |unit: i64, modulo: i64| {
        let n = (ticks / unit) % modulo;
        Value::Int(i32::try_from(n).unwrap_or(0))
    };
    let total = |unit: i64| Value::Double(ticks as f64 / unit as f64);
    let mut o = PsObject::with_capacity(
        vec![
            TYPE.to_string(),
            "System.ValueType".to_string(),
            "System.Object".to_string(),
        ],
        15,
    );
    o.set("Ticks", Value::Long(ticks));
    o.set(
        "Days",
        Value::Int(i32::try_from(ticks / TICKS_PER_DAY).unwrap_or(0)),
    );
    o.set("Hours", part(TICKS_PER_HOUR, 24));
    o.set("Milliseconds", part(TICKS_PER_MILLISECOND, 1000));
    o.set("Microseconds", part(10, 1000));
    o.set(
        "Nanoseconds",
        Value::Int(i32::try_from(ticks % 10 * 100).unwrap_or(0)),
    );
    o.set("Minutes", part(TICKS_PER_MINUTE, 60));
    o.set("Seconds", part(TICKS_PER_SECOND, 60));
    o.set("TotalDays", total(TICKS_PER_DAY));
    o.set("TotalHours", total(TICKS_PER_HOUR));
    o.set("TotalMilliseconds", total(TICKS_PER_MILLISECOND));
    o.set("TotalMicroseconds", total(10));
    o.set("TotalNanoseconds", Value::Double(ticks as f64 * 100.0));
    o.set("TotalMinutes", total(TICKS_PER_MINUTE));
    o.set("TotalSeconds", total(TICKS_PER_SECOND));
    Value::object(o)
}

/// A TimeSpan's ticks (`None` for any other value).
pub fn ticks(v: &Value) -> Option<i64> {
    let Value::Object(o) = v else {
        return None;
    };
    let o = o.borrow();
    if o.type_name() != TYPE {
        return None;
    }
    match o.get("Ticks") {
        Some(Value::Long(t)) => Some(*t),
        _ => None,
    }
}

/// .NET's constant format: `[-][d.]hh:mm:ss[.fffffff]`.
pub fn text(ticks: i64) -> String {
    let sign = if ticks < 0 { "-" } else { "" };
    let t = ticks.unsigned_abs();
    let day = TICKS_PER_DAY.unsigned_abs();
    let days = t / day;
    let hours = t / TICKS_PER_HOUR.unsigned_abs() % 24;
    let minutes = t / TICKS_PER_MINUTE.unsigned_abs() % 60;
    let seconds = t / TICKS_PER_SECOND.unsigned_abs() % 60;
    let fraction = t % TICKS_PER_SECOND.unsigned_abs();
    let mut out = String::from(sign);
    if days > 0 {
        out.push_str(&format!("{days}."));
    }
    out.push_str(&format!("{hours:02}:{minutes:02}:{seconds:02}"));
    if fraction > 0 {
        out.push_str(&format!(".{fraction:07}"));
    }
    out
}

/// Reads `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days, as `[timespan]'...'`.
pub fn parse(input: &str) -> Option<Value> {
    let s = input.trim();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let number = |t: &str| t.parse::<i64>().ok().filter(|n| *n >= 0);
    let ticks = if !s.contains(':') {
        number(s)?.checked_mul(TICKS_PER_DAY)?
    } else {
        let (days, clock) = match s.split_once('.') {
            Some((d, rest)) if !d.contains(':') => (number(d)?, rest),
            _ => (0, s),
        };
        let (clock, fraction) = match clock.split_once('.') {
            Some((c, f)) if f.len() <= 7 && f.chars().all(|c| c.is_ascii_digit()) => {
                (c, format!("{f:0<7}").parse::<i64>().ok()?)
            }
            Some(_) => return None,
            None => (clock, 0),
        };
        let parts: Vec<i64> = clock.split(':').map(number).collect::<Option<_>>()?;
        let (h, m, sec) = match parts.as_slice() {
            [h, m] => (*h, *m, 0),
            [h, m, sec] => (*h, *m, *sec),
            _ => return None,
        };
        if h > 23 || m > 59 || sec > 59 {
            return None;
        }
        days * TICKS_PER_DAY
            + h * TICKS_PER_HOUR
            + m * TICKS_PER_MINUTE
            + sec * TICKS_PER_SECOND
            + fraction
    };
    Some(from_ticks(if negative { -ticks } else { ticks }))
}

/// Orders two TimeSpans; `None` unless the left one is one and the right one is (or reads
/// as) one.
pub fn compare(left: &Value, right: &Value) -> Option<Ordering> {
    let l = ticks(left)?;
    let r = match right {
        Value::String(s) => ticks(&parse(s)?)?,
        other => ticks(other)?,
    };
    Some(l.cmp(&r))
}

/// The ticks between two local date-times (`later - earlier`).
pub fn between(later: &chrono::NaiveDateTime, earlier: &chrono::NaiveDateTime) -> i64 {
    let d = *later - *earlier;
    d.num_microseconds()
        .map(|us| us.saturating_mul(10))
        .unwrap_or_else(|| d.num_milliseconds().saturating_mul(TICKS_PER_MILLISECOND))
}

/// A date-time moved by `ticks`.
pub fn shift(t: &chrono::NaiveDateTime, ticks: i64) -> Option<chrono::NaiveDateTime> {
    t.checked_add_signed(chrono::TimeDelta::microseconds(ticks / 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_as_dotnet_prints_them() {
        assert_eq!(text(TICKS_PER_HOUR), "01:00:00");
        assert_eq!(text(TICKS_PER_DAY + 90 * TICKS_PER_MINUTE), "1.01:30:00");
        assert_eq!(text(-TICKS_PER_SECOND / 2), "-00:00:00.5000000");
    }

    #[test]
    fn parses_dotnet_forms() {
        let t = |s: &str| parse(s).and_then(|v| ticks(&v));
        assert_eq!(t("01:00:00"), Some(TICKS_PER_HOUR));
        assert_eq!(
            t("1.02:03"),
            Some(TICKS_PER_DAY + 2 * TICKS_PER_HOUR + 3 * TICKS_PER_MINUTE)
        );
        assert_eq!(t("00:00:01.5"), Some(15_000_000));
        assert_eq!(t("3"), Some(3 * TICKS_PER_DAY));
        assert_eq!(t("25:00:00"), None);
        assert_eq!(t("abc"), None);
    }
}
